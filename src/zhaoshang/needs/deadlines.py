"""When a need must be accepted and settled: hours on the clock, then working days on the Chinese calendar.

Pure: no database. The settle deadline counts working days after the day the need was raised (that day is
day 0), so a need raised on Monday 29 September 2025 with 7 working days skips the National Day holiday
(1-8 October) and counts the 调休 Saturday 11 October: it is due on Wednesday 15 October."""

import datetime

from zhaoshang.supervision.calendar import WorkCalendar


def accept_deadline(raised_at: datetime.datetime, hours: int) -> datetime.datetime:
    """Accepted within `hours` clock hours of being raised."""
    return raised_at + datetime.timedelta(hours=hours)


def settle_deadline(raised_on: datetime.date, workdays: int, calendar: WorkCalendar) -> datetime.date:
    """The `workdays`-th working day after `raised_on` (settled by the end of that day)."""
    if workdays < 1:
        raise ValueError("办结时限至少为1个工作日")
    day, counted = raised_on, 0
    while counted < workdays:
        day += datetime.timedelta(days=1)
        if calendar.is_workday(day):
            counted += 1
    return day


def workdays_between(start: datetime.date, end: datetime.date, calendar: WorkCalendar) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    count, day = 0, start
    while day < end:
        day += datetime.timedelta(days=1)
        count += calendar.is_workday(day)
    return count
