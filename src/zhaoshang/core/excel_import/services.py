"""Writes on import jobs: upload a workbook, confirm it (all rows, or explicitly only the good ones), discard it,
find the jobs whose worker died (`import_jobs_recover`) and retry a failed one from the start.

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
from zhaoshang.core.excel_import.models import ACTIVE, ImportJob, ImportStatus
from zhaoshang.core.jobs import stale_jobs_fail
from zhaoshang.core.permissions import OFFICE, role_of
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
    return _started(job) if start else job


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
        job.heartbeat_at = timezone.now()
        job.save(update_fields=["status", "good_rows_only", "progress", "message", "heartbeat_at"])
        audit_record(actor=actor, action="confirm", obj=job, after=job.audit_fields())
    if start:
        from zhaoshang.core.excel_import.jobs import import_job_start

        import_job_start(job)
        job.refresh_from_db()
    return job


def _owner_or_office(job: ImportJob, actor, what: str) -> None:
    if job.requested_by_id != actor.pk and role_of(actor) != OFFICE:
        raise PermissionDenied(f"只能由上传人或招商办{what}")


@transaction.atomic
def import_job_discard(*, job: ImportJob, actor) -> ImportJob:
    """The uploader (or the office, for a failed job) drops a file that was not imported."""
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if job.requested_by_id != actor.pk and not (job.status == ImportStatus.FAILED and role_of(actor) == OFFICE):
        raise PermissionDenied("只能由上传人放弃导入（失败的导入也可由招商办放弃）")
    if job.status not in (ImportStatus.CHECKED, ImportStatus.FAILED):
        raise ExcelImportError(f"该文件当前状态为“{job.get_status_display()}”，不能放弃。")
    job.status, job.message = ImportStatus.DISCARDED, "已放弃，未导入任何数据。"
    job.save(update_fields=["status", "message"])
    audit_record(actor=actor, action="discard", obj=job, after=job.audit_fields())
    return job


def import_jobs_recover() -> list[ImportJob]:
    """Fail, with a message and an audit entry, the active jobs whose worker died (no heartbeat for
    JOB_STALE_MINUTES, core.jobs). The job pages call this before showing jobs."""
    def audit(job):
        audit_record(actor=job.requested_by, action="import_failed", obj=job, after=job.audit_fields())

    return stale_jobs_fail(ImportJob, active=ACTIVE, failed=ImportStatus.FAILED, on_failed=audit)


def import_job_retry(*, job: ImportJob, actor, start: bool = True) -> ImportJob:
    """The uploader or the office runs a failed job again from the start: the kept file is checked again (against
    the database as it is now, so rows a crashed "good rows only" import had already saved show up as such) and
    waits for a new confirmation. An all-or-nothing import that crashed saved nothing (one transaction)."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job.pk)
        _owner_or_office(job, actor, "重试导入")
        if job.status != ImportStatus.FAILED:
            raise ExcelImportError(f"该文件当前状态为“{job.get_status_display()}”，只有失败的导入可以重试。")
        job.status, job.progress, job.message = ImportStatus.QUEUED, 0, "排队等待重新校验"
        job.total_rows = job.bad_rows = job.saved_rows = 0
        job.errors, job.ignored_headers, job.error_file, job.checked_file = [], [], "", ""
        job.started_at = job.finished_at = None
        job.heartbeat_at = timezone.now()
        job.save()
        audit_record(actor=actor, action="retry", obj=job, after=job.audit_fields())
    return _started(job) if start else job


def _started(job: ImportJob) -> ImportJob:
    """Queue the job's check and return it as it stands after (the immediate backend has run it already)."""
    from zhaoshang.core.excel_import.jobs import import_job_start  # jobs imports the engine; keep services light

    import_job_start(job)
    job.refresh_from_db()
    return job
