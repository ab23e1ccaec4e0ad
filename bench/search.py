"""Name search at 1M rows: p50/p95 of search_ids for 2-, 3- and 6-character queries and 4-letter initials, the build
time, the index size and the query plans, on SQLite (default) or on PostgreSQL (DATABASE_URL=postgres://…).

    .venv/bin/python bench/search.py                          # 1,000,000 names into a throw-away SQLite database
    .venv/bin/python bench/search.py --rows 100000            # quicker
    .venv/bin/python bench/search.py --data-dir /tmp/sb       # keep the SQLite data and reuse it next time
    DATABASE_URL=postgres://postgres@127.0.0.1:55433/zs .venv/bin/python bench/search.py

Synthetic company-like names (region + brand of 2-4 characters + industry word + 有限公司 …, a few ASCII brands),
object ids in order of creation (the newest is the highest). The index is built with bulk SQL straight into the
tables (documents and postings computed by `indexing.py`, exactly as `search_index_put` would store them). Each query
class (~200 queries, common and rare) runs once to warm the cache, then once timed: wall-clock ms per search_ids
call. A PostgreSQL database keeps the rows (reused by the next run with the same --rows): use a throw-away one.
Also times search_index_put for 10,000 new rows on top of the big index, and, with --compare-layout on SQLite, the
size of the postings as an ordinary Django table (id + unique index) instead of WITHOUT ROWID.
"""

import argparse
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from benchdb import POSTGRES, explain, finish, use_data_dir  # noqa: E402

TARGET_MS = 20.0
KIND = "bench-enterprise"


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200, help="queries per class")
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--compare-layout", action="store_true", help="SQLite: also measure a rowid table + index")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data directory")
    parser.add_argument("--data-dir", help="SQLite: generate into (or reuse) this directory instead of a temporary one")
    return parser.parse_args()


ARGS = _arguments()  # before Django starts: the data directory decides its database
DATA_DIR = use_data_dir(ARGS.data_dir, "zhaoshang-search-bench-")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from zhaoshang.search import indexing  # noqa: E402
from zhaoshang.search.models import SearchDoc, SearchGram, SearchKind  # noqa: E402
from zhaoshang.search.selectors import search_ids  # noqa: E402
from zhaoshang.search.services import search_index_clear, search_index_put  # noqa: E402

DOC_TABLE = SearchDoc._meta.db_table
GRAM_TABLE = SearchGram._meta.db_table
CHUNK = 50_000

# --- synthetic names ------------------------------------------------------------------------------------------------
PLACE_CHARS = "江湖山河阳安平宁南北东西新清海丰永兴泰康德华荆襄宜随孝黄咸恩沙州口陵台城明光云龙凤金石白青松林溪源峰"
PLACE_SUFFIXES = ["市", "县", "区", "新区", "经济开发区", "高新区"]
BRAND_CHARS = (
    "华美中天盛达鑫源恒泰丰宏宇瑞祥和信诚通力创新远达广明宝金银龙凤海江长城东方正博亚嘉利隆兴安康福德成辉晨星"
    "光耀启航腾飞卓越优品佳荣昌鼎盈汇聚润泽锦绣春秋英豪志伟峰岭云霞蓝绿紫红白黑青松柏竹梅兰菊楚荆汉襄武"
    "楚商联众合创智慧精工匠心诚信晟昱煜烨琪琦璟瑜玮珂珑璞翔鹏鹰骏驰骐骥铭铄锐锋钧鑫淼森焱垚磊犇麒麟凯旋"
)
INDUSTRIES = [
    "科技", "新材料", "化工", "氯碱化工", "盐化", "电子", "光电", "生物医药", "医药", "食品", "绿色食品", "农业", "农业科技", "物流",
    "供应链", "建设", "建筑工程", "实业", "贸易", "商贸", "进出口", "能源", "新能源", "环保科技", "环境工程", "机械", "智能装备",
    "高端装备", "纺织", "服装", "纺织服装", "家居", "智能家居", "铝业", "铝基新材料", "电子化学品", "半导体", "信息技术", "软件",
    "网络科技", "数据服务", "文化传媒", "文化旅游", "旅游开发", "酒店管理", "餐饮管理", "房地产开发", "置业", "物业服务", "投资",
    "投资管理", "资产管理", "融资租赁", "小龙虾", "水产", "养殖", "种植", "生态农业", "农产品", "粮油", "米业", "茶业", "酒业",
    "包装", "印刷", "塑料制品", "橡胶", "五金", "汽车零部件", "汽车销售", "新能源汽车", "电池", "储能", "电力", "光伏", "风电",
    "检测", "咨询", "人力资源", "教育科技", "医疗器械", "健康管理", "养老服务", "冷链物流", "电子商务", "跨境电商", "新零售",
]
SUFFIXES = [("有限公司", 55), ("股份有限公司", 10), ("有限责任公司", 15), ("集团有限公司", 5), ("专业合作社", 3),
            ("分公司", 4), ("研究院", 2), ("中心", 3), ("工作室", 3)]
