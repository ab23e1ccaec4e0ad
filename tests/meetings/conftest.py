"""Meetings fixtures: the needs fixtures, a held meeting with a decision and an action item for 市发改委."""

import datetime

import pytest
from django.utils import timezone

from zhaoshang.meetings.services.actions import action_item_create
from zhaoshang.meetings.services.meetings import MeetingInput, decision_add, meeting_create, meeting_update
from tests.needs.conftest import fgw, fgw_project, raise_need, swj, swj_project  # noqa: F401


@pytest.fixture
def meeting(office):
    day = timezone.localdate() - datetime.timedelta(days=10)
    meeting = meeting_create(actor=office, data=MeetingInput("review", day, place="三楼会议室", chair="张明"))
    return meeting_update(actor=office, meeting=meeting, status="held", minutes="会议听取了各专班汇报。\n研判了停滞项目。")


@pytest.fixture
def action_item(office, meeting, fgw, fgw_project):
    decision = decision_add(actor=office, meeting=meeting, text="LNG项目由市发改委牵头加快前期工作")
    return action_item_create(actor=office, meeting=meeting, decision=decision, project=fgw_project, owner_unit=fgw,
                              due_date=meeting.date + datetime.timedelta(days=7), text="协调解决LNG项目用地问题")
