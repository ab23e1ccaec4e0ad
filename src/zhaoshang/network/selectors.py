"""Reads of the network app: the rows a project's 引荐来源 form offers, a project's referrals, and what each referring
楚商, association and event brought (以商引商成效), counted over the projects the reader may list."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.urls import reverse

from zhaoshang.core.query_params import QueryError
from zhaoshang.network.registries import REFERRER_KEYS
from zhaoshang.projects.choices import Stage, State
from zhaoshang.projects.selectors import listed_projects
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.choices import LinkRelation
from zhaoshang.registries.models import RegistryLink
from zhaoshang.registries.selectors import entries_for

CANDIDATES_SHOWN = 10  # rows the form offers for a typed name; a longer name narrows them
MIN_QUERY = 2  # characters typed before names are looked up (one character matches too much)
STAGE_LABELS = dict(Stage.choices)


def referrer_choices() -> list[tuple[str, str]]:
    return [(key, registry_named(key).name) for key in REFERRER_KEYS]


def referrer_kind(params, name: str = "kind", *, required: bool = False) -> str | None:
    """A referring registry's key from a query or form ("" → None); another value is a Chinese 400."""
    kind = (params.get(name) or "").strip()
    if not kind and not required:
        return None
    if kind not in REFERRER_KEYS:
        raise QueryError("引荐来源类型应为楚商信息、商协会、招商活动或外部招商平台")
    return kind


def referral_candidates(*, user, kind: str, text: str) -> list:
    """The live rows of registry `kind` a typed text names: a number is a row's id, two or more characters a search."""
    registry = registry_named(kind)
    text = text.strip()
    if text.isascii() and text.isdigit() and len(text) <= 18:
        return list(registry.model.objects.filter(pk=int(text)))
    if len(text) < MIN_QUERY:
        return []
    return list(entries_for(user=user, registry=registry, params={"q": text}).rows[:CANDIDATES_SHOWN])


@dataclass
class Referral:
    """One 引荐来源 of a project."""

    link_id: int
    kind: str
    kind_label: str
    entry_id: int
    name: str
    url: str


def _names(kind: str, ids) -> dict[int, str]:
    return {row.pk: str(row) for row in registry_named(kind).model.objects.filter(pk__in=list(ids))}


def project_referrals(project) -> list[Referral]:
    """Who referred `project` (live rows only), oldest link first."""
    links = list(RegistryLink.objects.filter(to_kind="project", to_id=project.pk, relation=LinkRelation.REFERRED,
                                             from_kind__in=REFERRER_KEYS).order_by("id"))
    ids: dict[str, set[int]] = defaultdict(set)
    for link in links:
        ids[link.from_kind].add(link.from_id)
    names = {kind: _names(kind, found) for kind, found in ids.items()}
    return [Referral(link.pk, link.from_kind, registry_named(link.from_kind).name, link.from_id, names[link.from_kind][link.from_id],
                     reverse("registries:detail", args=[link.from_kind, link.from_id]))
            for link in links if link.from_id in names[link.from_kind]]


@dataclass
class ReferredProject:
    pk: int
    name: str
    stage_label: str
    amount_wan: Decimal
    signed: bool  # signed or later, and not terminated (as the indicators count 签约)


@dataclass
class ReferrerRow:
    """What one 楚商, association or event brought: the projects it referred that the reader may list."""

    kind: str
    kind_label: str
    entry_id: int
    name: str
    url: str
    projects: list[ReferredProject] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.projects)

    @property
    def signed(self) -> int:
        return sum(1 for p in self.projects if p.signed)

    @property
    def amount_wan(self) -> Decimal:
        return sum((p.amount_wan for p in self.projects), Decimal(0))


@dataclass
class ReferralSummary:
    rows: list[ReferrerRow]
    projects: int  # distinct projects (one referred by two sources counts once)
    signed: int
    amount_wan: Decimal


def referral_summary(*, user, kind: str | None = None) -> ReferralSummary:
    """Per referring row, the projects it referred within the user's scope (`listed_projects`: a unit user its own
    unit's), how many reached signing and their planned investment; totals count each project once."""
    kinds = (kind,) if kind else REFERRER_KEYS
    links = RegistryLink.objects.filter(relation=LinkRelation.REFERRED, to_kind="project", from_kind__in=kinds)
    projects = {p["pk"]: p for p in listed_projects(user).filter(pk__in=links.values("to_id")).values(
        "pk", "name", "stage", "state", "signed_on", "amount_wan")}
    pairs = [pair for pair in links.order_by("id").values_list("from_kind", "from_id", "to_id") if pair[2] in projects]
    ids: dict[str, set[int]] = defaultdict(set)
    for from_kind, from_id, _ in pairs:
        ids[from_kind].add(from_id)
    names = {k: _names(k, found) for k, found in ids.items()}
    rows: dict[tuple[str, int], ReferrerRow] = {}
    counted: set[int] = set()
    for from_kind, from_id, project_id in pairs:
        name = names[from_kind].get(from_id)
        if name is None:
            continue  # the referring row is in the recycle bin
        row = rows.get((from_kind, from_id))
        if row is None:
            row = rows[(from_kind, from_id)] = ReferrerRow(from_kind, registry_named(from_kind).name, from_id, name,
                                                           reverse("registries:detail", args=[from_kind, from_id]))
        p = projects[project_id]
        row.projects.append(ReferredProject(p["pk"], p["name"], STAGE_LABELS.get(p["stage"], p["stage"]), p["amount_wan"],
                                            p["signed_on"] is not None and p["state"] != State.TERMINATED))
        counted.add(project_id)
    ordered = sorted(rows.values(), key=lambda r: (-r.count, -r.amount_wan, r.kind, r.entry_id))
    totals = [projects[pk] for pk in counted]
    return ReferralSummary(
        rows=ordered, projects=len(totals),
        signed=sum(1 for p in totals if p["signed_on"] is not None and p["state"] != State.TERMINATED),
        amount_wan=sum((p["amount_wan"] for p in totals), Decimal(0)))
