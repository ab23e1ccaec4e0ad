"""Indicators over the API: every figure of a plan as of a date, and the rows behind one figure (drill-down).

"task" is the number of the first task (in the notice's order) of the indicator's target; a target several tasks
share (13-15: 新增楚商回乡…) reports "13", with all of them in "tasks". A per-chain or per-item part has its parent's
id in "parent", its chain (a per-chain part) or item in "split"; a parent's goal is its number of parts and its
actual the parts that met their goal. Growth indicators report percent (goal 10 = +10%)."""

import datetime

from django.urls import reverse
from django.utils import timezone
from ninja import Router, Schema

from zhaoshang.api.params import Day, Id
from zhaoshang.core.permissions import get_for
from zhaoshang.kpis.choices import PROJECT_KINDS, Kind
from zhaoshang.kpis.figures import Figure, due_of
from zhaoshang.kpis.models import Kpi
from zhaoshang.kpis.rules import rule_text
from zhaoshang.kpis.selectors import kpi_figure, plan_figures, registry_row_key
from zhaoshang.kpis.selectors_pages import evidence_visible, visible_rows
from zhaoshang.plans.models import Task
from zhaoshang.plans.selectors import current_plan_for, default_as_of, plan_for

router = Router(tags=["目标指标"])
ROW_LIMIT = 2000


class IndicatorOut(Schema):
    id: int
    task: str | None
    tasks: list[str]
    target: str
    parent: int | None
    text: str
    split: str | None
    chain: str | None
    kind: str
    unit: str
    year: int
    due: datetime.date
    goal: float
    actual: float | None
    expected: float | None
    percent: float | None
    met: bool
    light: str
    reason: str
    note: str
    rule: str
    rows: int | None
    registry: str | None = None  # registry counts: the source's key, how it counts (new/stock), the column filter
    registry_mode: str | None = None
    registry_filter: dict[str, str] | None = None
    registry_sum: str | None = None  # a column added up instead of counting rows (输送人数)
    period: str | None = None  # a recurring goal: per week/fortnight/month/quarter/half
    measure: int | None = None  # an indicator set on one measure: its number (举措序号) within the task
    by_office: bool = False  # defined by the office (kept across notice revisions), not read from the notice


def _number(value) -> float | None:
    return None if value is None else round(float(value), 4)


def _indicator(figure: Figure, tasks: list[str]) -> dict:
    kpi = figure.kpi
    chains = [chain.name for chain in kpi.chains.all()]
    return {"id": kpi.pk, "task": tasks[0] if tasks else None, "tasks": tasks, "target": kpi.target.text,
            "parent": kpi.parent_id, "text": kpi.text, "split": kpi.split_label or None,
            "chain": chains[0] if kpi.parent_id and len(chains) == 1 else None, "kind": kpi.kind, "unit": kpi.unit,
            "year": kpi.year, "due": due_of(kpi), "goal": _number(figure.goal), "actual": _number(figure.actual),
            "expected": _number(figure.expected), "percent": _number(figure.percent), "met": figure.met,
            "light": figure.light.value, "reason": figure.reason, "note": figure.note, "rule": rule_text(kpi),
            "rows": figure.rows, "period": kpi.period or None, "by_office": kpi.source_id is None,
            "measure": kpi.measure.ordinal if kpi.measure_id and kpi.measure else None, **_registry_rule(kpi)}


def _registry_rule(kpi) -> dict:
    if kpi.kind != Kind.REGISTRY_COUNT:
        return {}
    return {"registry": kpi.registry or None, "registry_mode": kpi.registry_mode, "registry_filter": kpi.registry_filter,
            "registry_sum": kpi.registry_sum or None}


@router.get("indicators", response=list[IndicatorOut])
def indicator_list(request, as_of: Day | None = None, plan: Id | None = None):
    """Every indicator of the plan (default: the current one) with its figure as of `as_of` (default: today, or the
    plan's last day once its year is over), parents before their parts, in the notice's order."""
    chosen = plan_for(user=request.user, pk=plan) if plan else current_plan_for(user=request.user)
    if chosen is None:
        return []
    kpis, figures = plan_figures(chosen.pk, as_of or default_as_of(chosen))
    tasks = task_numbers(chosen.pk)
    return [_indicator(figures[kpi.pk], tasks.get(kpi.target_id, [])) for kpi in kpis]


