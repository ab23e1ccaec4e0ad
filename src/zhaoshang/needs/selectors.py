"""Reads on enterprise needs, scoped to the caller (a unit user: the needs routed to its unit)."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from zhaoshang.accounts.models import Unit
from zhaoshang.core.audit_labels import action_label
from zhaoshang.core.models import AuditLog
from zhaoshang.core.permissions import get_for, listing_action
from zhaoshang.core.query_params import Listing
from zhaoshang.needs.choices import CONTENT, NeedStatus, NeedType, Satisfaction
from zhaoshang.needs.filters import NeedFilter
from zhaoshang.needs.lights import NeedLight, need_light
from zhaoshang.needs.models import Need
from zhaoshang.projects.choices import State
from zhaoshang.projects.models import Enterprise, Project
from zhaoshang.projects.selectors import listed_projects
from zhaoshang.search.selectors import search_ids
from zhaoshang.supervision.lights import Light

ENTERPRISE_KIND = "enterprise"  # the enterprise directory's kind in the search index (targeting/registries.py)
CANDIDATES_SHOWN = 10  # rows the name search offers; typing more narrows them
MIN_QUERY = 2  # characters typed before names are looked up (one character matches too much)


def need_listing(*, user, params=None) -> Listing:
    """The caller's needs, filtered by `params` (query-string names), with what lists show; and whether the keyword
    search was cut."""
    queryset = Need.objects.restrict(user, listing_action(user)).select_related("unit", "project", "enterprise")
    return Listing.of(NeedFilter(params or {}, queryset=queryset))


def needs_for(*, user, params=None):
    """The caller's needs, filtered by `params` (query-string names), with what lists show."""
    return need_listing(user=user, params=params).rows


def need_for(*, user, pk: int, action: str = "view") -> Need:
    """One need the user may `action` (404 for missing and forbidden alike)."""
    return get_for(user, action, Need.objects.select_related("unit", "project", "enterprise", "accepted_by", "settled_by"), pk=pk)


def light_of(need: Need, now: datetime.datetime | None = None) -> NeedLight:
    now = timezone.localtime(now or timezone.now())
    settled_on = timezone.localdate(need.settled_at) if need.settled_at else None
    return need_light(now=now, accept_due=need.accept_due, accepted=need.accepted_at is not None,
                      settle_due=need.settle_due, settled_on=settled_on)


@dataclass
class NeedRow:
    need: Need
    light: NeedLight


def need_rows(needs, now: datetime.datetime | None = None) -> list[NeedRow]:
    return [NeedRow(need, light_of(need, now)) for need in needs]


@dataclass
class NeedCounts:
    """Counts of one unit's needs (or everyone's), as the supervision pages count assignments."""

    unit_id: int | None = None
    unit: str = "合计"
    total: int = 0
    open: int = 0
    late: int = 0
    settled: int = 0
    settled_late: int = 0
    ratings: dict = field(default_factory=lambda: {value: 0 for value in Satisfaction.values})
    lights: dict = field(default_factory=lambda: {light.value: 0 for light in Light})

    @property
    def rated(self) -> int:
        return sum(self.ratings.values())

    @property
    def satisfaction_rate(self) -> float | None:
        """满意率: (满意 + 基本满意) / 已评价, in percent; None before any rating."""
        if not self.rated:
            return None
        return round(sum(self.ratings[v] for v in CONTENT) * 100 / self.rated, 1)

    def add(self, row: NeedRow) -> None:
        need = row.need
        self.total += 1
        self.lights[row.light.light.value] += 1
        if need.status == NeedStatus.SETTLED:
            self.settled += 1
            self.settled_late += row.light.reason == "逾期办结"
            if need.satisfaction:
                self.ratings[need.satisfaction] += 1
        else:
            self.open += 1
            self.late += row.light.light in (Light.RED, Light.YELLOW)

    def as_dict(self) -> dict:
        return {"unit_id": self.unit_id, "unit": self.unit, "total": self.total, "open": self.open, "late": self.late,
                "settled": self.settled, "settled_late": self.settled_late, "rated": self.rated, **self.ratings,
                "satisfaction_rate": self.satisfaction_rate, "lights": self.lights}


def need_counts(needs, now: datetime.datetime | None = None) -> tuple[NeedCounts, list[NeedCounts]]:
    """The total and one row per unit (by unit order) of a (filtered) list of needs."""
    total, by_unit = NeedCounts(), {}
    for row in need_rows(needs.select_related("unit").order_by("unit__sort_order", "unit_id", "id"), now):
        unit = row.need.unit
        by_unit.setdefault(unit.pk, NeedCounts(unit.pk, unit.display_name)).add(row)
        total.add(row)
    return total, list(by_unit.values())


def unit_open_needs(*, user, now: datetime.datetime | None = None) -> list[NeedRow]:
    """A unit's open needs for its work list: the most urgent (earliest settle deadline) first."""
    needs = needs_for(user=user).exclude(status=NeedStatus.SETTLED).order_by("settle_due", "accept_due", "id")
    return need_rows(needs, now)


