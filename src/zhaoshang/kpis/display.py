"""An indicator's figure in words as a leader reads it: goal, actual, 序时 expected value and completion, with units.

Pure presentation over figures.py's `Figure` (nothing is recomputed): counts and events are whole numbers, 万元 amounts
of 1亿 and more read in 亿元, growth is said in words. The indicator pages (kpi_figures filters), the dashboard and the
bulletin all use these, so a figure reads the same everywhere."""

from zhaoshang.core.formatting import format_percent, format_quantity, format_whole, growth_text
from zhaoshang.kpis.choices import AMOUNT_KINDS, GROWTH_KINDS, Kind
from zhaoshang.kpis.figures import Figure
from zhaoshang.plans.choices import Comparator

COUNT_UNITS = {"个", "家", "次", "项", "场", "人", "名", "批", "户", "件", "期", "座", "条", "宗", "家次", "人次"}


def is_whole(figure: Figure) -> bool:
    """Whether the indicator counts things or events (shown as whole numbers, 序时 expectations too)."""
    kpi = figure.kpi
    if kpi.kind in GROWTH_KINDS or kpi.kind in AMOUNT_KINDS:
        return False
    return kpi.kind in (Kind.PROJECT_COUNT, Kind.REGISTRY_COUNT) or kpi.unit in COUNT_UNITS


def _quantity(figure: Figure, value) -> str:
    if figure.kpi.kind in GROWTH_KINDS:
        return format_percent(value)
    return format_quantity(value, figure.kpi.unit, whole=is_whole(figure))


def goal_text(figure: Figure, split: bool = False) -> str:
    if split:
        return f"{format_whole(figure.goal)}项"
    prefix = {Comparator.AT_MOST: "≤"}.get(figure.kpi.comparator, "")
    if figure.kpi.kind in GROWTH_KINDS:
        prefix = "增长"
    return prefix + _quantity(figure, figure.goal)


def actual_text(figure: Figure, split: bool = False) -> str:
    if split:
        return f"{format_whole(figure.actual)}/{format_whole(figure.goal)} 达标"
    if figure.kpi.kind == Kind.MILESTONE:
        return figure.note
    if figure.kpi.kind in GROWTH_KINDS:
        return "—" if figure.actual is None else f"{'+' if figure.actual >= 0 else ''}{format_percent(figure.actual)}"
    return _quantity(figure, figure.actual)


def expected_text(figure: Figure) -> str:
    """The 序时进度 value expected by the date (a whole number of events for counted things)."""
    if figure.expected is None:
        return "—"
    return _quantity(figure, figure.expected)


def percent_text(figure: Figure) -> str:
    """完成率; for growth the growth itself in words (a rate of a rate, "-1096.3%", means nothing to a reader)."""
    if figure.kpi.kind in GROWTH_KINDS:
        return growth_text(figure.actual, figure.goal, figure.kpi.baseline) if figure.actual is not None else "—"
    return format_percent(figure.percent)
