"""Every GET page and every GET API operation, walked as the office with hostile query values and path ids:
never a 5xx, and every 4xx answers in Chinese."""

import datetime
import inspect
import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import resolve, reverse

from tests.core.test_permission_walk import PAGES, urls  # noqa: F401 (fixture)
from zhaoshang.accounts.models import Unit, User
from zhaoshang.accounts.services import token_issue
from zhaoshang.api.main import api
from zhaoshang.kpis.forms import OverviewFilterForm
from zhaoshang.kpis.models import Kpi
from zhaoshang.meetings.services.actions import action_item_create
from zhaoshang.meetings.services.meetings import MeetingInput, meeting_create
from zhaoshang.needs.services.tickets import NeedInput, need_create
from zhaoshang.plans.models import Assignment, Chain
from zhaoshang.projects.filters import ProjectFilter
from zhaoshang.projects.services.projects import ProjectInput, project_create
from zhaoshang.registries.catalog import all_registries, registry_named
from zhaoshang.registries.filters import filterset_class
from zhaoshang.registries.services import entry_create

HOSTILE = ["0", "-1", "99999999999999999999", "2025-13-45", "abc", "'", "\x00", "x" * 2000, "2025-00", "1e400"]
HUGE_ID = 10**20 - 1
CHINESE = re.compile("[\u4e00-\u9fff]")
SOURCE = Path(__import__("zhaoshang").__file__).parent
READS = re.compile(r"""(?:GET|params|query)(?:\.get|\.getlist)\(\s*["'](\w+)["']|params\[["'](\w+)["']\]"""
                   r"""|query_\w+\((?:request\.GET|params|query), ["'](\w+)["']""")


def _query_names() -> list[str]:
    """Every query parameter a page reads: request.GET / params lookups in the source, and the GET filter forms' fields."""
    names = set(ProjectFilter.base_filters) | set(OverviewFilterForm.base_fields)
    for path in SOURCE.rglob("*.py"):
        if "api" not in path.parts:
            names |= {"".join(groups) for groups in READS.findall(path.read_text(encoding="utf-8"))}
    return sorted(names - {"next"})


def _registry_query_names(url: str) -> list[str]:
    """A registry list's own filters (built from its declaration), for the pages that read them."""
    match = resolve(url)
    if match.view_name not in ("registries:list", "registries:export"):
        return []
    return sorted({"sort", *filterset_class(all_registries()[match.kwargs["key"]]).base_filters})


def _reads_query(url: str) -> bool:
    """Whether the page's view module reads the query string at all (the others get only the all-at-once pass)."""
    view = resolve(url).func
    module = inspect.getmodule(getattr(view, "view_class", None) or inspect.unwrap(view))
    return "request.GET" in inspect.getsource(module)


def _problem(response, what: str) -> str | None:
    """What is wrong with the answer: a 5xx, or a 4xx whose page or JSON detail is not Chinese."""
    if response.status_code >= 500:
        return f"{what}: {response.status_code}"
    if response.status_code >= 400:
        body = response.content.decode("utf-8", "replace")
        if response.get("Content-Type", "").startswith("application/json"):
            body = str(response.json().get("detail", ""))
        if not CHINESE.search(body):
            return f"{what}: {response.status_code} not in Chinese: {body[:200]}"
    return None


class Problems(list):
    """Collects every problem of a walk, so one run names them all."""

    def check(self, response, what: str) -> None:
        if problem := _problem(response, what):
            self.append(problem)


@pytest.fixture
def office_client(office):
    """The office, seeing server errors as answers (500) rather than raised, so one walk lists them all."""
    client = Client(raise_request_exception=False)
    client.force_login(office)
    return client


GET_PAGES = sorted(name for name, (method, _) in PAGES.items() if method == "get" and name != "logout")


def test_pages_survive_hostile_query_values(office_client, urls):  # noqa: F811
    office, problems, base = office_client, Problems(), _query_names()
    assert {"year", "as_of", "page", "unit", "period"} <= set(base)
    lone = ("-1", "99999999999999999999", "2025-13-45")
    for page, name in enumerate(GET_PAGES):
        names = sorted({*base, *_registry_query_names(urls[name])})
        for value in HOSTILE:
            problems.check(office.get(urls[name], {key: value for key in names}), f"{name} all={value[:20]!r}")
        if not _reads_query(urls[name]):
            continue
        # one at a time, so that a parameter refused first does not hide the next; the value rotates over the pages
        # (every parameter meets each of the three on some page at a third of the requests)
        for index, key in enumerate(names):
            value = lone[(index + page) % len(lone)]
            problems.check(office.get(urls[name], {key: value}), f"{name} {key}={value!r}")
    assert not problems, "\n".join(problems)


