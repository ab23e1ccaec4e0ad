"""Reporting cycles and due dates on the Chinese working calendar (expected values checked by hand)."""

from datetime import date

import pytest

from zhaoshang.supervision.calendar import (
    CYCLE_LABELS,
    Cycle,
    Period,
    WorkCalendar,
    due_periods,
    period_containing,
    periods_between,
)

CAL = WorkCalendar()


def monthly(day: date, due_day: int = 25, calendar: WorkCalendar = CAL) -> Period:
    """The monthly period containing ``day``."""
    return period_containing(Cycle.MONTHLY, due_day, day, calendar)


def test_cycle_labels_cover_every_cycle():
    assert set(CYCLE_LABELS) == set(Cycle)
    assert CYCLE_LABELS[Cycle.BIWEEKLY] == "每两周"


def test_monthly_due_on_a_weekday_stays():
    period = monthly(date(2025, 9, 3))  # 2025-09-25 is a Thursday
    assert period == Period(date(2025, 9, 1), date(2025, 9, 30), date(2025, 9, 25), "2025-09", "2025年9月")


def test_monthly_due_on_a_saturday_moves_to_monday():
    assert monthly(date(2025, 10, 15)).due == date(2025, 10, 27)  # 10-25 Sat, 10-26 Sun


def test_due_in_national_day_holiday_moves_past_it():
    # 2025 National Day + Mid-Autumn: Oct 1-8 off; Oct 9 (Thu) is the first working day after.
    assert monthly(date(2025, 10, 1), due_day=3).due == date(2025, 10, 9)
    assert monthly(date(2025, 10, 1), due_day=1).due == date(2025, 10, 9)


def test_tiaoxiu_weekend_workdays_count():
    assert CAL.is_workday(date(2025, 9, 28))  # Sunday, 调休 workday
    assert CAL.is_workday(date(2025, 10, 11))  # Saturday, 调休 workday
    # Weekly due on Sunday: the week of 2025-09-22 is due on the 调休 Sunday itself.
    assert period_containing(Cycle.WEEKLY, 7, date(2025, 9, 24), CAL).due == date(2025, 9, 28)
    # Weekly due on Saturday: the week of 2025-10-06 is due on the 调休 Saturday 10-11.
    assert period_containing(Cycle.WEEKLY, 6, date(2025, 10, 6), CAL).due == date(2025, 10, 11)


def test_next_workday():
    assert CAL.next_workday(date(2025, 9, 25)) == date(2025, 9, 25)
    assert CAL.next_workday(date(2025, 9, 27)) == date(2025, 9, 28)  # Sat off, Sun 调休 workday
    assert CAL.next_workday(date(2025, 10, 1)) == date(2025, 10, 9)


def test_office_override_as_holiday_wins():
    calendar = WorkCalendar({date(2025, 9, 25): False})
    assert not calendar.is_workday(date(2025, 9, 25))
    assert monthly(date(2025, 9, 1), calendar=calendar).due == date(2025, 9, 26)


def test_office_override_as_workday_wins():
    calendar = WorkCalendar({date(2025, 10, 25): True, date(2025, 10, 3): True})
    assert monthly(date(2025, 10, 1), calendar=calendar).due == date(2025, 10, 25)
    assert monthly(date(2025, 10, 1), due_day=1, calendar=calendar).due == date(2025, 10, 3)


def test_uncovered_year_falls_back_to_monday_to_friday():
    # chinese_calendar has no data for 2099: weekdays work (even 5-1 and 10-1), weekends do not.
    assert CAL.is_workday(date(2099, 5, 1))  # Friday
    assert CAL.is_workday(date(2099, 10, 1))  # Thursday
    assert not CAL.is_workday(date(2099, 5, 2))  # Saturday
    assert monthly(date(2099, 5, 9), due_day=2).due == date(2099, 5, 4)
    # An override still wins in an uncovered year.
    assert not WorkCalendar({date(2099, 5, 1): False}).is_workday(date(2099, 5, 1))


