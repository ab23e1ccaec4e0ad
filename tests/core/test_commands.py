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


# --- the `zhaoshang` command as a newcomer meets it (issue 13, section 3) ------------------------------------

ZHAOSHANG = str(Path(sys.executable).parent / "zhaoshang")


def _zhaoshang(*args, cwd, data_dir):
    """The installed command with a data dir that does not exist yet and no key configured."""
    env = {"PATH": "/usr/bin:/bin", "ZHAOSHANG_DATA_DIR": str(data_dir), "HOME": str(cwd)}
    return subprocess.run([ZHAOSHANG, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120)


def test_parse_and_help_write_nothing(tmp_path):
    data_dir = tmp_path / "data"
    work = tmp_path / "work"
    work.mkdir()
    for args in (["parse", str(SEED), "--json"], ["--help"], ["parse", "--help"], ["help", "import-notice"]):
        result = _zhaoshang(*args, cwd=work, data_dir=data_dir)
        assert result.returncode == 0, (args, result.stderr)
    assert not data_dir.exists()
    assert list(work.iterdir()) == []


def test_help_takes_our_hyphenated_names(tmp_path):
    by_help = _zhaoshang("help", "import-notice", cwd=tmp_path, data_dir=tmp_path / "d")
    by_flag = _zhaoshang("import-notice", "--help", cwd=tmp_path, data_dir=tmp_path / "d")
    assert by_help.returncode == 0, by_help.stderr
    assert "--create-units" in by_help.stdout
    assert by_help.stdout == by_flag.stdout


def test_command_errors_print_the_chinese_message_alone(tmp_path):
    missing = _zhaoshang("parse", str(tmp_path / "nope.docx"), cwd=tmp_path, data_dir=tmp_path / "d")
    assert missing.returncode != 0
    assert missing.stderr.strip() == f"文件不存在：{tmp_path / 'nope.docx'}"
    folder = _zhaoshang("parse", str(tmp_path), cwd=tmp_path, data_dir=tmp_path / "d")
    assert folder.returncode != 0
    assert "CommandError" not in folder.stderr and "文件不存在" not in folder.stderr
    assert "文件夹" in folder.stderr


@pytest.mark.parametrize("command", ["parse", "import_notice", "import_projects"])
def test_a_folder_given_as_a_file_says_so(command, tmp_path):
    with pytest.raises(CommandError, match="这是一个文件夹"):
        _run(command, str(tmp_path))


def test_no_static_root_warning_at_start(settings, tmp_path):
    import warnings

    from django.test import Client

    settings.STATIC_ROOT = tmp_path / "static-not-collected"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        Client().get("/accounts/login/")
    assert not [w for w in caught if "No directory at" in str(w.message)]


def test_tests_keep_their_files_out_of_the_real_data_dir(settings):
    checkout_var = Path(__file__).resolve().parents[2] / "var"
    for folder in (settings.DATA_DIR, settings.PRIVATE_MEDIA_ROOT):
        assert not Path(folder).resolve().is_relative_to(checkout_var.resolve())
