"""The 楚商四库, the associations and the events as the kit mounts them (pages, API, Excel, search, counting)."""

from zhaoshang.network.models import Alumnus, Association, Chucai, Chushang, Event, ListedCompany
from zhaoshang.registries.kit import Registry

GROUP = "楚商四库与招商活动"
# the words of the measures that order them: task 13 (分类建立楚商信息、楚才名录、校友资源、上市企业“四库”), task 15
# (与…商协会的长效沟通桥梁) and task 14 (以“楚商回乡 共建支点”为主题，举办系列活动)
# (a bare "四库" would also name task 10's 英才、俊才、专才、匠才四库, which comes first)
SIKU_WORDS = ("“四库”",)
REFERRER_KEYS = ("chushang", "association", "event", "platform")  # what a project's 引荐来源 can be (platform: platforms app)

REGISTRIES = [
    Registry(
        key="chushang", name="楚商信息", model=Chushang, group=GROUP,
        form_fields=("name", "hometown", "company", "position", "region", "industry", "association", "phone", "wechat",
                     "email", "liaison_leader", "liaison", "tier", "last_contact_on"),
        columns=("name", "company", "position", "region", "industry", "association", "tier", "liaison_leader", "phone",
                 "last_contact_on"),
        filters=("tier", "region", "industry", "association", "hometown", "last_contact_on"),
        search_fields=("name", "company", "region", "industry", "hometown", "liaison_leader", "liaison"),
        contact_fields=("phone", "wechat", "email"),
        aliases={"name": ("楚商姓名", "企业家姓名"), "company": ("企业", "公司名称", "所在企业"), "hometown": ("籍贯", "家乡镇街"),
                 "region": ("所在地", "经商地", "工作地区"), "phone": ("手机号", "手机号码", "联系电话"), "association": ("商会",),
                 "liaison_leader": ("联系市领导",), "last_contact_on": ("最近联系时间", "最后联系日期")},
        match_on=("phone", "name"), measure_words=("楚商信息", *SIKU_WORDS), since_label="入库日期", until_label="出库日期",
        description="在外经商的本市籍企业家：企业、职务、地区、行业、所属商会与联系领导",
    ),
    Registry(
        key="chucai", name="楚才名录", model=Chucai, group=GROUP,
        form_fields=("name", "field", "employer", "title", "region", "phone", "email"),
        columns=("name", "field", "employer", "title", "region", "phone"),
        filters=("field", "region"), search_fields=("name", "field", "employer", "title"), contact_fields=("phone", "email"),
        aliases={"field": ("领域", "专业"), "employer": ("单位", "工作单位/企业"), "title": ("职称", "职务"),
                 "phone": ("手机", "手机号")},
        match_on=("phone", "name"), measure_words=("楚才名录", *SIKU_WORDS), since_label="入库日期", until_label="出库日期",
        description="本市籍专业人才：专业领域、工作单位、职称与所在地区",
    ),
    Registry(
        key="alumni", name="校友资源", model=Alumnus, group=GROUP,
        form_fields=("name", "school", "graduation_year", "employer", "position", "region", "phone", "email"),
        columns=("name", "school", "graduation_year", "employer", "position", "region", "phone"),
        filters=("school", "graduation_year", "region"), search_fields=("name", "school", "employer", "position"),
        contact_fields=("phone", "email"),
        aliases={"school": ("学校", "毕业院校"), "graduation_year": ("毕业年度", "届别"), "employer": ("单位", "工作单位/企业"),
                 "phone": ("手机", "手机号")},
        match_on=("phone", "name"), measure_words=("校友资源", *SIKU_WORDS), since_label="入库日期", until_label="出库日期",
        description="校友：毕业学校与年份、工作单位、职务与所在地区",
    ),
    Registry(
        key="listed", name="上市企业", model=ListedCompany, group=GROUP,
        form_fields=("name", "exchange", "stock_code", "industry", "ties", "market_cap_yi", "contact_name", "contact_phone"),
        columns=("name", "exchange", "stock_code", "industry", "market_cap_yi", "contact_name", "contact_phone"),
        filters=("exchange", "industry", "market_cap_yi"), search_fields=("name", "stock_code", "industry", "contact_name"),
        contact_fields=("contact_phone",), totals=("market_cap_yi",),
        aliases={"name": ("公司名称", "企业", "证券简称"), "exchange": ("交易所", "上市板块"), "stock_code": ("证券代码", "代码"),
                 "market_cap_yi": ("市值", "总市值(亿元)", "总市值"), "ties": ("渊源", "与我市关系")},
        match_on=("stock_code", "name"), measure_words=("上市企业", *SIKU_WORDS),
        since_label="上市日期", until_label="退市日期",
        description="与本市有渊源的上市企业：上市地、股票代码、行业与市值",
    ),
    Registry(
        key="association", name="商协会", model=Association, group=GROUP,
        form_fields=("name", "kind", "region", "president", "president_company", "members_count", "secretary",
                     "secretary_phone"),
        columns=("name", "kind", "region", "president", "members_count", "secretary", "secretary_phone"),
        filters=("kind", "region", "members_count"), search_fields=("name", "region", "president", "president_company", "secretary"),
        contact_fields=("secretary_phone",), totals=("members_count",),
        aliases={"name": ("商会名称", "协会名称", "商会"), "members_count": ("会员数量", "会员人数"),
                 "secretary_phone": ("秘书长手机", "联系电话")},
        measure_words=("商协会",), since_label="成立日期", until_label="注销日期",
        description="异地商会、行业协会等：所在地区、会长、会员数与秘书长",
    ),
    Registry(
        key="event", name="招商活动", model=Event, group=GROUP,
        form_fields=("name", "kind", "place", "organiser_unit", "attendees_count", "results"),
        columns=("name", "kind", "since", "place", "organiser_unit", "attendees_count"),
        filters=("kind", "since", "organiser_unit", "attendees_count"), search_fields=("name", "place"),
        totals=("attendees_count",),
        aliases={"name": ("活动", "活动主题"), "kind": ("类型", "活动形式"), "place": ("地点", "举办地点"),
                 "organiser_unit": ("主办单位", "承办单位"), "attendees_count": ("参会人数", "人数")},
        measure_words=("共建支点", "楚商回乡"), since_label="活动日期", until_label="结束日期",
        description="恳谈会、推介会、线上互通会、线下对接会、回乡考察、招聘会：参会者和引荐的项目见各活动页",
        ordering=("-since", "-id"),
    ),
]
