"""Late needs go up to the office, once per stage (not accepted in time; not settled in time)."""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from zhaoshang.accounts.services import system_actor
from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.needs.choices import NeedStatus
from zhaoshang.needs.models import Need
from zhaoshang.supervision.choices import NotificationKind
from zhaoshang.supervision.services.notify import notify_office, notify_unit

ACCEPT_LATE, SETTLE_LATE = 1, 2  # Need.escalation_level: the latest stage already reported


def _escalate(need: Need, level: int, now: datetime.datetime, actor) -> None:
    before = snapshot(need)
    Need.objects.filter(pk=need.pk).update(escalation_level=level, escalated_at=now)
    need.escalation_level, need.escalated_at = level, now
    audit_record(actor=actor, action="escalate", obj=need, before=before, after=snapshot(need))
    what = "超时未受理" if level == ACCEPT_LATE else f"逾期未办结（时限{need.settle_due:%m月%d日}）"
    url = reverse("needs:detail", args=[need.pk])
    key = f"need-late:{need.pk}:{level}"
    notify_office(kind=NotificationKind.OVERDUE, text=f"企业诉求{what}：{need.title}（{need.unit.display_name}）", url=url, dedupe_key=key)
    notify_unit(unit_id=need.unit_id, kind=NotificationKind.OVERDUE, url=url, dedupe_key=key,
                text=f"企业诉求{what}，已报督办办公室：{need.title}")


@transaction.atomic
def needs_escalate(*, now: datetime.datetime | None = None) -> int:
    """Report each late open need to the office once per stage; safe to run as often as cron likes.

    Returns how many needs were escalated this time."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    actor = system_actor()
    open_needs = Need.objects.exclude(status=NeedStatus.SETTLED).select_related("unit").select_for_update()
    late_settle = list(open_needs.filter(settle_due__lt=today, escalation_level__lt=SETTLE_LATE))
    late_accept = list(open_needs.filter(status=NeedStatus.NEW, accept_due__lt=now, escalation_level__lt=ACCEPT_LATE)
                       .exclude(pk__in=[n.pk for n in late_settle]))
    for need in late_settle:
        _escalate(need, SETTLE_LATE, now, actor)
    for need in late_accept:
        _escalate(need, ACCEPT_LATE, now, actor)
    return len(late_settle) + len(late_accept)
