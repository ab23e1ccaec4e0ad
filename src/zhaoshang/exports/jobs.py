"""Writing a long list's export in the background: a django-tasks task, with a thread as fallback when no worker runs
(core.jobs). `export_run` first claims the job (queued → running in one UPDATE), so a job is written once."""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.jobs import job_enqueue, job_failed, job_heartbeat
from zhaoshang.exports.kinds import export_file
from zhaoshang.exports.models import ExportJob
from zhaoshang.reports.choices import JobStatus

logger = logging.getLogger(__name__)


def _claim(job_id: int) -> bool:
    return bool(ExportJob.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, progress=1, message="正在读取数据", started_at=timezone.now(), heartbeat_at=timezone.now()))


def _progress(job_id: int, written: int, total: int) -> None:
    percent = min(95, 1 + written * 94 // total) if total else 50
    job_heartbeat(ExportJob, job_id, progress=percent, rows=written, message=f"已写入{written}行，共{total}行")


def export_run(job_id: int) -> str:
    """Write the job's workbook, reporting progress; "done", "failed" or "skipped"."""
    if not _claim(job_id):
        return "skipped"
    job = ExportJob.objects.select_related("requested_by").get(pk=job_id)
    try:
        content, filename = export_file(job, lambda written, total: _progress(job_id, written, total))
        with transaction.atomic():
            job.refresh_from_db()
            job.file.save(f"export-{job.pk}.xlsx", ContentFile(content), save=False)
            job.filename, job.status, job.progress, job.finished_at = filename, JobStatus.DONE, 100, timezone.now()
            job.message = f"已生成，共{job.rows}行，请下载。"
            job.save()
            audit_record(actor=job.requested_by, action="generate", obj=job, after=snapshot(job))
        return "done"
    except Exception as error:  # a job must end failed with a message, never stay "running"
        logger.exception("export job %s failed", job_id)
        job_failed(job, failed=JobStatus.FAILED, message=f"导出失败：系统错误（{type(error).__name__}），请重试或联系管理员。")
        return "failed"


@task()
def export_task(job_id: int) -> str:
    return export_run(job_id)


def export_enqueue(job_id: int) -> None:
    """Queue the job; if no worker takes it, a thread of this process writes it (core.jobs)."""
    result_id = job_enqueue(export_task, export_run, job_id, name="export")
    ExportJob.objects.filter(pk=job_id).update(task_result_id=result_id)
