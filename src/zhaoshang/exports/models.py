"""Export jobs: a list too long to download at once (more than SYNC_ROWS rows) is written in the background, with
its progress, and kept for its requester to download."""

from django.conf import settings
from django.db import models

from zhaoshang.core.models import BackgroundJob
from zhaoshang.plans.storage import private_storage
from zhaoshang.reports.choices import JobStatus


class ExportJob(BackgroundJob):
    """One export of one list (`kind`, with the list's query string as `params`), for the user who asked."""

    kind = models.CharField("导出内容", max_length=60)
    label = models.CharField("名称", max_length=100)
    params = models.TextField("筛选条件", blank=True)  # the list's query string, as the page had it
    list_url = models.CharField("列表地址", max_length=200)  # the list's page, without its query string
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name="申请人")
    status = models.CharField("状态", max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    progress = models.PositiveSmallIntegerField("进度(%)", default=0)
    message = models.CharField("说明", max_length=300, blank=True)
    file = models.FileField("文件", storage=private_storage, upload_to="exports/%Y/%m/", blank=True)
    filename = models.CharField("文件名", max_length=200, blank=True)
    rows = models.PositiveIntegerField("行数", default=0)
    created_at = models.DateTimeField("申请时间", auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["requested_by", "created_at"], name="export_by_user")]
        verbose_name = verbose_name_plural = "导出任务"

    def __str__(self) -> str:
        return f"{self.label}导出"

    @property
    def is_active(self) -> bool:
        return self.status in (JobStatus.QUEUED, JobStatus.RUNNING)
