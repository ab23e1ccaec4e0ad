"""What a bulletin says, collected once: the same period over the same data gives the same numbers; lights,
lists and problems are as they stood at the end of the month."""

import datetime

import pytest

from zhaoshang.reports.bulletin_data import bulletin_collect
from zhaoshang.reports.errors import BulletinError
from zhaoshang.reports.periods import parse_period, period_as_of
from zhaoshang.supervision.models import Problem

D = datetime.date


def test_the_same_period_built_twice_gives_identical_data(july, office):
    first = bulletin_collect(user=office, period="2025-07")
    second = bulletin_collect(user=office, period="2025-07")
    assert first == second
    assert first.as_of == D(2025, 7, 31) and first.period_label == "2025年7月"


def test_headline_counts_every_task_assignment_and_light(july, office):
    data = bulletin_collect(user=office, period="2025-07")
    h = data.headline
    assert (h.tasks, h.assignments, h.units) == (18, 58, 27)
    assert sum(h.lights.values()) == 58 and sum(h.task_lights.values()) == 18
    assert h.lights["red"] == len(data.red) and h.lights["yellow"] == len(data.yellow)
    assert (h.due_periods, h.on_time) == (116, 5)  # 58 × (June, July); 市商务局 4 and 市农业农村局 1 on time
    assert h.open_problems == 1
    assert sum(f.assignments for f in data.focuses) == 58
    assert sum(len(f.task_numbers) for f in data.focuses) == 18


def test_red_and_yellow_lists_name_the_unit_and_the_reason(july, office):
    data = bulletin_collect(user=office, period="2025-07")
    yellow = [r for r in data.yellow if r.unit == "市农业农村局"]
    assert [(r.task_number, r.reason) for r in yellow] == [("5", "本期未按时报送")]
    assert any(r.unit == "市发改委" and r.reason == "连续2期未报送" for r in data.red)
    assert all(r.unit != "市商务局" for r in data.red + data.yellow)
    order = [(int(r.task_number), r.measure_ordinal) for r in data.rows]
    assert order == sorted(order)


def test_a_month_looks_as_it_was_then(july, office):
    june = bulletin_collect(user=office, period="2025-06")
    assert june.as_of == D(2025, 6, 30) and june.headline.due_periods == 58
    assert june.headline.open_problems == 0  # raised in July
    row = next(r for r in june.rows if r.unit == "市商务局")
    assert (row.latest_period, row.progress, row.report_state) == ("2025年6月", 20, "按时报送")


def test_problems_resolved_before_the_month_ended_are_left_out(july, office):
    Problem.objects.update(status="resolved", resolved_at=datetime.datetime(2025, 7, 25, tzinfo=datetime.UTC))
    assert bulletin_collect(user=office, period="2025-07").problems == ()
    assert len(bulletin_collect(user=office, period="2025-06").problems) == 0
    Problem.objects.update(resolved_at=datetime.datetime(2025, 8, 5, tzinfo=datetime.UTC))
    [problem] = bulletin_collect(user=office, period="2025-07").problems
    assert problem.unit == "市商务局" and "用地指标" in problem.text


@pytest.mark.parametrize("text", ["2025-13", "2025-9", "202509", "", "2025-00", "九月"])
def test_a_malformed_period_is_refused_in_chinese(text):
    with pytest.raises(BulletinError, match="格式不正确"):
        parse_period(text)


def test_a_month_not_yet_begun_is_refused_and_the_current_month_runs_to_today():
    with pytest.raises(BulletinError, match="尚未开始"):
        period_as_of("2025-10", D(2025, 9, 30))
    assert period_as_of("2025-09", D(2025, 9, 12)) == D(2025, 9, 12)
    assert period_as_of("2024-02", D(2025, 9, 12)) == D(2024, 2, 29)
