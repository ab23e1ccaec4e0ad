"""Registry import at 企查查 scale: a 50,000-row export imported into the enterprise directory through the registry
import (validate_file, then save_report with the enterprise registry's spec), into a fresh SQLite database.

    .venv/bin/python bench/registries.py                  # 50,000 rows
    .venv/bin/python bench/registries.py --rows 10000     # quicker
    .venv/bin/python bench/registries.py --keep           # keep the database afterwards

The workbook (openpyxl write_only) has 企查查's headers and cell styles: a title row above the header, registered
capital as text ("5000万人民币", "120万美元"), dates as text, "-" in empty cells, a column the directory ignores.
Prints rows/s for writing the file, validating it (reading + parsing + matching against the database) and saving
it (new rows: the bulk path — one INSERT, audit write and search-index write per chunk), then for re-importing
--updates rows of it (every row matches a live row by credit code: saved one by one through entry_update).
"""

import argparse
import io
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from benchdb import finish, use_data_dir  # noqa: E402

HEADERS = ["序号", "企业名称", "登记状态", "法定代表人", "注册资本", "成立日期", "统一社会信用代码", "所属省份", "所属城市", "所属区县",
           "电话", "邮箱", "网址", "企业(机构)类型", "所属行业", "经营范围"]
PLACES = [("湖北省", "武汉市", "420100"), ("广东省", "深圳市", "440300"), ("江苏省", "苏州市", "320500"), ("浙江省", "杭州市", "330100"),
          ("上海市", "上海市", "310115"), ("山东省", "青岛市", "370200"), ("四川省", "成都市", "510100"), ("北京市", "北京市", "110108")]
ROOTS = "华鼎恒瑞中科金源宏达鑫泰嘉和瑞丰天成博远新航汇通长江楚天安泰凯盛联创海纳国联德润永盛华信润泽同创蓝海星宇裕丰弘毅"
WORDS = ["新材料", "电子化学", "光电科技", "精细化工", "智能装备", "生物医药", "食品", "新能源", "机器人", "铝业"]
SCOPES = ["电子专用材料制造", "化工产品生产（不含许可类化工产品）", "光电子器件制造", "工业机器人制造", "食品生产", "电池制造",
          "技术开发、技术咨询、技术服务", "货物进出口"]
INDUSTRIES = ["化学原料和化学制品制造业", "计算机、通信和其他电子设备制造业", "专用设备制造业", "医药制造业", "食品制造业"]
STATUSES = ["存续（在营、开业、在册）", "存续", "在业", "注销", "迁出"]
CAPITALS = ["{n}万人民币", "{n}万元人民币", "{n}万(元)", "{n}万美元", "-"]
SURNAMES = "张王李刘陈杨黄赵周吴徐孙胡朱高林何郭马罗"
GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "建华", "志强", "海燕"]


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--updates", type=int, default=2_000, help="rows re-imported as updates (0: skip)")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--keep", action="store_true", help="keep the temporary data directory")
    parser.add_argument("--data-dir", help="generate into this directory instead of a temporary one")
    return parser.parse_args()


ARGS = _arguments()  # before Django starts: the data directory decides its database
DATA_DIR = use_data_dir(ARGS.data_dir, "zhaoshang-registry-bench-")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from zhaoshang.accounts.services import system_actor  # noqa: E402
from zhaoshang.core.excel_import import save_report, validate_file  # noqa: E402
from zhaoshang.projects.credit_code import check_character  # noqa: E402
from zhaoshang.projects.models import Enterprise  # noqa: E402
from zhaoshang.registries.importing import registry_import  # noqa: E402


def organization_code(body: str) -> str:
    check = 11 - sum(int(ch) * w for ch, w in zip(body, (3, 7, 9, 10, 5, 8, 4, 2))) % 11
    return body + {10: "X", 11: "0"}.get(check, str(check))


def credit_code(serial: int, division: str) -> str:
    """A valid credit code, distinct for each serial number."""
    first17 = "91" + division + organization_code(f"{serial:08d}")
    return first17 + check_character(first17)


def export_rows(count: int, seed: int) -> list[list]:
    rng = random.Random(seed)
    rows = []
    for number in range(1, count + 1):
        province, city, division = rng.choice(PLACES)
        name = f"{city.removesuffix('市')}{rng.choice(ROOTS)}{rng.choice(ROOTS)}{rng.choice(WORDS)}{number:05d}有限公司"
        capital = rng.choice(CAPITALS).format(n=rng.choice([50, 100, 500, 1000, 5000, 12000]))
        day = f"{rng.randint(1995, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        rows.append([number, name, rng.choice(STATUSES), rng.choice(SURNAMES) + rng.choice(GIVEN), capital, day,
                     credit_code(number, division), province, city, "-", f"1{rng.randint(3, 9)}{rng.randint(0, 999999999):09d}",
                     "-" if number % 3 else f"info{number}@example.com", "-", "有限责任公司(自然人投资或控股)",
                     rng.choice(INDUSTRIES), "；".join(rng.sample(SCOPES, 4))])
    return rows


def workbook(rows: list[list]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("企业列表")
    sheet.append(["企查查 查询结果（示例数据）"])
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def timed_import(actor, data: bytes) -> tuple[float, float, object]:
    importer = registry_import("enterprise", actor=actor)
    start = time.perf_counter()
    report = validate_file(importer.spec, data, filename="企查查导出.xlsx")
    checked = time.perf_counter() - start
    assert not report.bad_rows, report.error_messages(5)
    start = time.perf_counter()
    result = save_report(report)
    saved = time.perf_counter() - start
    assert result.saved == len(report.rows), result.message
    return checked, saved, importer.tally


def main() -> None:
    call_command("migrate", verbosity=0)
    actor = system_actor()
    start = time.perf_counter()
    rows = export_rows(ARGS.rows, ARGS.seed)
    data = workbook(rows)
    written = time.perf_counter() - start
    print(f"workbook: {ARGS.rows:,} rows, {len(data) / 1e6:.1f} MB, written in {written:.1f} s ({ARGS.rows / written:,.0f} rows/s)")
    checked, saved, tally = timed_import(actor, data)
    print(f"new rows: validate {checked:.1f} s ({ARGS.rows / checked:,.0f} rows/s), "
          f"save {saved:.1f} s ({ARGS.rows / saved:,.0f} rows/s); created {tally.created:,}, updated {tally.updated:,}")
    assert Enterprise.objects.count() == ARGS.rows
    if ARGS.updates:
        part = [[*row[:3], "李四", *row[4:]] for row in rows[:ARGS.updates]]  # a new legal representative on each
        checked, saved, tally = timed_import(actor, workbook(part))
        print(f"re-import: {ARGS.updates:,} rows matched by credit code: validate {checked:.1f} s "
              f"({ARGS.updates / checked:,.0f} rows/s), save {saved:.1f} s ({ARGS.updates / saved:,.0f} rows/s); "
              f"created {tally.created:,}, updated {tally.updated:,}")
        assert Enterprise.objects.filter(legal_rep="李四").count() >= ARGS.updates
    finish(DATA_DIR, ARGS.keep)


if __name__ == "__main__":
    main()
