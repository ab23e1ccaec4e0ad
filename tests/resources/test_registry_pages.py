"""The resource registries on the kit's generic pages, API, export and import template (their own declarations)."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from zhaoshang.accounts.services import system_actor
from zhaoshang.demo.registries_resources import load_resources
from zhaoshang.resources.models import Land

KEYS = ("park", "land", "building", "energy", "mineral", "logistics")


@pytest.fixture
def resources(demo):
    load_resources(actor=system_actor(), plan=demo)


@pytest.mark.parametrize("key", KEYS)
def test_every_resource_registry_serves_its_pages(resources, office_client, key):
    from zhaoshang.registries.catalog import registry_named

    registry = registry_named(key)
    row = registry.model.objects.order_by("id").first()
    for url in (reverse("registries:list", args=[key]), f"{reverse('registries:list', args=[key])}?sort=-{registry.columns[0]}",
                reverse("registries:detail", args=[key, row.pk]), reverse("registries:new", args=[key]),
                reverse("registries:edit", args=[key, row.pk]), reverse("registries:export", args=[key]),
                reverse("registry_import:template", args=[key]), f"/api/v1/registries/{key}/entries"):
        assert office_client.get(url).status_code == 200, url


def test_land_list_filters_and_sums_area(resources, office_client):
    response = office_client.get(reverse("registries:list", args=["land"]), {"status": "available", "area_mu_min": "50"})
    expected = Land.objects.filter(status="available", area_mu__gte=50)
    assert response.context["totals"]["count"] == expected.count() > 0
    assert response.context["totals"]["sum_area_mu"] == sum(expected.values_list("area_mu", flat=True))


def test_a_unit_user_sees_phones_masked_the_owner_unit_in_full(resources, unit_client):
    plot = Land.objects.filter(owner_unit__code="zrzyj").first()
    from django.test import Client

    from zhaoshang.accounts.models import User

    owner = Client()
    owner.force_login(User.objects.get(unit__code="zrzyj"))
    url = reverse("registries:detail", args=["land", plot.pk])
    assert plot.contact_phone in owner.get(url).content.decode()
    assert plot.contact_phone not in unit_client.get(url).content.decode()


def test_a_plot_is_added_with_its_infrastructure_through_the_form(demo, office_client):
    response = office_client.post(reverse("registries:new", args=["land"]), {
        "plot_number": "F-01", "name": "表单工业用地", "area_mu": "66.5", "land_use": "industrial", "status": "available",
        "has_road": "on", "has_power": "on", "crane_t": "0"})
    assert response.status_code == 302, response.content.decode()[:2000]
    plot = Land.objects.get(plot_number="F-01")
    assert plot.infrastructure == ["通路", "通电"]
    bad = office_client.post(reverse("registries:new", args=["land"]), {"name": "坏", "area_mu": "5", "land_use": "industrial",
                                                                       "status": "available", "plot_ratio": "25"})
    assert bad.status_code == 400 and "容积率应大于0且不超过20" in bad.content.decode()


def test_the_land_import_template_speaks_chinese(demo, office_client):
    book = load_workbook(io.BytesIO(office_client.get(reverse("registry_import:template", args=["land"])).content))
    headers = [cell.value for row in book.worksheets[0].iter_rows(max_row=3) for cell in row if cell.value]
    assert {"地块编号", "地块名称", "面积(亩)", "所在园区", "落户项目", "通电"} <= set(headers)
