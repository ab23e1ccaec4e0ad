"""`/healthz` for the proxy and monitoring: no log-in, no session, two cheap queries, no versions or paths.

200 while the database answers: "ok", or "degraded" when queued background tasks have waited longer than
STALE_SECONDS (the `db_worker` is stuck or absent; small installs without a worker still work, the queuing
process runs the job in a thread). 503 with "fail" when the database does not answer.
"""

import datetime
import logging

from django.db import DatabaseError, connection
from django.db.models import Q
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

STALE_SECONDS = 300


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.exception("healthz: database check failed")
        return False


def _worker_state() -> str:
    """"ok", or "stalled" when a queued task has been ready for longer than STALE_SECONDS."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    cutoff = timezone.now() - datetime.timedelta(seconds=STALE_SECONDS)
    # waiting since the later of enqueued_at and run_after (run_after is the far future for "as soon as possible")
    stale = (DBTaskResult.objects.ready().filter(enqueued_at__lt=cutoff)
             .filter(Q(run_after__lt=cutoff) | Q(run_after=get_date_max())).exists())
    return "stalled" if stale else "ok"


@never_cache
@require_safe
def healthz(request):
    if not _database_ok():
        return JsonResponse({"status": "fail", "database": "fail", "worker": "unknown"}, status=503)
    try:
        worker = _worker_state()
    except DatabaseError:  # e.g. the task table is missing before `migrate`
        logger.exception("healthz: worker check failed")
        worker = "unknown"
    status = "ok" if worker == "ok" else "degraded"
    return JsonResponse({"status": status, "database": "ok", "worker": worker})
