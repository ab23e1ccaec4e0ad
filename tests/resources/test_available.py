"""The investor page (可供资源): only what can be had, grouped by park, filtered, exported exactly as shown, read by
every signed-in role."""

import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from zhaoshang.accounts.models import User
from zhaoshang.accounts.services import system_actor
from zhaoshang.demo.registries_resources import load_resources
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.services import entry_create
from zhaoshang.resources.choices import AVAILABLE_BUILDING
from zhaoshang.resources.models import Building, Land, Park
from zhaoshang.resources.selectors import available_resources

URL = reverse("resources:available")
EXPORT = reverse("resources:available_export")


@pytest.fixture
def resources(demo):
    load_resources(actor=system_actor(), plan=demo)


def client_of(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def shown_plot_ids(response) -> set[int]:
    return {r.row.pk for g in response.context["resources"].groups for r in g.plots}


def shown_building_ids(response) -> set[int]:
    return {r.row.pk for g in response.context["resources"].groups for r in g.buildings}


def test_only_available_plots_and_buildings_are_shown_grouped_by_park(resources, office_client):
    response = office_client.get(URL)
    assert response.status_code == 200
    assert shown_plot_ids(response) == set(Land.objects.filter(status="available").values_list("pk", flat=True))
    assert len(shown_plot_ids(response)) == 24
    assert shown_building_ids(response) == set(Building.objects.filter(status__in=AVAILABLE_BUILDING).values_list("pk", flat=True))
    assert not Building.objects.filter(status__in=["rented", "sold"], pk__in=shown_building_ids(response)).exists()
    groups = response.context["resources"].groups
    assert [g.name for g in groups] == sorted(g.name for g in groups) and all(g.park for g in groups)
    for group in groups:
        assert {r.row.park_id for r in [*group.plots, *group.buildings]} == {group.park.pk}
    sold = Land.objects.filter(status="sold").first()
    content = response.content.decode()
    assert reverse("registries:detail", args=["land", sold.pk]) not in content
    some = Land.objects.filter(status="available").first()
    assert reverse("registries:detail", args=["land", some.pk]) in content
    assert "通路" in content and "亩" in content and ">None<" not in content


def test_a_deleted_or_sold_plot_leaves_the_page(resources, office, office_client):
    row = Land.objects.filter(status="available").first()
    registry = registry_named("land")
    from zhaoshang.registries.services import entry_delete, entry_update

    entry_update(registry=registry, actor=office, row=row, data={"status": "sold", "until": row.since})
    other = Land.objects.filter(status="available").first()
    entry_delete(registry=registry, actor=office, row=other)
    ids = shown_plot_ids(office_client.get(URL))
    assert row.pk not in ids and other.pk not in ids and len(ids) == 22


def test_filters_by_park_land_use_area_and_kind(resources, office_client):
    park = Park.objects.get(name="江汉盐化工业园")
    response = office_client.get(URL, {"park": park.pk})
    assert [g.park for g in response.context["resources"].groups] == [park]
    assert shown_plot_ids(response) == set(Land.objects.filter(status="available", park=park).values_list("pk", flat=True))

    response = office_client.get(URL, {"land_use": "warehouse", "kind": "land"})
    assert shown_plot_ids(response) == set(Land.objects.filter(status="available", land_use="warehouse").values_list("pk", flat=True))
    assert not shown_building_ids(response)

    response = office_client.get(URL, {"area_min": "40", "area_max": "100"})
    expected = Land.objects.filter(status="available", area_mu__gte=40, area_mu__lte=100)
    assert shown_plot_ids(response) == set(expected.values_list("pk", flat=True)) and expected.exists()
    assert shown_building_ids(response)  # an area in 亩 filters plots only

    response = office_client.get(URL, {"kind": "building", "floor_area_min": "5000"})
    assert not shown_plot_ids(response)
    assert shown_building_ids(response) == set(Building.objects.filter(status__in=AVAILABLE_BUILDING, floor_area_sqm__gte=5000)
                                               .values_list("pk", flat=True))


@pytest.mark.parametrize("params", [{"area_min": "很大"}, {"park": "abc"}, {"land_use": "farm"}, {"kind": "mine"},
                                    {"park": str(2**70)}])
def test_a_bad_filter_value_is_a_chinese_400(resources, office_client, params):
    response = office_client.get(URL, params)
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("username", ["office", "leader", "admin", "fgw", "swj"])
def test_every_signed_in_role_reads_the_page_and_its_export(resources, username):
    client = client_of(username)
    assert client.get(URL).status_code == 200
    assert client.get(EXPORT).status_code == 200


def test_anonymous_is_sent_to_log_in(demo):
    assert Client().get(URL).status_code == 302
    assert Client().get(EXPORT).status_code == 302


def test_the_export_is_exactly_what_the_page_shows(resources, office, office_client):
    params = {"land_use": "industrial", "area_min": "30"}
    page = office_client.get(URL, params).context["resources"]
    response = office_client.get(EXPORT, params)
    assert response["Content-Disposition"].startswith("attachment; filename*=UTF-8''")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["可供地块", "可租售厂房楼宇"]

    def body(sheet):
        return [list(line) for line in sheet.iter_rows(min_row=3, values_only=True)]

    def expected(rows):
        return [[group.name, *[None if c is None else (float(c) if isinstance(c, Decimal) else c) for c in r.cells]]
                for group in page.groups for r in getattr(group, rows)]

    plots, buildings = body(book["可供地块"]), body(book["可租售厂房楼宇"])
    assert plots == expected("plots") and len(plots) == page.plot_count > 0
    assert buildings == expected("buildings") and len(buildings) == page.building_count > 0
    assert [c.value for c in book["可供地块"][2]][:4] == ["园区", "地块编号", "地块名称", "面积(亩)"]


def test_a_plot_without_park_or_price_is_listed_last_as_negotiable(resources, office, office_client):
    row = entry_create(registry=registry_named("land"), actor=office, data={"name": "零星工业用地", "area_mu": Decimal("12")})
    groups = office_client.get(URL).context["resources"].groups
    assert groups[-1].park is None and groups[-1].name == "未归属园区"
    assert [r.cells for r in groups[-1].plots if r.row.pk == row.pk][0][5] == "面议"


def test_the_page_runs_a_fixed_number_of_queries(resources, office_client, django_assert_max_num_queries):
    office_client.get(URL)
    with django_assert_max_num_queries(10):
        office_client.get(URL)
    with django_assert_max_num_queries(10):
        office_client.get(EXPORT)


def test_the_selector_is_what_the_page_uses(resources, office):
    result = available_resources(user=office, params={})
    assert result.plot_count == 24 and result.plot_area_mu == sum(Land.objects.filter(status="available").values_list("area_mu", flat=True))
