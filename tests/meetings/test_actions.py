"""Action items: in the owner's work list, lit like supervision items, reported by the owner, urged by the office."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from zhaoshang.core.models import AuditLog
from zhaoshang.core.services import PermissionDenied
from zhaoshang.meetings.errors import MeetingError
from zhaoshang.meetings.models import ActionItem
from zhaoshang.meetings.selectors.meetings import action_items_for, action_rows, unit_action_items
from zhaoshang.meetings.services.actions import action_item_create, action_item_update, action_item_urge, action_items_remind
from zhaoshang.supervision.models import Notification


def test_action_items_show_in_the_owner_units_work_list(unit_client, office, action_item):
    page = unit_client.get("/supervision/my/").content.decode()
    assert "协调解决LNG项目用地问题" in page  # one of the to-do items, with its button
    assert Notification.objects.filter(user__unit=action_item.owner_unit, text__contains="交办").exists()


def test_other_units_do_not_see_it_in_their_list(other_unit_user, unit_user, action_item):
    assert unit_action_items(user=other_unit_user) == []
    assert [r.item for r in unit_action_items(user=unit_user)] == [action_item]
    assert list(action_items_for(user=other_unit_user)) == []


def test_an_overdue_item_turns_red_and_done_turns_green(unit_user, action_item):
    late = action_item.due_date + datetime.timedelta(days=2)
    assert action_rows([action_item], late)[0].light.light == "red"
    ActionItem.objects.filter(pk=action_item.pk).update(due_date=timezone.localdate() - datetime.timedelta(days=1))
    assert unit_action_items(user=unit_user)[0].light.reason == "逾期1天"
    item = action_item_update(actor=unit_user, item=action_item, progress="已形成书面意见", done=True)
    assert (item.status, item.done_on) == ("done", timezone.localdate())
    assert action_rows([item])[0].light.light == "green"
    assert unit_action_items(user=unit_user) == []  # done: off the work list


def test_only_the_owner_unit_or_the_office_reports(other_unit_user, leader, unit_user, office, action_item):
    for actor in (other_unit_user, leader):
        with pytest.raises(PermissionDenied):
            action_item_update(actor=actor, item=action_item, progress="x")
    with pytest.raises(MeetingError, match="落实情况"):
        action_item_update(actor=unit_user, item=action_item, done=True)
    assert action_item_update(actor=office, item=action_item, progress="已督促", done=False).progress == "已督促"


def test_office_urges_the_owner_unit(office, unit_user, action_item):
    item = action_item_urge(actor=office, item=action_item, message="请本周内反馈")
    assert item.urge_count == 1
    assert Notification.objects.filter(user=unit_user, kind="urged", text__contains="请本周内反馈").exists()
    assert AuditLog.objects.filter(object_type="meetings.actionitem", action="urge").exists()
    with pytest.raises(PermissionDenied):
        action_item_urge(actor=unit_user, item=action_item)


def test_reminders_before_the_due_date_and_once_overdue(unit_user, action_item):
    due = action_item.due_date
    assert action_items_remind(today=due - datetime.timedelta(days=5)) == 0
    assert action_items_remind(today=due - datetime.timedelta(days=2)) == 1
    assert action_items_remind(today=due - datetime.timedelta(days=1)) == 0  # told once
    assert action_items_remind(today=due + datetime.timedelta(days=1)) == 1
    assert action_items_remind(today=due + datetime.timedelta(days=3)) == 0
    assert Notification.objects.filter(user=unit_user, dedupe_key=f"action-overdue:{action_item.pk}").count() == 1


def test_due_date_before_the_meeting_is_refused(office, meeting, fgw):
    with pytest.raises(MeetingError, match="完成时限"):
        action_item_create(actor=office, meeting=meeting, text="x", owner_unit=fgw,
                           due_date=meeting.date - datetime.timedelta(days=1))


def test_remind_actions_command(action_item):
    out = StringIO()
    call_command("remind_actions", "--date", (action_item.due_date + datetime.timedelta(days=1)).isoformat(), stdout=out)
    assert out.getvalue().strip() == "已发送提醒 1 条。"
