"""Reads on the pipeline, scoped to the caller (a unit user: its own unit's projects)."""

import datetime
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import EmptyResultSet
from django.db.models import Count, F, Q, Sum
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.utils import timezone

from zhaoshang.accounts.models import Unit
from zhaoshang.core.models import AuditLog
from zhaoshang.core.permissions import get_for, listing_action
from zhaoshang.core.query_params import Listing
from zhaoshang.plans.models import Chain, ChainLink
from zhaoshang.plans.selectors import current_plan_for
from zhaoshang.projects.choices import Channel, Stage, State
from zhaoshang.projects.clock import Clock
from zhaoshang.projects.contact_privacy import phones_visible, shown_phone
from zhaoshang.projects.filters import ProjectFilter
from zhaoshang.projects.flags import attach_clocks
from zhaoshang.projects.models import Enterprise, Project, StageChange, Tag
from zhaoshang.projects.tally import stage_totals, tallied_cohorts, tallied_totals

KANBAN_CARDS = 15  # cards shown per column (the newest; a link lists the rest); the column's count and amount cover all of them
# every state but terminated, as a list: the cohort counts read it as ranges of an index instead of testing each row
LIVE_STATES = [state for state in State.values if state != State.TERMINATED]
CHANNEL_LABELS, STAGE_LABELS, STATE_LABELS = dict(Channel.choices), dict(Stage.choices), dict(State.choices)


@dataclass
class Investor:
    """An enterprise as a row shows it: a name linking to its page."""

    pk: int
    name: str


@dataclass
class ProjectRow:
    """What the list and the kanban show of a project, as plain values: model instances (a project, its chain, unit,
    enterprises and tags) would cost more than drawing the page."""

    pk: int
    name: str
    amount_wan: Decimal
    channel: str
    channel_detail: str
    stage: str
    state: str
    stage_since: datetime.date
    updated_at: datetime.datetime
    chain_name: str | None
    unit_name: str
    enterprises: list[Investor]
    tags: list[str]
    clock: Clock | None = None

    @property
    def enterprise_names(self) -> str:
        return "、".join(e.name for e in self.enterprises)

    @property
    def channel_label(self) -> str:
        return CHANNEL_LABELS.get(self.channel, self.channel)

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS.get(self.stage, self.stage)

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.state, self.state)

    @property
    def updated_day(self) -> str:
        """The local day of the last update, as the list shows it (the date filter costs more than the row)."""
        return timezone.localtime(self.updated_at).strftime("%Y-%m-%d")


def listed_projects(user):
    """The projects `user` lists and may refer to (a need, a drill-down): all for the office, leaders and admins, its
    own unit's (lead unit) for a unit user. The one scope of project reads."""
    return Project.objects.restrict(user, listing_action(user))


def project_listing(*, user, params=None) -> Listing:
    """The caller's projects, filtered by `params` (query-string names), and whether the keyword search was cut."""
    return Listing.of(ProjectFilter(params or {}, queryset=listed_projects(user)))


def list_params(query: Mapping) -> dict:
    """The list filter's values from a query string (empty ones dropped, the page number left out)."""
    return {key: value for key, value in query.items() if value and key != "page"}


def filtered_projects(*, user, params=None):
    """The caller's projects, filtered by `params` (query-string names): what the pages count and list."""
    return project_listing(user=user, params=params).rows


def projects_for(*, user, params=None):
    """The filtered projects with their chain, unit, enterprises and tags (the API, an enterprise's page)."""
    return filtered_projects(user=user, params=params).select_related("chain", "lead_unit").prefetch_related(
        "enterprises", "tags")


def with_names(projects) -> list[Project]:
    """The projects (chain and unit joined), each with the names of its enterprises and tags as plain lists
    (`enterprise_list`, `tag_list`): what the API lists, without a related manager per project."""
    projects = list(projects.select_related("chain", "chain_link", "lead_unit"))
    ids = [project.pk for project in projects]
    investors, tags = investors_of(ids), tag_names_of(ids)
    for project in projects:
        project.enterprise_list = [investor.name for investor in investors.get(project.pk, [])]
        project.tag_list = tags.get(project.pk, [])
    return projects


def project_for(*, user, pk: int, action: str = "view") -> Project:
    return get_for(user, action, Project.objects.select_related("chain", "chain_link", "lead_unit"), pk=pk)


def main_investor(project: Project) -> Enterprise | None:
    """The project's first investor (the one entered with it): what its form shows and changes."""
    link = Project.enterprises.through.objects.filter(project=project).select_related("enterprise").order_by("id").first()
    return link.enterprise if link else None


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


