"""Supervision fixtures: assignments of the demo plan with known deadlines, and reports dated in the past."""

import datetime

import pytest
from django.utils import timezone

from zhaoshang.accounts.models import User
from zhaoshang.plans.models import Assignment
from zhaoshang.supervision.calendar import Cycle, WorkCalendar, period_containing
from zhaoshang.supervision.services.reports import ReportInput, report_save


@pytest.fixture
def task5_assignment(demo):
    """Task 5: 市农业农村局 alone, deadline 2025-09; the plan starts 2025-06-19; monthly reports due the 25th."""
    return Assignment.objects.select_related("measure__task__plan", "unit").get(measure__task__plan=demo, measure__task__number="5")


@pytest.fixture
def agri_user(demo):
    return User.objects.get(unit__short_name="市农业农村局")


def month(day: datetime.date):
    return period_containing(Cycle.MONTHLY, 25, day, WorkCalendar())


@pytest.fixture
def submit_on():
    """Submit a report for the month containing `period_day`, as if on `submitted` (Beijing time)."""

    def submit(user, assignment, period_day, submitted, percent=None, status="in_progress", text="本期推进情况"):
        report = report_save(actor=user, assignment=assignment, submit=True, period=month(period_day),
                             data=ReportInput(done_text=text, percent=percent, work_status=status))
        when = timezone.make_aware(datetime.datetime.combine(submitted, datetime.time(10)))
        type(report).objects.filter(pk=report.pk).update(first_submitted_at=when, submitted_at=when)
        report.refresh_from_db()
        return report

    return submit
