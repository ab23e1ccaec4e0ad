"""Running an import job: validate the workbook and keep the checked rows, or (once confirmed) check the kept rows
again against the database and save them, a chunk at a time, with progress.

A small file runs inline in the request; a large one runs as a django-tasks task (core.jobs: a worker, or a
thread when none takes it), while the page polls the job's progress.
"""

import logging
import tempfile
import time

from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from zhaoshang.core.audit import audit_record
from zhaoshang.core.excel_import.error_sheet import error_workbook
from zhaoshang.core.excel_import.errors import ExcelImportError
from zhaoshang.core.excel_import.models import ImportJob, ImportStatus
from zhaoshang.core.excel_import.save import save_report
from zhaoshang.core.excel_import.services import spec_for
from zhaoshang.core.excel_import.stored import load_rows, store_rows
from zhaoshang.core.excel_import.validate import ImportReport, validate_rows
from zhaoshang.core.excel_import.workbook import read_sheet
from zhaoshang.core.jobs import HEARTBEAT_SECONDS, job_enqueue, job_heartbeat

logger = logging.getLogger(__name__)
INLINE_BYTES = 256 * 1024  # up to ~2,000 ledger rows: validated while the upload request waits
INLINE_ROWS = 2000
ERRORS_KEPT = 200
CLAIMS = {ImportStatus.QUEUED: ImportStatus.CHECKING, ImportStatus.CONFIRMED: ImportStatus.SAVING}


def import_job_start(job: ImportJob) -> None:
    """Run the job's next step now if it is small, else queue it once the current transaction commits."""
    small = job.total_rows <= INLINE_ROWS if job.status == ImportStatus.CONFIRMED else job.file.size <= INLINE_BYTES
    if small:
        import_run(job.pk)
    else:
        transaction.on_commit(lambda: _enqueue(job.pk))


def _enqueue(job_id: int) -> None:
    result_id = job_enqueue(import_task, import_run, job_id, name="import")
    ImportJob.objects.filter(pk=job_id).update(task_result_id=result_id)


@task()
def import_task(job_id: int) -> str:
    return import_run(job_id)


class _Progress:
    """Maps rows done onto a span of the progress bar; writes (with the heartbeat) when the percentage changes, and
    at least every HEARTBEAT_SECONDS while rows are done, so a slow but live job never looks dead."""

    def __init__(self, job_id: int, start: int, end: int, message: str):
        self.job_id, self.start, self.end, self.message, self.last, self.beat = job_id, start, end, message, -1, 0.0

    def __call__(self, done: int, total: int) -> None:
        percent = self.start + (self.end - self.start) * done // max(total, 1)
        if percent != self.last or time.monotonic() - self.beat > HEARTBEAT_SECONDS:
            self.last, self.beat = percent, time.monotonic()
            job_heartbeat(ImportJob, self.job_id, progress=percent, message=f"{self.message}（{done}/{total}）")


def import_run(job_id: int) -> str:
    """Claim and run the job's queued step; "checked", "done", "failed" or "skipped" (taken by someone else)."""
    job = ImportJob.objects.select_related("requested_by").filter(pk=job_id, status__in=list(CLAIMS)).first()
    if job is None or not ImportJob.objects.filter(pk=job_id, status=job.status).update(
            status=CLAIMS[job.status], progress=1, started_at=timezone.now(), heartbeat_at=timezone.now(), message="正在读取文件"):
        return "skipped"
    saving = job.status == ImportStatus.CONFIRMED
    job.status = CLAIMS[job.status]
    try:
        spec = spec_for(job.kind, job.requested_by)
        if saving:
            return _save(job, _restored(job, spec))
        sheet = read_sheet(_workbook(job), spec, sheet_name=job.sheet, filename=job.filename)
        with tempfile.TemporaryFile() as kept:
            report = store_rows(spec, sheet, kept, _Progress(job_id, 2, 95, "正在校验"))
            kept.seek(0)
            job.checked_file.save(f"import-{job.pk}-checked.jsonl.gz", File(kept), save=False)
        return _checked(job, report, message=report.summary())
    except ExcelImportError as error:
        return _failed(job, str(error))
    except Exception as error:  # a job must end with a message, never stay running
        logger.exception("import job %s failed", job_id)
        return _failed(job, f"系统错误（{type(error).__name__}），请联系管理员。")


def _workbook(job: ImportJob) -> bytes:
    with job.file.open("rb") as handle:
        return handle.read()


def _restored(job: ImportJob, spec) -> ImportReport:
    """The rows kept at validation, checked again against the database a chunk at a time as they are saved. The
    workbook is read again only for an error report, or to validate it again if it was checked before rows were
    kept."""
    def load_sheet():
        return read_sheet(_workbook(job), spec, sheet_name=job.sheet, filename=job.filename)

    if not job.checked_file:
        return validate_rows(spec, load_sheet(), _Progress(job.pk, 2, 5, "正在校验"))
    return load_rows(spec, lambda: job.checked_file.open("rb"), load_sheet)


def _counts(job: ImportJob, report: ImportReport) -> None:
    job.total_rows, job.bad_rows = report.total, len(report.bad_rows)
    job.errors = report.error_messages(limit=ERRORS_KEPT)
    job.ignored_headers = report.ignored_headers
    if job.bad_rows:
        job.error_file.save(f"import-{job.pk}-errors.xlsx", ContentFile(error_workbook(report)), save=False)


def _checked(job: ImportJob, report: ImportReport, message: str) -> str:
    _counts(job, report)
    job.status, job.progress, job.message, job.finished_at = ImportStatus.CHECKED, 100, message[:500], timezone.now()
    job.save()
    audit_record(actor=job.requested_by, action="validate", obj=job, after=job.audit_fields())
    return "checked"


def _save(job: ImportJob, report: ImportReport) -> str:
    result = save_report(report, good_rows_only=job.good_rows_only, progress=_Progress(job.pk, 5, 99, "正在导入"))
    if result.saved == 0:
        return _checked(job, report, result.message)
    job.total_rows, job.bad_rows, job.saved_rows = report.total, len(result.failed), result.saved
    job.errors = [message for row in result.failed for message in row.messages()][:ERRORS_KEPT]
    if result.failed:
        job.error_file.save(f"import-{job.pk}-not-imported.xlsx", ContentFile(error_workbook(report, failed=result.failed)),
                            save=False)
    else:
        job.error_file = ""
    job.status, job.progress, job.message, job.finished_at = ImportStatus.DONE, 100, result.message, timezone.now()
    job.save()
    audit_record(actor=job.requested_by, action="import", obj=job, after=job.audit_fields())
    return "done"


def _failed(job: ImportJob, message: str) -> str:
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.FAILED, message=message[:500], finished_at=timezone.now())
    job.refresh_from_db()
    audit_record(actor=job.requested_by, action="import_failed", obj=job, after=job.audit_fields())
    return "failed"
