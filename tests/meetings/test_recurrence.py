"""Recurring meeting dates on the Chinese working calendar (pure)."""

import datetime

import pytest

from zhaoshang.meetings.lights import action_light
from zhaoshang.meetings.recurrence import first_on_weekday, occurrences
from zhaoshang.supervision.calendar import WorkCalendar

D = datetime.date


def test_weekly_review_skips_or_moves_meetings_in_the_national_day_holiday():
    dates = occurrences(start=D(2025, 9, 1), weekday=3, interval_weeks=1, first=D(2025, 9, 1), last=D(2025, 10, 31),
                        calendar=WorkCalendar())
    assert dates == [D(2025, 9, 3), D(2025, 9, 10), D(2025, 9, 17), D(2025, 9, 24),  # 1 Oct: would land after 8 Oct
                     D(2025, 10, 9), D(2025, 10, 15), D(2025, 10, 22), D(2025, 10, 29)]


def test_biweekly_dispatch_every_other_friday_moves_off_holidays():
    dates = occurrences(start=D(2025, 9, 1), weekday=5, interval_weeks=2, first=D(2025, 9, 1), last=D(2025, 11, 1),
                        calendar=WorkCalendar())
    assert dates == [D(2025, 9, 5), D(2025, 9, 19), D(2025, 10, 9), D(2025, 10, 17), D(2025, 10, 31)]


def test_only_dates_in_the_window_are_returned():
    dates = occurrences(start=D(2025, 9, 1), weekday=1, interval_weeks=1, first=D(2025, 9, 10), last=D(2025, 9, 22),
                        calendar=WorkCalendar())
    assert dates == [D(2025, 9, 15), D(2025, 9, 22)]


def test_first_weekday_on_or_after_the_start():
    assert first_on_weekday(D(2025, 9, 3), 3) == D(2025, 9, 3)
    assert first_on_weekday(D(2025, 9, 4), 3) == D(2025, 9, 10)
    with pytest.raises(ValueError):
        first_on_weekday(D(2025, 9, 4), 8)


@pytest.mark.parametrize(("as_of", "done_on", "light", "reason"), [
    (D(2025, 9, 20), D(2025, 9, 20), "green", "已完成"),
    (D(2025, 9, 19), D(2025, 9, 20), "yellow", "距完成时限不足3天"),  # done later than the day asked about
    (D(2025, 9, 21), None, "red", "逾期1天"),
    (D(2025, 9, 20), None, "yellow", "距完成时限不足3天"),  # the due day itself is not overdue
    (D(2025, 9, 18), None, "yellow", "距完成时限不足3天"),
    (D(2025, 9, 17), None, "green", "按期推进"),
])
def test_action_item_light_by_due_date(as_of, done_on, light, reason):
    result = action_light(due=D(2025, 9, 20), done_on=done_on, as_of=as_of)
    assert (result.light, result.reason) == (light, reason)
