"""The review inbox and the bell over the API: /reviews (office only), /reports/{id}/review, /notifications."""

import datetime

import pytest
from django.test import Client

from zhaoshang.supervision.models import Notification, ProgressReport
from zhaoshang.supervision.services.reports import ReportInput, report_save
from tests.conftest import DEMO_PASSWORD, month


def _client(username):
    token = Client().post("/api/v1/auth/token", {"username": username, "password": DEMO_PASSWORD},
                          content_type="application/json").json()["token"]
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


@pytest.fixture
def waiting(task5_assignment, agri_user):
    return report_save(actor=agri_user, assignment=task5_assignment, submit=True, period=month(datetime.date(2025, 8, 10)),
                       data=ReportInput(done_text="对接企业3家", percent=40))


def _review(client, report_id, **payload):
    return client.post(f"/api/v1/reports/{report_id}/review", payload, content_type="application/json")


def test_reviews_lists_waiting_reports_oldest_first(waiting, django_assert_max_num_queries):
    office = _client("office")
    with django_assert_max_num_queries(8):
        rows = office.get("/api/v1/reviews").json()
    assert set(rows[0]) >= {"report_id", "assignment_id", "unit", "task", "period", "submitted_at"}
    assert [r["submitted_at"] for r in rows] == sorted(r["submitted_at"] for r in rows)
    mine = next(r for r in rows if r["report_id"] == waiting.pk)
    assert mine["unit"] == "市农业农村局" and mine["period"] == "2025-08" and mine["task"].startswith("任务5")
    assert len(rows) == ProgressReport.objects.filter(status="submitted").count()
    unit_id = waiting.assignment.unit_id
    assert {r["unit"] for r in office.get(f"/api/v1/reviews?unit={unit_id}").json()} == {"市农业农村局"}


def test_only_the_office_reviews(waiting):
    for username in ("fgw", "nyncj", "leader"):
        client = _client(username)
        assert client.get("/api/v1/reviews").status_code == 403
        assert _review(client, waiting.pk, decision="accept").status_code == 403
    waiting.refresh_from_db()
    assert waiting.status == "submitted"


def test_accept_return_and_their_errors(waiting, task5_assignment, agri_user):
    office = _client("office")
    response = _review(office, waiting.pk, decision="return")
    assert response.status_code == 400 and response.json()["detail"] == "退回时请填写理由。"
    assert _review(office, waiting.pk, decision="maybe").status_code == 422
    response = _review(office, waiting.pk, decision="return", reason="请补充企业名单")
    assert response.status_code == 200 and response.json()["status"] == "returned"
    response = _review(office, waiting.pk, decision="accept")
    assert response.status_code == 409 and "不在待审核中" in response.json()["detail"]
    assert _review(office, 987654321, decision="accept").status_code == 404
    again = report_save(actor=agri_user, assignment=task5_assignment, submit=True, period=month(datetime.date(2025, 8, 10)),
                        data=ReportInput(done_text="对接企业3家：甲、乙、丙", percent=40))
    response = _review(office, again.pk, decision="accept")
    assert response.status_code == 200 and response.json()["status"] == "accepted"


def test_notifications_are_the_callers_own_newest_first_and_paged(waiting, office, django_assert_max_num_queries):
    client = _client("office")
    with django_assert_max_num_queries(6):
        notes = client.get("/api/v1/notifications").json()
    assert notes and set(notes[0]) == {"id", "kind", "text", "url", "read", "created_at"}
    assert [n["created_at"] for n in notes] == sorted((n["created_at"] for n in notes), reverse=True)
    assert {n["id"] for n in notes} <= set(Notification.objects.filter(user=office).values_list("pk", flat=True))
    assert any(n["kind"] == "submitted" and "市农业农村局" in n["text"] for n in notes)
    first, second = (client.get(f"/api/v1/notifications?page={p}&page_size=1").json() for p in (1, 2))
    assert len(first) == 1 and first[0]["id"] == notes[0]["id"] and (not second or second[0]["id"] == notes[1]["id"])
    assert client.get("/api/v1/notifications?page_size=0").status_code == 422
    unread = client.get("/api/v1/notifications?unread=true&kind=submitted").json()
    assert unread and all(not n["read"] and n["kind"] == "submitted" for n in unread)
    marked = client.post("/api/v1/notifications/read", {"kind": "submitted"}, content_type="application/json").json()
    assert marked["marked"] == len(unread)
    assert client.get("/api/v1/notifications?unread=true&kind=submitted").json() == []
    assert not any(n["kind"] == "submitted" for n in _client("nyncj").get("/api/v1/notifications").json())
