"""招商靶向 on a big directory: the time of `chain_candidates` for each link of a chain, and of the candidates page's
work (every link's top 5), over N synthetic enterprises (100,000 by default) in a throw-away SQLite database.

    .venv/bin/python bench/targeting.py
    .venv/bin/python bench/targeting.py --rows 20000 --share 0.05

Scopes are made of common business words; a share of firms (--share) also names one of the chain's link words, so the
database's prefilter (OR of icontains on scope, name and industry) returns that many rows to score in Python."""

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from benchdb import finish, use_data_dir  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--rows", type=int, default=100_000)
parser.add_argument("--share", type=float, default=0.02, help="share of firms naming a link word")
parser.add_argument("--data-dir")
parser.add_argument("--keep", action="store_true")
args = parser.parse_args()
data_dir = use_data_dir(args.data_dir, "zs-targeting-")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from zhaoshang.plans.models import Chain, ChainLink, Plan  # noqa: E402
from zhaoshang.projects.models import Enterprise  # noqa: E402
from zhaoshang.targeting.candidates import chain_candidates, chain_links  # noqa: E402

COMMON = ["日用百货销售", "技术开发、技术咨询", "货物进出口", "机械设备租赁", "建筑材料销售", "企业管理咨询", "软件开发",
          "普通货物仓储服务", "五金产品批发", "食品销售", "电子产品销售", "化工产品销售（不含危险化学品）", "服装服饰零售"]
LINKS = [("服装面料", True), ("针织产品", True), ("设计研发", False), ("智能生产", False), ("品牌运营", False)]


def main() -> None:
    call_command("migrate", verbosity=0)
    rng = random.Random(7)
    plan = Plan.objects.create(title="基准清单")
    chain = Chain.objects.create(plan=plan, name="纺织服装")
    for order, (name, weak) in enumerate(LINKS):
        ChainLink.objects.create(chain=chain, name=name, is_weak=weak, order=order)
    if not Enterprise.objects.exists():
        started = time.perf_counter()
        rows = []
        for number in range(args.rows):
            scope = "；".join(rng.sample(COMMON, 4))
            if rng.random() < args.share:
                scope += f"；{rng.choice(LINKS)[0]}的生产与销售"
            rows.append(Enterprise(name=f"基准企业{number:06d}有限公司", business_scope=scope, industry="批发业",
                                   is_local=rng.random() < 0.2, registration_status=rng.choice(["存续", "存续", "注销"])))
        Enterprise.objects.bulk_create(rows, batch_size=2000)
        print(f"{args.rows} enterprises written in {time.perf_counter() - started:.1f} s")
    for link in chain_links(chain):
        chain_candidates(chain=chain, link=link, limit=20)  # warm the cache
        started = time.perf_counter()
        found = chain_candidates(chain=chain, link=link, limit=20)
        print(f"link {link.name:6}: {1000 * (time.perf_counter() - started):7.1f} ms, best {found[0].score if found else '-'}")
    started = time.perf_counter()
    for link in chain_links(chain):
        chain_candidates(chain=chain, link=link, limit=5)
    print(f"candidates page (every link's top 5): {1000 * (time.perf_counter() - started):.1f} ms")
    started = time.perf_counter()
    chain_candidates(chain=chain, limit=20)
    print(f"whole chain (best link per firm): {1000 * (time.perf_counter() - started):.1f} ms")


main()
finish(data_dir, args.keep)
