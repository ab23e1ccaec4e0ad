"""Writing audit entries: every service calls `audit_record` (or `audit_save_many`) for each write it makes.

Entries form a hash chain: each row's `row_hash` is SHA-256 over a canonical JSON of its fields and the previous
row's hash, so a changed, removed or inserted row breaks the chain (`zhaoshang audit-verify`). Every insert goes
through `audit_chain`, which holds the chain head for the rest of the transaction so two writers never fork it.
"""

import datetime
import decimal
import functools
import hashlib
import json
import operator
import uuid
from collections.abc import Callable
from contextlib import contextmanager

from django.db import connection, models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from zhaoshang.core.models import AuditLog
from zhaoshang.core.request_context import current_event_time, current_request_id


PLAIN = frozenset({str, int, bool, float, type(None)})  # JSON as they are: most values, checked inline (bulk imports)


def _json_safe(value):
    if type(value) in PLAIN:
        return value
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [v if type(v) in PLAIN else _json_safe(v) for v in value]
    if isinstance(value, dict):
        return {str(k): v if type(v) in PLAIN else _json_safe(v) for k, v in value.items()}
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):
        return value.name or None
    return value


@functools.cache
def _concrete(model: type[models.Model]) -> tuple[tuple[str, ...], Callable[[models.Model], tuple]]:
    """The model's concrete field names, and a function reading their values from an object at once."""
    names = tuple(field.attname for field in model._meta.concrete_fields)
    getter = operator.attrgetter(*names)
    return names, getter if len(names) > 1 else lambda obj: (getter(obj),)


def snapshot(obj: models.Model) -> dict:
    """The object's concrete fields as JSON-safe values (foreign keys as ids)."""
    names, values = _concrete(type(obj))
    return {name: value if type(value) in PLAIN else _json_safe(value) for name, value in zip(names, values(obj))}


def audit_entry(*, actor, action: str, obj: models.Model, before=None, after=None) -> AuditLog:
    """An unsaved audit entry, for services that write many rows and bulk-save their audit."""
    return AuditLog(
        created_at=current_event_time.get() or timezone.now(),
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        before=_json_safe(before),
        after=_json_safe(after),
        request_id=current_request_id.get(),
    )


@contextmanager
def recorded_at(moment: datetime.datetime):
    """Audit entries written inside are dated `moment` (a loader replaying dated history); the chain order stays
    the order of writing."""
    token = current_event_time.set(moment)
    try:
        yield
    finally:
        current_event_time.reset(token)


def audit_record(*, actor, action: str, obj: models.Model, before=None, after=None) -> AuditLog:
    """Record one write."""
    entry = audit_entry(actor=actor, action=action, obj=obj, before=before, after=after)
    with transaction.atomic(savepoint=False):  # no savepoint queries when the service's transaction is open
        audit_chain([entry])
        entry.save()
    return entry


def audit_save_many(entries: list[AuditLog]) -> list[AuditLog]:
    """Record many writes in one statement, chained in list order."""
    with transaction.atomic(savepoint=False):
        return AuditLog.objects.bulk_create(audit_chain(entries))


# An arbitrary constant naming the chain head's PostgreSQL advisory lock.
CHAIN_LOCK_KEY = 0x7A5A_0A0D


def audit_chain(entries: list[AuditLog]) -> list[AuditLog]:
    """Set prev_hash/row_hash on unsaved entries; call inside the transaction that inserts them, right before."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_chain must run inside the transaction that inserts the entries")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # held until commit: the next writer sees this transaction's rows
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])
    # SQLite's IMMEDIATE transactions (settings) already serialize writers
    prev = AuditLog.objects.order_by("-id").values_list("row_hash", flat=True).first() or ""
    for entry in entries:
        entry.prev_hash = prev
        entry.row_hash = prev = row_hash(entry)
    return entries


def row_hash(entry: AuditLog) -> str:
    """SHA-256 over the canonical JSON of the entry's fields and its prev_hash."""
    created = entry.created_at.astimezone(datetime.timezone.utc).isoformat(timespec="microseconds")
    fields = {
        "created_at": created, "actor_id": entry.actor_id, "action": entry.action,
        "object_type": entry.object_type, "object_id": entry.object_id, "object_repr": entry.object_repr,
        "before": entry.before, "after": entry.after, "request_id": entry.request_id, "prev_hash": entry.prev_hash,
    }
    canonical = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(canonical.encode()).hexdigest()
