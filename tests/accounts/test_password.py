"""Self-service password change (page and API), the forced change of an admin-set password, optional expiry."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from zhaoshang.accounts.models import User
from zhaoshang.accounts.services import token_issue, user_create
from zhaoshang.core.models import AuditLog
from tests.conftest import DEMO_PASSWORD

JSON = "application/json"
NEW = "Fresh-Pass-2026!"


def _bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {token_issue(user=user)}"}


def test_api_password_change_revokes_the_calling_token(demo):
    user = User.objects.get(username="fgw")
    headers = _bearer(user)
    response = Client().post("/api/v1/auth/password", {"old_password": DEMO_PASSWORD, "new_password": NEW}, content_type=JSON, **headers)
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(NEW) and user.password_changed_at is not None
    assert Client().get("/api/v1/plans", **headers).status_code == 401
    assert AuditLog.objects.filter(action="password_change", object_id=str(user.pk)).exists()


@pytest.mark.parametrize("old, new, message", [
    ("wrong", NEW, "原密码不正确"),
    (DEMO_PASSWORD, "short1A!", "密码"),
    (DEMO_PASSWORD, "alllowercaseletters", "至少3类"),
])
def test_api_password_change_refuses_with_chinese_messages(demo, old, new, message):
    headers = _bearer(User.objects.get(username="fgw"))
    response = Client().post("/api/v1/auth/password", {"old_password": old, "new_password": new}, content_type=JSON, **headers)
    assert response.status_code == 400
    assert message in response.json()["detail"]
    assert User.objects.get(username="fgw").check_password(DEMO_PASSWORD)


def test_page_password_change_keeps_the_browser_logged_in(unit_client, unit_user):
    response = unit_client.post("/accounts/me/password/", {"old_password": DEMO_PASSWORD, "new_password": NEW, "new_password2": NEW})
    assert response.status_code == 302 and response["Location"] == "/accounts/me/"
    assert unit_client.get("/plans/").status_code == 200
    unit_user.refresh_from_db()
    assert unit_user.check_password(NEW)


def test_page_shows_validator_messages_in_chinese(unit_client):
    response = unit_client.post("/accounts/me/password/", {"old_password": DEMO_PASSWORD, "new_password": "abc", "new_password2": "abc"})
    assert response.status_code == 200
    assert "密码" in response.content.decode() and "至少" in response.content.decode()


def test_page_explains_the_password_rules_in_chinese(unit_client):
    page = unit_client.get("/accounts/me/password/").content.decode()
    assert "你的密码必须包含至少 10 个字符" in page and "Your password" not in page


@pytest.fixture
def created(demo, admin_user):
    """An account the admin created with a password the admin knows."""
    return user_create(actor=admin_user, username="newclerk", password="Admin-Set-2026!", role="leader")


def test_an_account_an_admin_created_must_change_its_password_first(created):
    assert created.must_change_password
    client = Client()
    client.force_login(created)
    response = client.get("/plans/")
    assert response.status_code == 302 and response["Location"] == "/accounts/me/password/"
    assert client.get("/admin/").status_code == 302
    api = client.get("/api/v1/plans")
    assert api.status_code == 403 and api.json() == {"detail": "请先修改初始密码"}
    headers = _bearer(created)
    assert Client().get("/api/v1/plans", **headers).status_code == 403
    assert Client().get("/api/v1/auth/tokens", **headers).status_code == 200  # the auth endpoints stay open
    assert client.get("/accounts/me/password/").status_code == 200
    client.post("/accounts/me/password/", {"old_password": "Admin-Set-2026!", "new_password": NEW, "new_password2": NEW})
    assert client.get("/plans/").status_code == 200
    assert not User.objects.get(pk=created.pk).must_change_password


def test_an_admin_reset_in_admin_forces_a_change(demo, admin_user):
    client = Client()
    client.force_login(admin_user)
    target = User.objects.get(username="fgw")
    response = client.post(f"/admin/accounts/user/{target.pk}/password/",
                           {"password1": "Reset-By-Admin-1!", "password2": "Reset-By-Admin-1!", "usable_password": "true"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(pk=target.pk).must_change_password


def test_an_account_added_in_admin_must_change_its_password(demo, admin_user):
    client = Client()
    client.force_login(admin_user)
    response = client.post("/admin/accounts/user/add/", {"username": "clerk2", "password1": "Added-In-Admin-1!",
                                                          "password2": "Added-In-Admin-1!", "usable_password": "true",
                                                          "role": "leader"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(username="clerk2").must_change_password


def test_demo_accounts_are_not_forced(demo):
    assert not User.objects.filter(must_change_password=True).exists()


def test_password_older_than_the_configured_days_must_be_changed(unit_client, unit_user, settings):
    settings.ZHAOSHANG_PASSWORD_MAX_DAYS = 90
    assert unit_client.get("/plans/").status_code == 200
    User.objects.filter(pk=unit_user.pk).update(password_changed_at=timezone.now() - datetime.timedelta(days=91))
    assert unit_client.get("/plans/")["Location"] == "/accounts/me/password/"
