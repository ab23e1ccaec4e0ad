"""Reads of the directory's registries: the visits of a year counted per unit and per 专班 (走访统计), for the page
and its Excel export alike."""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse

from zhaoshang.accounts.models import Unit
from zhaoshang.targeting.choices import VisitKind
from zhaoshang.targeting.models import Visit

NO_TEAM = "（未填专班）"


@dataclass
class VisitCount:
    """One line of the statistics: a unit or a 专班, its visits by kind, the enterprises and projects it reached."""

    label: str
    url: str
    total: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    enterprises: int = 0
    projects: int = 0

    def kinds(self) -> list[int]:
        return [self.by_kind.get(kind, 0) for kind in VisitKind.values]


@dataclass
class VisitStats:
    year: int
    by_unit: list[VisitCount]
    by_team: list[VisitCount]
    total: int

    @property
    def kind_labels(self) -> list[str]:
        return list(VisitKind.labels)


def _list_url(year: int, **params) -> str:
    query = {**params, "since_from": f"{year}-01-01", "since_to": f"{year}-12-31"}
    return reverse("registries:list", args=["visit"]) + "?" + urlencode(query)


def _counted(rows, column: str) -> dict:
    """{value of `column`: VisitCount without label}, from two grouped queries over `rows`."""
    found: dict = {}
    for item in rows.values(column, "kind").annotate(n=Count("pk")).order_by():
        line = found.setdefault(item[column], VisitCount(label="", url=""))
        line.by_kind[item["kind"]] = item["n"]
        line.total += item["n"]
    reached = rows.values(column).annotate(e=Count("enterprise", distinct=True), p=Count("project", distinct=True)).order_by()
    for item in reached:
        found[item[column]].enterprises, found[item[column]].projects = item["e"], item["p"]
    return found


def visit_stats(*, year: int) -> VisitStats:
    """The visits dated in `year` (live ones), counted per owner unit and per 专班, most visits first. Every signed-in
    user reads them (like the visit registry itself)."""
    rows = Visit.objects.filter(since__gte=datetime.date(year, 1, 1), since__lte=datetime.date(year, 12, 31))
    by_unit = _counted(rows, "owner_unit_id")
    names = {unit.pk: str(unit) for unit in Unit.all_objects.filter(pk__in=[pk for pk in by_unit if pk])}
    for pk, line in by_unit.items():
        line.label = names.get(pk) or "（未填单位）"
        line.url = _list_url(year, owner_unit=pk) if pk else _list_url(year)
    by_team = _counted(rows, "team")
    for team, line in by_team.items():
        line.label = team or NO_TEAM
        line.url = _list_url(year, team=team) if team else _list_url(year)
    order = lambda line: (-line.total, line.label)  # noqa: E731
    return VisitStats(year=year, by_unit=sorted(by_unit.values(), key=order), by_team=sorted(by_team.values(), key=order),
                      total=sum(line.total for line in by_unit.values()))


def visit_stats_rows(stats: VisitStats) -> list[list]:
    """The statistics as the Excel export lists them: the units, then the 专班."""
    rows = []
    for title, lines in (("按单位", stats.by_unit), ("按专班", stats.by_team)):
        rows.extend([title, line.label, line.total, *line.kinds(), line.enterprises, line.projects] for line in lines)
    return rows
