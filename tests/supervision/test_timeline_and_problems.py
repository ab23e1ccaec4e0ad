"""A task's timeline tells its whole story; the office works the coordination list."""

import datetime

import pytest

from zhaoshang.supervision.errors import SupervisionError
from zhaoshang.supervision.models import Problem
from zhaoshang.supervision.selectors.timeline import task_timeline
from zhaoshang.supervision.services.urging import assignment_urge, problem_update

D = datetime.date


def test_timeline_has_reports_urges_problems_and_the_red_months(task5_assignment, agri_user, office, submit_on):
    assignment_urge(actor=office, assignment=task5_assignment, message="请报送6月进展")
    submit_on(agri_user, task5_assignment, D(2025, 6, 1), D(2025, 8, 10), percent=30, text="补报")
    events = task_timeline(task5_assignment.measure.task, today=D(2025, 8, 31))
    kinds = {e.kind for e in events}
    assert {"report", "urge", "light", "plan"} <= kinds
    lights = [e for e in events if e.kind == "light"]
    assert any(e.light == "red" and e.text.startswith("7月末") for e in lights)  # July stays red after catching up
    assert events == sorted(events, key=lambda e: e.when, reverse=True)


def test_office_resolves_a_problem_with_an_outcome(task5_assignment, agri_user, office, submit_on):
    submit_on(agri_user, task5_assignment, D(2025, 6, 1), D(2025, 6, 20), percent=10)
    report = task5_assignment.reports.get()
    problem = Problem.objects.create(report=report, text="冷链用地不足")
    with pytest.raises(SupervisionError):
        problem_update(actor=office, problem=problem, resolved=True, outcome="")
    problem_update(actor=office, problem=problem, owner_unit=task5_assignment.unit, outcome="已协调解决", resolved=True)
    problem.refresh_from_db()
    assert problem.status == "resolved" and problem.resolved_at


def test_problem_page_edit_is_office_only(task5_assignment, agri_user, office_client, unit_client, submit_on):
    submit_on(agri_user, task5_assignment, D(2025, 6, 1), D(2025, 6, 20), percent=10)
    problem = Problem.objects.create(report=task5_assignment.reports.get(), text="电力增容")
    response = office_client.post(f"/supervision/problems/{problem.pk}/", {"outcome": "已解决", "resolved": "1"})
    assert response.status_code == 200 and "已解决" in response.content.decode()
    assert unit_client.post(f"/supervision/problems/{problem.pk}/", {"outcome": "x"}).status_code == 403
    assert "电力增容" in office_client.get("/supervision/problems/?status=all").content.decode()
    assert "电力增容" not in unit_client.get("/supervision/problems/?status=all").content.decode()  # another unit's
