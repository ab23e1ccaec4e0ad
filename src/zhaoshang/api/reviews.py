"""The office's review inbox over the API: the reports waiting for review, and accepting or returning one."""

import datetime
from typing import Literal

from ninja import Router, Schema

from zhaoshang.api.params import Id
from zhaoshang.core.permissions import get_for
from zhaoshang.core.services import require
from zhaoshang.supervision.models import ProgressReport
from zhaoshang.supervision.selectors.inbox import ALIVE_REPORT, waiting_reports
from zhaoshang.supervision.services.review_inbox import report_review

router = Router(tags=["督查督办"])
LIMIT = 1000


class ReviewOut(Schema):
    report_id: int
    assignment_id: int
    unit: str
    task: str
    period: str
    period_label: str
    submitted_at: datetime.datetime


@router.get("reviews", response=list[ReviewOut])
def review_list(request, unit: Id | None = None):
    """Reports waiting for the office, oldest submission first (office only: 403 for everyone else)."""
    require(request.user, "supervise")
    reports = waiting_reports(user=request.user, unit_id=unit).select_related("assignment__unit", "assignment__measure__task")
    return [{"report_id": r.pk, "assignment_id": r.assignment_id, "unit": r.assignment.unit.display_name,
             "task": r.assignment.measure.task.display_name, "period": r.period_key, "period_label": r.period_label,
             "submitted_at": r.submitted_at} for r in reports[:LIMIT]]


class ReviewIn(Schema):
    decision: Literal["accept", "return"]
    reason: str = ""


class ReviewedOut(Schema):
    report_id: int
    status: str
    review_note: str
    reviewed_at: datetime.datetime


@router.post("reports/{report_id}/review", response=ReviewedOut)
def review_create(request, report_id: int, payload: ReviewIn):
    """Accept or return a waiting report: a return needs a reason (400); a report not waiting answers 409."""
    require(request.user, "supervise")
    report = get_for(request.user, "supervise", ProgressReport.objects.filter(ALIVE_REPORT), pk=report_id)
    report = report_review(actor=request.user, report=report, decision=payload.decision, reason=payload.reason)
    return {"report_id": report.pk, "status": report.status, "review_note": report.review_note, "reviewed_at": report.reviewed_at}
