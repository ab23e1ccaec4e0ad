"""The flows only a browser shows: log in, read the plan, open a unit's page, edit in place with HTMX."""

from pathlib import Path

import pytest

from tests.browser.conftest import login
from tests.conftest import DEMO_PASSWORD

# Django's live server closes the shared in-memory SQLite connection from its request threads on shutdown;
# the warning it raises there is about the test server, not the application.
pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")]
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def test_office_logs_in_and_reads_the_plan(page):
    login(page, "office", DEMO_PASSWORD)
    assert page.url.endswith("/supervision/")  # the office lands on its overview
    page.click("nav >> text=任务清单")
    page.click("text=创新务实推进新发展阶段招商引资工作任务清单")
    page.wait_for_selector("#plan-title")
    assert page.locator("#plan-title").inner_text() == "创新务实推进新发展阶段招商引资工作任务清单"
    assert page.locator(".task-number").count() == 18
    assert page.locator(".unit-chip.lead").first.is_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "plan.png"))


def test_unit_user_opens_its_page_and_edits_its_contact_in_place(page):
    login(page, "fgw", DEMO_PASSWORD)
    page.click("text=本单位任务")
    page.wait_for_selector("text=本单位承担")
    page.locator(".edit-assignment").first.click()
    page.fill("input[name=contact_person]", "钱七")
    page.fill("input[name=contact_phone]", "0728-1111111")
    page.click("text=保存")
    page.wait_for_selector("text=钱七")
    assert page.locator("input[name=contact_person]").count() == 0
    page.screenshot(path=str(SHOTS / "unit.png"))


def test_unit_user_sees_no_edit_controls_on_another_unit(page):
    login(page, "fgw", DEMO_PASSWORD)
    page.goto(f"{page.base_url}/units/")
    page.click("text=市商务局")
    page.wait_for_selector("text=本单位承担")
    assert page.locator(".edit-assignment").count() == 0


def test_plan_is_usable_on_a_phone(browser, live_server, transactional_db, demo):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone = context.new_page()
    phone.base_url = live_server.url
    login(phone, "leader", DEMO_PASSWORD)
    assert "/kpis/dashboard/" in phone.url  # a leader lands on the 驾驶舱
    phone.goto(f"{phone.base_url}/plans/{demo.pk}/")
    assert phone.locator(".task-number").count() == 18
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 400
    context.close()


def test_unit_reports_and_the_office_returns_it(page, browser, live_server):
    login(page, "nyncj", DEMO_PASSWORD)
    page.click("text=我的工作")
    page.locator("a:has-text('任务5·举措1')").click()
    page.fill("textarea[name=done_text]", "完成农业招商场景清单初稿，对接企业3家")
    page.fill("input[name=percent]", "40")
    page.click("button[name=submit]")
    page.wait_for_selector("text=已报送")
    office = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
    login_at(office, page.base_url, "office")
    office.goto(page.url)
    office.fill("input[name=reason]", "请补充对接企业名称")
    office.click("button[value=return]")
    office.wait_for_selector("text=已退回")
    office.screenshot(path=str(SHOTS / "report-returned.png"))
    page.goto(f"{page.base_url}/supervision/my/")
    assert page.locator("text=请补充对接企业名称").count() == 1


def login_at(page, base_url, username):
    page.base_url = base_url
    login(page, username, DEMO_PASSWORD)
