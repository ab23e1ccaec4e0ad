"""The resource registries (资源要素数据库: 土地、矿产、能源、物流及园区主要生产要素): parks, plots, buildings, energy
supply, minerals and logistics, each a typed registry on the shared kit (registries.models.RegistryEntry)."""

from django.core.exceptions import ValidationError
from django.db import models

from zhaoshang.registries.models import RegistryEntry
from zhaoshang.registries.rules import amount_field, number_or_none, positive_errors, unit_errors
from zhaoshang.resources.choices import (BuildingKind, BuildingStatus, EnergyKind, LandStatus, LandUse, LogisticsKind,
                                         MineralKind, MineralStatus, ParkLevel)

MAX_PLOT_RATIO = 20


def _amount(verbose_name: str, digits: int = 12, places: int = 2, **options) -> models.DecimalField:
    return amount_field(verbose_name, digits, places, **options)




def _coordinates_errors(row) -> dict:
    errors = {}
    longitude, latitude = number_or_none(row.longitude), number_or_none(row.latitude)
    if longitude is not None and not -180 <= longitude <= 180:
        errors["longitude"] = "经度应在-180至180之间"
    if latitude is not None and not -90 <= latitude <= 90:
        errors["latitude"] = "纬度应在-90至90之间"
    return errors






