"""Everything the report page of one assignment shows, for one user; which period a report is for."""

import datetime
from dataclasses import dataclass


from zhaoshang.accounts.models import User
from zhaoshang.core.permissions import can, is_member_of
from zhaoshang.plans.models import Assignment
from zhaoshang.plans.selectors import default_as_of
from zhaoshang.supervision.calendar import CYCLE_LABELS, Period
from zhaoshang.supervision.choices import ReportStatus
from zhaoshang.supervision.cycles import KEY_FORMATS, task_period_for_key
from zhaoshang.supervision.errors import SupervisionError
from zhaoshang.supervision.models import ProgressReport
from zhaoshang.supervision.selectors.status import AssignmentStatus, statuses_as_of


def choose_period(status: AssignmentStatus, key: str | None, today: datetime.date) -> Period | None:
    """The period a unit reports: `key` when given, else the one under way (never silently the oldest gap).

    A key that is not one of the cycle's periods, a period not begun yet, or one outside the periods the
    assignment reports on raises SupervisionError with the reason in Chinese."""
    key = (key or "").strip()
    if not key:
        return status.current(today)
    periods = status.reportable(today)
    chosen = next((p for p in periods if p.key == key), None)
    if chosen is not None:
        return chosen
    task = status.assignment.measure.task
    cycle, period = task_period_for_key(task, key[:20])
    if period is None:
        raise SupervisionError(f"报送期“{key[:20]}”不正确：本任务{task.number}按{CYCLE_LABELS[cycle]}报送，报送期格式应为{KEY_FORMATS[cycle]}。")
    if period.start > today:
        raise SupervisionError(f"{period.label}尚未开始，不能提前报送。")
    if periods and period.start < periods[0].start:
        raise SupervisionError(f"{period.label}早于本任务的首个报送期（{periods[0].label}），无需报送。")
    raise SupervisionError(f"本举措已报告完成，{period.label}无需再报送。")


@dataclass(frozen=True)
class PeriodChoice:
    """One entry of the period select: the period and how its report stands."""

    period: Period
    state: str  # 本期 / 未报 / 草稿 / 已报送 / 已审核 / 已退回 / 待报

    @property
    def label(self) -> str:
        return f"{self.period.label}（{self.state}）"


@dataclass
class ReportPage:
    status: AssignmentStatus
    period: Period | None  # the period the form is for
    current: Period | None  # the period under way today
    report: ProgressReport | None  # its report for that period, if any
    can_report: bool
    choices: list[PeriodChoice]  # every period the unit may report now, newest first
    catch_up: list[PeriodChoice]  # earlier periods still missing or returned: links to report them
    parts: list  # for a lead unit: the co-operating units' reports of the same period
    history: list  # every report of the assignment the user may see
    urges: list
    escalations: list
    leaders: list

    @property
    def editable(self) -> bool:
        return self.report is None or self.report.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)


def _state(period: Period, report: ProgressReport | None, current: Period | None, missing: set[str]) -> str:
    if report is not None and report.status != ReportStatus.DRAFT:
        return report.get_status_display()
    if period.key in missing:
        return "未报" if report is None else "未报，有草稿"
    if current is not None and period.key == current.key:
        return "本期" if report is None else "本期，有草稿"
    return "草稿" if report is not None else "待报"


def report_page(*, user, assignment: Assignment, period_key: str | None) -> ReportPage:
    """The page's content; SupervisionError when `period_key` is not a period the unit may report."""
    today = _reporting_day(assignment)
    status = statuses_as_of([assignment], today)[assignment.pk]
    period = choose_period(status, period_key, today)
    current = status.current(today)
    visible = ProgressReport.objects.restrict(user, "view")
    history = list(visible.filter(assignment=assignment).distinct().select_related("submitted_by", "reviewed_by")
                   .prefetch_related("attachments").order_by("-due_date"))
    own = {r.period_key: r for r in history if r.assignment_id == assignment.pk}
    report = own.get(period.key) if period else None
    missing = {p.key for p in status.missing}
    choices = [PeriodChoice(p, _state(p, own.get(p.key), current, missing)) for p in reversed(status.reportable(today))]
    catch_up = [c for c in reversed(choices) if (period is None or c.period.key != period.key)
                and (c.period.key in missing or getattr(own.get(c.period.key), "status", "") == ReportStatus.RETURNED)]
    parts = []
    if assignment.is_lead and period is not None:
        parts = list(visible.filter(assignment__measure=assignment.measure, period_key=period.key, assignment__is_lead=False,
                                    first_submitted_at__isnull=False).select_related("assignment__unit"))
    oversee = can(user, "oversee")
    return ReportPage(
        status=status, period=period, current=current, report=report,
        can_report=is_member_of(user, assignment.unit_id) and not assignment.measure.task.plan.is_archived,
        choices=choices, catch_up=catch_up, parts=parts, history=history,
        urges=list(assignment.urges.select_related("created_by")[:20]),
        escalations=list(assignment.escalations.select_related("leader")) if oversee else [],
        leaders=list(User.objects.filter(role="leader", is_active=True)) if can(user, "supervise") else [],
    )


def report_period(*, assignment: Assignment, key: str | None) -> Period | None:
    """The period a report sent without the page is for (the API): `key`, or the current one by default."""
    today = _reporting_day(assignment)
    return choose_period(statuses_as_of([assignment], today)[assignment.pk], key, today)


def _reporting_day(assignment: Assignment) -> datetime.date:
    """The day whose period a unit reports by default: today, or the plan's last day once its year is over (its
    periods end with it; the report itself is still dated when it is sent)."""
    return default_as_of(assignment.measure.task.plan)
