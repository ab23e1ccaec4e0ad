"""A fresh machine as a newcomer meets it: the Makefile's virtualenv and Python checks, the test summary."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _make(*args, timeout=120):
    return subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), *args], capture_output=True, text=True,
                          timeout=timeout)


def test_an_old_python_is_refused_at_once_in_chinese_and_english(tmp_path):
    fake = tmp_path / "python3.10"
    fake.write_text('#!/bin/sh\ncase "$1" in --version) echo "Python 3.10.12";; *) exit 1;; esac\n')
    fake.chmod(0o755)
    result = _make("venv", f"PYTHON={fake}", f"VENV={tmp_path / 'venv'}", timeout=30)
    assert result.returncode != 0
    assert "需要 Python 3.11" in result.stdout and "Python >= 3.11 is required" in result.stdout
    assert "Python 3.10.12" in result.stdout and "PYTHON=python3.12" in result.stdout
    assert not (tmp_path / "venv").exists()


def test_a_half_made_virtualenv_is_recreated(tmp_path):
    venv = tmp_path / "venv"
    python = shutil.which("python3")
    subprocess.run([python, "-m", "venv", "--without-pip", str(venv)], check=True)  # what a missing python3-venv leaves
    result = _make("venv", f"PYTHON={python}", f"VENV={venv}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "重新创建" in result.stdout
    pip = subprocess.run([str(venv / "bin/python"), "-m", "pip", "--version"], capture_output=True)
    assert pip.returncode == 0


def test_skipped_browser_tests_say_so_in_the_summary():
    env = {**os.environ, "ZHAOSHANG_CHROMIUM": "/nonexistent/chromium"}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/browser/test_flows.py"],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "浏览器测试已跳过：未找到 chromium (ZHAOSHANG_CHROMIUM=/nonexistent/chromium" in result.stdout
    assert re.search(r"^\d+ skipped", result.stdout.splitlines()[-1])
