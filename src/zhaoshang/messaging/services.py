"""Writes of the messaging app: the office's channels (audited, keys and secrets masked in the log) and queuing
messages for them. Sending happens in the background (`jobs.py`), queued only after the caller's transaction commits,
so a slow or failing channel never holds up a page."""

import datetime
import hashlib
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.masking import mask_phone
from zhaoshang.core.permissions import OFFICE, UNIT, can, role_of
from zhaoshang.messaging.choices import ChannelKind, DeliverySource
from zhaoshang.messaging.jobs import delivery_enqueue
from zhaoshang.messaging.models import Channel, Delivery

DEDUPE_WINDOW = datetime.timedelta(minutes=10)
TEST_TEXT = "这是一条测试消息：消息渠道「{name}」配置正确，可以收到平台的督办提醒。"


def channel_snapshot(channel: Channel) -> dict:
    """The channel as the audit log keeps it: the URL's key, the secret and the phones masked."""
    data = snapshot(channel)
    data.update(url=channel.url_masked, secret=channel.secret_masked,
                phones=",".join(mask_phone(p) for p in channel.phone_list))
    return data


def _require_office(actor) -> None:
    if not can(actor, "supervise"):
        raise PermissionDenied("只有督办办公室可以管理消息渠道")


@transaction.atomic
def channel_save(*, actor, channel: Channel) -> Channel:
    """Create or change a channel (its fields set by the form); audited, with keys and secrets masked."""
    _require_office(actor)
    before = channel_snapshot(Channel.objects.select_for_update().get(pk=channel.pk)) if channel.pk else None
    channel.full_clean()
    channel.save()
    audit_record(actor=actor, action="update" if before else "create", obj=channel, before=before,
                 after=channel_snapshot(channel))
    return channel


@transaction.atomic
def channel_set_enabled(*, actor, channel: Channel, enabled: bool) -> Channel:
    """Enable or disable a channel; a disabled channel receives nothing (its queued messages end as failed)."""
    _require_office(actor)
    if channel.enabled != enabled:
        before = channel_snapshot(channel)
        channel.enabled = enabled
        channel.save(update_fields=["enabled", "updated_at"])
        audit_record(actor=actor, action="enable" if enabled else "disable", obj=channel, before=before,
                     after=channel_snapshot(channel))
    return channel


@transaction.atomic
def channel_test(*, actor, channel: Channel) -> list[Delivery]:
    """Queue a test message through the channel (also when disabled, to try it before enabling); audited."""
    _require_office(actor)
    deliveries = _deliveries(channel, text=TEST_TEXT.format(name=channel.name), link=_absolute("/"),
                             source=DeliverySource.TEST, requested_by=actor)
    audit_record(actor=actor, action="test", obj=channel, after={"deliveries": [d.pk for d in deliveries]})
    return deliveries


def dispatch_notification(notification) -> list[Delivery]:
    """Queue a notification for the enabled channels of its recipient's unit (the office's channels when the
    recipient is the office). A unit's users each get the same notification: it goes to a channel once."""
    user = notification.user
    role = role_of(user)
    if role == OFFICE:
        channels = Channel.objects.filter(unit__isnull=True, enabled=True)
    elif role == UNIT and user.unit_id:
        channels = Channel.objects.filter(unit_id=user.unit_id, enabled=True)
    else:
        return []
    key = hashlib.sha256("|".join((notification.kind, notification.text, notification.url,
                                   notification.dedupe_key)).encode()).hexdigest()
    sent_before = Delivery.objects.filter(message_key=key)
    if not notification.dedupe_key:
        sent_before = sent_before.filter(created_at__gte=timezone.now() - DEDUPE_WINDOW)
    done = set(sent_before.values_list("channel_id", flat=True))
    deliveries = []
    for channel in channels:
        if channel.pk not in done:
            deliveries += _deliveries(channel, text=notification.text, link=_absolute(notification.url),
                                      notification=notification, message_key=key)
    return deliveries


def _deliveries(channel: Channel, **fields) -> list[Delivery]:
    """One delivery per phone for SMS, one for a robot; each queued once the transaction commits."""
    targets = channel.phone_list if channel.kind == ChannelKind.SMS else [""]
    deliveries = [Delivery.objects.create(channel=channel, target=target, **fields) for target in targets]
    for delivery in deliveries:
        transaction.on_commit(partial(delivery_enqueue, delivery.pk))
    return deliveries


def _absolute(path: str) -> str:
    """A page's address for a chat message: the site's address + the path (nothing when the site has none set)."""
    site = getattr(settings, "ZHAOSHANG_SITE_URL", "").rstrip("/")
    if path.startswith(("http://", "https://")):
        return path
    return f"{site}{path}" if site and path.startswith("/") else ""
