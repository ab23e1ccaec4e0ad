"""The pipeline's loop in a browser: the office corrects a project's signing date with a reason and sees the new date
and the entry in the project's 修改记录; the stage dialog asks for the date (empty, labelled); a unit edits its own
project's investment; the kanban fits 1440 px; the 产业链环节 list narrows to the chosen chain."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from tests.browser.conftest import login
from tests.conftest import DEMO_PASSWORD
from zhaoshang.accounts.models import Unit, User
from zhaoshang.plans.models import ChainLink
from zhaoshang.projects.lookups import chain_named
from zhaoshang.projects.models import Project
from zhaoshang.projects.services.lifecycle import project_stage_change
from zhaoshang.projects.services.projects import ProjectInput, project_create

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")]
SHOTS = Path("/tmp/shots/stage-correction")
D = datetime.date


@pytest.fixture
def signed(demo):
    office = User.objects.get(username="office")
    project = project_create(actor=office, data=ProjectInput(
        name="盐穴压缩空气储能示范项目", enterprise_name="某储能科技有限公司", amount_wan="50000",
        lead_unit=Unit.objects.get(short_name="市发改委"), chain=chain_named("盐化工"), stage="negotiating",
        stage_since=D(2025, 3, 1)))
    project_stage_change(actor=office, project=project, stage="signed", happened_on=D(2025, 4, 10), note="签约仪式")
    return project


def test_office_corrects_the_signing_date_and_a_unit_edits_its_investment(page, signed):
    SHOTS.mkdir(parents=True, exist_ok=True)
    login(page, "office", DEMO_PASSWORD)
    page.goto(f"{page.base_url}/projects/{signed.pk}/")
    date_input = page.locator("#move-form #id_happened_on")
    assert date_input.input_value() == ""  # never silently today
    assert "发生日期" in page.locator("#move-form label[for=id_happened_on]").inner_text()
    page.screenshot(path=str(SHOTS / "1-project-office.png"), full_page=True)

    page.click("a[aria-label='更正2025-04-10的记录']")
    page.fill("#id_happened_on", "2025-04-01")
    page.fill("#id_reason", "按合同落款日期更正")
    page.screenshot(path=str(SHOTS / "2-correct-form.png"), full_page=True)
    page.click("text=保存更正")
    page.wait_for_selector("text=已更正阶段变更记录")
    timeline = page.locator("#timeline").inner_text()
    assert "2025-04-01" in timeline and "2025-04-10" not in timeline
    trail = page.locator("#trail").inner_text()
    assert "发生日期：2025-04-10 → 2025-04-01" in trail and "原因：按合同落款日期更正" in trail
    page.screenshot(path=str(SHOTS / "3-corrected.png"), full_page=True)
    signed.refresh_from_db()
    assert signed.signed_on == D(2025, 4, 1)

    page.context.clear_cookies()
    login(page, User.objects.get(unit__short_name="市发改委").username, DEMO_PASSWORD)
    page.goto(f"{page.base_url}/projects/{signed.pk}/")
    assert page.locator("a[aria-label^='更正']").count() == 0  # corrections are the office's
    page.click("#edit-project")
    page.fill("#id_amount_wan", "56000")
    page.screenshot(path=str(SHOTS / "4-unit-edit.png"), full_page=True)
    page.click("text=保存修改")
    page.wait_for_selector("text=已保存项目")
    assert "5.6亿元" in page.content() or "56000" in page.content()
    page.screenshot(path=str(SHOTS / "5-unit-saved.png"), full_page=True)
    assert Project.objects.get(pk=signed.pk).amount_wan == Decimal("56000")


def test_kanban_fits_1440_and_links_narrow_to_the_chain(page, signed):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1440, "height": 900})
    login(page, "office", DEMO_PASSWORD)
    page.goto(f"{page.base_url}/projects/kanban/")
    board = page.locator(".kanban")
    assert board.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    assert page.locator(".kanban-column").count() == 7
    page.screenshot(path=str(SHOTS / "6-kanban-1440.png"))

    page.locator(f".kanban-card >> text={signed.name}").locator("xpath=..").locator("text=变更").click()
    page.wait_for_selector("#move-modal #id_happened_on")
    assert page.locator("#move-modal #id_happened_on").input_value() == ""
    page.click("#move-modal [data-today-for=id_happened_on]")
    assert page.locator("#move-modal #id_happened_on").input_value() != ""
    page.screenshot(path=str(SHOTS / "7-kanban-dialog.png"))

    salt = chain_named("盐化工")
    links = set(ChainLink.objects.filter(chain=salt).values_list("pk", flat=True))
    page.goto(f"{page.base_url}/projects/new/")
    page.select_option("#id_chain", str(salt.pk))
    shown = page.locator("#id_chain_link option[data-chain]:not([hidden])").evaluate_all("os => os.map(o => +o.value)")
    assert shown and set(shown) == links
    page.screenshot(path=str(SHOTS / "8-links-narrowed.png"), full_page=True)

    page.goto(f"{page.base_url}/projects/?chain={salt.pk}")
    shown = page.locator("#filter-chain-link option[data-chain]:not([hidden])").evaluate_all("os => os.map(o => +o.value)")
    assert set(shown) == links
