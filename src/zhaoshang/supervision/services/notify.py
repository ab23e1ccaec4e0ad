"""Notifications: the in-app bell, plus e-mail to units when SMTP is configured.

Units are told what the office does (returns, urges, reminders); the office is told what units do
(submit, resubmit, raise a problem, settle a need, update an action item)."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from zhaoshang.accounts.choices import Role
from zhaoshang.accounts.constants import SYSTEM_USERNAME
from zhaoshang.accounts.models import User
from zhaoshang.core.permissions import UNIT, role_of
from zhaoshang.messaging.services import dispatch_notification
from zhaoshang.supervision.choices import NotificationKind
from zhaoshang.supervision.models import Notification


def _tell(users, *, kind: str, text: str, url: str, dedupe_key: str) -> list[User]:
    """One notification per user; with a dedupe key, never the same thing twice. Returns the users told."""
    told = []
    for user in users:
        try:
            with transaction.atomic():
                note = Notification.objects.create(user=user, kind=kind, text=text[:300], url=url[:300], dedupe_key=dedupe_key)
        except IntegrityError:
            continue
        told.append(user)
        dispatch_notification(note)  # 政务微信/钉钉/短信 channels of the recipient (messaging app)
    return told


def notify_unit(*, unit_id: int, kind: str, text: str, url: str = "", dedupe_key: str = "") -> int:
    """Tell every active user of a unit; with a dedupe key, never the same thing twice. Returns how many were told."""
    told = _tell(User.objects.filter(unit_id=unit_id, role=Role.UNIT, is_active=True),
                 kind=kind, text=text, url=url, dedupe_key=dedupe_key)
    if settings.EMAIL_BACKEND != "django.core.mail.backends.console.EmailBackend":
        for user in told:
            if user.email:
                send_mail(f"【招商引资督办】{text[:60]}", f"{text}\n{url}", None, [user.email], fail_silently=True)
    return len(told)


def notify_office(*, kind: str, text: str, url: str = "", by=None, dedupe_key: str = "") -> int:
    """Tell every active office user (not the system account). `by` is the user who acted: only a unit's own
    action is news to the office (the office acting for a unit tells no one). Returns how many were told."""
    if by is not None and role_of(by) != UNIT:
        return 0
    office = User.objects.filter(role=Role.OFFICE, is_active=True).exclude(username=SYSTEM_USERNAME)
    return len(_tell(office, kind=kind, text=text, url=url, dedupe_key=dedupe_key))


def notify_office_of_report(*, report, by, resubmitted: bool) -> None:
    """A unit submitted (or, after a return, resubmitted) a report; a problem it raises is told separately."""
    assignment = report.assignment
    where = f"{assignment.unit.display_name} · {assignment.measure.task.display_name}（{report.period_label}）"
    url = f"{reverse('supervision:report', args=[assignment.pk])}?period={report.period_key}"
    kind = NotificationKind.RESUBMITTED if resubmitted else NotificationKind.SUBMITTED
    notify_office(kind=kind, by=by, url=url, text=f"{where}{'退回后重新报送' if resubmitted else '报送了进展'}")
    if report.problems:
        notify_office(kind=NotificationKind.PROBLEM, by=by, url=url, text=f"{where}反映问题：{report.problems[:200]}")


def notifications_mark_read(*, user, ids=None, kind: str = "") -> int:
    """Mark the user's own unread notifications read: the given ids, or one kind, or (neither) all of them.

    A read mark is the reader's own bookkeeping, not a change to the work: it is not audited."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    if kind:
        unread = unread.filter(kind=kind)
    return unread.update(read_at=timezone.now())
