"""The registry figures beside the pipeline figures: per industry chain on the chain board, per registry group on the
dashboard (登记数据).

A registry row counts as 在册 on the board's day when it had begun by then (or is undated) and had not ended
(`registries.filters.as_of_q`, what the registry list's ?as_of= shows), and as 新增 when its `since` falls in the
board's year up to the day (the rule of a 新增 registry-count indicator). Soft-deleted rows never count. Every signed-in
user reads every registry (registries/access.py), so the figures are the same for every role. Each figure carries the
query string of the registry list that shows its rows, so a figure and its list cannot disagree.

Both reads are one query each however many registries, chains and rows there are: one grouped aggregate per registry,
joined with UNION ALL, each tagged with the registry's position in the catalog (an integer, which every database
types alike)."""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, IntegerField, Q, Value
from django.urls import reverse

from zhaoshang.kpis.rules import Window
from zhaoshang.registries.catalog import all_registries
from zhaoshang.registries.filters import as_of_q
from zhaoshang.registries.kit import Registry

CHAIN = "chain"  # the column (and the registry list's filter) that places a row on an industry chain


@dataclass(frozen=True)
class RegistryFigure:
    """How many rows of one registry a figure counts, and the registry list showing them."""

    registry: Registry
    count: int
    query: str  # the list's query string; "" when the list has no filter for exactly these rows

    @property
    def url(self) -> str:
        path = reverse("registries:list", args=[self.registry.key])
        return f"{path}?{self.query}" if self.query else path


@dataclass
class RegistryRow:
    """One registry on the dashboard: rows in place on the day, and new this year."""

    in_place: RegistryFigure
    new: RegistryFigure

    @property
    def registry(self) -> Registry:
        return self.in_place.registry


@dataclass
class RegistryGroup:
    """A menu group of registries (资源要素数据库, 人才 …) with its totals."""

    name: str
    rows: list[RegistryRow] = field(default_factory=list)

    @property
    def in_place(self) -> int:
        return sum(row.in_place.count for row in self.rows)

    @property
    def new(self) -> int:
        return sum(row.new.count for row in self.rows)


def chain_registries() -> list[Registry]:
    """The registries whose rows belong to a chain (a model field named "chain" that their list filters on)."""
    found = []
    for registry in all_registries().values():
        names = {model_field.name for model_field in registry.model._meta.get_fields()}
        if CHAIN in names and CHAIN in registry.filters:
            found.append(registry)
    return found


def _query(**values) -> str:
    return urlencode({key: value for key, value in values.items() if value not in (None, "")})


def _union(querysets: list):
    """One query of several grouped aggregates with the same columns (UNION ALL keeps equal rows of different
    registries)."""
    if not querysets:
        return []
    first, *rest = querysets
    return first.union(*rest, all=True) if rest else first


def _tag(position: int) -> Value:
    return Value(position, output_field=IntegerField())


def chain_registry_figures(chains, as_of: datetime.date) -> dict[int, list[RegistryFigure]]:
    """{chain id: the figure of each chain registry with rows of that chain in place on `as_of`}, registries in menu
    order, registries without rows on the chain left out (one query)."""
    registries = chain_registries()
    chain_ids = [chain.pk for chain in chains]
    if not registries or not chain_ids:
        return {}
    grouped = [registry.model.objects.filter(as_of_q(as_of), chain_id__in=chain_ids).order_by()
               .values("chain_id").annotate(figure_source=_tag(position), figure_count=Count("pk"))
               for position, registry in enumerate(registries)]
    counts = {(row["figure_source"], row["chain_id"]): row["figure_count"] for row in _union(grouped)}
    figures: dict[int, list[RegistryFigure]] = {}
    for chain_id in chain_ids:
        for position, registry in enumerate(registries):
            count = counts.get((position, chain_id))
            if count:
                figures.setdefault(chain_id, []).append(RegistryFigure(
                    registry, count, _query(chain=chain_id, as_of=as_of.isoformat())))
    return figures


def _new_query(registry: Registry, window: Window) -> str:
    """The list's filter on `since` over the window when it has one (since_from/since_to), else none."""
    if "since" not in registry.filters:
        return ""
    return _query(since_from=window.start.isoformat(), since_to=window.end.isoformat())


def registry_groups(as_of: datetime.date, year: int) -> list[RegistryGroup]:
    """Every registry by menu group: rows in place on `as_of` and rows new in `year` up to `as_of` (one query)."""
    registries = list(all_registries().values())
    window = Window.of(year, as_of)
    new_q = Q(since__gte=window.start, since__lte=window.end)  # none before the year starts (end < start)
    aggregated = [registry.model.objects.order_by().annotate(figure_source=_tag(position)).values("figure_source")
                  .annotate(figure_in_place=Count("pk", filter=as_of_q(as_of)), figure_new=Count("pk", filter=new_q))
                  for position, registry in enumerate(registries)]
    counts = {row["figure_source"]: row for row in _union(aggregated)}
    groups: dict[str, RegistryGroup] = {}
    for position, registry in enumerate(registries):
        row = counts.get(position, {})
        groups.setdefault(registry.group, RegistryGroup(registry.group)).rows.append(RegistryRow(
            RegistryFigure(registry, row.get("figure_in_place") or 0, _query(as_of=as_of.isoformat())),
            RegistryFigure(registry, row.get("figure_new") or 0, _new_query(registry, window))))
    return list(groups.values())
