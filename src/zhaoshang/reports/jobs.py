"""Building a bulletin in the background: a django-tasks task, with a thread as fallback when no worker runs.

Production runs `zhaoshang db_worker` (django-tasks-db), which picks queued tasks from the database. When no
worker takes the job within a few seconds (the demo, a small install), the process that queued it runs
it in a thread. Either way `bulletin_run` first claims the job (queued → running in one UPDATE), so a job is
built once even if the worker and the thread both try.
"""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.jobs import job_enqueue, job_failed, job_heartbeat
from zhaoshang.reports.bulletin_data import bulletin_collect
from zhaoshang.reports.bulletin_docx import bulletin_docx
from zhaoshang.reports.bulletin_xlsx import bulletin_xlsx
from zhaoshang.reports.choices import JobStatus
from zhaoshang.reports.errors import BulletinError
from zhaoshang.reports.models import BulletinJob

logger = logging.getLogger(__name__)


def _progress(job_id: int, percent: int, message: str) -> None:
    job_heartbeat(BulletinJob, job_id, progress=percent, message=message)


def _claim(job_id: int) -> bool:
    return bool(BulletinJob.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, progress=5, message="正在汇总数据", started_at=timezone.now(), heartbeat_at=timezone.now()))


def bulletin_run(job_id: int) -> str:
    """Build the job's bulletin (Word) and workbook (Excel), reporting progress; "done", "failed" or "skipped"."""
    if not _claim(job_id):
        return "skipped"
    job = BulletinJob.objects.select_related("requested_by", "plan").get(pk=job_id)
    try:
        if job.plan is None or job.plan.is_deleted:
            raise BulletinError("该任务清单已删除，不能生成通报。")
        data = bulletin_collect(user=job.requested_by, period=job.period, plan=job.plan)
        _progress(job_id, 40, "正在生成Word通报")
        docx = bulletin_docx(data)
        _progress(job_id, 70, "正在生成Excel明细")
        xlsx = bulletin_xlsx(data)
        _progress(job_id, 90, "正在保存文件")
        with transaction.atomic():
            job.refresh_from_db()
            job.docx.save(f"bulletin-{job.period}-{job.pk}.docx", ContentFile(docx), save=False)
            job.xlsx.save(f"bulletin-{job.period}-{job.pk}.xlsx", ContentFile(xlsx), save=False)
            job.status, job.progress, job.finished_at = JobStatus.DONE, 100, timezone.now()
            job.message = f"已生成：红灯{len(data.red)}项，黄灯{len(data.yellow)}项，责任单位{len(data.ranking)}个。"
            job.save()
            audit_record(actor=job.requested_by, action="generate", obj=job, after=snapshot(job))
        return "done"
    except Exception as error:  # a job must end failed with a message, never stay "running"
        logger.exception("bulletin job %s failed", job_id)
        message = f"生成失败：{error}" if isinstance(error, BulletinError) else f"生成失败：系统错误（{type(error).__name__}），请联系管理员。"
        job_failed(job, failed=JobStatus.FAILED, message=message)
        return "failed"


@task()
def bulletin_task(job_id: int) -> str:
    return bulletin_run(job_id)


def bulletin_enqueue(job_id: int) -> None:
    """Queue the job; if no worker takes it, a thread of this process builds it (core.jobs)."""
    result_id = job_enqueue(bulletin_task, bulletin_run, job_id, name="bulletin")
    BulletinJob.objects.filter(pk=job_id).update(task_result_id=result_id)
