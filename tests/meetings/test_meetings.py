"""Meetings: a series and its dates, the agenda from flagged projects and open needs, minutes as Word."""

import datetime
import io

import pytest
import time_machine
from docx import Document
from django.utils import timezone

from zhaoshang.core.services import PermissionDenied
from zhaoshang.meetings.errors import MeetingError
from zhaoshang.meetings.models import Meeting
from zhaoshang.meetings.services.meetings import (MeetingInput, agenda_item_add, attendees_set, meeting_agenda_build,
                                                  meeting_create, meeting_update, series_create, series_schedule)
from zhaoshang.needs.services.tickets import need_settle
from zhaoshang.projects.services.lifecycle import project_stage_change

D = datetime.date
NOW = datetime.datetime(2025, 10, 20, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


def test_a_series_creates_its_meetings_once_numbered_in_the_year(office):
    series = series_create(actor=office, kind="dispatch", weekday=5, start_date=D(2025, 9, 1), place="项目现场")
    assert series.interval_weeks == 2  # 双周现场调度
    created = series_schedule(actor=office, series=series, until=D(2025, 11, 1))
    assert [m.date for m in created] == [D(2025, 9, 5), D(2025, 9, 19), D(2025, 10, 9), D(2025, 10, 17), D(2025, 10, 31)]
    assert [m.number for m in created] == [1, 2, 3, 4, 5]
    assert created[0].title == "2025年第1期双周现场调度会" and created[0].place == "项目现场"
    meeting_update(actor=office, meeting=created[1], status="cancelled")
    again = series_schedule(actor=office, series=series, until=D(2025, 11, 20))
    assert [m.date for m in again] == [D(2025, 11, 14)]
    assert Meeting.objects.get(date=D(2025, 9, 19)).status == "cancelled"
    assert series_create(actor=office, kind="review", weekday=2, start_date=D(2025, 9, 1)).interval_weeks == 1


def test_only_the_office_runs_meetings(unit_user, leader):
    for actor in (unit_user, leader):
        with pytest.raises(PermissionDenied):
            meeting_create(actor=actor, data=MeetingInput("review", D(2025, 9, 3)))


def test_a_future_meeting_cannot_be_marked_held(office):
    meeting = meeting_create(actor=office, data=MeetingInput("review", timezone.localdate() + datetime.timedelta(days=3)))
    with pytest.raises(MeetingError, match="日期未到"):
        meeting_update(actor=office, meeting=meeting, status="held")


def test_agenda_lists_flagged_projects_and_open_needs(office, unit_user, fgw_project, swj_project, raise_need, fgw, swj):
    with time_machine.travel(NOW, tick=False):
        stalled = swj_project
        project_stage_change(actor=office, project=stalled, stage="stalled", happened_on=D(2025, 10, 1), note="资金未到位")
        open_need = raise_need(swj_project, swj, title="用电增容", raised_at=NOW - datetime.timedelta(days=3))
        settled = raise_need(fgw_project, fgw, title="已解决的用水问题", need_type="water", raised_at=NOW - datetime.timedelta(days=5))
        need_settle(actor=unit_user, need=settled, reply="已接入")
        meeting = meeting_create(actor=office, data=MeetingInput("review", D(2025, 10, 20)))
        agenda_item_add(actor=office, meeting=meeting, topic="四季度招商活动安排")
        items = meeting_agenda_build(actor=office, meeting=meeting)
        rebuilt = meeting_agenda_build(actor=office, meeting=meeting)
    topics = {(i.project_id, i.need_id): i for i in items}
    assert topics[(stalled.pk, None)].reason == "项目停滞"
    assert "超出本阶段时限" in topics[(fgw_project.pk, None)].reason  # negotiating since March, 3-month budget
    assert topics[(None, open_need.pk)].reason.startswith("企业诉求·用电，市商务局承办")
    assert (None, settled.pk) not in topics
    assert len(rebuilt) == len(items) == 3
    assert [a.topic for a in meeting.agenda.all()][0] == "四季度招商活动安排"  # the office's own topic stays first


def test_minutes_open_in_word_with_the_decisions_and_assignments(office_client, office, meeting, action_item, fgw):
    attendees_set(actor=office, meeting=meeting, units=[fgw], people="张明 市招商服务中心主任")
    response = office_client.get(f"/meetings/{meeting.pk}/minutes.docx")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "单周会商研判会议纪要" in text and f"第{meeting.number}期" in text
    assert "1. LNG项目由市发改委牵头加快前期工作" in text and "会议听取了各专班汇报。" in text
    assert "出席：市发改委、张明 市招商服务中心主任" in text
    cells = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert "协调解决LNG项目用地问题" in cells and "市发展和改革委员会" in cells
    title_run = document.paragraphs[0].runs[0]
    assert title_run._element.rPr.rFonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "方正小标宋简体"
