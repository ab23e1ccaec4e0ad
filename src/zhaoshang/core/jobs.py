"""Running a background job: a django-tasks task, with a thread as fallback when no worker takes it.

Production runs `zhaoshang db_worker` (django-tasks-db), which picks queued tasks from the database. When no
worker takes the job within `grace` seconds (the demo, a small install), the process that queued it runs it in
a thread. The runner must claim its job first (queued → running in one UPDATE), so a job runs once even if the
worker and the thread both try.
"""

import threading
import time
from collections.abc import Callable

from django.db import connections

WORKER_GRACE_SECONDS = 3.0


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
