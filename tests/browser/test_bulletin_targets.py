"""What leaders read, as a browser shows it: the office generates a month's bulletin and its preview reports the
targets (目标指标完成情况) with figures; a leader logging in on a phone lands on the 驾驶舱. Screenshots in
/tmp/shots/F (ZHAOSHANG_SHOTS to change)."""

import os
from pathlib import Path

import pytest

from tests.browser.conftest import login
from tests.conftest import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")]
SHOTS = Path(os.environ.get("ZHAOSHANG_SHOTS", "/tmp/shots/F"))


def _watch_errors(page) -> list[str]:
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors


def test_office_generates_the_bulletin_and_the_preview_reports_the_targets(page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    errors = _watch_errors(page)
    login(page, "office", DEMO_PASSWORD)
    assert page.url.endswith("/supervision/")  # the office lands on its overview
    page.goto(f"{page.base_url}/reports/bulletins/")
    page.fill("#id_period", "2025-09")
    page.click("text=生成通报")
    page.wait_for_selector("text=预览", timeout=60_000)  # the row polls until the job is done
    page.screenshot(path=str(SHOTS / "bulletins.png"), full_page=True)
    page.click("text=预览")
    page.wait_for_selector("#bulletin-targets")
    section = page.locator("#bulletin-targets")
    assert "二、目标指标完成情况" in section.inner_text()
    assert page.locator("#targets-table tbody tr").count() > 20
    assert "达标" in section.inner_text() and "石油化工" in section.inner_text()
    assert "尚未引进计划总投资1亿元以上项目的产业链" in page.locator("#chains-lacking").inner_text()
    assert "2025年第1期" in page.locator("#bulletin-number").inner_text()
    assert "--------" not in page.content() and "135000.00" not in page.content()
    page.screenshot(path=str(SHOTS / "bulletin-preview.png"), full_page=True)
    assert errors == []


def test_a_leader_on_a_phone_lands_on_the_dashboard(browser, live_server, transactional_db, demo):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, locale="zh-CN")
    phone = context.new_page()
    phone.base_url = live_server.url
    errors = _watch_errors(phone)
    login(phone, "leader", DEMO_PASSWORD)
    assert "/kpis/dashboard/" in phone.url
    phone.wait_for_selector("#board[data-ready='1']")
    phone.wait_for_timeout(600)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 400  # nothing wider than the phone
    phone.screenshot(path=str(SHOTS / "leader-phone-landing.png"), full_page=False)
    phone.click(".navbar-toggler")  # the menu opens and reaches the wall screen
    phone.wait_for_selector("text=目标指标")
    phone.click("text=目标指标")
    assert phone.locator("a.dropdown-item", has_text="大屏").is_visible()
    phone.wait_for_timeout(400)  # the menu's opening animation
    phone.screenshot(path=str(SHOTS / "leader-phone-menu.png"), full_page=False)
    assert errors == []
    context.close()
