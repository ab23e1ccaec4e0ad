"""Writes shared by every app: soft deletion and restoring from the recycle bin."""

from django.db import transaction
from django.utils import timezone

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.models import SoftDeleteModel
from zhaoshang.core.permissions import can


class PermissionDenied(Exception):
    """The actor may not perform this write."""


def require(actor, action: str) -> None:
    """Refuse the write unless the gate allows `action` to `actor`."""
    if not can(actor, action):
        raise PermissionDenied("无权执行此操作")


@transaction.atomic
def object_soft_delete(*, obj: SoftDeleteModel, actor) -> SoftDeleteModel:
    """Hide a row; it stays in the recycle bin until restored."""
    require(actor, "manage")
    before = snapshot(obj)
    obj.deleted_at = timezone.now()
    obj.deleted_by = actor
    obj.save(update_fields=["deleted_at", "deleted_by"])
    audit_record(actor=actor, action="delete", obj=obj, before=before, after=snapshot(obj))
    return obj


@transaction.atomic
def object_restore(*, obj: SoftDeleteModel, actor) -> SoftDeleteModel:
    """Bring a soft-deleted row back."""
    require(actor, "manage")
    before = snapshot(obj)
    obj.deleted_at = None
    obj.deleted_by = None
    obj.save(update_fields=["deleted_at", "deleted_by"])
    audit_record(actor=actor, action="restore", obj=obj, before=before, after=snapshot(obj))
    return obj
