"""Reads on the pipeline, scoped to the caller (a unit user: its own unit's projects)."""

from django.db.models import Count, Q, Sum
from django.http import Http404

from zhaoshang.accounts.models import Unit
from zhaoshang.core.permissions import get_for, listing_action
from zhaoshang.plans.models import Chain
from zhaoshang.plans.selectors import current_plan_for
from zhaoshang.projects.choices import Stage, State
from zhaoshang.projects.filters import ProjectFilter
from zhaoshang.projects.flags import attach_clocks
from zhaoshang.projects.models import Enterprise, Project, StageChange, Tag

KANBAN_CARDS = 30  # cards shown per column; the column's count and amount cover all of them


def projects_for(*, user, params=None):
    """The caller's projects, filtered by `params` (query-string names), with what lists show."""
    queryset = Project.objects.restrict(user, listing_action(user)).select_related("chain", "lead_unit").prefetch_related(
        "enterprises", "tags")
    return ProjectFilter(params or {}, queryset=queryset).qs


def project_for(*, user, pk: int, action: str = "view") -> Project:
    return get_for(user, action, Project.objects.select_related("chain", "chain_link", "lead_unit"), pk=pk)


def project_page_for(*, user, pk: int) -> Project:
    """A project for its page: only those who list it (a unit user: its own unit's) see it; 404 otherwise."""
    project = project_for(user=user, pk=pk, action=listing_action(user))
    return attach_clocks([project])[0]


def project_history(project: Project) -> list[StageChange]:
    """Every stage change of a project, oldest first, with who made it."""
    return list(project.stage_changes.select_related("actor").order_by("happened_on", "id"))


def stage_entries(history: list[StageChange]) -> list[tuple[str, object]]:
    """(stage, date entered) for each stage the project entered, in order (停滞/终止 do not restart a stage's clock)."""
    return [(c.to_stage, c.happened_on) for c in history
            if c.to_state == State.ACTIVE and (not c.from_stage or c.to_stage != c.from_stage or c.from_state != State.ACTIVE)]


def evidence_for(*, user, pk: int) -> StageChange:
    """A stage change whose evidence `user` may download: one of the projects they list; 404 otherwise."""
    visible = Project.objects.restrict(user, listing_action(user)).values("pk")
    change = StageChange.objects.filter(pk=pk, project__in=visible).exclude(evidence="").first()
    if change is None:
        raise Http404("对象不存在或无权访问")
    return change


def enterprise_page_for(*, user, pk: int) -> tuple[Enterprise, list[Project]]:
    """An enterprise with the projects of it the user lists; a unit user sees only enterprises in its own projects."""
    enterprise = Enterprise.objects.prefetch_related("contacts").filter(pk=pk).first()
    projects = projects_for(user=user, params={"enterprise": str(pk)}) if enterprise else Project.objects.none()
    projects = attach_clocks(projects.order_by("-amount_wan", "id"))
    if enterprise is None or (not projects and listing_action(user) != "view"):
        raise Http404("对象不存在或无权访问")
    return enterprise, projects


def kanban_for(*, user, params) -> list[dict]:
    """A column per stage: count and amount of every filtered project in it, and its most recently updated cards.

    Terminated projects stay off the board unless a state is asked for. Queries: one for the totals, one per
    stage for its card ids, then the cards with their enterprises and tags: constant, whatever the data."""
    projects = projects_for(user=user, params=params)
    if not (params or {}).get("state"):
        projects = projects.exclude(state=State.TERMINATED)
    totals = pipeline_totals(projects)["stages"]
    ids = {stage: list(projects.filter(stage=stage).order_by("-updated_at", "-id").values_list("pk", flat=True)[:KANBAN_CARDS])
           for stage in Stage.values}
    cards = {p.pk: p for p in attach_clocks(projects.filter(pk__in=[pk for chunk in ids.values() for pk in chunk]))}
    return [{**column, "cards": [cards[pk] for pk in ids[column["stage"]] if pk in cards]} for column in totals]


def pipeline_totals(projects) -> dict:
    """Count and amount of a (filtered) list, overall and per stage."""
    rows = projects.order_by().values("stage").annotate(n=Count("id"), amount=Sum("amount_wan"))  # filters use subqueries: no duplicate rows
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


def current_chains(*, user):
    """The live chains of the user's current plan (the choices of forms and filters)."""
    plan = current_plan_for(user=user)
    return Chain.objects.filter(plan=plan, merged_into__isnull=True).order_by("order", "id") if plan else Chain.objects.none()


def filter_options(*, user) -> dict:
    """What the pipeline filters offer: the current chains, the tags, and the units (a unit user lists only its own)."""
    units = Unit.objects.all() if listing_action(user) == "view" else Unit.objects.none()
    return {"chains": list(current_chains(user=user)), "tags": list(Tag.objects.all()), "units": list(units)}
