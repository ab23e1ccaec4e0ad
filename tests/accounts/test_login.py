"""Log-in hardened as 等保 asks: lock-out, password rules, idle time-out, a log of log-ins."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client

from tests.conftest import DEMO_PASSWORD


def _login(client, password):
    return client.post("/accounts/login/", {"username": "office", "password": password})


def test_login_then_the_plan(demo):
    client = Client()
    response = _login(client, DEMO_PASSWORD)
    assert response.status_code == 302
    assert client.get("/", follow=True).context["plan"] == demo
    assert AccessLog.objects.filter(username="office").exists()


def test_wrong_password_shows_a_chinese_error(demo):
    response = _login(Client(), "wrong")
    assert response.status_code == 200
    assert "用户名或密码错误" in response.content.decode()


def test_repeated_failures_lock_the_account_even_with_the_right_password(demo):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "wrong")
    response = _login(client, DEMO_PASSWORD)
    assert response.status_code == 429
    assert "锁定" in response.content.decode()
    assert AccessAttempt.objects.filter(username="office").exists()


@pytest.mark.parametrize("password", ["short1A!", "alllowercaseletters", "12345678901234", "NoDigitsOrSymbols"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_strong_password_is_accepted():
    validate_password("Zhaoshang-2025-ok")


def _expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_a_session_in_use_slides_its_expiry_at_most_once_a_minute(demo):
    with time_machine.travel(datetime(2025, 3, 3, 9, 0, tzinfo=UTC), tick=False) as clock:
        client = Client()
        _login(client, DEMO_PASSWORD)
        first = _expiry(client)
        assert first == datetime(2025, 3, 3, 9, 30, tzinfo=UTC)
        clock.shift(30)
        assert client.get("/plans/").status_code == 200
        assert _expiry(client) == first  # no database write for a page within the minute
        clock.shift(31)
        assert client.get("/plans/").status_code == 200
        assert _expiry(client) == first + timedelta(seconds=61)


def test_an_idle_session_ends_thirty_minutes_after_its_last_use(demo):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    with time_machine.travel(datetime(2025, 3, 3, 9, 0, tzinfo=UTC), tick=False) as clock:
        client = Client()
        _login(client, DEMO_PASSWORD)
        clock.shift(29 * 60)
        assert client.get("/plans/").status_code == 200  # used at 9:29, so alive until 9:59
        clock.shift(29 * 60)
        assert client.get("/plans/").status_code == 200
        clock.shift(30 * 60 + 1)
        response = client.get("/plans/")
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_anonymous_pages_redirect_to_login(demo):
    response = Client().get("/plans/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
