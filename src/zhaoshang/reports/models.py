"""Bulletin jobs: a request to build one month's bulletin (通报), its progress and the files it produced."""

from django.conf import settings
from django.db import models

from zhaoshang.core.models import BackgroundJob
from zhaoshang.plans.models import Plan
from zhaoshang.plans.storage import private_storage
from zhaoshang.reports.choices import JobStatus


class BulletinJob(BackgroundJob):
    """One bulletin for one period ("2025-09"), built in the background; the files are kept in private storage."""

    period = models.CharField("通报期", max_length=7)
    plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="任务清单")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="申请人")
    status = models.CharField("状态", max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    progress = models.PositiveSmallIntegerField("进度(%)", default=0)
    message = models.CharField("说明", max_length=300, blank=True)
    docx = models.FileField("通报(Word)", storage=private_storage, upload_to="bulletins/%Y/%m/", blank=True)
    xlsx = models.FileField("明细(Excel)", storage=private_storage, upload_to="bulletins/%Y/%m/", blank=True)
    created_at = models.DateTimeField("申请时间", auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = verbose_name_plural = "通报生成任务"

    def __str__(self) -> str:
        return f"{self.period_label}通报"

    @property
    def period_label(self) -> str:
        year, month = self.period.split("-")
        return f"{year}年{int(month)}月"

    @property
    def is_active(self) -> bool:
        return self.status in (JobStatus.QUEUED, JobStatus.RUNNING)

    def filename(self, kind: str) -> str:
        name = "招商引资工作任务清单落实情况通报" if kind == "docx" else "招商引资工作任务清单落实情况明细"
        return f"{name}（{self.period_label}）.{kind}"


class OfficialDocSettings(models.Model):
    """How the office's documents (通报, 督办单, 会议纪要) are headed and addressed under GB/T 9704: one row, set by the office."""

    issuer = models.CharField("发文机关", max_length=100, blank=True, help_text="空：取督办办公室所在单位的名称")
    red_header = models.BooleanField("使用红头", default=True, help_text="文首以红色套印发文机关标志，其下加红色分隔线")
    header_text = models.CharField("发文机关标志", max_length=100, blank=True,
                                   help_text="红头文字，如“招商引资工作通报”；空：取发文机关名称")
    number_pattern = models.CharField("文号格式", max_length=60, blank=True,
                                      help_text="如“招商办〔{year}〕{seq}号”：{year} 年份，{seq} 本年序号；空：不标文号")
    issue_pattern = models.CharField("期号格式", max_length=60, default="{year}年第{seq}期",
                                     help_text="通报的期号，如“{year}年第{seq}期”或“第{seq}期”")
    main_to = models.CharField("主送", max_length=300, blank=True, default="各责任单位")
    copy_to = models.CharField("抄送", max_length=300, blank=True, help_text="如“市委办公室，市政府办公室”")
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "公文格式设置"

    def __str__(self) -> str:
        return "公文格式设置"
