"""The phase clock (阶段时钟): a project's time in its stage against that stage's budget in months, and how long
it has gone without an update. Pure; no Django.

Rules, applied in order; the first that matches decides:

| # | condition | light | flagged | reason |
|---|-----------|-------|---------|--------|
| 1 | terminated (终止) | grey | no | 已终止 |
| 2 | producing (投产) | green | no | 已投产 |
| 3 | stalled (停滞) | red | yes | 项目停滞 |
| 4 | today > the stage's deadline (entered + budget months) | red | yes | 超出本阶段时限N天 |
| 5 | no update for at least `stale_days` days | yellow | yes | N天未更新 |
| 6 | otherwise | green | no | 本阶段剩余N天 (or 按期推进 for a stage without a budget) |

The deadline day itself is not over budget. A month is a calendar month: 31 January + 1 month = 28 (29) February.
A stage with no budget (e.g. 线索 by default) has no deadline; only rules 1-3 and 5 apply to it.
"""

import calendar
import datetime
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from zhaoshang.supervision.lights import LIGHT_LABELS, Light

DEFAULT_BUDGETS = {"negotiating": 3, "signed": 1, "registered": 2, "permitting": 3, "started": 12}
DEFAULT_STALE_DAYS = 30
TERMINATED, STALLED, PRODUCING = "terminated", "stalled", "producing"


@functools.lru_cache(maxsize=8192)  # a page's clocks repeat the same few hundred (entry date, budget) pairs
def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` calendar months later (or earlier), clamped to the month's last day."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def over_budget_before(today: datetime.date, months: int) -> datetime.date:
    """The earliest entry date still within budget on `today`: a stage entered before it is over budget.

    Equivalent to rule 4 (add_months is monotone), and lets a database filter on the entry date alone."""
    cutoff = add_months(today, -months) - datetime.timedelta(days=3)
    while add_months(cutoff, months) < today:
        cutoff += datetime.timedelta(days=1)
    return cutoff


@dataclass(frozen=True)
class ClockRules:
    """Months allowed per stage, and the days without an update that flag a project."""

    budgets: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_BUDGETS))
    stale_days: int = DEFAULT_STALE_DAYS

    def __post_init__(self) -> None:
        for stage, months in self.budgets.items():
            if not isinstance(months, int) or isinstance(months, bool) or months < 1:
                raise ValueError(f"阶段“{stage}”的时限应为正整数（月）")
        if not isinstance(self.stale_days, int) or self.stale_days < 1:
            raise ValueError("未更新提醒天数应为正整数")


@dataclass(frozen=True)
class ClockInput:
    """What the clock looks at for one project on one day."""

    stage: str
    state: str
    since: datetime.date
    last_update: datetime.date
    today: datetime.date


@dataclass(frozen=True)
class Clock:
    """A light, why, whether the project is flagged, and the figures behind it."""

    light: Light
    reason: str
    flagged: bool
    budget_months: int | None
    deadline: datetime.date | None
    days_in_stage: int
    days_left: int | None
    quiet_days: int

    @property
    def label(self) -> str:
        return LIGHT_LABELS[self.light]


def clock_for(inp: ClockInput, rules: ClockRules) -> Clock:
    """The phase clock of one project as of `inp.today` (rules in the module docstring)."""
    budget = rules.budgets.get(inp.stage)
    deadline = add_months(inp.since, budget) if budget else None
    days_left = (deadline - inp.today).days if deadline else None
    quiet = max((inp.today - inp.last_update).days, 0)

    def result(light: Light, reason: str, flagged: bool) -> Clock:
        return Clock(light, reason, flagged, budget, deadline, max((inp.today - inp.since).days, 0), days_left, quiet)

    if inp.state == TERMINATED:
        return result(Light.GREY, "已终止", False)
    if inp.stage == PRODUCING:
        return result(Light.GREEN, "已投产", False)
    if inp.state == STALLED:
        return result(Light.RED, "项目停滞", True)
    if days_left is not None and days_left < 0:
        return result(Light.RED, f"超出本阶段时限{-days_left}天（时限{budget}个月）", True)
    if quiet >= rules.stale_days:
        return result(Light.YELLOW, f"{quiet}天未更新", True)
    if days_left is None:
        return result(Light.GREEN, "按期推进", False)
    return result(Light.GREEN, f"本阶段剩余{days_left}天", False)


@dataclass(frozen=True)
class StageSpan:
    """One stage a project went through: when it entered, when it left (None: still there), against its budget."""

    stage: str
    entered: datetime.date
    left: datetime.date | None
    days: int
    budget_months: int | None
    over: bool


def stage_spans(entries: Sequence[tuple[str, datetime.date]], today: datetime.date, rules: ClockRules) -> list[StageSpan]:
    """The stages of a history of (stage, date entered) in order; the last one runs to `today`.

    A stage entered twice (after a move back) shows twice; skipped stages (same date) show with 0 days."""
    spans = []
    for index, (stage, entered) in enumerate(entries):
        left = entries[index + 1][1] if index + 1 < len(entries) else None
        end = left or today
        budget = rules.budgets.get(stage)
        spans.append(StageSpan(stage, entered, left, max((end - entered).days, 0), budget,
                               bool(budget) and end > add_months(entered, budget)))
    return spans
