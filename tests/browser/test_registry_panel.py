"""The dashboard's 登记数据 panel on a leader's phone (390px): visible, opens a group without horizontal scroll, a
figure opens its registry list; the chain board shows each chain's registry rows. Screenshots in var/screenshots."""

import datetime

import pytest

from tests.browser.conftest import login
from tests.browser.test_dashboard import SHOTS, _watch_errors
from tests.conftest import DEMO_PASSWORD
from tests.registries.samples import sample_values
from zhaoshang.accounts.models import User
from zhaoshang.projects.lookups import chain_named
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.services import entry_create

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")]
D = datetime.date


@pytest.fixture
def registry_rows(demo):
    """Talent and funds on two chains, dated 2025."""
    office = User.objects.get(username="office")
    for key, chain, since in (("talent", "石油化工", D(2025, 3, 1)), ("talent", "石油化工", D(2024, 6, 1)),
                              ("talent", "盐化工", D(2025, 5, 1)), ("fund", "盐化工", D(2025, 6, 1))):
        registry = registry_named(key)
        entry_create(registry=registry, actor=office, data={**sample_values(registry, office), "chain": chain_named(chain),
                                                            "since": since})


def test_leader_sees_the_registry_panel_on_a_phone_without_horizontal_scroll(browser, live_server, transactional_db, demo,
                                                                               registry_rows):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, locale="zh-CN")
    phone = context.new_page()
    phone.base_url = live_server.url
    errors = _watch_errors(phone)
    login(phone, "leader", DEMO_PASSWORD)
    phone.goto(f"{live_server.url}/kpis/dashboard/?as_of=2025-10-15&year=2025")
    panel = phone.locator("#registry-panel")
    panel.scroll_into_view_if_needed()
    assert panel.is_visible()
    talent = panel.locator("details.registry-group", has_text="人才")
    assert talent.locator("summary a").nth(0).inner_text() == "3" and talent.locator("summary a").nth(1).inner_text() == "2"
    talent.locator("summary .registry-name").click()
    assert talent.locator(".registry-item", has_text="人才四库").is_visible()
    box = panel.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    SHOTS.mkdir(parents=True, exist_ok=True)
    panel.screenshot(path=str(SHOTS / "kpi-registry-panel-phone.png"))
    phone.screenshot(path=str(SHOTS / "kpi-dashboard-registries-phone.png"), full_page=True)
    talent.locator(".registry-item", has_text="人才四库").locator("a").first.click()
    phone.wait_for_selector("#total-count")
    assert phone.locator("#total-count").inner_text() == "3"
    assert errors == []
    context.close()


def test_chain_board_shows_each_chains_registry_rows(page, registry_rows):
    errors = _watch_errors(page)
    login(page, "leader", DEMO_PASSWORD)
    page.goto(f"{page.base_url}/kpis/chains/?as_of=2025-10-15&year=2025")
    salt = page.locator(".chain-card", has_text="盐化工").first
    assert salt.locator(".chain-registries a").count() == 2
    SHOTS.mkdir(parents=True, exist_ok=True)
    salt.screenshot(path=str(SHOTS / "kpi-chain-registries.png"))
    salt.locator(".chain-registries a", has_text="基金").click()
    page.wait_for_selector("#total-count")
    assert page.locator("#total-count").inner_text() == "1"
    assert errors == []
