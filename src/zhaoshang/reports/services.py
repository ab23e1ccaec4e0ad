"""Writes of the reports app: the office requests a bulletin; building it is a job (`reports.jobs`)."""

import datetime

from django.db import transaction
from django.utils import timezone

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.jobs import stale_jobs_fail
from zhaoshang.core.services import require
from zhaoshang.plans.models import Plan
from zhaoshang.plans.selectors import current_plan_for
from zhaoshang.reports.choices import JobStatus
from zhaoshang.reports.errors import BulletinError
from zhaoshang.reports.models import BulletinJob, OfficialDocSettings
from zhaoshang.reports.periods import period_as_of

DOUBLE_CLICK = datetime.timedelta(minutes=2)


@transaction.atomic
def bulletin_request(*, actor, period: str, plan: Plan | None = None, enqueue: bool = True) -> BulletinJob:
    """The office asks for one month's bulletin; it is queued once the request commits (or, with
    enqueue=False, left for the caller to run). Asking again while the same one was just queued (a double click) returns it."""
    require(actor, "supervise")
    period = (period or "").strip()
    period_as_of(period, timezone.localdate())
    plan = plan or current_plan_for(user=actor)
    if plan is None:
        raise BulletinError("尚无任务清单，不能生成通报。")
    active = BulletinJob.objects.filter(period=period, plan=plan, status__in=[JobStatus.QUEUED, JobStatus.RUNNING],
                                        created_at__gte=timezone.now() - DOUBLE_CLICK).first()
    if active is not None and enqueue:
        return active
    job = BulletinJob.objects.create(period=period, plan=plan, requested_by=actor, message="排队等待生成")
    audit_record(actor=actor, action="request", obj=job, after=snapshot(job))
    if enqueue:
        from zhaoshang.reports.jobs import bulletin_enqueue  # jobs imports the builders; keep services light

        transaction.on_commit(lambda: bulletin_enqueue(job.pk))
    return job


def bulletin_jobs_recover() -> list[BulletinJob]:
    """Fail, with a message and an audit entry, the bulletin jobs whose worker died (core.jobs); the office then
    asks for the bulletin again."""
    def audit(job):
        audit_record(actor=job.requested_by, action="generate_failed", obj=job, after=snapshot(job))

    return stale_jobs_fail(BulletinJob, active=(JobStatus.QUEUED, JobStatus.RUNNING), failed=JobStatus.FAILED,
                           advice="请重新生成。", on_failed=audit)


DOC_SETTINGS_FIELDS = ("issuer", "red_header", "header_text", "number_pattern", "issue_pattern", "main_to", "copy_to")


@transaction.atomic
def doc_settings_save(*, actor, data: dict) -> OfficialDocSettings:
    """The office sets how its documents are headed and addressed (GB/T 9704); one row, audited old → new."""
    require(actor, "supervise")
    settings = OfficialDocSettings.objects.select_for_update().order_by("pk").first()
    before = snapshot(settings) if settings else None
    settings = settings or OfficialDocSettings()
    for name in DOC_SETTINGS_FIELDS:
        if name in data:
            setattr(settings, name, data[name])
    settings.full_clean()
    settings.save()
    audit_record(actor=actor, action="update" if before else "create", obj=settings, before=before, after=snapshot(settings))
    return settings
