"""Each kind of indicator against small hand-built data with known answers, and the boundaries of counting."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone

from zhaoshang.accounts.models import Unit
from zhaoshang.kpis.choices import Kind
from zhaoshang.kpis.models import Kpi
from zhaoshang.kpis.selectors import kpi_figure, kpi_rows
from zhaoshang.kpis.services.editing import baseline_set
from zhaoshang.kpis.services.values import value_review, value_submit
from zhaoshang.meetings.choices import MeetingKind, MeetingStatus
from zhaoshang.meetings.models import Meeting
from zhaoshang.projects.lookups import chain_named, tags_named
from zhaoshang.projects.services.lifecycle import project_stage_change
from zhaoshang.projects.services.projects import ProjectInput, project_create
from zhaoshang.supervision.lights import Light

D = datetime.date
BEIJING = datetime.timezone(datetime.timedelta(hours=8))
_serial = iter(range(1, 10_000))


def project(office, amount, *, chain="盐化工", stage="signed", since=D(2025, 3, 1), unit="市自然资源和城乡建设局", **extra):
    n = next(_serial)
    return project_create(actor=office, data=ProjectInput(
        name=f"测试项目{n}", enterprise_name=f"测试企业{n}有限公司", amount_wan=amount, lead_unit=Unit.objects.get(short_name=unit),
        chain=chain_named(chain) if chain else None, stage=stage, stage_since=since, **extra))


def figure(kpi, as_of):
    return kpi_figure(Kpi.objects.get(pk=kpi.pk), as_of)


@pytest.fixture
def salt(demo):
    """Task 1's part for 盐化工: 2025, signed, ≥1亿元 (10000万元), at least 1."""
    return Kpi.objects.get(plan=demo, split_label="盐化工")


def test_exactly_one_yi_counts_and_one_fen_less_does_not(salt, office):
    project(office, "9999.99")
    assert figure(salt, D(2025, 12, 31)).actual == 0
    exact = project(office, "10000")
    result = figure(salt, D(2025, 12, 31))
    assert result.actual == 1 and result.met and result.light == Light.GREEN
    assert list(kpi_rows(salt, D(2025, 12, 31))) == [exact]


def test_late_evening_of_31_december_beijing_time_counts_for_that_year(salt, office):
    p2025, p2026 = project(office, 20000, stage="negotiating"), project(office, 20000, stage="negotiating")
    with time_machine.travel(datetime.datetime(2025, 12, 31, 23, 50, tzinfo=BEIJING), tick=False):
        project_stage_change(actor=office, project=p2025, stage="signed", happened_on=timezone.localdate())
    with time_machine.travel(datetime.datetime(2026, 1, 1, 0, 10, tzinfo=BEIJING), tick=False):
        project_stage_change(actor=office, project=p2026, stage="signed", happened_on=timezone.localdate())
    assert [p.pk for p in kpi_rows(salt, D(2026, 6, 1))] == [p2025.pk]


def test_a_terminated_project_drops_out_from_the_day_it_ended(salt, office):
    ended = project(office, 15000)
    project_stage_change(actor=office, project=ended, stage="terminated", happened_on=D(2025, 5, 1), note="企业撤资")
    assert figure(salt, D(2025, 4, 30)).actual == 1
    assert figure(salt, D(2025, 5, 1)).actual == 0


def test_moving_back_from_signed_stops_counting_from_that_date_and_resigning_counts_once(salt, office):
    moved = project(office, 15000)
    project_stage_change(actor=office, project=moved, stage="negotiating", happened_on=D(2025, 6, 1), note="合同解除重谈")
    assert figure(salt, D(2025, 5, 31)).actual == 1
    assert figure(salt, D(2025, 6, 1)).actual == 0
    project_stage_change(actor=office, project=moved, stage="signed", happened_on=D(2025, 8, 1), note="重新签约")
    assert figure(salt, D(2025, 7, 1)).actual == 0
    assert figure(salt, D(2025, 8, 1)).actual == 1
    assert figure(salt, D(2025, 5, 31)).actual == 1
    assert kpi_rows(salt, D(2025, 5, 31)).count() == 1


def test_per_chain_parent_counts_the_parts_that_met_their_goal(salt, office):
    parent = salt.parent
    project(office, 10000)
    project(office, 30000, chain="石油化工", unit="潜江高新区")
    project(office, 30000, chain="石油化工", unit="潜江高新区", since=D(2024, 12, 31))  # last year: not counted
    result = figure(parent, D(2025, 12, 31))
    assert (result.goal, result.actual) == (5, 2)
    assert result.light == Light.RED  # three chains without a project by the deadline
    assert kpi_rows(parent, D(2025, 12, 31)).count() == 2


