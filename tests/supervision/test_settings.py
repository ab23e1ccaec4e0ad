"""The office sets reporting cycles per plan and per task, and corrects the holiday calendar."""

import datetime

import pytest

from zhaoshang.supervision.errors import SupervisionError
from zhaoshang.supervision.selectors.status import statuses_as_of
from zhaoshang.supervision.services.settings import cycle_set, workday_override_set

D = datetime.date


def test_a_task_reported_quarterly_has_fewer_due_periods(task5_assignment, office, demo):
    cycle_set(actor=office, plan=demo, task=task5_assignment.measure.task, cycle="quarterly", due_day=20)
    status = statuses_as_of([task5_assignment], D(2025, 9, 30))[task5_assignment.pk]
    assert [p.key for p in status.due] == ["2025-Q2", "2025-Q3"]


def test_a_weekly_plan_default(task5_assignment, office, demo):
    cycle_set(actor=office, plan=demo, cycle="weekly", due_day=5)
    status = statuses_as_of([task5_assignment], D(2025, 7, 5))[task5_assignment.pk]
    assert status.due and all("-W" in p.key for p in status.due)


def test_bad_due_day_is_refused_in_chinese(office, demo):
    with pytest.raises(SupervisionError):
        cycle_set(actor=office, plan=demo, cycle="weekly", due_day=9)


def test_an_office_holiday_moves_the_due_date(task5_assignment, office):
    workday_override_set(actor=office, date=D(2025, 7, 25), is_workday=False, note="地方性假日")
    status = statuses_as_of([task5_assignment], D(2025, 7, 31))[task5_assignment.pk]
    july = next(p for p in status.due if p.key == "2025-07")
    assert july.due == D(2025, 7, 28)


def test_settings_page_saves_a_task_cycle(office_client, task5_assignment):
    response = office_client.post("/supervision/settings/", {"what": "task", "task": task5_assignment.measure.task_id,
                                                              "cycle": "quarterly", "due_day": "20"})
    assert response.status_code == 302
    assert task5_assignment.measure.task.cycle_setting.cycle == "quarterly"
