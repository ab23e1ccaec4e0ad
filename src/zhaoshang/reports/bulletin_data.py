"""Everything a bulletin says, collected once as plain values: the Word and Excel files only lay it out.

Lights are computed as of the period's last day (today for the month under way) from dated rows, so the same
period over the same data gives the same numbers, however often it is built. Every list is sorted totally
(plan order, then ids), never by dictionary or database accident.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from zhaoshang.plans.models import Plan
from zhaoshang.plans.selectors import current_plan_for
from zhaoshang.reports.bulletin_targets import TargetsSection, light_counts, targets_collect
from zhaoshang.reports.choices import JobStatus
from zhaoshang.reports.errors import BulletinError
from zhaoshang.reports.models import BulletinJob
from zhaoshang.reports.periods import period_as_of, period_label
from zhaoshang.supervision.lights import LIGHT_LABELS, Light
from zhaoshang.supervision.models import Problem
from zhaoshang.supervision.selectors.ranking import UnitRank, assignment_progress, end_of, is_done, ranking_for
from zhaoshang.supervision.selectors.status import AssignmentStatus, statuses_as_of
from zhaoshang.supervision.selectors.work import supervised_assignments, task_rows


@dataclass(frozen=True)
class Headline:
    """The bulletin's first paragraph."""

    tasks: int
    measures: int
    assignments: int
    units: int
    task_lights: dict[str, int]
    lights: dict[str, int]
    done: int
    due_periods: int
    on_time: int
    on_time_rate: float | None
    urged: int
    returned: int
    open_problems: int


@dataclass(frozen=True)
class FocusRow:
    """One work focus (工作重点): its tasks, their lights, the mean progress of its assignments."""

    name: str
    task_numbers: tuple[str, ...]
    assignments: int
    task_lights: dict[str, int]
    completion: float
    done: int


@dataclass(frozen=True)
class AssignmentRow:
    """One assignment (unit × measure) as of the bulletin's date."""

    assignment_id: int
    task_number: str
    focus: str
    measure_ordinal: int
    measure_text: str
    unit: str
    role: str  # 牵头 / 配合
    light: str
    light_label: str
    reason: str
    latest_period: str
    report_state: str
    progress: int | None
    latest_text: str
    task_name: str = ""  # "任务1·石油化工、盐化工等" (Task.display_name)


@dataclass(frozen=True)
class ProblemRow:
    """A problem needing coordination that was open on the bulletin's date."""

    problem_id: int
    task_number: str
    unit: str
    text: str
    owner: str
    raised_on: datetime.date
    task_name: str = ""


@dataclass(frozen=True)
class BulletinData:
    period: str
    period_label: str
    as_of: datetime.date
    plan_title: str
    headline: Headline
    focuses: tuple[FocusRow, ...]
    rows: tuple[AssignmentRow, ...]
    ranking: tuple[UnitRank, ...]
    problems: tuple[ProblemRow, ...]
    targets: TargetsSection
    issue_seq: int  # the bulletin's 期号 in its year

    @property
    def red(self) -> list[AssignmentRow]:
        return [r for r in self.rows if r.light == Light.RED]

    @property
    def yellow(self) -> list[AssignmentRow]:
        return [r for r in self.rows if r.light == Light.YELLOW]


def _report_state(status: AssignmentStatus) -> str:
    """Where the reporting stood: periods missing, nothing due yet, or how the latest report came in."""
    if status.missing:
        return f"缺报{len(status.missing)}期"
    if status.latest is None:
        return "尚无需报送" if not status.due else "未报送"
    submitted = timezone.localtime(status.latest.first_submitted_at).date()
    return "按时报送" if submitted <= status.latest.due_date else "逾期报送"


def _row(status: AssignmentStatus) -> AssignmentRow:
    assignment, latest = status.assignment, status.latest
    task, measure = assignment.measure.task, assignment.measure
    return AssignmentRow(
        assignment_id=assignment.pk, task_number=task.number, task_name=task.display_name,
        focus=task.focus.name if task.focus else "",
        measure_ordinal=measure.ordinal, measure_text=measure.text, unit=assignment.unit.display_name,
        role="牵头" if assignment.is_lead else "配合", light=status.light.value, light_label=LIGHT_LABELS[status.light],
        reason=status.result.reason, latest_period=latest.period_label if latest else "",
        report_state=_report_state(status), progress=assignment_progress(status) if latest else None,
        latest_text=latest.done_text if latest else "",
    )


