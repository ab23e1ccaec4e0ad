"""Base models shared by every app: soft deletion with its permission-aware queryset and the partial indexes of live
rows, and the audit log."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from zhaoshang.core.permissions import scope_filter


class RestrictedQuerySet(models.QuerySet):
    """A queryset that knows how to narrow itself to what a user may do."""

    def restrict(self, user, action: str = "view"):
        """Rows `user` may `action` (view | work | manage), decided by the one permission gate."""
        model = self.model
        return self.filter(scope_filter(user, action, getattr(model, "UNIT_SCOPE", None), getattr(model, "VIEW_SCOPE", None)))


class AliveManager(models.Manager.from_queryset(RestrictedQuerySet)):
    """Hides soft-deleted rows."""

    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


class SoftDeleteModel(models.Model):
    """A row that is never removed by users, only hidden and kept in the recycle bin."""

    deleted_at = models.DateTimeField("删除时间", null=True, blank=True, db_index=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    objects = AliveManager()
    all_objects = models.Manager.from_queryset(RestrictedQuerySet)()

    class Meta:
        abstract = True
        base_manager_name = "all_objects"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


LIVE = models.Q(deleted_at__isnull=True)  # the condition of the partial indexes of live rows


def live_index(*fields: str, name: str) -> models.Index:
    """A partial index of a soft-deleted model's live rows. deleted_at comes last, always NULL there: SQLite covers a
    query from an index only if it holds every column the query names, the partial condition's included, and
    PostgreSQL seeks and orders by the leading columns (the condition implies `deleted_at IS NULL`, which is then no
    index condition there). Beside indexes led by deleted_at (SoftDeleteModel's own, the registries'), SQLite without
    statistics prefers their equality on it: there a count's index leads with deleted_at as well and is not partial,
    or PostgreSQL could not seek past it (bench/kpi.py)."""
    return models.Index(fields=[*fields, "deleted_at"], condition=LIVE, name=name)


class AuditLogQuerySet(models.QuerySet):
    """Append-only: rows are only ever inserted."""

    def update(self, **kwargs):
        raise AuditLogImmutable("审计日志只能追加，不能修改。")

    def delete(self):
        raise AuditLogImmutable("审计日志只能追加，不能删除。")


class AuditLogImmutable(Exception):
    """An attempt to change or delete an audit entry."""


class AuditLog(models.Model):
    """One write: who, when, what, on which object, and the object before and after; hash-chained to the previous row."""

    created_at = models.DateTimeField("时间", default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="audit_entries", verbose_name="操作人"
    )
    action = models.CharField("操作", max_length=64, db_index=True)
    object_type = models.CharField("对象类型", max_length=100, db_index=True)
    object_id = models.CharField("对象编号", max_length=64, db_index=True)
    object_repr = models.CharField("对象", max_length=300)
    before = models.JSONField("修改前", null=True, blank=True)
    after = models.JSONField("修改后", null=True, blank=True)
    request_id = models.CharField("请求编号", max_length=64, blank=True)
    prev_hash = models.CharField("前一条哈希", max_length=64, blank=True)
    row_hash = models.CharField("本条哈希", max_length=64, blank=True)

    objects = AuditLogQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = verbose_name_plural = "审计日志"
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if not self._state.adding or not self.row_hash:
            raise AuditLogImmutable("审计日志只能经 zhaoshang.core.audit 追加，不能修改。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogImmutable("审计日志只能追加，不能删除。")


class BackgroundJob(models.Model):
    """What every background job keeps of its run (core/jobs.py): the task's id, when it started and ended, and its
    last sign of life."""

    task_result_id = models.CharField(max_length=64, blank=True)
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)
    heartbeat_at = models.DateTimeField("最近进展", default=timezone.now)  # core.jobs: quiet too long = the runner died

    class Meta:
        abstract = True


from zhaoshang.core.excel_import.models import ImportJob  # noqa: E402,F401  (the import engine's jobs belong to core)
