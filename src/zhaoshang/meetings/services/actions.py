"""Action items (会议交办事项): the office assigns them, the owner unit reports and closes them, the office urges;
reminders before the due date and once overdue."""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from zhaoshang.accounts.models import Unit
from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.permissions import can_work_on_unit
from zhaoshang.core.services import PermissionDenied, require
from zhaoshang.meetings.choices import ActionStatus
from zhaoshang.meetings.errors import MeetingError
from zhaoshang.meetings.lights import NEAR_DAYS
from zhaoshang.meetings.models import ActionItem, Decision, Meeting
from zhaoshang.projects.models import Project
from zhaoshang.supervision.choices import NotificationKind
from zhaoshang.supervision.services.notify import notify_office, notify_unit

WORK_URL = "/supervision/my/"


@transaction.atomic
def action_item_create(*, actor, meeting: Meeting, text: str, owner_unit: Unit | None, due_date: datetime.date | None,
                       decision: Decision | None = None, project: Project | None = None) -> ActionItem:
    """Give a unit work from a meeting; it appears in the unit's work list at once."""
    require(actor, "supervise")
    if not text.strip():
        raise MeetingError("请填写工作事项")
    if owner_unit is None:
        raise MeetingError("请选择责任单位")
    if due_date is None or due_date < meeting.date:
        raise MeetingError("完成时限不能早于会议日期")
    if decision is not None and decision.meeting_id != meeting.pk:
        raise MeetingError("议定事项不属于本次会议")
    item = ActionItem.objects.create(meeting=meeting, decision=decision, project=project, text=text.strip()[:2000],
                                     owner_unit=owner_unit, due_date=due_date, created_by=actor)
    audit_record(actor=actor, action="create", obj=item, after=snapshot(item))
    notify_unit(unit_id=owner_unit.pk, kind=NotificationKind.DUE, url=WORK_URL,
                text=f"{meeting.title}交办：{item.text[:80]}，请于{due_date.month}月{due_date.day}日前完成")
    return item


@transaction.atomic
def action_item_update(*, actor, item: ActionItem, progress: str | None = None, done: bool | None = None,
                       done_on: datetime.date | None = None) -> ActionItem:
    """The owner unit (or the office) reports progress and marks the item done or open again."""
    item = ActionItem.objects.select_for_update().get(pk=item.pk)
    if not can_work_on_unit(actor, item.owner_unit_id):
        raise PermissionDenied("只能办理本单位的交办事项")
    before = snapshot(item)
    if progress is not None:
        item.progress = progress.strip()[:5000]
    today = timezone.localdate()
    if done is True and item.status != ActionStatus.DONE:
        done_on = done_on or today
        if done_on > today or done_on < item.meeting.date:
            raise MeetingError("完成日期应在会议日期与今天之间")
        if not item.progress:
            raise MeetingError("标记完成时请填写落实情况")
        item.status, item.done_on = ActionStatus.DONE, done_on
    elif done is False:
        item.status, item.done_on = ActionStatus.OPEN, None
    item.save()
    audit_record(actor=actor, action="update", obj=item, before=before, after=snapshot(item))
    notify_office(kind=NotificationKind.ACTION_UPDATED, by=actor, url=reverse("meetings:detail", args=[item.meeting_id]),
                  text=f"{item.owner_unit.display_name}{'办结' if item.status == ActionStatus.DONE else '更新'}交办事项：{item.text[:80]}")
    return item


@transaction.atomic
def action_item_urge(*, actor, item: ActionItem, message: str = "") -> ActionItem:
    """The office urges the owner unit (催办), as for a supervision item."""
    require(actor, "supervise")
    item = ActionItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
    if item.status == ActionStatus.DONE:
        raise MeetingError("事项已完成，无需催办")
    message = message.strip() or "请抓紧落实，按时反馈。"
    before = snapshot(item)
    item.urge_count += 1
    item.last_urged_at = timezone.now()
    item.save(update_fields=["urge_count", "last_urged_at", "updated_at"])
    audit_record(actor=actor, action="urge", obj=item, before=before, after={**snapshot(item), "message": message})
    notify_unit(unit_id=item.owner_unit_id, kind=NotificationKind.URGED, url=WORK_URL,
                text=f"会议交办事项催办：{item.text[:80]}：{message[:120]}")
    return item


def action_items_remind(*, today: datetime.date) -> int:
    """Tell owner units of items due within NEAR_DAYS days and of items overdue, each once (dedupe keys)."""
    items = ActionItem.objects.filter(status=ActionStatus.OPEN, due_date__lte=today + datetime.timedelta(days=NEAR_DAYS))
    sent = 0
    for item in items.select_related("meeting"):
        due = f"{item.due_date.month}月{item.due_date.day}日"
        if item.due_date < today:
            sent += notify_unit(unit_id=item.owner_unit_id, kind=NotificationKind.OVERDUE, url=WORK_URL,
                                dedupe_key=f"action-overdue:{item.pk}", text=f"会议交办事项已逾期（时限{due}）：{item.text[:80]}")
        else:
            sent += notify_unit(unit_id=item.owner_unit_id, kind=NotificationKind.DUE, url=WORK_URL,
                                dedupe_key=f"action-due:{item.pk}", text=f"会议交办事项请于{due}前完成：{item.text[:80]}")
    return sent
