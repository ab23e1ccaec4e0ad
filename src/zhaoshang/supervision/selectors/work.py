"""What each page of supervision reads: a unit's work, the office's overview, light counts."""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q

from zhaoshang.core.permissions import listing_action
from zhaoshang.plans.models import Task
from zhaoshang.plans.selectors import assignments_for, current_plan_for
from zhaoshang.supervision.choices import ProblemStatus, ReportStatus
from zhaoshang.supervision.lights import LIGHT_LABELS, Light, worst
from zhaoshang.supervision.models import Problem, ProgressReport, Urge
from zhaoshang.supervision.selectors.status import AssignmentStatus, statuses_as_of
from zhaoshang.supervision.selectors.todo import unit_todo


def supervised_assignments(*, user, plan=None, unit_id: int | None = None, task_id: int | None = None):
    """Assignments the caller follows: a unit user its own unit's, the office and leaders every unit's."""
    action = listing_action(user)
    plan = plan or current_plan_for(user=user)
    if plan is None:
        return assignments_for(user=user, action=action).none()
    qs = assignments_for(user=user, plan=plan, unit_id=unit_id, action=action)
    return qs.filter(measure__task_id=task_id) if task_id else qs


def statuses_for(*, user, as_of: datetime.date | None = None, light: str = "", **filters) -> list[AssignmentStatus]:
    statuses = statuses_as_of(supervised_assignments(user=user, **filters), as_of).values()
    return [s for s in statuses if not light or s.light == light]


@dataclass
class UnitWork:
    """A unit's "我的工作": what is due or overdue, what came back, who urged, which problems it owns."""

    statuses: list[AssignmentStatus]
    returned: list[ProgressReport]
    drafts: list[ProgressReport]
    urges: list[Urge]
    problems: list[Problem]
    todo: list = field(default_factory=list)  # everything waiting on the unit, one button each (selectors/todo.py)
    submitted: list = field(default_factory=list)  # the latest reports sent, waiting on the office's review

    @property
    def overdue(self) -> list[AssignmentStatus]:
        return [s for s in self.statuses if s.missing]

    @property
    def raised(self) -> list[Problem]:
        """Problems the unit raised in its own reports, waiting on the office."""
        ids = {s.assignment.pk for s in self.statuses}
        return [p for p in self.problems if p.report.assignment_id in ids]

    @property
    def lights(self) -> Counter:
        return Counter(s.light for s in self.statuses)


def unit_work(*, user, as_of: datetime.date | None = None) -> UnitWork:
    statuses = statuses_for(user=user, as_of=as_of)
    ids = [s.assignment.pk for s in statuses]
    reports = ProgressReport.objects.filter(assignment_id__in=ids).select_related("assignment__measure__task")
    return UnitWork(
        statuses=sorted(statuses, key=lambda s: (s.next_due.due if s.next_due else datetime.date.max)),
        returned=list(reports.filter(status=ReportStatus.RETURNED)),
        drafts=list(reports.filter(status=ReportStatus.DRAFT)),
        urges=list(Urge.objects.filter(assignment_id__in=ids).select_related("assignment__measure__task", "created_by")[:20]),
        problems=list(Problem.objects.filter(Q(owner_unit_id=user.unit_id) | Q(report__assignment_id__in=ids),
                                             status=ProblemStatus.OPEN).select_related("report__assignment__measure__task")),
        todo=unit_todo(user=user, statuses=statuses, today=as_of),
        submitted=list(reports.filter(status=ReportStatus.SUBMITTED).annotate(
            files=Count("attachments", filter=Q(attachments__deleted_at__isnull=True))).order_by("-submitted_at")[:10]),
    )


@dataclass
class TaskRow:
    task: Task
    light: Light
    statuses: list[AssignmentStatus] = field(default_factory=list)

    @property
    def light_label(self) -> str:
        return LIGHT_LABELS[self.light]


def task_rows(statuses: list[AssignmentStatus]) -> list[TaskRow]:
    """One row per task; its light is the worst of its lead units' (the consolidated reports)."""
    rows: dict[int, TaskRow] = {}
    for status in statuses:
        task = status.assignment.measure.task
        rows.setdefault(task.pk, TaskRow(task, Light.GREY)).statuses.append(status)
    for row in rows.values():
        leads = [s.light for s in row.statuses if s.assignment.is_lead] or [s.light for s in row.statuses]
        row.light = worst(leads)
    return sorted(rows.values(), key=lambda r: r.task.sort_key)


def light_counts(statuses: list[AssignmentStatus]) -> dict:
    """Assignments per light, overall and by unit (the API's /lights shape)."""
    total = Counter(s.light.value for s in statuses)
    by_unit: dict[int, dict] = {}
    for status in statuses:
        unit = status.assignment.unit
        entry = by_unit.setdefault(unit.pk, {"unit_id": unit.pk, "unit": unit.display_name, **{l.value: 0 for l in Light}})
        entry[status.light.value] += 1
    return {**{l.value: total.get(l.value, 0) for l in Light}, "by_unit": sorted(by_unit.values(), key=lambda e: e["unit"])}


def open_problems(*, user):
    """The coordination list the office works through."""
    return (Problem.objects.filter(report__assignment__in=supervised_assignments(user=user))
            .select_related("report__assignment__unit", "report__assignment__measure__task", "owner_unit"))


def urge_counts(assignment_ids) -> dict[int, int]:
    return dict(Urge.objects.filter(assignment_id__in=assignment_ids).values_list("assignment_id").annotate(n=Count("id")))
