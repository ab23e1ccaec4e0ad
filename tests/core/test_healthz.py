"""/healthz: the proxy's and the monitor's probe — no log-in, no session, no versions or paths."""

import datetime
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from zhaoshang.core import views_health


def _queued(enqueued_ago: int) -> DBTaskResult:
    task = DBTaskResult.objects.create(
        task_path="zhaoshang.core.jobs.nothing", args_kwargs={"args": [], "kwargs": {}}, backend_name="default",
        queue_name="default", run_after=datetime.datetime(9999, 1, 1, tzinfo=datetime.timezone.utc),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - datetime.timedelta(seconds=enqueued_ago))
    return task


@pytest.mark.django_db
def test_healthz_is_ok_without_log_in_and_sets_no_cookie():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "worker": "ok"}
    assert not response.cookies  # no session, no CSRF cookie
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_task_queued_too_long_is_degraded_but_200():
    _queued(views_health.STALE_SECONDS - 60)  # recent: a worker (or the thread fallback) still has time
    assert Client().get("/healthz").json()["status"] == "ok"
    _queued(views_health.STALE_SECONDS + 60)
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "worker": "stalled"}


@pytest.mark.django_db
def test_database_down_is_503_and_leaks_nothing():
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("/srv/db secret")):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "fail", "database": "fail", "worker": "unknown"}
    assert b"/srv" not in response.content and b"secret" not in response.content


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True)
def test_plain_http_probe_is_not_redirected_but_pages_are():
    assert Client().get("/healthz").status_code == 200
    assert Client().get("/accounts/login/").status_code == 301


@pytest.mark.django_db
def test_host_checking_still_applies():
    assert Client(HTTP_HOST="evil.example").get("/healthz").status_code == 400


def test_post_is_refused(client):
    assert client.post("/healthz").status_code == 405
