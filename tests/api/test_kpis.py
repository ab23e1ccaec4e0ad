"""Indicators over the API: every figure of the plan as of a date, the rows behind one figure, bad input in Chinese."""

import datetime

import pytest
from django.test import Client

from tests.kpis.test_figures import project
from zhaoshang.accounts.models import User
from zhaoshang.kpis.choices import Kind
from zhaoshang.kpis.models import Kpi
from zhaoshang.kpis.services.values import value_review, value_submit
from zhaoshang.meetings.services.meetings import MeetingInput, meeting_create, meeting_update
from zhaoshang.plans.models import Target
from zhaoshang.projects.lookups import tags_named
from zhaoshang.projects.services.lifecycle import project_stage_change

D = datetime.date
COUNT_KINDS = (Kind.PROJECT_COUNT, Kind.REGISTRY_COUNT)


@pytest.fixture
def api(office):
    client = Client()
    client.force_login(office)
    return client


def _get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def pipeline(demo, office):
    """A few projects for tasks 1-8 and 13-18: amounts on both sides of 1亿元, one moved back after signing (counted
    until it moved), one terminated, one signed last year; and a registry indicator with its meetings."""
    projects = {
        "petro": project(office, 20000, chain="石油化工", unit="潜江高新区", since=D(2025, 3, 1)),
        "small": project(office, 8000, chain="石油化工", unit="潜江高新区", since=D(2025, 4, 1)),
        "moved": project(office, 10000, since=D(2025, 5, 1)),
        "ended": project(office, 50000, chain="战略储备", unit="市发改委", since=D(2025, 2, 1)),
        "farm": project(office, 30000, chain="小龙虾深加工", unit="市农业农村局", since=D(2025, 3, 1), channel="chushang",
                        tags=tags_named(["农业场景"])),
        "platform": project(office, 5000, chain=None, unit="市招商服务中心", since=D(2024, 12, 1), channel="platform",
                            channel_detail="中伦", tags=tags_named(["生产性服务业"])),
        "energy": project(office, 12000, chain=None, unit="市发改委", since=D(2025, 6, 10), channel="fund",
                          channel_detail="产业引导基金", tags=tags_named(["能源"])),
    }
    project_stage_change(actor=office, project=projects["moved"], stage="negotiating", happened_on=D(2025, 11, 1),
                         note="合同解除重谈")
    project_stage_change(actor=office, project=projects["ended"], stage="terminated", happened_on=D(2025, 6, 1),
                         note="企业撤资")
    project_stage_change(actor=office, project=projects["farm"], stage="registered", happened_on=D(2025, 4, 1))
    project_stage_change(actor=office, project=projects["farm"], stage="started", happened_on=D(2025, 8, 1))
    task11 = Target.objects.get(plan=demo, tasks__number="11")
    Kpi.objects.create(plan=demo, target=task11, text="2025年单周会商研判会议", kind=Kind.REGISTRY_COUNT, goal=26, unit="次",
                       year=2025, registry="meetings_review", order=5)
    for day in (D(2025, 9, 5), D(2025, 9, 12), D(2025, 12, 5)):
        meeting = meeting_create(actor=office, data=MeetingInput("review", day))
        meeting_update(actor=office, meeting=meeting, status="held")
    return projects


def test_every_indicator_with_its_task_part_and_figure(api, demo, pipeline, django_assert_max_num_queries):
    with django_assert_max_num_queries(28):  # 23 of its own (one per registry source counted); the rest are the session
        rows = _get(api, "/api/v1/indicators", as_of="2025-12-31")
    assert len(rows) == Kpi.objects.filter(plan=demo).count() == 43
    by_split = {row["split"]: row for row in rows if row["split"]}
    petro = by_split["石油化工"]
    assert (petro["task"], petro["chain"], petro["kind"], petro["goal"], petro["actual"], petro["light"]) == (
        "1", "石油化工", "project_count", 1.0, 1.0, "green")
    assert petro["rows"] == 1 and "计划投资≥1亿元" in petro["rule"] and petro["due"] == "2025-12-31"
    parent = next(row for row in rows if row["id"] == petro["parent"])
    assert (parent["parent"], parent["chain"], parent["goal"], parent["actual"]) == (None, None, 5.0, 1.0)
    assert by_split["生产性服务业"]["chain"] is None  # a per-item part: no chain
    returnees = next(row for row in rows if row["kind"] == "project_count" and row["unit"] == "家")
    assert (returnees["task"], returnees["tasks"]) == ("13", ["13", "14", "15"])
    assert returnees["actual"] == 1.0 and returnees["light"] == "red"  # 1 of 18: the year is over
    growth = next(row for row in rows if row["kind"] == "growth_count")
    assert growth["actual"] is None and growth["light"] == "grey" and growth["reason"] == "未录入上年基数"


def test_the_date_decides_what_counts(api, pipeline):
    def salt(as_of):
        rows = _get(api, "/api/v1/indicators", as_of=as_of)
        return next(row for row in rows if row["split"] == "盐化工")["actual"]

    assert (salt("2025-04-30"), salt("2025-10-31"), salt("2025-11-01")) == (0.0, 1.0, 0.0)


