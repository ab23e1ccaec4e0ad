"""Reads for the indicator pages, the dashboard and the API: the overview by task, one figure, its rows."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from zhaoshang.kpis.choices import PROJECT_KINDS, Kind, ValueStatus
from zhaoshang.kpis.figures import Figure, figures_for, plan_kpis
from zhaoshang.kpis.models import Kpi, KpiValue
from zhaoshang.kpis.errors import KpiError
from zhaoshang.kpis.registries import counted_q, is_source, kit_registry, source_rows
from zhaoshang.kpis.rules import Window, counted_projects
from zhaoshang.plans.models import Task


@dataclass
class TaskBlock:
    """One task of the overview with the figures of its target (tasks sharing a target show the same ones)."""

    task: Task
    figures: list[Figure] = field(default_factory=list)  # top-level figures; a split parent's parts follow it
    parts: dict[int, list[Figure]] = field(default_factory=dict)


def plan_figures(plan_id: int, as_of: datetime.date) -> tuple[list[Kpi], dict[int, Figure]]:
    """Every live indicator of the plan and its figure as of `as_of`."""
    kpis = list(plan_kpis(plan_id))
    return kpis, figures_for(kpis, as_of)


def overview(plan, as_of: datetime.date, *, focus_id: int | None = None, task_id: int | None = None,
             unit_id: int | None = None) -> list[TaskBlock]:
    """指标总览: tasks in order, each with its target's figures; filtered by focus, task or responsible unit."""
    kpis, figures = plan_figures(plan.pk, as_of)
    tasks = Task.objects.filter(plan=plan).select_related("focus", "target").order_by("sort_key", "id")
    if focus_id:
        tasks = tasks.filter(focus_id=focus_id)
    if task_id:
        tasks = tasks.filter(pk=task_id)
    if unit_id:
        tasks = tasks.filter(measures__assignments__unit_id=unit_id, measures__assignments__deleted_at__isnull=True).distinct()
    blocks = []
    for task in tasks:
        block = TaskBlock(task)
        for kpi in kpis:
            if kpi.target_id != task.target_id:
                continue
            if kpi.parent_id:
                block.parts.setdefault(kpi.parent_id, []).append(figures[kpi.pk])
            else:
                block.figures.append(figures[kpi.pk])
        blocks.append(block)
    return blocks


def kpi_with_parts(kpi: Kpi, as_of: datetime.date) -> tuple[Figure, list[Figure]]:
    """One indicator's figure and, for a per-chain or per-item target, its parts' figures in order."""
    kpis = list(plan_kpis(kpi.plan_id).filter(Q(pk=kpi.pk) | Q(parent=kpi)))
    figures = figures_for(kpis, as_of)
    return figures[kpi.pk], [figures[part.pk] for part in kpis if part.parent_id == kpi.pk]


def kpi_figure(kpi: Kpi, as_of: datetime.date) -> Figure:
    """One indicator's figure (a split parent's is computed with its parts)."""
    return kpi_with_parts(kpi, as_of)[0]


def kpi_rows(kpi: Kpi, as_of: datetime.date) -> QuerySet:
    """The rows that make the figure: projects, registry rows, or the confirmed values up to `as_of`."""
    if kpi.kind in PROJECT_KINDS:
        return counted_projects(kpi, as_of).select_related("chain", "lead_unit").order_by("-amount_wan", "id")
    if kpi.kind == Kind.REGISTRY_COUNT:
        return registry_counted_rows(kpi, as_of)
    return kpi_values(kpi).filter(status=ValueStatus.CONFIRMED, as_of__lte=as_of)


def registry_counted_rows(kpi: Kpi, as_of: datetime.date) -> QuerySet:
    """The rows of a registry-count indicator's source that make its figure as of `as_of` (none for a source or a
    filter that is not valid: the figure has none either)."""
    if not is_source(kpi.registry):
        return KpiValue.objects.none()
    window = Window.of(kpi.year, as_of)
    rows = source_rows(kpi.registry)
    if window.empty:
        return rows.none()
    try:
        return rows.filter(counted_q(kpi.registry, kpi.registry_mode, kpi.registry_filter, window.start, window.end))
    except KpiError:
        return rows.none()


def registry_row_key(kpi: Kpi) -> str | None:
    """The kit registry whose rows (registries:detail) the indicator's rows are, if any."""
    return kpi.registry if kpi.kind == Kind.REGISTRY_COUNT and kit_registry(kpi.registry) else None


def kpi_values(kpi: Kpi) -> QuerySet:
    """Every value reported for the indicator, newest first: its history."""
    return kpi.values.select_related("entered_by", "reviewed_by").order_by("-as_of", "-id")
