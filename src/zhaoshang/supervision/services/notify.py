"""Notifications: the in-app bell, plus e-mail when SMTP is configured."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from zhaoshang.accounts.models import User
from zhaoshang.supervision.models import Notification


def notify_unit(*, unit_id: int, kind: str, text: str, url: str = "", dedupe_key: str = "") -> int:
    """Tell every active user of a unit; with a dedupe key, never the same thing twice. Returns how many were told."""
    sent = 0
    for user in User.objects.filter(unit_id=unit_id, role="unit", is_active=True):
        try:
            with transaction.atomic():
                Notification.objects.create(user=user, kind=kind, text=text[:300], url=url, dedupe_key=dedupe_key)
        except IntegrityError:
            continue
        sent += 1
        if user.email and settings.EMAIL_BACKEND != "django.core.mail.backends.console.EmailBackend":
            send_mail(f"【招商引资督办】{text[:60]}", f"{text}\n{url}", None, [user.email], fail_silently=True)
    return sent