def test_due_day_31_in_february_is_the_last_day():
    assert monthly(date(2025, 2, 10), due_day=31).due == date(2025, 2, 28)  # Friday
    assert monthly(date(2024, 2, 10), due_day=31).due == date(2024, 2, 29)  # leap year, Thursday
    assert monthly(date(2025, 2, 10), due_day=31).end == date(2025, 2, 28)


def test_due_day_31_in_a_30_day_month_then_moved():
    # 2025-11-30 is a Sunday: clamp to the 30th, then move to Monday 12-01 (into the next month).
    assert monthly(date(2025, 11, 1), due_day=31).due == date(2025, 12, 1)


def test_quarterly_q3_2025():
    period = period_containing(Cycle.QUARTERLY, 10, date(2025, 8, 15), CAL)
    assert period == Period(date(2025, 7, 1), date(2025, 9, 30), date(2025, 9, 10), "2025-Q3", "2025年第3季度")


def test_quarterly_due_moves_like_monthly():
    # Q4 due on the 31st: 2025-12-31 is a Wednesday; Q1 2026 due 3-31 is a Tuesday.
    assert period_containing(Cycle.QUARTERLY, 31, date(2025, 10, 1), CAL).due == date(2025, 12, 31)
    # Q3 due on the 27th: 2025-09-27 is a Saturday, 09-28 a 调休 Sunday workday.
    assert period_containing(Cycle.QUARTERLY, 27, date(2025, 7, 1), CAL).due == date(2025, 9, 28)


def test_weekly_iso_key_and_friday_due():
    period = period_containing(Cycle.WEEKLY, 5, date(2025, 9, 3), CAL)
    assert period == Period(date(2025, 9, 1), date(2025, 9, 7), date(2025, 9, 5), "2025-W36", "2025年第36周")


def test_weekly_friday_in_national_day_moves_to_october_9():
    period = period_containing(Cycle.WEEKLY, 5, date(2025, 10, 3), CAL)
    assert (period.start, period.key, period.due) == (date(2025, 9, 29), "2025-W40", date(2025, 10, 9))


def test_weekly_key_uses_the_iso_year():
    period = period_containing(Cycle.WEEKLY, 5, date(2024, 12, 31), CAL)
    assert (period.start, period.key, period.label) == (date(2024, 12, 30), "2025-W01", "2025年第1周")


def test_biweekly_needs_an_anchor():
    with pytest.raises(ValueError, match="起始日期"):
        period_containing(Cycle.BIWEEKLY, 5, date(2025, 9, 3), CAL)
    with pytest.raises(ValueError, match="起始日期"):
        periods_between(Cycle.BIWEEKLY, 5, date(2025, 9, 1), date(2025, 9, 30), CAL)


def test_biweekly_from_the_monday_before_the_anchor():
    anchor = date(2025, 7, 9)  # Wednesday; period 1 starts Monday 2025-07-07
    first = period_containing(Cycle.BIWEEKLY, 5, anchor, CAL, anchor=anchor)
    assert (first.start, first.end, first.key) == (date(2025, 7, 7), date(2025, 7, 20), "2025-B01")
    fifth = period_containing(Cycle.BIWEEKLY, 5, date(2025, 9, 14), CAL, anchor=anchor)
    assert fifth == Period(
        date(2025, 9, 1), date(2025, 9, 14), date(2025, 9, 12), "2025-B05", "2025年9月1日至9月14日"
    )


def test_biweekly_label_across_years_and_before_anchor():
    anchor = date(2025, 12, 29)
    period = period_containing(Cycle.BIWEEKLY, 1, anchor, CAL, anchor=anchor)
    assert period.label == "2025年12月29日至2026年1月11日"
    assert period.due == date(2026, 1, 5)  # Monday of the second week
    with pytest.raises(ValueError, match="早于"):
        period_containing(Cycle.BIWEEKLY, 1, date(2025, 12, 1), CAL, anchor=anchor)


