"""Each industry registry's own single-row rules (Model.clean), in Chinese, field by field."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from zhaoshang.industry.models import EnergyProject, PromoProject, Scenario, Strain
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.services import entry_create

pytestmark = pytest.mark.django_db


def errors_of(row) -> dict:
    with pytest.raises(ValidationError) as caught:
        row.full_clean()
    return caught.value.message_dict


def test_a_strain_is_held_by_an_institution_or_an_enterprise():
    assert errors_of(Strain(name="示例菌株"))["holder"] == ["请填写保藏/持有机构或选择持有企业"]
    Strain(name="示例菌株", holder="示例大学", latin_name="Bacillus subtilis").full_clean()


def test_an_industrialised_strain_names_its_enterprise():
    errors = errors_of(Strain(name="示例菌株", holder="示例大学", status="industrialised"))
    assert errors == {"enterprise": ["已产业化的菌种请选择持有/应用企业"]}


@pytest.mark.parametrize(("latin", "ok"), [("Bacillus subtilis", True), ("Lactobacillus plantarum sp. (L-1)", True),
                                           ("枯草芽孢杆菌", False), ("1Bacillus", False)])
def test_a_latin_name_is_written_in_latin_letters(latin, ok):
    row = Strain(name="示例菌株", holder="示例大学", latin_name=f" {latin} ")
    if ok:
        row.full_clean()
        assert row.latin_name == latin
    else:
        assert errors_of(row)["latin_name"] == ["拉丁学名只能包含英文字母、数字、空格、点、横线和括号"]


def test_a_landed_scenario_names_its_project(project):
    assert errors_of(Scenario(name="示例场景", status="landed"))["project"] == ["已落地的场景请选择落地项目"]
    Scenario(name="示例场景", status="landed", project=project).full_clean()
    Scenario(name="示例场景", status="matching", project=project).full_clean()  # a project being negotiated
    assert errors_of(Scenario(name="示例场景", status="published", project=project))["status"] == [
        "已有对接项目的场景，状态应为“对接中”或“已落地”"]
    assert errors_of(Scenario(name="示例场景", investment_wan=Decimal("0")))["investment_wan"] == ["投资估算应大于0"]


def test_energy_project_capacity_needs_its_unit_and_amounts_are_positive():
    errors = errors_of(EnergyProject(name="示例光伏", kind="solar", capacity=Decimal("100"), investment_wan=Decimal("-1")))
    assert errors == {"capacity_unit": ["填写了建设规模，请同时填写其单位"], "investment_wan": ["总投资应大于0"]}
    assert errors_of(EnergyProject(name="示例光伏", capacity=Decimal("0"), capacity_unit="兆瓦"))["capacity"] == ["建设规模应大于0"]
    EnergyProject(name="示例光伏", capacity=Decimal("100"), capacity_unit="兆瓦", investment_wan=Decimal("45000"),
                  stage="building", updated_on=timezone.localdate()).full_clean()


def test_energy_project_progress_date_is_not_in_the_future():
    row = EnergyProject(name="示例储能", updated_on=timezone.localdate() + datetime.timedelta(days=1))
    assert errors_of(row)["updated_on"] == ["进展更新日期不能晚于今天"]


def test_a_signed_promotion_project_names_its_pipeline_project(project):
    row = PromoProject(name="示例推介项目", investment_wan=Decimal("50000"), status="signed")
    assert errors_of(row)["project"] == ["已签约的项目请选择项目库中的签约项目"]
    PromoProject(name="示例推介项目", investment_wan=Decimal("50000"), status="signed", project=project).full_clean()
    row = PromoProject(name="示例推介项目", investment_wan=Decimal("50000"), status="promoting", project=project)
    assert errors_of(row)["status"] == ["已关联签约项目的，状态应为“已签约”"]


def test_a_promotion_project_states_its_investment_and_positive_land():
    assert "investment_wan" in errors_of(PromoProject(name="示例推介项目"))
    row = PromoProject(name="示例推介项目", investment_wan=Decimal("0"), land_mu=Decimal("-5"))
    assert errors_of(row) == {"investment_wan": ["总投资应大于0"], "land_mu": ["用地应大于0"]}


def test_a_value_that_did_not_parse_is_reported_once_not_crashing_the_rules():
    errors = errors_of(PromoProject(name="示例推介项目", investment_wan="很多", land_mu="大"))
    assert set(errors) == {"investment_wan", "land_mu"}


def test_the_service_refuses_a_bad_row_in_chinese(office):
    with pytest.raises(ValidationError) as caught:
        entry_create(registry=registry_named("strain"), actor=office, data={"name": "无主菌株"})
    assert caught.value.message_dict["holder"] == ["请填写保藏/持有机构或选择持有企业"]
    assert not Strain.objects.filter(name="无主菌株").exists()
