"""Reads shared by every app: the recycle bin and the audit log."""

from dataclasses import dataclass

from django.apps import apps

from zhaoshang.core.models import AuditLog, SoftDeleteModel
from zhaoshang.core.permissions import can


@dataclass(frozen=True)
class BinEntry:
    label: str
    model_label: str
    obj: SoftDeleteModel


def soft_delete_models() -> list[type[SoftDeleteModel]]:
    return [m for m in apps.get_models() if issubclass(m, SoftDeleteModel)]


def recycle_bin_for(*, user, limit_per_model: int = 200) -> list[BinEntry]:
    """Soft-deleted rows of every model, newest first; empty for users who may not manage."""
    if not can(user, "audit"):
        return []
    entries = []
    for model in soft_delete_models():
        rows = model.all_objects.filter(deleted_at__isnull=False).select_related("deleted_by")
        for obj in rows.order_by("-deleted_at")[:limit_per_model]:
            entries.append(BinEntry(str(model._meta.verbose_name), model._meta.label_lower, obj))
    return sorted(entries, key=lambda e: e.obj.deleted_at, reverse=True)


def deleted_object_for(*, user, model_label: str, pk: int) -> SoftDeleteModel | None:
    """A soft-deleted row the user may restore, or None."""
    if not can(user, "manage"):
        return None
    try:
        model = apps.get_model(model_label)
    except (LookupError, ValueError):
        return None
    if not issubclass(model, SoftDeleteModel):
        return None
    return model.all_objects.filter(pk=pk, deleted_at__isnull=False).first()


def audit_log_for(*, user, object_type: str = "", actor_id: int | None = None):
    """Audit entries the user may read, newest first."""
    if not can(user, "audit"):
        return AuditLog.objects.none()
    qs = AuditLog.objects.select_related("actor__unit")
    if object_type:
        qs = qs.filter(object_type=object_type)
    if actor_id:
        qs = qs.filter(actor_id=actor_id)
    return qs