# --- the new-need form's search-as-you-type ------------------------------------------------------------------

def _selected_first(rows: list, selected) -> list:
    """The row already picked stays offered (first) while the typed text changes."""
    if selected is None:
        return rows[:CANDIDATES_SHOWN]
    return [selected, *[row for row in rows if row.pk != selected.pk]][:CANDIDATES_SHOWN]


def project_candidates(*, user, text: str, selected_id: int | None = None) -> list[Project]:
    """Live projects `user` lists whose name contains `text`, recently updated first; the one picked first.

    Projects are not in the search index (only registries are): a LIKE over the listed projects, bounded by LIMIT."""
    projects = listed_projects(user).exclude(state=State.TERMINATED).select_related("lead_unit")
    selected = projects.filter(pk=selected_id).first() if selected_id else None
    text = text.strip()
    rows = list(projects.filter(name__icontains=text).order_by("-updated_at", "-id")[:CANDIDATES_SHOWN]) \
        if len(text) >= MIN_QUERY else []
    return _selected_first(rows, selected)


def enterprise_candidates(*, text: str, selected_id: int | None = None) -> list[Enterprise]:
    """Enterprises whose name, credit code or legal representative contains `text` (or whose pinyin initials do),
    from the search index (the enterprise directory's kind), newest first; the one picked first. Every user reads
    the enterprise directory."""
    selected = Enterprise.objects.filter(pk=selected_id).first() if selected_id else None
    text = text.strip()
    rows = []
    if len(text) >= MIN_QUERY:
        ids = search_ids(ENTERPRISE_KIND, text, limit=CANDIDATES_SHOWN * 2).ids  # a few may be in the recycle bin
        found = Enterprise.objects.in_bulk(ids)
        rows = [found[pk] for pk in ids if pk in found]
    return _selected_first(rows, selected)


# --- 办理记录: a need's trail, read from its audit entries -------------------------------------------------------

TRAIL_ACTIONS = {"create": "登记", "update": "修改", "route": "转办", "accept": "受理", "settle": "办结",
                 "rate": "回访评价", "urge": "催办", "escalate": "超时上报督办办公室"}
TRAIL_FIELDS = {"title": "诉求事项", "need_type": "诉求类型", "description": "具体内容", "contact_name": "企业联系人"}


@dataclass
class TrailEntry:
    """One step of a need's handling: when, who (and their unit), what was done, and what was said."""

    at: datetime.datetime
    who: str
    what: str
    detail: str


def _changes(before: dict, after: dict) -> str:
    types = dict(NeedType.choices)
    parts = []
    for name, label in TRAIL_FIELDS.items():
        old, new = before.get(name), after.get(name)
        if old != new:
            old, new = (types.get(old, old), types.get(new, new)) if name == "need_type" else (old, new)
            parts.append(f"{label}：{old or '（空）'} → {new or '（空）'}")
    if before.get("contact_phone") != after.get("contact_phone"):
        parts.append("联系电话已修改")  # the number itself stays off the trail (other units read it masked)
    return "；".join(parts)


def _detail(action: str, before: dict, after: dict, units: dict[int, str]) -> str:
    if action == "create":
        return f"承办单位：{units.get(after.get('unit_id'), '')}"
    if action == "route":
        return (f"{units.get(before.get('unit_id'), '')} → {units.get(after.get('unit_id'), '')}"
                f"；转办理由：{after.get('reason') or '（未填写）'}")
    if action == "settle":
        return f"答复：{after.get('reply', '')}"
    if action == "rate":
        rating = dict(Satisfaction.choices).get(after.get("satisfaction"), "")
        return "；".join(part for part in (rating, after.get("rating_note", "")) if part)
    if action == "urge":
        return after.get("message", "")
    if action == "escalate":
        return "超时未受理" if after.get("escalation_level") == 1 else "逾期未办结"
    if action == "update":
        return _changes(before, after)
    return ""


def need_trail(need: Need) -> list[TrailEntry]:
    """Every step of the need (registered, changed, routed with the reason, accepted, settled with the reply, rated,
    urged, escalated) with who and when, oldest first, read from the append-only audit log: the one record of the
    writes, so the trail cannot disagree with it. Two queries."""
    entries = list(AuditLog.objects.filter(object_type=Need._meta.label_lower, object_id=str(need.pk))
                   .select_related("actor__unit").order_by("created_at", "id"))
    unit_ids = {snap.get("unit_id") for e in entries for snap in (e.before or {}, e.after or {})} - {None}
    units = {unit.pk: unit.display_name for unit in Unit.objects.filter(pk__in=unit_ids)}
    trail = []
    for entry in entries:
        actor = entry.actor
        who = "系统" if actor is None else actor.display_name
        if actor is not None and actor.unit_id:
            who = f"{who}（{actor.unit.display_name}）"
        trail.append(TrailEntry(at=entry.created_at, who=who,
                                what=TRAIL_ACTIONS.get(entry.action, action_label(entry.action)),
                                detail=_detail(entry.action, entry.before or {}, entry.after or {}, units)))
    return trail
