"""Reporting the period the unit means: the form opens on the current period, earlier gaps are links to catch
up, any begun period is choosable, and the API takes the period in the cycle's own form."""

import datetime

import pytest
import time_machine
from django.test import Client

from zhaoshang.supervision.calendar import Cycle, WorkCalendar
from zhaoshang.supervision.cycles import period_for_key
from zhaoshang.supervision.models import ProgressReport

SEPT = datetime.datetime(2025, 9, 10, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
CAL = WorkCalendar()


@pytest.mark.parametrize(("cycle", "key", "label"), [
    (Cycle.MONTHLY, "2025-09", "2025年9月"),
    (Cycle.QUARTERLY, "2025-Q3", "2025年第3季度"),
    (Cycle.WEEKLY, "2025-W37", "2025年第37周"),
    (Cycle.BIWEEKLY, "2025-B02", "2025年6月30日至7月13日"),
])
def test_a_period_key_reads_back_as_its_period(cycle, key, label):
    period = period_for_key(cycle, 5 if cycle in (Cycle.WEEKLY, Cycle.BIWEEKLY) else 25, key, CAL,
                            anchor=datetime.date(2025, 6, 19))
    assert period is not None and period.key == key and period.label == label


@pytest.mark.parametrize(("cycle", "key"), [
    (Cycle.MONTHLY, "2025-13"), (Cycle.MONTHLY, "2025-9"), (Cycle.MONTHLY, "2025-W37"), (Cycle.QUARTERLY, "2025-Q5"),
    (Cycle.WEEKLY, "2025-W54"), (Cycle.WEEKLY, "2025-09"), (Cycle.BIWEEKLY, "2025-B00"), (Cycle.MONTHLY, "九月"),
])
def test_a_key_not_of_the_cycle_is_no_period(cycle, key):
    assert period_for_key(cycle, 5, key, CAL, anchor=datetime.date(2025, 6, 19)) is None


def _page(client, assignment, query=""):
    return client.get(f"/supervision/assignments/{assignment.pk}/report/{query}")


@time_machine.travel(SEPT, tick=False)
def test_the_form_opens_on_the_current_period_and_lists_the_gaps(task5_assignment, agri_user):
    client = Client()
    client.force_login(agri_user)
    page = _page(client, task5_assignment)
    view = page.context["view"]
    assert page.status_code == 200 and view.period.key == "2025-09" and view.current.key == "2025-09"
    assert [c.period.key for c in view.choices] == ["2025-09", "2025-08", "2025-07", "2025-06"]
    assert [c.period.key for c in view.catch_up] == ["2025-06", "2025-07", "2025-08"]
    html = page.content.decode()
    assert "?period=2025-06" in html and "2025年9月（本期）" in html and "2025年6月（未报）" in html


@time_machine.travel(SEPT, tick=False)
def test_an_earlier_period_is_chosen_and_reported(task5_assignment, agri_user):
    client = Client()
    client.force_login(agri_user)
    page = _page(client, task5_assignment, "?period=2025-07")
    assert page.context["view"].period.key == "2025-07"
    response = client.post(f"/supervision/assignments/{task5_assignment.pk}/report/", {
        "period_key": "2025-07", "version": "", "done_text": "补报7月", "percent": "20", "work_status": "in_progress",
        "submit": "1"})
    assert response.status_code == 302 and response["Location"].endswith("?period=2025-07")
    assert ProgressReport.objects.get().period_key == "2025-07"


@time_machine.travel(SEPT, tick=False)
@pytest.mark.parametrize(("query", "message"), [
    ("?period=2025-11", "尚未开始"), ("?period=2025-W37", "格式应为YYYY-MM"), ("?period=2025-03", "早于"),
])
def test_a_bad_or_future_period_is_a_chinese_400(task5_assignment, agri_user, query, message):
    client = Client()
    client.force_login(agri_user)
    page = _page(client, task5_assignment, query)
    assert page.status_code == 400 and message in page.content.decode()


@time_machine.travel(SEPT, tick=False)
def test_the_api_reports_the_period_it_names(task5_assignment, token):
    response = Client().post(f"/api/v1/assignments/{task5_assignment.pk}/reports",
                             {"text": "补报8月", "percent": 30, "status": "in_progress", "period": "2025-08"},
                             content_type="application/json", **token("nyncj"))
    assert response.status_code == 201 and response.json()["period"] == "2025-08"
    assert ProgressReport.objects.get().due_date == datetime.date(2025, 8, 25)


@time_machine.travel(SEPT, tick=False)
@pytest.mark.parametrize(("period", "message"), [
    ("2025-12", "尚未开始"), ("2025-9", "格式应为YYYY-MM"), ("2025-Q3", "格式应为YYYY-MM"), ("2024-12", "早于"),
])
def test_the_api_refuses_a_bad_or_future_period(task5_assignment, token, period, message):
    response = Client().post(f"/api/v1/assignments/{task5_assignment.pk}/reports",
                             {"text": "x", "period": period}, content_type="application/json", **token("nyncj"))
    assert response.status_code == 400 and message in response.json()["detail"]
    assert not ProgressReport.objects.exists()


@time_machine.travel(SEPT, tick=False)
def test_a_stranger_gets_403_whatever_the_period(task5_assignment, token):
    response = Client().post(f"/api/v1/assignments/{task5_assignment.pk}/reports",
                             {"text": "x", "period": "2030-01"}, content_type="application/json", **token("fgw"))
    assert response.status_code in (403, 404)
