"""The talent registries as the kit mounts them (pages, API, Excel, search, counting)."""

from zhaoshang.registries.kit import Registry
from zhaoshang.talent.models import Placement, Talent, TalentDemand, TrainingBase

GROUP = "人才"
# the words of task 10's measures: 1. 建成重点产业的英才、俊才、专才、匠才四库 2. 建立全市工业企业人才需求信息库。加强院校、
# 培训机构合作,定向培训……定向输送20名以上适配产业需求的技能人才 (the 政企学研 base is named in the task's target only)
CONTACT_ALIASES = {"contact_name": ("联系人姓名", "负责人"), "contact_phone": ("联系方式", "电话", "手机", "手机号")}
ENTERPRISE_ALIASES = ("企业", "用人单位", "用工企业")

REGISTRIES = [
    Registry(
        key="talent", name="人才四库", model=Talent, group=GROUP,
        form_fields=("name", "tier", "field", "chain", "employer", "employer_name", "title", "education", "skill_level",
                     "is_introduced", "phone", "email", "liaison", "services", "subsidy_wan"),
        columns=("name", "tier", "field", "chain", "employer_name", "title", "education", "since", "phone"),
        filters=("tier", "chain", "field", "education", "skill_level", "is_introduced", "employer", "since"),
        search_fields=("name", "employer_name", "field", "title", "liaison"), contact_fields=("phone", "email"),
        totals=("subsidy_wan",),
        aliases={"name": ("人才姓名",), "tier": ("类别", "人才库", "所属人才库"), "field": ("领域", "专业", "专业方向"),
                 "chain": ("产业链", "重点产业"), "employer": ("所在企业",), "employer_name": ("工作单位/企业", "单位", "所在单位"),
                 "title": ("职称", "职务"), "skill_level": ("职业技能等级",), "phone": ("手机", "手机号", "手机号码"),
                 "services": ("服务保障", "已提供服务"), "subsidy_wan": ("补贴(万元)", "补贴金额(万元)"),
                 "is_introduced": ("是否引进",)},
        match_on=("phone",), measure_words=("英才、俊才、专才、匠才", "匠才四库"),
        since_label="入库日期", until_label="出库日期",
        description="英才、俊才、专才、匠才：专业领域、产业链、工作单位、职称与已提供的服务保障",
    ),
    Registry(
        key="talent_demand", name="企业人才需求", model=TalentDemand, group=GROUP,
        form_fields=("code", "enterprise", "enterprise_name", "name", "chain", "headcount", "filled_count", "education",
                     "skill_level", "skills", "salary_min_wan", "salary_max_wan", "due_on", "status", "contact_name",
                     "contact_phone"),
        columns=("enterprise_name", "name", "chain", "headcount", "filled_count", "education", "due_on", "status"),
        filters=("status", "chain", "enterprise", "education", "skill_level", "headcount", "due_on", "since"),
        search_fields=("name", "enterprise_name", "code", "contact_name"), contact_fields=("contact_phone",),
        totals=("headcount", "filled_count"),
        aliases={"code": ("编号", "需求编码"), "enterprise": ENTERPRISE_ALIASES, "enterprise_name": ("企业全称", "用人单位名称"),
                 "name": ("岗位", "岗位名称", "招聘岗位"), "chain": ("产业链", "所属行业"),
                 "headcount": ("人数", "招聘人数", "需求数量"), "filled_count": ("到岗人数", "已招聘人数"),
                 "skills": ("技能要求", "专业要求", "任职要求", "岗位要求"), "salary_min_wan": ("年薪下限",),
                 "salary_max_wan": ("年薪上限",), "due_on": ("截止日期", "需求时间", "到岗时间"), **CONTACT_ALIASES},
        match_on=("code",), measure_words=("人才需求信息库", "人才需求库"), since_label="登记日期", until_label="结束日期",
        description="工业企业的用人需求：岗位、人数、技能要求、截止日期与到岗情况",
        ordering=("-since", "-id"),
    ),
    Registry(
        key="training_base", name="政企学研联合培养基地", model=TrainingBase, group=GROUP,
        form_fields=("name", "school", "enterprise", "enterprise_name", "research_partner", "chain", "level",
                     "programme", "students_per_year", "trained_total", "placed_total", "contact_name", "contact_phone"),
        columns=("name", "school", "enterprise_name", "chain", "level", "programme", "students_per_year", "since"),
        filters=("level", "chain", "enterprise", "school", "students_per_year", "since"),
        search_fields=("name", "school", "enterprise_name", "research_partner", "programme"),
        contact_fields=("contact_phone",), totals=("students_per_year", "trained_total", "placed_total"),
        aliases={"name": ("基地", "基地名称/牌子"), "school": ("院校", "合作院校", "培训机构"), "enterprise": ("企业",),
                 "enterprise_name": ("合作企业全称",), "research_partner": ("科研机构", "合作科研院所"),
                 "chain": ("产业链",), "programme": ("专业", "培养方向", "培训项目"),
                 "students_per_year": ("年培养人数", "每年培养人数"), **CONTACT_ALIASES},
        measure_words=("联合培养基地", "培训机构合作", "定向培训"), since_label="挂牌日期", until_label="终止日期",
        description="院校、企业、科研机构联合培养人才的基地：合作各方、培养方向与规模",
    ),
    Registry(
        key="placement", name="技能人才输送", model=Placement, group=GROUP,
        form_fields=("name", "headcount", "enterprise", "enterprise_name", "school", "training_base", "demand", "post",
                     "skill_level", "chain", "is_targeted"),
        columns=("name", "headcount", "enterprise_name", "school", "post", "skill_level", "is_targeted", "since"),
        filters=("enterprise", "chain", "training_base", "school", "skill_level", "is_targeted", "since"),
        search_fields=("name", "enterprise_name", "school", "post"), totals=("headcount",),
        aliases={"name": ("姓名", "批次", "批次名称"), "headcount": ("输送人数",), "enterprise": ENTERPRISE_ALIASES,
                 "enterprise_name": ("接收单位", "用工单位名称"), "school": ("院校", "毕业院校", "培训机构", "来源"),
                 "training_base": ("基地",), "demand": ("人才需求", "需求编号"), "post": ("岗位", "工种"),
                 "skill_level": ("技能等级证书",), "is_targeted": ("是否定向培养", "定向")},
        match_on=(), measure_words=("定向输送", "技能人才"), since_label="输送日期", until_label="离职日期",
        description="输送到企业的技能人才：一人一行或整批，接收企业、院校、岗位与是否定向培养",
        ordering=("-since", "-id"),
    ),
]
