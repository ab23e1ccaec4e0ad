"""Writes of export jobs: a user asks for a long list's export; writing it is a job (`exports.jobs`). Files of jobs
older than KEEP_DAYS are removed when the next one is asked for."""

import datetime

from django.db import transaction
from django.utils import timezone

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.jobs import stale_jobs_fail
from zhaoshang.exports.models import ExportJob
from zhaoshang.reports.choices import JobStatus

SYNC_ROWS = 5_000  # a longer list is exported in the background: the project list writes ~3,000 rows a second here
KEEP_DAYS = 7
DOUBLE_CLICK = datetime.timedelta(minutes=2)


def export_is_long(rows) -> bool:
    """Whether the list (a queryset, or rows already read) has more than SYNC_ROWS rows; reads no more than that."""
    if isinstance(rows, list | tuple):
        return len(rows) > SYNC_ROWS
    return rows[SYNC_ROWS:SYNC_ROWS + 1].exists()


@transaction.atomic
def export_request(*, actor, kind: str, label: str, params: str, list_url: str) -> ExportJob:
    """Queue the export of one list for `actor` once the request commits; asking again for the same list while it is
    still being written (a double click) returns that job."""
    active = ExportJob.objects.filter(requested_by=actor, kind=kind, params=params, status__in=[JobStatus.QUEUED, JobStatus.RUNNING],
                                      created_at__gte=timezone.now() - DOUBLE_CLICK).first()
    if active is not None:
        return active
    exports_purge()
    job = ExportJob.objects.create(kind=kind, label=label, params=params, list_url=list_url, requested_by=actor,
                                   message="排队等待导出")
    audit_record(actor=actor, action="request", obj=job, after=snapshot(job))
    from zhaoshang.exports.jobs import export_enqueue  # jobs imports every list's writer; keep services light

    transaction.on_commit(lambda: export_enqueue(job.pk))
    return job


def exports_purge() -> int:
    """Remove the jobs (and their files) older than KEEP_DAYS; how many."""
    old = list(ExportJob.objects.filter(created_at__lt=timezone.now() - datetime.timedelta(days=KEEP_DAYS)))
    for job in old:
        if job.file:
            job.file.delete(save=False)
    ExportJob.objects.filter(pk__in=[job.pk for job in old]).delete()
    return len(old)


def export_jobs_recover() -> list[ExportJob]:
    """Fail, with a message, the export jobs whose runner died (core.jobs); the user exports again."""
    return stale_jobs_fail(ExportJob, active=(JobStatus.QUEUED, JobStatus.RUNNING), failed=JobStatus.FAILED,
                           advice="请重新导出。")
