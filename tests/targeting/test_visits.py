"""Visits (走访/对接记录): a visit has a day and names an enterprise or a project, belongs to the unit that made it;
the statistics count a year's live visits per unit and per 专班, link to the filtered list, export to Excel, and
every role reads them."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from python_calamine import CalamineWorkbook

from zhaoshang.projects.models import Enterprise
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.services import entry_create, entry_delete, registry_setting_update
from zhaoshang.targeting.selectors import visit_stats

VISIT = registry_named("visit")


@pytest.fixture
def firm(office):
    return entry_create(registry=registry_named("enterprise"), actor=office, data={"name": "甄璇走访对象有限公司"})


@pytest.fixture
def visit_keepers(office, unit_user, other_unit_user):
    registry_setting_update(actor=office, registry=VISIT, unit_ids=[unit_user.unit_id, other_unit_user.unit_id])


def visit(actor, firm, day, **data):
    return entry_create(registry=VISIT, actor=actor, data={"enterprise": firm, "since": day, **data})


def test_a_visit_needs_a_day_and_an_enterprise_or_a_project(office, firm):
    with pytest.raises(ValidationError) as caught:
        entry_create(registry=VISIT, actor=office, data={"since": datetime.date(2025, 3, 1), "name": "无对象"})
    assert "enterprise" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        entry_create(registry=VISIT, actor=office, data={"enterprise": firm})
    assert "since" in caught.value.message_dict
    row = visit(office, firm, datetime.date(2025, 3, 1), kind="talk", name="洽谈扩产")
    assert str(row) == "2025-03-01会谈·甄璇走访对象有限公司：洽谈扩产"


def test_a_unit_users_visit_is_its_units(unit_user, firm, visit_keepers):
    row = visit(unit_user, firm, datetime.date(2025, 4, 2), owner_unit=None)
    assert row.owner_unit_id == unit_user.unit_id


def test_stats_count_a_years_live_visits_per_unit_and_team(office, unit_user, other_unit_user, firm, visit_keepers):
    base = visit_stats(year=2019)
    assert base.total == 0
    day = datetime.date(2019, 5, 6)
    for _ in range(3):
        visit(unit_user, firm, day, team="甄璇专班", kind="visit")
    visit(unit_user, firm, day, kind="phone")
    visit(other_unit_user, firm, day, team="甄璇专班", kind="hosted")
    visit(other_unit_user, firm, datetime.date(2018, 12, 31), team="甄璇专班")  # another year
    gone = visit(other_unit_user, firm, day, team="甄璇专班")
    entry_delete(registry=VISIT, actor=other_unit_user, row=gone)  # the recycle bin does not count
    stats = visit_stats(year=2019)
    assert stats.total == 5
    first, second = stats.by_unit
    assert (first.label, first.total, first.by_kind) == (str(unit_user.unit), 4, {"visit": 3, "phone": 1})
    assert (second.total, second.enterprises, second.projects) == (1, 1, 0)
    assert f"owner_unit={unit_user.unit_id}" in first.url and "since_from=2019-01-01" in first.url
    teams = {line.label: line.total for line in stats.by_team}
    assert teams == {"甄璇专班": 4, "（未填专班）": 1}


def test_stats_page_defaults_to_this_year_and_every_role_reads_it(office, leader, unit_user, admin_user, firm):
    visit(office, firm, timezone.localdate(), team="甄璇今年专班")
    for user in (office, leader, unit_user, admin_user):
        client = Client()
        client.force_login(user)
        page = client.get("/targeting/visits/stats/")
        assert page.status_code == 200 and "甄璇今年专班" in page.content.decode()
    assert Client().get("/targeting/visits/stats/").status_code == 302  # anonymous: to the log-in page


def test_stats_page_links_to_the_filtered_list_and_exports(office, office_client, firm):
    visit(office, firm, datetime.date(2019, 7, 1), team="甄璇导出专班")
    page = office_client.get("/targeting/visits/stats/", {"year": 2019}).content.decode()
    link = f"/registries/visit/?owner_unit={office.unit_id}&amp;since_from=2019-01-01&amp;since_to=2019-12-31"
    assert link in page
    listed = office_client.get(link.replace("&amp;", "&")).content.decode()
    assert "甄璇走访对象有限公司" in listed
    exported = office_client.get("/targeting/visits/stats/export.xlsx", {"year": 2019})
    assert exported.status_code == 200
    cells = CalamineWorkbook.from_filelike(io.BytesIO(exported.content)).get_sheet_by_index(0).to_python()
    assert any("甄璇导出专班" in [str(c) for c in row] for row in cells)
    assert office_client.get("/targeting/visits/stats/", {"year": "abc"}).status_code == 400


def test_visit_shows_on_the_enterprise_page(office, office_client, firm):
    row = visit(office, firm, datetime.date(2025, 5, 5), name="甄璇回访")
    page = office_client.get(f"/registries/enterprise/{firm.pk}/").content.decode()
    assert f"/registries/visit/{row.pk}/" in page
    assert Enterprise.objects.get(pk=firm.pk).visits.count() == 1
