"""Reporting cycles (报送周期) and their due dates on the Chinese working calendar.

A unit reports on a measure once per period of its cycle:

- monthly (每月): the calendar month; due on the ``due_day``-th of that month, clamped to the month's
  last day (due_day 31 in February is the 28th/29th);
- quarterly (每季度): the calendar quarter; due on the ``due_day``-th of the quarter's last month, clamped;
- weekly (每周): the ISO week, Monday to Sunday; ``due_day`` is the ISO weekday (1 = Monday, 5 = Friday);
- biweekly (每两周): consecutive 14-day periods from the Monday on or before ``anchor``; due on the
  ``due_day`` weekday of the second week. There are no biweekly periods before that Monday.

Every due date is then moved forward to the next working day: weekends and public holidays move,
调休 weekend workdays stay. Working days come from ``chinese_calendar``, overridden by the office's own
dates; for years ``chinese_calendar`` does not cover, Monday to Friday are working days.

Periods are always whole (a plan starting on 19 June still has the June period 2025-06-01..2025-06-30),
so a period's ``key`` is stable whatever the plan's dates.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

import chinese_calendar

ONE_DAY = timedelta(days=1)


class Cycle(StrEnum):
    """How often a unit reports."""

    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"


CYCLE_LABELS: dict[Cycle, str] = {
    Cycle.WEEKLY: "每周",
    Cycle.BIWEEKLY: "每两周",
    Cycle.MONTHLY: "每月",
    Cycle.QUARTERLY: "每季度",
}


class WorkCalendar:
    """Chinese working days: chinese_calendar's holidays and 调休 workdays, overridden by the office's own data."""

    def __init__(self, overrides: Mapping[date, bool] | None = None) -> None:
        self.overrides: dict[date, bool] = dict(overrides or {})

    def is_workday(self, day: date) -> bool:
        """Whether ``day`` is a working day: the office's override, else chinese_calendar, else Monday-Friday."""
        if day in self.overrides:
            return self.overrides[day]
        try:
            return chinese_calendar.is_workday(day)
        except NotImplementedError:  # a year chinese_calendar has no data for
            return day.weekday() < 5

    def next_workday(self, day: date) -> date:
        """``day`` itself if it is a working day, else the next working day."""
        while not self.is_workday(day):
            day += ONE_DAY
        return day


@dataclass(frozen=True)
class Period:
    """One reporting period of a cycle and the (working) day its report is due."""

    start: date
    end: date
    due: date
    key: str
    label: str


def _check_due_day(cycle: Cycle, due_day: int) -> None:
    """Reject a due day outside its cycle's range, in Chinese."""
    if cycle in (Cycle.MONTHLY, Cycle.QUARTERLY):
        if not 1 <= due_day <= 31:
            raise ValueError(f"{CYCLE_LABELS[cycle]}报送的截止日须为1至31日，收到：{due_day}")
    elif not 1 <= due_day <= 7:
        raise ValueError(f"{CYCLE_LABELS[cycle]}报送的截止日须为星期一至星期日（1至7），收到：{due_day}")


def _month_end(year: int, month: int) -> date:
    """The last day of a month."""
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - ONE_DAY


def _day_in_month(year: int, month: int, due_day: int) -> date:
    """The ``due_day``-th of a month, clamped to the month's last day."""
    return date(year, month, min(due_day, _month_end(year, month).day))


def _monthly(day: date, due_day: int, calendar: WorkCalendar) -> Period:
    """The calendar month containing ``day``."""
    year, month = day.year, day.month
    return Period(
        start=date(year, month, 1),
        end=_month_end(year, month),
        due=calendar.next_workday(_day_in_month(year, month, due_day)),
        key=f"{year}-{month:02d}",
        label=f"{year}年{month}月",
    )


