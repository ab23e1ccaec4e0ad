"""Reads of the indicator pages (指标总览, one indicator): filter choices, light counts, a figure with its parts,
the rows behind it as the caller may list them, and what a unit has to report."""

import datetime
from collections import Counter

from django.db.models import F, OuterRef, QuerySet, Subquery

from zhaoshang.accounts.models import Unit
from zhaoshang.core.permissions import UNIT, can, get_for, is_member_of, listing_action, role_of
from zhaoshang.kpis.choices import VALUE_KINDS, SuggestionStatus
from zhaoshang.kpis.models import Kpi, KpiSuggestion, KpiValue
from zhaoshang.kpis.registries import kit_registry, row_day
from zhaoshang.kpis.rules import Window, with_reached_on
from zhaoshang.kpis.selectors import TaskBlock, kpi_rows
from zhaoshang.plans.models import Assignment, Focus, Plan, Task
from zhaoshang.plans.selectors import ALIVE_ASSIGNMENT
from zhaoshang.projects.models import Project
from zhaoshang.supervision.lights import Light


def overview_choices(plan: Plan) -> dict:
    """The overview's filters: the plan's focuses and tasks, and the units its tasks are assigned to."""
    assigned = Assignment.objects.filter(ALIVE_ASSIGNMENT, measure__task__plan=plan).values("unit_id")
    return {
        "focuses": Focus.objects.filter(plan=plan),
        "tasks": Task.objects.filter(plan=plan).order_by("sort_key", "id"),
        "units": Unit.objects.filter(pk__in=assigned),
    }


def light_counts(blocks: list[TaskBlock]) -> dict[Light, int]:
    """Indicators shown, each counted once (tasks sharing a target show the same ones), by light."""
    shown = {figure.kpi.pk: figure.light for block in blocks for figure in block.figures}
    counts = Counter(shown.values())
    return {light: counts[light] for light in Light}


def visible_rows(*, user, kpi: Kpi, as_of: datetime.date) -> QuerySet:
    """kpi_rows narrowed to what `user` may list (a unit user: its own unit's projects and needs), each with
    `counted_on`: the day that places it in the figure (a project's day of reaching the stage, also when it moved
    back later; an event's date in Beijing time; a kit registry row's `since`; a value's as-of date)."""
    rows = kpi_rows(kpi, as_of)
    if rows.model is Project:
        return with_reached_on(rows.restrict(user, listing_action(user)), kpi.stage, Window.of(kpi.year, as_of), as_of)
    if rows.model is KpiValue:
        return rows.annotate(counted_on=F("as_of"))
    if kit_registry(kpi.registry) is None:  # the event lists: a unit user lists its own unit's needs
        rows = rows.restrict(user, "view")
    # every signed-in user reads every kit registry (registries/access.py); its rows show their `since`
    return rows.annotate(counted_on=row_day(kpi.registry)).order_by("-counted_on", "-pk")


def evidence_visible(user, kpi: Kpi) -> bool:
    """Whether `user` may download the evidence of `kpi`'s values. Like a progress report's attachments: the office,
    leaders and admins see all; a unit user only its own unit's (the indicator's reporting unit). The figures
    themselves stay visible to everyone."""
    return listing_action(user) == "view" or is_member_of(user, kpi.reporting_unit_id)


def value_evidence_for(*, user, pk: int) -> KpiValue:
    """A reported value whose evidence `user` may download (see evidence_visible); 404 whether missing or forbidden."""
    values = KpiValue.objects.filter(kpi__deleted_at__isnull=True).exclude(evidence="")
    return get_for(user, listing_action(user), values, pk=pk)


def values_to_report(*, user, plan: Plan | None) -> list[Kpi]:
    """The reported values and milestones a unit user's unit reports (待报送指标), with the status of its latest value."""
    if plan is None or role_of(user) != UNIT or user.unit_id is None:
        return []
    latest = KpiValue.objects.filter(kpi=OuterRef("pk")).order_by("-entered_at", "-id")
    return list(Kpi.objects.filter(plan=plan, kind__in=VALUE_KINDS, reporting_unit_id=user.unit_id)
                .annotate(latest_status=Subquery(latest.values("status")[:1]),
                          latest_as_of=Subquery(latest.values("as_of")[:1]))
                .select_related("target").order_by("target__order", "order", "id"))


def pending_suggestions(*, user, plan) -> int:
    """How many numbers found in the measures wait for the office's decision (0 for others)."""
    if plan is None or not can(user, "manage"):
        return 0
    return KpiSuggestion.objects.filter(plan=plan, status=SuggestionStatus.PENDING).count()
