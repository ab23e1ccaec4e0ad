"""Project indicators are read three ways: from the index led by their chain, or by their channel, or in the
year's scan of the stage (kpis/figures.py), each over the projects holding the stage and those that moved back
later. Whichever way, a figure is the count or sum of its drill-down rows."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext

from tests.kpis.test_queries import _many_projects
from zhaoshang.kpis.choices import Kind
from zhaoshang.kpis.models import Kpi
from zhaoshang.kpis.rules import counted_projects
from zhaoshang.kpis.selectors import plan_figures
from zhaoshang.plans.models import Chain
from zhaoshang.projects.choices import Channel, Stage
from zhaoshang.projects.lookups import tags_named
from zhaoshang.projects.models import Project, StageRetreat

D = datetime.date
MOVED_BACK_ON = D(2025, 9, 1)


def _moved_back(every: int) -> int:
    """Every `every`-th project signed in 2025 before September moved back then: it counts until that day only."""
    moved = list(Project.objects.filter(signed_on__year=2025, signed_on__lt=MOVED_BACK_ON).order_by("pk")[::every])
    StageRetreat.objects.bulk_create([StageRetreat(project=one, stage=Stage.SIGNED, reached_on=one.signed_on,
                                                   retreated_on=MOVED_BACK_ON) for one in moved])
    Project.objects.filter(pk__in=[one.pk for one in moved]).update(stage=Stage.NEGOTIATING, signed_on=None)
    return len(moved)


def _extra_indicators(demo) -> None:
    """Indicators the seed notice lacks: two chains in one leaf, a chain on a stage without a chain index (read in the
    scan), a channel's sum above a minimum with fen (a decimal, not a whole number), a channel with its detail, a tag's sum at another stage."""
    target = Kpi.objects.filter(plan=demo).first().target
    chains = list(Chain.objects.filter(plan=demo).order_by("pk")[:2])

    def indicator(kind, stage=Stage.SIGNED, *, chains=(), tags=(), **rule):
        kpi = Kpi.objects.create(plan=demo, target=target, text="附加指标", kind=kind, goal=1, year=2025, stage=stage,
                                 unit="万元" if kind == Kind.AMOUNT_SUM else "个", **rule)
        kpi.chains.set(chains)
        kpi.tags.set(tags_named(tags))

    indicator(Kind.PROJECT_COUNT, chains=chains)
    indicator(Kind.PROJECT_COUNT, Stage.STARTED, chains=chains[:1], min_amount_wan=Decimal("9999"))
    indicator(Kind.AMOUNT_SUM, channel=Channel.CHUSHANG, min_amount_wan=Decimal("9999.99"))
    indicator(Kind.PROJECT_COUNT, channel=Channel.PLATFORM, channel_detail="城发")
    indicator(Kind.AMOUNT_SUM, Stage.PRODUCING, tags=["能源"])


def test_every_indicator_is_the_count_or_sum_of_its_rows_whichever_way_it_is_read(demo, office):
    _many_projects(demo, office, 600)
    assert _moved_back(every=7) > 10
    _extra_indicators(demo)
    producing = list(Project.objects.order_by("pk").values_list("pk", flat=True))[::5]
    Project.objects.filter(pk__in=producing).update(producing_on=D(2025, 5, 5))
    for as_of in (D(2025, 6, 30), D(2025, 12, 31)):
        kpis, figures = plan_figures(demo.pk, as_of)
        checked = [kpi for kpi in kpis if kpi.kind in (Kind.PROJECT_COUNT, Kind.AMOUNT_SUM) and not kpi.children.exists()]
        assert len(checked) == 31  # the notice's 26 and the 5 above
        for kpi in checked:
            rows = counted_projects(kpi, as_of)
            if kpi.kind == Kind.PROJECT_COUNT:
                assert figures[kpi.pk].actual == rows.count() > 0, (kpi.text, kpi.split_label, kpi.stage, as_of)
            else:
                total = rows.aggregate(total=Sum("amount_wan"))["total"]
                assert figures[kpi.pk].actual == total / (10000 if kpi.unit == "亿元" else 1) > 0, (kpi, as_of)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner")
def test_chain_and_channel_indicators_read_the_indexes_led_by_them(demo, office):
    """Never ANALYZEd, SQLite still takes the chain's and the channel's indexes for the indicators that filter on them,
    and the stage's index for the rest; the projects that moved back are read by id."""
    _many_projects(demo, office, 50)
    with CaptureQueriesContext(connection) as queries:
        plan_figures(demo.pk, D(2025, 12, 31))
    plans = ""
    with connection.cursor() as cursor:
        for query in queries.captured_queries:
            if '"projects_project"' in query["sql"]:
                cursor.execute("EXPLAIN QUERY PLAN " + query["sql"])
                plans += "\n".join(row[3] for row in cursor.fetchall()) + "\n"
    for index in ("project_kpi_signed", "project_kpi_chain_signed", "project_kpi_channel_signed",
                  "project_kpi_channel_registered", "project_kpi_channel_started"):
        assert f"COVERING INDEX {index} " in plans
    assert "SCAN projects_project" not in plans and "deleted_at_" not in plans
