"""Stored script cannot run: hostile chain, focus and unit names are drawn as text by the dashboard's and the wall
screen's charts and tooltips, and the main pages (and the admin) run under the Content-Security-Policy with
no violation."""

import pytest

from tests.browser.conftest import login
from tests.browser.test_dashboard import projects  # noqa: F401  (the fixture: projects on several chains)
from tests.conftest import DEMO_PASSWORD
from zhaoshang.accounts.models import Unit
from zhaoshang.plans.models import Focus

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")]

IMG = '<img src=x onerror="window.__xss=1">'
SCRIPT = "<script>window.__xss=2</script>"
UNIT = '<img src=x onerror="window.__xss=3">'
CHARTS = ("focus", "funnel", "chains", "months", "units")

# Runs before any page script (outside the page's policy): records every violation the browser reports.
WATCH_CSP = """document.addEventListener('securitypolicyviolation',
  (e) => (window.__csp = window.__csp || []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"""


@pytest.fixture
def hostile(projects):  # noqa: F811
    """The first project's chain, the first focus and the 市发改委 unit renamed to markup."""
    chain = projects[0].chain
    chain.name = IMG
    chain.save(update_fields=["name"])
    focus = Focus.objects.order_by("order", "id").first()
    focus.name = SCRIPT
    focus.save(update_fields=["name"])
    Unit.objects.filter(short_name="市发改委").update(short_name=UNIT)
    return projects


def _watch(page) -> list[str]:
    errors = []
    page.add_init_script(WATCH_CSP)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors


def _show_every_tooltip(page) -> str:
    """Hover each chart, then open the tooltip of every data point through ECharts; the tooltips' text."""
    page.wait_for_selector("#board[data-ready='1']")
    page.wait_for_timeout(600)
    shown = []
    for name in CHARTS:
        box = page.locator(f"[data-chart={name}]").bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_timeout(100)
        shown.append(page.evaluate("""async (name) => {
            const element = document.querySelector(`[data-chart=${name}]`);
            const chart = echarts.getInstanceByDom(element);
            const count = chart.getOption().series[0].data.length;
            const texts = [];
            for (let index = 0; index < count; index++) {
                chart.dispatchAction({ type: "showTip", seriesIndex: 0, dataIndex: index });
                await new Promise((resolve) => setTimeout(resolve, 30));
                texts.push(element.innerText);
            }
            return texts.join("\\n");
        }""", name))
    return "\n".join(shown)


def _assert_no_script_ran(page, text: str) -> None:
    for name in (IMG, SCRIPT, UNIT):
        assert name in text, name  # shown as text, not parsed as markup
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src=x], #board script").count() == 0


@pytest.mark.parametrize("url", ["/kpis/dashboard/?as_of=2025-10-15", "/kpis/screen/?as_of=2025-10-15"])
def test_hostile_names_are_text_in_charts_and_tooltips(page, hostile, url):
    errors = _watch(page)
    login(page, "leader", DEMO_PASSWORD)
    page.goto(f"{page.base_url}{url}")
    _assert_no_script_ran(page, _show_every_tooltip(page))
    assert page.evaluate("window.__csp || []") == [] and errors == []


def test_main_pages_run_under_the_policy_without_violations(page, hostile):
    errors = _watch(page)
    login(page, "office", DEMO_PASSWORD)
    plan = hostile[0].chain.plan_id
    for url in ("/kpis/dashboard/", "/kpis/screen/", "/projects/kanban/", f"/plans/{plan}/", "/plans/import/",
                "/projects/", "/needs/", "/supervision/"):
        response = page.goto(f"{page.base_url}{url}")
        assert "script-src 'self'" in response.headers["content-security-policy"], url
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__csp || []") == [], url
    # htmx still works: the kanban's 变更 link loads the move form into the modal
    page.goto(f"{page.base_url}/projects/kanban/")
    page.locator(".kanban-card a[hx-get]").first.click()
    page.wait_for_selector("#move-form")
    # the plan's delete button asks first (data-confirm, no inline handler); dismissing keeps the plan
    page.goto(f"{page.base_url}/plans/{plan}/")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.locator("form[data-confirm] button").click()
    page.wait_for_timeout(300)
    assert asked == ["确定将该任务清单移入回收站？"] and page.url.endswith(f"/plans/{plan}/")
    assert page.evaluate("window.__csp || []") == [] and page.evaluate("window.__xss") is None
    assert errors == []


def test_admin_runs_under_the_policy(page, hostile):
    errors = _watch(page)
    login(page, "admin", DEMO_PASSWORD)
    unit = Unit.objects.order_by("pk").first().pk
    for url in ("/admin/", "/admin/accounts/user/", "/admin/accounts/user/add/", f"/admin/accounts/unit/{unit}/change/",
                "/api/v1/docs"):
        page.goto(f"{page.base_url}{url}")
        page.wait_for_load_state("networkidle")
        assert page.url.endswith(url) and page.evaluate("window.__csp || []") == [], url
    assert page.locator("#swagger-ui .opblock").count() > 0  # the API docs render from our static files
    assert page.evaluate("window.__xss") is None and errors == []
