"""The phase clock's rules against hand-built cases, and the database's "flagged" filter agreeing with them."""

import datetime
from types import SimpleNamespace

import pytest

from zhaoshang.projects.clock import (ClockInput, ClockRules, add_months, clock_for, over_budget_before, stage_spans)
from zhaoshang.projects.flags import attach_clocks

D = datetime.date
RULES = ClockRules()  # negotiating 3, signed 1, registered 2, permitting 3, started 12 months; 30 quiet days


def _clock(stage="negotiating", state="active", since=D(2025, 7, 1), last=None, today=D(2025, 9, 1), rules=RULES):
    return clock_for(ClockInput(stage=stage, state=state, since=since, last_update=last or today, today=today), rules)


@pytest.mark.parametrize(("case", "light", "flagged", "reason"), [
    (dict(state="terminated", since=D(2024, 1, 1)), "grey", False, "已终止"),
    (dict(stage="producing", since=D(2020, 1, 1), last=D(2020, 1, 1)), "green", False, "已投产"),
    (dict(stage="producing", state="stalled"), "green", False, "已投产"),
    (dict(state="stalled"), "red", True, "项目停滞"),
    (dict(today=D(2025, 10, 1)), "green", False, "本阶段剩余0天"),  # the deadline day itself is within budget
    (dict(today=D(2025, 10, 2)), "red", True, "超出本阶段时限1天（时限3个月）"),
    (dict(stage="signed", since=D(2025, 1, 31), today=D(2025, 2, 28)), "green", False, "本阶段剩余0天"),  # month-end clamp
    (dict(stage="signed", since=D(2025, 1, 31), today=D(2025, 3, 1)), "red", True, "超出本阶段时限1天（时限1个月）"),
    (dict(last=D(2025, 8, 2)), "yellow", True, "30天未更新"),
    (dict(last=D(2025, 8, 3)), "green", False, "本阶段剩余30天"),
    (dict(today=D(2025, 10, 20), last=D(2025, 7, 1)), "red", True, "超出本阶段时限19天（时限3个月）"),  # over budget beats quiet
    (dict(stage="lead", since=D(2020, 1, 1)), "green", False, "按期推进"),  # no budget: no deadline
    (dict(stage="lead", since=D(2020, 1, 1), last=D(2025, 6, 1)), "yellow", True, "92天未更新"),
    (dict(stage="started", since=D(2025, 1, 1), today=D(2025, 12, 31)), "green", False, "本阶段剩余1天"),
])
def test_clock_rules(case, light, flagged, reason):
    clock = _clock(**case)
    assert (clock.light, clock.flagged, clock.reason) == (light, flagged, reason)


def test_clock_figures():
    clock = _clock(since=D(2025, 7, 1), today=D(2025, 8, 15), last=D(2025, 8, 5))
    assert clock.deadline == D(2025, 10, 1) and clock.budget_months == 3
    assert (clock.days_in_stage, clock.days_left, clock.quiet_days, clock.label) == (45, 47, 10, "绿灯")


def test_budgets_and_quiet_days_are_configurable():
    rules = ClockRules(budgets={"negotiating": 1}, stale_days=7)
    assert _clock(today=D(2025, 8, 2), rules=rules).reason == "超出本阶段时限1天（时限1个月）"
    assert _clock(stage="signed", since=D(2020, 1, 1), today=D(2025, 8, 8), last=D(2025, 8, 1), rules=rules).reason == "7天未更新"


@pytest.mark.parametrize("bad", [dict(budgets={"signed": 0}), dict(budgets={"signed": 1.5}), dict(stale_days=0)])
def test_bad_rules_are_refused_in_chinese(bad):
    with pytest.raises(ValueError, match="正整数"):
        ClockRules(**bad)


def test_add_months_clamps_to_the_month_end():
    assert add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2025, 11, 30), 3) == D(2026, 2, 28)
    assert add_months(D(2025, 3, 31), -1) == D(2025, 2, 28)


def test_the_cutoff_agrees_with_the_deadline_rule_every_day():
    """What the database filters on (entry date before the cutoff) is exactly rule 4, month ends included."""
    for months in (1, 2, 3, 12):
        for offset in range(0, 760, 1):
            today = D(2024, 1, 1) + datetime.timedelta(days=offset)
            cutoff = over_budget_before(today, months)
            for since in (cutoff - datetime.timedelta(days=1), cutoff):
                assert (since < cutoff) == (today > add_months(since, months)), (today, months, since)


def test_stage_spans_follow_the_history_against_budgets():
    entries = [("lead", D(2025, 1, 5)), ("negotiating", D(2025, 2, 1)), ("signed", D(2025, 6, 10)),
               ("registered", D(2025, 6, 10)), ("permitting", D(2025, 7, 1))]
    spans = stage_spans(entries, D(2025, 9, 1), RULES)
    assert [(s.stage, s.days, s.over) for s in spans] == [
        ("lead", 27, False), ("negotiating", 129, True), ("signed", 0, False), ("registered", 21, False),
        ("permitting", 62, False)]
    assert spans[-1].left is None and spans[1].left == D(2025, 6, 10) and spans[1].budget_months == 3


def test_quiet_days_count_from_the_beijing_date_of_the_last_update(settings):
    """17:00 UTC on 14 September is already 15 September in Beijing: 30 quiet days on 15 October, not 31."""
    updated = datetime.datetime(2025, 9, 14, 17, tzinfo=datetime.timezone.utc)
    project = SimpleNamespace(stage="lead", state="active", stage_since=D(2020, 1, 1), updated_at=updated)
    assert settings.TIME_ZONE == "Asia/Shanghai"
    assert attach_clocks([project], today=D(2025, 10, 15))[0].clock.reason == "30天未更新"
