"""The project list's Excel export on a pipeline benchmark database: seconds, rows per second, file size and peak
memory of the file a link downloads at once, and of the same list written as an export job (exports.jobs).

    .venv/bin/python bench/pipeline.py --sizes 100000 --import-rows 0 --data-dir /tmp/b100k   # once
    .venv/bin/python bench/export.py --data-dir /tmp/b100k

Every list stops at core.xlsx.EXPORT_LIMIT rows; a list longer than exports.services.SYNC_ROWS is a job when its
link is followed. Prints numbers; asserts nothing timed.
"""

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from benchdb import use_data_dir  # noqa: E402

FILTERS = {"one chain, signed": "stage=signed&chain={chain}", "signed": "stage=signed", "everything": ""}


def _peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, help="a directory bench/pipeline.py generated into")
    arguments = parser.parse_args()
    use_data_dir(arguments.data_dir, "export")
    import django

    django.setup()
    from django.http import QueryDict
    from django.test import Client

    from zhaoshang.accounts.models import User
    from zhaoshang.core.xlsx import EXPORT_LIMIT
    from zhaoshang.exports.services import SYNC_ROWS
    from zhaoshang.plans.models import Chain
    from zhaoshang.projects.exports import project_list_file
    from zhaoshang.projects.models import Project
    from zhaoshang.projects.selectors import project_listing

    office = User.objects.get(username="bench-office")
    client = Client()
    client.force_login(office)
    chain = Chain.objects.order_by("pk").values_list("pk", flat=True).first()
    print(f"{Project.objects.count():,} projects; one export holds {EXPORT_LIMIT:,} rows, a job starts past {SYNC_ROWS:,}")
    for name, query in FILTERS.items():
        query = query.format(chain=chain)
        rows = min(project_listing(user=office, params=dict(QueryDict(query).items())).rows.count(), EXPORT_LIMIT)
        started = time.perf_counter()
        if rows <= SYNC_ROWS:
            content = client.get(f"/projects/export.xlsx?{query}").content
            how = "download"
        else:
            ticks = []
            content, _ = project_list_file(user=office, params=QueryDict(query),
                                           progress=lambda written, total: ticks.append(written))
            how = f"job ({len(ticks)} progress steps)"
        seconds = time.perf_counter() - started
        print(f"  {name:<20} {rows:>7,} rows  {seconds:6.1f} s  {rows / seconds:7,.0f} rows/s  {len(content) / 1e6:5.1f} MB"
              f"  {how}; peak memory {_peak_mb()} MB")


if __name__ == "__main__":
    main()
