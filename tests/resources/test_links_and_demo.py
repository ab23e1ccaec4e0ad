"""Plots and buildings name the project that settled on them: the project's page shows them, and the demo's sample
rows are tied to the demo's first live projects."""

from decimal import Decimal

import pytest
from django.urls import reverse

from zhaoshang.accounts.models import Unit
from zhaoshang.accounts.services import system_actor
from zhaoshang.demo.registries_resources import load_resources
from zhaoshang.projects.models import Project
from zhaoshang.projects.services.projects import ProjectInput, project_create
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.services import entry_create
from zhaoshang.resources.models import Building, EnergySupply, Land, Logistics, Mineral, Park


def new_project(office, name: str) -> Project:
    return project_create(actor=office, data=ProjectInput(
        name=name, enterprise_name=f"{name}有限公司", amount_wan="20000", lead_unit=Unit.objects.get(code="zsfwzx")))


@pytest.fixture
def projects(demo, office):
    return [new_project(office, name) for name in ("高端装备制造基地项目", "精细化工新材料项目", "预制菜加工项目", "电子材料项目",
                                                   "冷链仓储项目", "生物医药中间体项目")]


def test_the_project_page_shows_the_plot_it_sits_on(demo, office, office_client, projects):
    project = projects[0]
    plot = entry_create(registry=registry_named("land"), actor=office, data={
        "plot_number": "T-01", "name": "测试工业用地", "area_mu": Decimal("80"), "status": "sold", "project": project})
    response = office_client.get(reverse("projects:detail", args=[project.pk]))
    assert response.status_code == 200
    links = [link for link in response.context["registry_links"] if link.kind == "land"]
    assert [(link.relation, link.kind_label, link.name) for link in links] == [("落户项目", "土地/地块", "T-01 测试工业用地")]
    assert reverse("registries:detail", args=["land", plot.pk]) in response.content.decode()
    detail = office_client.get(reverse("registries:detail", args=["land", plot.pk])).content.decode()
    assert "落户项目" in detail and reverse("projects:detail", args=[project.pk]) in detail


def test_the_demo_loads_plausible_samples_and_ties_some_to_live_projects(demo, projects):
    load_resources(actor=system_actor(), plan=demo)
    counts = [model.objects.count() for model in (Park, Land, Building, EnergySupply, Mineral, Logistics)]
    assert counts == [4, 40, 20, 10, 8, 10]
    assert {row.source for row in Land.objects.all()} == {"演示数据（示例）"}
    assert set(Land.objects.values_list("status", flat=True)) == {"available", "sold", "stock", "reserved"}
    assert not Land.objects.filter(park=None).exists() and Land.objects.filter(owner_unit__code="zrzyj").count() == 40
    assert set(Building.objects.values_list("owner_unit__code", flat=True)) == {"gxq", "cfjt"}
    assert Building.objects.exclude(owner="").count() == 20
    linked = [p for p in Land.objects.exclude(project=None).values_list("project_id", flat=True)]
    assert sorted(linked) == [p.pk for p in projects[:3]]
    assert sorted(Building.objects.exclude(project=None).values_list("project_id", flat=True)) == [p.pk for p in projects[3:6]]
    assert Building.objects.filter(project__isnull=False, status__in=["rented", "sold"]).count() == 3


def test_the_demo_loads_without_projects_too(demo):
    assert not Project.objects.exists()
    load_resources(actor=system_actor(), plan=demo)
    assert Land.objects.filter(status="sold", project=None, until__isnull=False).count() == 6
