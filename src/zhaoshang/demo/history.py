"""Months of realistic supervision history for the demo: reports on time and late, returned and resubmitted,
urges, problems raised and solved — so every light and page has something to show.

Deterministic (seeded): the same demo gives the same history. Writes go through the real services; only the
dates are moved back to when each thing "happened", audit entries included (`recorded_at`). `today` is where the
history stops: the loader passes the plan's last day once its year is over."""

import datetime
import json
import random
from pathlib import Path

from django.utils import timezone

from zhaoshang.accounts.models import User
from zhaoshang.core.audit import recorded_at
from zhaoshang.plans.models import Assignment, Plan
from zhaoshang.supervision.calendar import due_periods
from zhaoshang.supervision.choices import WorkStatus
from zhaoshang.supervision.cycles import CycleBook, plan_start, work_calendar
from zhaoshang.supervision.models import Notification, Problem, ProgressReport, Urge
from zhaoshang.supervision.selectors.status import deadline_date
from zhaoshang.supervision.services.reports import ReportInput, report_accept, report_return, report_save
from zhaoshang.supervision.services.urging import assignment_urge, problem_update

TEXTS = json.loads((Path(__file__).resolve().parent / "demo_data" / "history.json").read_text(encoding="utf-8"))
# (on time, late, missed) chances and progress pace, by a unit's habit
HABITS = {"diligent": ((0.9, 0.08), 1.1), "steady": ((0.75, 0.15), 0.95), "lagging": ((0.55, 0.2), 0.7)}
REVIEW_BACKLOG = datetime.timedelta(days=30)  # how far back reports may still wait for the office


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _restamp(model, pk, **fields) -> None:
    model.objects.filter(pk=pk).update(**fields)


