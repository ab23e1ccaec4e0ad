"""The registry indicators of the office's set (the 楚商四库 in place, the talent pools by tier, the placements' head
count, the platforms of a kind, the meetings held per week) read their rows from covering indexes of the live rows
(bench/kpi.py): one per table, never a table's own deleted_at index followed by a lookup of every row."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhaoshang.demo.kpis import KpiWriter
from zhaoshang.kpis.figures import figures_for, plan_kpis

AS_OF = datetime.date(2025, 12, 31)  # the demo writes its indicators as of this day: all of them are 2025's
ADDED = {"chushang_in_place", "chucai_in_place", "alumnus_in_place", "listed_in_place", "talent_tier_days",
         "placement_headcount", "innov_platform_kind_opened", "meeting_kind_status_day"}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner")
def test_registry_indicators_read_covering_indexes_even_without_statistics(demo, office):
    """Never ANALYZEd, SQLite takes `deleted_at IS NULL` for a selective condition: the registries' deleted_at indexes
    (SoftDeleteModel's, and the list filters' led by it) must not take the covering indexes' place."""
    KpiWriter(demo, office, AS_OF).write()
    kpis = list(plan_kpis(demo.pk))
    figures_for(kpis, AS_OF)  # the first call also reads the filters' linked rows, once per process
    with CaptureQueriesContext(connection) as queries:
        figures_for(kpis, AS_OF)
    steps = []
    with connection.cursor() as cursor:
        for query in queries.captured_queries:
            if '"projects_project"' not in query["sql"] and '"kpis_kpivalue"' not in query["sql"]:
                cursor.execute("EXPLAIN QUERY PLAN " + query["sql"])
                steps += [row[3] for row in cursor.fetchall() if row[3].startswith(("SEARCH", "SCAN"))]
    used = {step.split(" INDEX ")[1].split(" ")[0] for step in steps if " INDEX " in step}
    assert ADDED <= used, used
    assert all("COVERING INDEX" in step for step in steps), steps
