"""The figures of the whole Qianjiang indicator set (pipeline counts and registry counts) at 10k, 100k and 1M projects
with 100,000 rows in every registry the indicators count, on SQLite: time of figures_for, its query count (constant),
the SQL floor and the ratio, and the plan of its slowest query. Prints numbers and ratios; asserts nothing timed.

    .venv/bin/python bench/kpi.py                             # 10k, 100k and 1M (generating 1M: 5-15 minutes)
    .venv/bin/python bench/kpi.py --sizes 10000 --registry-rows 10000   # a quick try (under a minute)
    .venv/bin/python bench/kpi.py --data-dir /tmp/kpi-bench   # keep the data and reuse it next time
    .venv/bin/python bench/kpi.py --without-index project_kpi_signed,project_kpi_registered,project_kpi_started

The plan is the demo's: the seed notice through the real importer, then the office's indicators as the demo writes
them for 2025-12-31 (accepted suggestions, the weekly and fortnightly meetings, the 四库 …): 62 indicators, 19 of
them registry counts over 12 registries and the meetings. Projects come from bench/kpi_data.py, registry rows too
(since over 2024-2026, some ended, undated or deleted, choices spread, headcount 1-30), into a throw-away SQLite
database under a temporary ZHAOSHANG_DATA_DIR (removed afterwards unless --keep), or into --data-dir, which is kept
and reused (a directory made before the registry counts lacks the office's indicators: use a new one).
Times are medians of --runs calls on one connection, as wall-clock time and as CPU time (SQLite runs in the
process, so CPU time is the whole work, and it is far less disturbed by other jobs on a shared machine).

The SQL floor is the least the database must do for the same figures: the pipeline's and the reported values'
queries run raw (the SQL figures_for sends, without the ORM and the Python around it), and for the registries one
hand-written raw aggregate per table (a conditional COUNT or SUM per indicator, the days they share tested once) and
one more for a table's recurring indicators (a UNION ALL of each one's rows per day, so that each reads its own index). Every registry figure of figures_for is checked against
the floor's; a difference is printed as MISMATCH. The query count is that of a second call: the first builds each
registry's filter once per process (a few COUNTs of linked tables).
--without-index drops the named indexes first, to compare with the covering indexes of projects' migration 0005
(the database then lacks them for good: use a throw-away directory).
"""

import argparse
import datetime
import statistics
import sys
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from benchdb import explain, finish, use_data_dir  # noqa: E402
TARGET_MS = 200.0


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--registry-rows", type=int, default=100_000, help="rows in each registry the indicators count")
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

from kpi_data import add_projects, add_registry_rows, base_rows  # noqa: E402
from zhaoshang.kpis.choices import AMOUNT_KINDS, GROWTH_KINDS, Kind, RegistryMode  # noqa: E402
from zhaoshang.kpis.figures import _recurring_figure, figures_for, plan_kpis  # noqa: E402
from zhaoshang.kpis.registries import REGISTRIES, kit_registry  # noqa: E402
from zhaoshang.kpis.rules import Window  # noqa: E402
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
        return explain(cursor, sql)


def measure(plan, as_of: datetime.date, runs: int) -> dict:
    """figures_for over the plan's indicators (loaded once, as a page holds them): median ms, queries, slowest query."""
    kpis = list(plan_kpis(plan.pk))
    figures_for(kpis, as_of)  # warm-up: the registries' filters are built once per process
    with CaptureQueriesContext(connection) as captured:
        figures = figures_for(kpis, as_of)  # the query count and the figures checked against the floor
    queries = list(captured.captured_queries)
    ms = _median_ms(lambda: figures_for(kpis, as_of), runs)
    cpu = _median_ms(lambda: figures_for(kpis, as_of), runs, time.process_time)  # SQLite runs in-process: all of it
    total = _median_ms(lambda: figures_for(list(plan_kpis(plan.pk)), as_of), runs)
    slowest_ms, slowest_sql = _slowest(queries, runs)
    return {"ms": ms, "cpu": cpu, "total": total, "queries": len(queries), "kpis": len(kpis), "slowest_ms": slowest_ms,
            "slowest_sql": slowest_sql, "figures": figures, "sqls": [query["sql"] for query in queries]}


# --- the SQL floor: the fewest raw aggregates giving the same figures ------------------------------------------

def _event_list(key: str) -> tuple[str, list]:
    """An event list (the meetings held of a kind) as raw SQL: which rows of the table are the list's."""
    kind = {"meetings_review": "review", "meetings_dispatch": "dispatch"}.get(key)
    if kind is None and key != "meetings_held":
        raise NotImplementedError(key)
    return ("status = %s" + (" AND kind = %s" if kind else ""), ["held"] + ([kind] if kind else []))


