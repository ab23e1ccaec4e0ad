"""The industry-chain board: the plan's chains by task with their links, what each link brought this year, weak links,
projects without a link, each chain's own target; every number adds up to its drill-down rows."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.kpis.board_data import D, add_project, drill_totals, page_figures, walk
from tests.kpis.board_data import frozen, pipeline  # noqa: F401  (fixtures)
from zhaoshang.kpis.dashboard import board_params, chain_board
from zhaoshang.kpis.models import Kpi

# measured 18: the request (~7), the plan and its year (2), chains and links (2), the chain parts (~5), the tally (2)
BOARD_QUERIES = 20


def _board(client, **params) -> str:
    response = client.get(reverse("kpis:chains"), params)
    assert response.status_code == 200
    return response.content.decode()


def _card(office, chain_name: str, as_of: str = "2025-10-15"):
    groups = chain_board(board_params(user=office, params={"as_of": as_of}))
    return next(card for group in groups for card in group.cards if card.chain.name == chain_name)


def _stages(cell) -> dict:
    return {label: counted.count for label, counted, _query in cell.stages}


def test_every_number_on_the_chain_board_adds_up_to_its_rows(pipeline, office_client):
    page = _board(office_client)
    assert walk(office_client, page_figures(page)) > 17 * 4 * 3  # 17 chains, several links each, 4 stages


def test_chains_are_grouped_by_task_with_lead_units_links_in_order_and_weak_links(pipeline, office):
    groups = chain_board(board_params(user=office, params={}))
    assert [group.title for group in groups] == ["任务1 · 传统产业", "任务2 · 新兴产业", "任务3 · 特色产业", "任务4 · 未来产业"]
    assert sum(len(group.cards) for group in groups) == 17
    refinery = groups[0].cards[0]
    assert refinery.chain.name == "石油化工" and refinery.chain.lead_unit.short_name == "潜江高新区"
    assert [cell.link.name for cell in refinery.cells] == ["原油炼制", "精细化工", "新材料应用"]
    textile = groups[0].cards[2]
    assert [cell.link.name for cell in textile.cells if cell.link.is_weak] == ["服装面料", "针织产品", "高端商务男装"]
    assert not any(cell.link.is_weak for cell in textile.cells[:3])


def test_each_link_counts_this_years_projects_by_stage(pipeline, office):
    refinery = _card(office, "石油化工")
    assert _stages(refinery.cells[0]) == {"签约": 1, "注册": 1, "开工": 1, "投产": 0}  # 2024's signing is not this year's
    assert (refinery.signed.count, refinery.signed.amount_wan) == (1, 30000)
    salt = _card(office, "盐化工")
    assert _stages(salt.unlinked)["签约"] == 1  # a project without a link
    assert _stages(salt.cells[1])["签约"] == 0  # 基础化工: moved back on 1 August
    assert salt.signed.count == 1


def test_the_board_as_of_a_past_date(pipeline, office):
    salt = _card(office, "盐化工", "2025-06-30")
    assert _stages(salt.cells[1])["签约"] == 1 and salt.signed.count == 2
    aluminium = _card(office, "铝基新材料", "2025-06-30")
    assert _stages(aluminium.cells[0])["签约"] == 1  # terminated on 1 July
    assert _stages(_card(office, "铝基新材料").cells[0])["签约"] == 0


def test_each_chain_shows_its_own_target_linked_to_the_indicator(pipeline, office, office_client):
    refinery = _card(office, "石油化工")
    [figure] = refinery.figures
    assert figure.kpi == Kpi.objects.get(split_label="石油化工") and figure.actual == 1 and figure.met
    assert _card(office, "战略储备").figures[0].actual == 0  # 2000万元: below 亿元
    page = _board(office_client)
    assert f'href="{reverse("kpis:detail", args=[figure.kpi.pk])}?as_of=2025-10-15"' in page


def test_future_industries_have_no_links_and_show_all_their_projects(pipeline, office, office_client):
    add_project(office, 50000, chain="固态电池", since=D(2025, 8, 8), unit="市发改委")
    battery = _card(office, "固态电池")
    assert battery.cells == [] and _stages(battery.unlinked)["签约"] == 1
    assert re.search(r'id="chain-\d+".*?全部项目', _board(office_client), re.S)


def test_a_unit_user_counts_only_its_own_projects(pipeline, unit_user, unit_client):
    assert _card(unit_user, "战略储备").signed.count == 1
    assert _card(unit_user, "石油化工").signed.count == 0
    walk(unit_client, page_figures(_board(unit_client)))


def test_board_query_count_does_not_grow_with_the_data(pipeline, office, office_client, django_assert_max_num_queries):
    with CaptureQueriesContext(connection) as before:
        _board(office_client)
    for link in ("设计研发", "智能生产", "服装面料"):
        add_project(office, 20000, chain="纺织服装", link=link, since=D(2025, 5, 5), unit="市经信局")
    with django_assert_max_num_queries(BOARD_QUERIES), CaptureQueriesContext(connection) as after:
        page = _board(office_client)
    assert len(after) == len(before)
    count, amount = drill_totals(office_client, f"kind=projects&stage=signed&year=2025&as_of=2025-10-15&chain={_card(office, '纺织服装').chain.pk}")
    assert (count, amount) == (3, 60000) and "60000" in page