def stage_change_for(*, user, pk: int) -> StageChange:
    """A stage change of a project `user` may work on (the office: any); 404 otherwise."""
    workable = Project.objects.restrict(user, "work").values("pk")
    change = StageChange.objects.select_related("project", "actor").filter(pk=pk, project__in=workable).first()
    if change is None:
        raise Http404("对象不存在或无权访问")
    return change


def project_trail(project: Project, limit: int = 50) -> list[AuditLog]:
    """The audit entries of a project and of its stage changes, newest first: its 修改记录."""
    changes = [str(pk) for pk in project.stage_changes.values_list("pk", flat=True)]
    entries = AuditLog.objects.filter(Q(object_type="projects.project", object_id=str(project.pk)) |
                                      Q(object_type="projects.stagechange", object_id__in=changes))
    return list(entries.select_related("actor").order_by("-id")[:limit])


def enterprise_page_for(*, user, pk: int) -> tuple[Enterprise, list[Project]]:
    """An enterprise with the projects of it the user lists; a unit user sees only enterprises in its own projects."""
    enterprise = Enterprise.objects.prefetch_related("contacts").filter(pk=pk).first()
    projects = projects_for(user=user, params={"enterprise": str(pk)}) if enterprise else Project.objects.none()
    projects = attach_clocks(projects.order_by("-amount_wan", "id"))
    if enterprise is None or (not projects and listing_action(user) != "view"):
        raise Http404("对象不存在或无权访问")
    return enterprise, projects


def enterprise_contacts(*, user, enterprise: Enterprise) -> list[tuple]:
    """(contact, phone as `user` may see it) for the enterprise page: masked unless phones_visible, the export's rule;
    the owner units are the lead units of all the enterprise's projects."""
    owners = set(Project.objects.filter(enterprises=enterprise).values_list("lead_unit_id", flat=True))
    visible = phones_visible(user, owners)
    return [(contact, shown_phone(contact.phone, visible)) for contact in enterprise.contacts.all()]


def kanban_for(*, user, params) -> Listing:
    """A column per stage: count and amount of every filtered project in it, and its most recently updated cards;
    and whether the keyword search was cut (the board says so, as the list does).

    Terminated projects stay off the board unless a state is asked for. Four queries, whatever the data: the
    totals, and the cards of every stage (one query) with their units and enterprises."""
    listing = project_listing(user=user, params=params)
    projects = listing.rows
    if not (params or {}).get("state"):
        # a NOT, not an IN on the states: SQLite without statistics would take an IN for the better index and sort
        # each stage's projects instead of walking (stage, updated_at)
        projects = projects.exclude(state=State.TERMINATED)
    cards = {stage: [] for stage in Stage.values}
    for card in project_rows(newest_per_stage(projects, KANBAN_CARDS), tags=False):  # cards show no tags
        cards[card.stage].append(card)
    totals = list_totals(user=user, params=params or {}, projects=projects, live_only=not (params or {}).get("state"))
    return Listing([{**column, "cards": cards[column["stage"]]} for column in totals["stages"]], listing.truncated)


def project_rows(projects, *, tags: bool = True) -> list[ProjectRow]:
    """The projects as rows, in order, each with its clock: one query for the rows, one for their units, one for
    their enterprises and (unless `tags` is false) one for their tags."""
    rows = list(projects.values("pk", "name", "amount_wan", "channel", "channel_detail", "stage", "state", "stage_since",
                                "updated_at", "lead_unit_id", chain_name=F("chain__name")))
    ids = [row["pk"] for row in rows]
    # a join would let SQLite (without statistics) start from the units and sort every project
    units = Unit.all_objects.filter(pk__in={row["lead_unit_id"] for row in rows}).values_list("pk", "short_name", "name")
    unit_names = {pk: short or name for pk, short, name in units}  # Unit.display_name
    investors = investors_of(ids)
    tag_names = tag_names_of(ids) if tags else {}
    built = []
    for row in rows:
        unit_name = unit_names[row.pop("lead_unit_id")]
        built.append(ProjectRow(**row, unit_name=unit_name, enterprises=investors.get(row["pk"], []),
                                tags=tag_names.get(row["pk"], [])))
    return attach_clocks(built)


