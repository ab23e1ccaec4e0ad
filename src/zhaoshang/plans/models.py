"""Plan → Focus → Target → Task → Measure → Assignment, the target's indicators and the plan's chains."""

import datetime

from django.conf import settings
from django.db import models

from zhaoshang.accounts.models import Unit
from zhaoshang.core.models import SoftDeleteModel
from zhaoshang.plans.choices import Comparator, PerSplit, UploadStatus
from zhaoshang.plans.storage import private_storage


class Plan(SoftDeleteModel):
    """A published task list (the notice) that the city runs as a live plan."""

    title = models.CharField("清单名称", max_length=200)
    notice_title = models.CharField("通知标题", max_length=300, blank=True)
    issuer = models.CharField("发文机关", max_length=100, blank=True)
    doc_number = models.CharField("文号", max_length=100, blank=True)
    issued_on = models.DateField("发文日期", null=True, blank=True)
    is_archived = models.BooleanField("已归档", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = verbose_name_plural = "任务清单"

    def __str__(self) -> str:
        return self.title


class NoticeUpload(models.Model):
    """An uploaded notice file, its parse and its state: previewed, applied to a plan, or discarded."""

    plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="uploads", verbose_name="任务清单")
    file = models.FileField("原文件", storage=private_storage, upload_to="notices/%Y/%m/")
    filename = models.CharField("文件名", max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.PositiveIntegerField("大小")
    parsed = models.JSONField("解析结果")
    corrections = models.JSONField("办公室更正", default=list, blank=True,
                                   help_text="对解析结果的更正（plans.corrections）；解析结果保持原样，导入时套用")
    status = models.CharField("状态", max_length=10, choices=UploadStatus.choices, default=UploadStatus.PENDING)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = verbose_name_plural = "通知文件"

    def __str__(self) -> str:
        return self.filename


class Focus(SoftDeleteModel):
    """A work focus (工作重点), e.g. 产业生态招商."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="focuses")
    name = models.CharField("工作重点", max_length=100)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["plan", "order", "id"]
        verbose_name = verbose_name_plural = "工作重点"

    def __str__(self) -> str:
        return self.name


class Target(SoftDeleteModel):
    """A target (市目标): text with numbers; several tasks may share it."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    focus = models.ForeignKey(Focus, null=True, blank=True, on_delete=models.PROTECT, related_name="targets")
    text = models.TextField("目标")
    order = models.PositiveIntegerField(default=0)
    by_office = models.BooleanField("督办办公室设立", default=False,
                                    help_text="通知没有目标列的任务，办公室为其举措设立指标时建立；通知修订时保留")

    class Meta:
        ordering = ["plan", "order", "id"]
        verbose_name = verbose_name_plural = "目标"

    def __str__(self) -> str:
        return self.text[:60]


class Indicator(SoftDeleteModel):
    """A number read from a target's text: 1个 per chain, 400亿元, growth of 10% …"""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="indicators")
    text = models.CharField("原文", max_length=300)
    value = models.DecimalField("目标值", max_digits=16, decimal_places=4)
    unit = models.CharField("计量单位", max_length=10, blank=True)
    comparator = models.CharField("比较", max_length=10, choices=Comparator.choices, default=Comparator.AT_LEAST)
    year = models.PositiveIntegerField("年度", null=True, blank=True)
    per = models.CharField("分项", max_length=10, choices=PerSplit.choices, blank=True)
    items = models.JSONField("分项名称", default=list, blank=True)
    min_amount_wan = models.DecimalField("投资额下限(万元)", max_digits=16, decimal_places=2, null=True, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["target", "order", "id"]
        verbose_name = verbose_name_plural = "指标"

    def __str__(self) -> str:
        return self.text


class Task(SoftDeleteModel):
    """A numbered task (序号) with its deadline month, or long-term (长期)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    focus = models.ForeignKey(Focus, null=True, blank=True, on_delete=models.PROTECT, related_name="tasks")
    target = models.ForeignKey(Target, null=True, blank=True, on_delete=models.PROTECT, related_name="tasks")
    number = models.CharField("序号", max_length=20)
    sort_key = models.PositiveIntegerField(default=0)
    deadline_month = models.DateField("完成时限(月)", null=True, blank=True, help_text="该月1日")
    is_long_term = models.BooleanField("长期", default=False)
    deadline_text = models.CharField("时限原文", max_length=100, blank=True)
    short_title = models.CharField("任务简称", max_length=20, blank=True)
    short_title_by_office = models.BooleanField("简称由办公室修改", default=False)

    class Meta:
        ordering = ["plan", "sort_key", "id"]
        verbose_name = verbose_name_plural = "任务"
        indexes = [models.Index(fields=["plan", "sort_key"])]

    def __str__(self) -> str:
        return f"任务{self.number}"

    @property
    def display_name(self) -> str:
        """How every page, message and document names the task: "任务1·石油化工、盐化工等"."""
        return f"任务{self.number}·{self.short_title}" if self.short_title else f"任务{self.number}"

    @property
    def deadline_code(self) -> str | None:
        """The deadline as the parser writes it: "2025-12", "long-term", raw text, or None."""
        if self.is_long_term:
            return "long-term"
        if self.deadline_month:
            return self.deadline_month.strftime("%Y-%m")
        return self.deadline_text or None

    @property
    def deadline_display(self) -> str:
        if self.is_long_term:
            return "长期"
        if self.deadline_month:
            return f"{self.deadline_month.year}年{self.deadline_month.month}月"
        return self.deadline_text or "未定"

    @staticmethod
    def deadline_fields(code: str | None) -> dict:
        """Model fields for a parser deadline code."""
        if code == "long-term":
            return {"is_long_term": True, "deadline_month": None, "deadline_text": ""}
        if code and len(code) == 7 and code[4] == "-" and code[:4].isdigit() and code[5:].isdigit():
            month = datetime.date(int(code[:4]), int(code[5:]), 1)
            return {"is_long_term": False, "deadline_month": month, "deadline_text": ""}
        return {"is_long_term": False, "deadline_month": None, "deadline_text": code or ""}


class Measure(SoftDeleteModel):
    """A work measure (举措) of a task, numbered within it."""

    UNIT_SCOPE = "assignments__unit_id"

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="measures")
    ordinal = models.PositiveIntegerField("序号", default=1)
    text = models.TextField("举措")

    class Meta:
        ordering = ["task", "ordinal", "id"]
        verbose_name = verbose_name_plural = "举措"

    def __str__(self) -> str:
        return f"{self.task} 举措{self.ordinal}"


class Assignment(SoftDeleteModel):
    """A unit's part in a measure: the lead unit (牵头) or a co-operating one (配合), with its contact."""

    UNIT_SCOPE = "unit_id"

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="assignments")
    is_lead = models.BooleanField("牵头", default=False)
    order = models.PositiveIntegerField(default=0)
    contact_person = models.CharField("责任人", max_length=50, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True)
    note = models.TextField("工作备注", blank=True)

    class Meta:
        ordering = ["measure", "order", "id"]
        verbose_name = verbose_name_plural = "责任分工"
        indexes = [models.Index(fields=["unit", "measure"])]

    def __str__(self) -> str:
        return f"{self.measure} · {self.unit}"


class Chain(SoftDeleteModel):
    """An industry chain (产业链) of the plan, or a future industry, with its task and lead unit."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="chains")
    name = models.CharField("产业链", max_length=50)
    category = models.CharField("类别", max_length=30, blank=True)
    is_future = models.BooleanField("未来产业", default=False)
    task = models.ForeignKey(Task, null=True, blank=True, on_delete=models.SET_NULL, related_name="chains")
    lead_unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="led_chains", verbose_name="牵头单位")
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["plan", "order", "id"]
        verbose_name = verbose_name_plural = "产业链"

    def __str__(self) -> str:
        return self.name


class ChainLink(models.Model):
    """A link of a chain (原油炼制 → 精细化工 → 新材料应用), or a weak link to fill (补链)."""

    chain = models.ForeignKey(Chain, on_delete=models.CASCADE, related_name="links")
    name = models.CharField("环节", max_length=50)
    is_weak = models.BooleanField("补链环节", default=False)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["chain", "is_weak", "order", "id"]
        verbose_name = verbose_name_plural = "产业链环节"

    def __str__(self) -> str:
        return self.name
