"""The second factor (TOTP) for the roles in ZHAOSHANG_2FA_ROLES: enrol, verify, the token endpoint, /admin/."""

import datetime
import re

import pytest
import time_machine
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from zhaoshang.accounts.models import User
from zhaoshang.core.models import AuditLog
from tests.conftest import DEMO_PASSWORD

JSON = "application/json"


def _code(device):
    """The authenticator app's current code for `device` (at the possibly travelled clock)."""
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


@pytest.fixture
def two_factor(settings):
    settings.ZHAOSHANG_2FA_ROLES = ["office", "admin"]


def _login(username):
    client = Client()
    assert client.post("/accounts/login/", {"username": username, "password": DEMO_PASSWORD}).status_code == 302
    return client


def _enrol(client):
    page = client.get("/accounts/me/otp/")
    assert page.status_code == 200 and 'class="segno"' in page.content.decode()
    secret = re.search(r'user-select-all">([A-Z2-7=]+)<', page.content.decode()).group(1)
    device = TOTPDevice.objects.get(confirmed=False, user__username=page.wsgi_request.user.username)
    assert secret.rstrip("=")
    return device


def test_off_by_default_nobody_is_asked(office_client):
    assert office_client.get("/plans/").status_code == 200


def test_office_enrols_then_reaches_pages(demo, two_factor):
    client = _login("office")
    response = client.get("/plans/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/me/otp/")
    assert client.get("/api/v1/plans").json() == {"detail": "请先完成动态验证码验证"}
    device = _enrol(client)
    wrong = client.post("/accounts/me/otp/", {"code": "000000" if _code(device) != "000000" else "111111"})
    assert wrong.status_code == 200 and "验证码不正确" in wrong.content.decode()
    assert TOTPDevice.objects.get(confirmed=False, user__username="office") == device  # the scanned secret stays
    with time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=5), tick=False):  # throttle
        assert client.post("/accounts/me/otp/?next=/plans/", {"code": _code(device)})["Location"] == "/plans/"
    assert client.get("/plans/").status_code == 200
    assert client.get("/api/v1/plans").status_code == 200
    assert AuditLog.objects.filter(action="otp_enrol").exists()


def test_a_unit_user_is_not_asked(demo, two_factor):
    assert _login("fgw").get("/plans/").status_code == 200


def test_a_second_log_in_asks_for_the_code_not_a_new_enrolment(demo, two_factor):
    client = _login("office")
    device = _enrol(client)
    client.post("/accounts/me/otp/", {"code": _code(device)})
    later = _login("office")
    page = later.get("/accounts/me/otp/")
    assert 'class="segno"' not in page.content.decode() and "验证码" in page.content.decode()
    with time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=60), tick=False):
        device.refresh_from_db()
        assert later.post("/accounts/me/otp/", {"code": _code(device)}).status_code == 302
        assert later.get("/plans/").status_code == 200


def test_token_endpoint_requires_the_code(demo, two_factor):
    body = {"username": "office", "password": DEMO_PASSWORD}
    assert Client().post("/api/v1/auth/token", body, content_type=JSON).status_code == 403  # not enrolled yet
    client = _login("office")
    device = _enrol(client)
    client.post("/accounts/me/otp/", {"code": _code(device)})
    assert Client().post("/api/v1/auth/token", body, content_type=JSON).status_code == 401
    with time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=60), tick=False):
        device.refresh_from_db()
        response = Client().post("/api/v1/auth/token", {**body, "otp": _code(device)}, content_type=JSON)
        assert response.status_code == 200
        assert Client().get("/api/v1/plans", HTTP_AUTHORIZATION=f"Bearer {response.json()['token']}").status_code == 200


def test_admin_site_requires_the_second_factor(demo, two_factor):
    client = _login("admin")
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/me/otp/")
    device = _enrol(client)
    client.post("/accounts/me/otp/", {"code": _code(device)})
    assert client.get("/admin/").status_code == 200


def test_staff_of_any_role_need_it_for_admin(demo, two_factor):
    User.objects.filter(username="leader").update(is_staff=True)
    assert _login("leader").get("/admin/").status_code == 302
