"""Recurring indicators ("每月举办1次", "每季度组织1次", "每周召开1次"): the year's periods and how a year of dated rows
meets them (pure).

The goal is per period. Periods ending before the plan's start are not asked for; every other period of the year is.
The figure is the rows counted per period, each period counting at most its goal (two meetings in March do not make
up for none in April), so "每月1次" is 12 a year; the periods already over with fewer rows than the goal are the ones
missed, named in the figure's note and pulling the light down through 序时进度 (the goal of the periods over)."""

import bisect
import calendar
import datetime
from dataclasses import dataclass
from decimal import Decimal

from zhaoshang.kpis.choices import Period

DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Span:
    start: datetime.date
    end: datetime.date
    label: str


def _weeks(year: int, size: int) -> list[Span]:
    """Calendar weeks (Monday to Sunday) in groups of `size`, clipped to the year; numbered by the first week."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    monday = first - datetime.timedelta(days=first.weekday())
    spans, number = [], 1
    while monday <= last:
        end = monday + datetime.timedelta(days=7 * size) - DAY
        label = f"第{number}周" if size == 1 else f"第{number}-{number + size - 1}周"
        spans.append(Span(max(monday, first), min(end, last), label))
        monday, number = end + DAY, number + size
    return spans


def _months(year: int, size: int) -> list[Span]:
    spans = []
    for month in range(1, 13, size):
        end_month = month + size - 1
        end = datetime.date(year, end_month, calendar.monthrange(year, end_month)[1])
        label = {1: f"{month}月", 3: f"第{(month + 2) // 3}季度", 6: "上半年" if month == 1 else "下半年"}[size]
        spans.append(Span(datetime.date(year, month, 1), end, f"{year}年{label}"))
    return spans


def spans(period: str, year: int) -> list[Span]:
    """The periods of the year for `period` (Period's value)."""
    if period == Period.WEEK:
        return _weeks(year, 1)
    if period == Period.FORTNIGHT:
        return _weeks(year, 2)
    return _months(year, {Period.MONTH: 1, Period.QUARTER: 3, Period.HALF: 6}[period])


@dataclass
class PeriodFigure:
    goal: Decimal  # the year's goal: per period × periods asked for
    actual: Decimal  # rows per period, each capped at the per-period goal
    expected: Decimal  # the goal of the periods already over
    total: Decimal  # every row of the year up to the day, uncapped (the rows listed behind the figure)
    missed: list[str]  # the periods over with fewer rows than the goal

    @property
    def note(self) -> str:
        text = f"累计{self.total.normalize():f}，按期计{self.actual.normalize():f}/{self.goal.normalize():f}"
        if not self.missed:
            return text
        shown = "、".join(self.missed[:6]) + (f"等{len(self.missed)}期" if len(self.missed) > 6 else "")
        return f"{text}；未达到：{shown}"


def period_figure(period: str, per: Decimal, year: int, by_day: dict[datetime.date, Decimal], *, starts: datetime.date,
                  as_of: datetime.date) -> PeriodFigure:
    """How the dated rows `by_day` (rows, or a summed column, per day) meet `per` in every period of the year from the
    one holding `starts` on, as of `as_of`."""
    asked = [span for span in spans(period, year) if span.end >= starts]
    firsts = [span.start for span in asked]  # the periods follow one another: a day falls in the last one begun
    counted = [Decimal(0)] * len(asked)
    total = Decimal(0)  # every row listed, before the plan too
    for day, n in by_day.items():
        if day > as_of:
            continue
        total += n
        at = bisect.bisect_right(firsts, day) - 1
        if at >= 0 and day <= asked[at].end:
            counted[at] += n
    actual = expected = Decimal(0)
    missed = []
    for span, n in zip(asked, counted):
        if span.start > as_of:
            break
        actual += min(n, per)
        if span.end <= as_of:
            expected += per
            if n < per:
                missed.append(span.label)
    return PeriodFigure(per * len(asked), actual, expected, total, missed)
