"""The pipeline at 10k, 100k and 1M projects: server time of the filtered list and the kanban, queries per page,
and the ledger import's speed in rows per second.

    .venv/bin/python bench/pipeline.py                        # 10k, 100k (1M stage changes) and 1M projects
    .venv/bin/python bench/pipeline.py --sizes 10000,100000   # quicker

Generates into a throw-away SQLite database under a temporary ZHAOSHANG_DATA_DIR (removed afterwards unless
--keep), or into --data-dir, which is kept and reused: the projects already there count towards the sizes.
Projects up to 100k get --changes stage changes each (10: 100k projects → 1M changes, the issue's figure); projects
beyond 100k get one each. Times are medians of --runs requests through Django's test client
(middleware, view, selector, template): the server time of a page, without the network; the CPU time beside it is
the steadier figure when other work shares the machine.
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
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--changes", type=int, default=10, help="stage changes per project, for the first 100,000")
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the temporary data directory")
    parser.add_argument("--data-dir", help="generate into (or reuse) this directory instead of a temporary one; kept")
    return parser.parse_args()


ARGS = _arguments()  # before Django starts: the data directory decides its database
DATA_DIR = use_data_dir(ARGS.data_dir, "zhaoshang-bench-")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.signals import request_finished, request_started  # noqa: E402
from django.db import close_old_connections, connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from pipeline_data import CHAINS, add_projects, base_rows, existing_base_rows  # noqa: E402
from zhaoshang.accounts.models import User  # noqa: E402
from zhaoshang.plans.models import Chain  # noqa: E402
from zhaoshang.projects.models import Project, StageChange  # noqa: E402
from zhaoshang.projects.selectors import (KANBAN_CARDS, cohort_counts, filtered_projects, newest_per_stage,  # noqa: E402
                                         list_totals, pipeline_totals, project_rows)

CHAIN = "{chain}"  # the pages filter by chain id (the filter's <select>); the API by name
# bench/floor_urls.py: the same rows through a minimal view and template; each page is compared with the floor named
FLOORS = {"list": ("FLOOR: 50 rows, no filter", "/bench-floor/"),
          "list, chain + stage": ("FLOOR: 50 rows, chain + stage", f"/bench-floor/?chain={CHAIN}&stage=signed"),
          "kanban": ("FLOOR: the kanban's 105 cards", "/bench-floor/kanban/")}
HTMX = {"HX-Request": "true"}  # a filter changed on the page: the results only, without the page around them
PAGES = [
    ("list, no filter", "/projects/", {}, "list"),
    ("list, chain + stage", f"/projects/?chain={CHAIN}&stage=signed", {}, "list, chain + stage"),
    ("list, chain + stage, filter changed (htmx)", f"/projects/?chain={CHAIN}&stage=signed", HTMX, "list, chain + stage"),
    ("list, channel + year + amount", "/projects/?channel=楚商回乡&year=2025&min_amount_wan=10000", {}, "list"),
    ("list, tag, page 3", "/projects/?tag=数字经济&page=3", {}, "list"),
    ("list, q=化工 (2 characters)", "/projects/?q=化工", {}, "list"),
    ("list, q=光电材料 (4 characters)", "/projects/?q=光电材料", {}, "list"),
    ("kanban, chain", f"/projects/kanban/?chain={CHAIN}", {}, "kanban"),
    ("kanban, no filter", "/projects/kanban/", {}, "kanban"),
    ("API list, chain by name (1,000 rows)", f"/api/v1/projects?chain={CHAINS[1]}", {}, None),
]
TYPICAL = {"chain": CHAIN, "stage": "signed"}


def _median_ms(fn, runs: int) -> tuple[float, float, int]:
    """Median wall and CPU milliseconds, and the queries: on a shared machine the CPU time is the steadier figure."""
    with CaptureQueriesContext(connection) as queries:
        fn()  # warm-up, and the query count
    count = len(queries)  # read now: the next request clears the connection's query log
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus), count


def measure(runs: int) -> None:
    # one connection throughout, as a persistent connection would be (and so its queries can be counted)
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    office = User.objects.get(username="bench-office")
    chain = str(Chain.objects.get(name=CHAINS[1]).pk)
    settings.ROOT_URLCONF = "floor_urls"  # the site and the floor's view beside it
    client = Client()
    client.force_login(office)
    def get(url, headers):
        response = client.get(url.format(chain=chain), headers=headers)
        assert response.status_code == 200, (url, response.status_code)

    floors = {}
    for key, (label, url) in FLOORS.items():
        floors[key] = _median_ms(lambda: get(url, {}), runs)
        _print("page ", label, *floors[key])
    for label, url, headers, floor in PAGES:
        times = _median_ms(lambda: get(url, headers), runs)
        _print("page ", label, *times, ratio=floors[floor][1] / times[1] if floor else None)
    typical = {key: value.format(chain=chain) for key, value in TYPICAL.items()}
    steps = [
        ("list rows: chain + stage, first page of 50", lambda: project_rows(filtered_projects(user=office, params=typical)[:50])),
        ("per-stage totals: chain (tally)", lambda: list_totals(user=office, params={"chain": chain}, projects=None)),
        ("per-stage totals: all projects (tally)", lambda: list_totals(user=office, params={}, projects=None)),
        ("per-stage totals: chain, counted from rows", lambda: pipeline_totals(filtered_projects(user=office, params={"chain": chain}))),
        ("per-stage totals: all, counted from rows", lambda: pipeline_totals(filtered_projects(user=office))),
        ("cohort counts: this year", lambda: cohort_counts(user=office, year=datetime.date.today().year)),
        ("kanban cards: all stages", lambda: project_rows(newest_per_stage(filtered_projects(user=office), KANBAN_CARDS),
                                                          tags=False)),
    ]
    for label, step in steps:
        _print("query", label, *_median_ms(step, runs))


def _print(kind: str, label: str, wall: float, cpu: float, queries: int, ratio: float | None = None) -> None:
    """One line; `ratio` is the floor's CPU time ÷ the page's (1.0 = as fast as the floor)."""
    print(f"  {kind}  {label:<44} {wall:8.1f} ms (CPU {cpu:6.1f} ms)  {queries:3d} queries"
          + (f"  floor ÷ page {ratio:.2f}" if ratio else ""))


def import_speed(rows: int, *, existing: bool) -> None:
    """The ledger import of `rows` rows (new enterprises, or enterprises already in the database) against its floor:
    the same file read by python-calamine and its projects INSERTed raw. Wall and CPU seconds of both, measured one
    after the other; what the import wrote is removed afterwards (projects, new enterprises, their search entries),
    so the next run meets the same database."""
    from ledger_file import ledger_workbook
    from zhaoshang.core.excel_import.jobs import import_run
    from zhaoshang.core.excel_import.models import ImportJob
    from zhaoshang.core.excel_import.services import import_job_confirm, import_job_create
    from zhaoshang.projects.ledger import KIND
    from zhaoshang.projects.models import Enterprise
    from zhaoshang.projects.search import ENTERPRISE_KIND, PROJECT_KIND
    from zhaoshang.search.services import search_index_drop

    office = User.objects.get(username="bench-office")
    data = ledger_workbook(rows, prefix=f"导入{Project.objects.count()}", existing=Project.objects.count() // 2 if existing else 0)
    floor, floor_cpu = _import_floor(data, office)
    last_enterprise = Enterprise.all_objects.order_by("-id").values_list("id", flat=True).first() or 0
    started, started_cpu = time.perf_counter(), time.process_time()
    job = import_job_create(actor=office, kind=KIND, filename="台账.xlsx", data=data, start=False)
    import_run(job.pk)
    checked = time.perf_counter()
    assert ImportJob.objects.get(pk=job.pk).bad_rows == 0, ImportJob.objects.get(pk=job.pk).errors[:5]
    job = import_job_confirm(job=ImportJob.objects.get(pk=job.pk), actor=office, start=False)
    import_run(job.pk)
    done, cpu = time.perf_counter(), time.process_time() - started_cpu
    job.refresh_from_db()
    assert (job.status, job.saved_rows) == ("done", rows), (job.status, job.message, job.errors[:3])
    imported = Project.all_objects.filter(created_at__gte=job.created_at)  # keep the sizes exact for the next step
    search_index_drop(PROJECT_KIND, list(imported.values_list("id", flat=True)))
    imported.delete()
    search_index_drop(ENTERPRISE_KIND, list(Enterprise.all_objects.filter(id__gt=last_enterprise).values_list("id", flat=True)))
    Enterprise.all_objects.filter(id__gt=last_enterprise).delete()
    speed = rows / (done - started)
    print(f"  import {rows:,} rows, {'existing' if existing else 'new'} enterprises ({len(data) / 1024:.0f} KB): "
          f"validate {checked - started:.2f} s, confirm (re-check + save) {done - checked:.2f} s, total "
          f"{done - started:.2f} s (CPU {cpu:.2f} s) = {speed:,.0f} rows/s; floor {floor:,.0f} rows/s; "
          f"ratio {speed / floor:.2f} (CPU {rows / cpu / floor_cpu:.2f})")


def _import_floor(data: bytes, office) -> tuple[float, float]:
    """Rows per wall and per CPU second of the floor: calamine reads the sheet, one INSERT per 1,000 projects writes
    them (then removed)."""
    import io

    from python_calamine import CalamineWorkbook
    from zhaoshang.projects.services.bulk import _insert

    started, started_cpu = time.perf_counter(), time.process_time()
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()[2:]
    unit = office.unit_id or Project.objects.values_list("lead_unit_id", flat=True).first()
    today = datetime.date.today()
    with transaction.atomic():
        first = Project.objects.order_by("-id").values_list("id", flat=True).first() or 0
        for start in range(0, len(sheet), 1000):
            part = sheet[start:start + 1000]
            _insert(Project, {"name": [row[0] for row in part], "amount_wan": [float(str(row[3]).replace(",", "")) for row in part],
                              "lead_unit_id": [unit] * len(part), "stage_since": [today] * len(part),
                              "created_by_id": [office.pk] * len(part)})
    elapsed, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    Project.all_objects.filter(id__gt=first).delete()
    return len(sheet) / elapsed, len(sheet) / cpu


def main() -> None:
    try:
        call_command("migrate", verbosity=0)
        have = Project.objects.count()
        base = existing_base_rows() if have else base_rows()
        for size in sorted(int(s) for s in ARGS.sizes.split(",")):
            if size < have:
                print(f"\n{size:,} projects: skipped, {DATA_DIR} holds {have:,} already")
                continue
            started = time.perf_counter()
            below = max(0, min(size, 100_000) - have)
            if below:
                add_projects(have, below, ARGS.changes, base)
            if size - have - below > 0:
                add_projects(have + below, size - have - below, 1, base)
            have = size
            print(f"\n{Project.objects.count():,} projects, {StageChange.objects.count():,} stage changes "
                  f"(generated in {time.perf_counter() - started:.0f} s)")
            measure(ARGS.runs)
            if ARGS.import_rows:
                import_speed(ARGS.import_rows, existing=False)
                import_speed(ARGS.import_rows, existing=True)
    finally:
        finish(DATA_DIR, keep=bool(ARGS.keep or ARGS.data_dir))


if __name__ == "__main__":
    main()