class Park(RegistryEntry):
    """An industrial park (园区): its level, area, leading chains and who runs it."""

    name = models.CharField("园区名称", max_length=100)
    level = models.CharField("级别", max_length=12, choices=ParkLevel.choices, default=ParkLevel.CITY)
    area_mu = models.DecimalField("规划面积(亩)", max_digits=12, decimal_places=2, null=True, blank=True)
    leading_chains = models.CharField("主导产业", max_length=200, blank=True)
    manager = models.CharField("管理机构", max_length=100, blank=True)
    address = models.CharField("地址", max_length=200, blank=True)
    longitude = models.DecimalField("经度", max_digits=9, decimal_places=6, null=True, blank=True)
    latitude = models.DecimalField("纬度", max_digits=9, decimal_places=6, null=True, blank=True)
    contact_name = models.CharField("联系人", max_length=30, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True)

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "园区"
        indexes = [models.Index(fields=["deleted_at", "level"], name="park_level")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        errors = _coordinates_errors(self) | positive_errors(self, {"area_mu": "规划面积"})
        if errors:
            raise ValidationError(errors)


# 七通一平: what a plot is served by, in the order investors read it
INFRASTRUCTURE = (("has_road", "通路"), ("has_power", "通电"), ("has_water", "通水"), ("has_drainage", "通排水"),
                  ("has_gas", "通气"), ("has_telecom", "通讯"), ("has_steam", "通热力"), ("is_levelled", "场地平整"))


class Land(RegistryEntry):
    """A plot (地块): where it lies, how large, what for, whether it can be had and at what price, what it is served
    by; `since` is when it was stored (收储/入库), `until` when it was sold (出让)."""

    plot_number = models.CharField("地块编号", max_length=40, blank=True)
    name = models.CharField("地块名称", max_length=100)
    park = models.ForeignKey(Park, null=True, blank=True, on_delete=models.SET_NULL, related_name="plots", verbose_name="所在园区")
    location = models.CharField("坐落位置/四至", max_length=200, blank=True)
    area_mu = models.DecimalField("面积(亩)", max_digits=12, decimal_places=2)
    land_use = models.CharField("土地用途", max_length=12, choices=LandUse.choices, default=LandUse.INDUSTRIAL)
    status = models.CharField("供地状态", max_length=12, choices=LandStatus.choices, default=LandStatus.AVAILABLE)
    price_wan_per_mu = _amount("挂牌/意向价格(万元/亩)", 10)
    plot_ratio = _amount("容积率", 5)
    has_road = models.BooleanField("通路", default=False)
    has_power = models.BooleanField("通电", default=False)
    has_water = models.BooleanField("通水", default=False)
    has_drainage = models.BooleanField("通排水", default=False)
    has_gas = models.BooleanField("通气", default=False)
    has_telecom = models.BooleanField("通讯", default=False)
    has_steam = models.BooleanField("通热力", default=False)
    is_levelled = models.BooleanField("场地平整", default=False)
    longitude = _amount("经度", 9, 6)
    latitude = _amount("纬度", 9, 6)
    project = models.ForeignKey("projects.Project", null=True, blank=True, on_delete=models.SET_NULL, related_name="plots",
                                verbose_name="落户项目")
    contact_name = models.CharField("联系人", max_length=30, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True)

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "土地/地块"
        indexes = [models.Index(fields=["deleted_at", "status", "land_use"], name="land_status_use"),
                   models.Index(fields=["deleted_at", "park", "status"], name="land_park_status"),
                   models.Index(fields=["deleted_at", "plot_number"], name="land_plot_number")]

    def __str__(self) -> str:
        return f"{self.plot_number} {self.name}" if self.plot_number else self.name

    @property
    def infrastructure(self) -> list[str]:
        return [label for name, label in INFRASTRUCTURE if getattr(self, name)]

    def clean(self):
        super().clean()
        errors = _coordinates_errors(self)
        errors |= positive_errors(self, {"area_mu": "面积", "price_wan_per_mu": "价格"})
        plot_ratio = number_or_none(self.plot_ratio)
        if plot_ratio is not None and not 0 < plot_ratio <= MAX_PLOT_RATIO:
            errors["plot_ratio"] = f"容积率应大于0且不超过{MAX_PLOT_RATIO}"
        if self.status == LandStatus.SOLD and self.project_id is None and self.until is None:
            errors["status"] = "已出让的地块请填写落户项目或出让日期"
        if self.status != LandStatus.SOLD and self.until is not None:
            errors["until"] = "只有已出让的地块才有出让日期"
        if errors:
            raise ValidationError(errors)


class Building(RegistryEntry):
    """A standard factory, office building or other carrier (标准厂房/楼宇/载体): its size, load, crane, whether it can
    be rented or bought and for how much; `since` is when it was completed."""

    name = models.CharField("载体名称/栋号", max_length=100)
    kind = models.CharField("载体类型", max_length=12, choices=BuildingKind.choices, default=BuildingKind.FACTORY)
    park = models.ForeignKey(Park, null=True, blank=True, on_delete=models.SET_NULL, related_name="buildings", verbose_name="所在园区")
    address = models.CharField("地址", max_length=200, blank=True)
    floor_area_sqm = models.DecimalField("建筑面积(㎡)", max_digits=12, decimal_places=2)
    vacant_area_sqm = _amount("可租售面积(㎡)")
    floors = models.PositiveSmallIntegerField("层数", null=True, blank=True)
    floor_height_m = _amount("首层层高(米)", 5)
    floor_load_t = _amount("楼面承重(吨/㎡)", 6)
    crane_t = models.DecimalField("行车吨位(吨，0为无)", max_digits=6, decimal_places=1, default=0)
    status = models.CharField("租售状态", max_length=12, choices=BuildingStatus.choices, default=BuildingStatus.FOR_RENT)
    rent_yuan = _amount("租金(元/㎡·月)", 8)
    price_wan = _amount("售价(万元)")
    owner = models.CharField("产权单位", max_length=100, blank=True)
    project = models.ForeignKey("projects.Project", null=True, blank=True, on_delete=models.SET_NULL, related_name="buildings",
                                verbose_name="入驻项目")
    longitude = _amount("经度", 9, 6)
    latitude = _amount("纬度", 9, 6)
    contact_name = models.CharField("联系人", max_length=30, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True)

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "标准厂房/楼宇"
        indexes = [models.Index(fields=["deleted_at", "status", "kind"], name="building_status_kind"),
                   models.Index(fields=["deleted_at", "park", "status"], name="building_park_status")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        errors = _coordinates_errors(self)
        errors |= positive_errors(self, {"floor_area_sqm": "建筑面积", "vacant_area_sqm": "可租售面积", "floors": "层数",
                                          "floor_height_m": "层高", "floor_load_t": "楼面承重", "crane_t": "行车吨位",
                                          "rent_yuan": "租金", "price_wan": "售价"}, zero_ok=("crane_t", "vacant_area_sqm"))
        vacant, floor_area = number_or_none(self.vacant_area_sqm), number_or_none(self.floor_area_sqm)
        if vacant is not None and floor_area is not None and vacant > floor_area:
            errors["vacant_area_sqm"] = "可租售面积不能大于建筑面积"
        if self.status == BuildingStatus.FOR_RENT and self.price_wan is not None and self.rent_yuan is None:
            errors["status"] = "只填了售价，租售状态应为“可售”或“可租可售”"
        if errors:
            raise ValidationError(errors)


class EnergySupply(RegistryEntry):
    """A point of energy supply (能源): a substation, gas gate station, steam network, salt-cavern storage, solar or
    hydrogen plant, with its capacity and price; `since` is when it went into service."""

    kind = models.CharField("能源类型", max_length=12, choices=EnergyKind.choices, default=EnergyKind.POWER)
    name = models.CharField("名称", max_length=100)
    park = models.ForeignKey(Park, null=True, blank=True, on_delete=models.SET_NULL, related_name="energy_supplies",
                             verbose_name="所在园区")
    location = models.CharField("位置", max_length=200, blank=True)
    capacity = _amount("供应能力", 14, 2)
    capacity_unit = models.CharField("能力单位", max_length=20, blank=True, help_text="如：兆伏安、万立方米/日、吨/小时、兆瓦")
    price = _amount("价格", 10, 4)
    price_unit = models.CharField("价格单位", max_length=20, blank=True, help_text="如：元/千瓦时、元/立方米、元/吨")
    operator = models.CharField("运营单位", max_length=100, blank=True)
    contact_name = models.CharField("联系人", max_length=30, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True)

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "能源"
        indexes = [models.Index(fields=["deleted_at", "kind"], name="energy_kind")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        errors = positive_errors(self, {"capacity": "供应能力", "price": "价格"}, zero_ok=("price",))
        errors |= unit_errors(self, {"capacity": ("capacity_unit", "供应能力"), "price": ("price_unit", "价格")})
        if errors:
            raise ValidationError(errors)


class Mineral(RegistryEntry):
    """A mineral deposit (矿产): kind, reserve, grade and the mining right on it; `since`/`until` are the right's term."""

    kind = models.CharField("矿种", max_length=12, choices=MineralKind.choices)
    name = models.CharField("矿区/矿产地名称", max_length=100)
    location = models.CharField("位置", max_length=200, blank=True)
    area_km2 = _amount("矿区面积(平方千米)", 10, 3)
    reserve = _amount("资源储量", 14, 2)
    reserve_unit = models.CharField("储量单位", max_length=20, blank=True, help_text="如：亿吨、万吨、亿立方米")
    grade = models.CharField("品位/品级", max_length=60, blank=True)
    status = models.CharField("矿业权状态", max_length=12, choices=MineralStatus.choices, default=MineralStatus.AVAILABLE)
    holder = models.CharField("矿业权人", max_length=100, blank=True)
    right_number = models.CharField("矿业权证号", max_length=60, blank=True)

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "矿产"
        indexes = [models.Index(fields=["deleted_at", "kind", "status"], name="mineral_kind_status"),
                   models.Index(fields=["deleted_at", "right_number"], name="mineral_right_number")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        errors = positive_errors(self, {"reserve": "资源储量", "area_km2": "矿区面积"})
        errors |= unit_errors(self, {"reserve": ("reserve_unit", "资源储量")})
        if self.status in (MineralStatus.SOLD, MineralStatus.MINING) and not self.holder.strip():
            errors["holder"] = "已出让或开采中的矿产请填写矿业权人"
        if errors:
            raise ValidationError(errors)


class Logistics(RegistryEntry):
    """A logistics facility (物流): a port, wharf, rail freight yard, warehouse, cold chain, logistics park or road hub,
    with its capacity; `since` is when it went into service."""

    kind = models.CharField("设施类型", max_length=16, choices=LogisticsKind.choices)
    name = models.CharField("名称", max_length=100)
    park = models.ForeignKey(Park, null=True, blank=True, on_delete=models.SET_NULL, related_name="logistics",
                             verbose_name="所在园区")
    location = models.CharField("位置", max_length=200, blank=True)
    capacity = _amount("能力", 14, 2)
    capacity_unit = models.CharField("能力单位", max_length=20, blank=True, help_text="如：万吨/年、万标箱/年、万立方米、吨")
    area_sqm = _amount("占地/库房面积(㎡)")
    operator = models.CharField("运营单位", max_length=100, blank=True)
    contact_name = models.CharField("联系人", max_length=30, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True)

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "物流"
        indexes = [models.Index(fields=["deleted_at", "kind"], name="logistics_kind")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        errors = positive_errors(self, {"capacity": "能力", "area_sqm": "面积"})
        errors |= unit_errors(self, {"capacity": ("capacity_unit", "能力")})
        if errors:
            raise ValidationError(errors)
