"""A small hand-built pipeline for the dashboard and the chain board, and a walker that follows every figure shown
on a page to its drill-down and checks the rows add up to it."""

import datetime
import html
import json
import re
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from zhaoshang.accounts.models import Unit
from zhaoshang.plans.models import ChainLink
from zhaoshang.projects.lookups import chain_named
from zhaoshang.projects.services.lifecycle import project_stage_change
from zhaoshang.projects.services.projects import ProjectInput, project_create

D = datetime.date
TODAY = datetime.datetime(2025, 10, 15, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
_serial = iter(range(1, 100_000))


@pytest.fixture
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield TODAY.date()


def add_project(office, amount, *, chain=None, link=None, stage="signed", since=D(2025, 3, 1), unit="市自然资源和城乡建设局"):
    n = next(_serial)
    chain_row = chain_named(chain) if chain else None
    return project_create(actor=office, data=ProjectInput(
        name=f"看板测试项目{n}", enterprise_name=f"看板测试企业{n}有限公司", amount_wan=amount,
        lead_unit=Unit.objects.get(short_name=unit), chain=chain_row,
        chain_link=ChainLink.objects.get(chain=chain_row, name=link) if link else None, stage=stage, stage_since=since))


@pytest.fixture
def pipeline(demo, office, frozen):
    """As of 2025-10-15, year 2025:

    | project | chain · link | 万元 | history | counts as of 10-15 | as of 06-30 |
    |---|---|---|---|---|---|
    | refinery | 石油化工 · 原油炼制 | 30000 | signed 03-01, started 06-10 | signed, registered, started | same |
    | salt | 盐化工 · — | 12000 | signed 04-15 | signed | signed |
    | basic | 盐化工 · 基础化工 | 5000 | signed 05-20, back to 洽谈 08-01 | — | signed (a retreat) |
    | last_year | 石油化工 · 原油炼制 | 20000 | signed 2024-11-03 | 2024 only | 2024 only |
    | loose | — | 800 | signed 09-01 | signed | — |
    | ended | 铝基新材料 · 原材料 | 15000 | signed 02-01, terminated 07-01 | — | signed |
    | talks | 智能家居 | 9000 | 洽谈 | — | — |
    | reserve | 战略储备 (市发改委) | 2000 | signed 07-07 | signed | — |
    """
    refinery = add_project(office, 30000, chain="石油化工", link="原油炼制")
    project_stage_change(actor=office, project=refinery, stage="started", happened_on=D(2025, 6, 10), note="开工")
    salt = add_project(office, 12000, chain="盐化工", since=D(2025, 4, 15))
    basic = add_project(office, 5000, chain="盐化工", link="基础化工", since=D(2025, 5, 20))
    project_stage_change(actor=office, project=basic, stage="negotiating", happened_on=D(2025, 8, 1), note="合同解除重谈")
    last_year = add_project(office, 20000, chain="石油化工", link="原油炼制", since=D(2024, 11, 3))
    loose = add_project(office, 800, since=D(2025, 9, 1))
    ended = add_project(office, 15000, chain="铝基新材料", link="原材料", since=D(2025, 2, 1), unit="市商务局")
    project_stage_change(actor=office, project=ended, stage="terminated", happened_on=D(2025, 7, 1), note="企业撤资")
    talks = add_project(office, 9000, chain="智能家居", stage="negotiating", since=D(2025, 8, 1), unit="市住房和城市更新局")
    reserve = add_project(office, 2000, chain="战略储备", since=D(2025, 7, 7), unit="市发改委")
    return {"refinery": refinery, "salt": salt, "basic": basic, "last_year": last_year, "loose": loose, "ended": ended,
            "talks": talks, "reserve": reserve}


# --- walking a page's figures ------------------------------------------------------------------------------

TAG = re.compile(r"<a\b[^>]*\bdata-figure\b[^>]*>")
DRILL_COUNT = re.compile(r'id="drill-count" data-value="(\d+)"')
DRILL_AMOUNT = re.compile(r'id="drill-amount" data-value="([\d.]+)"')


def _attribute(tag: str, name: str) -> str | None:
    found = re.search(rf'\b{name}="([^"]*)"', tag)
    return html.unescape(found.group(1)) if found else None


def page_figures(page: str) -> list[tuple[str, str, Decimal]]:
    """(drill query, "count" or "amount", value) of every number the page links to its rows."""
    figures = []
    for tag in TAG.findall(page):
        href = _attribute(tag, "href")
        figures.append((href.split("?", 1)[1], _attribute(tag, "data-measure") or "count", Decimal(_attribute(tag, "data-value"))))
    return figures


def chart_data(page: str) -> dict:
    found = re.search(r'<script id="board-data" type="application/json">(.*?)</script>', page, re.S)
    return json.loads(found.group(1))


def chart_figures(charts: dict) -> list[tuple[str, str, Decimal]]:
    """(drill query, measure, value) of every bar, layer and point the dashboard draws."""
    figures = []
    for series in charts["focus"]["series"] + charts["units"]["series"] + charts["months"]["series"]:
        figures += [(p["query"], "count", Decimal(p["value"])) for p in series["data"] if p is not None]
    figures += [(p["query"], "count", Decimal(p["value"])) for p in charts["focus"]["met"]]
    for point in charts["funnel"]:
        figures += [(point["query"], "count", Decimal(point["value"])), (point["query"], "amount", Decimal(point["amount_wan"]))]
    for point in charts["chains"]["data"]:
        assert abs(point["value"] * 10000 - float(point["amount_wan"])) < 0.01  # the bar is the amount in 亿元
        figures += [(point["query"], "count", Decimal(point["count"])), (point["query"], "amount", Decimal(point["amount_wan"]))]
    return figures


def drill_totals(client, query: str) -> tuple[int, Decimal | None]:
    response = client.get(f"{reverse('kpis:drill')}?{query}")
    assert response.status_code == 200, query
    page = response.content.decode()
    amount = DRILL_AMOUNT.search(page)
    return int(DRILL_COUNT.search(page).group(1)), Decimal(amount.group(1)) if amount else None


def walk(client, figures) -> int:
    """Follow every figure to its drill-down; the rows' count (or amount) must be the figure. Returns how many."""
    for query, measure, value in figures:
        count, amount = drill_totals(client, query)
        assert (amount if measure == "amount" else count) == value, f"{query}: {measure} {value} ≠ {count}/{amount}"
    return len(figures)
