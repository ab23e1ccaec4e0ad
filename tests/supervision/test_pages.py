"""The supervision pages: a unit's work, the office's overview, the report form, the API's lights."""

import datetime

import time_machine
from django.test import Client

from zhaoshang.plans.models import Assignment
from zhaoshang.supervision.models import ProgressReport

SEPT = datetime.datetime(2025, 9, 10, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


@time_machine.travel(SEPT, tick=False)
def test_unit_fills_in_and_submits_the_report_form(task5_assignment, agri_user):
    client = Client()
    client.force_login(agri_user)
    page = client.get(f"/supervision/assignments/{task5_assignment.pk}/report/")
    form = page.context["form"]
    assert page.status_code == 200 and form is not None
    response = client.post(f"/supervision/assignments/{task5_assignment.pk}/report/", {
        "period_key": form.initial["period_key"], "version": "", "done_text": "对接企业3家", "next_steps": "",
        "problems": "", "percent": "40", "work_status": "in_progress", "submit": "1"})
    assert response.status_code == 302
    report = ProgressReport.objects.get()
    assert report.status == "submitted" and report.period_key == "2025-09"  # the current period, not the oldest gap


@time_machine.travel(SEPT, tick=False)
def test_other_units_get_no_form(task5_assignment, unit_client):
    page = unit_client.get(f"/supervision/assignments/{task5_assignment.pk}/report/")
    assert page.status_code == 200 and page.context["form"] is None


@time_machine.travel(SEPT, tick=False)
def test_my_work_lists_overdue_reports(agri_user):
    client = Client()
    client.force_login(agri_user)
    work = client.get("/supervision/my/").context["work"]
    assert work.statuses and all(s.assignment.unit_id == agri_user.unit_id for s in work.statuses)
    assert work.overdue


@time_machine.travel(SEPT, tick=False)
def test_overview_shows_every_task_with_a_light(office_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(17):
        response = office_client.get("/supervision/")
    rows = response.context["rows"]
    assert len(rows) == 18
    assert {r.light for r in rows} <= {"green", "yellow", "red", "grey", "blue"}
    red_only = office_client.get("/supervision/?light=red").context["rows"]
    assert all(r.light == "red" for r in red_only)


def test_lights_api_counts_every_assignment_as_of_a_date(office_client, demo):
    data = office_client.get("/api/v1/lights?as_of=2025-07-01").json()
    total = Assignment.objects.filter(measure__task__plan=demo).count()
    assert sum(data[k] for k in ("green", "yellow", "red", "grey", "blue")) == total
    assert sum(sum(u[k] for k in ("green", "yellow", "red", "grey", "blue")) for u in data["by_unit"]) == total


def test_assignments_api_is_scoped_to_a_units_own_work(unit_client, unit_user):
    rows = unit_client.get("/api/v1/assignments?as_of=2025-09-01").json()
    assert rows and {r["unit"] for r in rows} == {unit_user.unit.display_name}
    assert {"id", "task", "measure", "unit", "is_lead", "light", "next_due"} <= set(rows[0])


@time_machine.travel(SEPT, tick=False)
def test_the_lead_sees_its_co_units_parts_of_this_period(demo):
    from zhaoshang.accounts.models import User
    from zhaoshang.supervision.services.reports import ReportInput, report_save

    co = Assignment.objects.get(measure__task__number="4", unit__short_name="市经信局")
    lead = Assignment.objects.get(measure=co.measure, is_lead=True)
    report_save(actor=User.objects.get(unit=co.unit), assignment=co, submit=True,
                data=ReportInput(done_text="对接人形机器人企业2家"))
    client = Client()
    client.force_login(User.objects.get(unit=lead.unit))
    page = client.get(f"/supervision/assignments/{lead.pk}/report/?period=2025-09")
    assert "对接人形机器人企业2家" in page.content.decode()


def test_overview_filters_by_unit_and_deadline(office_client, demo):
    from zhaoshang.accounts.models import Unit

    unit = Unit.objects.get(short_name="市国资委")
    rows = office_client.get(f"/supervision/?unit={unit.pk}&as_of=2025-09-01").context["rows"]
    assert {r.task.number for r in rows} == {"17", "18"}
    long_term = office_client.get("/supervision/?deadline=long-term").context["rows"]
    assert {r.task.number for r in long_term} == {"11", "12", "18"}
