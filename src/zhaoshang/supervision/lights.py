"""The light rules (红黄绿灯): one light per assignment, computed "as of" any date.

Rules, applied in order; the first that matches decides:

| # | condition | light | reason |
|---|-----------|-------|--------|
| 1 | done (已完成) | green | 已完成 |
| 2 | deadline passed (as_of > deadline), not done | red | 逾期未完成 |
| 3 | nothing due yet (first_due None or as_of < first_due) and no percent | grey | 尚无需报送 |
| 4 | missed_cycles >= 2 | red | 连续N期未报送 |
| 5 | behind 序时进度 beyond the red threshold | red | 落后序时进度N个百分点 |
| 6 | missed_cycles == 1 | yellow | 本期未按时报送 |
| 7 | behind beyond the yellow threshold; else blocked (受阻) | yellow | 落后序时进度N个百分点 / 进展受阻 |
| 8 | fewer than blue_days days left to the deadline | blue | 距完成时限不足N天 |
| 9 | otherwise | green | 符合序时进度 |

"Beyond" is strict: exactly at a threshold is not beyond it. Points mode: behind = expected - percent
(percentage points) and the test is behind > threshold. Ratio mode: the test is percent < expected * X / 100
(only when expected > 0); the reason then reads "完成进度仅为序时进度的N%", and ``behind`` is still in points.
Rule 8: days left = deadline - as_of; blue when days left < blue_days (blue_days 15: 14 days left is blue,
15 is not).

Long-term tasks (长期, deadline None) have no 序时进度: rules 1, 3, 4, 6 and "受阻" apply, otherwise green
"按期报送". A report without a percent (percent None, due dates passed, nothing missed) counts as on
track for the progress rules. The deadline day itself is not overdue; a done task with no percent counts as
100% for ``behind``.

A task, focus or unit shows the worst light of its parts: red > yellow > blue > green > grey.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

# Percent values are compared after rounding to this many decimals, so 40.000000001 is not "beyond" 40.
_PRECISION = 6


class Light(StrEnum):
    """A traffic light."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    GREY = "grey"
    BLUE = "blue"


LIGHT_LABELS: dict[Light, str] = {
    Light.GREEN: "绿灯",
    Light.YELLOW: "黄灯",
    Light.RED: "红灯",
    Light.GREY: "灰灯",
    Light.BLUE: "蓝灯",
}

# Severity for aggregation: higher is worse.
SEVERITY: dict[Light, int] = {Light.GREY: 0, Light.GREEN: 1, Light.BLUE: 2, Light.YELLOW: 3, Light.RED: 4}

POINTS = "points"
RATIO = "ratio"


@dataclass(frozen=True)
class Thresholds:
    """When progress behind 序时进度 turns yellow or red, and how close a deadline turns blue."""

    mode: str
    yellow: float
    red: float
    blue_days: int = 15

    def __post_init__(self) -> None:
        if self.mode == POINTS:
            if not 0 <= self.yellow <= self.red:
                raise ValueError("按百分点判定时，须满足 0 ≤ 黄灯阈值 ≤ 红灯阈值")
        elif self.mode == RATIO:
            if not 0 <= self.red <= self.yellow <= 100:
                raise ValueError("按比例判定时，须满足 0 ≤ 红灯阈值 ≤ 黄灯阈值 ≤ 100")
        else:
            raise ValueError(f"未知的判定方式：{self.mode}（应为 points 或 ratio）")
        if self.blue_days < 0:
            raise ValueError("蓝灯提前天数不能为负数")


PRESETS: dict[str, Thresholds] = {
    "points_10_30": Thresholds(POINTS, 10, 30),
    "points_15_40": Thresholds(POINTS, 15, 40),
    "ratio_80_50": Thresholds(RATIO, 80, 50),
}

