"""Reporting cycles, progress reports with attachments, urges, coordination problems, notifications."""

from django.conf import settings
from django.db import models

from zhaoshang.core.models import RestrictedQuerySet, SoftDeleteModel
from zhaoshang.plans.models import Assignment, Plan, Task
from zhaoshang.plans.storage import private_storage
from zhaoshang.supervision.calendar import CYCLE_LABELS, Cycle
from zhaoshang.supervision.choices import NotificationKind, ProblemStatus, ReportStatus, WorkStatus

CYCLE_CHOICES = [(c.value, CYCLE_LABELS[c]) for c in Cycle]


class CycleSetting(models.Model):
    """How often a plan's assignments are reported (task = None) or one task's, and on which day."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="cycle_settings")
    task = models.OneToOneField(Task, null=True, blank=True, on_delete=models.CASCADE, related_name="cycle_setting")
    cycle = models.CharField("报送周期", max_length=10, choices=CYCLE_CHOICES, default=Cycle.MONTHLY)
    due_day = models.PositiveSmallIntegerField("报送日", default=25, help_text="每月/每季度：几号；每周/每两周：星期几(1-7)")

    class Meta:
        verbose_name = verbose_name_plural = "报送周期"
        constraints = [models.UniqueConstraint(fields=["plan"], condition=models.Q(task__isnull=True), name="one_plan_cycle")]

    def __str__(self) -> str:
        return f"{self.task or self.plan}: {self.get_cycle_display()} {self.due_day}"


class WorkdayOverride(models.Model):
    """The office's correction of the holiday calendar: a date that is (or is not) a working day."""

    date = models.DateField("日期", unique=True)
    is_workday = models.BooleanField("是否工作日")
    note = models.CharField("说明", max_length=100, blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = verbose_name_plural = "节假日调整"

    def __str__(self) -> str:
        return f"{self.date} {'上班' if self.is_workday else '放假'}"


class ProgressReport(SoftDeleteModel):
    """A unit's report on one assignment for one period; the lead unit's report is the consolidated one."""

    UNIT_SCOPE = "assignment__unit_id"
    VIEW_SCOPE = "assignment__measure__assignments__unit_id"  # the units sharing the measure see each other's parts

    assignment = models.ForeignKey(Assignment, on_delete=models.PROTECT, related_name="reports")
    period_key = models.CharField("报送期", max_length=20)
    period_label = models.CharField("报送期名称", max_length=40)
    due_date = models.DateField("应报日期")
    status = models.CharField("状态", max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    work_status = models.CharField("进展状态", max_length=12, choices=WorkStatus.choices, default=WorkStatus.IN_PROGRESS)
    done_text = models.TextField("本期完成情况", blank=True)
    next_steps = models.TextField("下步计划", blank=True)
    problems = models.TextField("需协调解决的问题", blank=True)
    percent = models.PositiveSmallIntegerField("完成进度(%)", null=True, blank=True)
    value = models.DecimalField("指标数值", max_digits=16, decimal_places=4, null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    first_submitted_at = models.DateTimeField("首次报送时间", null=True, blank=True)
    submitted_at = models.DateTimeField("报送时间", null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    review_note = models.TextField("审核意见/退回理由", blank=True)

    class Meta:
        ordering = ["assignment", "due_date", "id"]
        verbose_name = verbose_name_plural = "进展报告"
        constraints = [
            models.UniqueConstraint(fields=["assignment", "period_key"], condition=models.Q(deleted_at__isnull=True),
                                    name="one_report_per_period"),
        ]
        indexes = [models.Index(fields=["assignment", "first_submitted_at"]),
                   models.Index(fields=["status", "submitted_at"], name="review_inbox")]

    def __str__(self) -> str:
        return f"{self.assignment} {self.period_label}"


class ReportAttachment(SoftDeleteModel):
    """Evidence attached to a report, kept outside the web root and served only to those who see the report.

    A file removed from a draft is only hidden (`objects` skips it): the evidence stays in the recycle bin."""

    UNIT_SCOPE = "report__assignment__unit_id"
    VIEW_SCOPE = "report__assignment__measure__assignments__unit_id"

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=private_storage, upload_to="attachments/%Y/%m/")
    filename = models.CharField("文件名", max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "佐证材料"
        base_manager_name = "all_objects"

    def __str__(self) -> str:
        return self.filename


class Urge(models.Model):
    """The office urges a unit on an assignment (催办)."""

    assignment = models.ForeignKey(Assignment, on_delete=models.PROTECT, related_name="urges")
    message = models.TextField("催办内容")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = verbose_name_plural = "催办"

    def __str__(self) -> str:
        return f"催办 {self.assignment}"


class Problem(models.Model):
    """A problem needing coordination (需协调解决的问题), raised in a report, worked through by the office."""

    UNIT_SCOPE = "report__assignment__unit_id"

    report = models.OneToOneField(ProgressReport, on_delete=models.CASCADE, related_name="problem")
    text = models.TextField("问题")
    owner_unit = models.ForeignKey("accounts.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="协调责任单位")
    status = models.CharField("状态", max_length=10, choices=ProblemStatus.choices, default=ProblemStatus.OPEN)
    outcome = models.TextField("协调结果", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    objects = models.Manager.from_queryset(RestrictedQuerySet)()

    class Meta:
        ordering = ["status", "-created_at"]
        verbose_name = verbose_name_plural = "需协调问题"

    def __str__(self) -> str:
        return self.text[:50]


class Notification(models.Model):
    """An in-app message (the bell), also mailed when SMTP is configured."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField("类别", max_length=20, choices=NotificationKind.choices)
    text = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    dedupe_key = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = verbose_name_plural = "通知"
        constraints = [models.UniqueConstraint(fields=["user", "dedupe_key"], condition=~models.Q(dedupe_key=""), name="notify_once")]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.text


class Escalation(models.Model):
    """A supervision notice (督办单) the office sends a leader about an assignment that is behind."""

    UNIT_SCOPE = "assignment__unit_id"

    assignment = models.ForeignKey(Assignment, on_delete=models.PROTECT, related_name="escalations")
    leader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="escalations_received",
                               verbose_name="呈报领导")
    year = models.PositiveIntegerField()
    serial = models.PositiveIntegerField()
    reason = models.TextField("督办事由及要求")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = models.Manager.from_queryset(RestrictedQuerySet)()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = verbose_name_plural = "督办单"
        constraints = [models.UniqueConstraint(fields=["year", "serial"], name="one_escalation_number")]

    def __str__(self) -> str:
        return self.number

    @property
    def number(self) -> str:
        return f"督办〔{self.year}〕{self.serial}号"
