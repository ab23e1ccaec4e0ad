"""The leaders' dashboard and the chain board at 10k, 100k (and 1M) projects on SQLite: time and query count of
dashboard(), chain_board(), each project chart's aggregates alone, and the biggest drill-down's count. Prints
numbers; asserts nothing timed. Data: bench/kpi_data.py (the demo's plan and indicators, synthetic projects).

    .venv/bin/python bench/dashboard.py --sizes 10000,100000
    .venv/bin/python bench/dashboard.py --data-dir /tmp/kpi-bench   # reuse bench/kpi.py's kept data
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


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--as-of", default="2025-12-31")
    parser.add_argument("--data-dir", help="generate into (or reuse) this directory instead of a temporary one; kept")
    return parser.parse_args()


ARGS = _arguments()  # before Django starts: the data directory decides its database
DATA_DIR = use_data_dir(ARGS.data_dir, "zhaoshang-dashboard-bench-")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from kpi_data import add_projects, base_rows  # noqa: E402
from zhaoshang.kpis import dashboard as board  # noqa: E402
from zhaoshang.projects.models import Project  # noqa: E402


def _measure(fn, runs: int) -> tuple[float, int]:
    """Median ms over `runs` calls after a warm-up, and the warm-up's query count."""
    with CaptureQueriesContext(connection) as captured:
        fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), len(captured)


def main() -> None:
    as_of = datetime.date.fromisoformat(ARGS.as_of)
    try:
        call_command("migrate", verbosity=0)
        base = base_rows()
        office = base[1]
        have = Project.all_objects.count()
        for size in sorted(int(s) for s in ARGS.sizes.split(",")):
            if size < have:
                print(f"\n{size:,} projects: skipped, {DATA_DIR} holds {have:,} already")
                continue
            add_projects(have, size - have, base)
            have = size
            params = board.board_params(user=office, params={"as_of": as_of.isoformat()})
            print(f"\n{Project.all_objects.count():,} projects, year {params.year}, as of {as_of}")
            cases = {
                "dashboard()": lambda: board.dashboard(params),
                "  indicator figures": lambda: board.top_figures(params),
                "  funnel + chains (tally by chain)": lambda: board.tally(params, board.STAGES, params.window, board.BY_CHAIN),
                "  months": lambda: board._month_chart(params),
                "  unit lights": lambda: board._unit_chart(params),
                "chain_board()": lambda: board.chain_board(params),
                "drill: all signed this year (count)": lambda: board.reached_projects(
                    user=office, stage="signed", window=params.window, as_of=as_of).count(),
            }
            for name, fn in cases.items():
                ms, queries = _measure(fn, ARGS.runs)
                print(f"  {name:<40} {ms:8.1f} ms  {queries:3d} queries")
    finally:
        finish(DATA_DIR, keep=bool(ARGS.data_dir))


if __name__ == "__main__":
    main()
