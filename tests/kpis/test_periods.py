"""Recurring indicators: each period must be met; the ones missed are named."""

import datetime
from decimal import Decimal

from zhaoshang.kpis.choices import Kind, Period
from zhaoshang.kpis.figures import figures_for, plan_kpis
from zhaoshang.kpis.periods import period_figure, spans
from zhaoshang.kpis.services.defining import kpi_create
from zhaoshang.kpis.services.editing import KpiInput
from zhaoshang.plans.models import Task
from zhaoshang.supervision.lights import Light

D = datetime.date


def test_the_years_periods_cover_every_day_once():
    for period in Period.values:
        days = [d for span in spans(period, 2025) for d in _days(span.start, span.end)]
        assert days == list(_days(D(2025, 1, 1), D(2025, 12, 31))), period
    assert len(spans(Period.MONTH, 2025)) == 12 and spans(Period.QUARTER, 2025)[1].label == "2025年第2季度"
    assert spans(Period.WEEK, 2025)[0].start == D(2025, 1, 1) and spans(Period.WEEK, 2025)[1].start == D(2025, 1, 6)


def _days(start, end):
    while start <= end:
        yield start
        start += datetime.timedelta(days=1)


def test_each_month_counts_at_most_its_goal_and_the_months_missed_are_named():
    by_day = {D(2025, 1, 10): Decimal(2), D(2025, 3, 5): Decimal(1), D(2025, 4, 30): Decimal(1)}
    found = period_figure(Period.MONTH, Decimal(1), 2025, by_day, starts=D(2025, 1, 1), as_of=D(2025, 4, 30))
    assert (found.goal, found.actual, found.expected, found.total) == (12, 3, 4, 4)
    assert found.missed == ["2025年2月"] and "未达到：2025年2月" in found.note


def test_periods_ending_before_the_plan_starts_are_not_asked():
    found = period_figure(Period.QUARTER, Decimal(1), 2025, {D(2025, 2, 1): Decimal(1)}, starts=D(2025, 6, 19),
                          as_of=D(2025, 12, 31))
    assert (found.goal, found.actual, found.missed) == (3, 0, ["2025年第2季度", "2025年第3季度", "2025年第4季度"])


def test_a_monthly_registry_count_shows_its_missed_months(demo, office, entry):
    task = Task.objects.get(plan=demo, number="16")
    data = KpiInput(kind=Kind.REGISTRY_COUNT, goal=Decimal(1), unit="次", comparator=">=", year=2025, due_on=None,
                    stage="signed", registry="event", registry_filter={"kind": "symposium"}, period=Period.MONTH)
    kpi = kpi_create(actor=office, plan=demo, task=task, text="每月举办1次恳谈会", data=data)
    for day in (D(2025, 7, 3), D(2025, 7, 20), D(2025, 9, 1)):
        entry("event", name=f"示例恳谈会{day}", kind="symposium", since=day)
    figure = figures_for([k for k in plan_kpis(demo.pk) if k.pk == kpi.pk], D(2025, 9, 30))[kpi.pk]
    assert figure.light != Light.GREEN and "2025年8月" in figure.note
    assert figure.goal == 7  # June-December: the plan starts on 2025-06-19, so June is asked, earlier months are not



def test_the_recurring_indicators_of_one_registry_take_one_query_each_counting_its_own_rows(
        demo, office, entry, django_assert_num_queries):
    task = Task.objects.get(plan=demo, number="16")

    def recurring(kind, period, text):
        data = KpiInput(kind=Kind.REGISTRY_COUNT, goal=Decimal(1), unit="次", comparator=">=", year=2025, due_on=None,
                        stage="signed", registry="event", registry_filter={"kind": kind}, period=period)
        return kpi_create(actor=office, plan=demo, task=task, text=text, data=data)

    monthly, quarterly = recurring("symposium", Period.MONTH, "每月恳谈会"), recurring("matchmaking", Period.QUARTER, "每季度对接会")
    for day, kind in ((D(2025, 7, 3), "symposium"), (D(2025, 7, 3), "matchmaking"), (D(2025, 8, 9), "symposium"),
                      (D(2025, 8, 9), "online")):
        entry("event", name=f"示例活动{day}{kind}", kind=kind, since=day)
    kpis = [k for k in plan_kpis(demo.pk) if k.pk in (monthly.pk, quarterly.pk)]
    with django_assert_num_queries(1):
        figures = figures_for(kpis, D(2025, 9, 30))
    assert [figures[k.pk].rows for k in (monthly, quarterly)] == [2, 1]
    assert "2025年9月" in figures[monthly.pk].note and figures[quarterly.pk].actual == 1  # the third quarter's one