COMMON_3 = ["有限公", "限公司", "科技有", "股份有", "化工有", "新材料", "责任公", "集团有", "合作社", "电子商"]
COMMON_6 = ["科技有限公司", "股份有限公司", "有限责任公司", "化工有限公司", "集团有限公司", "电子有限公司", "新材料有限公"]


def _zipf_weights(count: int, exponent: float = 0.9) -> list[float]:
    return [1 / (rank + 1) ** exponent for rank in range(count)]


class NameMaker:
    """Company-like names: a region (70%), a brand (Zipf-distributed characters), an industry, a legal form."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.places = list(dict.fromkeys(rng.choice(PLACE_CHARS) + rng.choice(PLACE_CHARS) + rng.choice(PLACE_SUFFIXES)
                                         for _ in range(500)))
        self.place_weights = _zipf_weights(len(self.places))
        self.brand_chars = list(dict.fromkeys(BRAND_CHARS))
        rng.shuffle(self.brand_chars)
        self.brand_weights = _zipf_weights(len(self.brand_chars), 0.7)
        self.industry_weights = _zipf_weights(len(INDUSTRIES), 0.8)
        self.suffixes, self.suffix_weights = zip(*SUFFIXES)

    def brand(self) -> str:
        if self.rng.random() < 0.03:
            return "".join(self.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(self.rng.randint(2, 4)))
        return "".join(self.rng.choices(self.brand_chars, self.brand_weights, k=self.rng.choice([2, 2, 2, 3, 4])))

    def name(self) -> str:
        rng = self.rng
        place = rng.choices(self.places, self.place_weights)[0]
        industry = rng.choices(INDUSTRIES, self.industry_weights)[0]
        suffix = rng.choices(self.suffixes, self.suffix_weights)[0]
        roll = rng.random()
        if roll < 0.6:
            return f"{place}{self.brand()}{industry}{suffix}"
        if roll < 0.7:
            return f"{self.brand()}{industry}（{place.rstrip('市县区')}）{suffix}"
        return f"{self.brand()}{industry}{suffix}"


# --- building the index with bulk SQL -------------------------------------------------------------------------------
def _documents(first: int, count: int, maker: NameMaker):
    for object_id in range(first, first + count):
        text, initials = indexing.document([maker.name()])
        yield object_id, text, initials


def _indexed_rows(kind_id: int) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {DOC_TABLE} WHERE kind_id = %s", [kind_id])
        return cursor.fetchone()[0]


def build_sqlite(kind_id: int, rows: int, maker: NameMaker) -> None:
    """Documents in key order, postings through a staging table, inserted sorted into the WITHOUT ROWID B-tree."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("CREATE TEMP TABLE stage_gram (gram TEXT, object_id INTEGER)")
        for first in range(1, rows + 1, CHUNK):
            docs = list(_documents(first, min(CHUNK, rows + 1 - first), maker))
            cursor.executemany(f"INSERT INTO {DOC_TABLE} (kind_id, object_id, text, initials) VALUES (%s, %s, %s, %s)",
                               [(kind_id, *doc) for doc in docs])
            cursor.executemany("INSERT INTO stage_gram (gram, object_id) VALUES (%s, %s)",
                               [(gram, object_id) for object_id, text, initials in docs
                                for gram in indexing.document_grams(text, initials)])
        cursor.execute(f"INSERT INTO {GRAM_TABLE} (kind_id, gram, object_id) "
                       "SELECT %s, gram, object_id FROM stage_gram ORDER BY gram, object_id", [kind_id])
        cursor.execute("DROP TABLE stage_gram")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def build_postgres(kind_id: int, rows: int, maker: NameMaker) -> None:
    """COPY the documents and the postings; the postings' primary key is dropped first and built once at the end."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'p'",
                       [GRAM_TABLE])
        primary_key = cursor.fetchone()[0]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {GRAM_TABLE} DROP CONSTRAINT {primary_key}")
        raw = cursor.cursor  # psycopg's own cursor: COPY
        for first in range(1, rows + 1, CHUNK):
            docs = list(_documents(first, min(CHUNK, rows + 1 - first), maker))
            with raw.copy(f"COPY {DOC_TABLE} (kind_id, object_id, text, initials) FROM STDIN") as copy:
                for doc in docs:
                    copy.write_row((kind_id, *doc))
            with raw.copy(f"COPY {GRAM_TABLE} (kind_id, gram, object_id) FROM STDIN") as copy:
                for object_id, text, initials in docs:
                    for gram in indexing.document_grams(text, initials):
                        copy.write_row((kind_id, gram, object_id))
        cursor.execute(f"ALTER TABLE {GRAM_TABLE} ADD CONSTRAINT {primary_key} PRIMARY KEY (kind_id, gram, object_id)")
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {DOC_TABLE}")  # the visibility map: index-only scans of the postings
        cursor.execute(f"VACUUM ANALYZE {GRAM_TABLE}")


def sizes() -> list[tuple[str, int]]:
    """Bytes per table and index of the search app (and the whole database)."""
    with connection.cursor() as cursor:
        if POSTGRES:
            cursor.execute("SELECT c.relname, pg_relation_size(c.oid) FROM pg_class c "
                           "WHERE c.relname LIKE 'search\\_%%' AND c.relkind IN ('r', 'i') ORDER BY 1")
            rows = cursor.fetchall()
            cursor.execute("SELECT pg_database_size(current_database())")
        else:
            cursor.execute("SELECT name, SUM(pgsize) FROM dbstat WHERE name LIKE 'search%%' "
                           "OR name LIKE 'sqlite_autoindex_search%%' OR name LIKE 'cmp%%' GROUP BY name ORDER BY name")
            rows = cursor.fetchall()
            cursor.execute("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
        return [*rows, ("(whole database)", cursor.fetchone()[0])]


def compare_layout(kind_id: int) -> list[tuple[str, int]]:
    """SQLite: the postings as Django would make them by default (integer id, then a unique index), for the size."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("CREATE TABLE cmp_gram (id INTEGER PRIMARY KEY AUTOINCREMENT, kind varchar(30) NOT NULL, "
                       "gram varchar(2) NOT NULL, object_id bigint NOT NULL)")
        cursor.execute("INSERT INTO cmp_gram (kind, gram, object_id) SELECT %s, gram, object_id FROM "
                       f"{GRAM_TABLE} WHERE kind_id = %s", [KIND, kind_id])
        cursor.execute("CREATE UNIQUE INDEX cmp_gram_unique ON cmp_gram (kind, gram, object_id)")
    result = [row for row in sizes() if row[0].startswith("cmp")]
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE cmp_gram")
    return result