def _quarterly(day: date, due_day: int, calendar: WorkCalendar) -> Period:
    """The calendar quarter containing ``day``."""
    year, quarter = day.year, (day.month - 1) // 3 + 1
    last_month = quarter * 3
    return Period(
        start=date(year, last_month - 2, 1),
        end=_month_end(year, last_month),
        due=calendar.next_workday(_day_in_month(year, last_month, due_day)),
        key=f"{year}-Q{quarter}",
        label=f"{year}年第{quarter}季度",
    )


def _weekly(day: date, due_day: int, calendar: WorkCalendar) -> Period:
    """The ISO week (Monday-Sunday) containing ``day``."""
    monday = day - timedelta(days=day.weekday())
    iso_year, week, _ = monday.isocalendar()
    return Period(
        start=monday,
        end=monday + timedelta(days=6),
        due=calendar.next_workday(monday + timedelta(days=due_day - 1)),
        key=f"{iso_year}-W{week:02d}",
        label=f"{iso_year}年第{week}周",
    )


def _span_label(start: date, end: date) -> str:
    """A date range in Chinese: "2025年9月1日至9月14日" (the year repeated only when it changes)."""
    tail = f"{end.month}月{end.day}日" if end.year == start.year else f"{end.year}年{end.month}月{end.day}日"
    return f"{start.year}年{start.month}月{start.day}日至{tail}"


def _biweekly_origin(anchor: date | None) -> date:
    """The Monday on or before the anchor, where biweekly period 1 starts."""
    if anchor is None:
        raise ValueError("每两周报送须指定起始日期")
    return anchor - timedelta(days=anchor.weekday())


def _biweekly(day: date, due_day: int, calendar: WorkCalendar, anchor: date | None) -> Period:
    """The 14-day period containing ``day``, counted from the anchor's Monday (period 1)."""
    origin = _biweekly_origin(anchor)
    if day < origin:
        raise ValueError(f"{day.isoformat()}早于每两周报送的起始日期{origin.isoformat()}")
    index = (day - origin).days // 14
    start = origin + timedelta(days=14 * index)
    end = start + timedelta(days=13)
    return Period(
        start=start,
        end=end,
        due=calendar.next_workday(start + timedelta(days=7 + due_day - 1)),
        key=f"{start.year}-B{index + 1:02d}",
        label=_span_label(start, end),
    )


def period_containing(
    cycle: Cycle, due_day: int, day: date, calendar: WorkCalendar, anchor: date | None = None
) -> Period:
    """The period of ``cycle`` that contains ``day``."""
    cycle = Cycle(cycle)
    _check_due_day(cycle, due_day)
    if cycle is Cycle.MONTHLY:
        return _monthly(day, due_day, calendar)
    if cycle is Cycle.QUARTERLY:
        return _quarterly(day, due_day, calendar)
    if cycle is Cycle.WEEKLY:
        return _weekly(day, due_day, calendar)
    return _biweekly(day, due_day, calendar, anchor)


def periods_between(
    cycle: Cycle, due_day: int, start: date, end: date, calendar: WorkCalendar, anchor: date | None = None
) -> list[Period]:
    """Every period overlapping [start, end], in order (biweekly: only those from the anchor's Monday)."""
    cycle = Cycle(cycle)
    _check_due_day(cycle, due_day)
    if cycle is Cycle.BIWEEKLY:
        start = max(start, _biweekly_origin(anchor))
    periods: list[Period] = []
    day = start
    while day <= end:
        period = period_containing(cycle, due_day, day, calendar, anchor)
        periods.append(period)
        day = period.end + ONE_DAY
    return periods


def due_periods(
    cycle: Cycle,
    due_day: int,
    start: date,
    as_of: date,
    calendar: WorkCalendar,
    anchor: date | None = None,
    until: date | None = None,
) -> list[Period]:
    """Periods overlapping [start, until or as_of] whose report is due on or before ``as_of``, in order."""
    last = until if until is not None else as_of
    return [p for p in periods_between(cycle, due_day, start, last, calendar, anchor) if p.due <= as_of]
