"""Writing audit entries: every service calls `audit_record` for each write it makes."""

import datetime
import decimal
import uuid

from django.db import models
from django.db.models.fields.files import FieldFile

from zhaoshang.core.models import AuditLog
from zhaoshang.core.request_context import current_request_id


def _json_safe(value):
    if value is None or type(value) in (str, int, bool, float):  # most values: skip the checks below (bulk imports)
        return value
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):
        return value.name or None
    return value


def snapshot(obj: models.Model) -> dict:
    """The object's concrete fields as JSON-safe values (foreign keys as ids)."""
    return {field.attname: _json_safe(getattr(obj, field.attname)) for field in obj._meta.concrete_fields}


def audit_entry(*, actor, action: str, obj: models.Model, before=None, after=None) -> AuditLog:
    """An unsaved audit entry, for services that write many rows and bulk-save their audit."""
    return AuditLog(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        before=_json_safe(before),
        after=_json_safe(after),
        request_id=current_request_id.get(),
    )


def audit_record(*, actor, action: str, obj: models.Model, before=None, after=None) -> AuditLog:
    """Record one write."""
    entry = audit_entry(actor=actor, action=action, obj=obj, before=before, after=after)
    entry.save()
    return entry
