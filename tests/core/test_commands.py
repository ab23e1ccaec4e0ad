"""The `zhaoshang` commands: users --json, parse --json, import-notice, demo."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from zhaoshang.demo.loader import demo_load
from zhaoshang.demo.models import DemoInstall
from zhaoshang.plans.models import Plan

SEED = Path(__file__).resolve().parents[2] / "src/zhaoshang/demo/demo_data/qianjiang-2025-zhaoshang-task-list.txt"


def _run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_users_json_lists_one_account_per_role_and_unit(demo):
    rows = json.loads(_run("users", "--json"))
    assert {tuple(sorted(r)) for r in rows} == {("role", "unit", "username")}
    roles = [r["role"] for r in rows]
    assert roles.count("office") == 1 and roles.count("leader") == 1 and roles.count("admin") == 1
    unit_rows = [r for r in rows if r["role"] == "unit"]
    assert len({r["unit"] for r in unit_rows}) == len(unit_rows) >= 27
    assert "system" not in {r["username"] for r in rows}


def test_parse_json_prints_the_contract():
    parsed = json.loads(_run("parse", str(SEED), "--json"))
    assert {"title", "issuer", "doc_number", "date", "tasks", "chains"} <= set(parsed)
    assert parsed["doc_number"] == "潜政办发〔2025〕11号"
    assert len(parsed["tasks"]) == 18


def test_import_notice_command_imports_a_new_plan(demo, tmp_path):
    notice = tmp_path / "n.txt"
    notice.write_text(
        "关于印发《某市招商任务清单》的通知\n某政办发〔2025〕8号\n一、平台招商\n"
        "（一）通过平台招引项目3个以上。（责任单位：市招商服务中心、市商务局；完成时限：2025年10月底）\n"
        "某市人民政府办公室\n2025年2月1日\n",
        encoding="utf-8",
    )
    _run("import_notice", str(notice))
    plan = Plan.objects.get(doc_number="某政办发〔2025〕8号")
    assert plan.tasks.get().deadline_code == "2025-10"


def test_import_notice_command_refuses_unknown_units_unless_told(demo, tmp_path):
    notice = tmp_path / "n.txt"
    notice.write_text(
        "关于印发《某市招商任务清单》的通知\n一、平台招商\n"
        "（一）通过平台招引项目3个以上。（责任单位：市未来局；完成时限：2025年10月底）\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="市未来局"):
        _run("import_notice", str(notice))
    assert Plan.objects.count() == 1
    _run("import_notice", str(notice), "--create-units")
    assert Plan.objects.count() == 2


def test_demo_refuses_a_database_with_real_data(demo):
    DemoInstall.objects.all().delete()
    with pytest.raises(CommandError, match="非演示数据"):
        _run("demo", "--no-serve")


def test_demo_is_idempotent_and_resets_passwords(demo):
    logins = demo_load(password="Another-Pass-99!")
    assert Plan.objects.count() == 1
    assert any(login.username == "office" for login in logins)


def test_zhaoshang_console_command_runs_outside_pytest(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "ZHAOSHANG_DATA_DIR": str(tmp_path), "ZHAOSHANG_SECRET_KEY": "x" * 60}
    result = subprocess.run([str(Path(sys.executable).parent / "zhaoshang"), "parse", str(SEED), "--json"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["date"] == "2025-06-19"
    bad = subprocess.run([str(Path(sys.executable).parent / "zhaoshang"), "parse", "/nonexistent.docx"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
