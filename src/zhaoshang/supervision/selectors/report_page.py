"""Everything the report page of one assignment shows, for one user."""

from dataclasses import dataclass

from zhaoshang.accounts.models import User
from zhaoshang.core.permissions import can, is_member_of
from zhaoshang.plans.models import Assignment
from zhaoshang.supervision.calendar import Period
from zhaoshang.supervision.models import ProgressReport
from zhaoshang.supervision.selectors.status import AssignmentStatus, statuses_as_of


@dataclass
class ReportPage:
    status: AssignmentStatus
    period: Period | None  # the period the unit reports now
    report: ProgressReport | None  # its report for that period, if any
    can_report: bool
    parts: list  # for a lead unit: the co-operating units' reports of the same period
    history: list  # every report of the assignment the user may see
    urges: list
    escalations: list
    leaders: list


def report_page(*, user, assignment: Assignment, period_key: str | None) -> ReportPage:
    status = statuses_as_of([assignment])[assignment.pk]
    period = status.period_to_report(period_key)
    visible = ProgressReport.objects.restrict(user, "view")
    report = ProgressReport.objects.filter(assignment=assignment, period_key=period.key).first() if period else None
    parts = []
    if assignment.is_lead and period is not None:
        parts = list(visible.filter(assignment__measure=assignment.measure, period_key=period.key, assignment__is_lead=False,
                                    first_submitted_at__isnull=False).select_related("assignment__unit"))
    history = (visible.filter(assignment=assignment).distinct().select_related("submitted_by", "reviewed_by")
               .prefetch_related("attachments").order_by("-due_date"))
    oversee = can(user, "oversee")
    return ReportPage(
        status=status, period=period, report=report,
        can_report=is_member_of(user, assignment.unit_id) and not assignment.measure.task.plan.is_archived,
        parts=parts, history=list(history), urges=list(assignment.urges.select_related("created_by")[:20]),
        escalations=list(assignment.escalations.select_related("leader")) if oversee else [],
        leaders=list(User.objects.filter(role="leader", is_active=True)) if can(user, "supervise") else [],
    )
