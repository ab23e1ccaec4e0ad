"""A target mark (目标企业): the office picked a ranked enterprise for a chain's link, and maybe made it a lead.

Imported at the end of targeting/models.py so that Django finds the model in the targeting app."""

from django.conf import settings
from django.db import models

from zhaoshang.core.models import RestrictedQuerySet


class MarkStatus(models.TextChoices):
    MARKED = "marked", "目标企业"
    LEAD = "lead", "已转线索"
    DROPPED = "dropped", "已放弃"


LIVE_STATUSES = (MarkStatus.MARKED, MarkStatus.LEAD)  # what the boards count as targets


class TargetMark(models.Model):
    """An enterprise marked as a target of a chain (at one of its links), with the score and reasons it had then,
    and the project lead it became. One mark per enterprise and chain: marking again revives or moves it."""

    enterprise = models.ForeignKey("projects.Enterprise", on_delete=models.PROTECT, related_name="target_marks",
                                   verbose_name="企业")
    chain = models.ForeignKey("plans.Chain", on_delete=models.CASCADE, related_name="target_marks", verbose_name="产业链")
    link = models.ForeignKey("plans.ChainLink", null=True, blank=True, on_delete=models.SET_NULL, related_name="target_marks",
                             verbose_name="产业链环节")
    score = models.PositiveIntegerField("匹配得分", default=0)
    reasons = models.JSONField("匹配理由", default=list, blank=True)
    status = models.CharField("状态", max_length=10, choices=MarkStatus.choices, default=MarkStatus.MARKED)
    project = models.ForeignKey("projects.Project", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                verbose_name="线索项目")
    note = models.CharField("说明", max_length=200, blank=True)
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="标记人")
    marked_at = models.DateTimeField("标记时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = models.Manager.from_queryset(RestrictedQuerySet)()

    class Meta:
        ordering = ["-marked_at", "-id"]
        verbose_name = verbose_name_plural = "目标企业"
        constraints = [models.UniqueConstraint(fields=["enterprise", "chain"], name="one_target_mark_per_chain")]
        indexes = [models.Index(fields=["chain", "status", "link"], name="target_mark_chain")]

    def __str__(self) -> str:
        return f"{self.enterprise}（{self.chain}）"
