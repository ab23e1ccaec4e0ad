"""Behind a reverse proxy the lock-out and the log-in log use the real client's address, and one address failing
across many accounts is locked out too."""

import pytest
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.test import Client, RequestFactory, override_settings

from tests.conftest import DEMO_PASSWORD
from zhaoshang.core.client_ip import client_ip

PROXY = "10.0.0.2"


def _login(username, password, peer=PROXY, forwarded=None):
    headers = {"REMOTE_ADDR": peer}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return Client().post("/accounts/login/", {"username": username, "password": password}, **headers)


@pytest.mark.parametrize(("trusted", "peer", "forwarded", "expected"), [
    ("", "10.0.0.2", "203.0.113.5", "10.0.0.2"),  # no proxy configured: trust nobody
    ("10.0.0.0/8", "192.0.2.9", "203.0.113.5", "192.0.2.9"),  # the peer is not our proxy
    ("10.0.0.0/8", "10.0.0.2", "203.0.113.5", "203.0.113.5"),
    ("10.0.0.0/8", "10.0.0.2", "1.2.3.4, 203.0.113.5, 10.0.0.7", "203.0.113.5"),  # right-most untrusted hop
    ("10.0.0.2, 10.0.1.0/24", "10.0.1.5", "203.0.113.5,10.0.0.2", "203.0.113.5"),
    ("10.0.0.0/8", "10.0.0.2", "10.0.0.3", "10.0.0.2"),  # only proxies: the peer
    ("10.0.0.0/8", "10.0.0.2", "", "10.0.0.2"),
    ("10.0.0.0/8", "10.0.0.2", "not-an-address", "10.0.0.2"),
    ("10.0.0.0/8", "10.0.0.2", "2001:db8::1", "2001:db8::1"),
])
def test_client_ip_trusts_forwarded_for_only_from_configured_proxies(trusted, peer, forwarded, expected):
    request = RequestFactory().get("/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(ZHAOSHANG_TRUSTED_PROXIES=trusted):
        assert client_ip(request) == expected


@override_settings(ZHAOSHANG_TRUSTED_PROXIES="10.0.0.0/8")
def test_behind_a_trusted_proxy_the_lockout_hits_the_real_client_only(demo):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login("office", "wrong", forwarded="203.0.113.5")
    assert _login("office", DEMO_PASSWORD, forwarded="203.0.113.5").status_code == 429
    assert AccessAttempt.objects.filter(username="office", ip_address="203.0.113.5").exists()
    assert _login("office", DEMO_PASSWORD, forwarded="198.51.100.7").status_code == 302  # the real owner elsewhere
    assert AccessLog.objects.filter(username="office", ip_address="198.51.100.7").exists()  # the log-in log too


@override_settings(ZHAOSHANG_TRUSTED_PROXIES="10.0.0.0/8")
def test_an_untrusted_peers_forwarded_for_is_ignored(demo):
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login("office", "wrong", peer="192.0.2.9", forwarded=f"203.0.113.{n}")  # rotating a spoofed header
    assert _login("office", DEMO_PASSWORD, peer="192.0.2.9", forwarded="203.0.113.99").status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"192.0.2.9"}


@override_settings(ZHAOSHANG_TRUSTED_PROXIES="10.0.0.0/8", ZHAOSHANG_LOGIN_FAILURE_LIMIT_PER_ADDRESS=6)
def test_one_address_failing_across_accounts_is_locked_out(demo):
    for n in range(6):  # one failure per name: no (username, address) pair reaches its limit
        _login(f"guess{n}", "wrong", forwarded="203.0.113.5")
    assert _login("office", DEMO_PASSWORD, forwarded="203.0.113.5").status_code == 429
    assert _login("office", DEMO_PASSWORD, forwarded="198.51.100.7").status_code == 302


@override_settings(ZHAOSHANG_TRUSTED_PROXIES="10.0.0.0/8", ZHAOSHANG_LOGIN_FAILURE_LIMIT_PER_ADDRESS=6)
def test_failures_below_the_address_limit_lock_nobody_else(demo):
    for n in range(5):
        _login(f"guess{n}", "wrong", forwarded="203.0.113.5")
    assert _login("office", DEMO_PASSWORD, forwarded="203.0.113.5").status_code == 302
