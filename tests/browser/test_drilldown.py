"""Drill-downs in the browser: the office clicks a ranking unit and a light card, then reads the 操作日志 by person."""

import os
from pathlib import Path

import pytest

from zhaoshang.accounts.models import Unit, User
from zhaoshang.plans.models import Task
from zhaoshang.plans.services.tasks import task_short_title_set

from tests.browser.conftest import login
from tests.conftest import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")]
SHOTS = Path(os.environ.get("ZHAOSHANG_SHOTS", Path(__file__).resolve().parents[2] / "var" / "screenshots")) / "drilldown"


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_office_drills_from_the_ranking_to_a_unit_and_from_a_light_card_to_its_rows(page):
    unit = Unit.objects.get(short_name="市经信局")
    login(page, "office", DEMO_PASSWORD)
    page.goto(f"{page.base_url}/supervision/ranking/")
    page.click(f"table >> text={unit.display_name}")
    page.wait_for_url(f"**/supervision/?unit={unit.pk}*")
    assert page.locator("select[name=unit]").input_value() == str(unit.pk)
    rows = page.locator("#overview-rows tbody tr")
    assert 0 < rows.count() < 18
    _shot(page, "overview-unit")

    card = next(c for c in page.locator("a.count-card").all() if int(c.locator(".fs-4").inner_text()) > 0)
    count = int(card.locator(".fs-4").inner_text())
    label = card.locator(".light").inner_text()
    card.click()
    page.wait_for_url("**/supervision/assignments/?*")
    assert int(page.locator("#total").inner_text()) == count
    lights = page.locator("#assignment-rows tbody tr .light")
    assert lights.count() == min(count, 50)
    assert all(unit.display_name in row.inner_text() for row in page.locator("#assignment-rows tbody tr").all())
    assert page.locator("nav[aria-label=面包屑]").is_visible()
    _shot(page, f"assignments-{label}")
    page.click("text=返回督办总览")
    page.wait_for_url(f"**/supervision/?unit={unit.pk}*")


def test_office_reads_the_audit_log_filtered_by_person(page):
    office = User.objects.get(username="office")
    task = Task.objects.get(number="2")
    task_short_title_set(actor=office, task=task, short_title="新兴产业")
    login(page, "office", DEMO_PASSWORD)
    page.goto(f"{page.base_url}/audit/")
    page.select_option("select[name=actor]", str(office.pk))
    page.click("#audit-filter button")
    page.wait_for_url(f"**/audit/?actor={office.pk}*")
    body = page.locator("#audit-rows tbody")
    assert office.display_name in body.locator("tr").first.inner_text()
    first = body.locator("tr").first.inner_text()
    assert "修改" in first and "任务简称" in first and "新兴产业" in first
    assert "plans.task#" not in page.content()
    _shot(page, "audit-by-person")
    with page.expect_download() as download:
        page.click("#audit-export")
    assert download.value.suggested_filename.endswith(".xlsx")
