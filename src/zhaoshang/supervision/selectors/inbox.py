"""The office's review inbox (待审核): reports waiting for review, oldest first, each with its light and what
changed since the assignment's previous report."""

from dataclasses import dataclass

from django.db.models import Q

from zhaoshang.supervision.choices import ReportStatus
from zhaoshang.supervision.lights import LIGHT_LABELS, Light
from zhaoshang.supervision.models import ProgressReport
from zhaoshang.supervision.selectors.status import statuses_as_of

ALIVE_REPORT = Q(assignment__deleted_at__isnull=True, assignment__measure__deleted_at__isnull=True,
                 assignment__measure__task__deleted_at__isnull=True, assignment__measure__task__plan__deleted_at__isnull=True)


def waiting_reports(*, user, unit_id: int | None = None):
    """Submitted or resubmitted reports waiting for the office, oldest submission first (office only: empty else)."""
    reports = (ProgressReport.objects.restrict(user, "supervise").filter(ALIVE_REPORT, status=ReportStatus.SUBMITTED)
               .order_by("submitted_at", "pk"))
    if unit_id:
        reports = reports.filter(assignment__unit_id=unit_id)
    return reports


def waiting_count(*, user) -> int:
    return waiting_reports(user=user).count()


def report_changes(report: ProgressReport, previous: ProgressReport | None) -> list[str]:
    """What a reviewer should notice, in words: progress and status moves, new problems, a copied text."""
    changes = []
    if report.reviewed_at is not None and report.review_note:
        changes.append(f"退回后重报（退回理由：{report.review_note[:60]}）")
    if previous is None:
        return changes + ["首次报送"]
    if report.percent != previous.percent:
        changes.append(f"进度 {_percent(previous.percent)} → {_percent(report.percent)}")
    if report.work_status != previous.work_status:
        changes.append(f"状态 {previous.get_work_status_display()} → {report.get_work_status_display()}")
    if report.problems and report.problems != previous.problems:
        changes.append("新提出需协调问题")
    if report.done_text.strip() and report.done_text.strip() == previous.done_text.strip():
        changes.append("完成情况与上期相同")
    return changes or ["与上期无明显变化"]


def _percent(value: int | None) -> str:
    return "未填" if value is None else f"{value}%"


@dataclass
class InboxRow:
    """One report waiting for review, as the inbox shows it."""

    report: ProgressReport
    previous: ProgressReport | None
    light: Light
    changes: list[str]

    @property
    def light_label(self) -> str:
        return LIGHT_LABELS[self.light]


def inbox_rows(reports) -> list[InboxRow]:
    """Rows for one page of waiting reports: lights and previous reports in a constant number of queries."""
    reports = list(reports.select_related("assignment__unit", "assignment__measure__task__plan", "submitted_by"))
    assignments = {r.assignment_id: r.assignment for r in reports}
    statuses = statuses_as_of(assignments.values())
    earlier = ProgressReport.objects.filter(assignment_id__in=assignments, submitted_at__isnull=False).exclude(
        status=ReportStatus.DRAFT).exclude(pk__in=[r.pk for r in reports]).order_by("due_date")
    history: dict[int, list[ProgressReport]] = {}
    for row in earlier.only("assignment_id", "due_date", "percent", "work_status", "problems", "done_text"):
        history.setdefault(row.assignment_id, []).append(row)
    rows = []
    for report in reports:
        previous = next((r for r in reversed(history.get(report.assignment_id, [])) if r.due_date < report.due_date), None)
        rows.append(InboxRow(report, previous, statuses[report.assignment_id].light, report_changes(report, previous)))
    return rows
