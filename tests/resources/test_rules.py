"""Each resource registry's own single-row rules (Model.clean), in Chinese, field by field."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.services import entry_create
from zhaoshang.resources.models import Building, EnergySupply, Land, Logistics, Mineral, Park

pytestmark = pytest.mark.django_db


def errors_of(row) -> dict:
    with pytest.raises(ValidationError) as caught:
        row.full_clean()
    return caught.value.message_dict


def plot(**values) -> Land:
    return Land(**{"name": "示例地块", "area_mu": Decimal("50"), **values})


def building(**values) -> Building:
    return Building(**{"name": "1号标准厂房", "floor_area_sqm": Decimal("6000"), **values})


def test_a_plain_available_plot_is_valid():
    plot(plot_ratio=Decimal("1.2"), price_wan_per_mu=Decimal("12"), longitude=Decimal("112.9"), latitude=Decimal("30.4")).full_clean()


@pytest.mark.parametrize("area", [Decimal("0"), Decimal("-3")])
def test_plot_area_must_be_positive(area):
    assert errors_of(plot(area_mu=area))["area_mu"] == ["面积应大于0"]


@pytest.mark.parametrize(("ratio", "ok"), [(Decimal("0.01"), True), (Decimal("20"), True), (Decimal("0"), False), (Decimal("20.5"), False)])
def test_plot_ratio_lies_between_0_and_20(ratio, ok):
    row = plot(plot_ratio=ratio)
    if ok:
        row.full_clean()
    else:
        assert errors_of(row)["plot_ratio"] == ["容积率应大于0且不超过20"]


def test_a_sold_plot_names_its_project_or_its_sale_date():
    assert errors_of(plot(status="sold"))["status"] == ["已出让的地块请填写落户项目或出让日期"]
    plot(status="sold", until=datetime.date(2025, 9, 1)).full_clean()


def test_only_a_sold_plot_has_a_sale_date():
    assert errors_of(plot(status="available", until=datetime.date(2025, 9, 1)))["until"] == ["只有已出让的地块才有出让日期"]


def test_sale_date_cannot_precede_storage_date():
    row = plot(status="sold", since=datetime.date(2025, 9, 1), until=datetime.date(2025, 1, 1))
    assert errors_of(row)["until"] == ["截止日期不能早于起始日期"]


def test_coordinates_stay_on_the_globe():
    errors = errors_of(plot(longitude=Decimal("181"), latitude=Decimal("-91")))
    assert errors["longitude"] == ["经度应在-180至180之间"] and errors["latitude"] == ["纬度应在-90至90之间"]


def test_a_value_that_did_not_parse_is_reported_once_not_crashing_the_rules():
    errors = errors_of(plot(area_mu="很大", plot_ratio="高"))
    assert set(errors) == {"area_mu", "plot_ratio"}


def test_building_rules():
    building(vacant_area_sqm=Decimal("0"), crane_t=Decimal("0"), floors=1, rent_yuan=Decimal("12")).full_clean()
    assert errors_of(building(floor_area_sqm=Decimal("0")))["floor_area_sqm"] == ["建筑面积应大于0"]
    assert errors_of(building(vacant_area_sqm=Decimal("7000")))["vacant_area_sqm"] == ["可租售面积不能大于建筑面积"]
    assert errors_of(building(crane_t=Decimal("-5")))["crane_t"] == ["行车吨位不能为负数"]
    assert errors_of(building(rent_yuan=Decimal("0")))["rent_yuan"] == ["租金应大于0"]
    assert errors_of(building(status="for_rent", price_wan=Decimal("800")))["status"] == ["只填了售价，租售状态应为“可售”或“可租可售”"]
    building(status="for_sale", price_wan=Decimal("800")).full_clean()


def test_energy_capacity_and_price_need_their_units():
    errors = errors_of(EnergySupply(kind="gas", name="门站", capacity=Decimal("60"), price=Decimal("3.2")))
    assert errors == {"capacity_unit": ["填写了供应能力，请同时填写其单位"], "price_unit": ["填写了价格，请同时填写其单位"]}
    EnergySupply(kind="gas", name="门站", capacity=Decimal("60"), capacity_unit="万立方米/日", price=Decimal("0"),
                 price_unit="元/立方米").full_clean()  # a free supply is possible, a negative price not
    assert errors_of(EnergySupply(kind="power", name="变电站", capacity=Decimal("-1"), capacity_unit="兆伏安"))["capacity"] == ["供应能力应大于0"]


def test_mineral_in_use_names_its_right_holder():
    assert errors_of(Mineral(kind="rock_salt", name="岩盐矿区", status="mining"))["holder"] == ["已出让或开采中的矿产请填写矿业权人"]
    Mineral(kind="rock_salt", name="岩盐矿区", status="mining", holder="某盐化公司").full_clean()
    Mineral(kind="gypsum", name="石膏矿点", status="available").full_clean()
    assert errors_of(Mineral(kind="brine", name="卤水", reserve=Decimal("12")))["reserve_unit"] == ["填写了资源储量，请同时填写其单位"]


def test_logistics_rules():
    assert errors_of(Logistics(kind="port", name="港区", capacity=Decimal("500")))["capacity_unit"] == ["填写了能力，请同时填写其单位"]
    assert errors_of(Logistics(kind="warehouse", name="仓", area_sqm=Decimal("0")))["area_sqm"] == ["面积应大于0"]
    Logistics(kind="port", name="港区", capacity=Decimal("500"), capacity_unit="万吨/年").full_clean()


def test_park_rules_still_hold():
    assert errors_of(Park(name="园区", area_mu=Decimal("-1")))["area_mu"] == ["规划面积应大于0"]


def test_the_service_refuses_a_bad_row_in_chinese(office):
    with pytest.raises(ValidationError) as caught:
        entry_create(registry=registry_named("land"), actor=office, data={"name": "坏地块", "area_mu": Decimal("0")})
    assert caught.value.message_dict["area_mu"] == ["面积应大于0"]
    assert not Land.objects.filter(name="坏地块").exists()
