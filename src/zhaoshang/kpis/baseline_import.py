"""The growth baselines (上年基数) import: the office downloads a template listing the plan's growth indicators,
fills in last year's figure and its source, and uploads it back. Rows are checked against the database (a live
growth indicator of that plan, once per file) and each is saved through baseline_set, so it is checked and audited
exactly as the baseline form is. The engine (core.excel_import) does the reading, reporting and job-running."""

import unicodedata
from decimal import Decimal

from zhaoshang.core.excel_import import CellError, Column, ExcelImportError, ImportSpec, Row
from zhaoshang.core.excel_import.parsers import cell_text, number, text
from zhaoshang.core.services import PermissionDenied, require
from zhaoshang.kpis.choices import GROWTH_KINDS, Kind
from zhaoshang.kpis.errors import KpiError
from zhaoshang.kpis.models import Kpi
from zhaoshang.kpis.services.editing import baseline_set
from zhaoshang.kpis.services.values import MAX_VALUE
from zhaoshang.plans.models import Plan
from zhaoshang.plans.selectors import current_plan_for

KIND = "zhaoshang.kpis.baseline_import.current_baseline_import"  # the engine's kind: the dotted path of the factory
ID, TEXT, VALUE, SOURCE = "指标编号", "指标", "上年基数", "基数来源"


def _instructions(plan: Plan) -> tuple[str, ...]:
    return (
        f"1. 第一张工作表已列出任务清单“{plan.title}”中需要上年基数的同比增长类指标，每行一个指标；请填写上年基数和基数来源，不要修改指标编号。",
        f"2. 上年基数填不小于0的数字：“{Kind.GROWTH_COUNT.label}”类指标填上年的项目个数，“{Kind.GROWTH_AMOUNT.label}”类指标填上年的投资额（单位万元）。",
        "3. 基数来源须注明数据出处，如“2024年统计年报”。",
        "4. “指标”列仅供核对，可不填；填写时须与指标编号对应的指标一致。",
        "5. 同一指标只能填写一行；暂不导入的指标请删除整行。已有的上年基数将被覆盖，每次修改都记入操作日志。",
        "6. 上传后先校验，有错误时可下载带“错误”列的报告，改正后重新上传；确认后才会写入。",
    )


def kpi_id(value) -> int:
    """An indicator's number as the template and the indicator's page show it: a whole number."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raw = cell_text(value)
    if isinstance(value, bool) or not raw.isascii() or not raw.isdigit():
        raise CellError(f"“{raw}”不是指标编号，应为整数（见导入模板或指标页面）")
    return int(raw)


_four_places = number(places=4, positive=False)


def baseline_value(value) -> Decimal:
    """Last year's figure: a number not below 0 (a count, or 万元), kept to four places as the indicator keeps it."""
    amount = _four_places(value)
    if amount < 0:
        raise CellError("不能为负数")
    if amount >= MAX_VALUE:
        raise CellError("数值过大，请核实（投资额以万元为单位）")
    return amount


def _columns() -> list[Column]:
    return [
        Column("kpi_id", ID, ("编号", "ID", "指标ID", "指标序号"), True, kpi_id, "导入模板已填好，不要修改", 12, width=10),
        Column("text", TEXT, ("指标名称", "指标内容", "指标描述"), False, text(300), "仅供核对，可不填；填写时须与指标编号对应的指标一致",
               "（示例）招引项目签约数每年增长10%以上", width=50),
        Column("baseline", VALUE, ("上年基数(个/万元)", "基数", "上年数", "上年完成值"), True, baseline_value,
               f"不小于0的数字：“{Kind.GROWTH_COUNT.label}”填上年项目个数，“{Kind.GROWTH_AMOUNT.label}”填上年投资额（万元）", 12, width=14),
        Column("source", SOURCE, ("来源", "数据来源", "基数出处"), True, text(200), "数据出处，如“2024年统计年报”", "2024年统计年报",
               width=26),
    ]


def _loose(value: str) -> str:
    return "".join(unicodedata.normalize("NFKC", value).split())


class BaselineChecks:
    """Checks against the database, run over all rows when validating and again over the good ones before saving:
    the number names a live growth indicator of the plan, at most once in the file, and the text (if given) is its
    text. A row that passes gets its indicator in `data["kpi"]`."""

    def __init__(self, plan: Plan):
        self.plan = plan

    def __call__(self, rows: list[Row]) -> None:
        numbered = [row for row in rows if row.data["kpi_id"] is not None]
        found = Kpi.all_objects.select_related("plan").in_bulk({row.data["kpi_id"] for row in numbered})
        seen: dict[int, list[int]] = {}
        for row in numbered:
            seen.setdefault(row.data["kpi_id"], []).append(row.number)
        for row in numbered:
            pk = row.data["kpi_id"]
            if len(seen[pk]) > 1:
                others = "、".join(f"第{number}行" for number in seen[pk] if number != row.number)
                row.add_error(ID, f"指标{pk}重复：{others}也填写了该指标，同一指标只能填写一行")
                continue
            kpi = found.get(pk)
            error = self._refusal(pk, kpi)
            if error:
                row.add_error(ID, error)
            elif row.data["text"] and _loose(row.data["text"]) not in (_loose(kpi.text), _loose(str(kpi))):
                row.add_error(TEXT, f"“{row.data['text']}”与指标编号{pk}的指标“{kpi}”不一致，请核对指标编号")
            else:
                row.data["kpi"] = kpi

    def _refusal(self, pk: int, kpi: Kpi | None) -> str:
        if kpi is None:
            return f"没有编号为{pk}的指标"
        if kpi.deleted_at is not None:
            return f"编号{pk}的指标“{kpi}”已删除"
        if kpi.plan_id != self.plan.pk:
            return f"编号{pk}的指标“{kpi}”属于任务清单“{kpi.plan.title}”，不是本次导入的任务清单“{self.plan.title}”"
        if kpi.kind not in GROWTH_KINDS:
            return f"编号{pk}的指标“{kpi}”是“{kpi.get_kind_display()}”类指标，只有同比增长类指标需要上年基数"
        return ""


def template_rows(plan: Plan) -> list[dict]:
    """The plan's live growth indicators whose figure reads a baseline (a split one is read from its parts), with
    the baseline and source entered so far."""
    split = Kpi.objects.filter(plan=plan, parent__isnull=False).values("parent_id")
    kpis = Kpi.objects.filter(plan=plan, kind__in=GROWTH_KINDS).exclude(pk__in=split)
    return [{"kpi_id": kpi.pk, "text": str(kpi), "baseline": kpi.baseline, "source": kpi.baseline_source or None}
            for kpi in kpis]


def baseline_import(*, actor, plan: Plan) -> ImportSpec:
    """The baseline import of `plan`'s growth indicators; only those who may manage indicators (the office)."""
    require(actor, "manage")
    return ImportSpec(
        title="指标上年基数", columns=_columns(),
        save_row=lambda data: baseline_set(actor=actor, kpi=data["kpi"], value=data["baseline"], source=data["source"]),
        check_rows=BaselineChecks(plan), row_errors=(KpiError, PermissionDenied), instructions=_instructions(plan),
        template_rows=lambda: template_rows(plan),
    )


def current_baseline_import(*, actor) -> ImportSpec:
    """The import's factory (KIND): the baseline import of the plan 指标总览 shows `actor`."""
    require(actor, "manage")
    plan = current_plan_for(user=actor)
    if plan is None:
        raise ExcelImportError("尚未导入任务清单，没有需要填写上年基数的指标。")
    return baseline_import(actor=actor, plan=plan)
