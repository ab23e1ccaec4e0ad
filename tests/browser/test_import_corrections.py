"""In a browser: the office uploads a notice, corrects a task's deadline and a measure's units on the preview (a bad
deadline first: the error sits beside the field with the typed text kept), imports, and sees the corrected values
on the task page."""

from pathlib import Path

import pytest

from tests.browser.conftest import login
from tests.conftest import DEMO_PASSWORD
from tests.plans.test_import_corrections import NOTICE
from zhaoshang.plans.models import Task

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")]
SHOTS = Path("/tmp/shots/import-corrections")


def test_office_corrects_a_deadline_and_a_unit_before_importing(page, tmp_path):
    SHOTS.mkdir(parents=True, exist_ok=True)
    notice = tmp_path / "区重点工作任务分解.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    login(page, "office", DEMO_PASSWORD)
    page.goto(f"{page.base_url}/plans/import/")
    page.set_input_files("#id_file", str(notice))
    page.click("text=上传并预览")
    page.wait_for_selector("text=导入预览")
    page.click("summary:has-text('更正任务1')")
    page.fill("[name='fix:t0:deadline']", "下个月")
    page.fill("[name='fix:t0:m1:units']", "市商务局、市发改委")
    page.screenshot(path=str(SHOTS / "1-preview-typing.png"), full_page=True)
    page.click("button[name=save_corrections]")
    page.wait_for_selector("text=时限“下个月”无法识别")
    assert page.input_value("[name='fix:t0:deadline']") == "下个月"  # nothing typed is lost
    assert page.input_value("[name='fix:t0:m1:units']") == "市商务局、市发改委"
    page.screenshot(path=str(SHOTS / "2-error-beside-field.png"), full_page=True)

    page.fill("[name='fix:t0:deadline']", "2026年12月底前")
    page.click("button[name=save_corrections]")
    page.wait_for_selector("text=已保存更正")
    assert "任务1 时限：视情况而定 → 2026-12" in page.locator("#corrections").inner_text()
    page.screenshot(path=str(SHOTS / "3-saved.png"), full_page=True)
    page.click("button[name=confirm]")
    page.wait_for_selector("text=已导入")

    task = Task.objects.get(number="1", plan__title__contains="重点工作任务分解")
    page.goto(f"{page.base_url}/supervision/tasks/{task.pk}/")
    heading = page.locator("h1").inner_text()
    assert "2026年12月" in heading
    body = page.locator("main").inner_text() if page.locator("main").count() else page.inner_text("body")
    assert "市商务局" in body and "市发改委" in body
    page.screenshot(path=str(SHOTS / "4-task-page.png"), full_page=True)