PRESET_LABELS: dict[str, str] = {
    "points_10_30": "落后序时进度超过10个百分点为黄灯，超过30个百分点为红灯",
    "points_15_40": "落后序时进度超过15个百分点为黄灯，超过40个百分点为红灯",
    "ratio_80_50": "完成进度低于序时进度的80%为黄灯，低于50%为红灯",
}


def expected_progress(start: date, deadline: date | None, as_of: date) -> float | None:
    """序时进度 in percent (0-100) as of a date; None for a long-term task."""
    if deadline is None:
        return None
    if as_of >= deadline:
        return 100.0
    if as_of <= start:
        return 0.0
    return (as_of - start).days / (deadline - start).days * 100


@dataclass(frozen=True)
class LightInput:
    """What the light rules look at for one assignment on one date."""

    as_of: date
    start: date
    deadline: date | None
    done: bool
    percent: float | None
    first_due: date | None
    missed_cycles: int
    late_cycles: int = 0
    blocked: bool = False


@dataclass(frozen=True)
class LightResult:
    """A light, why, and the progress figures behind it."""

    light: Light
    reason: str
    expected: float | None
    behind: float | None


def _number(value: float) -> str:
    """A percent figure for a reason: at most one decimal, no trailing ".0"."""
    text = f"{round(value, 1):.1f}"
    return text[:-2] if text.endswith(".0") else text


def beyond_threshold(percent: float, expected: float, behind: float, threshold: float, mode: str) -> bool:
    """Whether progress is strictly beyond one threshold."""
    if mode == POINTS:
        return behind > threshold
    return expected > 0 and round(percent, _PRECISION) < round(expected * threshold / 100, _PRECISION)


def behind_reason(percent: float, expected: float, behind: float, mode: str) -> str:
    """The Chinese reason for a progress light."""
    if mode == RATIO:
        return f"完成进度仅为序时进度的{_number(percent / expected * 100)}%"
    return f"落后序时进度{_number(behind)}个百分点"


def light_for(inp: LightInput, thresholds: Thresholds) -> LightResult:
    """The light for one assignment as of ``inp.as_of`` (rules in the module docstring)."""
    expected = expected_progress(inp.start, inp.deadline, inp.as_of)
    percent = 100.0 if inp.done and inp.percent is None else inp.percent
    behind = None if expected is None or percent is None else round(expected - percent, _PRECISION)

    def result(light: Light, reason: str) -> LightResult:
        return LightResult(light, reason, expected, behind)

    if inp.done:
        return result(Light.GREEN, "已完成")
    if inp.deadline is not None and inp.as_of > inp.deadline:
        return result(Light.RED, "逾期未完成")
    if (inp.first_due is None or inp.as_of < inp.first_due) and inp.percent is None:
        return result(Light.GREY, "尚无需报送")
    if inp.missed_cycles >= 2:
        return result(Light.RED, f"连续{inp.missed_cycles}期未报送")
    on_progress = expected is not None and percent is not None and behind is not None
    if on_progress and beyond_threshold(percent, expected, behind, thresholds.red, thresholds.mode):
        return result(Light.RED, behind_reason(percent, expected, behind, thresholds.mode))
    if inp.missed_cycles == 1:
        return result(Light.YELLOW, "本期未按时报送")
    if on_progress and beyond_threshold(percent, expected, behind, thresholds.yellow, thresholds.mode):
        return result(Light.YELLOW, behind_reason(percent, expected, behind, thresholds.mode))
    if inp.blocked:
        return result(Light.YELLOW, "进展受阻")
    if inp.deadline is None:
        return result(Light.GREEN, "按期报送")
    if (inp.deadline - inp.as_of).days < thresholds.blue_days:
        return result(Light.BLUE, f"距完成时限不足{thresholds.blue_days}天")
    return result(Light.GREEN, "符合序时进度")


def worst(lights: Iterable[Light]) -> Light:
    """The light of a task, focus or unit: red > yellow > blue > green > grey; nothing at all is grey."""
    return max(lights, key=SEVERITY.__getitem__, default=Light.GREY)
