"""A unit reports progress on its assignment; the office accepts or returns it; problems go on one list."""

from dataclasses import asdict, dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.permissions import is_member_of
from zhaoshang.core.services import PermissionDenied, require
from zhaoshang.plans.models import Assignment
from zhaoshang.supervision.calendar import Period
from zhaoshang.supervision.choices import NotificationKind, ReportStatus, WorkStatus
from zhaoshang.supervision.cycles import current_period
from zhaoshang.supervision.errors import ReportConflict, SupervisionError
from zhaoshang.supervision.models import Problem, ProgressReport
from zhaoshang.supervision.services.notify import notify_office_of_report, notify_unit

EDITABLE = (ReportStatus.DRAFT, ReportStatus.RETURNED)


@dataclass(frozen=True)
class ReportInput:
    """What a unit writes in a report."""

    done_text: str = ""
    next_steps: str = ""
    problems: str = ""
    percent: int | None = None
    value: Decimal | None = None
    work_status: str = WorkStatus.IN_PROGRESS

    def clean(self) -> "ReportInput":
        if self.percent is not None and not 0 <= self.percent <= 100:
            raise SupervisionError("完成进度应在0到100之间。")
        if self.work_status not in WorkStatus.values:
            raise SupervisionError("进展状态不正确。")
        if self.work_status == WorkStatus.DONE and self.percent is not None and self.percent < 100:
            raise SupervisionError("状态为“已完成”时，完成进度应为100%。")
        return ReportInput(self.done_text.strip()[:5000], self.next_steps.strip()[:5000], self.problems.strip()[:5000],
                           self.percent, self.value, self.work_status)


def _fields(report: ProgressReport) -> ReportInput:
    return ReportInput(report.done_text, report.next_steps, report.problems, report.percent, report.value, report.work_status)


def _locked_assignment(actor, assignment: Assignment) -> Assignment:
    assignment = Assignment.objects.select_for_update().select_related("measure__task__plan").get(pk=assignment.pk)
    if not is_member_of(actor, assignment.unit_id) or assignment.is_deleted:
        raise PermissionDenied("只有本单位用户可以报送该项工作")
    if assignment.measure.task.plan.is_archived:
        raise SupervisionError("该任务清单已归档，不能再报送。")
    return assignment


@transaction.atomic
def report_save(*, actor, assignment: Assignment, data: ReportInput, submit: bool,
                version: int | None = None, period: Period | None = None) -> ProgressReport:
    """Save the unit's report for a period (the current one by default) as a draft, or submit it.

    `version` is the version the user opened; if someone saved since, nothing is overwritten (ReportConflict).
    Submitting again what is already submitted (a double click) returns the same report."""
    assignment = _locked_assignment(actor, assignment)
    data = data.clean()
    period = period or current_period(assignment.measure.task)
    report = ProgressReport.objects.filter(assignment=assignment, period_key=period.key).first()
    if report is not None and report.status not in EDITABLE:
        if submit and _fields(report) == data:
            return report
        raise ReportConflict(f"{period.label}的报告已{report.get_status_display()}，不能再修改。")
    if report is not None and version is not None and report.version != version:
        raise ReportConflict("该报告已被本单位其他用户修改，请刷新后核对再提交。")
    before = snapshot(report) if report else None
    if report is None:
        report = ProgressReport(assignment=assignment, period_key=period.key, period_label=period.label,
                                due_date=period.due, created_by=actor, version=0)
    for key, value in asdict(data).items():
        setattr(report, key, value)
    report.version += 1
    if submit:
        now = timezone.now()
        report.status, report.submitted_at, report.submitted_by = ReportStatus.SUBMITTED, now, actor
        report.first_submitted_at = report.first_submitted_at or now
    report.save()
    audit_record(actor=actor, action="submit" if submit else "save_draft", obj=report, before=before, after=snapshot(report))
    if submit and data.problems:
        Problem.objects.update_or_create(report=report, defaults={"text": data.problems})
    if submit:
        notify_office_of_report(report=report, by=actor, resubmitted=bool(before) and before["status"] == ReportStatus.RETURNED)
    return report


@transaction.atomic
def report_draft_open(*, actor, assignment: Assignment, period: Period) -> ProgressReport:
    """The unit's report for `period` while it can still be edited, created empty as a draft if there is none:
    files chosen with a report attach to it before its first save, whatever else the form holds."""
    assignment = _locked_assignment(actor, assignment)
    report = ProgressReport.objects.filter(assignment=assignment, period_key=period.key).first()
    if report is None:
        report = ProgressReport.objects.create(assignment=assignment, period_key=period.key, period_label=period.label,
                                               due_date=period.due, created_by=actor, version=1)
        audit_record(actor=actor, action="save_draft", obj=report, after=snapshot(report))
    elif report.status not in EDITABLE:
        raise ReportConflict(f"{period.label}的报告已{report.get_status_display()}，不能再添加附件。")
    return report


def _review(actor, report: ProgressReport) -> ProgressReport:
    require(actor, "supervise")
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.SUBMITTED:
        raise ReportConflict(f"该报告{report.get_status_display()}，不在待审核中，不能审核。")  # reviewed meanwhile: 409
    return report


@transaction.atomic
def report_accept(*, actor, report: ProgressReport, note: str = "") -> ProgressReport:
    """The office accepts a submitted report."""
    report = _review(actor, report)
    before = snapshot(report)
    report.status, report.reviewed_at, report.reviewed_by, report.review_note = ReportStatus.ACCEPTED, timezone.now(), actor, note.strip()
    report.save()
    audit_record(actor=actor, action="accept", obj=report, before=before, after=snapshot(report))
    return report


@transaction.atomic
def report_return(*, actor, report: ProgressReport, reason: str) -> ProgressReport:
    """The office returns a report with a reason; the unit is told and resubmits."""
    if not reason.strip():
        raise SupervisionError("退回时请填写理由。")
    report = _review(actor, report)
    before = snapshot(report)
    report.status, report.reviewed_at, report.reviewed_by, report.review_note = ReportStatus.RETURNED, timezone.now(), actor, reason.strip()
    report.version += 1
    report.save()
    audit_record(actor=actor, action="return", obj=report, before=before, after=snapshot(report))
    task = report.assignment.measure.task
    notify_unit(unit_id=report.assignment.unit_id, kind=NotificationKind.RETURNED,
                text=f"{task.display_name}（{report.period_label}）报告被退回：{reason.strip()}",
                url=f"/supervision/assignments/{report.assignment_id}/report/")
    return report
