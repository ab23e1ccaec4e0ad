"""Reads of the project tallies (kept by projects/tally_triggers.py): the list's and kanban's per-stage totals and
the cohort counts, from tens or thousands of summary rows instead of every project.

The tally keeps lead unit, chain, channel, state and stage, and per tag lead unit, state and stage: a list filtered
by nothing else (or by one tag with its unit, state or stage) is totalled here, through the list's own FilterSet (the
tally's columns carry the filter's field names), and exactly, as the rows are counted in the transaction of every
write. Any other filter (a keyword, a year, an amount, a tag with a chain or channel) is counted from the rows.
"""

from decimal import Decimal

from django.db.models import Sum, Value

from zhaoshang.core.permissions import EVERYTHING, listing_action, scope_filter
from zhaoshang.projects.choices import Stage, State
from zhaoshang.projects.filters import ProjectFilter
from zhaoshang.projects.models import ProjectTally, ProjectYearTally
from zhaoshang.projects.tagging import MAX_TAG_BIT, tag_id_named

TALLIED_FILTERS = frozenset({"chain", "stage", "state", "channel", "unit"})
TALLIED_WITH_TAG = frozenset({"tag", "stage", "state", "unit"})
CENT = Decimal("0.01")
RESERVE_STAGES = [Stage.LEAD, Stage.NEGOTIATING]


def _tally_rows(user, *, filtered: bool):
    """The tally rows the user's projects are counted in: the city-wide grain for those who list every project and
    filter nothing, else the per-unit grain narrowed to the user's scope."""
    action = listing_action(user)
    if not filtered and scope_filter(user, action, ProjectTally.UNIT_SCOPE) == EVERYTHING:
        return ProjectTally.objects.filter(grain=0)
    return ProjectTally.objects.restrict(user, action).filter(grain=1)


def stage_totals(by_stage: dict[str, tuple[int, Decimal]]) -> dict:
    """Count and amount overall and per stage, from (count, amount) per stage: what the list and kanban show."""
    return {
        "count": sum(count for count, _ in by_stage.values()),
        "amount_wan": sum((amount for _, amount in by_stage.values()), Decimal(0)),
        "stages": [{"stage": stage, "label": label, "count": by_stage.get(stage, (0, 0))[0],
                    "amount_wan": by_stage.get(stage, (0, Decimal(0)))[1]} for stage, label in Stage.choices],
    }


def _tag_rows(user, name: str):
    """The per-tag tally rows of the tag named so, in the user's scope; None for a tag without a bit."""
    tag_id = tag_id_named(name)
    if tag_id is None or not 0 < tag_id <= MAX_TAG_BIT:
        return None
    return ProjectTally.objects.restrict(user, listing_action(user)).filter(grain=2, tag_bit=tag_id)


def tallied_totals(*, user, params: dict, live_only: bool = False) -> dict | None:
    """The per-stage totals of the user's projects filtered by `params`, from the tally; None when a filter is given
    that the tally does not keep. `live_only` leaves terminated projects out (the kanban's default)."""
    if "tag" in params and set(params) <= TALLIED_WITH_TAG:
        rows = _tag_rows(user, params["tag"])
        if rows is None:
            return None
        params = {name: value for name, value in params.items() if name != "tag"}
    elif set(params) <= TALLIED_FILTERS:
        rows = _tally_rows(user, filtered=bool(params))
    else:
        return None
    rows = ProjectFilter(params, queryset=rows).qs
    if live_only:
        rows = rows.exclude(state=State.TERMINATED)
    sums = rows.order_by().values("stage").annotate(count=Sum("project_count"), fen=Sum("amount_fen"))
    return stage_totals({row["stage"]: (row["count"], (Decimal(row["fen"]) / 100).quantize(CENT)) for row in sums})


def tallied_cohorts(*, user, year: int, live_states: list[str]) -> dict:
    """The reserve (线索 and 洽谈) and the projects signed, started and producing in `year`, among the user's projects
    in `live_states`: a few summary rows each."""
    reserve = _tally_rows(user, filtered=False).filter(stage__in=RESERVE_STAGES, state__in=live_states).order_by()
    years = ProjectYearTally.objects.restrict(user, listing_action(user)).filter(year=year, state__in=live_states)
    sums = [reserve.values(name=Value("reserve")).annotate(n=Sum("project_count")).values_list("name", "n"),
            years.order_by().values("milestone").annotate(n=Sum("project_count")).values_list("milestone", "n")]
    found = dict(sums[0].union(sums[1], all=True))  # one query
    return {"reserve": found.get("reserve") or 0,
            **{name: found.get(f"{name}_on", 0) for name in ("signed", "started", "producing")}}
