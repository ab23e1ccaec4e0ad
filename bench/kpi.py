"""The figures of the whole Qianjiang indicator set at 10k, 100k and 1M projects on SQLite: time of figures_for,
its query count (constant), and the plan of its slowest query. Prints numbers and ratios; asserts nothing timed.

    .venv/bin/python bench/kpi.py                             # 10k, 100k and 1M (generating 1M: 5-15 minutes)
    .venv/bin/python bench/kpi.py --sizes 10000,100000        # quicker
    .venv/bin/python bench/kpi.py --data-dir /tmp/kpi-bench   # keep the data and reuse it next time
    .venv/bin/python bench/kpi.py --without-index project_kpi_signed,project_kpi_registered,project_kpi_started

The plan is the demo's (the seed notice through the real importer: 42 indicators). Projects come from
bench/kpi_data.py into a throw-away SQLite database under a temporary ZHAOSHANG_DATA_DIR (removed afterwards unless
--keep), or into --data-dir, which is kept and reused. Times are medians of --runs calls on one connection, as
wall-clock time and as CPU time (SQLite runs in the process, so CPU time is the whole work, and it is far less
disturbed by other jobs on a shared machine).
--without-index drops the named indexes first, to compare with the covering indexes of projects' migration 0005
(the database then lacks them for good: use a throw-away directory).
"""

import argparse
import datetime
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from benchdb import finish, use_data_dir  # noqa: E402
TARGET_MS = 200.0


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--as-of", default="2025-12-31", help="the day the figures are computed for")
    parser.add_argument("--without-index", default="", help="comma-separated index names to drop before measuring")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data directory")
    parser.add_argument("--data-dir", help="generate into (or reuse) this directory instead of a temporary one; kept")
    return parser.parse_args()


ARGS = _arguments()  # before Django starts: the data directory decides its database
DATA_DIR = use_data_dir(ARGS.data_dir, "zhaoshang-kpi-bench-")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from kpi_data import add_projects, base_rows  # noqa: E402
from zhaoshang.kpis.choices import AMOUNT_KINDS, GROWTH_KINDS  # noqa: E402
from zhaoshang.kpis.figures import figures_for, plan_kpis  # noqa: E402
from zhaoshang.kpis.services.editing import baseline_set  # noqa: E402
from zhaoshang.projects.models import Project, StageRetreat  # noqa: E402


def _median_ms(fn, runs: int, clock=time.perf_counter) -> float:
    times = []
    for _ in range(runs):
        started = clock()
        fn()
        times.append((clock() - started) * 1000)
    return statistics.median(times)


def _slowest(queries: list[dict], runs: int) -> tuple[float, str]:
    """The captured query that takes longest when run again on its own (median ms), and its SQL."""
    timed = []
    with connection.cursor() as cursor:
        for query in queries:
            def run(sql=query["sql"]):
                cursor.execute(sql)
                cursor.fetchall()
            timed.append((_median_ms(run, runs), query["sql"]))
    return max(timed)


def _plan_of(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        return [row[-1] for row in cursor.fetchall()]


def measure(plan, as_of: datetime.date, runs: int) -> dict:
    """figures_for over the plan's indicators (loaded once, as a page holds them): median ms, queries, slowest query."""
    kpis = list(plan_kpis(plan.pk))
    with CaptureQueriesContext(connection) as captured:
        figures_for(kpis, as_of)  # warm-up, and the query count
    queries = list(captured.captured_queries)
    ms = _median_ms(lambda: figures_for(kpis, as_of), runs)
    cpu = _median_ms(lambda: figures_for(kpis, as_of), runs, time.process_time)  # SQLite runs in-process: all of it
    total = _median_ms(lambda: figures_for(list(plan_kpis(plan.pk)), as_of), runs)
    slowest_ms, slowest_sql = _slowest(queries, runs)
    return {"ms": ms, "cpu": cpu, "total": total, "queries": len(queries), "kpis": len(kpis), "slowest_ms": slowest_ms,
            "slowest_sql": slowest_sql}


def _baselines(plan, office) -> None:
    """Last year's figures for the growth indicators, so that they compute (the SQL is the same either way)."""
    for kpi in plan_kpis(plan.pk):
        if kpi.kind in GROWTH_KINDS and kpi.baseline is None:
            baseline_set(actor=office, kpi=kpi, value=3_000_000 if kpi.kind in AMOUNT_KINDS else 2000, source="合成基数")


def main() -> None:
    as_of = datetime.date.fromisoformat(ARGS.as_of)
    results = []
    try:
        call_command("migrate", verbosity=0)
        for name in filter(None, ARGS.without_index.split(",")):
            with connection.cursor() as cursor:
                cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
            print(f"dropped index {name}")
        base = base_rows()
        plan, office = base[0], base[1]
        _baselines(plan, office)
        have = Project.all_objects.count()
        for size in sorted(int(s) for s in ARGS.sizes.split(",")):
            if size < have:
                print(f"\n{size:,} projects: skipped, {DATA_DIR} holds {have:,} already")
                continue
            started = time.perf_counter()
            add_projects(have, size - have, base)
            generated = time.perf_counter() - started
            have = size
            terminated = Project.all_objects.exclude(terminated_on=None).count()
            print(f"\n{Project.all_objects.count():,} projects ({terminated:,} terminated, "
                  f"{StageRetreat.objects.count():,} stage retreats, "
                  f"{Project.tags.through.objects.count():,} tag rows), generated in {generated:.0f} s")
            result = measure(plan, as_of, ARGS.runs)
            results.append((size, result))
            print(f"  figures_for, {result['kpis']} indicators as of {as_of}: {result['ms']:8.1f} ms  "
                  f"{result['queries']:3d} queries  = {result['ms'] / TARGET_MS:.2f} × {TARGET_MS:.0f} ms")
            print(f"  the same in CPU time (less noisy on a shared machine): {result['cpu']:8.1f} ms")
            print(f"  with loading the indicators (plan_kpis):         {result['total']:8.1f} ms")
            print(f"  slowest query alone: {result['slowest_ms']:.1f} ms; EXPLAIN QUERY PLAN:")
            for line in _plan_of(result["slowest_sql"]):
                print(f"    {line}")
        print("\nsize        figures_for  ratio to 200 ms   CPU time  ratio  queries")
        for size, result in results:
            print(f"{size:>9,}  {result['ms']:9.1f} ms  {result['ms'] / TARGET_MS:15.2f}  {result['cpu']:6.1f} ms  "
                  f"{result['cpu'] / TARGET_MS:5.2f}  {result['queries']:7d}")
        if len({result["queries"] for _, result in results}) > 1:
            print("query count NOT constant across sizes")
    finally:
        finish(DATA_DIR, keep=bool(ARGS.keep or ARGS.data_dir))


if __name__ == "__main__":
    main()
