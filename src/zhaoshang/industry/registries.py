"""The industry resource registries as the kit mounts them (pages, API, Excel, search, counting)."""

from zhaoshang.industry.models import EnergyProject, PromoProject, Scenario, Strain
from zhaoshang.registries.kit import Registry

GROUP = "产业资源库"
CONTACT_ALIASES = {"contact_name": ("联系人姓名", "负责人"), "contact_phone": ("联系方式", "电话", "手机")}
# the words of the measures that order them: task 3 (建立农业微生物菌种库与技术需求清单), task 5 (策划招商示范项目，形成
# 《…农业招商场景清单》，定向推介) and task 8 (制定年度重点任务清单并动态更新能源项目库)
STRAIN_WORDS = ("菌种库",)
SCENARIO_WORDS = ("农业招商场景清单",)
ENERGY_WORDS = ("能源项目库",)
PROMO_WORDS = ("系统策划",)  # task 4: 系统策划一批高质量招商项目 (the projects the city plans and pitches)

REGISTRIES = [
    Registry(
        key="strain", name="农业微生物菌种库", model=Strain, group=GROUP,
        form_fields=("name", "latin_name", "strain_number", "use", "function", "holder", "enterprise", "status",
                     "contact_name", "contact_phone"),
        columns=("name", "latin_name", "strain_number", "use", "holder", "enterprise", "status", "since"),
        filters=("use", "status", "enterprise", "holder", "since"),
        search_fields=("name", "latin_name", "strain_number", "holder"), contact_fields=("contact_phone",),
        aliases={"name": ("菌种", "菌株名称", "名称"), "latin_name": ("学名", "拉丁名"),
                 "strain_number": ("保藏编号", "菌株编号", "编号"), "use": ("应用领域", "用途类别"),
                 "function": ("功能", "特性", "功能描述"), "holder": ("保藏单位", "持有单位", "依托单位"),
                 "enterprise": ("企业", "应用企业", "持有企业"), **CONTACT_ALIASES},
        match_on=("strain_number", "name"), measure_words=STRAIN_WORDS, since_label="入库日期", until_label="出库日期",
        description="菌种名称、拉丁学名、用途、保藏/持有单位与保藏、研发、产业化状态",
    ),
    Registry(
        key="scenario", name="农业招商场景清单", model=Scenario, group=GROUP,
        form_fields=("name", "direction", "chain", "location", "content", "investment_wan", "target_enterprises", "status",
                     "project", "contact_name", "contact_phone"),
        columns=("name", "direction", "chain", "location", "investment_wan", "status", "project", "since"),
        filters=("direction", "chain", "status", "investment_wan", "since"),
        search_fields=("name", "location", "contact_name"), contact_fields=("contact_phone",), totals=("investment_wan",),
        aliases={"name": ("场景", "名称", "应用场景"), "direction": ("方向", "类别"), "chain": ("产业链",),
                 "location": ("地点", "位置", "所在地"), "content": ("场景内容", "建设内容", "需求内容"),
                 "investment_wan": ("投资额(万元)", "投资估算", "总投资(万元)"), "target_enterprises": ("目标企业名单", "对接企业"),
                 "status": ("进展", "对接状态"), "project": ("项目", "落地项目名称"), **CONTACT_ALIASES},
        measure_words=SCENARIO_WORDS, since_label="发布日期", until_label="下架日期",
        description="智慧农业、冷链加工、农旅融合等农业招商场景：地点、投资、目标企业与对接落地情况",
    ),
    Registry(
        key="energy_project", name="能源项目库", model=EnergyProject, group=GROUP,
        form_fields=("name", "kind", "capacity", "capacity_unit", "investment_wan", "stage", "location", "park", "investor",
                     "enterprise", "progress", "updated_on", "project", "contact_name", "contact_phone"),
        columns=("name", "kind", "capacity", "capacity_unit", "investment_wan", "stage", "park", "investor", "updated_on"),
        filters=("kind", "stage", "park", "investment_wan", "updated_on"),
        search_fields=("name", "investor", "location"), contact_fields=("contact_phone",), totals=("investment_wan",),
        aliases={"name": ("项目", "能源项目名称"), "kind": ("类型", "项目类型", "能源种类"),
                 "capacity": ("规模", "装机容量", "建设规模(数值)"), "capacity_unit": ("单位", "容量单位"),
                 "investment_wan": ("总投资", "计划总投资(万元)", "投资额(万元)"), "stage": ("阶段", "项目状态", "进度阶段"),
                 "location": ("地点", "建设地址"), "park": ("园区", "所属园区"), "investor": ("业主单位", "建设单位"),
                 "enterprise": ("企业",), "progress": ("进展", "形象进度"), "updated_on": ("更新日期", "更新时间"),
                 "project": ("招商项目名称",), **CONTACT_ALIASES},
        measure_words=ENERGY_WORDS, since_label="入库日期", until_label="出库日期",
        description="光伏、风电、储能、氢能、天然气等能源项目：规模、投资、阶段与最近进展（动态更新）",
    ),
    Registry(
        key="promo_project", name="策划推介项目库", model=PromoProject, group=GROUP,
        form_fields=("name", "chain", "content", "investment_wan", "land_mu", "location", "park", "status", "pitched_to",
                     "project", "contact_name", "contact_phone"),
        columns=("name", "chain", "investment_wan", "land_mu", "park", "status", "project", "since"),
        filters=("chain", "status", "park", "investment_wan", "land_mu", "since"),
        search_fields=("name", "location", "contact_name"), contact_fields=("contact_phone",),
        totals=("investment_wan", "land_mu"),
        aliases={"name": ("项目", "推介项目名称"), "chain": ("产业链",), "content": ("建设内容及规模", "项目内容"),
                 "investment_wan": ("总投资", "投资额(万元)", "计划总投资(万元)"), "land_mu": ("用地面积(亩)", "用地", "占地(亩)"),
                 "location": ("选址", "建设地点"), "park": ("园区", "所属园区"), "status": ("进展", "推介状态"),
                 "pitched_to": ("推介企业", "对接企业"), "project": ("签约项目名称",), **CONTACT_ALIASES},
        measure_words=PROMO_WORDS, since_label="入库日期", until_label="出库日期",
        description="策划包装的招商项目：产业链、投资、用地、推介对象与签约情况",
    ),
]
