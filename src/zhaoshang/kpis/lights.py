"""The light of an indicator as of a date (pure; thresholds as in supervision, docs/LIGHTS.md).

| # | condition | light | reason |
|---|-----------|-------|--------|
| 1 | no figure (no confirmed value, no baseline, zero baseline) | grey | why |
| 2 | goal met (≥ goal; ≤ goal for "不超过") | green | 已达标 |
| 3 | due date passed, not met | red | 逾期未达标 |
| 4 | milestone not done | blue when fewer than blue_days days are left, else green | 时限内推进 |
| 5 | behind 序时进度 beyond the red threshold | red | 落后序时进度N个百分点 |
| 6 | behind beyond the yellow threshold | yellow | 落后序时进度N个百分点 |
| 7 | fewer than blue_days days left | blue | 距完成时限不足N天 |
| 8 | otherwise | green | 符合序时进度 |

Progress is the percent of the goal reached (a growth target: growth to date over the growth goal) and
序时进度 is supervision's expected_progress from the plan's start to the due date; a growth target is expected at
its full goal all year (it compares the growth to date with the goal).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from zhaoshang.supervision.lights import Light, Thresholds, behind_reason, beyond_threshold


@dataclass(frozen=True)
class KpiLightInput:
    as_of: datetime.date
    due: datetime.date
    met: bool
    percent: float | None  # of the goal reached; None when there is no figure
    expected: float | None  # 序时进度 in percent of the goal
    is_milestone: bool = False
    at_most: bool = False
    missing: str = ""  # why there is no figure


def goal_met(actual: Decimal | None, goal: Decimal, at_most: bool) -> bool:
    if actual is None:
        return False
    return actual <= goal if at_most else actual >= goal


def kpi_light(inp: KpiLightInput, thresholds: Thresholds) -> tuple[Light, str]:
    if inp.missing:
        return Light.GREY, inp.missing
    if inp.met:
        return Light.GREEN, "已达标"
    if inp.as_of > inp.due:
        return Light.RED, "逾期未达标"
    days_left = (inp.due - inp.as_of).days
    near = days_left < thresholds.blue_days
    if inp.is_milestone or inp.at_most or inp.percent is None or inp.expected is None:
        return (Light.BLUE, f"距完成时限不足{thresholds.blue_days}天") if near else (Light.GREEN, "时限内推进")
    behind = round(inp.expected - inp.percent, 6)
    for light, threshold in ((Light.RED, thresholds.red), (Light.YELLOW, thresholds.yellow)):
        if beyond_threshold(inp.percent, inp.expected, behind, threshold, thresholds.mode):
            return light, behind_reason(inp.percent, inp.expected, behind, thresholds.mode)
    if near:
        return Light.BLUE, f"距完成时限不足{thresholds.blue_days}天"
    return Light.GREEN, "符合序时进度"

