"""Where each assignment stands as of a date: its due periods, what was reported by then, its light.

Everything is computed from dated rows (reports carry when they were first submitted), so the same
question asked about a past date gets the answer it would have got then. Three queries for any number
of assignments: cycle settings, calendar corrections, reports."""

import calendar as month_calendar
import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from zhaoshang.plans.models import Assignment, Task
from zhaoshang.supervision.calendar import Period, due_periods, period_containing
from zhaoshang.supervision.choices import ReportStatus, WorkStatus
from zhaoshang.supervision.cycles import CycleBook, plan_start, work_calendar
from zhaoshang.supervision.lights import Light, LightInput, LightResult, Thresholds, light_for
from zhaoshang.supervision.models import ProgressReport
from zhaoshang.supervision.settings import light_thresholds


@dataclass
class AssignmentStatus:
    """One assignment as of a date."""

    assignment: Assignment
    due: list[Period]
    reported: dict[str, ProgressReport]  # period key → report submitted by the date
    result: LightResult
    latest: ProgressReport | None  # the newest report submitted by the date
    next_due: Period | None  # None once done
    missing: list[Period] = field(default_factory=list)  # due periods with nothing submitted

    @property
    def light(self) -> Light:
        return self.result.light

    def reportable(self, today: datetime.date) -> list[Period]:
        """The periods a unit may report on `today`, oldest first: every due one and the one under way (never a
        period not yet begun, except the first when nothing is due yet)."""
        periods = list(self.due)
        upcoming = self.next_due
        if upcoming and all(p.key != upcoming.key for p in periods) and (upcoming.start <= today or not periods):
            periods.append(upcoming)
        return periods

    def current(self, today: datetime.date) -> Period | None:
        """The period under way on `today`, which the report form opens on; None once the task is done."""
        if self.next_due is None:
            return None
        periods = self.reportable(today)
        return next((p for p in reversed(periods) if p.start <= today <= p.end), periods[-1] if periods else None)


def deadline_date(task: Task) -> datetime.date | None:
    """The last day of the task's deadline month; None for long-term or unparsed deadlines."""
    month = task.deadline_month
    if month is None or task.is_long_term:
        return None
    return month.replace(day=month_calendar.monthrange(month.year, month.month)[1])


def _end_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


def statuses_as_of(assignments, as_of: datetime.date | None = None, thresholds: Thresholds | None = None) -> dict[int, AssignmentStatus]:
    """Every assignment's status as of `as_of` (today by default). `assignments` need measure__task__plan loaded."""
    as_of = as_of or timezone.localdate()
    thresholds = thresholds or light_thresholds()
    assignments = list(assignments)
    book = CycleBook({a.measure.task.plan_id for a in assignments})
    calendar = work_calendar()
    reports: dict[int, dict[str, ProgressReport]] = {}
    rows = ProgressReport.objects.filter(
        assignment_id__in=[a.pk for a in assignments], first_submitted_at__lte=_end_of(as_of)
    ).exclude(status=ReportStatus.RETURNED, submitted_at__isnull=True).order_by("due_date")
    for report in rows:
        reports.setdefault(report.assignment_id, {})[report.period_key] = report
    return {a.pk: _status(a, reports.get(a.pk, {}), as_of, book, calendar, thresholds) for a in assignments}


def _status(assignment, reported, as_of, book, calendar, thresholds) -> AssignmentStatus:
    task = assignment.measure.task
    cycle, due_day = book.for_task(task)
    start = plan_start(task.plan)
    due = [p for p in due_periods(cycle, due_day, start, as_of, calendar, anchor=start) if p.due >= start]
    done_at = next((i for i, p in enumerate(due) if p.key in reported and reported[p.key].work_status == WorkStatus.DONE), None)
    if done_at is not None:
        due = due[: done_at + 1]  # a task is reported until it is done
    passed = [p for p in due if p.due < as_of]  # on the due day itself the report is not late yet
    missing = [p for p in passed if p.key not in reported]
    missed = 0
    for period in reversed(passed):
        if period.key in reported:
            break
        missed += 1
    latest = max(reported.values(), key=lambda r: r.due_date) if reported else None
    done = latest is not None and latest.work_status == WorkStatus.DONE
    first_due = _first_due(cycle, due_day, start, calendar)
    result = light_for(LightInput(
        as_of=as_of, start=start, deadline=deadline_date(task), done=done,
        percent=float(latest.percent) if latest and latest.percent is not None else None,
        first_due=first_due, missed_cycles=missed,
        late_cycles=sum(1 for p in due if p.key in reported and timezone.localtime(reported[p.key].first_submitted_at).date() > p.due),
        blocked=latest is not None and latest.work_status == WorkStatus.BLOCKED,
    ), thresholds)
    next_due = None if done else _next_due(cycle, due_day, max(as_of, start), calendar, start)
    return AssignmentStatus(assignment, due, reported, result, latest, next_due, missing)


def _next_due(cycle, due_day, day, calendar, anchor) -> Period:
    """The first period containing or after `day` whose report is due on or after `day`."""
    period = period_containing(cycle, due_day, day, calendar, anchor=anchor)
    while period.due < day:
        period = period_containing(cycle, due_day, period.end + datetime.timedelta(days=1), calendar, anchor=anchor)
    return period


def _first_due(cycle, due_day, start, calendar) -> datetime.date:
    """The first report due on or after the plan's start (a whole first period may fall due before it)."""
    return _next_due(cycle, due_day, start, calendar, start).due
