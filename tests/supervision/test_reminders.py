"""`zhaoshang remind`: before the due date and after a missed one, never the same reminder twice."""

import datetime
from io import StringIO

from django.core.management import call_command

from zhaoshang.supervision.models import Notification


def remind(day: str, days: int = 3) -> str:
    out = StringIO()
    call_command("remind", "--date", day, "--days", str(days), stdout=out)
    return out.getvalue()


def test_reminds_before_the_due_date_and_only_once(task5_assignment, agri_user):
    remind("2025-06-23")
    due = Notification.objects.filter(user=agri_user, kind="due")
    assert due.count() >= 1 and any("6月" in n.text or "06月" in n.text for n in due)
    before = Notification.objects.count()
    remind("2025-06-23")
    remind("2025-06-24")
    assert Notification.objects.count() == before


def test_reminds_of_a_missed_report_from_the_day_after(task5_assignment, agri_user):
    remind("2025-06-25", days=0)
    assert not Notification.objects.filter(user=agri_user, kind="overdue").exists()
    remind("2025-06-26", days=0)
    overdue = Notification.objects.filter(user=agri_user, kind="overdue")
    assert overdue.exists() and "逾期" in overdue.first().text
    count = overdue.count()
    remind("2025-06-27", days=0)
    assert Notification.objects.filter(user=agri_user, kind="overdue").count() == count


def test_the_bell_counts_unread_and_the_list_marks_them_read_when_asked(task5_assignment, agri_user, client):
    remind("2025-06-26", days=0)
    client.force_login(agri_user)
    unread = Notification.objects.filter(user=agri_user, read_at__isnull=True).count()
    assert unread and client.get("/plans/").context["unread_count"] == unread
    client.get("/supervision/notifications/")  # reading the list marks nothing; the user marks in bulk
    assert client.get("/plans/").context["unread_count"] == unread
    client.post("/supervision/notifications/read/", {"all": "1"})
    assert client.get("/plans/").context["unread_count"] == 0


def test_bad_date_is_refused(db):
    import pytest
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        remind("2025-13-01")
    assert datetime.date(2025, 1, 1)
