"""`zhaoshang demo`: a busy port is found before anything is loaded; re-running keeps the printed password."""

import re
import socket
import stat
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.conftest import DEMO_PASSWORD
from zhaoshang.accounts.models import User
from zhaoshang.demo.management.commands import demo as demo_command


@pytest.fixture
def no_server(monkeypatch):
    """The demo command with runserver replaced: the tests never serve."""
    calls = []

    def fake_call_command(name, *args, **kwargs):
        calls.append(name)
        if name != "runserver":
            return call_command(name, *args, **kwargs)

    monkeypatch.setattr(demo_command, "call_command", fake_call_command)
    return calls


def _demo(*args) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def test_a_busy_port_stops_the_demo_before_anything_changes(demo, no_server, settings, tmp_path, monkeypatch):
    settings.DATA_DIR = tmp_path
    monkeypatch.delenv("ZHAOSHANG_DEMO_PASSWORD", raising=False)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(CommandError, match=f"端口 {port} 已被占用"):
            _demo("--port", str(port))
    assert no_server == []  # not even migrate
    assert User.objects.get(username="office").check_password(DEMO_PASSWORD)
    assert not (tmp_path / "demo_password").exists()


def test_rerunning_the_demo_keeps_the_password_it_printed(demo, no_server, settings, tmp_path, monkeypatch):
    settings.DATA_DIR = tmp_path
    monkeypatch.delenv("ZHAOSHANG_DEMO_PASSWORD", raising=False)
    first = re.search(r"密码：(\S+)", _demo("--no-serve")).group(1)
    second = re.search(r"密码：(\S+)", _demo("--no-serve")).group(1)
    assert first == second
    assert User.objects.get(username="office").check_password(first)
    kept = tmp_path / "demo_password"
    assert kept.read_text().strip() == first
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


def test_the_environment_names_the_demo_password(demo, no_server, settings, tmp_path, monkeypatch):
    settings.DATA_DIR = tmp_path
    monkeypatch.setenv("ZHAOSHANG_DEMO_PASSWORD", "Env-Pass-2025!")
    assert "密码：Env-Pass-2025!" in _demo("--no-serve")
    assert User.objects.get(username="office").check_password("Env-Pass-2025!")
