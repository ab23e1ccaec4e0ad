"""API tokens: a lifetime, revocation by the owner and by logout, and death with any password change."""

import datetime

import time_machine
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from zhaoshang.accounts.models import ApiToken, User
from zhaoshang.accounts.services import token_issue
from zhaoshang.core.models import AuditLog
from tests.conftest import DEMO_PASSWORD

JSON = "application/json"


def _token(username="fgw", **extra):
    response = Client().post("/api/v1/auth/token", {"username": username, "password": DEMO_PASSWORD, **extra}, content_type=JSON)
    assert response.status_code == 200, response.content
    return response.json()


def _get(url, key):
    return Client().get(url, HTTP_AUTHORIZATION=f"Bearer {key}")


def test_token_expires_after_the_configured_hours(demo):
    issued = _token()
    expires = datetime.datetime.fromisoformat(issued["expires_at"])
    assert abs(expires - timezone.now() - datetime.timedelta(hours=settings.ZHAOSHANG_TOKEN_HOURS)) < datetime.timedelta(minutes=1)
    assert _get("/api/v1/plans", issued["token"]).status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=settings.ZHAOSHANG_TOKEN_HOURS, minutes=1)):
        assert _get("/api/v1/plans", issued["token"]).status_code == 401


def test_logout_revokes_the_calling_token_only(demo):
    first, second = _token()["token"], _token()["token"]
    response = Client().post("/api/v1/auth/logout", HTTP_AUTHORIZATION=f"Bearer {first}")
    assert response.status_code == 204
    assert _get("/api/v1/plans", first).status_code == 401
    assert _get("/api/v1/plans", second).status_code == 200
    assert AuditLog.objects.filter(action="token_revoke").exists()


def test_logout_ends_a_browser_session(office_client):
    assert office_client.post("/api/v1/auth/logout").status_code == 204
    assert office_client.get("/api/v1/plans").status_code == 401


def test_a_user_lists_and_revokes_only_their_own_tokens(demo):
    mine = _token(name="报表脚本")
    theirs = _token("office")["token"]
    listed = _get("/api/v1/auth/tokens", mine["token"]).json()
    assert [row["name"] for row in listed] == ["报表脚本"]
    assert "token" not in listed[0] and "key_hash" not in listed[0]
    office_token = ApiToken.objects.filter(user__username="office").latest("id")
    client = Client()
    assert client.delete(f"/api/v1/auth/tokens/{office_token.pk}", HTTP_AUTHORIZATION=f"Bearer {mine['token']}").status_code == 404
    assert _get("/api/v1/plans", theirs).status_code == 200
    assert client.delete(f"/api/v1/auth/tokens/{listed[0]['id']}", HTTP_AUTHORIZATION=f"Bearer {mine['token']}").status_code == 204
    assert _get("/api/v1/plans", mine["token"]).status_code == 401
    assert AuditLog.objects.filter(action="token_issue").count() >= 2


def test_any_password_change_revokes_older_tokens(demo):
    user = User.objects.get(username="fgw")
    key = token_issue(user=user)
    user.set_password("Another-Pass-2025!")  # as /admin/ or `changepassword` would
    user.save()
    assert _get("/api/v1/plans", key).status_code == 401


def test_the_demo_resetting_passwords_revokes_tokens(demo):
    key = token_issue(user=User.objects.get(username="fgw"))
    User.objects.filter(username="fgw").update(password=make_password(DEMO_PASSWORD))  # what demo_load does, no signals
    assert _get("/api/v1/plans", key).status_code == 401


def test_changepassword_command_revokes_tokens(demo, monkeypatch):
    key = token_issue(user=User.objects.get(username="fgw"))
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "Another-Pass-2025!")
    call_command("changepassword", "fgw")
    assert _get("/api/v1/plans", key).status_code == 401


def test_token_endpoint_answers_lock_out_as_json(demo):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/api/v1/auth/token", {"username": "fgw", "password": "nope"}, content_type=JSON)
    locked = client.post("/api/v1/auth/token", {"username": "fgw", "password": DEMO_PASSWORD}, content_type=JSON)
    assert locked.status_code == 429
    assert locked["Content-Type"].startswith("application/json")
    assert locked.json() == {"detail": "登录失败次数过多，请30分钟后再试"}


def test_my_account_page_lists_and_revokes_own_tokens(unit_client, unit_user):
    key = token_issue(user=unit_user, name="月报脚本")
    page = unit_client.get("/accounts/me/")
    assert page.status_code == 200 and "月报脚本" in page.content.decode() and key not in page.content.decode()
    token = ApiToken.objects.get(user=unit_user, name="月报脚本")
    assert unit_client.post(f"/accounts/me/tokens/{token.pk}/revoke/").status_code == 302
    assert _get("/api/v1/plans", key).status_code == 401
    assert "月报脚本" not in unit_client.get("/accounts/me/").content.decode()
