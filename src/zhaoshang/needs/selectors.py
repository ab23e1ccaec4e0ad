"""Reads on enterprise needs, scoped to the caller (a unit user: the needs routed to its unit)."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from zhaoshang.core.permissions import get_for, listing_action
from zhaoshang.needs.choices import CONTENT, NeedStatus, Satisfaction
from zhaoshang.needs.filters import NeedFilter
from zhaoshang.needs.lights import NeedLight, need_light
from zhaoshang.needs.models import Need
from zhaoshang.supervision.lights import Light


def needs_for(*, user, params=None):
    """The caller's needs, filtered by `params` (query-string names), with what lists show."""
    queryset = Need.objects.restrict(user, listing_action(user)).select_related("unit", "project", "enterprise")
    return NeedFilter(params or {}, queryset=queryset).qs


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
