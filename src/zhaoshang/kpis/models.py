"""Indicators computed from data (目标指标) and the values units report for the rest.

An indicator belongs to a target of a plan. Project kinds count or sum the pipeline under a filter (chains, tags,
channel, minimum amount, stage reached in the calendar year, terminated projects excluded); a per-chain or
per-item target is a parent with one child per chain or item. Registry kinds count rows of a registry the platform
keeps (registries.py): new in the year or in place on the day, under a filter on the registry's columns. Reported values and milestones come from KpiValue rows the office confirms."""

from django.conf import settings
from django.db import models

from zhaoshang.accounts.models import Unit
from zhaoshang.core.models import RestrictedQuerySet, SoftDeleteModel
from zhaoshang.kpis.choices import CountStage, Kind, Period, RegistryMode, SuggestionStatus, ValueStatus
from zhaoshang.plans.choices import Comparator
from zhaoshang.plans.models import Chain, Indicator, Measure, Plan, Target
from zhaoshang.plans.storage import private_storage
from zhaoshang.projects.choices import Channel
from zhaoshang.projects.models import Tag


class Kpi(SoftDeleteModel):
    """One checkable figure of a target: its goal, what counts towards it, its due date."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="kpis")
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="kpis")
    source = models.ForeignKey(Indicator, null=True, blank=True, on_delete=models.SET_NULL, related_name="kpis",
                               verbose_name="解析来源")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    measure = models.ForeignKey(Measure, null=True, blank=True, on_delete=models.SET_NULL, related_name="kpis",
                                verbose_name="所属举措", help_text="从举措中的数字设立的指标")
    text = models.CharField("指标", max_length=300)
    split_label = models.CharField("分项", max_length=50, blank=True, help_text="分项指标的名称：产业链或分项")
    kind = models.CharField("类型", max_length=16, choices=Kind.choices)
    goal = models.DecimalField("目标值", max_digits=16, decimal_places=4)
    unit = models.CharField("计量单位", max_length=10, blank=True)
    comparator = models.CharField("比较", max_length=10, choices=Comparator.choices, default=Comparator.AT_LEAST)
    year = models.PositiveIntegerField("统计年度")
    due_on = models.DateField("完成时限", null=True, blank=True, help_text="空：取任务时限，长期任务取年底")
    period = models.CharField("周期", max_length=10, choices=Period.choices, blank=True,
                              help_text="周期性指标（如“每月1次”）：目标值为每期的数量，每期分别计")
    # what counts (project kinds)
    stage = models.CharField("计入阶段", max_length=12, choices=CountStage.choices, default=CountStage.SIGNED)
    chains = models.ManyToManyField(Chain, blank=True, related_name="kpis", verbose_name="产业链")
    tags = models.ManyToManyField(Tag, blank=True, related_name="kpis", verbose_name="标签（任一）")
    channel = models.CharField("招引渠道", max_length=10, choices=Channel.choices, blank=True)
    channel_detail = models.CharField("渠道说明包含", max_length=100, blank=True, help_text="如某个国企、平台或基金的名称")
    min_amount_wan = models.DecimalField("计划总投资下限(万元)", max_digits=16, decimal_places=2, null=True, blank=True)
    # registry kinds
    registry = models.CharField("登记来源", max_length=30, blank=True)
    registry_mode = models.CharField("计数方式", max_length=8, choices=RegistryMode.choices, default=RegistryMode.NEW)
    registry_filter = models.JSONField("筛选条件", default=dict, blank=True,
                                       help_text="登记来源的筛选列 → 值，如 {\"level\": \"national\"}")
    registry_sum = models.CharField("合计列", max_length=40, blank=True,
                                    help_text="空：计条数；填登记来源的数值列（如输送人数）则合计该列")
    # growth kinds: last year's figure, as the office entered or imported it
    baseline = models.DecimalField("上年基数", max_digits=16, decimal_places=4, null=True, blank=True)
    baseline_source = models.CharField("基数来源", max_length=200, blank=True)
    # reported values and milestones: the unit that reports it
    reporting_unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="kpis",
                                       verbose_name="报送单位")
    order = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["plan", "target__order", "order", "id"]
        verbose_name = verbose_name_plural = "目标指标"

    def __str__(self) -> str:
        return f"{self.text}（{self.split_label}）" if self.split_label else self.text


class KpiValue(models.Model):
    """A value a unit reported for an indicator (or a milestone reached: value 1), with evidence; history kept."""

    UNIT_SCOPE = "kpi__reporting_unit_id"

    kpi = models.ForeignKey(Kpi, on_delete=models.CASCADE, related_name="values")
    value = models.DecimalField("数值", max_digits=16, decimal_places=4)
    as_of = models.DateField("数据截至日期")
    note = models.CharField("说明", max_length=500, blank=True)
    evidence = models.FileField("佐证材料", storage=private_storage, upload_to="kpi-evidence/%Y/%m/", blank=True)
    status = models.CharField("状态", max_length=10, choices=ValueStatus.choices, default=ValueStatus.SUBMITTED)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(auto_now_add=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.CharField("审核意见", max_length=300, blank=True)

    objects = models.Manager.from_queryset(RestrictedQuerySet)()

    class Meta:
        ordering = ["kpi", "-as_of", "-id"]
        verbose_name = verbose_name_plural = "指标报送值"
        indexes = [models.Index(fields=["kpi", "status", "as_of"])]

    def __str__(self) -> str:
        return f"{self.kpi} {self.value} ({self.as_of})"


class KpiSuggestion(models.Model):
    """A number found inside a measure's text ("2025年定向输送20名以上…"), proposed as an indicator with a first guess of
    what counts; the office accepts it (an indicator is made, possibly edited) or discards it. Kept across notice
    revisions by measure and words, so a decision is never asked twice."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="kpi_suggestions")
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="kpi_suggestions", verbose_name="举措")
    text = models.CharField("原文", max_length=300)
    kind = models.CharField("类型", max_length=16, choices=Kind.choices)
    goal = models.DecimalField("目标值", max_digits=16, decimal_places=4)
    unit = models.CharField("计量单位", max_length=10, blank=True)
    comparator = models.CharField("比较", max_length=10, choices=Comparator.choices, default=Comparator.AT_LEAST)
    year = models.PositiveIntegerField("统计年度")
    period = models.CharField("周期", max_length=10, choices=Period.choices, blank=True)
    registry = models.CharField("登记来源", max_length=30, blank=True)
    registry_filter = models.JSONField("筛选条件", default=dict, blank=True)
    registry_sum = models.CharField("合计列", max_length=40, blank=True)
    channel = models.CharField("招引渠道", max_length=10, choices=Channel.choices, blank=True)
    status = models.CharField("状态", max_length=10, choices=SuggestionStatus.choices, default=SuggestionStatus.PENDING)
    kpi = models.ForeignKey(Kpi, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                            verbose_name="采纳为指标")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = models.Manager.from_queryset(RestrictedQuerySet)()

    class Meta:
        ordering = ["measure__task__sort_key", "measure__ordinal", "id"]
        verbose_name = verbose_name_plural = "建议指标"
        constraints = [models.UniqueConstraint(fields=["measure", "text"], name="kpi_suggestion_once")]

    def __str__(self) -> str:
        return self.text
