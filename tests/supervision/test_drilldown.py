"""Drill-downs that drill: every count on the overview links to the rows it counts; the unit filter includes the
tasks a unit co-operates on and narrows the coordination list too."""

import datetime
import re

import time_machine

from zhaoshang.accounts.models import Unit, User
from zhaoshang.plans.models import Assignment
from zhaoshang.supervision.selectors.overview import OverviewFilters
from zhaoshang.supervision.services.reports import ReportInput, report_save

from tests.conftest import month

DEC = datetime.datetime(2025, 12, 10, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


def _unit(short_name: str) -> Unit:
    return Unit.objects.get(short_name=short_name)


def test_filters_build_and_read_the_same_query():
    filters = OverviewFilters.from_query({"unit": "7", "light": "red", "as_of": "2025-10-31", "overdue": "1"})
    assert filters.query() == "unit=7&light=red&overdue=1&as_of=2025-10-31"
    assert OverviewFilters.from_query(dict(p.split("=") for p in filters.query(light="").split("&"))) == \
        OverviewFilters(unit=7, overdue=True, as_of=datetime.date(2025, 10, 31))


@time_machine.travel(DEC, tick=False)
def test_ranking_unit_links_filter_the_overview(office_client, demo):
    page = office_client.get("/supervision/ranking/?as_of=2025-11-30").content.decode()
    unit = _unit("市经信局")
    assert f"/supervision/?unit={unit.pk}&amp;as_of=2025-11-30" in page
    assert "unit_id=" not in page
    overview = office_client.get(f"/supervision/?unit={unit.pk}&as_of=2025-11-30")
    assert overview.context["filters"].unit == unit.pk


@time_machine.travel(DEC, tick=False)
def test_unit_filter_shows_tasks_the_unit_leads_or_co_operates_on(office_client, demo):
    unit = _unit("市经信局")
    rows = office_client.get(f"/supervision/?unit={unit.pk}").context["rows"]
    numbers = {r.task.number for r in rows}
    co_operating = set(Assignment.objects.filter(measure__task__plan=demo, unit=unit, is_lead=False)
                       .values_list("measure__task__number", flat=True))
    taking_part = set(Assignment.objects.filter(measure__task__plan=demo, unit=unit)
                      .values_list("measure__task__number", flat=True))
    assert co_operating and co_operating <= numbers and numbers == taking_part
    row = next(r for r in rows if r.task.number in co_operating)
    assert any(s.assignment.is_lead for s in row.statuses)  # the lead unit's progress still shows


@time_machine.travel(DEC, tick=False)
def test_light_cards_link_to_exactly_the_rows_they_count(office_client, demo, django_assert_max_num_queries):
    unit = _unit("市经信局")
    response = office_client.get(f"/supervision/?unit={unit.pk}")
    page = response.content.decode()
    for key, _label, count in response.context["count_cards"]:
        href = re.search(rf'id="card-{key}" href="([^"]+)"', page).group(1).replace("&amp;", "&")
        assert href.startswith("/supervision/assignments/?") and f"light={key}" in href and f"unit={unit.pk}" in href
        with django_assert_max_num_queries(15):
            listed = office_client.get(href)
        assert listed.context["total"] == count
        assert all(s.light == key and s.assignment.unit_id == unit.pk for s in listed.context["page_obj"])


@time_machine.travel(DEC, tick=False)
def test_overdue_count_shows_every_overdue_assignment_paged(office_client, demo):
    overview = office_client.get("/supervision/")
    overdue = len(overview.context["overdue"])
    assert overdue > 30  # the side list shows 30; its count links to all of them
    assert "/supervision/assignments/?overdue=1" in overview.content.decode()
    first = office_client.get("/supervision/assignments/?overdue=1")
    assert first.context["total"] == overdue and all(s.missing for s in first.context["page_obj"])
    seen = {s.assignment.pk for s in first.context["page_obj"]}
    if overdue > 50:
        second = office_client.get("/supervision/assignments/?overdue=1&page=2")
        seen |= {s.assignment.pk for s in second.context["page_obj"]}
    assert len(seen) == min(overdue, 100)


def test_unit_filter_narrows_the_coordination_list(office_client, demo, submit_on):
    made = []
    for short_name, text in (("市经信局", "经信局的问题"), ("市农业农村局", "农业农村局的问题")):
        assignment = Assignment.objects.select_related("unit", "measure__task__plan").filter(
            measure__task__plan=demo, unit__short_name=short_name).last()
        user = User.objects.filter(unit=assignment.unit).first()
        report = report_save(actor=user, assignment=assignment, submit=True, period=month(datetime.date(2026, 11, 1)),
                             data=ReportInput(done_text="本期推进", problems=text))
        made.append((assignment.unit_id, report))
    unit_id = made[0][0]
    page = office_client.get(f"/supervision/?unit={unit_id}").content.decode()
    assert "经信局的问题" in page and "农业农村局的问题" not in page
    listed = office_client.get(f"/supervision/problems/?unit={unit_id}").context["problems"]
    assert "经信局的问题" in [p.text for p in listed] and "农业农村局的问题" not in [p.text for p in listed]


def test_bad_filter_values_answer_400_in_chinese(office_client, demo):
    response = office_client.get("/supervision/assignments/?light=purple")
    assert response.status_code == 400 and "灯色" in response.content.decode()
    assert office_client.get("/supervision/?unit=abc").status_code == 400


def test_units_see_the_assignment_list_of_what_they_follow(unit_client, unit_user, demo):
    response = unit_client.get("/supervision/assignments/")
    assert response.status_code == 200
    assert all(s.assignment.unit_id == unit_user.unit_id for s in response.context["page_obj"])


def test_supervision_pages_have_breadcrumbs(office_client, demo):
    task = Assignment.objects.filter(measure__task__plan=demo).first().measure.task
    for url in (f"/supervision/tasks/{task.pk}/", "/supervision/assignments/", "/supervision/ranking/",
                "/supervision/problems/", "/supervision/settings/"):
        page = office_client.get(url).content.decode()
        assert 'aria-label="面包屑"' in page and 'href="/supervision/"' in page, url
