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


def ledger_workbook(rows: int, prefix: str = "导入", seed: int = 7, existing: int = 0) -> bytes:
    """`rows` projects of new enterprises (two projects to one in ten), or with `existing`, each of one of the
    distinct enterprises among 0 … existing-1 that bench/pipeline_data.py generated (合成企业…有限公司)."""
    rng = random.Random(seed)
    investors = rng.sample(range(existing), rows) if existing else None  # distinct: no two rows a possible duplicate
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
            f"{prefix}第{i:05d}号{chain}项目" if i % 10 else f"{chain}配套{rng.choice(PRODUCTS)}生产基地",
            f"合成企业{investors[i]:07d}有限公司" if existing else f"{prefix}投资企业{i - (i % 10 == 0):05d}有限公司", "", f"{amount:,}", round(amount * 0.6, 2), chain,
            f"{chain}环节{rng.randrange(3)}", "、".join(rng.sample(TAGS, rng.choice([0, 1, 2]))), rng.choice(CHANNELS), "",
            "化工园区", "某某镇", f"合成{rng.randrange(60):03d}局", "专班", "张三", stage, day if i % 3 else day.strftime("%Y年%-m月%-d日"),
            "",
        ])
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()