def task_numbers(plan_id: int) -> dict[int, list[str]]:
    """The numbers of the tasks of each target, in the notice's order."""
    tasks: dict[int, list[str]] = {}
    numbers = Task.objects.filter(plan_id=plan_id).order_by("sort_key", "id").values_list("target_id", "number")
    for target_id, number in numbers:
        tasks.setdefault(target_id, []).append(number)
    return tasks


def indicator_out(kpi: Kpi, as_of: datetime.date) -> dict:
    """One indicator as the list shows it."""
    return _indicator(kpi_figure(kpi, as_of), task_numbers(kpi.plan_id).get(kpi.target_id, []))


class ProjectRow(Schema):
    id: int
    name: str
    chain: str | None
    stage: str
    state: str
    amount_wan: float
    reached_on: datetime.date | None
    channel: str
    channel_detail: str
    lead_unit: str


class RegistryRow(Schema):
    id: int
    date: datetime.date | None  # an event's date; a kit registry row's start (since), which may be empty
    text: str
    url: str | None = None  # a kit registry row's page


class ValueRow(Schema):
    id: int
    value: float
    as_of: datetime.date
    note: str
    entered_by: str
    reviewed_by: str | None
    reviewed_at: datetime.datetime | None
    evidence_url: str | None


class RowsOut(Schema):
    id: int
    kind: str
    source: str
    actual: float | None
    count: int
    truncated: bool
    projects: list[ProjectRow] = []
    registry: list[RegistryRow] = []
    values: list[ValueRow] = []


def _project(project) -> dict:
    return {"id": project.pk, "name": project.name, "chain": project.chain.name if project.chain else None,
            "stage": project.stage, "state": project.state, "amount_wan": float(project.amount_wan),
            "reached_on": project.counted_on, "channel": project.channel, "channel_detail": project.channel_detail,
            "lead_unit": project.lead_unit.display_name}


def _registry_row(row, key: str | None) -> dict:
    """A counted row with the day that places it (visible_rows' `counted_on`, already a Beijing date)."""
    day = row.counted_on
    if isinstance(day, datetime.datetime):
        day = timezone.localdate(day)
    url = reverse("registries:detail", args=[key, row.pk]) if key else None
    return {"id": row.pk, "date": day, "text": str(row), "url": url}


def _value(row, show_evidence: bool) -> dict:
    return {"id": row.pk, "value": float(row.value), "as_of": row.as_of, "note": row.note,
            "entered_by": row.entered_by.display_name,
            "reviewed_by": row.reviewed_by.display_name if row.reviewed_by else None,
            "reviewed_at": row.reviewed_at,
            "evidence_url": reverse("kpis:value_evidence", args=[row.pk]) if row.evidence and show_evidence else None}


@router.get("indicators/{kpi_id}/rows", response=RowsOut)
def indicator_rows(request, kpi_id: int, as_of: Day | None = None):
    """The rows that make the figure as of `as_of`: the counted projects (with the day each reached the counted
    stage), the registry rows, or the confirmed values (the latest is the figure). A split parent lists the rows of
    all its parts; its actual is the parts that met their goal. Rows are those the caller may see (a unit user sees
    only its own unit's enterprise needs); at most 2000, `count` is all of them."""
    alive = Kpi.objects.filter(plan__deleted_at__isnull=True).select_related("plan").prefetch_related("chains", "tags")
    kpi = get_for(request.user, "view", alive, pk=kpi_id)
    day = as_of or default_as_of(kpi.plan)
    figure = kpi_figure(kpi, day)
    rows = visible_rows(user=request.user, kpi=kpi, as_of=day)  # the very rows the page lists to this user
    source = "projects" if kpi.kind in PROJECT_KINDS else "registry" if kpi.kind == Kind.REGISTRY_COUNT else "values"
    page = list(rows[:ROW_LIMIT + 1])
    truncated = len(page) > ROW_LIMIT
    out = {"id": kpi.pk, "kind": kpi.kind, "source": source, "actual": _number(figure.actual), "truncated": truncated,
           "count": rows.count() if truncated else len(page)}
    page = page[:ROW_LIMIT]
    if source == "projects":
        out["projects"] = [_project(project) for project in page]
    elif source == "registry":
        key = registry_row_key(kpi)
        out["registry"] = [_registry_row(row, key) for row in page]
    else:
        show_evidence = evidence_visible(request.user, kpi)
        out["values"] = [_value(row, show_evidence) for row in page]
    return out
