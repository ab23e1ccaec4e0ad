"""The innovation registries (科技创新, task 12) as the kit mounts them (pages, API, Excel, search, counting)."""

from zhaoshang.innovation.models import Achievement, AwardProject, Cultivation, Incubatee, InnovationPlatform
from zhaoshang.registries.kit import Registry

GROUP = "科技创新"
# the words of task 12's measures: 1 (“1+N+M+L”的科技创新平台建设 …), 2 (力争年内引入3家初创企业或项目、科技服务机构),
# 3 (实施“高企提升”计划 … 形成系统性培育库 … 建立科学技术奖励项目库，推动我市产业项目共享科技成果)
PLATFORM_WORDS = ("科技创新平台",)
INCUBATEE_WORDS = ("初创企业",)
ACHIEVEMENT_WORDS = ("共享科技成果",)
CULTIVATION_WORDS = ("高企提升", "培育库")
AWARD_WORDS = ("科学技术奖励项目库",)
CONTACT_ALIASES = {"contact_name": ("联系人姓名", "负责人"), "contact_phone": ("联系方式", "电话", "手机")}

REGISTRIES = [
    Registry(
        key="innovation", name="科技创新平台", model=InnovationPlatform, group=GROUP,
        form_fields=("name", "kind", "level", "incubator_tier", "status", "place", "operator", "partner", "chain", "area_sqm",
                     "services", "contact_name", "contact_phone"),
        columns=("name", "kind", "level", "status", "place", "operator", "chain", "area_sqm", "since"),
        filters=("kind", "level", "incubator_tier", "status", "chain", "since", "area_sqm"),
        search_fields=("name", "operator", "partner", "place"), contact_fields=("contact_phone",), totals=("area_sqm",),
        aliases={"name": ("平台", "名称", "机构名称"), "kind": ("类型", "平台类别"), "level": ("级别", "认定级别"),
                 "status": ("状态",), "place": ("地点", "所在城市", "地址"), "operator": ("运营单位", "运营机构", "依托单位"),
                 "partner": ("合作高校", "共建单位"), "chain": ("产业链", "服务领域"),
                 "area_sqm": ("面积", "面积(平方米)", "建筑面积(㎡)"), "since": ("投用日期", "揭牌日期", "成立日期"),
                 **CONTACT_ALIASES},
        measure_words=PLATFORM_WORDS, since_label="投用日期", until_label="停运日期",
        description="科创中心、离岸科创中心、研究院、孵化器、众创空间、研发机构：类型、级别、运营主体与面积",
    ),
    Registry(
        key="incubatee", name="入驻企业或项目", model=Incubatee, group=GROUP,
        form_fields=("platform", "name", "enterprise", "project", "is_startup", "is_service_org", "tech_field", "area_sqm",
                     "employees", "exit_kind"),
        columns=("name", "platform", "enterprise", "project", "since", "is_startup", "is_service_org", "until"),
        filters=("platform", "is_startup", "is_service_org", "enterprise", "project", "since", "until", "exit_kind"),
        search_fields=("name", "tech_field"), totals=("area_sqm", "employees"),
        aliases={"platform": ("平台", "入驻平台名称", "载体"), "name": ("入驻主体", "企业/项目名称"),
                 "enterprise": ("企业名称", "企业"), "project": ("项目名称", "项目"), "is_startup": ("是否初创企业",),
                 "is_service_org": ("是否科技服务机构",), "since": ("入驻时间",), "until": ("离孵日期", "迁出日期", "毕业日期")},
        measure_words=INCUBATEE_WORDS, since_label="入驻日期", until_label="离孵日期", ordering=("-since", "-id"),
        description="入驻科创中心、孵化器、众创空间的企业、项目与科技服务机构：入驻与离孵日期、是否初创企业",
    ),
    Registry(
        key="achievement", name="科技成果转化", model=Achievement, group=GROUP,
        form_fields=("name", "source_institution", "enterprise", "project", "platform", "chain", "kind", "value_wan",
                     "contract_number", "tech_field"),
        columns=("name", "source_institution", "enterprise", "kind", "since", "value_wan", "chain"),
        filters=("kind", "chain", "enterprise", "platform", "since", "value_wan"),
        search_fields=("name", "source_institution", "contract_number", "tech_field"), totals=("value_wan",),
        aliases={"name": ("成果", "项目名称", "技术名称"), "source_institution": ("来源单位", "成果完成单位", "高校院所"),
                 "enterprise": ("企业名称", "受让企业", "承接单位"), "project": ("项目", "产业项目"), "platform": ("平台",),
                 "chain": ("产业链",), "kind": ("方式", "转化形式"),
                 "value_wan": ("金额", "合同金额", "成交额(万元)", "技术交易额(万元)"),
                 "contract_number": ("合同登记号", "合同编号"), "since": ("签约日期", "合同签订日期", "日期")},
        match_on=("contract_number", "name"), measure_words=ACHIEVEMENT_WORDS, since_label="转化日期",
        until_label="合同终止日期", ordering=("-since", "-id"),
        description="高校院所成果由本地企业转让、许可、作价入股或合作开发：承接企业、金额与应用项目",
    ),
    Registry(
        key="cultivation", name="高企培育库", model=Cultivation, group=GROUP,
        form_fields=("enterprise", "name", "stage", "year", "new_species", "tech_field", "revenue_wan", "rd_expense_wan",
                     "certificate_number", "mentor"),
        columns=("name", "stage", "year", "new_species", "tech_field", "revenue_wan", "rd_expense_wan", "mentor"),
        filters=("stage", "year", "new_species", "tech_field", "revenue_wan"),
        search_fields=("name", "tech_field", "certificate_number", "mentor"), totals=("revenue_wan", "rd_expense_wan"),
        aliases={"enterprise": ("培育企业名称", "企业"), "name": ("企业名称",), "stage": ("阶段", "培育状态"),
                 "year": ("年度", "申报年度", "认定年度"), "new_species": ("新物种", "企业类别"),
                 "revenue_wan": ("营业收入", "营业收入(万元)"), "rd_expense_wan": ("研发投入", "研发费用(万元)"),
                 "certificate_number": ("证书编号",), "mentor": ("帮扶人", "联系领导"), "since": ("入库日期",)},
        measure_words=CULTIVATION_WORDS, since_label="入库日期", until_label="出库日期",
        description="“高企提升”计划的培育企业：培育阶段、申报年度、新物种企业、营收与研发投入",
    ),
    Registry(
        key="award_project", name="科学技术奖励项目库", model=AwardProject, group=GROUP,
        form_fields=("name", "level", "category", "status", "grade", "year", "enterprise", "institution", "leader", "chain",
                     "project"),
        columns=("name", "level", "category", "status", "grade", "year", "enterprise", "institution", "chain"),
        filters=("level", "category", "status", "grade", "year", "chain", "enterprise"),
        search_fields=("name", "institution", "leader"),
        aliases={"name": ("项目", "成果名称"), "level": ("级别",), "category": ("奖励类别", "奖项"), "grade": ("等级", "获奖等级"),
                 "year": ("年度", "获奖年度"), "enterprise": ("完成单位(企业)", "企业"), "institution": ("完成单位",),
                 "leader": ("负责人", "第一完成人"), "chain": ("产业链",), "project": ("产业项目",), "since": ("入库日期",)},
        measure_words=AWARD_WORDS, since_label="入库日期", until_label="出库日期",
        description="围绕重点产业链储备、推荐申报的科学技术奖励项目：级别、奖种、等级与完成单位",
        ordering=("-year", "-id"),
    ),
]
