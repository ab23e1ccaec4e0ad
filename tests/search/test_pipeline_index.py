"""Existing rows of the pipeline's lists enter the index: the data migration (search 0002) and the reindex command."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.management import call_command

from zhaoshang.accounts.models import Unit
from zhaoshang.meetings.search import MEETING_KIND
from zhaoshang.meetings.services.meetings import MeetingInput, meeting_create
from zhaoshang.needs.search import NEED_KIND
from zhaoshang.needs.services.tickets import NeedInput, need_create
from zhaoshang.projects.search import ENTERPRISE_KIND, PROJECT_KIND
from zhaoshang.projects.services.projects import ProjectInput, project_create
from zhaoshang.search.selectors import search_ids
from zhaoshang.search.services import search_index_clear

migration = importlib.import_module("zhaoshang.search.migrations.0002_index_pipeline")


@pytest.fixture
def rows(office):
    """A project (with its new enterprise), a need and a meeting, each with a word no other row holds."""
    unit = Unit.objects.get(short_name="市发改委")
    project = project_create(actor=office, data=ProjectInput(name="璇玑储能项目", enterprise_name="天枢能源有限公司",
                                                             amount_wan=1000, lead_unit=unit))
    need = need_create(actor=office, data=NeedInput(title="开阳路口改造", need_type="other", unit=unit, project=project))
    meeting = meeting_create(actor=office, data=MeetingInput("review", datetime.date(2025, 9, 1), title="摇光专题会"))
    return {PROJECT_KIND: (project, "璇玑"), ENTERPRISE_KIND: (project.enterprises.get(), "天枢"),
            NEED_KIND: (need, "开阳"), MEETING_KIND: (meeting, "摇光")}


def _found(rows) -> dict[str, bool]:
    return {kind: search_ids(kind, word).ids == [row.pk] for kind, (row, word) in rows.items()}


def test_the_migration_indexes_every_existing_project_enterprise_need_and_meeting(rows):
    for kind in rows:
        search_index_clear(kind)
    assert not any(_found(rows).values())
    migration.index_pipeline(apps, None)
    assert all(_found(rows).values())


def test_reindex_rebuilds_the_pipeline_kinds(rows, capsys):
    project = rows[PROJECT_KIND][0]
    search_index_clear(PROJECT_KIND)
    call_command("search_reindex", PROJECT_KIND, NEED_KIND)
    assert project.pk in search_ids(PROJECT_KIND, project.name).ids
    out = capsys.readouterr().out
    assert "项目库：已重建" in out and "企业诉求：已重建" in out
