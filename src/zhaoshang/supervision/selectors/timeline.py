"""A task's full story: reports, reviews, urges, problems, light changes month by month, plan changes."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from zhaoshang.core.models import AuditLog
from zhaoshang.plans.models import Assignment, Measure, Task
from zhaoshang.plans.selectors import ALIVE_ASSIGNMENT
from zhaoshang.supervision.cycles import plan_start
from zhaoshang.supervision.lights import LIGHT_LABELS
from zhaoshang.supervision.models import Problem, ProgressReport, Urge
from zhaoshang.supervision.selectors.status import AssignmentStatus, statuses_as_of

KIND_LABELS = {"report": "报送", "review": "审核", "urge": "催办", "problem": "问题", "light": "灯色", "plan": "清单"}
PLAN_OBJECTS = ("plans.task", "plans.measure", "plans.assignment")


@dataclass(frozen=True)
class Event:
    when: datetime.datetime
    kind: str  # report | review | urge | problem | light | plan
    unit: str
    text: str
    light: str = ""

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass
class MeasureBlock:
    """A measure of the task with its text and its units' statuses (lead first)."""

    measure: Measure
    statuses: list[AssignmentStatus]


def task_measures(*, task: Task, as_of: datetime.date | None = None) -> list[MeasureBlock]:
    """Each live measure of the task in order, with every unit on it as of `as_of` (four queries)."""
    assignments = Assignment.objects.filter(ALIVE_ASSIGNMENT, measure__task=task).select_related("unit", "measure__task__plan")
    statuses = statuses_as_of(assignments, as_of)
    by_measure: dict[int, list[AssignmentStatus]] = {}
    for status in sorted(statuses.values(), key=lambda s: s.assignment.order):
        by_measure.setdefault(status.assignment.measure_id, []).append(status)
    return [MeasureBlock(m, by_measure.get(m.pk, [])) for m in task.measures.order_by("ordinal", "id")]


def _month_ends(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    days, month = [], start.replace(day=1)
    while month <= end:
        following = (month + datetime.timedelta(days=32)).replace(day=1)
        days.append(min(following - datetime.timedelta(days=1), end))
        month = following
    return days


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59)))


def task_timeline(task: Task, today: datetime.date | None = None) -> list[Event]:
    """Newest first. Light changes are recomputed at each month's end, so a red month stays in the story."""
    today = today or timezone.localdate()
    assignments = list(Assignment.objects.filter(measure__task=task).select_related("unit", "measure__task__plan"))
    names = {a.pk: a.unit.display_name for a in assignments}
    events = []
    for report in ProgressReport.objects.filter(assignment__in=assignments).select_related("reviewed_by"):
        if report.first_submitted_at:
            percent = f"，进度{report.percent}%" if report.percent is not None else ""
            events.append(Event(report.first_submitted_at, "report", names[report.assignment_id],
                                f"报送{report.period_label}进展（{report.get_work_status_display()}{percent}）"))
        if report.reviewed_at:
            verdict = "退回" if report.status == "returned" or report.review_note else "审核通过"
            events.append(Event(report.reviewed_at, "review", names[report.assignment_id],
                                f"{report.period_label}报告{verdict}{'：' + report.review_note if report.review_note else ''}"))
    for urge in Urge.objects.filter(assignment__in=assignments):
        events.append(Event(urge.created_at, "urge", names[urge.assignment_id], f"催办：{urge.message}"))
    for problem in Problem.objects.filter(report__assignment__in=assignments).select_related("report"):
        events.append(Event(problem.created_at, "problem", names[problem.report.assignment_id], f"提出问题：{problem.text}"))
        if problem.resolved_at:
            events.append(Event(problem.resolved_at, "problem", names[problem.report.assignment_id], f"问题已解决：{problem.outcome}"))
    events += _light_changes(assignments, plan_start(task.plan), today, names)
    events += _plan_changes(task, assignments)
    return sorted(events, key=lambda e: e.when, reverse=True)


def _light_changes(assignments, start, today, names) -> list[Event]:
    events, previous = [], {}
    for day in _month_ends(start, today):
        for pk, status in statuses_as_of(assignments, day).items():
            if previous.get(pk) != status.light:
                label = LIGHT_LABELS[status.light]
                events.append(Event(_at(day), "light", names[pk], f"{day.month}月末：{label}（{status.result.reason}）", status.light))
                previous[pk] = status.light
    return events


def _plan_changes(task, assignments) -> list[Event]:
    """The import that created the task, then every later change to it, its measures or its units."""
    ids = {"plans.task": [str(task.pk)], "plans.measure": [str(a.measure_id) for a in assignments],
           "plans.assignment": [str(a.pk) for a in assignments]}
    entries = AuditLog.objects.filter(object_type__in=PLAN_OBJECTS, action__in=["update", "delete", "restore"],
                                      object_id__in={i for v in ids.values() for i in v})
    labels = {"update": "修改", "delete": "删除", "restore": "恢复"}
    events = [Event(e.created_at, "plan", "", f"清单变更：{labels[e.action]} {e.object_repr}")
              for e in entries if e.object_id in ids[e.object_type]]
    created = AuditLog.objects.filter(object_type="plans.task", object_id=str(task.pk), action="create").first()
    if created:
        events.append(Event(created.created_at, "plan", "", "导入任务清单，建立本任务"))
    return events
