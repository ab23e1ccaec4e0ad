"""Need deadlines and lights: pure rules, with hand-built dates on the Chinese holiday calendar."""

import datetime

import pytest

from zhaoshang.needs.deadlines import accept_deadline, settle_deadline, workdays_between
from zhaoshang.needs.lights import need_light
from zhaoshang.supervision.calendar import WorkCalendar
from tests.needs.conftest import at

D = datetime.date


def test_seven_working_days_skip_national_day_and_count_the_adjusted_saturday():
    # 2025: 1-8 October off, Saturday 11 October is a working day (调休)
    assert settle_deadline(D(2025, 9, 29), 7, WorkCalendar()) == D(2025, 10, 15)
    assert workdays_between(D(2025, 9, 29), D(2025, 10, 15), WorkCalendar()) == 7


def test_a_need_raised_on_a_holiday_starts_counting_after_it():
    assert settle_deadline(D(2025, 10, 3), 1, WorkCalendar()) == D(2025, 10, 9)


def test_the_office_calendar_corrections_apply():
    calendar = WorkCalendar({D(2025, 9, 30): False})  # a local day off
    assert settle_deadline(D(2025, 9, 29), 1, calendar) == D(2025, 10, 9)


def test_accept_within_24_clock_hours():
    assert accept_deadline(at(2025, 9, 30, 17), 24) == at(2025, 10, 1, 17)


def test_settle_limit_must_be_positive():
    with pytest.raises(ValueError):
        settle_deadline(D(2025, 9, 29), 0, WorkCalendar())


@pytest.mark.parametrize(("now", "accepted", "settled_on", "light", "reason"), [
    (at(2025, 10, 20), True, D(2025, 10, 15), "green", "已办结"),         # settled on the deadline day
    (at(2025, 10, 20), True, D(2025, 10, 16), "green", "逾期办结"),       # settled a day late: green, counted late
    (at(2025, 10, 16), True, None, "red", "逾期未办结"),                  # the day after the deadline
    (at(2025, 10, 15, 23), True, None, "blue", "临近办结时限"),           # the deadline day itself is not late
    (at(2025, 9, 30, 11), False, None, "yellow", "超时未受理"),          # 25 hours after being raised
    (at(2025, 9, 30, 9), False, None, "green", "按时办理中"),            # 23 hours after being raised
    (at(2025, 10, 14, 9), True, None, "blue", "临近办结时限"),
    (at(2025, 10, 13, 9), True, None, "green", "按时办理中"),
])
def test_need_light_rules(now, accepted, settled_on, light, reason):
    result = need_light(now=now, accept_due=at(2025, 9, 30, 10), accepted=accepted, settle_due=D(2025, 10, 15),
                        settled_on=settled_on)
    assert (result.light, result.reason) == (light, reason)