# --- queries --------------------------------------------------------------------------------------------------------
def query_classes(kind_id: int, rng: random.Random, count: int) -> dict[str, list[str]]:
    """Queries cut from random documents (common substrings come up as often as they occur), plus fixed common ones
    and misses: 2, 3 and 6 characters of text, 4 letters of initials; and a 'hard' class: two common words run
    together, whose bigrams are all common while the whole is rare."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(object_id) FROM {DOC_TABLE} WHERE kind_id = %s", [kind_id])
        top = cursor.fetchone()[0]
        picks = [rng.randint(1, top) for _ in range(count * 3)]
        marks = ", ".join(["%s"] * len(picks))
        cursor.execute(f"SELECT text, initials FROM {DOC_TABLE} WHERE kind_id = %s AND object_id IN ({marks})",
                       [kind_id, *picks])
        docs = cursor.fetchall()

    def cut(texts: list[str], size: int, wanted: int) -> list[str]:
        out = []
        for text in texts:
            if len(text) >= size:
                start = rng.randrange(len(text) - size + 1)
                out.append(text[start:start + size])
            if len(out) == wanted:
                break
        return out

    texts = [text for text, _ in docs]
    rng.shuffle(texts)
    letters = [initials for _, initials in docs]
    misses = ["".join(rng.choice(BRAND_CHARS) for _ in range(size)) for size in (2, 3, 6) for _ in range(count // 10)]
    return {
        "2 chars": cut(texts, 2, count - count // 10) + misses[:count // 10],
        "3 chars": cut(texts, 3, count - count // 5) + (COMMON_3 * (count // 10 // len(COMMON_3) + 1))[: count // 10]
                   + misses[count // 10: count // 5],
        "6 chars": cut(texts, 6, count - count // 5) + (COMMON_6 * (count // 10))[: count // 10] + misses[count // 5:],
        "4 initials": cut(letters, 4, count - count // 10)
                      + ["".join(rng.choice("bcdfghjklmnpqrstwxyz") for _ in range(4)) for _ in range(count // 10)],
        "2 initials": cut(letters, 2, count // 2),
        "hard (2 words)": [rng.choice(INDUSTRIES) + rng.choice(INDUSTRIES) for _ in range(count)],
        "1 char": [rng.choice(BRAND_CHARS) for _ in range(count // 4)],
    }


def timed(queries: list[str], limit: int) -> tuple[list[float], list[float], list[int]]:
    """Wall-clock and CPU ms of each query, and its hits. On SQLite the CPU time is the whole work (the database
    runs in the process) and is far less disturbed by other jobs on a shared machine; on PostgreSQL it is the
    client's share only."""
    for query in queries:  # warm: pages in cache, as on a running server
        search_ids(KIND, query, limit=limit)
    times, cpu_times, hits = [], [], []
    for query in queries:
        started, cpu_started = time.perf_counter(), time.process_time()
        result = search_ids(KIND, query, limit=limit)
        times.append((time.perf_counter() - started) * 1000)
        cpu_times.append((time.process_time() - cpu_started) * 1000)
        hits.append(len(result.ids))
    return times, cpu_times, hits


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def plan_of(kind_id: int, query: str) -> str:
    """The plan of the query search_ids runs last for `query`."""
    with CaptureQueriesContext(connection) as captured:
        search_ids(KIND, query)
    sql = captured.captured_queries[-1]["sql"]
    with connection.cursor() as cursor:
        lines = explain(cursor, sql)
    if len(lines) > 40:  # the 37 subqueries of a 2-letter initials query: each kind of line once, with its count
        shapes = Counter(re.sub(r"'[^']*'|\d+(\.\d+)?", "…", line) for line in lines)
        lines = [f"{shape}  (×{count})" if count > 1 else shape for shape, count in shapes.items()]
    return "\n".join(f"    {line}" for line in lines)


