"""When a recurring meeting falls: every N weeks on a weekday, on Chinese working days. Pure: no database.

The series starts on the first `weekday` on or after its start date and repeats every `interval_weeks` weeks.
A meeting that falls on a non-working day (a weekend, a public holiday) moves to the next working day, if that
comes before the series' next meeting; otherwise it is skipped. Example, weekly on Wednesdays around National
Day 2025 (1-8 October off): 1 October would move to 9 October, which is after the 8 October meeting, so it is
skipped; 8 October moves to Thursday 9 October."""

import datetime

from zhaoshang.supervision.calendar import WorkCalendar


def first_on_weekday(start: datetime.date, weekday: int) -> datetime.date:
    """The first day on or after `start` that is ISO `weekday` (1 = Monday … 7 = Sunday)."""
    if not 1 <= weekday <= 7:
        raise ValueError(f"星期应为1至7，收到：{weekday}")
    return start + datetime.timedelta(days=(weekday - 1 - start.weekday()) % 7)


def occurrences(*, start: datetime.date, weekday: int, interval_weeks: int, first: datetime.date, last: datetime.date,
                calendar: WorkCalendar) -> list[datetime.date]:
    """The meeting dates in [first, last], in order."""
    if interval_weeks < 1:
        raise ValueError("会议间隔至少为1周")
    step = datetime.timedelta(weeks=interval_weeks)
    nominal = first_on_weekday(start, weekday)
    dates = []
    while nominal <= last:
        actual = calendar.next_workday(nominal)
        if actual < nominal + step and first <= actual <= last:
            dates.append(actual)
        nominal += step
    return dates
