"""The platform, fund and SOE registries as the kit mounts them (pages, API, Excel, search, counting)."""

from zhaoshang.platforms.models import Fund, FundInvestment, Platform, SoeProject
from zhaoshang.registries.kit import Registry

GROUP = "招商平台、基金与国企"
CONTACT_ALIASES = {"contact_name": ("联系人姓名", "对接人"), "contact_phone": ("联系方式", "电话", "手机")}

# the words of the measures that order them: task 16 (深化与中伦、粤海…等外部招商平台合作), task 18 measure 1 (设立产业基金、
# 并购基金和科创基金), task 18 measure 2 (以投带引的方式引入项目) and task 17 measure 2 (各市属国企分类协作…靶向招商)
REGISTRIES = [
    Registry(
        key="platform", name="外部招商平台", model=Platform, group=GROUP,
        form_fields=("name", "kind", "status", "region", "agreement_number", "service_scope", "chains", "fee_terms",
                     "leads_count", "meetings_count", "contact_name", "contact_phone"),
        columns=("name", "kind", "status", "region", "since", "until", "leads_count", "meetings_count", "contact_name",
                 "contact_phone"),
        filters=("kind", "status", "region", "since", "leads_count"),
        search_fields=("name", "region", "chains", "agreement_number", "contact_name"), contact_fields=("contact_phone",),
        totals=("leads_count", "meetings_count"),
        aliases={"name": ("平台", "合作平台", "机构名称"), "kind": ("类型", "机构类型"), "status": ("状态",),
                 "service_scope": ("服务内容", "合作内容"), "chains": ("产业链", "对接产业"),
                 "leads_count": ("线索数", "推送项目线索", "项目线索数"), "meetings_count": ("对接会次数", "活动次数"),
                 "since": ("签约日期", "协议签订日期", "合作开始日期"), "until": ("协议到期日期", "合作终止日期"),
                 **CONTACT_ALIASES},
        measure_words=("外部招商平台",), since_label="协议签订日期", until_label="协议到期日期",
        description="合作的外部招商平台：服务范围、协议期限、推送线索与对接活动；引进的项目见各平台页（引荐）",
    ),
    Registry(
        key="fund", name="基金", model=Fund, group=GROUP,
        form_fields=("name", "kind", "scale_wan", "paid_in_wan", "government_wan", "sponsors", "manager", "filing_status",
                     "filing_code", "focus", "chain", "term_years", "contact_name", "contact_phone"),
        columns=("name", "kind", "scale_wan", "paid_in_wan", "manager", "filing_status", "chain", "since"),
        filters=("kind", "filing_status", "chain", "scale_wan", "since"),
        search_fields=("name", "manager", "sponsors", "filing_code", "focus"), contact_fields=("contact_phone",),
        totals=("scale_wan", "paid_in_wan", "government_wan"),
        aliases={"name": ("基金", "基金全称"), "kind": ("类型", "基金类别"),
                 "scale_wan": ("基金规模", "规模(万元)", "认缴规模", "认缴出资额(万元)"),
                 "paid_in_wan": ("实缴规模", "实缴出资额(万元)"), "sponsors": ("出资人", "发起人", "LP"),
                 "manager": ("管理人", "管理机构", "GP"), "filing_code": ("备案号", "基金编号"), "focus": ("投资领域",),
                 "since": ("成立日期", "设立日期"), "until": ("注销日期", "清算日期"), **CONTACT_ALIASES},
        measure_words=("设立产业基金",), since_label="成立日期", until_label="注销日期",
        description="产业、并购、科创、天使基金：规模、出资方、管理人、备案与投资方向",
    ),
    Registry(
        key="fund_investment", name="基金投资", model=FundInvestment, group=GROUP,
        form_fields=("fund", "investee", "enterprise", "project", "amount_wan", "stake_percent", "status", "is_attracted"),
        columns=("investee", "fund", "since", "amount_wan", "stake_percent", "status", "is_attracted", "project"),
        filters=("fund", "status", "is_attracted", "since", "amount_wan"),
        search_fields=("investee",), totals=("amount_wan",),
        aliases={"fund": ("基金名称", "投资基金"), "investee": ("投资标的", "被投对象", "被投企业/项目名称"),
                 "enterprise": ("企业",), "project": ("项目",), "amount_wan": ("投资金额", "投资额(万元)", "出资金额(万元)"),
                 "stake_percent": ("持股比例",), "status": ("状态",), "is_attracted": ("以投带引", "是否落地本市"),
                 "since": ("投资日期", "出资日期", "签约日期"), "until": ("退出日期",)},
        match_on=(), measure_words=("以投带引",), since_label="投资日期", until_label="退出日期",
        description="基金对企业或项目的每笔投资：金额、持股、状态与是否以投带引落地",
        ordering=("-since", "-id"),
    ),
    Registry(
        key="soe_project", name="国企定向招引台账", model=SoeProject, group=GROUP,
        form_fields=("name", "soe", "project", "enterprise", "chain", "direction", "role", "mode", "amount_wan",
                     "soe_amount_wan", "status", "progress", "contact_name", "contact_phone"),
        columns=("name", "soe", "direction", "role", "mode", "amount_wan", "soe_amount_wan", "status", "since", "project"),
        filters=("soe", "role", "mode", "status", "chain", "since", "amount_wan"),
        search_fields=("name", "direction", "contact_name"), contact_fields=("contact_phone",),
        totals=("amount_wan", "soe_amount_wan"),
        aliases={"name": ("项目", "招引项目"), "soe": ("国企", "国有企业", "责任国企", "市属国企"),
                 "enterprise": ("企业", "投资方"), "direction": ("产业领域", "方向"),
                 "role": ("角色", "参与方式"), "mode": ("方式", "合作方式"),
                 "amount_wan": ("总投资", "计划投资(万元)", "投资额(万元)"), "soe_amount_wan": ("国企出资", "出资金额(万元)"),
                 "status": ("状态", "进展"), "progress": ("进展情况",), "since": ("登记日期", "入库日期"),
                 "until": ("终止日期",), **CONTACT_ALIASES},
        measure_words=("市属国企分类协作",), since_label="登记日期", until_label="终止日期",
        description="市属国企靶向招引的项目：国企、角色与方式、投资与国企出资、进展",
    ),
]