def put_timings() -> list[tuple[str, float, float]]:
    """search_index_put of 10,000 new rows (a kind of its own) on top of the big index: names only (the first time
    pypinyin warms up: its words are new to this process), names with a second field, the same again unchanged,
    with a changed name; then clearing them. Wall-clock and CPU seconds."""
    maker = NameMaker(random.Random(ARGS.seed + 1))
    names = [(object_id, [maker.name()]) for object_id in range(1, 10_001)]
    two_fields = [(object_id, [fields[0], maker.name()[:8]]) for object_id, fields in names]
    changed = [(object_id, [fields[0] + "二期", fields[1]]) for object_id, fields in two_fields]
    steps = [("put 10,000 new rows (name), cold process", names, True), ("put 10,000 new rows (name)", names, True),
             ("put 10,000 new rows (name + 2nd field)", two_fields, True),
             ("put the same 10,000 again (unchanged)", two_fields, False),
             ("put 10,000 with a changed name", changed, False)]
    results = []
    for label, batch, fresh in steps:
        if fresh:
            search_index_clear("bench-put")
        started, cpu_started = time.perf_counter(), time.process_time()
        search_index_put("bench-put", batch)
        results.append((label, time.perf_counter() - started, time.process_time() - cpu_started))
    started, cpu_started = time.perf_counter(), time.process_time()
    search_index_clear("bench-put")
    results.append(("clear the 10,000", time.perf_counter() - started, time.process_time() - cpu_started))
    return results