def investors_of(project_ids) -> dict[int, list[Investor]]:
    """Each project's enterprises, by name; deleted ones are left out here rather than in SQL, where SQLite without
    statistics would start from every live enterprise."""
    links = Project.enterprises.through.objects.filter(project_id__in=project_ids).order_by("enterprise__name", "enterprise_id")
    links = links.values_list("project_id", "enterprise_id", "enterprise__name", "enterprise__deleted_at")
    return _by_project((project_id, Investor(pk, name)) for project_id, pk, name, deleted_at in links if deleted_at is None)


def tag_names_of(project_ids) -> dict[int, list[str]]:
    """Each project's tags, in the office's order."""
    links = Project.tags.through.objects.filter(project_id__in=project_ids).order_by("tag__order", "tag_id")
    return _by_project(links.values_list("project_id", "tag__name"))


def _by_project(pairs) -> dict[int, list]:
    """(project id, value) pairs as each project's list of values, in order."""
    grouped = defaultdict(list)
    for project_id, value in pairs:
        grouped[project_id].append(value)
    return grouped


def newest_per_stage(projects, count: int):
    """The `count` most recently updated of each stage, newest first, in one query: a LIMIT subquery per stage walks
    a (stage, updated_at) index and stops, where a window function would rank every project. The subqueries are
    joined by UNION ALL inside one IN: an OR of seven INs makes PostgreSQL scan every project to test each (34 ms at
    100k). Each is wrapped as a derived table, as SQLite allows no LIMIT on a compound member itself."""
    newest = projects.order_by("-updated_at", "-id").values("pk")
    try:
        members = [newest.filter(stage=stage)[:count].query.sql_with_params() for stage in Stage.values]
    except EmptyResultSet:  # a filter that matches nothing (a search without hits): Django writes no SQL for it
        return Project.objects.none()
    union = " UNION ALL ".join(f"SELECT * FROM ({sql}) AS newest_{index}" for index, (sql, _) in enumerate(members))
    ids = RawSQL(union, [param for _, params in members for param in params])
    return Project.all_objects.filter(pk__in=ids).order_by("-updated_at", "-id")  # `projects` checked deletion already


def pipeline_totals(projects) -> dict:
    """Count and amount of a (filtered) list of projects, overall and per stage, counted from the rows."""
    # filters use subqueries: no duplicate rows; COUNT(*) reads one column less per row than COUNT(id)
    rows = projects.order_by().values("stage").annotate(n=Count("*"), amount=Sum("amount_wan"))
    return stage_totals({row["stage"]: (row["n"], row["amount"] or Decimal(0)) for row in rows})


def list_totals(*, user, params: dict, projects, live_only: bool = False) -> dict:
    """The totals of the user's projects filtered by `params` (which `projects` are): from the tally when it keeps
    every filter given, else counted from the rows."""
    return tallied_totals(user=user, params=params, live_only=live_only) or pipeline_totals(projects)


def cohort_counts(*, user, year: int) -> dict:
    """What cities publish: the reserve (储备), and the projects signed, started and producing this year (terminated
    ones left out), from the tallies."""
    return tallied_cohorts(user=user, year=year, live_states=LIVE_STATES)


def current_chains(*, user):
    """The live chains of the user's current plan (the choices of forms and filters)."""
    plan = current_plan_for(user=user)
    return Chain.objects.filter(plan=plan, merged_into__isnull=True).order_by("order", "id") if plan else Chain.objects.none()


def filter_options(*, user, params: dict) -> dict:
    """What each pipeline filter offers, as (value, label, selected) rows read with values(): the current chains,
    their links (with the chain's id last), the tags and the units (none for a unit user, who sees its own)."""
    chains = list(current_chains(user=user).values_list("pk", "name"))
    links = ChainLink.objects.filter(chain_id__in=[pk for pk, _ in chains]).order_by("chain__order", "chain_id", "order", "id")
    units = Unit.objects.all() if listing_action(user) == "view" else Unit.objects.none()
    chosen = {key: params.get(key, "") for key in ("chain", "chain_link", "tag", "unit")}
    return {
        "chains": [(pk, name, chosen["chain"] in (str(pk), name)) for pk, name in chains],
        "links": [(pk, f"{chain} / {name}", chosen["chain_link"] == str(pk), chain_id)
                  for pk, chain_id, chain, name in links.values_list("pk", "chain_id", "chain__name", "name")],
        "tags": [(name, name, chosen["tag"] == name) for name in Tag.objects.values_list("name", flat=True)],
        "units": [(pk, short or name, chosen["unit"] == str(pk)) for pk, short, name in units.values_list("pk", "short_name", "name")],
    }
