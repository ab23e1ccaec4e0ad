"""我的工作 lists every thing waiting on the unit, each with the one button that acts on it."""

import datetime

import time_machine
from django.test import Client

from zhaoshang.accounts.models import User
from zhaoshang.kpis.models import Kpi
from zhaoshang.kpis.services.values import value_review, value_submit
from zhaoshang.supervision.services.reports import ReportInput, report_return, report_save
from zhaoshang.supervision.services.urging import assignment_urge

SEPT = datetime.datetime(2025, 9, 10, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


def _todo(user, django_assert_max_num_queries=None):
    client = Client()
    client.force_login(user)
    page = client.get("/supervision/my/")
    assert page.status_code == 200
    return page.context["work"].todo, page.content.decode()


@time_machine.travel(SEPT, tick=False)
def test_overdue_periods_and_urges_wait_with_a_button(task5_assignment, agri_user, office):
    assignment_urge(actor=office, assignment=task5_assignment, message="请尽快报送8月进展")
    todo, html = _todo(agri_user)
    kinds = {item.kind: item for item in todo}
    assert kinds["overdue"].button == "补报" and kinds["overdue"].url.endswith("?period=2025-06")
    assert "请尽快报送8月进展" in kinds["urge"].detail and kinds["urge"].button == "去报送"
    assert 'href="/supervision/assignments/%d/report/?period=2025-06"' % task5_assignment.pk in html


@time_machine.travel(SEPT, tick=False)
def test_an_urge_answered_by_a_report_no_longer_waits(task5_assignment, agri_user, office):
    assignment_urge(actor=office, assignment=task5_assignment, message="请报送")
    report_save(actor=agri_user, assignment=task5_assignment, submit=True, data=ReportInput(done_text="已推进"))
    todo, _ = _todo(agri_user)
    assert "urge" not in {item.kind for item in todo}


@time_machine.travel(SEPT, tick=False)
def test_a_returned_report_comes_first(task5_assignment, agri_user, office):
    report = report_save(actor=agri_user, assignment=task5_assignment, submit=True, data=ReportInput(done_text="已推进"))
    report_return(actor=office, report=report, reason="请补充签约金额")
    todo, _ = _todo(agri_user)
    assert todo[0].kind == "returned" and "请补充签约金额" in todo[0].detail and todo[0].button == "修改后重新报送"
    assert todo[0].url.endswith("?period=2025-09")


@time_machine.travel(SEPT, tick=False)
def test_a_returned_indicator_value_waits_until_reported_again(demo, office):
    kpi = Kpi.objects.filter(plan=demo, kind="reported", reporting_unit__isnull=False).order_by("id").first()
    user = User.objects.filter(unit=kpi.reporting_unit, role="unit").first()
    row = value_submit(actor=user, kpi=kpi, value="3", as_of=datetime.date(2025, 9, 1))
    value_review(actor=office, row=row, confirm=False, note="佐证不足")
    todo, html = _todo(user)
    item = next(i for i in todo if i.kind == "kpi_returned")
    assert "佐证不足" in item.detail and item.button == "重新报送" and item.url.endswith(f"/{kpi.pk}/#value-form")
    value_submit(actor=user, kpi=kpi, value="4", as_of=datetime.date(2025, 9, 5))
    todo, _ = _todo(user)
    assert "kpi_returned" not in {i.kind for i in todo}


@time_machine.travel(SEPT, tick=False)
def test_my_work_queries_stay_bounded(agri_user, django_assert_max_num_queries):
    client = Client()
    client.force_login(agri_user)
    with django_assert_max_num_queries(40):
        assert client.get("/supervision/my/").status_code == 200
