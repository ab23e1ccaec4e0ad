"""Running a background job: a django-tasks task, with a thread as fallback when no worker takes it.

Production runs `zhaoshang db_worker` (django-tasks-db), which picks queued tasks from the database. When no
worker takes the job within `grace` seconds (the demo, a small install), the process that queued it runs it in
a thread. The runner must claim its job first (queued → running in one UPDATE), so a job runs once even if the
worker and the thread both try.

A job whose runner died (the process was killed, the machine restarted) must not stay "running" for ever: every job
model with a `heartbeat_at` field has it set when it is queued, claimed and whenever its progress moves
(`job_heartbeat`); `stale_jobs_fail` marks failed, with a message, the active jobs without a sign of life for
`JOB_STALE_MINUTES` (a setting, default 10). A runner that is alive but slow beats at least every
`HEARTBEAT_SECONDS`, so only a dead one goes quiet that long. The job pages call it before showing jobs.
"""

import datetime
import threading
import time
from collections.abc import Callable, Iterable

from django.conf import settings
from django.db import connections
from django.utils import timezone

from zhaoshang.core.audit import audit_record, snapshot

WORKER_GRACE_SECONDS = 3.0
HEARTBEAT_SECONDS = 30
STALE_MESSAGE = "后台任务中断（服务重启或进程退出），{minutes}分钟内没有任何进展，已标记为失败；{advice}"


def stale_minutes() -> int:
    return int(getattr(settings, "JOB_STALE_MINUTES", 10))


def job_heartbeat(model, job_id: int, **fields) -> int:
    """Record that the job's runner is alive (and update `fields`, e.g. progress) in one UPDATE."""
    return model.objects.filter(pk=job_id).update(heartbeat_at=timezone.now(), **fields)


def stale_jobs_fail(model, *, active: Iterable[str], failed: str, advice: str = "请重试或放弃。",
                    on_failed: Callable | None = None) -> list:
    """Fail the jobs of `model` in an `active` status whose last heartbeat is older than JOB_STALE_MINUTES.

    Each job is failed by a conditional UPDATE (still that status, still quiet), so a runner that beats at the
    same moment wins and nothing it wrote is overwritten. `on_failed(job)` runs for each job failed (the audit)."""
    now = timezone.now()
    cutoff = now - datetime.timedelta(minutes=stale_minutes())
    message = STALE_MESSAGE.format(minutes=stale_minutes(), advice=advice)
    done = []
    for job in model.objects.filter(status__in=list(active), heartbeat_at__lt=cutoff):
        if model.objects.filter(pk=job.pk, status=job.status, heartbeat_at__lt=cutoff).update(
                status=failed, message=message, finished_at=now):
            job.refresh_from_db()
            if on_failed:
                on_failed(job)
            done.append(job)
    return done


def job_failed(job, *, failed: str, message: str) -> None:
    """End `job` (a model row with `requested_by`) in its `failed` status with `message` for its page, and audit it: a
    job whose run raised must never stay "running"."""
    type(job).objects.filter(pk=job.pk).update(status=failed, message=message[:300], finished_at=timezone.now())
    job.refresh_from_db()
    audit_record(actor=job.requested_by, action="generate_failed", obj=job, after=snapshot(job))


def _run_unless_taken(run: Callable[[int], object], job_id: int, grace: float) -> None:
    try:
        time.sleep(grace)
        run(job_id)
    finally:
        connections.close_all()


def job_enqueue(task, run: Callable[[int], object], job_id: int, *, name: str, grace: float = WORKER_GRACE_SECONDS) -> str:
    """Queue `task(job_id)`; unless it finished at once (the immediate backend), a thread runs `run(job_id)` after
    `grace` seconds, which does nothing if a worker has claimed the job meanwhile. Returns the task result id."""
    result = task.enqueue(job_id)
    if not result.is_finished:
        threading.Thread(target=_run_unless_taken, args=(run, job_id, grace), name=f"{name}-{job_id}", daemon=True).start()
    return str(result.id)[:64]
