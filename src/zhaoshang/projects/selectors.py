"""Reads on the pipeline, scoped to the caller (a unit user: its own unit's projects)."""

from django.db.models import Count, Q, Sum

from zhaoshang.core.permissions import get_for, listing_action
from zhaoshang.projects.choices import Stage, State
from zhaoshang.projects.filters import ProjectFilter
from zhaoshang.projects.models import Project


def projects_for(*, user, params=None):
    """The caller's projects, filtered by `params` (query-string names), with what lists show."""
    queryset = Project.objects.restrict(user, listing_action(user)).select_related("chain", "lead_unit").prefetch_related(
        "enterprises", "tags")
    return ProjectFilter(params or {}, queryset=queryset).qs


def project_for(*, user, pk: int, action: str = "view") -> Project:
    return get_for(user, action, Project.objects.select_related("chain", "chain_link", "lead_unit"), pk=pk)


def pipeline_totals(projects) -> dict:
    """Count and amount of a (filtered) list, overall and per stage."""
    rows = projects.order_by().values("stage").annotate(n=Count("id", distinct=True), amount=Sum("amount_wan"))
    by_stage = {row["stage"]: row for row in rows}
    return {
        "count": sum(r["n"] for r in rows),
        "amount_wan": sum((r["amount"] or 0) for r in rows),
        "stages": [{"stage": s, "label": label, "count": by_stage.get(s, {}).get("n", 0),
                    "amount_wan": by_stage.get(s, {}).get("amount") or 0} for s, label in Stage.choices],
    }


def cohort_counts(*, user, year: int) -> dict:
    """What cities publish: the reserve (储备), started and producing this year."""
    projects = Project.objects.restrict(user, listing_action(user)).exclude(state=State.TERMINATED)
    return projects.aggregate(
        reserve=Count("id", filter=Q(stage__in=[Stage.LEAD, Stage.NEGOTIATING])),
        signed=Count("id", filter=Q(signed_on__year=year)),
        started=Count("id", filter=Q(started_on__year=year)),
        producing=Count("id", filter=Q(producing_on__year=year)),
    )
