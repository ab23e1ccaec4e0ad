"""The project ledger (项目台账) import: its columns, and how its rows are checked and saved through the project
services. The engine (core.excel_import) does the reading, reporting and job-running."""

import datetime

from django.utils import timezone

from zhaoshang.accounts.resolution import UnitIndex
from zhaoshang.core.excel_import import CellError, Column, ImportSpec, Row
from zhaoshang.core.excel_import.parsers import choice, date, items, number, text
from zhaoshang.core.permissions import UNIT, role_of
from zhaoshang.core.services import PermissionDenied, require
from zhaoshang.plans.models import Chain, ChainLink
from zhaoshang.projects.choices import STAGE_INDEX, Channel, Stage
from zhaoshang.projects.credit_code import credit_code_error
from zhaoshang.projects.errors import ProjectError
from zhaoshang.projects.lookups import CHANNEL_BY_NAME
from zhaoshang.projects.models import Tag
from zhaoshang.projects.services.bulk import ProjectBatch, projects_create_many
from zhaoshang.projects.services.projects import MAX_AMOUNT_WAN, ProjectInput, project_create

KIND = "zhaoshang.projects.ledger.ledger_import"
TOO_LARGE = "超过1万亿元，请核实单位是否为万元"
DATED_FROM = Stage.SIGNED  # from 签约 on, the stage date counts in the year's figures: it must be given
INSTRUCTIONS = (
    "1. 在第一张工作表“项目台账”中每行填写一个项目，不要修改列名；红色列名为必填列。列的顺序可以调整，不需要的选填列可以删除。",
    "2. 金额以万元为单位，填写数字（可带千分位逗号）；日期写成2025-03-01、2025年3月1日、2025/3/1或2025.3.1。",
    "3. 统一社会信用代码为18位，请把该列设为“文本”格式，避免被Excel改成科学计数法。",
    "4. 产业链、标签、招引渠道、项目阶段须使用系统中的名称（见“可选值”和下表）；多个标签用顿号“、”分隔。",
    "5. 项目阶段为签约及以后时须填写阶段日期（不能晚于今天），该日期计入当年签约、开工、投产统计。",
    "6. 责任单位用户只能导入本单位牵头的项目，牵头单位可不填（默认为本单位）。",
    "7. 上传后先校验，有错误时可下载带“错误”列的报告，改正后重新上传；确认后才会写入。同一企业的相似项目视为重复，不会重复录入。",
)


class LedgerLookups:
    """Names → rows for one import, each list loaded once: chains and links of the live plans, tags, units."""

    def __init__(self, actor):
        self.actor = actor
        self.chains: dict[str, Chain] = {}
        for chain in Chain.objects.filter(merged_into__isnull=True, plan__deleted_at__isnull=True).order_by("-plan__issued_on", "-plan_id", "order"):
            self.chains.setdefault(chain.name, chain)  # the newest plan's chain of that name, as lookups.chain_named
        self.links = {(link.chain_id, link.name): link for link in ChainLink.objects.filter(chain__in=list(self.chains.values()))}
        self.tags = {tag.name: tag for tag in Tag.objects.all()}
        self._units: UnitIndex | None = None
        self._unit_cache: dict[str, object] = {}

    def chain(self, value) -> Chain:
        name = text()(value)
        if name not in self.chains:
            raise CellError(f"“{name}”不是系统中的产业链，可选：{'、'.join(self.chains)}")
        return self.chains[name]

    def tag(self, name: str) -> Tag:
        if name not in self.tags:
            raise CellError(f"“{name}”不在标签列表中（可选：{'、'.join(self.tags)}），请联系督办办公室添加")
        return self.tags[name]

    def unit(self, value):
        name = text()(value)
        if name not in self._unit_cache:
            self._units = self._units or UnitIndex()
            self._unit_cache[name] = self._units.resolve(name).unit
        if self._unit_cache[name] is None:
            raise CellError(f"“{name}”不是系统中的单位")
        return self._unit_cache[name]


def credit_code(value) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise CellError("被Excel存成了数字（可能已丢失末几位），请把该列设为“文本”格式后重新填写")
    code = text()(value).upper().replace(" ", "")
    error = credit_code_error(code)
    if error:
        raise CellError(error.removeprefix("统一社会信用代码"))
    return code


