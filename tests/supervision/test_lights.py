"""The light rules (红黄绿灯), one test per rule and boundary (expected values computed by hand)."""

from dataclasses import replace
from datetime import date

import pytest

from zhaoshang.supervision.lights import (
    LIGHT_LABELS,
    PRESET_LABELS,
    PRESETS,
    Light,
    LightInput,
    LightResult,
    Thresholds,
    expected_progress,
    light_for,
    worst,
)

# A 100-day plan: on day N the 序时进度 is exactly N%.
START = date(2025, 1, 1)
DEADLINE = date(2025, 4, 11)  # START + 100 days
DAY_50 = date(2025, 2, 20)  # START + 50 days: expected 50%
POINTS = PRESETS["points_10_30"]
RATIO = PRESETS["ratio_80_50"]

ON_TRACK = LightInput(
    as_of=DAY_50, start=START, deadline=DEADLINE, done=False, percent=50.0,
    first_due=date(2025, 1, 25), missed_cycles=0,
)


def light(thresholds: Thresholds = POINTS, **changes) -> LightResult:
    """The light of ON_TRACK with some fields changed."""
    return light_for(replace(ON_TRACK, **changes), thresholds)


# expected_progress

def test_expected_progress_at_start_middle_deadline_after():
    assert expected_progress(START, DEADLINE, START) == 0
    assert expected_progress(START, DEADLINE, date(2024, 12, 1)) == 0
    assert expected_progress(START, DEADLINE, DAY_50) == 50
    assert expected_progress(START, DEADLINE, date(2025, 1, 26)) == 25
    assert expected_progress(START, DEADLINE, DEADLINE) == 100
    assert expected_progress(START, DEADLINE, date(2025, 6, 1)) == 100


def test_expected_progress_long_term_is_none():
    assert expected_progress(START, None, DAY_50) is None


# The rules in order

def test_rule_1_done_is_green_even_overdue_and_silent():
    result = light(done=True, percent=None, as_of=date(2025, 5, 1), missed_cycles=3)
    assert (result.light, result.reason) == (Light.GREEN, "已完成")
    assert result.behind == 0  # done counts as 100% when no percent was given


def test_rule_2_overdue_is_red():
    result = light(as_of=date(2025, 4, 12), percent=99.0)
    assert (result.light, result.reason, result.expected) == (Light.RED, "逾期未完成", 100)


def test_rule_2_boundary_on_the_deadline_day_is_not_overdue():
    result = light(as_of=DEADLINE, percent=100.0)
    assert result.light is Light.BLUE  # 0 days left


def test_rule_3_nothing_due_yet_is_grey():
    result = light(as_of=date(2025, 1, 24), percent=None)
    assert (result.light, result.reason) == (Light.GREY, "尚无需报送")
    assert light(first_due=None, percent=None).light is Light.GREY


def test_rule_3_boundary_on_the_first_due_date_is_not_grey():
    assert light(as_of=date(2025, 1, 25), percent=None).light is Light.GREEN


def test_rule_3_not_grey_once_a_percent_is_reported():
    # Reported before the first due date (10% on day 23, expected 23%): 13 points behind → yellow.
    result = light(as_of=date(2025, 1, 24), percent=10.0)
    assert (result.light, result.reason) == (Light.YELLOW, "落后序时进度13个百分点")


def test_rule_4_two_missed_cycles_are_red():
    result = light(missed_cycles=2)
    assert (result.light, result.reason) == (Light.RED, "连续2期未报送")
    assert light(missed_cycles=3, percent=None).reason == "连续3期未报送"


def test_rule_5_far_behind_is_red():
    result = light(percent=18.0)  # 32 points behind
    assert (result.light, result.reason, result.expected, result.behind) == (
        Light.RED, "落后序时进度32个百分点", 50, 32,
    )


def test_rule_5_boundary_exactly_at_red_is_yellow():
    result = light(percent=20.0)  # exactly 30 behind: not beyond red, beyond yellow
    assert (result.light, result.reason) == (Light.YELLOW, "落后序时进度30个百分点")
    assert light(percent=19.0).light is Light.RED  # one point over


def test_rule_5_beats_rule_6():
    assert light(percent=10.0, missed_cycles=1).reason == "落后序时进度40个百分点"


def test_rule_6_one_missed_cycle_is_yellow():
    result = light(missed_cycles=1)
    assert (result.light, result.reason) == (Light.YELLOW, "本期未按时报送")


def test_rule_7_behind_is_yellow():
    result = light(percent=35.5)
    assert (result.light, result.reason, result.behind) == (Light.YELLOW, "落后序时进度14.5个百分点", 14.5)


def test_rule_7_boundary_exactly_at_yellow_is_green():
    assert light(percent=40.0).light is Light.GREEN  # exactly 10 behind
    assert light(percent=39.0).light is Light.YELLOW  # one point over


def test_rule_7_blocked_is_yellow():
    result = light(blocked=True)
    assert (result.light, result.reason) == (Light.YELLOW, "进展受阻")


