"""An upload being imported: the file, who uploaded it, the validation report, the save, and progress throughout."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models

from zhaoshang.core.models import BackgroundJob


def private_storage() -> FileSystemStorage:
    """Uploaded workbooks and error reports live outside the web root and are served only through views."""
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "排队校验"
    CHECKING = "checking", "校验中"
    CHECKED = "checked", "待确认"
    CONFIRMED = "confirmed", "排队导入"
    SAVING = "saving", "导入中"
    DONE = "done", "已导入"
    FAILED = "failed", "失败"
    DISCARDED = "discarded", "已放弃"


ACTIVE = (ImportStatus.QUEUED, ImportStatus.CHECKING, ImportStatus.CONFIRMED, ImportStatus.SAVING)


class ImportJob(BackgroundJob):
    """One uploaded workbook for one importer (`kind`: the dotted path of the function that builds its ImportSpec)."""

    kind = models.CharField("导入类型", max_length=100)
    title = models.CharField("名称", max_length=50)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="上传人")
    file = models.FileField("文件", storage=private_storage, upload_to="imports/%Y/%m/")
    filename = models.CharField("文件名", max_length=200)
    sheet = models.CharField("工作表", max_length=100, blank=True)
    status = models.CharField("状态", max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    good_rows_only = models.BooleanField("仅导入无误的行", default=False)
    progress = models.PositiveSmallIntegerField("进度(%)", default=0)
    message = models.CharField("说明", max_length=500, blank=True)
    total_rows = models.PositiveIntegerField("数据行数", default=0)
    bad_rows = models.PositiveIntegerField("错误行数", default=0)
    saved_rows = models.PositiveIntegerField("已导入行数", default=0)
    errors = models.JSONField("错误（前若干条）", default=list, blank=True)
    ignored_headers = models.JSONField("未识别的列", default=list, blank=True)
    error_file = models.FileField("错误报告", storage=private_storage, upload_to="imports/%Y/%m/", blank=True)
    checked_file = models.FileField("校验结果", storage=private_storage, upload_to="imports/%Y/%m/", blank=True)  # stored.py
    created_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        app_label = "core"
        ordering = ["-created_at", "-id"]
        verbose_name = verbose_name_plural = "Excel导入"
        indexes = [models.Index(fields=["requested_by", "kind", "created_at"], name="importjob_owner_kind")]

    def __str__(self) -> str:
        return f"{self.title}：{self.filename}"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE

    @property
    def good_rows(self) -> int:
        return self.total_rows - self.bad_rows

    @property
    def can_confirm(self) -> bool:
        return self.status == ImportStatus.CHECKED and self.good_rows > 0

    def audit_fields(self) -> dict:
        """What the audit log keeps of a job (files as their stored names)."""
        return {"kind": self.kind, "filename": self.filename, "file": self.file.name or None, "sheet": self.sheet,
                "status": self.status, "good_rows_only": self.good_rows_only, "total_rows": self.total_rows,
                "bad_rows": self.bad_rows, "saved_rows": self.saved_rows, "error_file": self.error_file.name or None,
                "checked_file": self.checked_file.name or None, "message": self.message}