def _columns(lookups: LedgerLookups, unit_user: bool) -> list[Column]:
    stages = {**{label: value for value, label in Stage.choices}, **{value: value for value in Stage.values}}
    amount = number(maximum=MAX_AMOUNT_WAN, too_large=TOO_LARGE)
    today = timezone.localdate()  # once per import, not once per cell
    channels = tuple(Channel.labels)
    return [
        Column("name", "项目名称", ("项目", "项目全称"), True, text(200), "每行一个项目", "年产10万吨氯碱深加工项目", width=30),
        Column("enterprise", "投资企业", ("投资主体", "企业名称", "投资方", "签约企业"), True, text(200), "企业全称；外资或尚未注册的企业也可填写",
               "湖北某化工有限公司", width=26),
        Column("credit_code", "统一社会信用代码", ("信用代码", "社会信用代码"), False, credit_code, "18位，设为文本格式；境外或未注册企业可不填",
               "91330100799655058B", width=22),
        Column("amount_wan", "计划总投资(万元)", ("计划总投资", "总投资(万元)", "总投资", "投资总额(万元)", "计划投资(万元)", "投资额(万元)"),
               True, amount, "数字，单位万元，大于0", 35000),
        Column("fixed_asset_wan", "固定资产投资(万元)", ("固定资产投资", "其中固定资产投资(万元)", "固投(万元)"), False, amount,
               "数字，单位万元，不大于计划总投资", 28000),
        Column("chain", "产业链", ("所属产业链",), False, lookups.chain, "系统中的产业链名称", next(iter(lookups.chains), ""),
               tuple(lookups.chains)),
        Column("chain_link", "产业链环节", ("环节", "产业链环节(补链)"), False, text(50), "所填产业链的环节名称"),
        Column("tags", "标签", ("项目标签", "场景标签"), False, items(lookups.tag), "多个用顿号“、”分隔：" + "、".join(lookups.tags),
               "、".join(list(lookups.tags)[:2]), width=20),
        Column("channel", "招引渠道", ("渠道", "招商渠道"), False, choice(CHANNEL_BY_NAME, shown=list(channels)), "不填为“直接招引”",
               Channel.CHUSHANG.label, channels),
        Column("channel_detail", "渠道说明", ("渠道详情",), False, text(100), "哪个平台、基金或国企", ""),
        Column("park", "落户园区", ("园区",), False, text(50), "", "化工园区"),
        Column("town", "所在镇街", ("镇街", "所在乡镇", "乡镇(街道)", "所在镇(街道)"), False, text(50), "", "某某镇"),
        Column("lead_unit", "牵头单位", ("责任单位", "牵头责任单位"), not unit_user, lookups.unit,
               "系统中的单位名称或简称" + ("；不填为本单位，只能填本单位" if unit_user else ""), "市招商服务中心", width=20),
        Column("team", "招商专班", ("专班",), False, text(50), "", "化工专班"),
        Column("chief_officer", "首席服务官", ("服务官",), False, text(30), "", "张三"),
        Column("stage", "项目阶段", ("阶段", "当前阶段", "进展阶段"), False, choice(stages, shown=list(Stage.labels)), "不填为“线索”",
               Stage.NEGOTIATING.label, tuple(Stage.labels)),
        Column("stage_since", "阶段日期", ("进入阶段日期", "日期"), False, date(not_after_today=lambda: today),
               "进入该阶段的日期，不能晚于今天；签约及以后必填", datetime.date(2025, 3, 1)),
        Column("notes", "备注", ("说明",), False, text(2000), "", "", width=30),
    ]


def project_input(data: dict) -> ProjectInput:
    """The service input for a clean ledger row."""
    return ProjectInput(
        name=data["name"], enterprise_name=data["enterprise"], credit_code=data["credit_code"] or "", amount_wan=data["amount_wan"],
        fixed_asset_wan=data["fixed_asset_wan"], chain=data["chain"], chain_link=data["chain_link"], tags=data["tags"] or [],
        channel=data["channel"] or Channel.DIRECT, channel_detail=data["channel_detail"] or "", park=data["park"] or "",
        town=data["town"] or "", lead_unit=data["lead_unit"], team=data["team"] or "", chief_officer=data["chief_officer"] or "",
        notes=data["notes"] or "", stage=data["stage"] or Stage.LEAD, stage_since=data["stage_since"],
    )


