"""Production settings are safe: DEBUG off, a key required, `check --deploy` clean."""

import subprocess
import sys

BASE_ENV = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "zhaoshang.settings"}


def _django(env, *args):
    return subprocess.run([sys.executable, "-m", "django", *args], capture_output=True, text=True, env=env, timeout=120)


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {**BASE_ENV, "ZHAOSHANG_DATA_DIR": str(tmp_path), "ZHAOSHANG_SECRET_KEY": "p" * 20 + "Q9!x" * 12}
    result = _django(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_secret_key_is_required_when_debug_is_off(tmp_path):
    result = _django({**BASE_ENV, "ZHAOSHANG_DATA_DIR": str(tmp_path)}, "check")
    assert result.returncode != 0
    assert "ZHAOSHANG_SECRET_KEY" in result.stderr


def test_debug_is_off_unless_asked():
    from django.conf import settings

    assert settings.DEBUG is False
