"""Reads of the resource registries beyond the kit's generic ones: the investor's page of what can be had now
(可供资源): plots still to be sold and buildings not yet let or sold, grouped by park, under one filter that the page
and its Excel export share, with the columns both show declared once here so they never disagree."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

import django_filters
from django.urls import reverse

from zhaoshang.core.query_params import QueryFilterSet
from zhaoshang.resources.choices import AVAILABLE_BUILDING, AVAILABLE_LAND, LandUse
from zhaoshang.resources.models import Building, Land, Park

NO_PARK = "未归属园区"
NEGOTIABLE = "面议"


class ResourceKind(django_filters.ChoiceFilter):
    """资源类型: both, only plots or only buildings; each list's filter empties itself when the other is asked for."""

    CHOICES = (("land", "土地"), ("building", "厂房/楼宇"))

    def __init__(self, own: str):
        super().__init__(choices=self.CHOICES, label="资源类型", empty_label="全部",
                         method=lambda queryset, name, value: queryset.none() if value and value != own else queryset)


def _park_filter():
    return django_filters.ModelChoiceFilter(field_name="park", queryset=Park.objects.order_by("name"), label="园区",
                                            empty_label="全部园区")


class AvailableLandFilter(QueryFilterSet):
    """The plots part of the investor page's filter (park, kind, land use, area in 亩)."""

    park = _park_filter()
    kind = ResourceKind("land")
    land_use = django_filters.ChoiceFilter(choices=LandUse.choices, label="土地用途", empty_label="全部用途")
    area_min = django_filters.NumberFilter(field_name="area_mu", lookup_expr="gte", label="地块面积不低于(亩)")
    area_max = django_filters.NumberFilter(field_name="area_mu", lookup_expr="lte", label="地块面积不高于(亩)")

    class Meta:
        model = Land
        fields: list[str] = []


class AvailableBuildingFilter(QueryFilterSet):
    """The buildings part of the same filter (park, kind, floor area in ㎡); land use and 亩 do not apply to them."""

    park = _park_filter()
    kind = ResourceKind("building")
    floor_area_min = django_filters.NumberFilter(field_name="floor_area_sqm", lookup_expr="gte", label="建筑面积不低于(㎡)")
    floor_area_max = django_filters.NumberFilter(field_name="floor_area_sqm", lookup_expr="lte", label="建筑面积不高于(㎡)")

    class Meta:
        model = Building
        fields: list[str] = []


@dataclass(frozen=True)
class ResourceColumn:
    label: str
    value: Callable
    numeric: bool = False
    width: int = 14
    link: bool = False  # the cell links to the row's registry page


def _or_negotiable(value):
    return NEGOTIABLE if value is None else value


PLOT_COLUMNS = (
    ResourceColumn("地块编号", lambda p: p.plot_number, width=14),
    ResourceColumn("地块名称", lambda p: p.name, width=24, link=True),
    ResourceColumn("面积(亩)", lambda p: p.area_mu, numeric=True, width=12),
    ResourceColumn("土地用途", lambda p: p.get_land_use_display(), width=10),
    ResourceColumn("状态", lambda p: p.get_status_display(), width=8),
    ResourceColumn("价格(万元/亩)", lambda p: _or_negotiable(p.price_wan_per_mu), numeric=True, width=14),
    ResourceColumn("容积率", lambda p: p.plot_ratio, numeric=True, width=8),
    ResourceColumn("基础设施", lambda p: "、".join(p.infrastructure), width=36),
)
BUILDING_COLUMNS = (
    ResourceColumn("载体名称", lambda b: b.name, width=24, link=True),
    ResourceColumn("类型", lambda b: b.get_kind_display(), width=10),
    ResourceColumn("建筑面积(㎡)", lambda b: b.floor_area_sqm, numeric=True, width=12),
    ResourceColumn("可租售面积(㎡)", lambda b: b.vacant_area_sqm, numeric=True, width=14),
    ResourceColumn("层数", lambda b: b.floors, numeric=True, width=6),
    ResourceColumn("楼面承重(吨/㎡)", lambda b: b.floor_load_t, numeric=True, width=14),
    ResourceColumn("行车(吨)", lambda b: b.crane_t or "无", numeric=True, width=9),
    ResourceColumn("状态", lambda b: b.get_status_display(), width=9),
    ResourceColumn("租金(元/㎡·月)", lambda b: b.rent_yuan, numeric=True, width=14),
    ResourceColumn("售价(万元)", lambda b: b.price_wan, numeric=True, width=12),
)


@dataclass
class ResourceRow:
    row: Land | Building
    url: str
    columns: tuple[ResourceColumn, ...]
    cells: list

    @property
    def pairs(self) -> list[tuple[ResourceColumn, object]]:
        return list(zip(self.columns, self.cells))


@dataclass
class ParkGroup:
    park: Park | None
    plots: list[ResourceRow] = field(default_factory=list)
    buildings: list[ResourceRow] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.park.name if self.park else NO_PARK

    @property
    def plot_area_mu(self) -> Decimal:
        return sum((r.row.area_mu for r in self.plots), Decimal(0))

    @property
    def building_area_sqm(self) -> Decimal:
        """可租售面积, or the whole floor area where the vacant part was not given."""
        return sum((r.row.floor_area_sqm if r.row.vacant_area_sqm is None else r.row.vacant_area_sqm for r in self.buildings),
                   Decimal(0))


@dataclass
class AvailableResources:
    groups: list[ParkGroup]
    land_filter: AvailableLandFilter
    building_filter: AvailableBuildingFilter

    @property
    def plot_count(self) -> int:
        return sum(len(g.plots) for g in self.groups)

    @property
    def building_count(self) -> int:
        return sum(len(g.buildings) for g in self.groups)

    @property
    def plot_area_mu(self) -> Decimal:
        return sum((g.plot_area_mu for g in self.groups), Decimal(0))

    @property
    def building_area_sqm(self) -> Decimal:
        return sum((g.building_area_sqm for g in self.groups), Decimal(0))


def available_plots():
    return Land.objects.filter(status__in=AVAILABLE_LAND).select_related("park")


def available_buildings():
    return Building.objects.filter(status__in=AVAILABLE_BUILDING).select_related("park")


def _shown(key: str, rows, columns) -> list[ResourceRow]:
    return [ResourceRow(row, reverse("registries:detail", args=[key, row.pk]), columns, [c.value(row) for c in columns])
            for row in rows]


def available_resources(*, user, params: Mapping) -> AvailableResources:
    """What an investor can have now, grouped by park (by name; rows without a park last). Every signed-in user reads
    it; it shows no contact column, so nothing needs masking. A value that does not parse is a Chinese 400."""
    land_filter = AvailableLandFilter(params, queryset=available_plots())
    building_filter = AvailableBuildingFilter(params, queryset=available_buildings())
    plots = land_filter.qs.order_by("park__name", "plot_number", "name", "id")
    buildings = building_filter.qs.order_by("park__name", "name", "id")
    groups: dict[int | None, ParkGroup] = {}
    for resource in _shown("land", plots, PLOT_COLUMNS):
        groups.setdefault(resource.row.park_id, ParkGroup(resource.row.park)).plots.append(resource)
    for resource in _shown("building", buildings, BUILDING_COLUMNS):
        groups.setdefault(resource.row.park_id, ParkGroup(resource.row.park)).buildings.append(resource)
    ordered = sorted(groups.values(), key=lambda g: (g.park is None, g.name))
    return AvailableResources(ordered, land_filter, building_filter)
