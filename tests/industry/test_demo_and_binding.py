"""The demo's sample rows of the industry registries, their ties to the pipeline, pages, links both ways, and the
binding of each registry to the notice's measure that ordered it."""

import datetime

import pytest
from django.urls import reverse

from zhaoshang.accounts.models import Unit
from zhaoshang.accounts.services import system_actor
from zhaoshang.demo.registries_industry import load_industry
from zhaoshang.demo.registries_resources import load_resources
from zhaoshang.industry.models import EnergyProject, PromoProject, Scenario, Strain
from zhaoshang.plans.models import Chain
from zhaoshang.projects.choices import Stage
from zhaoshang.projects.services.projects import ProjectInput, project_create
from zhaoshang.registries.models import RegistrySetting
from zhaoshang.registries.services import registries_bind

KEYS = ("strain", "scenario", "energy_project", "promo_project")


def signed_project(office, chain_name: str, number: int, stage: str = Stage.SIGNED, name: str = "示例项目"):
    chain = Chain.objects.get(name=chain_name)
    return project_create(actor=office, data=ProjectInput(
        name=f"{chain_name}{name}{number}", enterprise_name=f"{chain_name}示例企业{number}有限公司", amount_wan="30000",
        lead_unit=Unit.objects.get(code="zsfwzx"), chain=chain, stage=stage, stage_since=datetime.date(2025, 5, 1)))


def test_the_demo_loads_without_the_pipeline_keeping_only_what_it_can_prove(demo):
    load_industry(actor=system_actor(), plan=demo)
    counts = [model.objects.count() for model in (Strain, Scenario, EnergyProject, PromoProject)]
    assert counts == [16, 14, 14, 20]
    for model in (Strain, Scenario, EnergyProject, PromoProject):
        assert set(model.objects.values_list("source", flat=True)) == {"演示数据（示例）"}
        assert not model.objects.filter(since=None).exists() and not model.objects.filter(owner_unit=None).exists()
    assert not Scenario.objects.filter(status="landed").exists() and not PromoProject.objects.filter(status="signed").exists()
    assert not Strain.objects.filter(status="industrialised").exists()
    assert PromoProject.objects.filter(chain=None).count() == 0
    assert set(Strain.objects.values_list("owner_unit__code", flat=True)) == {"nyncj"}
    assert set(EnergyProject.objects.values_list("owner_unit__code", flat=True)) == {"fgw"}
    assert not EnergyProject.objects.exclude(park=None).exists()  # the resource parks were not loaded


def test_the_demo_ties_rows_to_signed_projects_enterprises_and_parks(demo, office):
    load_resources(actor=system_actor(), plan=demo)
    crayfish = [signed_project(office, "小龙虾深加工", n) for n in range(4)]  # 3 landed scenarios, then 1 promotion
    lead = signed_project(office, "小龙虾深加工", 9, stage=Stage.NEGOTIATING)  # not signed: no landed scenario names it
    microbe = [signed_project(office, "农业微生物", n) for n in range(5)]
    other_reserve = signed_project(office, "战略储备", 0, stage=Stage.LEAD)  # its name fits no energy sample
    reserve = signed_project(office, "战略储备", 1, stage=Stage.LEAD, name="地下盐穴储气库项目")
    load_industry(actor=system_actor(), plan=demo)
    landed = Scenario.objects.filter(status="landed")
    assert sorted(landed.values_list("project_id", flat=True)) == [p.pk for p in crayfish[:3]]
    assert lead.pk not in Scenario.objects.values_list("project_id", flat=True)
    signed = PromoProject.objects.filter(status="signed")  # the other chains' signed samples have no project here
    assert list(signed.values_list("name", "project_id")) == [("小龙虾精深加工示例项目", crayfish[3].pk)]
    industrialised = Strain.objects.filter(status="industrialised")
    assert industrialised.count() == 5  # five microbe firms for the five industrialised strains
    assert set(industrialised.values_list("enterprise__projects", flat=True)) == {p.pk for p in microbe}
    assert EnergyProject.objects.get(project=reserve).name == "盐穴压缩空气储能电站示例项目一期"
    assert not EnergyProject.objects.filter(project=other_reserve).exists()
    assert EnergyProject.objects.filter(park__name="江汉盐化工业园").count() == 4


def test_a_signed_promotion_project_shows_on_its_project_page_and_back(demo, office, office_client):
    project = signed_project(office, "光电材料", 1)
    row = PromoProject.objects.create(name="光通信示例推介项目", investment_wan=70000, status="signed", project=project,
                                      chain=project.chain)
    response = office_client.get(reverse("projects:detail", args=[project.pk]))
    links = [(link.kind, link.obj_id, link.relation) for link in response.context["registry_links"]]
    assert ("promo_project", row.pk, "签约项目") in links
    detail = office_client.get(reverse("registries:detail", args=["promo_project", row.pk])).content.decode()
    assert reverse("projects:detail", args=[project.pk]) in detail and "签约项目" in detail


@pytest.mark.parametrize("key", KEYS)
def test_every_industry_registry_serves_its_pages(demo, office_client, key):
    load_industry(actor=system_actor(), plan=demo)
    from zhaoshang.registries.catalog import registry_named

    registry = registry_named(key)
    row = registry.model.objects.order_by("id").first()
    for url in (reverse("registries:list", args=[key]), f"{reverse('registries:list', args=[key])}?sort=-{registry.columns[0]}",
                reverse("registries:detail", args=[key, row.pk]), reverse("registries:new", args=[key]),
                reverse("registries:edit", args=[key, row.pk]), reverse("registries:export", args=[key]),
                reverse("registry_import:template", args=[key]), f"/api/v1/registries/{key}/entries"):
        assert office_client.get(url).status_code == 200, url


def test_lists_filter_by_chain_and_sum_investment(demo, office_client):
    load_industry(actor=system_actor(), plan=demo)
    chain = Chain.objects.get(name="石油化工")
    response = office_client.get(reverse("registries:list", args=["promo_project"]), {"chain": chain.pk})
    expected = PromoProject.objects.filter(chain=chain)
    assert response.context["totals"]["count"] == expected.count() == 2
    assert response.context["totals"]["sum_investment_wan"] == sum(expected.values_list("investment_wan", flat=True))
    response = office_client.get(reverse("registries:list", args=["energy_project"]), {"kind": "storage", "stage": "operating"})
    assert response.context["totals"]["count"] == EnergyProject.objects.filter(kind="storage", stage="operating").count() == 1


def test_registries_bind_to_the_notices_measures(demo, office):
    RegistrySetting.objects.filter(key__in=KEYS).delete()
    bound = registries_bind(actor=office, plan=demo)
    assert {key: bound[key].measure.task.number for key in KEYS} == {
        "strain": "3", "scenario": "5", "energy_project": "8", "promo_project": "4"}
    assert "菌种库" in bound["strain"].measure.text and "能源项目库" in bound["energy_project"].measure.text
    assert set(bound["strain"].units.values_list("code", flat=True)) == {"nyncj"}
    assert set(bound["scenario"].units.values_list("code", flat=True)) == {"nyncj"}
    assert set(bound["energy_project"].units.values_list("code", flat=True)) == {"fgw"}
