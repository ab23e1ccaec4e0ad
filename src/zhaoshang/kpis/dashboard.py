"""Reads for the leaders' dashboard (领导驾驶舱) and its wall screen (大屏): charts and headline figures.

Project figures follow the indicators' counting rule (rules.py): a project counts for stage S in year Y as of day d
when it reached S between 1 January Y and min(d, 31 December Y), was not terminated by d, and is one the user lists
(a unit user: its own unit's projects); a reach lost by moving back after d still counts (a StageRetreat row).
`tally` answers a whole chart with two grouped aggregates, one over the projects holding the stage and one over the
retreats; they never overlap (a project re-reaches a stage only after it moved back, and then the retreat no longer
counts). Every figure carries the query string of its drill-down, whose rows are `reached_projects` with the same
arguments (drill.py), so a figure and its rows cannot disagree. Indicator figures come from figures.py, unit lights
from supervision's statuses. The number of queries does not grow with the data."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum

from zhaoshang.core.permissions import listing_action
from zhaoshang.core.query_params import query_date, query_year
from zhaoshang.kpis.choices import CountStage
from zhaoshang.kpis.figures import WAN_PER_YI, Figure, figures_for, plan_kpis
from zhaoshang.kpis.models import Kpi
from zhaoshang.kpis.registry_figures import RegistryFigure, chain_registry_figures
from zhaoshang.kpis.rules import Window, alive_on, held_q, reached_q, retreat_q
from zhaoshang.kpis.selectors import plan_figures
from zhaoshang.plans.models import Chain, ChainLink, Focus, Plan
from zhaoshang.plans.selectors import current_plan_for, page_as_of
from zhaoshang.projects.choices import REACHED
from zhaoshang.projects.models import Project, StageRetreat
from zhaoshang.supervision.lights import LIGHT_LABELS, Light
from zhaoshang.supervision.selectors.status import statuses_as_of
from zhaoshang.supervision.selectors.work import light_counts, supervised_assignments

STAGES = CountStage.values  # the stages with a date: 签约 → 注册 → 开工 → 投产
LIGHT_ORDER = [Light.RED, Light.YELLOW, Light.BLUE, Light.GREEN, Light.GREY]  # worst first, as the charts stack them
NONE = "none"  # the query value of "no chain" / "no link" / "no focus"


@dataclass(frozen=True)
class BoardParams:
    """Whose board, of which plan, for which year, as of which day."""

    user: object
    plan: Plan | None
    year: int
    as_of: datetime.date
    as_of_note: str = ""  # said beside the date when the default moved to the plan's last day

    @property
    def window(self) -> Window:
        return Window.of(self.year, self.as_of)

    @property
    def base_query(self) -> str:
        return urlencode({"year": self.year, "as_of": self.as_of.isoformat()})

    def query(self, **figure) -> str:
        """The drill-down query string of a figure of this board (empty values left out)."""
        values = {"year": self.year, "as_of": self.as_of.isoformat(), **figure}
        return urlencode({key: value for key, value in values.items() if value not in (None, "")})


def board_params(*, user, params) -> BoardParams:
    """?as_of=YYYY-MM-DD (default today, Beijing time, or the plan's last day once its year is over) and ?year=
    (default the year of the plan's indicators)."""
    asked = query_date(params, "as_of", label="截至日期")
    year = query_year(params, "year", label="统计年度")
    plan = current_plan_for(user=user)
    as_of, note = page_as_of(plan, asked)
    return BoardParams(user, plan, year or plan_year(plan) or as_of.year, as_of, note)


def plan_year(plan: Plan | None) -> int | None:
    """The year most of the plan's indicators count (a notice's targets are for one year)."""
    if plan is None:
        return None
    row = Kpi.objects.filter(plan=plan).values("year").annotate(n=Count("pk")).order_by("-n", "-year").first()
    return row["year"] if row else None


# --- projects ---------------------------------------------------------------------------------------------

def listed_projects(user) -> QuerySet:
    """The projects the user lists: everything for the office and leaders, its own unit's for a unit user."""
    return Project.objects.restrict(user, listing_action(user))


def reached_projects(*, user, stage: str, window: Window, as_of: datetime.date) -> QuerySet:
    """The user's projects that reached `stage` within `window`, counted as of `as_of` (the drill-down rows)."""
    if window.empty:
        return Project.objects.none()
    return listed_projects(user).filter(held_q(stage, window, as_of))


@dataclass
class Tally:
    """How many projects and their planned investment (万元)."""

    count: int = 0
    amount_wan: Decimal = Decimal(0)

    def add(self, count: int, amount) -> None:
        self.count += count or 0
        self.amount_wan += amount or 0

    @property
    def amount_yi(self) -> float:
        return float(self.amount_wan / WAN_PER_YI)


def tally(params: BoardParams, stages: list[str], window: Window, group: dict[str, tuple], where: Q = Q()) -> dict:
    """{group key: {stage: Tally}} for the projects reaching each stage in `window` (two queries).

    `group` names each key part with its expression on a project and on a StageRetreat row (which counts its
    project on the day it reached the stage: a date part groups by `reached_on`)."""
    if window.empty:
        return {}
    names = list(group)
    base = listed_projects(params.user).filter(where & alive_on(params.as_of)).order_by()
    held = (base.filter(reduce(or_, (reached_q(stage, window) for stage in stages)))
            .annotate(**{f"g_{name}": exprs[0] for name, exprs in group.items()}).values(*(f"g_{n}" for n in names))
            .annotate(**{key: measure for stage in stages for key, measure in _measures(stage, window).items()}))
    # EXISTS, not IN: the few retreats of the window each look their project up, instead of listing every project
    lost = (StageRetreat.objects.filter(reduce(or_, (retreat_q(stage, window, params.as_of) for stage in stages)),
                                        Exists(base.filter(pk=OuterRef("project_id")))).order_by()
            .annotate(**{f"g_{name}": exprs[1] for name, exprs in group.items()}).values("stage", *(f"g_{n}" for n in names))
            .annotate(n=Count("pk"), amount=Sum("project__amount_wan")))
    result = defaultdict(lambda: {stage: Tally() for stage in stages})
    for row in held:
        key = tuple(row[f"g_{n}"] for n in names)
        for stage in stages:
            result[key][stage].add(row[f"n_{stage}"], row[f"a_{stage}"])
    for row in lost:
        result[tuple(row[f"g_{n}"] for n in names)][row["stage"]].add(row["n"], row["amount"])
    return dict(result)


def _measures(stage: str, window: Window) -> dict:
    condition = reached_q(stage, window)
    return {f"n_{stage}": Count("pk", filter=condition), f"a_{stage}": Sum("amount_wan", filter=condition)}


BY_CHAIN = {"chain": (F("chain_id"), F("project__chain_id")), "name": (F("chain__name"), F("project__chain__name"))}


def plan_chains(plan: Plan | None) -> list[Chain]:
    """The plan's live chains (merged ones left out), in order."""
    if plan is None:
        return []
    return list(Chain.objects.filter(plan=plan, merged_into__isnull=True).select_related("task", "lead_unit")
                .order_by("order", "id"))


# --- indicators -------------------------------------------------------------------------------------------------

def top_figures(params: BoardParams) -> list[tuple[Figure, bool]]:
    """The plan's top-level indicators as of the date, each with whether it is split into parts (then its figure
    counts the parts that met their goal): a split target counts once, as the notice states it."""
    kpis, figures = plan_figures(params.plan.pk, params.as_of) if params.plan else ([], {})
    split = {kpi.parent_id for kpi in kpis}
    return [(figures[kpi.pk], kpi.pk in split) for kpi in kpis if not kpi.parent_id]


# --- the dashboard ------------------------------------------------------------------------------------------

@dataclass
class Headline:
    """The cards on top: indicators met of all, red indicators, projects and investment signed this year."""

    kpis_met: int
    kpis_total: int
    kpis_red: int
    signed: Tally
    queries: dict[str, str] = field(default_factory=dict)


@dataclass
class Dashboard:
    params: BoardParams
    headline: Headline
    charts: dict  # what dashboard.js draws (json_script)
    alerts: list[tuple[Figure, bool]]  # the red indicators (figure, is split)


def dashboard(params: BoardParams) -> Dashboard:
    """Everything the dashboard and the wall screen show, as of `params.as_of`."""
    pairs = top_figures(params)
    top = [figure for figure, _split in pairs]
    by_chain = tally(params, STAGES, params.window, BY_CHAIN)
    totals = {stage: Tally() for stage in STAGES}
    for stages in by_chain.values():
        for stage, counted in stages.items():
            totals[stage].add(counted.count, counted.amount_wan)
    signed_query = params.query(kind="projects", stage=CountStage.SIGNED)
    headline = Headline(
        kpis_met=sum(1 for figure in top if figure.met), kpis_total=len(top),
        kpis_red=sum(1 for figure in top if figure.light == Light.RED), signed=totals[CountStage.SIGNED],
        queries={"met": params.query(kind="kpis", met=1), "total": params.query(kind="kpis"),
                 "red": params.query(kind="kpis", light=Light.RED), "signed": signed_query})
    charts = {
        "focus": _focus_chart(params, top),
        "funnel": [{"name": CountStage(stage).label, "value": totals[stage].count, "amount_wan": str(totals[stage].amount_wan),
                    "query": params.query(kind="projects", stage=stage)} for stage in STAGES],
        "chains": _chain_chart(params, by_chain),
        "months": _month_chart(params),
        "units": _unit_chart(params),
    }
    return Dashboard(params, headline, charts, [pair for pair in pairs if pair[0].light == Light.RED])


def _light_series(params: BoardParams, keys: list, counts: dict, kind: str, key_name: str) -> list[dict]:
    """One stacked series per light: counts[key][light] for each key, each point with its drill-down query."""
    return [{"name": LIGHT_LABELS[light], "light": light.value, "data": [
        {"value": counts[key].get(light, 0), "query": params.query(kind=kind, **{key_name: key}, light=light.value)}
        for key in keys]} for light in LIGHT_ORDER]


def _focus_chart(params: BoardParams, top: list[Figure]) -> dict:
    """Indicators per focus by light, with how many met their goal (top-level indicators: a split counts once)."""
    focuses = {focus.pk: focus.name for focus in Focus.objects.filter(plan=params.plan)} if params.plan else {}
    counts: dict = defaultdict(lambda: defaultdict(int))
    met: dict = defaultdict(int)
    for figure in top:
        key = figure.kpi.target.focus_id or NONE
        counts[key][figure.light] += 1
        met[key] += figure.met
    keys = [key for key in focuses if key in counts] + ([NONE] if NONE in counts else [])
    return {
        "categories": [focuses.get(key, "未分组") for key in keys],
        "met": [{"value": met[key], "total": sum(counts[key].values()), "query": params.query(kind="kpis", focus=key, met=1)}
                for key in keys],
        "series": _light_series(params, keys, counts, "kpis", "focus"),
    }


def _chain_chart(params: BoardParams, by_chain: dict) -> dict:
    """Investment signed this year per chain, in 亿元: the plan's chains in order, other chains after, then none."""
    signed = {chain_id: stages[CountStage.SIGNED] for (chain_id, _name), stages in by_chain.items()}
    names = {chain.pk: chain.name for chain in plan_chains(params.plan)}
    others = sorted(((name, chain_id) for chain_id, name in by_chain if chain_id is not None and chain_id not in names))
    keys = list(names) + [chain_id for _name, chain_id in others] + ([None] if None in signed else [])
    names.update({chain_id: name for name, chain_id in others})
    data = []
    for key in keys:
        counted = signed.get(key, Tally())
        data.append({"value": counted.amount_yi, "amount_wan": str(counted.amount_wan), "count": counted.count,
                     "query": params.query(kind="projects", stage=CountStage.SIGNED, chain=key or NONE)})
    return {"categories": [names.get(key, "未关联产业链") for key in keys], "data": data}


def _month_chart(params: BoardParams) -> dict:
    """Projects signed per month this year (to the as-of month) and, where it has any, last year, both counted as of
    the date.

    Grouped by day in the database (an index range, no date function per row), by month here (at most 731 rows)."""
    span = Window(datetime.date(params.year - 1, 1, 1), params.window.end)
    by_day = tally(params, [CountStage.SIGNED], span, {"day": (F(REACHED[CountStage.SIGNED]), F("reached_on"))})
    counts: dict = defaultdict(int)
    for (day,), stages in by_day.items():
        counts[(day.year, day.month)] += stages[CountStage.SIGNED].count
    shown = min(max((params.as_of.year - params.year) * 12 + params.as_of.month, 0), 12)  # this year's, to the date
    series = []
    compared = any(counts[(params.year - 1, month)] for month in range(1, 13))  # no flat zero line without data
    for year, months in ((params.year, shown), (params.year - 1, 12))[: 2 if compared else 1]:
        series.append({"name": f"{year}年", "data": [
            {"value": counts[(year, month)],
             "query": params.query(kind="projects", stage=CountStage.SIGNED, year=year, month=month)}
            if month <= months else None for month in range(1, 13)]})
    return {"categories": [f"{month}月" for month in range(1, 13)], "series": series}


def _unit_chart(params: BoardParams) -> dict:
    """Each unit's assignments by supervision light as of the date, units with the most red first."""
    if params.plan is None:
        return {"categories": [], "series": []}
    statuses = list(statuses_as_of(supervised_assignments(user=params.user, plan=params.plan), params.as_of).values())
    units = sorted(light_counts(statuses)["by_unit"], key=lambda u: (-u["red"], -u["yellow"], u["unit"]))
    counts = {u["unit_id"]: {light: u[light.value] for light in Light} for u in units}
    return {"categories": [u["unit"] for u in units],
            "series": _light_series(params, [u["unit_id"] for u in units], counts, "lights", "unit")}


# --- the industry-chain board ------------------------------------------------------------------------------

@dataclass
class LinkCell:
    """One link of a chain (None: the chain's projects without a link): this year's projects per stage."""

    link: ChainLink | None
    stages: list[tuple[str, Tally, str]]  # (stage label, tally, drill query)

    @property
    def total(self) -> int:
        return sum(counted.count for _label, counted, _query in self.stages)


@dataclass
class ChainCard:
    chain: Chain
    cells: list[LinkCell]
    unlinked: LinkCell
    signed: Tally  # this year's signed projects of the chain: the investment shown
    signed_query: str
    figures: list[Figure]  # the indicator parts counting this chain alone (各产业链…项目1个)
    registries: list[RegistryFigure] = field(default_factory=list)  # the chain's registry rows in place on the day


@dataclass
class ChainGroup:
    title: str
    cards: list[ChainCard]


def chain_board(params: BoardParams) -> list[ChainGroup]:
    """The plan's chains grouped by task, each with its links in order and what this year brought at each, and the
    rows of the registries that place a row on a chain (registry_figures.py)."""
    chains = plan_chains(params.plan)
    if not chains:
        return []
    links = defaultdict(list)
    for link in ChainLink.objects.filter(chain__in=chains):  # the model's order: main links in order, then weak ones
        links[link.chain_id].append(link)
    group = {"chain": (F("chain_id"), F("project__chain_id")), "link": (F("chain_link_id"), F("project__chain_link_id"))}
    counts = tally(params, STAGES, params.window, group, Q(chain__in=chains))
    parts = _chain_parts(params)
    registries = chain_registry_figures(chains, params.as_of)
    groups: dict = {}
    for chain in chains:
        cells = [_cell(params, chain, link, counts) for link in links[chain.pk]]
        signed = Tally()
        for (chain_id, _link), stages in counts.items():
            if chain_id == chain.pk:
                signed.add(stages[CountStage.SIGNED].count, stages[CountStage.SIGNED].amount_wan)
        card = ChainCard(chain, cells, _cell(params, chain, None, counts), signed,
                         params.query(kind="projects", stage=CountStage.SIGNED, chain=chain.pk), parts.get(chain.pk, []),
                         registries.get(chain.pk, []))
        title = f"任务{chain.task.number} · {chain.category}" if chain.task else chain.category or "其他产业链"
        groups.setdefault(title, ChainGroup(title, [])).cards.append(card)
    return list(groups.values())


def _cell(params: BoardParams, chain: Chain, link: ChainLink | None, counts: dict) -> LinkCell:
    stages = counts.get((chain.pk, link.pk if link else None), {})
    return LinkCell(link, [(CountStage(stage).label, stages.get(stage, Tally()),
                            params.query(kind="projects", stage=stage, chain=chain.pk, link=link.pk if link else NONE))
                           for stage in STAGES])


def _chain_parts(params: BoardParams) -> dict[int, list[Figure]]:
    """The figures of the indicator parts bound to exactly one chain, by chain."""
    kpis = [kpi for kpi in plan_kpis(params.plan.pk).filter(parent__isnull=False) if len(kpi.chains.all()) == 1]
    figures = figures_for(kpis, params.as_of)
    parts = defaultdict(list)
    for kpi in kpis:
        parts[kpi.chains.all()[0].pk].append(figures[kpi.pk])
    return parts