def _raw_condition(kpi, window) -> tuple[str, tuple[str, list], tuple[str, list]]:
    """The rows `kpi` counts as raw SQL: (table, (days, parameters), (which rows, parameters)), "" for all rows; the
    deleted rows are left out by the caller."""
    if kpi.registry in REGISTRIES:
        return "meetings_meeting", ("date BETWEEN %s AND %s", [window.start, window.end]), _event_list(kpi.registry)
    model = kit_registry(kpi.registry).model
    if kpi.registry_mode == RegistryMode.STOCK:
        days = ("(since IS NULL OR since <= %s) AND (until IS NULL OR until > %s)", [window.end, window.end])
    else:
        days = ("since BETWEEN %s AND %s", [window.start, window.end])
    parts, params = [], []
    for name, value in kpi.registry_filter.items():
        field = model._meta.get_field(name)  # the demo filters on equality only (kind, tier, is_targeted)
        parts.append(f'"{field.column}" = %s')
        params.append(value == "true" if field.get_internal_type() == "BooleanField" else value)
    return model._meta.db_table, days, (" AND ".join(parts), params)


def _floor_queries(kpis, as_of: datetime.date) -> list[tuple[str, list, list]]:
    """One raw query per registry table: a conditional COUNT (or SUM) per indicator over the rows any of them counts,
    the days they share tested once in the WHERE; and one for a table's recurring indicators: a UNION ALL of their
    rows per day, one part each (each reads its own rows from its index). [(sql, params, [(kpi, is_period)])]."""
    parents = {kpi.parent_id for kpi in kpis if kpi.parent_id}
    by_table = defaultdict(lambda: ([], []))
    for kpi in kpis:
        window = Window.of(kpi.year, as_of)
        if kpi.kind != Kind.REGISTRY_COUNT or kpi.pk in parents or window.empty:
            continue
        table, days, which = _raw_condition(kpi, window)
        by_table[table][bool(kpi.period)].append((kpi, days, which))
    queries = []
    for table, (plain, recurring) in by_table.items():
        if plain:
            queries.append(_floor_table(table, plain))
        if recurring:
            queries.append(_floor_days(table, recurring))
    return queries


def _counted(kpi) -> str:
    return f"SUM({kpi.registry_sum})" if kpi.registry_sum else "COUNT(*)"


def _floor_table(table: str, members: list) -> tuple[str, list, list]:
    shared = members[0][1] if all(days == members[0][1] for _, days, _ in members) else ("", [])
    conditions = [(k, which if shared[0] else _both(days, which)) for k, days, which in members]
    columns = [f"SUM(CASE WHEN {c} THEN {k.registry_sum or 1} ELSE 0 END)" if c else _counted(k) for k, (c, _) in conditions]
    params = [p for _, (c, ps) in conditions for p in ps]
    where, where_params = ["deleted_at IS NULL"], []
    if shared[0]:
        where.append(shared[0])
        where_params += shared[1]
    if all(c for _, (c, _) in conditions):
        where.append("(" + " OR ".join(f"({c})" for _, (c, _) in conditions) + ")")
        where_params += params
    sql = f'SELECT {", ".join(columns)} FROM "{table}" WHERE {" AND ".join(where)}'
    return sql, params + where_params, [(k, False) for k, _, _ in members]


def _floor_days(table: str, members: list) -> tuple[str, list, list]:
    day = "date" if table == "meetings_meeting" else "since"
    parts, params = [], []
    for n, (kpi, days, which) in enumerate(members):
        condition, its_params = _both(days, which)
        parts.append(f'SELECT {n}, {day}, {_counted(kpi)} FROM "{table}" WHERE deleted_at IS NULL AND {condition} '
                     f"GROUP BY {day}")
        params += its_params
    return " UNION ALL ".join(parts), params, [(k, True) for k, _, _ in members]


def _both(days: tuple[str, list], which: tuple[str, list]) -> tuple[str, list]:
    return (f"{days[0]} AND {which[0]}" if which[0] else days[0]), days[1] + which[1]


def _floor_registry(queries) -> dict:
    """The raw queries' figures: a number per indicator, or {day: number} for a recurring one."""
    found = {}
    with connection.cursor() as cursor:
        for sql, params, members in queries:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
            if members[0][1]:
                found.update({kpi.pk: {} for kpi, _ in members})
                for part, day, number in rows:
                    if number:
                        found[members[part][0].pk][_day(day)] = Decimal(number)
            else:
                found.update({kpi.pk: Decimal(number or 0) for (kpi, _), number in zip(members, rows[0])})
    return found


