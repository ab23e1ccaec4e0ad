"""The registry figures on the chain board and the dashboard's 登记数据 panel: rows in place on the board's day per
chain and per registry group, new this year, soft-deleted and ended rows left out; every figure is the count of the
registry list it links to; one query each, however many rows."""

import datetime
import html
import re

import pytest
from django.urls import reverse

from tests.registries.samples import sample_values
from zhaoshang.kpis.dashboard import board_params, chain_board
from zhaoshang.kpis.registry_figures import chain_registries, chain_registry_figures, registry_groups
from zhaoshang.plans.models import Chain
from zhaoshang.projects.lookups import chain_named
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.services import entry_create, entry_delete

D = datetime.date
AS_OF = D(2025, 10, 15)
FIGURE = re.compile(r"<a\b[^>]*\bdata-registry-figure\b[^>]*>")


def _row(office, key: str, **values):
    registry = registry_named(key)
    return entry_create(registry=registry, actor=office, data={**sample_values(registry, office), **values})


@pytest.fixture
def rows(demo, office):
    """As of 2025-10-15:

    | registry | chain | since | until | in place | new in 2025 |
    |---|---|---|---|---|---|
    | talent | 石油化工 | 2025-03-01 | — | yes | yes |
    | talent | 石油化工 | 2024-05-01 | — | yes | no |
    | talent | 石油化工 | 2025-11-01 | — | no (later) | no (later) |
    | talent | 石油化工 | 2025-02-01 | 2025-09-30 | no (ended) | yes |
    | talent | 石油化工 | 2025-04-01 | — (deleted) | no | no |
    | talent | 盐化工 | 2025-05-01 | — | yes | yes |
    | fund | 盐化工 | 2025-06-01 | — | yes | yes |
    | talent | — | 2025-06-01 | — | yes (no chain) | yes |
    """
    refinery, salt = chain_named("石油化工"), chain_named("盐化工")
    _row(office, "talent", chain=refinery, since=D(2025, 3, 1))
    _row(office, "talent", chain=refinery, since=D(2024, 5, 1))
    _row(office, "talent", chain=refinery, since=D(2025, 11, 1))
    _row(office, "talent", chain=refinery, since=D(2025, 2, 1), until=D(2025, 9, 30))
    gone = _row(office, "talent", chain=refinery, since=D(2025, 4, 1))
    entry_delete(registry=registry_named("talent"), actor=office, row=gone)
    _row(office, "talent", chain=salt, since=D(2025, 5, 1))
    _row(office, "fund", chain=salt, since=D(2025, 6, 1))
    _row(office, "talent", chain=None, since=D(2025, 6, 1))
    return refinery, salt


def _card(user, chain: Chain):
    groups = chain_board(board_params(user=user, params={"as_of": AS_OF.isoformat(), "year": "2025"}))
    return next(card for group in groups for card in group.cards if card.chain.pk == chain.pk)


def _counts(figures) -> dict[str, int]:
    return {figure.registry.key: figure.count for figure in figures}


def _group(name: str):
    return next(group for group in registry_groups(AS_OF, 2025) if group.name == name)


def test_the_chain_registries_are_those_with_a_chain_column():
    keys = {registry.key for registry in chain_registries()}
    assert {"enterprise", "tech_need", "talent", "talent_demand", "training_base", "innovation", "achievement", "fund",
            "promo_project"} <= keys
    assert not keys & {"park", "land", "chushang", "event"}


def test_a_chain_card_counts_its_registry_rows_in_place_on_the_day(rows, office, unit_user):
    refinery, salt = rows
    assert _counts(_card(office, refinery).registries) == {"talent": 2}  # not the later, ended or deleted ones
    assert _counts(_card(office, salt).registries) == {"talent": 1, "fund": 1}
    assert _counts(_card(unit_user, salt).registries) == {"talent": 1, "fund": 1}  # every user reads every registry
    figure = _card(office, refinery).registries[0]
    assert figure.url == f"/registries/talent/?chain={refinery.pk}&as_of=2025-10-15"


def test_an_earlier_day_counts_what_was_in_place_then(rows):
    refinery, _salt = rows
    assert _counts(chain_registry_figures([refinery], D(2025, 9, 1))[refinery.pk]) == {"talent": 3}  # the ended row was in place
    assert chain_registry_figures([refinery], D(2024, 1, 1)) == {}


def test_the_dashboard_groups_count_rows_in_place_and_new_this_year(rows):
    talent = _group("人才")
    by_key = {row.registry.key: row for row in talent.rows}
    assert (by_key["talent"].in_place.count, by_key["talent"].new.count) == (4, 4)
    assert by_key["talent"].new.query == "since_from=2025-01-01&since_to=2025-10-15"
    assert (talent.in_place, talent.new) == (4, 4)
    funds = _group("招商平台、基金与国企")
    assert (funds.in_place, funds.new) == (1, 1)
    assert [group.name for group in registry_groups(AS_OF, 2025)][:2] == ["资源要素数据库", "企业名录与招商靶向"]


def test_nothing_is_new_in_a_year_not_yet_begun(rows):
    assert _group("人才").new and all(group.new == 0 for group in registry_groups(AS_OF, 2026))


def _registry_figures(page: str) -> list[tuple[str, int]]:
    found = []
    for tag in FIGURE.findall(page):
        href = html.unescape(re.search(r'href="([^"]*)"', tag).group(1))
        found.append((href, int(re.search(r'data-value="(\d+)"', tag).group(1))))
    return found


def _walk(client, figures) -> int:
    """Follow every registry figure to its list: the list's count must be the figure."""
    for href, value in figures:
        page = client.get(href).content.decode()
        shown = int(re.search(r'<span id="total-count">(\d+)</span>', page).group(1))
        assert shown == value, f"{href}: {value} ≠ {shown}"
    return len(figures)


def test_every_registry_figure_on_the_board_and_the_dashboard_is_its_lists_count(rows, leader_client):
    board = leader_client.get(reverse("kpis:chains"), {"as_of": "2025-10-15", "year": "2025"}).content.decode()
    assert _walk(leader_client, _registry_figures(board)) == 3
    page = leader_client.get(reverse("kpis:dashboard"), {"as_of": "2025-10-15", "year": "2025"}).content.decode()
    assert 'id="registry-panel"' in page and "人才" in page
    assert _walk(leader_client, _registry_figures(page)) > 36  # every registry in place, and new where the list filters by date


def test_registry_figures_take_one_query_each_however_many_rows(rows, office, django_assert_num_queries):
    chains = list(Chain.objects.all())
    with django_assert_num_queries(1):
        chain_registry_figures(chains, AS_OF)
    with django_assert_num_queries(1):
        registry_groups(AS_OF, 2025)
    for chain in chains[:5]:
        for key in ("talent", "fund", "achievement", "promo_project"):
            _row(office, key, chain=chain, since=D(2025, 7, 1))
    with django_assert_num_queries(1):
        figures = chain_registry_figures(chains, AS_OF)
    assert sum(figure.count for chain in chains[:5] for figure in figures[chain.pk]) >= 20
    with django_assert_num_queries(1):
        registry_groups(AS_OF, 2025)