def main() -> None:
    call_command("migrate", verbosity=0)
    version = connection.pg_version if POSTGRES else connection.Database.sqlite_version
    print(f"database: {connection.vendor} {version}")
    kind_id = SearchKind.objects.get_or_create(name=KIND)[0].id
    existing = _indexed_rows(kind_id)
    if existing != ARGS.rows:
        if existing:
            print(f"clearing {existing:,} rows of an earlier run")
            search_index_clear(KIND)
        started = time.perf_counter()
        (build_postgres if POSTGRES else build_sqlite)(kind_id, ARGS.rows, NameMaker(random.Random(ARGS.seed)))
        print(f"built the index of {ARGS.rows:,} names in {time.perf_counter() - started:.1f} s")
    else:
        print(f"reusing the index of {existing:,} names")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {GRAM_TABLE} WHERE kind_id = %s", [kind_id])
        postings = cursor.fetchone()[0]
        cursor.execute(f"SELECT text FROM {DOC_TABLE} WHERE kind_id = %s ORDER BY object_id DESC LIMIT 5", [kind_id])
        samples = [row[0] for row in cursor.fetchall()]
    print(f"postings: {postings:,} ({postings / ARGS.rows:.1f} per name); newest names: {'、'.join(samples)}")
    print("\nsize (bytes):")
    for name, size in sizes():
        print(f"  {name:<40} {size:>14,}  ({size / 2**20:,.0f} MiB)")

    print(f"\nsearch_ids(limit={ARGS.limit}), ms per call after one warm-up pass "
          "(wall clock; CPU time of this process):")
    print(f"  {'class':<16} {'n':>4} {'p50':>7} {'p95':>7} {'max':>7} {'cpu p50':>8} {'cpu p95':>8} {'hits p50':>9} "
          f"{'full':>5}  goal p95 < {TARGET_MS:.0f}")
    rng = random.Random(ARGS.seed + 2)
    classes = query_classes(kind_id, rng, ARGS.queries)
    for label, queries in classes.items():
        times, cpu_times, hits = timed(queries, ARGS.limit)
        p95 = percentile(times, 0.95)
        in_goal = label in ("2 chars", "3 chars", "6 chars", "4 initials")
        verdict = ("ok" if p95 < TARGET_MS else "OVER") if in_goal else "(not in the goal)"
        print(f"  {label:<16} {len(times):>4} {percentile(times, 0.5):>7.2f} {p95:>7.2f} {max(times):>7.2f} "
              f"{percentile(cpu_times, 0.5):>8.2f} {percentile(cpu_times, 0.95):>8.2f} "
              f"{statistics.median(hits):>9.0f} {sum(h >= ARGS.limit for h in hits):>5}  {verdict}")
        slowest = sorted(zip(times, queries, hits), reverse=True)[:3]
        print("    slowest: " + "; ".join(f"{query} {ms:.1f} ms ({hit} hits)" for ms, query, hit in slowest))

    print("\nquery plans:")
    for query in ("楚商", "华美化工有限", "lhgf", "cs", "楚"):
        print(f"  {query}:\n{plan_of(kind_id, query)}")

    print("\nsearch_index_put, s (wall clock; CPU time of this process):")
    for label, seconds, cpu_seconds in put_timings():
        print(f"  {label:<42} {seconds:6.2f}  cpu {cpu_seconds:6.2f}")
    if ARGS.compare_layout and not POSTGRES:
        print("\npostings as a rowid table with an id and a unique index (kind as text), for comparison:")
        for name, size in compare_layout(kind_id):
            print(f"  {name:<40} {size:>14,}  ({size / 2**20:,.0f} MiB)")


if __name__ == "__main__":
    try:
        main()
    finally:
        if POSTGRES:
            from django.db import connection as db

            db.close()
            import shutil

            shutil.rmtree(DATA_DIR, ignore_errors=True)
        else:
            finish(DATA_DIR, ARGS.keep or bool(ARGS.data_dir))