def test_biweekly_periods_between_start_at_the_anchor():
    anchor = date(2025, 9, 1)
    periods = periods_between(Cycle.BIWEEKLY, 5, date(2025, 8, 1), date(2025, 9, 20), CAL, anchor=anchor)
    assert [p.key for p in periods] == ["2025-B01", "2025-B02"]


@pytest.mark.parametrize(("cycle", "due_day"), [
    (Cycle.MONTHLY, 0), (Cycle.MONTHLY, 32), (Cycle.QUARTERLY, 0), (Cycle.QUARTERLY, 32),
    (Cycle.WEEKLY, 0), (Cycle.WEEKLY, 8), (Cycle.BIWEEKLY, 8),
])
def test_due_day_out_of_range(cycle, due_day):
    with pytest.raises(ValueError, match="截止日"):
        period_containing(cycle, due_day, date(2025, 9, 1), CAL, anchor=date(2025, 9, 1))


def test_cycle_given_as_a_string():
    assert period_containing("monthly", 25, date(2025, 9, 1), CAL).key == "2025-09"


def test_periods_between_covers_partial_months_at_both_ends():
    periods = periods_between(Cycle.MONTHLY, 25, date(2025, 6, 19), date(2025, 12, 10), CAL)
    assert [p.key for p in periods] == ["2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"]
    assert periods[0].start == date(2025, 6, 1) and periods[-1].end == date(2025, 12, 31)


def test_periods_between_quarterly_and_empty():
    periods = periods_between(Cycle.QUARTERLY, 25, date(2025, 6, 19), date(2025, 12, 10), CAL)
    assert [p.key for p in periods] == ["2025-Q2", "2025-Q3", "2025-Q4"]
    assert periods_between(Cycle.MONTHLY, 25, date(2025, 9, 1), date(2025, 8, 31), CAL) == []


def test_due_periods_only_those_due_by_as_of():
    # Monthly on the 25th from 2025-06-19: June 25 (Wed), July 25 (Fri), Aug 25 (Mon), Sep 25 (Thu).
    keys = [p.key for p in due_periods(Cycle.MONTHLY, 25, date(2025, 6, 19), date(2025, 9, 24), CAL)]
    assert keys == ["2025-06", "2025-07", "2025-08"]
    keys = [p.key for p in due_periods(Cycle.MONTHLY, 25, date(2025, 6, 19), date(2025, 9, 25), CAL)]
    assert keys == ["2025-06", "2025-07", "2025-08", "2025-09"]


def test_due_periods_on_a_moved_due_date():
    # October's due date moved from Sat 10-25 to Mon 10-27: not yet due on 10-26.
    keys = [p.key for p in due_periods(Cycle.MONTHLY, 25, date(2025, 10, 1), date(2025, 10, 26), CAL)]
    assert keys == []
    keys = [p.key for p in due_periods(Cycle.MONTHLY, 25, date(2025, 10, 1), date(2025, 10, 27), CAL)]
    assert keys == ["2025-10"]


def test_due_periods_until_stops_at_the_plan_end():
    keys = [
        p.key
        for p in due_periods(Cycle.MONTHLY, 25, date(2025, 6, 19), date(2026, 3, 1), CAL, until=date(2025, 9, 30))
    ]
    assert keys == ["2025-06", "2025-07", "2025-08", "2025-09"]


def test_due_periods_weekly_around_national_day():
    # Weeks W39 (due Fri 9-26) and W40 (due moved to 10-9): as of 10-08 only W39 is due.
    keys = [p.key for p in due_periods(Cycle.WEEKLY, 5, date(2025, 9, 22), date(2025, 10, 8), CAL)]
    assert keys == ["2025-W39"]
    keys = [p.key for p in due_periods(Cycle.WEEKLY, 5, date(2025, 9, 22), date(2025, 10, 9), CAL)]
    assert keys == ["2025-W39", "2025-W40"]