def test_tag_and_channel_filters(demo, office):
    farm = Kpi.objects.get(plan=demo, kind=Kind.PROJECT_COUNT, tags__name="农业场景")
    platform = Kpi.objects.get(plan=demo, channel="platform")
    project(office, 500, chain="小龙虾深加工", unit="市农业农村局", tags=tags_named(["农业场景", "数字经济"]))
    project(office, 500, chain="小龙虾深加工", unit="市农业农村局", channel="platform", channel_detail="中伦")
    assert figure(farm, D(2025, 12, 31)).actual == 1
    assert figure(platform, D(2025, 12, 31)).actual == 1


def test_registered_stage_and_minimum_amount(demo, office):
    returnees = Kpi.objects.get(plan=demo, kind=Kind.PROJECT_COUNT, stage="registered")
    project(office, 12000, channel="chushang", stage="registered")
    project(office, 12000, channel="chushang")  # only signed
    project(office, 8000, channel="chushang", stage="registered")  # below 1亿元
    assert figure(returnees, D(2025, 12, 31)).actual == 1


def test_amount_sum_in_yi_yuan(salt, office):
    salt.kind, salt.unit, salt.goal, salt.min_amount_wan = Kind.AMOUNT_SUM, "亿元", Decimal(5), None
    salt.save()
    project(office, "12345.67")
    project(office, "20000")
    result = figure(salt, D(2025, 12, 31))
    assert result.actual == Decimal("3.234567")
    assert not result.met


def test_growth_needs_a_baseline_and_a_zero_baseline_says_so(demo, office):
    growth = Kpi.objects.get(plan=demo, kind=Kind.GROWTH_COUNT)
    assert figure(growth, D(2025, 7, 2)).reason == "未录入上年基数"
    baseline_set(actor=office, kpi=growth, value=0, source="2024年楚商回乡工作统计")
    zero = figure(growth, D(2025, 7, 2))
    assert (zero.actual, zero.light, zero.reason) == (None, Light.GREY, "上年基数为0，无法计算增长率")


def test_growth_compares_this_year_to_date_with_the_pro_rated_baseline(demo, office):
    growth = Kpi.objects.get(plan=demo, kind=Kind.GROWTH_COUNT)
    baseline_set(actor=office, kpi=growth, value=20, source="2024年楚商回乡工作统计")
    for _ in range(12):
        project(office, 3000, channel="chushang", since=D(2025, 5, 1))
    # 2 July 2025 is day 183 of 365: 20 × 183/365 = 10.03 expected so far; 12 signed → +19.67%
    result = figure(growth, D(2025, 7, 2))
    assert result.actual == Decimal("19.67")
    assert result.met and result.light == Light.GREEN
    assert figure(growth, D(2025, 12, 31)).actual == Decimal("-40.00")


def test_registry_count_of_meetings_held(demo, office):
    kpi = Kpi.objects.create(plan=demo, target=demo.targets.first(), text="每周会商研判", kind=Kind.REGISTRY_COUNT,
                             goal=2, unit="次", year=2025, registry="meetings_review", due_on=D(2025, 12, 31))
    for day, status in ((D(2025, 3, 3), MeetingStatus.HELD), (D(2025, 3, 10), MeetingStatus.PLANNED),
                        (D(2026, 1, 5), MeetingStatus.HELD)):
        Meeting.objects.create(kind=MeetingKind.REVIEW, number=day.isocalendar().week, title="会商研判", date=day,
                               status=status, created_by=office)
    assert figure(kpi, D(2025, 12, 31)).actual == 1
    assert kpi_rows(kpi, D(2025, 12, 31)).count() == 1


def test_reported_value_counts_once_confirmed_and_keeps_its_history(demo, office):
    output = Kpi.objects.get(plan=demo, unit="亿元", kind=Kind.REPORTED)
    reporter = output.reporting_unit.users.first()
    first = value_submit(actor=reporter, kpi=output, value="180", as_of=D(2025, 6, 30))
    assert figure(output, D(2025, 7, 1)).actual is None  # not confirmed yet
    value_review(actor=office, row=first, confirm=True)
    second = value_submit(actor=reporter, kpi=output, value="410.5", as_of=D(2025, 11, 30))
    value_review(actor=office, row=second, confirm=True)
    assert figure(output, D(2025, 7, 1)).actual == Decimal("180")
    done = figure(output, D(2025, 12, 1))
    assert done.actual == Decimal("410.5") and done.met
    assert output.values.count() == 2


def test_milestone_is_done_from_its_confirmed_date(demo, office):
    milestone = Kpi.objects.filter(plan=demo, kind=Kind.MILESTONE).first()
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    value_submit(actor=office, kpi=milestone, value=None, as_of=D(2025, 9, 1), filename="批复.png", data=png)
    assert not figure(milestone, D(2025, 8, 31)).met
    result = figure(milestone, D(2025, 9, 1))
    assert result.met and result.light == Light.GREEN
