"""Chinese 403/404/500 and CSRF-failure pages (DEBUG off, as in production), the favicon, the
Content-Security-Policy header, and templates free of inline script that the policy would block."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client, override_settings
from django.urls import path

TEMPLATES = Path(settings.PACKAGE_DIR) / "templates"


def _boom(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom/", _boom)]


def _text(response) -> str:
    return response.content.decode()


def test_debug_is_off_for_these_tests():
    assert settings.DEBUG is False


def test_404_is_chinese(office_client):
    response = office_client.get("/no-such-page/")
    assert response.status_code == 404
    assert "页面不存在" in _text(response) and "返回首页" in _text(response)


def test_403_is_chinese(unit_client):
    response = unit_client.get("/recycle-bin/")  # audit pages: office and admin only
    assert response.status_code == 403
    assert "您没有权限访问此页面" in _text(response)


@override_settings(ROOT_URLCONF=__name__)
def test_500_is_chinese_and_needs_no_request_context(db):
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    assert "系统出现错误" in _text(response) and "RuntimeError" not in _text(response)


def test_csrf_failure_tells_to_reload_and_log_in_again(office):
    client = Client(enforce_csrf_checks=True)
    client.force_login(office)
    response = client.post("/accounts/logout/", HTTP_REFERER="http://testserver/plans/?year=2025")
    assert response.status_code == 403
    text = _text(response)
    assert "页面已过期，请刷新后重新登录" in text and "CSRF token" not in text
    assert 'href="/plans/?year=2025"' in text  # reload goes back to the page, never re-posts
    assert "/accounts/login/?next=%2Fplans%2F%3Fyear%3D2025" in text


def test_csrf_failure_ignores_a_foreign_referer(office):
    client = Client(enforce_csrf_checks=True)
    client.force_login(office)
    response = client.post("/accounts/logout/", HTTP_REFERER="https://evil.example/x")
    assert response.status_code == 403 and "evil.example" not in _text(response)


def test_favicon_is_linked_and_served(office_client):
    assert finders.find("zhaoshang/favicon.svg")
    response = office_client.get("/plans/")
    assert re.search(r'<link rel="icon" href="[^"]*favicon\.svg"', _text(response))


@pytest.mark.parametrize("url", ["/plans/", "/accounts/login/", "/admin/login/", "/no-such-page/"])
def test_every_response_carries_the_content_security_policy(office_client, url):
    policy = office_client.get(url)["Content-Security-Policy"]
    directives = dict((part.split(" ", 1) + [""])[:2] for part in (p.strip() for p in policy.split(";")) if part)
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert directives["base-uri"] == "'self'" and directives["form-action"] == "'self'"
    assert directives["img-src"] == "'self' data:"


def test_templates_hold_no_inline_script_or_handler():
    """The policy blocks inline script: every behaviour lives in static/zhaoshang/*.js."""
    offenders = []
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text) or re.search(r"\son[a-z]+\s*=|\bhx-on|javascript:", text):
            offenders.append(str(template.relative_to(TEMPLATES)))
    assert offenders == []
