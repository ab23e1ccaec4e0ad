"""The office's overview (督办总览) and the assignment list it drills into, on one set of filters.

`OverviewFilters` is the one place the overview's query string is read and built: the ranking's unit links, the
light cards, the overdue count and the filter form all go through it, so a link always filters what it says.
A unit filter keeps the tasks where the unit leads **or** co-operates (the row still shows the lead unit's
progress) and counts that unit's own assignments; the coordination list follows the same unit."""

import datetime
from dataclasses import asdict, dataclass, replace
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse

from zhaoshang.core.query_params import QueryError, query_date, query_id
from zhaoshang.supervision.lights import Light
from zhaoshang.supervision.selectors.status import AssignmentStatus
from zhaoshang.supervision.selectors.work import TaskRow, open_problems, statuses_for, task_rows

LIGHTS = {item.value for item in Light}


@dataclass(frozen=True)
class OverviewFilters:
    """?unit=&focus=&task=&deadline=&light=&overdue=1&as_of=YYYY-MM-DD"""

    unit: int | None = None
    focus: int | None = None
    task: int | None = None
    deadline: str = ""
    light: str = ""
    overdue: bool = False
    as_of: datetime.date | None = None

    @classmethod
    def from_query(cls, params) -> "OverviewFilters":
        light = params.get("light", "")
        if light and light not in LIGHTS:
            raise QueryError("灯色取值不正确")
        return cls(unit=query_id(params, "unit", label="责任单位"), focus=query_id(params, "focus", label="工作重点"),
                   task=query_id(params, "task", label="任务"), deadline=params.get("deadline", "")[:20], light=light,
                   overdue=params.get("overdue") == "1", as_of=query_date(params, "as_of", label="截至日期"))

    def query(self, **changes) -> str:
        """The query string of these filters with `changes` (a value of None/""/False drops the filter)."""
        values = asdict(replace(self, **changes))
        pairs = {key: ("1" if value is True else value.isoformat() if isinstance(value, datetime.date) else value)
                 for key, value in values.items() if value not in (None, "", False)}
        return urlencode(pairs)

    def url(self, name: str = "supervision:overview", **changes) -> str:
        query = self.query(**changes)
        return reverse(name) + (f"?{query}" if query else "")

    def matches_task(self, task) -> bool:
        return ((self.focus is None or task.focus_id == self.focus) and (self.task is None or task.pk == self.task)
                and (not self.deadline or task.deadline_code == self.deadline))


@dataclass
class Overview:
    rows: list[TaskRow]  # tasks (the unit's, lead or co-operating), filtered by light
    counted: list[AssignmentStatus]  # the assignments the cards count: the unit's own when a unit is chosen
    all_rows: list[TaskRow]  # every task in scope, for the filter choices

    def light_count(self, light: Light) -> int:
        return sum(1 for s in self.counted if s.light == light)

    @property
    def overdue(self) -> list[AssignmentStatus]:
        return [s for s in self.counted if s.missing]


def overview_for(*, user, filters: OverviewFilters) -> Overview:
    """Statuses of every assignment in scope once; the unit filter narrows rows to tasks the unit takes part in."""
    statuses = statuses_for(user=user, as_of=filters.as_of)
    all_rows = task_rows(statuses)
    rows = [r for r in all_rows if filters.matches_task(r.task)]
    counted = [s for r in rows for s in r.statuses if filters.unit is None or s.assignment.unit_id == filters.unit]
    if filters.unit is not None:
        rows = [r for r in rows if any(s.assignment.unit_id == filters.unit for s in r.statuses)]
    if filters.light:
        rows = [r for r in rows if r.light == filters.light]
    return Overview(rows=rows, counted=counted, all_rows=all_rows)


def assignment_statuses_for(*, user, filters: OverviewFilters) -> list[AssignmentStatus]:
    """The assignment rows a card or count stands for: the counted ones, narrowed by light and overdue."""
    counted = overview_for(user=user, filters=replace(filters, light="")).counted
    return [s for s in counted if (not filters.light or s.light == filters.light) and (not filters.overdue or s.missing)]


def problems_for(*, user, unit_id: int | None = None):
    """The coordination list, narrowed to problems raised by a unit or given to it to solve."""
    problems = open_problems(user=user)
    if unit_id is not None:
        problems = problems.filter(Q(report__assignment__unit_id=unit_id) | Q(owner_unit_id=unit_id))
    return problems
