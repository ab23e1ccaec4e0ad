"""The policy and finance registries as the kit mounts them (pages, API, Excel, search, counting)."""

from zhaoshang.finance.models import FinanceMatch, FinanceProduct, Policy, PolicyClause
from zhaoshang.registries.kit import Registry

GROUP = "政策与金融"
# the words of task 9's measures: 汇编形成产业政策包 (市发改委) and 整合银行、保险等金融机构信贷资源 (市政府办金融科)
POLICY_WORDS = ("产业政策包",)
FINANCE_WORDS = ("信贷资源",)
CONTACT_ALIASES = {"contact_name": ("联系人姓名", "客户经理"), "contact_phone": ("联系方式", "电话", "手机")}

REGISTRIES = [
    Registry(
        key="policy", name="产业政策", model=Policy, group=GROUP,
        form_fields=("name", "document_number", "issuer", "level", "chain", "chains_text", "summary", "conditions",
                     "amount_wan", "department", "url"),
        columns=("name", "document_number", "issuer", "level", "chain", "since", "until", "amount_wan"),
        filters=("level", "chain", "issuer", "since", "until", "amount_wan"),
        search_fields=("name", "document_number", "issuer", "chains_text"), totals=("amount_wan",),
        aliases={"name": ("政策文件", "文件名称", "文件标题", "标题"), "document_number": ("发文字号", "文件编号"),
                 "issuer": ("发文机关", "制定单位"), "level": ("层级", "级别"), "chain": ("产业链",),
                 "chains_text": ("适用产业链", "适用行业"), "summary": ("政策内容", "内容摘要", "支持内容"),
                 "conditions": ("申报条件", "适用条件"), "amount_wan": ("资金规模", "专项资金(万元)"),
                 "department": ("责任单位", "兑现单位", "受理单位"), "url": ("链接", "原文", "网址"),
                 "since": ("施行日期", "生效日期", "实施日期"), "until": ("失效日期", "有效期至")},
        match_on=("document_number", "name"), measure_words=POLICY_WORDS, since_label="施行日期", until_label="失效日期",
        description="产业政策包：政策文件、文号、发文单位、适用产业链、申报条件、资金规模与有效期",
        ordering=("-since", "-id"),
    ),
    Registry(
        key="policy_clause", name="政策条款", model=PolicyClause, group=GROUP,
        form_fields=("policy", "clause_number", "name", "kind", "chain", "min_investment_wan", "condition", "amount_wan",
                     "ratio_percent"),
        columns=("name", "policy", "clause_number", "kind", "chain", "min_investment_wan", "amount_wan", "ratio_percent"),
        filters=("policy", "kind", "chain", "min_investment_wan", "amount_wan"),
        search_fields=("name", "clause_number"), totals=("amount_wan",),
        aliases={"policy": ("政策", "政策名称", "所属文件"), "clause_number": ("条款", "条目"), "name": ("支持事项", "条款内容"),
                 "kind": ("支持方式", "类型"), "chain": ("产业链", "适用产业链"),
                 "min_investment_wan": ("最低投资额", "投资门槛(万元)", "投资额要求(万元)"),
                 "condition": ("条件", "申报条件"), "amount_wan": ("支持金额(万元)", "最高奖补(万元)", "最高支持"),
                 "ratio_percent": ("比例", "补助比例(%)")},
        match_on=(), measure_words=POLICY_WORDS, since_label="施行日期", until_label="失效日期",
        description="政策的逐条支持事项：适用产业链、最低投资额、支持金额或比例；企业和项目页列出可申报的条款",
    ),
    Registry(
        key="finance", name="金融信贷资源", model=FinanceProduct, group=GROUP,
        form_fields=("name", "institution", "institution_kind", "product_kind", "amount_wan", "quota_wan", "rate_percent",
                     "rate_note", "term_months", "guarantee", "chain", "conditions", "contact_name", "contact_phone"),
        columns=("name", "institution", "institution_kind", "product_kind", "amount_wan", "rate_percent", "term_months",
                 "guarantee", "contact_name", "contact_phone"),
        filters=("institution_kind", "product_kind", "institution", "chain", "amount_wan", "rate_percent", "term_months"),
        search_fields=("name", "institution", "guarantee", "contact_name"), contact_fields=("contact_phone",),
        totals=("quota_wan",),
        aliases={"name": ("产品", "金融产品", "产品名称"), "institution": ("机构", "机构名称", "银行", "金融机构名称"),
                 "institution_kind": ("机构类别",), "product_kind": ("产品类别", "业务品种"),
                 "amount_wan": ("额度(万元)", "单户额度", "最高额度(万元)", "贷款额度"),
                 "quota_wan": ("授信规模", "授信总额(万元)"), "rate_percent": ("利率", "年利率", "利率(%)", "费率(%)"),
                 "term_months": ("期限", "期限(月)", "贷款期限(月)"), "guarantee": ("担保", "担保方式"),
                 "conditions": ("准入条件", "申请条件"), "since": ("发布日期", "上线日期"), **CONTACT_ALIASES},
        match_on=(), measure_words=FINANCE_WORDS, since_label="发布日期", until_label="下线日期",
        description="银行、保险、担保等金融机构的信贷产品：额度、利率、期限、担保方式、准入条件与联系人",
    ),
    Registry(
        key="finance_match", name="融资对接记录", model=FinanceMatch, group=GROUP,
        form_fields=("name", "enterprise", "product", "project", "need", "amount_wan", "status", "lent_wan", "result"),
        columns=("since", "enterprise", "product", "name", "amount_wan", "status", "lent_wan", "owner_unit"),
        filters=("status", "product", "enterprise", "since", "amount_wan", "lent_wan"),
        search_fields=("name", "enterprise"), totals=("amount_wan", "lent_wan"),
        aliases={"name": ("事项", "融资用途"), "enterprise": ("企业", "企业名称", "融资企业名称"),
                 "product": ("产品", "金融产品", "对接产品"), "project": ("项目", "项目名称"), "need": ("诉求", "企业诉求"),
                 "amount_wan": ("需求金额", "融资金额(万元)", "融资需求"), "status": ("状态", "对接结果"),
                 "lent_wan": ("放款金额", "放款(万元)", "授信金额(万元)"), "result": ("情况", "备注说明", "未成功原因"),
                 "since": ("对接日期", "日期"), "until": ("办结日期", "放款日期")},
        match_on=(), measure_words=FINANCE_WORDS, since_label="对接日期", until_label="办结日期",
        description="金融产品与企业的融资对接：需求金额、对接状态、放款金额；可关联企业的融资诉求",
        ordering=("-since", "-id"),
    ),
]
