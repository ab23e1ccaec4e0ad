"""The office accepts or returns reports and urges units; units are told in the app and by e-mail."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.test import Client

from tests.conftest import DEMO_PASSWORD
from zhaoshang.core.services import PermissionDenied
from zhaoshang.supervision.errors import SupervisionError
from zhaoshang.supervision.models import Notification, Urge
from zhaoshang.supervision.services.reports import ReportInput, report_accept, report_return, report_save
from zhaoshang.supervision.services.urging import assignment_urge

SEPT = datetime.datetime(2025, 9, 10, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


@pytest.fixture
def submitted(task5_assignment, agri_user):
    with time_machine.travel(SEPT, tick=False):
        return report_save(actor=agri_user, assignment=task5_assignment, submit=True, data=ReportInput(done_text="A"))


def test_office_accepts_a_report(submitted, office):
    report = report_accept(actor=office, report=submitted)
    assert report.status == "accepted" and report.reviewed_by == office


def test_returning_needs_a_reason_and_tells_the_unit_by_bell_and_mail(submitted, office, agri_user):
    agri_user.email = "nyncj@example.gov.cn"
    agri_user.save()
    with pytest.raises(SupervisionError):
        report_return(actor=office, report=submitted, reason="  ")
    report_return(actor=office, report=submitted, reason="请补充佐证材料")
    note = Notification.objects.get(user=agri_user)
    assert note.kind == "returned" and "请补充佐证材料" in note.text
    assert mail.outbox and "招商引资督办" in mail.outbox[0].subject


def test_units_and_leaders_cannot_review(submitted, agri_user, leader):
    for actor in (agri_user, leader):
        with pytest.raises(PermissionDenied):
            report_accept(actor=actor, report=submitted)


def test_urge_through_the_api_office_only(task5_assignment, demo):
    def post(username):
        token = Client().post("/api/v1/auth/token", {"username": username, "password": DEMO_PASSWORD},
                              content_type="application/json").json()["token"]
        return Client().post(f"/api/v1/assignments/{task5_assignment.pk}/urge", {"message": "请于25日前报送"},
                             content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")

    assert post("office").status_code == 201
    assert post("nyncj").status_code == 403
    assert post("leader").status_code == 403
    assert Urge.objects.count() == 1
    assert Notification.objects.filter(kind="urged", user__username="nyncj").count() == 1


def test_urge_needs_a_message(task5_assignment, office):
    with pytest.raises(SupervisionError):
        assignment_urge(actor=office, assignment=task5_assignment, message=" ")