def test_rows_count_equals_the_figure_for_every_count_indicator(api, demo, pipeline):
    for as_of in ("2025-05-31", "2025-10-31", "2025-12-31"):
        indicators = _get(api, "/api/v1/indicators", as_of=as_of)
        parents = {row["parent"] for row in indicators}
        checked = 0
        for row in indicators:
            if row["kind"] in COUNT_KINDS and row["id"] not in parents:
                rows = _get(api, f"/api/v1/indicators/{row['id']}/rows", as_of=as_of)
                listed = rows["projects"] if row["kind"] == Kind.PROJECT_COUNT else rows["registry"]
                assert rows["count"] == len(listed) == row["actual"] == row["rows"], (as_of, row["text"], row["split"])
                assert rows["actual"] == row["actual"]
                checked += 1
        assert checked == 31  # 26 project counts (17 chain parts, 4 tag parts …) and 5 registry counts


def test_project_rows_say_when_each_reached_the_counted_stage(api, demo, pipeline):
    salt = Kpi.objects.get(plan=demo, split_label="盐化工")
    rows = _get(api, f"/api/v1/indicators/{salt.pk}/rows", as_of="2025-10-31")
    assert rows["source"] == "projects" and rows["count"] == 1 and not rows["truncated"]
    moved = rows["projects"][0]
    assert (moved["id"], moved["stage"], moved["reached_on"], moved["amount_wan"]) == (
        pipeline["moved"].pk, "negotiating", "2025-05-01", 10000.0)  # it counts by the signing it later lost
    assert moved["chain"] == "盐化工" and moved["lead_unit"] == "市自然资源和城乡建设局"
    parent = _get(api, f"/api/v1/indicators/{salt.parent_id}/rows", as_of="2025-12-31")
    assert [p["id"] for p in parent["projects"]] == [pipeline["petro"].pk] and parent["actual"] == 1.0


def test_registry_rows_are_the_meetings_held_that_year(api, demo, pipeline):
    meetings = Kpi.objects.get(plan=demo, registry="meetings_review")
    rows = _get(api, f"/api/v1/indicators/{meetings.pk}/rows", as_of="2025-11-30")
    assert rows["source"] == "registry" and sorted(r["date"] for r in rows["registry"]) == ["2025-09-05", "2025-09-12"]
    assert rows["actual"] == 2.0


def test_value_rows_are_the_confirmed_history_up_to_the_date(api, demo, office):
    output = Kpi.objects.get(plan=demo, kind=Kind.REPORTED, unit="亿元")
    reporter = User.objects.get(unit=output.reporting_unit)
    first = value_submit(actor=reporter, kpi=output, value="210.5", as_of=D(2025, 6, 30), note="1-6月")
    value_review(actor=office, row=first, confirm=True)
    value_submit(actor=office, kpi=output, value="330", as_of=D(2025, 9, 30), note="1-9月")  # the office's: confirmed
    value_submit(actor=reporter, kpi=output, value="360", as_of=D(2025, 10, 31))  # not confirmed yet
    rows = _get(api, f"/api/v1/indicators/{output.pk}/rows", as_of="2025-10-31")
    assert rows["source"] == "values" and [(v["value"], v["as_of"]) for v in rows["values"]] == [
        (330.0, "2025-09-30"), (210.5, "2025-06-30")]
    assert rows["actual"] == 330.0 and rows["values"][1]["reviewed_by"] == "督办专员"
    assert _get(api, f"/api/v1/indicators/{output.pk}/rows", as_of="2025-08-31")["actual"] == 210.5


def test_a_plan_can_be_chosen_and_a_missing_one_is_404(api, demo):
    assert len(_get(api, "/api/v1/indicators", plan=demo.pk)) == 42
    response = api.get("/api/v1/indicators", {"plan": 999999})
    assert response.status_code == 404 and response.json()["detail"] == "对象不存在或无权访问"


@pytest.mark.parametrize("as_of", ["2025-13-01", "2025/09/30", "昨天", "2025-02-30"])
def test_a_bad_date_is_refused_in_chinese(api, demo, as_of):
    kpi = Kpi.objects.filter(plan=demo).first()
    for url in ("/api/v1/indicators", f"/api/v1/indicators/{kpi.pk}/rows"):
        response = api.get(url, {"as_of": as_of})
        assert response.status_code == 422 and response.json()["detail"] == "请求参数不正确", url


def test_an_unknown_or_deleted_indicator_is_404(api, demo, office):
    assert api.get("/api/v1/indicators/999999/rows").status_code == 404
    gone = Kpi.objects.filter(plan=demo).first()
    Kpi.objects.filter(pk=gone.pk).update(deleted_at=datetime.datetime(2025, 7, 1, tzinfo=datetime.timezone.utc))
    response = api.get(f"/api/v1/indicators/{gone.pk}/rows")
    assert response.status_code == 404 and response.json()["detail"] == "对象不存在或无权访问"


def test_a_unit_reads_only_its_own_projects_behind_a_figure_as_on_the_page(demo, pipeline):
    """The API's rows are the page's rows (visible_rows): a unit user sees only its own unit's projects."""
    salt = Kpi.objects.get(plan=demo, split_label="盐化工").parent  # its rows: the 潜江高新区's petro project
    petro_unit, other = User.objects.get(unit__short_name="潜江高新区"), User.objects.get(unit__short_name="市商务局")
    for user, expected in ((petro_unit, 1), (other, 0)):
        client = Client()
        client.force_login(user)
        rows = _get(client, f"/api/v1/indicators/{salt.pk}/rows", as_of="2025-12-31")
        assert rows["count"] == len(rows["projects"]) == expected, user
        page = client.get(f"/kpis/{salt.pk}/", {"as_of": "2025-12-31"})
        assert page.status_code == 200 and (pipeline["petro"].name in page.content.decode()) == bool(expected)
