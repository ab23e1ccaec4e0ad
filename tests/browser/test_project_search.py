"""The office searches the project list in a browser: the box's answer comes from the search index (HTMX swap), and a
search matching more projects than the list shows says so above the totals."""

from pathlib import Path

import pytest

from zhaoshang.accounts.models import Unit, User
from zhaoshang.projects.services.projects import ProjectInput, project_create
from tests.browser.conftest import login
from tests.conftest import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")]
SHOTS = Path("/tmp/shots/search15")


def test_office_searches_projects_by_two_characters_and_is_told_when_the_list_is_cut(page, monkeypatch):
    office, unit = User.objects.get(username="office"), Unit.objects.get(short_name="市发改委")
    for number, enterprise in enumerate(["璇玑光电有限公司", "天枢材料有限公司", "开阳精工有限公司"]):
        project_create(actor=office, data=ProjectInput(name=f"光电产业园{number + 1}期项目", enterprise_name=enterprise,
                                                       amount_wan=1000, lead_unit=unit))
    monkeypatch.setattr("zhaoshang.projects.search.SEARCH_LIMIT", 2)
    monkeypatch.setattr("zhaoshang.search.selectors.SEARCH_LIMIT", 2)
    login(page, "office", DEMO_PASSWORD)
    page.goto(f"{page.base_url}/projects/")
    page.fill("input[name=q]", "光电")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("#search-truncated")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "list-q-truncated.png"), full_page=True)
    assert "匹配“光电”的项目超过2个，只列出最近录入的2个" in page.inner_text("#search-truncated")
    assert page.locator("tr.project-row").count() == 2
    page.fill("input[name=q]", "天枢")  # an investor's name
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("#search-truncated", state="detached")
    page.screenshot(path=str(SHOTS / "list-q-investor.png"), full_page=True)
    assert page.locator("tr.project-row").count() == 1
    assert "光电产业园2期项目" in page.inner_text("tr.project-row")
