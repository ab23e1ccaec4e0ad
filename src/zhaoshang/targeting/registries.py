"""The directory's registries as the kit mounts them: the enterprise directory (企业名录, over projects.Enterprise),
the enterprises' technical needs (技术需求清单) and the visits and talks (走访/对接记录)."""

from zhaoshang.core.excel_import.errors import CellError
from zhaoshang.core.excel_import.parsers import cell_text
from zhaoshang.projects.credit_code import credit_code_error
from zhaoshang.projects.models import Enterprise
from zhaoshang.registries.kit import Registry
from zhaoshang.targeting.capital import capital_wan
from zhaoshang.targeting.models import TechNeed, Visit

GROUP = "企业名录与招商靶向"


def credit_code(value) -> str:
    """A credit code as exports write it, in capitals, checked when the file is checked (not only when saved)."""
    code = cell_text(value).replace(" ", "").upper()
    error = credit_code_error(code)
    if error:
        raise CellError(error)
    return code


# the headers 企查查 and 天眼查 exports use, beside the columns' own names
ENTERPRISE_ALIASES = {
    "name": ("企业名称", "公司名称", "名称"),
    "credit_code": ("统一社会信用代码", "信用代码", "社会信用代码"),
    "registration_status": ("登记状态", "经营状态", "企业状态"),
    "legal_rep": ("法定代表人", "法人代表", "法定代表人/负责人"),
    "registered_capital_wan": ("注册资本", "注册资金", "注册资本(万元)"),
    "ownership": ("企业性质",),
    "industry": ("所属行业", "国标行业", "行业"),
    "industry_code": ("行业代码", "国标行业代码"),
    "business_scope": ("经营范围",),
    "origin_province": ("所属省份", "省份", "来源省份"),
    "origin_city": ("所属城市", "城市", "来源城市"),
    "origin_county": ("所属区县", "区县"),
    "phone": ("电话", "联系电话", "企业电话"),
    "email": ("邮箱", "电子邮箱", "企业邮箱"),
    "website": ("网址", "官网", "企业官网", "网站"),
    "since": ("成立日期", "成立时间"),
    "until": ("注销日期", "迁出日期", "吊销日期"),
}

REGISTRIES = [
    Registry(
        key="enterprise", name="企业名录", model=Enterprise, group=GROUP,
        form_fields=("name", "credit_code", "registration_status", "legal_rep", "registered_capital_wan", "ownership",
                     "industry", "industry_code", "business_scope", "origin_province", "origin_city", "origin_county",
                     "is_local", "is_overseas", "is_listed", "exchange", "stock_code", "chain", "chain_link", "chain_role",
                     "priority", "phone", "email", "website"),
        columns=("name", "credit_code", "ownership", "industry", "registered_capital_wan", "origin_province", "origin_city",
                 "chain", "chain_role", "priority", "is_local", "phone"),
        filters=("ownership", "chain", "chain_link", "chain_role", "priority", "is_local", "is_listed", "is_overseas",
                 "origin_province", "origin_city", "industry", "registration_status", "registered_capital_wan"),
        search_fields=("name", "credit_code", "legal_rep"), contact_fields=("phone", "email"),
        totals=("registered_capital_wan",), aliases=ENTERPRISE_ALIASES, match_on=("credit_code", "name"),
        parsers={"registered_capital_wan": capital_wan, "credit_code": credit_code},
        measure_words=("企业名录库", "企业名录"), since_label="成立日期", until_label="注销/迁出日期",
        description="上下游企业、本地企业与目标企业：工商信息、企业性质、产业链环节与链上角色；可导入企查查/天眼查导出表",
        ordering=("name", "id"),
    ),
    Registry(
        key="tech_need", name="技术需求清单", model=TechNeed, group=GROUP,
        form_fields=("name", "enterprise", "chain", "chain_link", "tech_field", "description", "budget_wan", "status",
                     "partner", "due_on"),
        columns=("name", "enterprise", "chain", "tech_field", "budget_wan", "status", "partner", "due_on"),
        filters=("status", "chain", "chain_link", "enterprise", "tech_field", "budget_wan", "due_on"),
        search_fields=("name", "tech_field", "partner"), totals=("budget_wan",),
        aliases={"name": ("需求名称", "技术需求", "需求"), "enterprise": ("企业名称", "企业", "需求单位"),
                 "tech_field": ("领域", "技术领域"), "budget_wan": ("预算", "预算(万元)", "拟投入(万元)"),
                 "partner": ("对接单位", "对接高校/院所", "合作单位"), "since": ("提出日期", "发布日期")},
        measure_words=("技术需求清单",), since_label="提出日期", until_label="解决/关闭日期",
        description="企业技术需求、对接的高校院所与企业、办理状态",
    ),
    Registry(
        key="visit", name="走访/对接记录", model=Visit, group=GROUP,
        form_fields=("kind", "name", "enterprise", "project", "our_people", "their_people", "team", "outcome", "next_step"),
        columns=("since", "kind", "enterprise", "project", "name", "team", "owner_unit"),
        filters=("kind", "enterprise", "project", "team", "since"),
        search_fields=("name", "team", "our_people", "their_people"),
        aliases={"name": ("事由", "主题", "对接事项"), "enterprise": ("企业名称", "走访企业"), "project": ("项目名称",),
                 "since": ("日期", "走访日期", "对接日期"), "kind": ("方式", "对接方式"), "team": ("专班", "招商专班"),
                 "outcome": ("成果", "对接成果", "走访情况"), "next_step": ("下一步", "下一步工作")},
        since_label="日期", until_label="结束日期", ordering=("-since", "-id"),
        description="各单位、各专班走访和对接企业、项目的记录；按单位、专班统计见“走访统计”",
    ),
]