class HistoryWriter:
    """Writes one plan's history up to `today`."""

    def __init__(self, plan: Plan, office: User, today: datetime.date, seed: int = 2025):
        self.plan, self.office, self.today = plan, office, today
        self.rng = random.Random(seed)
        self.users = {u.unit_id: u for u in User.objects.filter(role="unit").order_by("id")}
        self.calendar = work_calendar()
        self.book = CycleBook([plan.pk])

    def habit(self, unit_id: int) -> str:
        return ("diligent", "steady", "steady", "lagging")[unit_id % 4]

    def write(self) -> int:
        """Write the history; returns the number of reports. Its notifications are old news: marked read."""
        assignments = Assignment.objects.filter(measure__task__plan=self.plan).select_related("measure__task__plan").order_by("id")
        written = sum(self._assignment(a) for a in assignments)
        Notification.objects.filter(read_at__isnull=True).update(read_at=timezone.now())
        return written

    def _assignment(self, assignment: Assignment) -> int:
        user = self.users.get(assignment.unit_id)
        if user is None:
            return 0
        task = assignment.measure.task
        start, deadline = plan_start(self.plan), deadline_date(task)
        cycle, due_day = self.book.for_task(task)
        periods = [p for p in due_periods(cycle, due_day, start, self.today, self.calendar, anchor=start) if p.due >= start]
        (on_time, late), pace = HABITS[self.habit(assignment.unit_id)]
        unfinished = self.rng.random() < (0.35 if pace < 1 else 0.1)  # some dated tasks are still not done
        written = 0
        for period in periods:
            roll = self.rng.random()
            if roll >= on_time + late:
                self._maybe_urge(assignment, period)
                continue
            submitted = period.due - datetime.timedelta(days=self.rng.randint(0, 6)) if roll < on_time else \
                period.due + datetime.timedelta(days=self.rng.randint(2, 12))
            submitted = min(max(submitted, period.start), self.today)
            percent, status = self._progress(start, deadline, period.end, pace, unfinished)
            self._report(user, assignment, period, submitted, percent, status)
            written += 1
            if status == WorkStatus.DONE:
                break
        return written

    def _progress(self, start, deadline, day, pace, unfinished) -> tuple[int | None, str]:
        if deadline is None:
            return None, WorkStatus.IN_PROGRESS
        elapsed = (day - start).days / max((deadline - start).days, 1)
        percent = min(100, round(100 * elapsed * pace))
        if percent >= 100 and not unfinished:
            return 100, WorkStatus.DONE
        return min(percent, 95), WorkStatus.BLOCKED if unfinished and self.rng.random() < 0.2 else WorkStatus.IN_PROGRESS

    def _report(self, user, assignment, period, submitted, percent, status) -> None:
        numbers = {"visits": self.rng.randint(1, 6), "talks": self.rng.randint(1, 5), "leads": self.rng.randint(1, 8)}
        problem = self.rng.choice(TEXTS["problems"]) if self.rng.random() < 0.08 else ""
        data = ReportInput(done_text=self.rng.choice(TEXTS["done_texts"]).format(**numbers),
                           next_steps=self.rng.choice(TEXTS["next_steps"]), problems=problem,
                           percent=percent, work_status=status)
        with recorded_at(_at(submitted)):
            report = report_save(actor=user, assignment=assignment, data=data, submit=True, period=period)
        _restamp(ProgressReport, report.pk, first_submitted_at=_at(submitted), submitted_at=_at(submitted))
        review_day = min(submitted + datetime.timedelta(days=self.rng.randint(1, 5)), self.today)
        if self.rng.random() < 0.06:
            with recorded_at(_at(review_day, 16)):  # the ranking counts returns by their audit date
                report_return(actor=self.office, report=report, reason=self.rng.choice(TEXTS["return_reasons"]))
            again = min(review_day + datetime.timedelta(days=self.rng.randint(1, 4)), self.today)
            with recorded_at(_at(again, 15)):
                report = report_save(actor=user, assignment=assignment, data=data, submit=True, period=period)
            _restamp(ProgressReport, report.pk, reviewed_at=_at(review_day), submitted_at=_at(again, 15))
            if again < self.today - REVIEW_BACKLOG:  # the office has caught up with older resubmissions
                report = self._accept(report, again + datetime.timedelta(days=2))
        # a fifth of recent reports still wait in 待审核; the office has reviewed everything older than a month
        elif review_day < self.today and (self.rng.random() < 0.8 or submitted < self.today - REVIEW_BACKLOG):
            report = self._accept(report, review_day)
        if problem:
            self._problem(report, submitted)

    def _accept(self, report, day: datetime.date):
        """The office accepts the report on `day` (its audit entry and review time say so)."""
        with recorded_at(_at(day, 16)):
            report = report_accept(actor=self.office, report=report)
        _restamp(ProgressReport, report.pk, reviewed_at=_at(day, 16))
        return report

    def _problem(self, report, raised: datetime.date) -> None:
        item = Problem.objects.get(report=report)
        _restamp(Problem, item.pk, created_at=_at(raised))
        solved = raised + datetime.timedelta(days=self.rng.randint(5, 30))
        if solved < self.today and self.rng.random() < 0.6:
            with recorded_at(_at(solved)):
                problem_update(actor=self.office, problem=item, owner_unit=report.assignment.unit,
                               outcome=self.rng.choice(TEXTS["outcomes"]), resolved=True)
            _restamp(Problem, item.pk, resolved_at=_at(solved))

    def _maybe_urge(self, assignment, period) -> None:
        urge_day = period.due + datetime.timedelta(days=2)
        if urge_day < self.today and self.rng.random() < 0.5:
            deadline = urge_day + datetime.timedelta(days=3)
            message = TEXTS["urge_message"].format(due=f"{deadline.month}月{deadline.day}日", period=period.label)
            with recorded_at(_at(urge_day)):
                urge = assignment_urge(actor=self.office, assignment=assignment, message=message)
            _restamp(Urge, urge.pk, created_at=_at(urge_day))
