"""The whole plan's figures take a fixed number of queries, however many projects, tags, stage retreats and values
there are (bench/kpi.py times them at 10k-1M projects); the faster query of tag indicators counts as the slow one."""

import datetime
import random
from decimal import Decimal

from tests.kpis.test_figures import figure, project
from zhaoshang.kpis.choices import Kind
from zhaoshang.kpis.figures import plan_kpis
from zhaoshang.kpis.models import Kpi
from zhaoshang.kpis.selectors import plan_figures
from zhaoshang.kpis.services.values import value_submit
from zhaoshang.plans.models import Chain
from zhaoshang.projects.choices import Channel, Stage, State
from zhaoshang.projects.lookups import tags_named
from zhaoshang.projects.models import Project, StageRetreat, Tag
from zhaoshang.projects.tagging import tag_bits
from zhaoshang.projects.services.lifecycle import project_stage_change

D = datetime.date
AS_OF = D(2025, 12, 31)
# indicators, their chains and their tags (3); per (stage, year) group — signed, registered, started in 2025 — one
# query for each way its indicators read the projects, each over those holding the stage and those that moved back
# later: signed by the year's scan (tags), by chain and by channel; registered and started by channel (5); one per
# registry counted (联合培养基地, 科技创新平台, 科技成果转化, 基金: 4); the confirmed values (1)
QUERIES = 13


def _many_projects(demo, office, count: int) -> None:
    """`count` projects over every chain, channel and tag, both sides of 1亿元, 2024-2025; some terminated, some that
    lost their signing (written in bulk: the query count is what is tested, not the services)."""
    rng = random.Random(2025)
    chains, tags = list(Chain.objects.filter(plan=demo)), list(Tag.objects.all())
    projects = []
    for n in range(count):
        signed = D(2024, 6, 1) + datetime.timedelta(days=rng.randrange(580))
        projects.append(Project(
            name=f"批量项目{n}", amount_wan=Decimal(rng.choice((800, 9999, 10000, 30000))),
            chain=rng.choice(chains + [None]),
            channel=rng.choice(Channel.values), channel_detail=rng.choice(("", "城发集团", "中伦")), lead_unit=office.unit,
            created_by=office, stage=Stage.STARTED, stage_since=signed, signed_on=signed, registered_on=signed,
            started_on=signed, state=State.TERMINATED if n % 17 == 0 else State.ACTIVE,
            terminated_on=signed + datetime.timedelta(days=30) if n % 17 == 0 else None))
    chosen = [rng.sample(tags, rng.choice((0, 1, 2))) for _ in projects]
    for one, its_tags in zip(projects, chosen):
        one.tag_bits = tag_bits(tag.pk for tag in its_tags)
    projects = Project.objects.bulk_create(projects)
    Project.tags.through.objects.bulk_create([Project.tags.through(project=p, tag=t) for p, its_tags in zip(projects, chosen)
                                              for t in its_tags])
    StageRetreat.objects.bulk_create([StageRetreat(project=p, stage=Stage.SIGNED, reached_on=D(2025, 2, 1),
                                                   retreated_on=D(2025, 9, 1)) for p in projects[::23]])


def test_the_whole_plans_figures_take_the_same_queries_with_many_more_projects(demo, office, django_assert_num_queries):
    plan_figures(demo.pk, AS_OF)  # each registry's filter is built once per process (a COUNT of a linked table)
    with django_assert_num_queries(QUERIES):
        _, before = plan_figures(demo.pk, AS_OF)
    _many_projects(demo, office, 400)
    output = Kpi.objects.get(plan=demo, kind=Kind.REPORTED, unit="亿元")
    for month in (3, 6, 9):
        value_submit(actor=office, kpi=output, value=100 * month // 3, as_of=D(2025, month, 28))
    with django_assert_num_queries(QUERIES):
        kpis, after = plan_figures(demo.pk, AS_OF)
    counted = [kpi for kpi in kpis if kpi.kind == Kind.PROJECT_COUNT and not kpi.children.exists()]
    assert all(before[kpi.pk].actual == 0 for kpi in counted)
    assert all(after[kpi.pk].actual > 0 for kpi in counted)  # every project indicator now counts something
    assert after[output.pk].actual == 300


def test_any_day_of_the_year_or_after_takes_the_same_queries_and_before_it_fewer(demo, django_assert_num_queries):
    assert len(list(plan_kpis(demo.pk))) == 42
    for as_of in (D(2025, 1, 1), D(2025, 6, 30), D(2026, 3, 1)):
        with django_assert_num_queries(QUERIES):
            plan_figures(demo.pk, as_of)
    with django_assert_num_queries(QUERIES - 9):  # nothing to count before the year starts
        plan_figures(demo.pk, D(2024, 12, 31))


def test_tag_indicators_count_each_project_once(demo, office):
    """Tag indicators read the project's tag bits: a project with two of the tags counts once, in counts and sums."""
    services = Kpi.objects.get(plan=demo, split_label="生产性服务业")

    def indicator(kind, tags):
        kpi = Kpi.objects.create(plan=demo, target=services.target, text="、".join(tags), kind=kind, goal=1, year=2025)
        kpi.tags.set(tags_named(tags))
        return kpi

    count_either = indicator(Kind.PROJECT_COUNT, ["数字经济", "能源"])
    sum_energy, sum_either = indicator(Kind.AMOUNT_SUM, ["能源"]), indicator(Kind.AMOUNT_SUM, ["数字经济", "能源"])
    project(office, 1000, chain=None, tags=tags_named(["数字经济", "能源", "生产性服务业"]))
    project(office, 2000, chain=None, tags=tags_named(["能源"]))
    moved = project(office, 4000, chain=None, tags=tags_named(["数字经济", "能源"]))
    project_stage_change(actor=office, project=moved, stage="negotiating", happened_on=D(2025, 9, 1), note="重谈")
    checked = (count_either, sum_energy, sum_either, services)
    assert [figure(kpi, D(2025, 8, 31)).actual for kpi in checked] == [3, 7000, 7000, 1]
    assert [figure(kpi, D(2025, 9, 1)).actual for kpi in checked] == [2, 3000, 3000, 1]  # the moved one: 4000 less


def test_the_figures_asked_for_again_follow_the_data(demo, office, entry, django_assert_num_queries):
    """The figures' SQL is built once per process for the same indicators and day; the rows are read every time."""
    salt, funds = Kpi.objects.get(plan=demo, split_label="盐化工"), Kpi.objects.get(plan=demo, registry="fund")
    _, before = plan_figures(demo.pk, AS_OF)
    project(office, 20000)
    entry("fund", name="新设产业基金", since=D(2025, 5, 1))
    with django_assert_num_queries(QUERIES):
        _, after = plan_figures(demo.pk, AS_OF)
    assert after[salt.pk].actual == before[salt.pk].actual + 1
    assert after[funds.pk].actual == before[funds.pk].actual + 1
