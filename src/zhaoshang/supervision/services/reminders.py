"""Reminders before each due date and after a missed one; safe to run as often as cron likes."""

import datetime

from zhaoshang.plans.models import Assignment
from zhaoshang.plans.selectors import ALIVE_ASSIGNMENT
from zhaoshang.supervision.choices import NotificationKind
from zhaoshang.supervision.selectors.status import statuses_as_of
from zhaoshang.supervision.services.notify import notify_unit


def reminders_send(*, today: datetime.date, days_before: int = 3) -> int:
    """Tell units of reports due within `days_before` days, and of reports now overdue.

    Each (assignment, period, kind) is told once, however often this runs: the notification's dedupe key."""
    assignments = Assignment.objects.filter(ALIVE_ASSIGNMENT, measure__task__plan__is_archived=False).select_related(
        "measure__task__plan")
    sent = 0
    for status in statuses_as_of(assignments, today).values():
        task = status.assignment.measure.task
        url = f"/supervision/assignments/{status.assignment.pk}/report/"
        upcoming = status.next_due
        if upcoming and upcoming.key not in status.reported and 0 <= (upcoming.due - today).days <= days_before:
            sent += notify_unit(unit_id=status.assignment.unit_id, kind=NotificationKind.DUE, url=url,
                                text=f"{task.display_name}（{upcoming.label}）进展请于{upcoming.due.month}月{upcoming.due.day}日前报送",
                                dedupe_key=f"due:{status.assignment.pk}:{upcoming.key}")
        for period in status.missing:
            sent += notify_unit(unit_id=status.assignment.unit_id, kind=NotificationKind.OVERDUE, url=url,
                                text=f"{task.display_name}（{period.label}）进展已逾期未报，应于{period.due.month}月{period.due.day}日前报送",
                                dedupe_key=f"overdue:{status.assignment.pk}:{period.key}")
    return sent