def _day(value) -> datetime.date:
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _run_raw(sqls: list[str]) -> None:
    with connection.cursor() as cursor:
        for sql in sqls:
            cursor.execute(sql)
            cursor.fetchall()


def floor(plan, as_of: datetime.date, project_sqls: list[str], runs: int) -> dict:
    """The SQL floor of the whole set: the pipeline's aggregates (the queries figures_for sends for the projects and
    the reported values, run raw: no ORM, no Python around them) and the registry figures from one raw aggregate per
    table; median ms (wall and CPU) and the number of queries."""
    kpis = list(plan_kpis(plan.pk))
    queries = _floor_queries(kpis, as_of)

    def run():
        _run_raw(project_sqls)
        _floor_registry(queries)
    return {"ms": _median_ms(run, runs), "cpu": _median_ms(run, runs, time.process_time),
            "queries": len(project_sqls) + len(queries), "registry_queries": len(queries),
            "figures": _floor_registry(queries), "kpis": kpis}


def mismatches(plan, figures: dict, found: dict, as_of: datetime.date) -> list[str]:
    """The registry figures of figures_for that differ from the floor's (the same rule applied to the floor's days
    for a recurring indicator)."""
    wrong = []
    kpis = {kpi.pk: kpi for kpi in plan_kpis(plan.pk)}
    for pk, value in found.items():
        figure, kpi = figures[pk], kpis[pk]
        if isinstance(value, dict):
            want = _recurring_figure(kpi, value, as_of)
            got, expected = (figure.actual, figure.rows), (want.actual, want.rows)
        else:
            got, expected = figure.actual, value
        if got != expected:
            wrong.append(f"indicator {pk} ({kpi.registry} {kpi.registry_mode} {kpi.registry_filter} "
                         f"{kpi.period or ''}): figures_for {got}, floor {expected}")
    return wrong


def _is_registry_sql(sql: str, tables: set[str]) -> bool:
    return any(f'"{table}"' in sql for table in tables)


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
        started = time.perf_counter()
        held = add_registry_rows(base, ARGS.registry_rows)
        print(f"registries counted by the indicators ({time.perf_counter() - started:.0f} s): "
              + ", ".join(f"{table} {rows:,}" for table, rows in held.items()))
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
            pipeline_sqls = [sql for sql in result["sqls"] if not _is_registry_sql(sql, set(held))]
            low = floor(plan, as_of, pipeline_sqls, ARGS.runs)
            results.append((size, result, low))
            wrong = mismatches(plan, result["figures"], low["figures"], as_of)
            print(f"  figures_for, {result['kpis']} indicators as of {as_of}: {result['ms']:8.1f} ms  "
                  f"{result['queries']:3d} queries  = {result['ms'] / TARGET_MS:.2f} × {TARGET_MS:.0f} ms")
            print(f"  the same in CPU time (less noisy on a shared machine): {result['cpu']:8.1f} ms")
            print(f"  with loading the indicators (plan_kpis):         {result['total']:8.1f} ms")
            print(f"  SQL floor: {low['ms']:8.1f} ms (CPU {low['cpu']:.1f} ms), {low['queries']} queries "
                  f"({len(pipeline_sqls)} pipeline and values run raw, {low['registry_queries']} registry aggregates); "
                  f"figures_for / floor = {result['ms'] / low['ms']:.2f} (CPU {result['cpu'] / low['cpu']:.2f})")
            print(f"  registry figures checked against the floor: {len(low['figures'])}, "
                  + ("all equal" if not wrong else f"{len(wrong)} MISMATCHES"))
            for line in wrong:
                print(f"  !!! MISMATCH {line}")
            print(f"  slowest query alone: {result['slowest_ms']:.1f} ms; query plan:")
            for line in _plan_of(result["slowest_sql"]):
                print(f"    {line}")
        print(f"\nregistries at {ARGS.registry_rows:,} rows each; times are medians of {ARGS.runs} runs")
        print("projects    figures_for  queries   SQL floor  queries  ratio | CPU: figures_for  floor  ratio")
        for size, result, low in results:
            print(f"{size:>9,}  {result['ms']:9.1f} ms  {result['queries']:7d}  {low['ms']:7.1f} ms  {low['queries']:7d}  "
                  f"{result['ms'] / low['ms']:5.2f} | {result['cpu']:12.1f} ms  {low['cpu']:5.1f}  "
                  f"{result['cpu'] / low['cpu']:5.2f}")
        if len({result["queries"] for _, result, _ in results}) > 1:
            print("query count NOT constant across sizes")
    finally:
        finish(DATA_DIR, keep=bool(ARGS.keep or ARGS.data_dir))


if __name__ == "__main__":
    main()
