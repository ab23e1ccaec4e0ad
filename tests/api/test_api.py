"""The REST API: tokens, plans and tasks, units, parse, a unit's own assignment."""

import pytest
from django.test import Client

from zhaoshang.accounts.models import User
from zhaoshang.core.models import AuditLog
from zhaoshang.plans.models import Assignment
from tests.conftest import DEMO_PASSWORD


@pytest.fixture
def token(demo):
    response = Client().post("/api/v1/auth/token", {"username": "fgw", "password": DEMO_PASSWORD}, content_type="application/json")
    assert response.status_code == 200
    return response.json()["token"]


def _get(url, token):
    return Client().get(url, HTTP_AUTHORIZATION=f"Bearer {token}")


def test_token_from_username_and_password(token):
    assert len(token) > 30
    assert _get("/api/v1/plans", "wrong-token").status_code == 401


def test_wrong_password_gets_401_and_counts_towards_lockout(demo, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post("/api/v1/auth/token", {"username": "fgw", "password": "nope"}, content_type="application/json")
        assert response.status_code in (401, 429)
    locked = client.post("/api/v1/auth/token", {"username": "fgw", "password": DEMO_PASSWORD}, content_type="application/json")
    assert locked.status_code in (401, 429)


def test_plans_and_tasks_with_measures_and_units(token, demo, django_assert_max_num_queries):
    plans = _get("/api/v1/plans", token).json()
    assert plans[0]["title"] == demo.title and plans[0]["task_count"] == 18
    with django_assert_max_num_queries(10):
        tasks = _get(f"/api/v1/plans/{demo.pk}/tasks", token).json()
    task4 = next(t for t in tasks if t["number"] == "4")
    assert task4["deadline"] == "2025-12"
    assert [(u["name"], u["is_lead"]) for u in task4["measures"][0]["units"]] == [
        ("市发改委", True), ("市经信局", False), ("市招商服务中心", False)]
    assert task4["indicators"][0]["per"] == "chain"


def test_units_list_with_aliases(token, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        units = _get("/api/v1/units", token).json()
    fgw = next(u for u in units if u["short_name"] == "市发改委")
    assert "发改委" in fgw["aliases"] and fgw["lead_count"] >= 4


def test_unit_edits_its_own_assignment_and_it_is_audited(token, demo):
    own = Assignment.objects.filter(unit__short_name="市发改委").first()
    response = Client().patch(f"/api/v1/assignments/{own.pk}", {"contact_person": "王五", "contact_phone": "13800000000"},
                              content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200 and response.json()["contact_person"] == "王五"
    entry = AuditLog.objects.get(action="update", object_type="plans.assignment", object_id=str(own.pk))
    assert entry.actor.username == "fgw" and entry.before["contact_person"] == "" and entry.after["contact_person"] == "王五"


def test_unit_cannot_edit_another_units_assignment(token, demo):
    other = Assignment.objects.filter(unit__short_name="市商务局").first()
    response = Client().patch(f"/api/v1/assignments/{other.pk}", {"contact_person": "X"},
                              content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.contact_person == ""


def test_bad_phone_number_is_refused_in_chinese(token, demo):
    own = Assignment.objects.filter(unit__short_name="市发改委").first()
    response = Client().patch(f"/api/v1/assignments/{own.pk}", {"contact_phone": "call me"},
                              content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 400 and "电话" in response.json()["detail"]


def test_session_writes_need_csrf(demo):
    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.get(username="fgw"))
    own = Assignment.objects.filter(unit__short_name="市发改委").first()
    response = client.patch(f"/api/v1/assignments/{own.pk}", {"contact_person": "X"}, content_type="application/json")
    assert response.status_code in (401, 403)


def test_openapi_schema_is_served(demo):
    schema = Client().get("/api/v1/openapi.json").json()
    assert "/api/v1/plans/{plan_id}/tasks" in schema["paths"]
