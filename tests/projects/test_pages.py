"""Pipeline pages per role: the list with its filters and totals, the kanban, a project, an enterprise; query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from zhaoshang.accounts.models import Unit
from zhaoshang.projects.flags import attach_clocks, flagged_q
from zhaoshang.projects.models import Enterprise, Project
from zhaoshang.projects.selectors import cohort_counts, kanban_for, pipeline_totals, project_rows, projects_for
from zhaoshang.projects.services.projects import ProjectInput, project_create

LIST = reverse("projects:list")


def _names(queryset) -> set[str]:
    return {p.name for p in queryset}


@pytest.mark.parametrize(("params", "expected"), [
    ({"chain": "盐化工"}, {"salt"}),
    ({"stage": "signed"}, {"reserve"}),
    ({"state": "stalled"}, {"stalled"}),
    ({"channel": "楚商回乡"}, {"salt"}),
    ({"channel": "soe"}, {"reserve"}),
    ({"tag": "农业场景"}, {"crayfish"}),
    ({"band": "ge10000"}, {"salt", "reserve", "ended"}),
    ({"band": "lt1000"}, {"crayfish"}),
    ({"band": "1000-5000"}, set()),
    ({"band": "5000-10000"}, {"stalled"}),
    ({"year": "2025"}, {"reserve"}),
    ({"flagged": "true"}, {"salt", "stalled"}),
    ({"flagged": "false"}, {"reserve", "crayfish", "ended"}),
    ({"q": "燃气"}, {"reserve"}),  # by enterprise name
    ({"q": "氯碱"}, {"salt"}),  # by project name
    ({"unit": "<fgw>"}, {"reserve", "stalled"}),
    ({"chain": "盐化工", "flagged": "true"}, {"salt"}),
])
def test_filters(pipeline, office, params, expected):
    if params.get("unit") == "<fgw>":
        params = {"unit": str(Unit.objects.get(short_name="市发改委").pk)}
    assert _names(projects_for(user=office, params=params)) == {pipeline[key].name for key in expected}


def test_flagged_filter_agrees_with_each_clock(pipeline, frozen):
    clocks = {p.pk: p.clock.flagged for p in attach_clocks(Project.objects.all(), frozen)}
    flagged = set(Project.objects.filter(flagged_q(frozen)).values_list("pk", flat=True))
    assert flagged == {pk for pk, is_flagged in clocks.items() if is_flagged} == {pipeline["salt"].pk, pipeline["stalled"].pk}


def test_totals_count_each_project_once_even_with_two_matching_investors(pipeline, office):
    pipeline["salt"].enterprises.add(project_create(actor=office, data=ProjectInput(
        name="另一个项目", enterprise_name="湖北某化工二厂有限公司", amount_wan=1, lead_unit=pipeline["salt"].lead_unit)
    ).enterprises.get())
    totals = pipeline_totals(projects_for(user=office, params={"q": "湖北某化工"}))
    assert totals["count"] == 2 and totals["amount_wan"] == 35001
    signed = next(s for s in pipeline_totals(projects_for(user=office))["stages"] if s["stage"] == "signed")
    assert (signed["label"], signed["count"], signed["amount_wan"]) == ("签约", 1, 20000)


def test_office_list_shows_totals_in_yi_and_clock_lights(pipeline, office_client, frozen):
    response = office_client.get(LIST, {"band": "ge10000"})
    html = response.content.decode()
    assert response.status_code == 200 and response.context["totals"]["count"] == 3
    assert '<div class="fs-4 fw-semibold" id="total-amount">6.7亿元</div>' in html
    assert "超出本阶段时限14天" in html and "light-red" in html and "3.5亿元" in html
    assert "export.xlsx?band=ge10000" in html  # the export link carries the filter


def test_unit_lists_only_its_own_unit_projects(pipeline, unit_client, leader_client):
    mine = unit_client.get(LIST)
    assert {p.name for p in mine.context["page_obj"]} == {pipeline["reserve"].name, pipeline["stalled"].name}
    assert "录入项目" in mine.content.decode()
    everything = leader_client.get(LIST)
    assert everything.context["totals"]["count"] == 5 and "录入项目" not in everything.content.decode()


def test_htmx_filtering_answers_only_the_results(pipeline, office_client):
    response = office_client.get(LIST, {"chain": "盐化工"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<nav" not in html and 'id="total-count">1<' in html and pipeline["salt"].name in html


def test_list_pages_keep_the_filter(pipeline, office, office_client):
    unit = Unit.objects.get(short_name="市商务局")
    for number in range(55):
        project_create(actor=office, data=ProjectInput(name=f"铝材加工{number}号项目", enterprise_name=f"铝业{number}号公司",
                                                       amount_wan=100 + number, lead_unit=unit))
    response = office_client.get(LIST, {"unit": unit.pk, "page": 2})
    assert response.context["page_obj"].number == 2 and len(response.context["page_obj"].object_list) == 6
    assert f"?unit={unit.pk}&amp;page=1" in response.content.decode()


def test_kanban_columns_count_and_sum_every_stage_and_leave_terminated_off(pipeline, office):
    columns = {c["stage"]: c for c in kanban_for(user=office, params={}).rows}
    assert list(columns) == ["lead", "negotiating", "signed", "registered", "permitting", "started", "producing"]
    assert (columns["negotiating"]["count"], columns["negotiating"]["amount_wan"]) == (2, 40000)  # salt + stalled, not ended
    assert [p.name for p in columns["signed"]["cards"]] == [pipeline["reserve"].name]
    ended = {c["stage"]: c for c in kanban_for(user=office, params={"state": "terminated"}).rows}
    assert ended["negotiating"]["count"] == 1


def test_kanban_page_shows_cards_and_move_links_only_to_those_who_work(pipeline, office_client, leader_client):
    office_page = office_client.get(reverse("projects:kanban")).content.decode()
    assert "项目看板" in office_page and 'data-move-url="/projects/' in office_page and "kanban.js" in office_page
    assert pipeline["salt"].name in office_page and 'column-count">2</span>个 · 4亿元' in office_page
    assert "data-move-url" not in leader_client.get(reverse("projects:kanban")).content.decode()


def test_detail_shows_timeline_and_phase_clock(pipeline, office_client, unit_client):
    reserve = pipeline["reserve"]
    html = office_client.get(reverse("projects:detail", args=[reserve.pk])).content.decode()
    assert "洽谈 → 签约" in html and "本阶段剩余5天" in html and "时限 1 个月（至 2025-10-20）" in html
    assert "变更阶段" in html and unit_client.get(reverse("projects:detail", args=[reserve.pk])).status_code == 200
    assert unit_client.get(reverse("projects:detail", args=[pipeline["salt"].pk])).status_code == 404


def test_enterprise_page_lists_its_projects_and_contacts(pipeline, office_client, unit_client, leader_client):
    enterprise = pipeline["reserve"].enterprises.get()
    html = office_client.get(reverse("projects:enterprise", args=[enterprise.pk])).content.decode()
    assert pipeline["reserve"].name in html and "王经理" in html and "13812340000" in html
    assert unit_client.get(reverse("projects:enterprise", args=[enterprise.pk])).status_code == 200
    salt_investor = pipeline["salt"].enterprises.get()
    assert unit_client.get(reverse("projects:enterprise", args=[salt_investor.pk])).status_code == 404
    assert leader_client.get(reverse("projects:enterprise", args=[salt_investor.pk])).status_code == 200


def _many_projects(office, count=40, start=0):
    units = list(Unit.objects.filter(short_name__in=["市发改委", "市商务局", "市经信局"]))
    for number in range(start, start + count):
        project_create(actor=office, data=ProjectInput(
            name=f"批量项目{number}", enterprise_name=f"批量企业{number}", amount_wan=1000 + number,
            lead_unit=units[number % 3], stage=["lead", "negotiating", "signed", "started"][number % 4]))


# both: session, user, filter choices (plan, chains, their links, tags, units), the bell, the nav's unit, the session's save (3);
# the list: totals (they count the pages too), rows, their units, enterprises and tags, the cohort counts; the
# kanban: totals, the cards of every stage, their units and enterprises; a tag filter: the tag's id (its bit)
@pytest.mark.parametrize(("url", "queries"), [("projects:list", 19), ("projects:kanban", 17)])
def test_queries_per_page_do_not_grow_with_the_data(pipeline, office, office_client, django_assert_max_num_queries, url,
                                                    queries):
    _many_projects(office)
    with django_assert_max_num_queries(queries):
        assert office_client.get(reverse(url)).status_code == 200
    _many_projects(office, 60, start=40)
    with django_assert_max_num_queries(queries):
        assert office_client.get(reverse(url), {"flagged": "false", "tag": "能源"}).status_code == 200


def test_list_shows_the_cohort_counts_cities_publish(office_client, demo):
    html = office_client.get("/projects/").content.decode()
    assert "储备项目" in html and "签约" in html and "投产" in html


def test_cohort_counts_leave_terminated_projects_out(pipeline, office, unit_user):
    # reserve: salt, crayfish and stalled (ended is terminated); signed this year: reserve
    assert cohort_counts(user=office, year=2025) == {"reserve": 3, "signed": 1, "started": 0, "producing": 0}
    assert cohort_counts(user=office, year=2024) == {"reserve": 3, "signed": 0, "started": 0, "producing": 0}
    assert cohort_counts(user=unit_user, year=2025) == {"reserve": 1, "signed": 1, "started": 0, "producing": 0}


def test_kanban_columns_show_their_most_recently_updated_cards(pipeline, office, monkeypatch):
    _many_projects(office, 12)  # three more of each of lead, negotiating, signed, started
    monkeypatch.setattr("zhaoshang.projects.selectors.KANBAN_CARDS", 2)
    columns = {c["stage"]: c for c in kanban_for(user=office, params={}).rows}
    for stage, column in columns.items():
        newest = Project.objects.filter(stage=stage).exclude(state="terminated").order_by("-updated_at", "-id")[:2]
        assert [card.pk for card in column["cards"]] == [p.pk for p in newest], stage
    assert columns["lead"]["count"] == 4 and len(columns["lead"]["cards"]) == 2


def test_kanban_of_a_search_without_hits_is_empty(pipeline, office, office_client):
    assert all(column["cards"] == [] for column in kanban_for(user=office, params={"q": "查无此名"}).rows)
    assert office_client.get(reverse("projects:kanban"), {"q": "查无此名"}).status_code == 200


def test_rows_leave_deleted_enterprises_out(pipeline):
    salt = pipeline["salt"]
    Enterprise.objects.filter(projects=salt).update(deleted_at=timezone.now())
    row, = project_rows(Project.objects.filter(pk=salt.pk))
    assert (row.enterprises, row.chain_name, row.unit_name, row.clock.light) == ([], "盐化工", "市自然资源和城乡建设局", "red")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner")
@pytest.mark.parametrize(("url", "indexes"), [
    (LIST, {"project_recent"}),  # its totals and cohorts come from the tallies
    (reverse("projects:kanban"), {"project_stage_recent"}),
    (LIST + "?tag=能源", {"project_recent"}),  # a tag's totals come from the tallies' tag grain
    (LIST + "?tag=能源&band=ge10000", {"project_stage_totals", "project_recent"}),  # an amount: the tallies do not keep it
])
def test_pages_read_their_indexes_even_without_statistics(pipeline, office, office_client, url, indexes):
    """Never ANALYZEd (as a live database is), SQLite takes `deleted_at IS NULL` for a selective condition: the
    pages' indexes must still win over the bare deleted_at ones, or every project (enterprise) is read by rowid."""
    _many_projects(office, 50)  # a full page: how many ids the rows' queries look up sways the plans
    with CaptureQueriesContext(connection) as queries:
        office_client.get(url)
    plans = ""
    with connection.cursor() as cursor:
        for query in queries.captured_queries:
            if '"projects_' in query["sql"]:
                cursor.execute("EXPLAIN QUERY PLAN " + query["sql"])
                plans += " ".join(row[3] for row in cursor.fetchall())
    assert all(index in plans for index in indexes) and "deleted_at_" not in plans, plans


