"""A realistic project ledger workbook of any size for the import benchmark (openpyxl write_only)."""

import datetime
import io
import random

from openpyxl import Workbook

from pipeline_data import CHAINS, TAGS

HEADER = ["项目名称", "投资企业", "统一社会信用代码", "计划总投资(万元)", "固定资产投资(万元)", "产业链", "产业链环节", "标签", "招引渠道",
          "渠道说明", "落户园区", "所在镇街", "牵头单位", "招商专班", "首席服务官", "项目阶段", "阶段日期", "备注"]
STAGES = ["线索", "洽谈", "签约", "注册", "手续办理", "开工", "投产"]
PRODUCTS = ["仓储物流", "研发中心", "检测认证", "包装材料", "废水处理", "光伏发电"]
CHANNELS = ["楚商回乡", "外部平台", "基金招商", "国企招商", "科创招商", "以商引商", "应用场景", "直接招引"]
WORKS = ["扩建工程", "技术改造", "智能升级", "总部大楼", "冷链基地", "孵化平台", "展示交易", "数据机房", "职工公寓", "示范线"]


def _investors(rng: random.Random, rows: int, existing: int) -> list[int]:
    """Each row's enterprise among 0 … existing-1: all distinct while there are enough, then each again in a new
    order, round after round (a file larger than the enterprises of the database)."""
    rounds = -(-rows // existing)
    if rounds > len(PRODUCTS) * len(WORKS):
        raise ValueError(f"{rows} rows cannot name {existing} enterprises without possible duplicates")
    return [k for _ in range(rounds) for k in rng.sample(range(existing), existing)][:rows]


def _project_name(i: int, rng: random.Random, prefix: str, chain: str, again: int) -> str:
    """The row's project name; `again` counts the enterprise's earlier rows, whose names it must not resemble."""
    if again:
        return f"{chain}{PRODUCTS[again % len(PRODUCTS)]}{WORKS[again // len(PRODUCTS)]}"
    return f"{prefix}第{i:05d}号{chain}项目" if i % 10 else f"{chain}配套{rng.choice(PRODUCTS)}生产基地"


def ledger_workbook(rows: int, prefix: str = "导入", seed: int = 7, existing: int = 0) -> bytes:
    """`rows` projects of new enterprises (two projects to one in ten), or with `existing`, each of one of the
    enterprises 0 … existing-1 that bench/pipeline_data.py generated (合成企业…有限公司), distinct while there are
    enough; no two rows of one enterprise are possible duplicates."""
    rng = random.Random(seed)
    investors = _investors(rng, rows, existing) if existing else None
    book = Workbook(write_only=True)
    sheet = book.create_sheet("项目台账")
    sheet.append(["2025年招商引资项目台账"])
    sheet.append(HEADER)
    for i in range(rows):
        chain = rng.choice(CHAINS)
        amount = rng.randint(500, 500_000)
        stage = rng.choice(STAGES)
        day = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randrange(600))
        sheet.append([
            _project_name(i, rng, prefix, chain, i // existing if existing else 0),
            f"合成企业{investors[i]:07d}有限公司" if existing else f"{prefix}投资企业{i - (i % 10 == 0):05d}有限公司", "", f"{amount:,}", round(amount * 0.6, 2), chain,
            f"{chain}环节{rng.randrange(3)}", "、".join(rng.sample(TAGS, rng.choice([0, 1, 2]))), rng.choice(CHANNELS), "",
            "化工园区", "某某镇", f"合成{rng.randrange(60):03d}局", "专班", "张三", stage, day if i % 3 else day.strftime("%Y年%-m月%-d日"),
            "",
        ])
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()
