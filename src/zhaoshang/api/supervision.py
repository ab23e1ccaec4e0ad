"""Supervision over the API: assignments with lights, reporting, urging, light counts."""

from ninja import Router, Schema, Status

from zhaoshang.api.params import Day, Id
from zhaoshang.core.permissions import get_for, is_member_of
from zhaoshang.core.services import PermissionDenied
from zhaoshang.plans.models import Assignment
from zhaoshang.plans.selectors import ALIVE_ASSIGNMENT, current_plan_for, default_as_of
from zhaoshang.supervision.choices import WorkStatus
from zhaoshang.supervision.selectors.report_page import report_period
from zhaoshang.supervision.selectors.work import light_counts, statuses_for
from zhaoshang.supervision.services.reports import ReportInput, report_save
from zhaoshang.supervision.services.urging import assignment_urge

router = Router(tags=["督查督办"])


def _as_of(request, asked):
    """The asked day, else the pages' default for the current plan (plans.selectors.default_as_of)."""
    return asked or default_as_of(current_plan_for(user=request.user))


class AssignmentOut(Schema):
    id: int
    task: str
    measure: int
    unit: str
    is_lead: bool
    light: str
    next_due: str | None


@router.get("assignments", response=list[AssignmentOut])
def assignment_list(request, unit: Id | None = None, light: str = "", task: Id | None = None,
                    as_of: Day | None = None):
    """Assignments the caller follows (a unit user: its own unit's), with light and next due date as of `as_of`
    (default: today, or the current plan's last day once its year is over)."""
    statuses = statuses_for(user=request.user, as_of=_as_of(request, as_of), light=light, unit_id=unit, task_id=task)
    return [
        {"id": s.assignment.pk, "task": s.assignment.measure.task.number, "measure": s.assignment.measure.ordinal,
         "unit": s.assignment.unit.display_name, "is_lead": s.assignment.is_lead, "light": s.light.value,
         "next_due": s.next_due.due.isoformat() if s.next_due else None}
        for s in statuses
    ]


class ReportIn(Schema):
    text: str
    percent: int | None = None
    status: WorkStatus = WorkStatus.IN_PROGRESS
    next_steps: str = ""
    problems: str = ""
    period: str | None = None  # the period's key in the task's cycle: "2025-09", "2025-W37", "2025-Q3"; none: the current


class ReportOut(Schema):
    id: int
    period: str
    status: str
    work_status: str
    percent: int | None


@router.post("assignments/{assignment_id}/reports", response={201: ReportOut})
def report_create(request, assignment_id: int, payload: ReportIn):
    """Submit the report of a period (the current one unless `period` names another one already begun); only
    users of the assignment's unit may (403/404 for others); a bad or future period is a 400 saying why."""
    assignment = get_for(request.user, "view", Assignment.objects.filter(ALIVE_ASSIGNMENT).select_related(
        "measure__task__plan"), pk=assignment_id)
    if not is_member_of(request.user, assignment.unit_id):  # before judging the period: a stranger learns nothing
        raise PermissionDenied("只有本单位用户可以报送该项工作")
    period = report_period(assignment=assignment, key=payload.period)
    report = report_save(actor=request.user, assignment=assignment, submit=True, period=period, data=ReportInput(
        done_text=payload.text, next_steps=payload.next_steps, problems=payload.problems,
        percent=payload.percent, work_status=payload.status))
    return Status(201, {"id": report.pk, "period": report.period_key, "status": report.status,
                        "work_status": report.work_status, "percent": report.percent})


class UrgeIn(Schema):
    message: str


class UrgeOut(Schema):
    id: int
    message: str


@router.post("assignments/{assignment_id}/urge", response={201: UrgeOut})
def urge_create(request, assignment_id: int, payload: UrgeIn):
    """The office urges an assignment's unit (403 for everyone else)."""
    assignment = get_for(request.user, "view", Assignment.objects.filter(ALIVE_ASSIGNMENT), pk=assignment_id)
    urge = assignment_urge(actor=request.user, assignment=assignment, message=payload.message)
    return Status(201, {"id": urge.pk, "message": urge.message})


@router.get("lights")
def lights(request, as_of: Day | None = None):
    """Assignments per light as of a date (default as for the assignments), overall and by unit."""
    return light_counts(statuses_for(user=request.user, as_of=_as_of(request, as_of)))
