"""Enterprise needs (企业诉求): one ticket per need, routed to a unit, with deadlines, a reply and a rating."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from zhaoshang.accounts.models import Unit
from zhaoshang.core.models import SoftDeleteModel
from zhaoshang.needs.choices import NeedStatus, NeedType, Satisfaction
from zhaoshang.projects.models import Enterprise, Project


class NeedLimit(models.Model):
    """How fast a type of need must be accepted (clock hours) and settled (working days); the office sets them."""

    need_type = models.CharField("诉求类型", max_length=10, choices=NeedType.choices, unique=True)
    accept_hours = models.PositiveSmallIntegerField("受理时限(小时)", default=24)
    settle_workdays = models.PositiveSmallIntegerField("办结时限(工作日)", default=7)

    class Meta:
        ordering = ["need_type"]
        verbose_name = verbose_name_plural = "诉求办理时限"

    def __str__(self) -> str:
        return f"{self.get_need_type_display()}: {self.accept_hours}小时受理, {self.settle_workdays}个工作日办结"


class Need(SoftDeleteModel):
    """A need raised by a project or an enterprise, answered by the unit it is routed to, rated by the enterprise."""

    UNIT_SCOPE = "unit_id"
    VIEW_SCOPE = "unit_id"  # a unit sees the needs routed to it; the office and leaders see all

    title = models.CharField("诉求事项", max_length=200)
    need_type = models.CharField("诉求类型", max_length=10, choices=NeedType.choices, default=NeedType.OTHER)
    description = models.TextField("具体内容", blank=True)
    project = models.ForeignKey(Project, null=True, blank=True, on_delete=models.PROTECT, related_name="needs", verbose_name="项目")
    enterprise = models.ForeignKey(Enterprise, null=True, blank=True, on_delete=models.PROTECT, related_name="needs",
                                   verbose_name="企业")
    contact_name = models.CharField("企业联系人", max_length=30, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="needs", verbose_name="承办单位")
    status = models.CharField("状态", max_length=10, choices=NeedStatus.choices, default=NeedStatus.NEW, db_index=True)
    raised_at = models.DateTimeField("提出时间", default=timezone.now)
    accept_due = models.DateTimeField("受理时限")
    settle_due = models.DateField("办结时限")
    accepted_at = models.DateTimeField("受理时间", null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    reply = models.TextField("办理答复", blank=True)
    settled_at = models.DateTimeField("办结时间", null=True, blank=True)
    settled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    satisfaction = models.CharField("企业满意度", max_length=12, choices=Satisfaction.choices, blank=True)
    rating_note = models.CharField("回访意见", max_length=500, blank=True)
    rated_at = models.DateTimeField("回访时间", null=True, blank=True)
    escalated_at = models.DateTimeField("超时上报时间", null=True, blank=True)
    escalation_level = models.PositiveSmallIntegerField("超时上报", default=0, help_text="0 未上报，1 超时未受理已上报，2 逾期未办结已上报")
    urge_count = models.PositiveSmallIntegerField("催办次数", default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-raised_at", "-id"]
        verbose_name = verbose_name_plural = "企业诉求"
        indexes = [models.Index(fields=["unit", "status"], name="need_unit_status"),
                   models.Index(fields=["status", "settle_due"], name="need_status_due")]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def number(self) -> str:
        return f"诉求{timezone.localtime(self.raised_at).year}-{self.pk or 0:04d}"

    @property
    def raised_by(self) -> str:
        """Who raised it, for lists: the project, else the enterprise."""
        return str(self.project or self.enterprise or "")

    def clean(self):
        if self.project_id is None and self.enterprise_id is None:
            raise ValidationError("请选择提出诉求的项目或企业")
