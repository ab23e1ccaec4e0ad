"""Registry-count indicators over a kit registry (the park registry): new in the year or in place on the day, soft
deletion, the filter on the registry's columns (and bad ones refused in Chinese), the rule in words, the rows behind
the figure, and one query per source."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.kpis.test_pages import _edit_data
from zhaoshang.kpis.choices import Kind, RegistryMode
from zhaoshang.kpis.errors import KpiError
from zhaoshang.kpis.figures import figures_for, plan_kpis
from zhaoshang.kpis.models import Kpi
from zhaoshang.kpis.registries import REGISTRY_CHOICES, filter_lines, registry_filter_clean
from zhaoshang.kpis.rules import rule_text
from zhaoshang.kpis.selectors import kpi_figure, kpi_rows
from zhaoshang.kpis.services.editing import KpiInput, kpi_update
from zhaoshang.registries.catalog import all_registries, registry_named
from zhaoshang.registries.services import entry_create, entry_delete

D = datetime.date
PARK = "park"


def park(office, name, *, since=None, until=None, level="city"):
    return entry_create(registry=registry_named(PARK), actor=office,
                        data={"name": name, "level": level, "since": since, "until": until})


def park_kpi(demo, *, mode=RegistryMode.NEW, registry_filter=None, year=2025, text="园区指标"):
    return Kpi.objects.create(plan=demo, target=demo.targets.first(), text=text, kind=Kind.REGISTRY_COUNT, goal=3,
                              unit="个", year=year, registry=PARK, registry_mode=mode, registry_filter=registry_filter or {},
                              due_on=D(year, 12, 31))


def actual(kpi, as_of):
    return kpi_figure(Kpi.objects.get(pk=kpi.pk), as_of).actual


@pytest.fixture
def parks(demo, office):
    """An old park (2024), one set up in March 2025 (national), one undated, one open August-October 2025."""
    return {
        "old": park(office, "老园区", since=D(2024, 5, 1)),
        "new": park(office, "新园区", since=D(2025, 3, 1), level="national"),
        "undated": park(office, "未注明日期的园区"),
        "closed": park(office, "已撤销园区", since=D(2025, 8, 1), until=D(2025, 10, 1), level="national"),
    }


def test_every_kit_registry_is_a_source(demo):
    assert (PARK, "园区") in list(REGISTRY_CHOICES)
    assert ("meetings_review", "已召开的单周会商研判会议") in list(REGISTRY_CHOICES)


def test_new_counts_rows_begun_in_the_year_and_stock_the_rows_in_place_on_the_day(demo, parks):
    new, stock = park_kpi(demo), park_kpi(demo, mode=RegistryMode.STOCK)
    assert actual(new, D(2025, 12, 31)) == 2  # March and August 2025, the closed one too: it was set up that year
    assert actual(stock, D(2025, 12, 31)) == 3  # old, new, undated; the closed one ended on 1 October
    assert actual(stock, D(2025, 9, 1)) == 4
    assert actual(new, D(2026, 6, 30)) == 2  # after the year: its whole year; stock: as of 31 December
    assert actual(stock, D(2026, 6, 30)) == 3


def test_as_of_before_a_rows_since_it_does_not_count_yet(demo, parks):
    new, stock = park_kpi(demo), park_kpi(demo, mode=RegistryMode.STOCK)
    assert actual(new, D(2025, 2, 28)) == 0
    assert actual(new, D(2025, 3, 1)) == 1  # the day itself counts
    assert set(kpi_rows(stock, D(2025, 2, 28))) == {parks["old"], parks["undated"]}
    assert actual(stock, D(2025, 3, 1)) == 3


def test_a_row_stops_counting_on_its_until_day(demo, parks):
    stock = park_kpi(demo, mode=RegistryMode.STOCK)
    assert parks["closed"] in kpi_rows(stock, D(2025, 9, 30))
    assert parks["closed"] not in kpi_rows(stock, D(2025, 10, 1))


def test_soft_deleted_rows_never_count(demo, office, parks):
    new, stock = park_kpi(demo), park_kpi(demo, mode=RegistryMode.STOCK)
    entry_delete(registry=registry_named(PARK), actor=office, row=parks["new"])
    assert actual(new, D(2025, 12, 31)) == 1
    assert actual(stock, D(2025, 6, 1)) == 2  # old and undated; the deleted one counted as of no day


def test_a_column_filter_narrows_the_rows(demo, parks):
    national_new = park_kpi(demo, registry_filter={"level": "national"})
    national_stock = park_kpi(demo, mode=RegistryMode.STOCK, registry_filter={"level": "national"})
    assert list(kpi_rows(national_new, D(2025, 12, 31)).order_by("since")) == [parks["new"], parks["closed"]]
    assert actual(national_stock, D(2025, 12, 31)) == 1


def test_the_office_sets_mode_and_filter_by_chinese_labels_through_the_service(demo, office, parks):
    kpi = park_kpi(demo)
    data = KpiInput(kind=Kind.REGISTRY_COUNT, goal=1, unit="个", comparator=kpi.comparator, year=2025, due_on=None,
                    stage=kpi.stage, registry=PARK, registry_mode=RegistryMode.STOCK, registry_filter={"级别": "国家级"})
    kpi_update(actor=office, kpi=kpi, data=data)
    kpi.refresh_from_db()
    assert kpi.registry_mode == RegistryMode.STOCK and kpi.registry_filter == {"level": "national"}
    assert actual(kpi, D(2025, 12, 31)) == 1


@pytest.mark.parametrize(("registry", "mode", "raw", "message"), [
    (PARK, "new", {"colour": "red"}, "“colour”不是园区可筛选的列，可用：级别（level）"),
    (PARK, "new", {"level": "galactic"}, "筛选条件“级别”的值“galactic”无效，可选：国家级（national）"),
    (PARK, "new", {"级别": ""}, "未填写值"),
    (PARK, "sometimes", {}, "计数方式不正确"),
    ("meetings_review", "stock", {}, "只能按新增计数"),
    ("meetings_review", "new", {"level": "national"}, "不能设置筛选条件"),
])
def test_a_bad_rule_is_refused_in_chinese_and_nothing_changes(demo, office, registry, mode, raw, message):
    kpi = park_kpi(demo, registry_filter={"level": "city"})
    data = KpiInput(kind=Kind.REGISTRY_COUNT, goal=1, unit="个", comparator=kpi.comparator, year=2025, due_on=None,
                    stage=kpi.stage, registry=registry, registry_mode=mode, registry_filter=raw)
    with pytest.raises(KpiError, match=message):
        kpi_update(actor=office, kpi=kpi, data=data)
    kpi.refresh_from_db()
    assert kpi.registry == PARK and kpi.registry_filter == {"level": "city"} and kpi.goal == 3


def test_the_edit_page_reads_and_writes_the_filter_as_lines(demo, office_client, parks):
    kpi = park_kpi(demo, registry_filter={"level": "national"})
    page = office_client.get(reverse("kpis:edit", args=[kpi.pk]))
    assert page.context["form"].initial["registry_filter"] == "级别=国家级"
    assert "各数据库可筛选的列" in page.content.decode()
    response = office_client.post(reverse("kpis:edit", args=[kpi.pk]), {
        **_edit_data(kpi), "registry_mode": "stock", "registry_filter": "level = provincial\n\n"})
    assert response.status_code == 302
    kpi.refresh_from_db()
    assert kpi.registry_mode == "stock" and kpi.registry_filter == {"level": "provincial"}


@pytest.mark.parametrize(("changes", "message"), [
    ({"registry_filter": "级别国家级"}, "第1行应写成“列=值”"),
    ({"registry_filter": "面积=100"}, "“面积”不是园区可筛选的列"),
    ({"registry_filter": "级别=宇宙级"}, "的值“宇宙级”无效"),
    ({"registry": "meetings_review", "registry_mode": "stock"}, "只能按新增计数"),
])
def test_the_edit_page_refuses_a_bad_filter_in_chinese(demo, office_client, changes, message):
    kpi = park_kpi(demo)
    response = office_client.post(reverse("kpis:edit", args=[kpi.pk]), {**_edit_data(kpi), **changes})
    assert response.status_code == 400 and message in response.content.decode()
    assert Kpi.objects.get(pk=kpi.pk).registry_filter == {}


def test_the_rule_in_words_names_the_mode_and_the_filter(demo):
    new = park_kpi(demo, registry_filter={"level": "national"})
    assert rule_text(new).startswith("2025年新增的园区（级别：国家级）的条数")
    stock = park_kpi(demo, mode=RegistryMode.STOCK)
    assert "在册的园区的条数" in rule_text(stock) and "2025年" in rule_text(stock)


def test_a_filter_the_registry_no_longer_declares_gives_no_figure(demo, parks):
    kpi = park_kpi(demo, registry_filter={"colour": "red"})  # written around the service
    result = kpi_figure(Kpi.objects.get(pk=kpi.pk), D(2025, 12, 31))
    assert result.actual is None and "筛选条件无效" in result.reason
    assert not kpi_rows(kpi, D(2025, 12, 31)).exists()


def test_the_rows_behind_the_figure_link_to_the_registry_rows(demo, parks, office_client, unit_client):
    kpi = park_kpi(demo, mode=RegistryMode.STOCK)
    for client in (office_client, unit_client):  # every signed-in user reads every registry
        page = client.get(reverse("kpis:detail", args=[kpi.pk]) + "?as_of=2025-12-31")
        assert page.status_code == 200 and page.context["page_obj"].paginator.count == 3
        html = page.content.decode()
        for name in ("old", "new", "undated"):
            assert reverse("registries:detail", args=[PARK, parks[name].pk]) in html
        assert reverse("registries:detail", args=[PARK, parks["closed"].pk]) not in html
    rows = office_client.get(f"/api/v1/indicators/{kpi.pk}/rows", {"as_of": "2025-12-31"}).json()
    assert rows["source"] == "registry" and rows["count"] == 3
    by_name = {row["text"]: row for row in rows["registry"]}
    assert by_name["新园区"]["date"] == "2025-03-01" and by_name["未注明日期的园区"]["date"] is None
    assert by_name["新园区"]["url"] == reverse("registries:detail", args=[PARK, parks["new"].pk])
    export = office_client.get(reverse("kpis:rows_export", args=[kpi.pk]) + "?as_of=2025-12-31")
    assert export.status_code == 200


def test_the_api_shows_how_an_indicator_counts(demo, parks, office_client):
    kpi = park_kpi(demo, mode=RegistryMode.STOCK, registry_filter={"level": "national"})
    listed = office_client.get("/api/v1/indicators", {"as_of": "2025-12-31"}).json()
    row = next(item for item in listed if item["id"] == kpi.pk)
    assert (row["registry"], row["registry_mode"], row["registry_filter"]) == (PARK, "stock", {"level": "national"})
    assert row["actual"] == 1


def test_one_query_per_source_however_many_indicators(demo, parks, django_assert_num_queries):
    made = [park_kpi(demo), park_kpi(demo, mode=RegistryMode.STOCK), park_kpi(demo, registry_filter={"level": "national"}),
            park_kpi(demo, year=2024)]
    kpis = list(plan_kpis(demo.pk).filter(pk__in=[k.pk for k in made]))
    with django_assert_num_queries(1):
        figures = figures_for(kpis, D(2025, 12, 31))
    assert [figures[k.pk].actual for k in made] == [2, 3, 2, 1]


def test_the_filter_checks_against_the_registrys_declared_filters(demo):
    assert registry_filter_clean(PARK, {"级别": "省级"}) == {"level": "provincial"}
    with pytest.raises(KpiError, match="不是园区可筛选的列"):
        registry_filter_clean(PARK, {"name": "老园区"})  # searched, not a declared filter column


def test_a_linked_row_is_named_by_its_name_and_yes_no_in_chinese(demo, office, parks):
    if "land" not in all_registries() or "enterprise" not in all_registries():
        pytest.skip("the land and enterprise registries are not declared")
    assert registry_filter_clean("land", {"所在园区": "老园区"}) == {"park": str(parks["old"].pk)}
    with pytest.raises(KpiError, match="“所在园区”：“无此园区”未找到"):
        registry_filter_clean("land", {"所在园区": "无此园区"})
    assert registry_filter_clean("enterprise", {"本地企业": "是"}) == {"is_local": "true"}
    with pytest.raises(KpiError, match="应填“是”或“否”"):
        registry_filter_clean("enterprise", {"本地企业": "也许"})
    kpi = Kpi.objects.create(plan=demo, target=demo.targets.first(), text="地块", kind=Kind.REGISTRY_COUNT, goal=1,
                             year=2025, registry="land", registry_filter={"park": str(parks["old"].pk)})
    assert "所在园区：老园区" in rule_text(kpi)
    assert filter_lines("land", kpi.registry_filter) == "所在园区=老园区"


def test_a_filter_naming_a_linked_row_is_checked_every_time(demo, office, parks, entry):
    """A filter on the registry's own columns is checked once per process; one naming a linked row (a park) every
    time, as the row may go: its indicator then gives no figure rather than a count of rows under a deleted park."""
    if "land" not in all_registries():
        pytest.skip("the land registry is not declared")
    entry("land", name="老园区地块", park=parks["old"], area_mu=Decimal("120"), since=D(2025, 4, 1))
    kpi = Kpi.objects.create(plan=demo, target=demo.targets.first(), text="地块", kind=Kind.REGISTRY_COUNT, goal=1,
                             year=2025, registry="land", registry_filter={"park": str(parks["old"].pk)})
    assert actual(kpi, D(2025, 12, 31)) == 1
    entry_delete(registry=registry_named(PARK), actor=office, row=parks["old"])
    assert actual(kpi, D(2025, 12, 31)) is None
