"""Reports fixtures: the supervision fixtures, and a July 2025 with some reports, a problem and an urge."""

import datetime

import pytest

from zhaoshang.plans.models import Assignment
from zhaoshang.supervision.models import Problem

D = datetime.date


@pytest.fixture
def july(demo, agri_user, other_unit_user, task5_assignment, submit_on):
    """市商务局 reports both assignments on time in June and July (July raising a problem); 市农业农村局 reports
    task 5 in June only, so it is yellow at the end of July; most others have missed two months: red."""
    for assignment in Assignment.objects.filter(unit=other_unit_user.unit).order_by("pk"):
        submit_on(other_unit_user, assignment, D(2025, 6, 1), D(2025, 6, 20), percent=20)
        report = submit_on(other_unit_user, assignment, D(2025, 7, 1), D(2025, 7, 20), percent=30)
    report.problems = "项目用地指标不足，需协调自然资源部门"
    report.save()
    Problem.objects.create(report=report, text=report.problems)
    Problem.objects.filter(report=report).update(created_at=datetime.datetime(2025, 7, 20, 2, tzinfo=datetime.UTC))
    submit_on(agri_user, task5_assignment, D(2025, 6, 1), D(2025, 6, 20), percent=20)
    return demo
