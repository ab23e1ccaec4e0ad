"""Reads on plans, each narrowed by the permission gate and with a fixed number of queries."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Max, Prefetch, Q
from django.http import Http404
from django.utils import timezone

from zhaoshang.core.permissions import can, get_for
from zhaoshang.plans.choices import UploadStatus
from zhaoshang.plans.models import Assignment, Chain, Measure, NoticeUpload, Plan, Target, Task

ALIVE_ASSIGNMENT = Q(deleted_at__isnull=True, measure__deleted_at__isnull=True,
                     measure__task__deleted_at__isnull=True, measure__task__plan__deleted_at__isnull=True)


def plans_for(*, user):
    """Plans the user may see, with their task counts."""
    return Plan.objects.restrict(user, "view").annotate(task_count=Count("tasks", filter=Q(tasks__deleted_at__isnull=True)))


def plan_for(*, user, pk: int, action: str = "view") -> Plan:
    return get_for(user, action, Plan.objects, pk=pk)


def current_plan_for(*, user) -> Plan | None:
    """The newest plan that is not archived, else the newest."""
    plans = Plan.objects.restrict(user, "view")
    return plans.filter(is_archived=False).first() or plans.first()


YEAR_OVER_NOTE = "（本计划年度已结束，默认显示年末数据）"


def plan_last_day(plan: Plan | None) -> datetime.date | None:
    """31 December of the plan's year: the year it was issued, else the latest year its dated tasks fall due
    (no query when the notice has a date); None when neither is known."""
    if plan is None:
        return None
    if plan.issued_on:
        return datetime.date(plan.issued_on.year, 12, 31)
    latest = plan.tasks.filter(deadline_month__isnull=False).aggregate(latest=Max("deadline_month"))["latest"]
    return datetime.date(latest.year, 12, 31) if latest else None


def default_as_of(plan: Plan | None, today: datetime.date | None = None) -> datetime.date:
    """The day a page shows by default: today, or the plan's last day once its year is over (a finished year is
    read as it ended, not as a year of overdue deadlines). Writes still happen today."""
    today = today or timezone.localdate()
    last = plan_last_day(plan)
    return min(today, last) if last else today


def page_as_of(plan: Plan | None, asked: datetime.date | None) -> tuple[datetime.date, str]:
    """The day a page shows (the asked one wins) and the note for its date input when the default was moved."""
    if asked:
        return asked, ""
    day = default_as_of(plan)
    return day, YEAR_OVER_NOTE if day < timezone.localdate() else ""


def tasks_with_measures(plan: Plan):
    """The plan's tasks with focus, target, indicators, measures, assignments and units: five queries."""
    assignments = Prefetch("assignments", queryset=Assignment.objects.select_related("unit"))
    return (
        plan.tasks.select_related("focus", "target")
        .prefetch_related("target__indicators", Prefetch("measures", queryset=Measure.objects.prefetch_related(assignments)))
    )


@dataclass
class TargetBlock:
    target: Target | None
    tasks: list[Task] = field(default_factory=list)


@dataclass
class FocusBlock:
    focus_name: str
    targets: list[TargetBlock] = field(default_factory=list)

    @property
    def task_count(self) -> int:
        return sum(len(t.tasks) for t in self.targets)


def plan_outline(plan: Plan) -> list[FocusBlock]:
    """Focus → target → tasks in the notice's order; consecutive tasks sharing a focus or target group."""
    blocks: list[FocusBlock] = []
    for task in tasks_with_measures(plan):
        focus_name = task.focus.name if task.focus else "未分组"
        if not blocks or blocks[-1].focus_name != focus_name:
            blocks.append(FocusBlock(focus_name))
        targets = blocks[-1].targets
        if not targets or targets[-1].target != task.target:
            targets.append(TargetBlock(task.target))
        targets[-1].tasks.append(task)
    return blocks


def assignments_for(*, user, plan: Plan | None = None, unit_id: int | None = None, action: str = "view"):
    """Live assignments the user may `action`, with measure, task and unit, in plan order."""
    qs = Assignment.objects.restrict(user, action).filter(ALIVE_ASSIGNMENT)
    if plan is not None:
        qs = qs.filter(measure__task__plan=plan)
    if unit_id is not None:
        qs = qs.filter(unit_id=unit_id)
    return qs.select_related("unit", "measure__task__focus", "measure__task__target", "measure__task__plan").order_by(
        "measure__task__plan_id", "measure__task__sort_key", "measure__ordinal", "order"
    )


def measure_search(*, user, plan: Plan, text: str = "", unit_id: int | None = None):
    """Measures of the plan whose text (or task target) contains `text` and that `unit_id` works on."""
    qs = Measure.objects.restrict(user, "view").filter(task__plan=plan, task__deleted_at__isnull=True)
    for word in text.split():
        qs = qs.filter(Q(text__icontains=word) | Q(task__target__text__icontains=word))
    if unit_id:
        qs = qs.filter(assignments__unit_id=unit_id, assignments__deleted_at__isnull=True)
    return (
        qs.distinct()
        .select_related("task__focus", "task__target")
        .prefetch_related(Prefetch("assignments", queryset=Assignment.objects.select_related("unit")))
        .order_by("task__sort_key", "ordinal")
    )


def chains_for(*, user, plan: Plan):
    """The plan's live chains with their links, task and lead unit."""
    return Chain.objects.restrict(user, "view").filter(plan=plan).select_related("task", "lead_unit").prefetch_related("links")


def plan_as_notice(plan: Plan) -> dict:
    """The plan in the parser's JSON shape, so a revised notice can be compared with it."""
    tasks = []
    for task in tasks_with_measures(plan):
        tasks.append({
            "number": task.number,
            "focus": task.focus.name if task.focus else None,
            "target": task.target.text if task.target else None,
            "deadline": task.deadline_code,
            "measures": [
                {"text": m.text, "units": [a.unit.display_name for a in m.assignments.all()]} for m in task.measures.all()
            ],
        })
    return {
        "title": plan.title,
        "issuer": plan.issuer,
        "doc_number": plan.doc_number,
        "date": plan.issued_on.isoformat() if plan.issued_on else None,
        "tasks": tasks,
    }


def notice_upload_for(*, user, pk: int) -> NoticeUpload:
    """An uploaded notice: an imported one for whoever sees its plan, any other only for the office."""
    upload = NoticeUpload.objects.filter(pk=pk).select_related("plan").first()
    visible = upload is not None and (
        can(user, "manage")
        or (upload.status == UploadStatus.APPLIED and Plan.objects.restrict(user, "view").filter(pk=upload.plan_id).exists())
    )
    if not visible:
        raise Http404("文件不存在或无权访问")
    return upload


def pending_upload_for(*, user, pk: int) -> NoticeUpload:
    """An upload still waiting for the office to confirm it."""
    if not can(user, "manage"):
        raise Http404("文件不存在或无权访问")
    upload = NoticeUpload.objects.filter(pk=pk, status=UploadStatus.PENDING).select_related("plan").first()
    if upload is None:
        raise Http404("该上传不存在或已处理")
    return upload
