"""What every registry shares: the abstract `RegistryEntry` (owner unit, dates, source, soft delete), and the kit's own
tables: which measure ordered a registry and which units keep it (`RegistrySetting`), links between rows of any
registry, projects, enterprises and needs (`RegistryLink`), and files attached to a row (`RegistryAttachment`)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from zhaoshang.accounts.models import Unit
from zhaoshang.core.models import SoftDeleteModel
from zhaoshang.plans.models import Measure
from zhaoshang.plans.storage import private_storage


class RegistryEntry(SoftDeleteModel):
    """A row of a registry. Each registry is a concrete subclass with its own typed columns; `since` is when the row
    became true (a park set up, a fund founded), `until` when it stopped (a plot sold, a firm moved away)."""

    UNIT_SCOPE = "owner_unit_id"

    owner_unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="维护单位")
    since = models.DateField("起始日期", null=True, blank=True)
    until = models.DateField("截止日期", null=True, blank=True)
    source = models.CharField("信息来源", max_length=200, blank=True)
    notes = models.TextField("备注", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                   editable=False)
    created_at = models.DateTimeField("录入时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        abstract = True
        ordering = ["-id"]

    def clean(self):
        super().clean()
        if self.since and self.until and self.until < self.since:
            raise ValidationError({"until": "截止日期不能早于起始日期"})


class RegistrySetting(models.Model):
    """One registry's binding to the plan: the measure that ordered it and the units that keep its rows (the measure's
    units when bound, and any the office adds)."""

    key = models.CharField("数据库", max_length=30, unique=True)
    measure = models.ForeignKey(Measure, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="对应举措")
    units = models.ManyToManyField(Unit, blank=True, related_name="+", verbose_name="维护单位")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "数据库设置"

    def __str__(self) -> str:
        return self.key


class RegistryLink(models.Model):
    """A link between two rows of any registry, project, enterprise or need (kind + id on each side)."""

    from_kind = models.CharField(max_length=30)
    from_id = models.BigIntegerField()
    to_kind = models.CharField(max_length=30)
    to_id = models.BigIntegerField()
    relation = models.CharField("关系", max_length=20)
    note = models.CharField("说明", max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "关联"
        constraints = [models.UniqueConstraint(fields=["from_kind", "from_id", "to_kind", "to_id", "relation"], name="one_link")]
        indexes = [models.Index(fields=["to_kind", "to_id"], name="registry_link_to")]

    def __str__(self) -> str:
        return f"{self.from_kind}#{self.from_id} → {self.to_kind}#{self.to_id}（{self.relation}）"


class RegistryAttachment(models.Model):
    """A file kept with a registry row (a 出让公告, a 协议, a photo), checked by content like every attachment."""

    kind = models.CharField(max_length=30)
    object_id = models.BigIntegerField()
    file = models.FileField(storage=private_storage, upload_to="registries/%Y/%m/")
    filename = models.CharField("文件名", max_length=200)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "数据库附件"
        indexes = [models.Index(fields=["kind", "object_id"], name="registry_attachment_of")]

    def __str__(self) -> str:
        return self.filename
