"""Writes on import jobs: upload a workbook, confirm it (all rows, or explicitly only the good ones), discard it.

Each starts the job's next step (`jobs.import_job_start`): inline for a small file, in the background with
progress for a large one.
"""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from zhaoshang.core.audit import audit_record
from zhaoshang.core.excel_import.columns import ImportSpec
from zhaoshang.core.excel_import.errors import ExcelImportError
from zhaoshang.core.excel_import.models import ImportJob, ImportStatus
from zhaoshang.core.excel_import.workbook import check_file
from zhaoshang.core.services import PermissionDenied


def spec_for(kind: str, actor) -> ImportSpec:
    """The ImportSpec of importer `kind` (a dotted path to `factory(*, actor)`), built for `actor`; the factory
    refuses (PermissionDenied) an actor who may not import."""
    if not kind.startswith("zhaoshang."):
        raise ValueError(f"unknown importer {kind!r}")
    return import_string(kind)(actor=actor)


def import_job_create(*, actor, kind: str, filename: str, data: bytes, sheet: str = "", start: bool = True) -> ImportJob:
    """Keep an uploaded workbook and validate it (at once if small, else in the background); nothing is saved yet.
    A file that is not a readable workbook is refused here, before it is kept."""
    spec = spec_for(kind, actor)
    check_file(data, filename)
    with transaction.atomic():
        job = ImportJob(kind=kind, title=spec.title, requested_by=actor, filename=filename[:200], sheet=sheet.strip()[:100],
                        message="排队等待校验")
        suffix = next((s for s in (".xlsx", ".xlsm", ".xls") if filename.lower().endswith(s)), ".xlsx")
        job.file.save(f"import-{timezone.now():%Y%m%d%H%M%S}{suffix}", ContentFile(data), save=False)
        job.save()
        audit_record(actor=actor, action="upload", obj=job, after=job.audit_fields())
    if start:
        from zhaoshang.core.excel_import.jobs import import_job_start  # jobs imports the engine; keep services light

        import_job_start(job)
        job.refresh_from_db()
    return job


def import_job_confirm(*, job: ImportJob, actor, good_rows_only: bool = False, start: bool = True) -> ImportJob:
    """The uploader confirms a validated file: all rows (only when none has an error), or only the good rows when
    chosen explicitly. The rows kept at validation are checked again against the database when saved; nothing is
    saved twice."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job.pk)
        if job.requested_by_id != actor.pk:
            raise PermissionDenied("只能由上传人确认导入")
        if job.status != ImportStatus.CHECKED:
            raise ExcelImportError(f"该文件当前状态为“{job.get_status_display()}”，不能确认导入。")
        if job.good_rows == 0:
            raise ExcelImportError("没有可以导入的行。")
        if job.bad_rows and not good_rows_only:
            raise ExcelImportError(f"有{job.bad_rows}行存在错误：请修改后重新上传，或明确选择“仅导入无误的{job.good_rows}行”。")
        job.status, job.good_rows_only, job.progress, job.message = ImportStatus.CONFIRMED, good_rows_only, 0, "排队等待导入"
        job.save(update_fields=["status", "good_rows_only", "progress", "message"])
        audit_record(actor=actor, action="confirm", obj=job, after=job.audit_fields())
    if start:
        from zhaoshang.core.excel_import.jobs import import_job_start

        import_job_start(job)
        job.refresh_from_db()
    return job


@transaction.atomic
def import_job_discard(*, job: ImportJob, actor) -> ImportJob:
    """The uploader drops a file that was not imported."""
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if job.requested_by_id != actor.pk:
        raise PermissionDenied("只能由上传人放弃导入")
    if job.status not in (ImportStatus.CHECKED, ImportStatus.FAILED):
        raise ExcelImportError(f"该文件当前状态为“{job.get_status_display()}”，不能放弃。")
    job.status, job.message = ImportStatus.DISCARDED, "已放弃，未导入任何数据。"
    job.save(update_fields=["status", "message"])
    audit_record(actor=actor, action="discard", obj=job, after=job.audit_fields())
    return job
