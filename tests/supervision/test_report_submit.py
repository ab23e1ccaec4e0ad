"""A unit reports on its own assignment: drafts, submission, double clicks, concurrent drafts, archived plans."""

import datetime

import pytest
import time_machine
from django.test import Client

from zhaoshang.core.models import AuditLog
from zhaoshang.core.services import PermissionDenied
from zhaoshang.plans.models import Assignment
from zhaoshang.plans.services.lifecycle import plan_set_archived
from zhaoshang.supervision.errors import ReportConflict, SupervisionError
from zhaoshang.supervision.models import Problem, ProgressReport
from zhaoshang.supervision.services.reports import ReportInput, report_return, report_save

SEPT = datetime.datetime(2025, 9, 10, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


@time_machine.travel(SEPT, tick=False)
def test_unit_submits_this_months_report_through_the_api(task5_assignment, token):
    response = Client().post(f"/api/v1/assignments/{task5_assignment.pk}/reports",
                             {"text": "完成农业招商场景清单初稿", "percent": 60, "status": "in_progress"},
                             content_type="application/json", **token("nyncj"))
    assert response.status_code == 201
    assert response.json()["period"] == "2025-09"
    report = ProgressReport.objects.get(pk=response.json()["id"])
    assert report.status == "submitted" and report.percent == 60 and report.due_date == datetime.date(2025, 9, 25)
    assert AuditLog.objects.filter(action="submit", object_id=str(report.pk)).exists()


@time_machine.travel(SEPT, tick=False)
def test_a_double_click_makes_one_report_not_two(task5_assignment, token):
    headers = token("nyncj")
    body = {"text": "完成对接", "percent": 30, "status": "in_progress"}
    first = Client().post(f"/api/v1/assignments/{task5_assignment.pk}/reports", body, content_type="application/json", **headers)
    second = Client().post(f"/api/v1/assignments/{task5_assignment.pk}/reports", body, content_type="application/json", **headers)
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    assert ProgressReport.objects.filter(assignment=task5_assignment).count() == 1


@time_machine.travel(SEPT, tick=False)
def test_another_units_user_and_the_office_cannot_report(task5_assignment, token):
    for username in ("fgw", "office", "leader"):
        response = Client().post(f"/api/v1/assignments/{task5_assignment.pk}/reports", {"text": "x"},
                                 content_type="application/json", **token(username))
        assert response.status_code in (403, 404), username
    assert not ProgressReport.objects.exists()


@time_machine.travel(SEPT, tick=False)
def test_co_operating_unit_reports_its_own_part(demo, token):
    co = Assignment.objects.get(measure__task__number="4", unit__short_name="市经信局")
    response = Client().post(f"/api/v1/assignments/{co.pk}/reports", {"text": "对接固态电池企业2家"},
                             content_type="application/json", **token("jxj"))
    assert response.status_code == 201
    lead = Assignment.objects.get(measure=co.measure, is_lead=True)
    assert lead.measure.assignments.filter(reports__isnull=False).count() == 1


@time_machine.travel(SEPT, tick=False)
def test_two_users_of_one_unit_editing_the_same_draft(task5_assignment, agri_user):
    colleague = type(agri_user).objects.create(username="nyncj2", role="unit", unit=agri_user.unit)
    draft = report_save(actor=agri_user, assignment=task5_assignment, submit=False, data=ReportInput(done_text="初稿"))
    opened = draft.version
    report_save(actor=colleague, assignment=task5_assignment, submit=False, version=opened, data=ReportInput(done_text="同事修改"))
    with pytest.raises(ReportConflict):
        report_save(actor=agri_user, assignment=task5_assignment, submit=True, version=opened, data=ReportInput(done_text="我的版本"))
    assert ProgressReport.objects.get().done_text == "同事修改"


@time_machine.travel(SEPT, tick=False)
def test_returned_report_is_resubmitted_in_place(task5_assignment, agri_user, office):
    report = report_save(actor=agri_user, assignment=task5_assignment, submit=True, data=ReportInput(done_text="简单"))
    report_return(actor=office, report=report, reason="请补充签约企业名单")
    resubmitted = report_save(actor=agri_user, assignment=task5_assignment, submit=True,
                              data=ReportInput(done_text="已签约企业：某某农业公司", percent=70))
    assert resubmitted.pk == report.pk and resubmitted.status == "submitted" and resubmitted.percent == 70
    assert resubmitted.first_submitted_at == report.first_submitted_at


@time_machine.travel(SEPT, tick=False)
def test_submitted_report_cannot_be_changed_silently(task5_assignment, agri_user):
    report_save(actor=agri_user, assignment=task5_assignment, submit=True, data=ReportInput(done_text="A"))
    with pytest.raises(ReportConflict):
        report_save(actor=agri_user, assignment=task5_assignment, submit=True, data=ReportInput(done_text="B"))


@time_machine.travel(SEPT, tick=False)
def test_report_on_an_archived_plan_is_refused(task5_assignment, agri_user, office, demo):
    plan_set_archived(actor=office, plan=demo, archived=True)
    with pytest.raises(SupervisionError, match="归档"):
        report_save(actor=agri_user, assignment=task5_assignment, submit=True, data=ReportInput(done_text="A"))


@time_machine.travel(SEPT, tick=False)
def test_bad_percent_and_done_below_100_are_refused(task5_assignment, agri_user):
    with pytest.raises(SupervisionError):
        report_save(actor=agri_user, assignment=task5_assignment, submit=True, data=ReportInput(done_text="A", percent=120))
    with pytest.raises(SupervisionError):
        report_save(actor=agri_user, assignment=task5_assignment, submit=True,
                    data=ReportInput(done_text="A", percent=80, work_status="done"))


@time_machine.travel(SEPT, tick=False)
def test_problems_in_a_report_go_on_the_coordination_list(task5_assignment, agri_user):
    report_save(actor=agri_user, assignment=task5_assignment, submit=True,
                data=ReportInput(done_text="A", problems="冷链物流用地指标不足"))
    assert Problem.objects.get().text == "冷链物流用地指标不足"


def test_office_cannot_report_for_a_unit(task5_assignment, office):
    with pytest.raises(PermissionDenied):
        report_save(actor=office, assignment=task5_assignment, submit=True, data=ReportInput(done_text="A"))