class LedgerChecks:
    """Checks across a row's cells and against the database, run over all rows when validating and again over the
    good ones before saving, a chunk at a time (one LedgerChecks per pass over the file): scope, links, dates, and
    duplicates in the file and in the database. With the column parsers this is everything project_build checks;
    saving runs project_build again on every row, and a row it refuses is reported like any other."""

    def __init__(self, actor, lookups: LedgerLookups):
        self.actor, self.lookups = actor, lookups
        self.own_unit = actor.unit if role_of(actor) == UNIT else None
        self.batch = ProjectBatch()  # the enterprises and project names of the chunks so far

    def __call__(self, rows: list[Row]) -> None:
        for row in rows:
            self._cells(row)
        rows = [row for row in rows if row.ok]
        batch = self.batch
        batch.load([(row.data["enterprise"], row.data["credit_code"] or "") for row in rows])
        for row in rows:
            try:
                enterprise = batch.enterprise(row.data["enterprise"], row.data["credit_code"] or "")
            except ProjectError as error:
                row.add_error("投资企业", str(error))
                continue
            name = row.data["name"][:200]
            duplicate = batch.duplicate(enterprise, name)
            if duplicate is None:
                batch.remember(enterprise, name, f"第{row.number}行")
            elif isinstance(duplicate[1], int):
                row.add_error("项目名称", f"疑似重复：投资企业“{enterprise.name}”已有相似项目“{duplicate[0]}”（编号{duplicate[1]}），不重复导入")
            else:
                row.add_error("项目名称", f"与{duplicate[1]}重复（同一投资企业的相似项目“{duplicate[0]}”），不重复导入")

    def _cells(self, row: Row) -> None:
        data = row.data
        if self.own_unit is not None:
            if data["lead_unit"] is None:
                data["lead_unit"] = self.own_unit
            elif data["lead_unit"].pk != self.own_unit.pk:
                row.add_error("牵头单位", f"只能导入本单位（{self.own_unit.display_name}）牵头的项目，此行为“{data['lead_unit'].display_name}”")
        if data["chain_link"] and not row.failed("产业链"):
            chain = data["chain"]
            link = self.lookups.links.get((chain.pk, data["chain_link"])) if chain else None
            if chain is None:
                row.add_error("产业链环节", "请同时填写产业链")
            elif link is None:
                names = "、".join(name for chain_id, name in self.lookups.links if chain_id == chain.pk) or "（该产业链尚无环节）"
                row.add_error("产业链环节", f"“{data['chain_link']}”不是产业链“{chain.name}”的环节，可选：{names}")
            data["chain_link"] = link
        if data["fixed_asset_wan"] and data["amount_wan"] and data["fixed_asset_wan"] > data["amount_wan"]:
            row.add_error("固定资产投资(万元)", "不能大于计划总投资")
        stage = data["stage"] or Stage.LEAD
        if STAGE_INDEX[stage] >= STAGE_INDEX[DATED_FROM] and data["stage_since"] is None and not row.failed("阶段日期"):
            row.add_error("阶段日期", f"项目阶段为“{Stage(stage).label}”时必填（签约及以后的日期计入年度统计）")


def ledger_import(*, actor) -> ImportSpec:
    """The ledger import for `actor`: the office imports any unit's projects, a unit user its own unit's."""
    require(actor, "work")
    if role_of(actor) == UNIT and actor.unit_id is None:
        raise PermissionDenied("账号未关联单位，不能导入项目")
    lookups = LedgerLookups(actor)
    return ImportSpec(
        title="项目台账", columns=_columns(lookups, role_of(actor) == UNIT),
        save_row=lambda data: project_create(actor=actor, data=project_input(data)),
        save_many=lambda rows: projects_create_many(actor=actor, items=[project_input(data) for data in rows]),
        chunk_checks=lambda: LedgerChecks(actor, lookups), row_errors=(ProjectError, PermissionDenied), instructions=INSTRUCTIONS,
    )