def _plan_order(status: AssignmentStatus) -> tuple:
    a = status.assignment
    return (a.measure.task.sort_key, a.measure.task_id, a.measure.ordinal, a.measure_id, a.order, a.pk)


def _focuses(statuses: list[AssignmentStatus]) -> tuple[FocusRow, ...]:
    groups: dict[tuple, list] = {}
    for row in task_rows(statuses):
        focus = row.task.focus
        key = (0, focus.order, focus.pk, focus.name) if focus else (1, 0, 0, "未分组")
        groups.setdefault(key, []).append(row)
    result = []
    for key in sorted(groups):
        rows = sorted(groups[key], key=lambda r: (r.task.sort_key, r.task.pk))
        members = [s for r in rows for s in r.statuses]
        progress = [assignment_progress(s) for s in members]
        result.append(FocusRow(
            name=key[3], task_numbers=tuple(r.task.number for r in rows), assignments=len(members),
            task_lights=light_counts(r.light for r in rows), completion=round(sum(progress) / len(progress), 1),
            done=sum(1 for s in members if is_done(s)),
        ))
    return tuple(result)


def _problems(ids: list[int], as_of: datetime.date) -> tuple[ProblemRow, ...]:
    until = end_of(as_of)
    problems = (Problem.objects.filter(report__assignment_id__in=ids, created_at__lte=until)
                .filter(Q(resolved_at__isnull=True) | Q(resolved_at__gt=until))
                .select_related("report__assignment__unit", "report__assignment__measure__task", "owner_unit")
                .order_by("created_at", "id"))
    return tuple(ProblemRow(
        problem_id=p.pk, task_number=p.report.assignment.measure.task.number,
        task_name=p.report.assignment.measure.task.display_name, unit=p.report.assignment.unit.display_name,
        text=p.text, owner=p.owner_unit.display_name if p.owner_unit else "", raised_on=timezone.localtime(p.created_at).date(),
    ) for p in problems)


def _headline(statuses, tasks, ranking, problems) -> Headline:
    due = sum(r.due_periods for r in ranking)
    on_time = sum(r.on_time for r in ranking)
    return Headline(
        tasks=len(tasks), measures=len({s.assignment.measure_id for s in statuses}), assignments=len(statuses),
        units=len(ranking), task_lights=light_counts(r.light for r in tasks),
        lights=light_counts(s.light for s in statuses), done=sum(1 for s in statuses if is_done(s)),
        due_periods=due, on_time=on_time, on_time_rate=round(on_time / due * 100, 1) if due else None,
        urged=sum(r.urged for r in ranking), returned=sum(r.returned for r in ranking), open_problems=len(problems),
    )


def bulletin_collect(*, user, period: str, plan: Plan | None = None, today: datetime.date | None = None) -> BulletinData:
    """Collect one period's bulletin for the plan (the user's current plan by default), as the user sees it."""
    as_of = period_as_of(period, today or timezone.localdate())
    plan = plan or current_plan_for(user=user)
    if plan is None:
        raise BulletinError("尚无任务清单，不能生成通报。")
    statuses = sorted(statuses_as_of(supervised_assignments(user=user, plan=plan), as_of).values(), key=_plan_order)
    ranking = ranking_for(statuses, as_of)
    problems = _problems([s.assignment.pk for s in statuses], as_of)
    return BulletinData(
        period=period, period_label=period_label(period), as_of=as_of, plan_title=plan.title,
        headline=_headline(statuses, task_rows(statuses), ranking, problems), focuses=_focuses(statuses),
        rows=tuple(_row(s) for s in statuses), ranking=tuple(ranking), problems=problems,
        targets=targets_collect(plan, as_of), issue_seq=issue_seq(plan, period),
    )


def issue_seq(plan: Plan, period: str) -> int:
    """The bulletin's number in its year: one more than the earlier months of the year already issued for the plan."""
    year = period[:4]
    earlier = (BulletinJob.objects.filter(plan=plan, status=JobStatus.DONE, period__startswith=f"{year}-", period__lt=period)
               .values("period").distinct().count())
    return earlier + 1