def test_rule_8_near_deadline_is_blue():
    result = light(as_of=date(2025, 3, 28), percent=90.0)  # 14 days left, expected 86%
    assert (result.light, result.reason) == (Light.BLUE, "距完成时限不足15天")


def test_rule_8_boundary_fifteen_days_left_is_green():
    assert light(as_of=date(2025, 3, 27), percent=90.0).light is Light.GREEN  # 15 days left
    assert light(Thresholds("points", 10, 30, blue_days=0), as_of=DEADLINE, percent=100.0).light is Light.GREEN


def test_rule_8_yields_to_yellow():
    assert light(as_of=date(2025, 3, 28), percent=70.0).light is Light.YELLOW  # 16 behind


def test_rule_9_on_track_is_green():
    result = light()
    assert result == LightResult(Light.GREEN, "符合序时进度", 50, 0)
    assert light(percent=80.0).behind == -30  # ahead


def test_reported_without_percent_counts_as_on_track():
    result = light(percent=None)
    assert (result.light, result.reason, result.behind) == (Light.GREEN, "符合序时进度", None)
    assert light(percent=None, as_of=date(2025, 3, 28)).light is Light.BLUE


def test_late_cycles_are_informational():
    assert light(late_cycles=4).light is Light.GREEN


# Long-term tasks (长期)

def test_long_term_reporting_on_time_is_green():
    result = light(deadline=None, percent=5.0, as_of=date(2027, 1, 1))
    assert result == LightResult(Light.GREEN, "按期报送", None, None)


def test_long_term_reporting_rules_apply():
    assert light(deadline=None, as_of=date(2025, 1, 2), percent=None).light is Light.GREY
    assert light(deadline=None, missed_cycles=2).reason == "连续2期未报送"
    assert light(deadline=None, missed_cycles=1).light is Light.YELLOW
    assert light(deadline=None, blocked=True).reason == "进展受阻"
    assert light(deadline=None, done=True).reason == "已完成"


def test_long_term_has_no_progress_rule():
    assert light(deadline=None, percent=0.0).light is Light.GREEN


# Ratio mode

def test_ratio_mode_yellow_and_red_boundaries():
    # expected 50%: yellow below 40%, red below 25%
    assert light(RATIO, percent=40.0).light is Light.GREEN
    yellow = light(RATIO, percent=39.0)
    assert (yellow.light, yellow.reason, yellow.behind) == (Light.YELLOW, "完成进度仅为序时进度的78%", 11)
    assert light(RATIO, percent=25.0).light is Light.YELLOW
    red = light(RATIO, percent=24.0)
    assert (red.light, red.reason, red.behind) == (Light.RED, "完成进度仅为序时进度的48%", 26)


def test_ratio_mode_differs_from_points_mode():
    # Day 90, expected 90%, percent 70%: 20 points behind (yellow in points) but 77.8% of expected.
    result = light(RATIO, as_of=date(2025, 4, 1), percent=70.0)
    assert (result.light, result.reason) == (Light.YELLOW, "完成进度仅为序时进度的77.8%")
    # Day 20, expected 20%, percent 9%: 11 points behind (yellow) but only 45% of expected → red.
    assert light(RATIO, as_of=date(2025, 1, 21), percent=9.0).light is Light.RED
    assert light(POINTS, as_of=date(2025, 1, 21), percent=9.0).light is Light.YELLOW


def test_ratio_mode_with_nothing_expected_yet():
    # Reported before the plan starts: expected 0, nothing to fall behind.
    assert light(RATIO, as_of=START, percent=0.0, first_due=START).light is Light.GREEN


# Thresholds and presets

def test_presets():
    assert PRESETS["points_15_40"] == Thresholds("points", 15, 40, 15)
    assert set(PRESET_LABELS) == set(PRESETS)
    assert light(PRESETS["points_15_40"], percent=36.0).light is Light.GREEN  # 14 behind
    assert light(PRESETS["points_15_40"], percent=9.0).light is Light.RED  # 41 behind


@pytest.mark.parametrize("args", [("points", 30, 10), ("ratio", 50, 80), ("speed", 1, 2), ("points", 10, 30, -1)])
def test_bad_thresholds(args):
    with pytest.raises(ValueError):
        Thresholds(*args)


# Aggregation

def test_worst_ordering():
    assert worst([Light.GREY, Light.GREEN]) is Light.GREEN
    assert worst([Light.GREEN, Light.BLUE]) is Light.BLUE
    assert worst([Light.BLUE, Light.YELLOW, Light.GREEN]) is Light.YELLOW
    assert worst([Light.YELLOW, Light.RED, Light.GREY]) is Light.RED
    assert worst(iter([Light.GREY])) is Light.GREY
    assert worst([]) is Light.GREY


def test_light_labels():
    assert set(LIGHT_LABELS) == set(Light)
    assert LIGHT_LABELS[Light.RED] == "红灯"
