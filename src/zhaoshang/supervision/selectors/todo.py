"""Everything waiting on a unit (我的工作): one row per thing, each with the one button that acts on it."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, Max, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from zhaoshang.kpis.choices import ValueStatus
from zhaoshang.kpis.models import KpiValue
from zhaoshang.meetings.selectors.meetings import unit_action_items
from zhaoshang.needs.choices import NeedStatus
from zhaoshang.needs.selectors import unit_open_needs
from zhaoshang.supervision.choices import ProblemStatus, ReportStatus
from zhaoshang.supervision.models import Problem, ProgressReport, Urge
from zhaoshang.supervision.selectors.status import AssignmentStatus

DUE_SOON_DAYS = 7

# kind → (label, rank): the lower the rank, the higher on the list
KINDS = {
    "returned": ("报告退回", 0), "kpi_returned": ("指标值退回", 0), "overdue": ("逾期未报", 1), "urge": ("催办", 2),
    "need": ("企业诉求", 3), "action": ("交办事项", 3), "due": ("即将到期", 4), "problem": ("协调问题", 5), "draft": ("草稿", 6),
}


@dataclass(frozen=True)
class TodoItem:
    kind: str
    title: str
    detail: str
    url: str
    button: str
    due: datetime.date | None = None
    late: bool = False

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind][0]

    @property
    def sort_key(self):
        return KINDS[self.kind][1], self.due or datetime.date.max, self.title


def _report_url(assignment_id: int, period_key: str = "") -> str:
    url = reverse("supervision:report", args=[assignment_id])
    return f"{url}?period={period_key}" if period_key else url


def _name(assignment) -> str:
    return f"任务{assignment.measure.task.number}·举措{assignment.measure.ordinal}"


def _report_items(statuses: list[AssignmentStatus], today: datetime.date) -> list[TodoItem]:
    ids = [s.assignment.pk for s in statuses]
    by_id = {s.assignment.pk: s.assignment for s in statuses}
    items = []
    reports = ProgressReport.objects.filter(assignment_id__in=ids, status__in=(ReportStatus.RETURNED, ReportStatus.DRAFT))
    open_keys = set()
    for report in reports.order_by("due_date"):
        open_keys.add((report.assignment_id, report.period_key))
        assignment = by_id[report.assignment_id]
        if report.status == ReportStatus.RETURNED:
            items.append(TodoItem("returned", f"{_name(assignment)} {report.period_label}", f"退回理由：{report.review_note}",
                                  _report_url(assignment.pk, report.period_key), "修改后重新报送", report.due_date))
        else:
            items.append(TodoItem("draft", f"{_name(assignment)} {report.period_label}", "草稿尚未报送",
                                  _report_url(assignment.pk, report.period_key), "继续填写", report.due_date,
                                  late=report.due_date < today))
    for status in statuses:
        assignment = status.assignment
        missing = [p for p in status.missing if (assignment.pk, p.key) not in open_keys]
        if missing:
            labels = "、".join(p.label for p in missing[:3]) + ("等" if len(missing) > 3 else "")
            items.append(TodoItem("overdue", _name(assignment), f"{labels}共{len(missing)}期逾期未报",
                                  _report_url(assignment.pk, missing[0].key), "补报", missing[0].due, late=True))
        upcoming = status.next_due
        if (upcoming and upcoming.key not in status.reported and (assignment.pk, upcoming.key) not in open_keys
                and (upcoming.due - today).days <= DUE_SOON_DAYS):
            items.append(TodoItem("due", _name(assignment), f"{upcoming.label}进展应于{upcoming.due.month}月{upcoming.due.day}日前报送",
                                  _report_url(assignment.pk, upcoming.key), "去报送", upcoming.due))
    return items


def _urge_items(statuses: list[AssignmentStatus]) -> list[TodoItem]:
    """Urges not yet answered: nothing submitted on the assignment since."""
    by_id = {s.assignment.pk: s.assignment for s in statuses}
    answered = (ProgressReport.objects.filter(assignment_id=OuterRef("assignment_id"), submitted_at__isnull=False)
                .values("assignment_id").annotate(last=Max("submitted_at")).values("last"))
    urges = (Urge.objects.filter(assignment_id__in=list(by_id)).annotate(answered_at=Subquery(answered))
             .select_related("created_by").order_by("-created_at"))
    items, seen = [], set()
    for urge in urges:
        if urge.assignment_id in seen or (urge.answered_at and urge.answered_at >= urge.created_at):
            continue
        seen.add(urge.assignment_id)  # the newest urge of an assignment stands for the others
        items.append(TodoItem("urge", _name(by_id[urge.assignment_id]),
                              f"{timezone.localtime(urge.created_at):%m月%d日} {urge.created_by.display_name}催办：{urge.message}",
                              _report_url(urge.assignment_id), "去报送", timezone.localtime(urge.created_at).date()))
    return items


def _kpi_items(user) -> list[TodoItem]:
    """Indicator values the office returned, unless the unit has reported the indicator again since."""
    newer = KpiValue.objects.filter(kpi_id=OuterRef("kpi_id"), pk__gt=OuterRef("pk"))  # entered later
    rows = (KpiValue.objects.filter(kpi__reporting_unit_id=user.unit_id, kpi__deleted_at__isnull=True,
                                    status=ValueStatus.REJECTED).filter(~Exists(newer)).select_related("kpi"))
    return [TodoItem("kpi_returned", f"指标：{row.kpi.text[:50]}{row.kpi.split_label and f'（{row.kpi.split_label}）'}", f"报送值{row.value.normalize():f}被退回：{row.review_note}",
                     f"{reverse('kpis:detail', args=[row.kpi_id])}#value-form", "重新报送", row.as_of) for row in rows]


def _day(value) -> datetime.date:
    return timezone.localtime(value).date() if isinstance(value, datetime.datetime) else value


def _need_items(user) -> list[TodoItem]:
    items = []
    for row in unit_open_needs(user=user):
        need = row.need
        new = need.status == NeedStatus.NEW
        items.append(TodoItem("need", need.title, f"{need.get_need_type_display()} · {need.get_status_display()} · "
                              f"{'受理时限' if new else '办结时限'}{_day(need.accept_due if new else need.settle_due):%m月%d日}",
                              reverse("needs:detail", args=[need.pk]), "受理" if new else "办结答复",
                              _day(need.accept_due if new else need.settle_due),
                              late=row.light.light == "red"))
    return items


def _action_items(user) -> list[TodoItem]:
    return [TodoItem("action", row.item.text[:60], f"{row.item.meeting.title} · 完成时限{row.item.due_date:%m月%d日}",
                     f"{reverse('meetings:actions')}#action-{row.item.pk}", "更新落实情况", row.item.due_date,
                     late=row.light.light == "red") for row in unit_action_items(user=user)]


def _problem_items(user) -> list[TodoItem]:
    problems = Problem.objects.filter(owner_unit_id=user.unit_id, status=ProblemStatus.OPEN).select_related(
        "report__assignment__measure__task")
    return [TodoItem("problem", p.text[:60], f"由{_name(p.report.assignment)}提出，本单位负责协调",
                     f"{reverse('supervision:problems')}#problem-{p.pk}", "查看并协调") for p in problems]


def unit_todo(*, user, statuses: list[AssignmentStatus], today: datetime.date | None = None) -> list[TodoItem]:
    """Every thing waiting on the user's unit, the most pressing first."""
    if user.unit_id is None:
        return []
    today = today or timezone.localdate()
    items = (_report_items(statuses, today) + _urge_items(statuses) + _kpi_items(user) + _need_items(user)
             + _action_items(user) + _problem_items(user))
    return sorted(items, key=lambda item: item.sort_key)
