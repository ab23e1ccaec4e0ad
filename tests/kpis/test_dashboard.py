"""The leaders' dashboard and the wall screen: every figure adds up to its drill-down rows, figures as of a past date,
each role's scope, the drill-down's export, and a query count that does not grow with the data."""

import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tests.kpis.board_data import D, add_project, chart_data, chart_figures, drill_totals, page_figures, walk
from tests.kpis.board_data import frozen, pipeline  # noqa: F401  (fixtures)

# measured 30: the request (session, user, unread notifications, the user's unit, the session's save: ~7), the plan and
# its year (2), the indicator figures (~12, figures.py), the funnel and chains (2), focuses (1), chains (1), months
# (2), unit lights (4), the registry panel (1, registry_figures.py; measured 33 in all); a little room for the
# indicator set's own growth
DASHBOARD_QUERIES = 35
DRILL_QUERIES = 22  # measured 12 (projects), 20 (indicators), 14 (assignments)


def _dashboard(client, **params):
    response = client.get(reverse("kpis:dashboard"), params)
    assert response.status_code == 200
    return response.content.decode()


def _funnel(charts) -> dict:
    return {point["name"]: (point["value"], Decimal(point["amount_wan"])) for point in charts["funnel"]}


def _months(charts, index: int) -> list:
    return [None if point is None else point["value"] for point in charts["months"]["series"][index]["data"]]


def test_every_figure_on_the_dashboard_adds_up_to_its_rows(pipeline, office_client):
    page = _dashboard(office_client)
    charts = chart_data(page)
    checked = walk(office_client, page_figures(page)) + walk(office_client, chart_figures(charts))
    assert checked > 100  # 5 cards, 6 focuses × 6, 4 stages × 2, 18 chains × 2, 24 months, units × 5 lights


def test_dashboard_figures_as_of_the_date(pipeline, office_client):
    charts = chart_data(_dashboard(office_client))
    assert _funnel(charts) == {"签约": (4, Decimal("44800")), "注册": (1, Decimal("30000")), "开工": (1, Decimal("30000")),
                               "投产": (0, Decimal("0"))}
    assert _months(charts, 0) == [0, 0, 1, 1, 0, 0, 1, 0, 1, 0, None, None]  # 2025 to October
    assert _months(charts, 1) == [0] * 10 + [1, 0]  # 2024, every month
    chains = dict(zip(charts["chains"]["categories"], charts["chains"]["data"]))
    assert (chains["石油化工"]["count"], chains["石油化工"]["value"]) == (1, 3.0)
    assert chains["盐化工"]["count"] == 1 and chains["铝基新材料"]["count"] == 0
    assert Decimal(chains["未关联产业链"]["amount_wan"]) == 800
    assert charts["chains"]["categories"][:2] == ["石油化工", "盐化工"]


def test_a_past_date_counts_what_held_then(pipeline, office_client):
    """On 30 June the moved-back and the terminated project still counted, the July and September ones not yet."""
    charts = chart_data(_dashboard(office_client, as_of="2025-06-30"))
    assert _funnel(charts)["签约"] == (4, Decimal("62000"))  # refinery, salt, basic, ended
    assert _months(charts, 0) == [0, 1, 1, 1, 1, 0] + [None] * 6
    count, amount = drill_totals(office_client, "kind=projects&stage=signed&year=2025&as_of=2025-06-30")
    assert (count, amount) == (4, Decimal("62000"))
    count, _ = drill_totals(office_client, "kind=projects&stage=signed&year=2025&month=5&as_of=2025-06-30")
    assert count == 1  # basic: its reach is kept by the retreat row
    assert _funnel(chart_data(_dashboard(office_client, as_of="2025-10-15")))["签约"][0] == 4


def test_year_defaults_to_the_indicators_year_and_can_be_chosen(pipeline, office_client):
    charts = chart_data(_dashboard(office_client, year="2024"))
    assert _funnel(charts)["签约"] == (1, Decimal("20000"))
    assert _months(charts, 0)[10] == 1
    assert len(charts["months"]["series"]) == 1  # 2023 has no signings: no flat zero line to compare with
    page = _dashboard(office_client)
    assert "2025年度" in page


def test_headline_cards(pipeline, office_client):
    response = office_client.get(reverse("kpis:dashboard"))
    headline = response.context["board"].headline
    assert (headline.signed.count, headline.signed.amount_wan) == (4, Decimal("44800"))
    assert headline.kpis_total == 21  # the seed's top-level indicators: a split target counts once
    assert 0 < headline.kpis_red < headline.kpis_total


def test_a_unit_user_sees_its_own_projects_only(pipeline, unit_client):
    page = _dashboard(unit_client)
    assert _funnel(chart_data(page))["签约"] == (1, Decimal("2000"))
    assert "仅含本单位牵头的项目" in page
    walk(unit_client, page_figures(page) + chart_figures(chart_data(page)))


def test_screen_shows_the_same_figures_without_navigation(pipeline, leader_client):
    response = leader_client.get(reverse("kpis:screen"))
    page = response.content.decode()
    assert response.status_code == 200 and 'data-theme="dark"' in page and "navbar" not in page
    assert 'data-refresh="300"' in page
    assert chart_data(page) == chart_data(_dashboard(leader_client))
    walk(leader_client, page_figures(page))


def test_dashboard_query_count_does_not_grow_with_the_data(pipeline, office, office_client, django_assert_max_num_queries):
    with CaptureQueriesContext(connection) as before:
        _dashboard(office_client)
    for month in range(1, 10):
        add_project(office, 1000 * month, chain="纺织服装", link="设计研发", since=D(2025, month, 3))
    with django_assert_max_num_queries(DASHBOARD_QUERIES), CaptureQueriesContext(connection) as after:
        _dashboard(office_client)
    assert len(after) == len(before)


def test_drill_query_count_is_fixed(pipeline, office_client, django_assert_max_num_queries):
    for query in ("kind=projects&stage=signed&chain=none", "kind=kpis&light=red", "kind=lights&unit=1&light=grey"):
        url = f"{reverse('kpis:drill')}?{query}"
        office_client.get(url)  # a process builds each registry's filter once (kpis/registries.py): not per request
        with django_assert_max_num_queries(DRILL_QUERIES):
            assert office_client.get(url).status_code == 200


@pytest.mark.parametrize("query", ["kind=projects&stage=signed", "kind=kpis", "kind=lights&unit={unit}"])
def test_drill_export_has_the_rows_of_the_page(pipeline, office_client, unit_user, query):
    query = f"year=2025&as_of=2025-10-15&{query.format(unit=unit_user.unit_id)}"
    count, _ = drill_totals(office_client, query)
    response = office_client.get(f"{reverse('kpis:drill_export')}?{query}")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert len(rows) == count and count > 0
    assert f"共{count}条" in sheet["A1"].value


@pytest.mark.parametrize("query", ["kind=nothing", "stage=lead", "month=13", "as_of=2025-13-01", "year=99", "chain=abc",
                                   "kind=lights", "chain=999999", "kind=kpis&light=purple"])
def test_a_drill_down_that_makes_no_sense_is_refused_in_chinese(pipeline, office_client, query):
    response = office_client.get(f"{reverse('kpis:drill')}?{query}")
    assert response.status_code == 400
    assert 'id="drill-error"' in response.content.decode()
