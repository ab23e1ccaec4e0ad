"""Province-scale synthetic data for benchmarks: units with aliases, plans with their whole tree, unit users.

    .venv/bin/python bench/datagen.py --units 2000 --plans 200 --tasks 18 --measures 3
    DATABASE_URL=... ZHAOSHANG_SECRET_KEY=... .venv/bin/python bench/datagen.py ...

Writes with bulk_create in batches (PERF-NOTES: ~25k rows/s). Later work adds projects and reports here.
Run against a throw-away database: it refuses one that holds a plan it did not generate.
"""

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhaoshang.settings")
os.environ.setdefault("ZHAOSHANG_SECRET_KEY", "bench-only-" + "b" * 50)

import django  # noqa: E402

from zhaoshang.settings_paths import data_dir  # noqa: E402

data_dir().mkdir(parents=True, exist_ok=True)
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from zhaoshang.accounts.choices import Role, UnitKind  # noqa: E402
from zhaoshang.accounts.models import Unit, UnitAlias, User  # noqa: E402
from zhaoshang.plans.models import Assignment, Focus, Measure, Plan, Target, Task  # noqa: E402

BATCH = 2000
GENERATED = "〔合成数据〕"
KIND_SUFFIX = {UnitKind.GOVERNMENT: "局", UnitKind.ZONE: "开发区", UnitKind.SOE: "集团", UnitKind.TOWN: "镇", UnitKind.TEAM: "专班"}
FOCUSES = ["产业生态招商", "应用场景招商", "要素储备招商", "高端科创招商", "楚商回乡", "创新平台招商"]


def make_units(count: int, rng: random.Random) -> list[Unit]:
    kinds = list(KIND_SUFFIX)
    units = [
        Unit(name=f"第{i:05d}号{KIND_SUFFIX[k]}", short_name=f"{i:05d}{KIND_SUFFIX[k]}", code=f"gen{i:05d}", kind=k, sort_order=i)
        for i, k in ((i, rng.choice(kinds)) for i in range(count))
    ]
    Unit.objects.bulk_create(units, batch_size=BATCH)
    units = list(Unit.objects.filter(code__startswith="gen"))
    UnitAlias.objects.bulk_create([UnitAlias(unit=u, alias=f"别名{u.code}") for u in units], batch_size=BATCH)
    User.objects.bulk_create(
        [User(username=u.code, role=Role.UNIT, unit=u, password="!") for u in units], batch_size=BATCH
    )
    return units


def make_plans(count: int, tasks: int, measures: int, units: list[Unit], rng: random.Random) -> None:
    for p in range(count):
        plan = Plan.objects.create(title=f"{GENERATED}第{p}号招商引资工作任务清单", doc_number=f"合成发〔2025〕{p}号")
        focuses = Focus.objects.bulk_create([Focus(plan=plan, name=n, order=i) for i, n in enumerate(FOCUSES)])
        targets = Target.objects.bulk_create(
            [Target(plan=plan, focus=focuses[t % len(focuses)], text=f"2025年招引亿元以上项目{t + 1}个", order=t) for t in range(tasks)]
        )
        task_rows = Task.objects.bulk_create([
            Task(plan=plan, focus=targets[t].focus, target=targets[t], number=str(t + 1), sort_key=t + 1,
                 **Task.deadline_fields(rng.choice(["2025-06", "2025-09", "2025-12", "long-term"])))
            for t in range(tasks)
        ])
        measure_rows = Measure.objects.bulk_create(
            [Measure(task=t, ordinal=m + 1, text=f"合成举措{t.number}-{m + 1}：开展精准招商。") for t in task_rows for m in range(measures)],
            batch_size=BATCH,
        )
        assignments = []
        for measure in measure_rows:
            for order, unit in enumerate(rng.sample(units, k=min(len(units), rng.randint(1, 4)))):
                assignments.append(Assignment(measure=measure, unit=unit, is_lead=order == 0, order=order))
        Assignment.objects.bulk_create(assignments, batch_size=BATCH)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=500)
    parser.add_argument("--plans", type=int, default=50)
    parser.add_argument("--tasks", type=int, default=18)
    parser.add_argument("--measures", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    if Plan.all_objects.exclude(title__startswith=GENERATED).exists():
        sys.exit("数据库中已有真实任务清单，请使用专用的测试数据库。")
    rng = random.Random(args.seed)
    started = time.perf_counter()
    with transaction.atomic():
        units = make_units(args.units, rng)
    with transaction.atomic():
        make_plans(args.plans, args.tasks, args.measures, units, rng)
    elapsed = time.perf_counter() - started
    rows = Unit.objects.count() + Task.objects.count() + Measure.objects.count() + Assignment.objects.count()
    print(f"units={Unit.objects.count()} plans={Plan.objects.count()} tasks={Task.objects.count()} "
          f"measures={Measure.objects.count()} assignments={Assignment.objects.count()}")
    print(f"{rows} rows in {elapsed:.2f} s = {rows / elapsed:,.0f} rows/s")


if __name__ == "__main__":
    main()
