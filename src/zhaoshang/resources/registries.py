"""The resource registries as the kit mounts them (pages, API, Excel, search, counting)."""

from zhaoshang.registries.kit import Registry
from zhaoshang.resources.models import Building, EnergySupply, Land, Logistics, Mineral, Park

GROUP = "资源要素数据库"
RESOURCE_WORDS = ("资源要素数据库", "生产要素")
CONTACT_ALIASES = {"contact_name": ("联系人姓名", "负责人"), "contact_phone": ("联系方式", "电话", "手机")}
INFRASTRUCTURE_FIELDS = ("has_road", "has_power", "has_water", "has_drainage", "has_gas", "has_telecom", "has_steam",
                         "is_levelled")

REGISTRIES = [
    Registry(
        key="park", name="园区", model=Park, group=GROUP,
        form_fields=("name", "level", "area_mu", "leading_chains", "manager", "address", "longitude", "latitude",
                     "contact_name", "contact_phone"),
        columns=("name", "level", "area_mu", "leading_chains", "manager", "contact_name", "contact_phone"),
        filters=("level",), search_fields=("name", "leading_chains", "manager"), contact_fields=("contact_phone",),
        totals=("area_mu",), aliases={"name": ("园区", "名称"), "area_mu": ("规划面积", "面积(亩)", "面积")},
        measure_words=RESOURCE_WORDS, since_label="设立日期", until_label="撤销日期",
        description="园区级别、面积、主导产业与管理机构",
    ),
    Registry(
        key="land", name="土地/地块", model=Land, group=GROUP,
        form_fields=("plot_number", "name", "park", "location", "area_mu", "land_use", "status", "price_wan_per_mu",
                     "plot_ratio", *INFRASTRUCTURE_FIELDS, "longitude", "latitude", "project", "contact_name",
                     "contact_phone"),
        columns=("name", "plot_number", "park", "area_mu", "land_use", "status", "price_wan_per_mu", "plot_ratio", "project"),
        filters=("park", "land_use", "status", "area_mu", "price_wan_per_mu"),
        search_fields=("name", "plot_number", "location", "contact_name"), contact_fields=("contact_phone",),
        totals=("area_mu",),
        aliases={"plot_number": ("宗地编号", "编号", "地块号"), "name": ("地块", "名称"),
                 "park": ("园区", "所属园区"), "location": ("坐落", "位置", "四至", "土地坐落"),
                 "area_mu": ("面积", "出让面积(亩)", "用地面积(亩)", "面积（亩）"), "land_use": ("用途", "规划用途"),
                 "status": ("状态",), "price_wan_per_mu": ("价格(万元/亩)", "挂牌价", "起始价(万元/亩)", "地价(万元/亩)"),
                 "plot_ratio": ("容积率（上限）",), "project": ("项目", "用地项目"), **CONTACT_ALIASES},
        match_on=("plot_number", "name"), measure_words=RESOURCE_WORDS, since_label="收储/入库日期", until_label="出让日期",
        description="地块面积、用途、供地状态、价格与七通一平",
    ),
    Registry(
        key="building", name="标准厂房/楼宇", model=Building, group=GROUP,
        form_fields=("name", "kind", "park", "address", "floor_area_sqm", "vacant_area_sqm", "floors", "floor_height_m",
                     "floor_load_t", "crane_t", "status", "rent_yuan", "price_wan", "owner", "project", "longitude",
                     "latitude", "contact_name", "contact_phone"),
        columns=("name", "kind", "park", "floor_area_sqm", "vacant_area_sqm", "floors", "crane_t", "status", "rent_yuan",
                 "price_wan", "project"),
        filters=("park", "kind", "status", "floor_area_sqm", "rent_yuan"),
        search_fields=("name", "owner", "address", "contact_name"), contact_fields=("contact_phone",),
        totals=("floor_area_sqm", "vacant_area_sqm"),
        aliases={"name": ("名称", "厂房名称", "楼宇名称", "栋号"), "kind": ("类型",), "park": ("园区", "所属园区"),
                 "floor_area_sqm": ("建筑面积", "面积(㎡)", "面积（平方米）", "建筑面积(平方米)"),
                 "vacant_area_sqm": ("可租面积", "空置面积", "可租售面积"), "floor_load_t": ("承重", "荷载(吨/㎡)"),
                 "crane_t": ("行车", "行车(吨)", "吊车(吨)"), "status": ("状态", "租售情况"),
                 "rent_yuan": ("租金", "租金(元/平方米·月)"), "price_wan": ("售价",), "owner": ("产权人", "业主"),
                 "project": ("项目", "入驻企业项目"), **CONTACT_ALIASES},
        measure_words=RESOURCE_WORDS, since_label="建成日期", until_label="停用日期",
        description="标准厂房、楼宇等载体的面积、承重、行车与租售",
    ),
    Registry(
        key="energy", name="能源", model=EnergySupply, group=GROUP,
        form_fields=("kind", "name", "park", "location", "capacity", "capacity_unit", "price", "price_unit", "operator",
                     "contact_name", "contact_phone"),
        columns=("name", "kind", "park", "capacity", "capacity_unit", "price", "price_unit", "operator"),
        filters=("kind", "park"), search_fields=("name", "operator", "location"), contact_fields=("contact_phone",),
        aliases={"kind": ("类型", "能源种类"), "name": ("名称", "供应点"), "capacity": ("能力", "容量", "供应量"),
                 "price": ("单价",), "operator": ("运营商", "供应单位"), **CONTACT_ALIASES},
        measure_words=RESOURCE_WORDS, since_label="投运日期", until_label="停运日期",
        description="电、气、汽、储能等供应点的能力与价格",
    ),
    Registry(
        key="mineral", name="矿产", model=Mineral, group=GROUP,
        form_fields=("kind", "name", "location", "area_km2", "reserve", "reserve_unit", "grade", "status", "holder",
                     "right_number"),
        columns=("name", "kind", "reserve", "reserve_unit", "grade", "status", "holder"),
        filters=("kind", "status"), search_fields=("name", "holder", "right_number"),
        aliases={"kind": ("矿产种类", "矿种名称"), "name": ("矿区名称", "矿产地", "名称"), "reserve": ("储量", "保有资源量"),
                 "status": ("状态",), "holder": ("采矿权人", "探矿权人"), "right_number": ("许可证号", "采矿许可证号", "证号")},
        match_on=("right_number", "name"), measure_words=RESOURCE_WORDS, since_label="矿业权有效期起",
        until_label="矿业权有效期止", description="矿种、储量、品位与矿业权",
    ),
    Registry(
        key="logistics", name="物流", model=Logistics, group=GROUP,
        form_fields=("kind", "name", "park", "location", "capacity", "capacity_unit", "area_sqm", "operator",
                     "contact_name", "contact_phone"),
        columns=("name", "kind", "park", "capacity", "capacity_unit", "area_sqm", "operator"),
        filters=("kind", "park"), search_fields=("name", "operator", "location"), contact_fields=("contact_phone",),
        aliases={"kind": ("类型", "设施类别"), "name": ("名称", "设施名称"), "capacity": ("吞吐能力", "能力", "库容"),
                 "operator": ("运营商", "经营单位"), **CONTACT_ALIASES},
        measure_words=RESOURCE_WORDS, since_label="投运日期", until_label="停运日期",
        description="港口码头、铁路货场、仓储冷链与物流园",
    ),
]
