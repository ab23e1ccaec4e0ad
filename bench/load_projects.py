"""Add N synthetic projects (bench/pipeline_data.py) to an installed demo: the load test's data at scale.

    ZHAOSHANG_DATA_DIR=… DATABASE_URL=… python bench/load_projects.py 100000

Uses the demo's units, office user, current chains and tags; one stage change per project; search index included.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhaoshang.settings")

import django  # noqa: E402

django.setup()

from pipeline_data import add_projects  # noqa: E402
from zhaoshang.accounts.choices import Role  # noqa: E402
from zhaoshang.accounts.models import Unit, User  # noqa: E402
from zhaoshang.plans.models import Chain  # noqa: E402
from zhaoshang.projects.models import Project, Tag  # noqa: E402


def main(count: int) -> None:
    started = time.perf_counter()
    base = (list(Unit.objects.all()), User.objects.filter(role=Role.OFFICE).first(),
            list(Chain.objects.filter(merged_into__isnull=True)), list(Tag.objects.all()))
    add_projects(Project.all_objects.order_by("-id").values_list("id", flat=True).first() or 0, count, 1, base)
    print(f"{count:,} projects added in {time.perf_counter() - started:.0f} s; {Project.objects.count():,} live")


if __name__ == "__main__":
    main(int(sys.argv[1]))
