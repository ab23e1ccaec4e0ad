"""The dashboard's charts as a browser draws them: ECharts from our static copy renders every chart, a click on a
funnel layer opens its rows, the wall screen at 1920×1080, a phone, and the chain board; screenshots in var/screenshots."""

import datetime
from pathlib import Path

import pytest

from tests.browser.conftest import login
from tests.conftest import DEMO_PASSWORD
from zhaoshang.accounts.models import Unit, User
from zhaoshang.projects.lookups import chain_named
from zhaoshang.projects.services.lifecycle import project_stage_change
from zhaoshang.projects.services.projects import ProjectInput, project_create

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")]
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
CHARTS = ("focus", "funnel", "chains", "months", "units")
D = datetime.date


@pytest.fixture
def projects(demo):
    """A few projects of 2025 across chains, so every chart has bars to draw."""
    office = User.objects.get(username="office")
    rows = [("年产20万吨精细化工项目", "石油化工", 30000, D(2025, 3, 12)), ("盐穴储气库项目", "盐化工", 52000, D(2025, 5, 6)),
            ("高端铝型材项目", "铝基新材料", 18000, D(2025, 6, 20)), ("小龙虾预制菜项目", "小龙虾深加工", 9000, D(2025, 7, 2)),
            ("固态电池电芯项目", "固态电池", 80000, D(2025, 9, 18)), ("物流配送中心项目", None, 6000, D(2025, 10, 9))]
    made = []
    for index, (name, chain, amount, signed) in enumerate(rows):
        made.append(project_create(actor=office, data=ProjectInput(
            name=name, enterprise_name=f"浏览器测试企业{index}有限公司", amount_wan=amount, chain=chain_named(chain) if chain else None,
            lead_unit=Unit.objects.get(short_name="市发改委"), stage="signed", stage_since=signed)))
    project_stage_change(actor=office, project=made[0], stage="started", happened_on=D(2025, 8, 1), note="开工")
    return made


def _watch_errors(page) -> list[str]:
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(f"{message.text} {message.location.get('url', '')}")
            if message.type == "error" and "favicon" not in message.location.get("url", "") else None)
    return errors


def _charts_drawn(page) -> None:
    page.wait_for_selector("#board[data-ready='1']")
    page.wait_for_timeout(600)  # ECharts' entry animation
    sizes = page.eval_on_selector_all("[data-chart]", """elements => elements.map(element => {
        const canvas = element.querySelector('canvas');
        return [element.dataset.chart, canvas ? canvas.width : 0, canvas ? canvas.height : 0];
    })""")
    assert sorted(name for name, _w, _h in sizes) == sorted(CHARTS)
    assert all(width > 0 and height > 0 for _name, width, height in sizes), sizes


def test_dashboard_draws_every_chart_and_a_click_opens_the_rows(page, projects):
    errors = _watch_errors(page)
    login(page, "leader", DEMO_PASSWORD)
    page.goto(f"{page.base_url}/kpis/dashboard/?as_of=2025-10-15")
    _charts_drawn(page)
    assert page.locator("#headline a[data-figure]").nth(3).inner_text() == "6"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "kpi-dashboard.png"), full_page=True)
    funnel = page.locator("[data-chart=funnel]").bounding_box()
    page.mouse.click(funnel["x"] + funnel["width"] / 2, funnel["y"] + 30)  # the top layer: 签约
    page.wait_for_selector("#drill-title")
    assert "签约的项目" in page.locator("#drill-title").inner_text()
    assert page.locator("#drill-count").inner_text() == "6" and page.locator(".drill-row").count() == 6
    assert errors == []


def test_wall_screen_at_1920_by_1080(browser, live_server, transactional_db, demo, projects):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    screen = context.new_page()
    screen.base_url = live_server.url
    errors = _watch_errors(screen)
    login(screen, "leader", DEMO_PASSWORD)
    screen.goto(f"{live_server.url}/kpis/screen/?as_of=2025-10-15")
    _charts_drawn(screen)
    assert screen.locator("nav").count() == 0
    assert screen.evaluate("document.documentElement.scrollWidth") <= 1920
    screen.screenshot(path=str(SHOTS / "kpi-screen.png"))
    assert errors == []
    context.close()


def test_dashboard_on_a_phone(browser, live_server, transactional_db, demo, projects):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, locale="zh-CN")
    phone = context.new_page()
    phone.base_url = live_server.url
    errors = _watch_errors(phone)
    login(phone, "leader", DEMO_PASSWORD)
    phone.goto(f"{live_server.url}/kpis/dashboard/?as_of=2025-10-15")
    _charts_drawn(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 400
    width = phone.eval_on_selector("[data-chart=months] canvas", "canvas => canvas.getBoundingClientRect().width")
    assert 300 <= width <= 390  # the chart fits the screen
    phone.screenshot(path=str(SHOTS / "kpi-dashboard-phone.png"), full_page=True)
    assert errors == []
    context.close()


def test_chain_board(page, projects):
    errors = _watch_errors(page)
    login(page, "office", DEMO_PASSWORD)
    page.goto(f"{page.base_url}/kpis/chains/?as_of=2025-10-15")
    assert page.locator(".chain-card").count() == 17
    assert page.locator(".chain-link-weak").count() > 0
    refinery = page.locator(".chain-card", has_text="石油化工")
    assert refinery.locator(".chain-card-footer a").first.inner_text() == "1个"
    page.screenshot(path=str(SHOTS / "kpi-chains.png"), full_page=True)
    refinery.locator(".chain-card-footer a").first.click()
    page.wait_for_selector("#drill-title")
    assert page.locator("#drill-count").inner_text() == "1"
    assert errors == []
