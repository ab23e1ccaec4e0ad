"""Needs and meetings as the office uses them in a browser: register a need by typing part of a project's name and
picking it, transfer it with a reason and read the trail; edit a meeting's minutes and save without retyping the date."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone

from zhaoshang.accounts.models import Unit, User
from zhaoshang.meetings.services.meetings import MeetingInput, meeting_create
from zhaoshang.needs.models import Need
from zhaoshang.projects.services.projects import ProjectInput, project_create
from tests.browser.conftest import login
from tests.conftest import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")]
SHOTS = Path("/tmp/shots/E")


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _meeting():
    office = User.objects.get(username="office")
    day = timezone.localdate() - datetime.timedelta(days=3)
    return meeting_create(actor=office, data=MeetingInput("review", day, place="三楼会议室", chair="张明"))


def test_office_registers_a_need_by_project_name_and_transfers_it_with_a_reason(page):
    project = project_create(actor=User.objects.get(username="office"), data=ProjectInput(
        name="高端装备产业园二期项目", enterprise_name="远航精工装备有限公司", amount_wan="80000",
        lead_unit=Unit.objects.get(short_name="市发改委"), stage="negotiating", stage_since=timezone.localdate()))
    part = "装备产业"
    login(page, "office", DEMO_PASSWORD)
    page.goto(f"{page.base_url}/needs/new/")
    page.fill("#id_title", "厂房二期需110千伏专线")
    page.select_option("#id_need_type", "power")
    page.locator("#project-q").press_sequentially(part, delay=50)
    pick = page.locator(f"#project-pick-{project.pk}")
    pick.wait_for()
    _shot(page, "need-search")
    pick.check()
    page.select_option("#id_unit", str(project.lead_unit_id))
    page.fill("#id_contact_phone", "139 0000 1234")
    page.click("form button.btn-primary:has-text('保存')")
    page.wait_for_selector("text=已登记")
    need = Need.objects.get(title="厂房二期需110千伏专线")
    assert (need.project_id, need.contact_phone) == (project.pk, "13900001234")

    other = page.locator("#id_unit option").nth(2).get_attribute("value")
    page.select_option("#id_unit", other)
    page.click("#route-form button:has-text('转办')")  # no reason: refused, the unit stays chosen
    page.wait_for_selector("text=请填写转办理由")
    assert page.locator("#id_unit").input_value() == other
    page.fill("#id_reason", "属该单位职责范围")
    page.click("#route-form button:has-text('转办')")
    page.wait_for_selector("text=已转办至")
    trail = page.locator("#need-trail").inner_text()
    assert "登记" in trail and "转办理由：属该单位职责范围" in trail
    _shot(page, "need-trail")
    need.refresh_from_db()
    assert str(need.unit_id) == other


def test_office_edits_the_minutes_and_saves_without_retyping_the_date(page):
    meeting = _meeting()
    login(page, "office", DEMO_PASSWORD)
    page.goto(f"{page.base_url}/meetings/{meeting.pk}/edit/")
    assert page.locator("#id_date").input_value() == meeting.date.isoformat()  # the browser took the server's value
    page.fill("#id_minutes", "会议研判了停滞项目，明确了责任单位。")
    page.click("form button:has-text('保存')")
    page.wait_for_selector("text=已保存")
    _shot(page, "meeting-saved")
    meeting.refresh_from_db()
    assert meeting.minutes == "会议研判了停滞项目，明确了责任单位。"


def test_office_adds_agenda_rows_with_the_button(page):
    meeting = _meeting()
    before = meeting.agenda.count()
    login(page, "office", DEMO_PASSWORD)
    page.goto(f"{page.base_url}/meetings/{meeting.pk}/")
    rows = page.locator("#agenda-rows input[name=topic]")
    assert rows.count() == 3
    page.click("text=再加一行")
    assert rows.count() == 4
    rows.nth(3).fill("第四个议题")
    rows.nth(0).fill("第一个议题")
    page.click("#agenda-form button:has-text('添加议题')")
    page.wait_for_selector("text=已添加2个议题")
    _shot(page, "meeting-agenda")
    assert meeting.agenda.count() == before + 2