def test_enterprise_phones_are_masked_as_in_the_export(pipeline, office_client, unit_client, leader_client, admin_user):
    """One rule for page and export (projects.contact_privacy.phones_visible): in full for the office and the owner unit
    (市发改委 leads the enterprise's project), masked for leaders, admins and any other role."""
    from django.test import Client

    url = reverse("projects:enterprise", args=[pipeline["reserve"].enterprises.get().pk])
    admin_client = Client()
    admin_client.force_login(admin_user)
    for client, shown in ((office_client, "13812340000"), (unit_client, "13812340000"), (leader_client, "138****0000"),
                          (admin_client, "138****0000")):
        html = client.get(url).content.decode()
        assert "王经理" in html and shown in html
        if shown != "13812340000":
            assert "13812340000" not in html


def test_the_filter_form_marks_what_is_chosen_and_escapes_labels(pipeline, office_client):
    chain = pipeline["salt"].chain
    chain.name = "盐化工<b>"
    chain.save(update_fields=["name"])
    html = office_client.get(LIST, {"chain": chain.pk, "stage": "signed"}).content.decode()
    assert f'<option value="{chain.pk}" selected>盐化工&lt;b&gt;</option>' in html
    assert '<option value="signed" selected>签约</option>' in html and '<option value="lead">线索</option>' in html
    link = chain.links.first()
    assert f'<option value="{link.pk}" data-chain="{chain.pk}">盐化工&lt;b&gt; / {link.name}</option>' in html
