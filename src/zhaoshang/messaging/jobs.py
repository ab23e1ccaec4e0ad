"""Sending a delivery in the background: a django-tasks task (core.jobs: a worker, or a thread when none takes it).

Each run claims its delivery (待发送 → 发送中 in one UPDATE), sends once, records the attempt, and on failure queues
the next attempt after a back-off (`run_after` on the database queue; the fallback thread sleeps as long) until
MAX_ATTEMPTS have failed. The web request that caused a message only queues it after its transaction commits.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from zhaoshang.core.audit import audit_record
from zhaoshang.core.jobs import WORKER_GRACE_SECONDS, job_enqueue
from zhaoshang.messaging.choices import DeliverySource, DeliveryStatus
from zhaoshang.messaging.models import Channel, Delivery, DeliveryAttempt
from zhaoshang.messaging.senders import ChannelConfig, SendResult, build_request, send

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 4
BACKOFF_SECONDS = (30, 120, 600)  # before the 2nd, 3rd and 4th attempt


def channel_config(channel: Channel) -> ChannelConfig:
    return ChannelConfig(kind=channel.kind, url=channel.url, secret=channel.secret, msg_format=channel.msg_format,
                         method=channel.method, body_type=channel.body_type, body_template=channel.body_template,
                         token_header=channel.token_header, success_marker=channel.success_marker)


def backoff_seconds(attempts: int) -> int:
    """How long to wait after `attempts` failed attempts."""
    return BACKOFF_SECONDS[min(attempts, len(BACKOFF_SECONDS)) - 1]


def delivery_enqueue(delivery_id: int, *, delay: int = 0) -> None:
    """Queue a delivery's next attempt, `delay` seconds from now where the queue can wait (the database queue)."""
    runner = delivery_task
    if delay and runner.get_backend().supports_defer:
        runner = delivery_task.using(run_after=timezone.now() + datetime.timedelta(seconds=delay))
    job_enqueue(runner, delivery_run, delivery_id, name="delivery", grace=WORKER_GRACE_SECONDS + delay)


@task()
def delivery_task(delivery_id: int) -> str:
    return delivery_run(delivery_id)


def delivery_run(delivery_id: int) -> str:
    """Claim and send the delivery once; "sent", "retry", "failed" or "skipped" (taken by another runner)."""
    now = timezone.now()
    if not Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.PENDING).update(
            status=DeliveryStatus.SENDING, heartbeat_at=now):
        return "skipped"
    delivery = Delivery.objects.select_related("channel").get(pk=delivery_id)
    channel = delivery.channel
    if not channel.enabled and delivery.source != DeliverySource.TEST:
        result, final = SendResult(False, error="渠道已停用，未发送"), True
    else:
        config = channel_config(channel)
        try:
            request = build_request(config, text=delivery.text, link=delivery.link, phone=delivery.target)
            result = send(config, request, timeout=float(getattr(settings, "ZHAOSHANG_MESSAGING_TIMEOUT", 5)))
        except Exception as error:  # a delivery must end with a recorded reason, never stay "sending"
            logger.exception("delivery %s failed", delivery_id)
            result = SendResult(False, error=f"系统错误（{type(error).__name__}）")
        final = False
    outcome, delay = delivery_record_attempt(delivery=delivery, result=result, final=final)
    if delay is not None:
        delivery_enqueue(delivery_id, delay=delay)
    return outcome


@transaction.atomic
def delivery_record_attempt(*, delivery: Delivery, result: SendResult, final: bool = False) -> tuple[str, int | None]:
    """Record one attempt; the delivery becomes 已发送, 待发送 again (returns the back-off) or 失败 (audited)."""
    now = timezone.now()
    DeliveryAttempt.objects.create(delivery=delivery, ok=result.ok, http_status=result.http_status,
                                   error=result.error, duration_ms=result.duration_ms)
    delivery.attempts += 1
    delivery.heartbeat_at = now
    delay = None
    if result.ok:
        delivery.status, delivery.message, delivery.finished_at, delivery.next_attempt_at = DeliveryStatus.SENT, "", now, None
    elif final or delivery.attempts >= MAX_ATTEMPTS:
        delivery.status, delivery.message, delivery.finished_at, delivery.next_attempt_at = (
            DeliveryStatus.FAILED, result.error, now, None)
    else:
        delay = backoff_seconds(delivery.attempts)
        delivery.status, delivery.message = DeliveryStatus.PENDING, result.error
        delivery.next_attempt_at = now + datetime.timedelta(seconds=delay)
    delivery.save(update_fields=["attempts", "heartbeat_at", "status", "message", "finished_at", "next_attempt_at"])
    if delivery.status == DeliveryStatus.FAILED:
        audit_record(actor=delivery.requested_by, action="deliver_failed", obj=delivery,
                     after={"channel": delivery.channel_id, "attempts": delivery.attempts, "error": delivery.message})
    return ("retry" if delay is not None else delivery.status), delay