def test_every_registry_list_survives_hostile_filter_values(office_client):
    """Each registry's filters are built from its declaration (choices, links, numbers, dates): every one of them,
    on every registry, answers a bad value with a Chinese 400, never a 500."""
    problems = Problems()
    for key in sorted(all_registries()):
        url = f"/registries/{key}/"
        names = _registry_query_names(url)
        for value in HOSTILE:
            problems.check(office_client.get(url, {name: value for name in names}), f"{key} all={value[:20]!r}")
        for name in names:
            for value in ("-1", "99999999999999999999", "2025-13-45", "abc"):
                problems.check(office_client.get(url, {name: value}), f"{key} {name}={value!r}")
    assert not problems, "\n".join(problems)


def test_a_nul_character_in_a_page_query_is_refused_on_every_database(office_client):
    """PostgreSQL cannot take text with NUL (the audit page's type filter gave a 500 there); SQLite took it silently."""
    response = office_client.get("/audit/", {"type": "plans\x00"})
    assert response.status_code == 400
    assert "非法字符" in response.content.decode()


def test_pages_answer_404_in_chinese_for_ids_beyond_bigint(office_client, urls):  # noqa: F811
    office, problems = office_client, Problems()
    for name in GET_PAGES:
        match = resolve(urls[name])
        if not any(isinstance(value, int) for value in match.kwargs.values()):
            continue
        kwargs = {key: HUGE_ID if isinstance(value, int) else value for key, value in match.kwargs.items()}
        response = office.get(reverse(name, kwargs=kwargs))
        problems.check(response, f"{name} id={HUGE_ID}")
        if response.status_code != 404:
            problems.append(f"{name} id={HUGE_ID}: {response.status_code}, not 404")
    assert not problems, "\n".join(problems)


@pytest.fixture
def api_paths(demo):
    office, fgw = User.objects.get(username="office"), Unit.objects.get(short_name="市发改委")
    project = project_create(actor=office, data=ProjectInput(name="战略储备基地项目", enterprise_name="某能源公司",
                                                             amount_wan=20000, lead_unit=fgw))
    meeting = meeting_create(actor=office, data=MeetingInput("review", datetime.date.today()))
    item = action_item_create(actor=office, meeting=meeting, text="协调用地", owner_unit=fgw, due_date=meeting.date)
    need = need_create(actor=office, data=NeedInput(title="电力增容", need_type="power", unit=fgw, enterprise_name="某能源公司"))
    park = entry_create(registry=registry_named("park"), actor=office, data={"name": "查询走查园区"})
    return {"plan_id": demo.pk, "assignment_id": Assignment.objects.filter(unit=fgw).first().pk, "project_id": project.pk,
            "meeting_id": meeting.pk, "item_id": item.pk, "need_id": need.pk, "kpi_id": Kpi.objects.filter(plan=demo).first().pk,
            "key": "park", "entry_id": park.pk, "chain_id": Chain.objects.filter(plan=demo).first().pk}


def test_api_get_operations_survive_hostile_query_values_and_ids(api_paths):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token_issue(user=User.objects.get(username='office'))}"}
    client, schema, problems = Client(raise_request_exception=False), api.get_openapi_schema(), Problems()
    operations = [(path, op) for path, ops in schema["paths"].items() for method, op in ops.items() if method == "get"]
    assert len(operations) >= 10
    for path, operation in operations:
        params = operation.get("parameters", [])
        query = [p["name"] for p in params if p["in"] == "query"]
        url = path.format(**api_paths)
        for value in HOSTILE:
            problems.check(client.get(url, {key: value for key in query}, **headers), f"{path} all={value[:20]!r}")
            for key in query:
                problems.check(client.get(url, {key: value}, **headers), f"{path} {key}={value[:20]!r}")
        for key in (p["name"] for p in params if p["in"] == "path"):
            response = client.get(path.format(**{**api_paths, key: HUGE_ID}), **headers)
            problems.check(response, f"{path} {key}={HUGE_ID}")
            if response.status_code != 404:
                problems.append(f"{path} {key}={HUGE_ID}: {response.status_code}, not 404")
    assert not problems, "\n".join(problems)
