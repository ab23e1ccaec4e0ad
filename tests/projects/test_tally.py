"""The project tallies kept by database triggers: equal to a recount of the live projects after every kind of write
(service, bulk import, queryset update, recycle bin, hard delete), and what the list and kanban read from them."""

import datetime
from collections import Counter
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection

from zhaoshang.accounts.models import Unit
from zhaoshang.core.services import object_restore, object_soft_delete
from zhaoshang.projects.lookups import chain_named, tags_named
from zhaoshang.projects.models import Project, ProjectTally, ProjectYearTally
from zhaoshang.projects.selectors import (LIVE_STATES, filtered_projects, kanban_for, pipeline_totals,
                                         project_rows)
from zhaoshang.projects.services.bulk import projects_create_many
from zhaoshang.projects.services.editing import project_update
from zhaoshang.projects.services.lifecycle import project_stage_change
from zhaoshang.projects.services.projects import ProjectInput
from zhaoshang.projects.tally import tallied_cohorts, tallied_totals
from zhaoshang.projects.tally_triggers import TRIGGERS, _installed, tally_install

D = datetime.date


def _recount() -> tuple[Counter, Counter]:
    """What the tallies should hold, counted in Python from the live projects (zero rows left out)."""
    tally, years = Counter(), Counter()
    for p in Project.objects.all():
        fen = int(p.amount_wan * 100)
        bits = [bit for bit in range(1, 63) if p.tag_bits >> bit & 1]
        for key in ((0, 0, 0, 0, "", p.state, p.stage), (1, 0, p.lead_unit_id, p.chain_id or 0, p.channel, p.state, p.stage),
                    *((2, bit, p.lead_unit_id, 0, "", p.state, p.stage) for bit in bits)):
            tally[key + ("n",)] += 1
            tally[key + ("fen",)] += fen
        for milestone in ("signed_on", "started_on", "producing_on"):
            day = getattr(p, milestone)
            if day:
                years[(p.lead_unit_id, milestone, day.year, p.state)] += 1
    return +tally, +years


def _stored() -> tuple[Counter, Counter]:
    tally, years = Counter(), Counter()
    for row in ProjectTally.objects.all():
        key = (row.grain, row.tag_bit, row.lead_unit_id, row.chain_id, row.channel, row.state, row.stage)
        tally[key + ("n",)] += row.project_count
        tally[key + ("fen",)] += row.amount_fen
    for row in ProjectYearTally.objects.all():
        years[(row.lead_unit_id, row.milestone, row.year, row.state)] += row.project_count
    return +tally, +years


def assert_tallied():
    assert _stored() == _recount()


def test_the_demo_is_tallied(pipeline):
    assert ProjectTally.objects.filter(grain=0).exists()
    assert_tallied()


def test_every_write_keeps_the_tally(pipeline, office):
    salt, reserve = pipeline["salt"], pipeline["reserve"]
    project_stage_change(actor=office, project=salt, stage="signed", happened_on=D(2025, 10, 10), note="签约")
    assert_tallied()
    project_update(actor=office, project=reserve, changes={"amount_wan": Decimal("20000.55"),
                                                           "chain": chain_named("盐化工"), "channel": "direct"})
    assert_tallied()
    project_update(actor=office, project=salt, changes={"lead_unit": Unit.objects.get(short_name="市商务局")})
    assert_tallied()
    object_soft_delete(obj=salt, actor=office)
    assert_tallied()
    object_restore(obj=Project.all_objects.get(pk=salt.pk), actor=office)
    assert_tallied()
    Project.objects.filter(pk=reserve.pk).update(stage="started", started_on=D(2024, 5, 1))  # no service: still kept
    assert_tallied()
    Project.objects.filter(pk=pipeline["crayfish"].pk).delete()
    assert_tallied()
    Project.objects.update(notes="只改备注")  # no tallied column: nothing to add
    assert_tallied()
    project_update(actor=office, project=Project.objects.get(pk=reserve.pk), changes={"tags": tags_named(["能源", "新型工业化"])})
    assert_tallied()  # a project counts under each of its tags
    project_update(actor=office, project=Project.objects.get(pk=reserve.pk), changes={"tags": tags_named(["新型工业化"])})
    assert_tallied()


def test_a_bulk_import_is_tallied_in_one_go(pipeline, office):
    unit = Unit.objects.get(short_name="市发改委")
    items = [ProjectInput(name=f"批量项目{n}", enterprise_name=f"批量企业{n}有限公司", amount_wan=Decimal("100.10") * n,
                          lead_unit=unit, chain=chain_named("盐化工"), stage="signed", stage_since=D(2025, 6, n + 1))
             for n in range(1, 6)]
    projects_create_many(actor=office, items=items)
    assert_tallied()


def test_a_bulk_insert_is_counted_once_and_leaves_the_row_trigger_on_for_every_other_write(pipeline, office):
    from django.db import transaction

    from zhaoshang.projects.services.projects import project_create
    from zhaoshang.projects.tally_triggers import projects_insert_tallied

    units = list(Unit.objects.all()[:3])
    chains = [chain_named("盐化工"), chain_named("铝基新材料"), None]
    stages = ["lead", "signed", "started", "producing"]
    items = [ProjectInput(name=f"批量项目{n}", enterprise_name=f"批量企业{n}有限公司", amount_wan=Decimal("10.05") * n,
                          lead_unit=units[n % 3], chain=chains[n % 3], channel=["direct", "fund"][n % 2], stage=stages[n % 4],
                          stage_since=D(2024 + n % 2, 6, n % 28 + 1)) for n in range(1, 25)]
    projects_create_many(actor=office, items=items)  # each project once: not by the row trigger and the batch's upsert both
    assert_tallied()
    with transaction.atomic():
        with pytest.raises(RuntimeError):
            projects_insert_tallied(lambda: (_ for _ in ()).throw(RuntimeError("插入失败")))
        project_create(actor=office, data=ProjectInput(name="单个项目", enterprise_name="单个企业", amount_wan=5, lead_unit=units[0]))
    assert_tallied()


def test_the_list_totals_from_the_tally_equal_the_rows(pipeline, office, unit_user):
    chain = str(chain_named("盐化工").pk)
    for user in (office, unit_user):
        for params in ({}, {"chain": chain}, {"stage": "negotiating"}, {"state": "stalled"}, {"channel": "chushang"},
                       {"channel": "楚商回乡", "chain": "盐化工"}, {"unit": str(pipeline["salt"].lead_unit_id)}):
            tallied = tallied_totals(user=user, params=params)
            assert tallied == pipeline_totals(filtered_projects(user=user, params=params)), (user, params)
    assert tallied_totals(user=office, params={"q": "化工"}) is None  # a keyword is counted from the rows
    assert tallied_totals(user=office, params={"tag": "能源", "chain": chain}) is None  # a tag is kept with unit, state, stage


def test_the_tag_totals_from_the_tally_equal_the_rows(pipeline, office, unit_user):
    project_update(actor=office, project=pipeline["salt"], changes={"tags": tags_named(["能源", "新型工业化"])})
    for user in (office, unit_user):
        for params in ({"tag": "能源"}, {"tag": "新型工业化"}, {"tag": "能源", "stage": "negotiating"},
                       {"tag": "能源", "state": "stalled"}, {"tag": "能源", "unit": str(pipeline["salt"].lead_unit_id)}):
            tallied = tallied_totals(user=user, params=params)
            assert tallied == pipeline_totals(filtered_projects(user=user, params=params)), (user, params)
    assert tallied_totals(user=office, params={"tag": "能源"})["count"] == 2  # 盐化工 counted under both of its tags
    assert tallied_totals(user=office, params={"tag": "没有这个标签"}) is None  # counted from the rows: none


def test_the_kanban_leaves_terminated_projects_out_of_its_totals(pipeline, office):
    columns = {column["stage"]: column for column in kanban_for(user=office, params={}).rows}
    live = filtered_projects(user=office).exclude(state="terminated")
    assert [column["count"] for column in columns.values()] == [s["count"] for s in pipeline_totals(live)["stages"]]
    assert all(card.state != "terminated" for column in columns.values() for card in column["cards"])
    assert pipeline["ended"].pk not in {row.pk for row in project_rows(live)}


def test_cohorts_from_the_tally_equal_the_rows(pipeline, office, unit_user):
    for user in (office, unit_user):
        projects = filtered_projects(user=user).filter(state__in=LIVE_STATES)
        for year in (2024, 2025):
            assert tallied_cohorts(user=user, year=year, live_states=LIVE_STATES) == {
                "reserve": projects.filter(stage__in=["lead", "negotiating"]).count(),
                "signed": projects.filter(signed_on__year=year).count(),
                "started": projects.filter(started_on__year=year).count(),
                "producing": projects.filter(producing_on__year=year).count()}


def test_install_restores_lost_triggers_and_recounts(pipeline):
    with connection.cursor() as cursor:
        for event in TRIGGERS:  # what a SQLite table rebuild does to them
            cursor.execute(f"DROP TRIGGER projects_tally_{event}" + (" ON projects_project" if connection.vendor == "postgresql" else ""))
        Project.objects.filter(pk=pipeline["salt"].pk).update(stage="producing", producing_on=D(2025, 9, 1))
        assert _stored() != _recount()
        tally_install(connection)
        assert _installed(cursor, connection.vendor) >= {f"projects_tally_{event}" for event in TRIGGERS}
    assert_tallied()


@pytest.mark.django_db(transaction=True)
def test_a_flush_leaves_an_empty_tally():
    # SQLite's flush deletes the projects row by row (each decrementing the tally), before or after the tally's rows;
    # the migrate signal that follows recounts
    call_command("flush", interactive=False, verbosity=0)
    assert not Project.objects.exists()
    assert _stored() == (Counter(), Counter())


@pytest.mark.django_db(transaction=True)
def test_a_database_with_its_triggers_migrates_to_the_tag_grain_and_back(demo):
    """A live SQLite database has the tally triggers installed; its tally table's rebuild must not trip over them."""
    from django.db.migrations.executor import MigrationExecutor

    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("projects")
    MigrationExecutor(connection).migrate([("projects", "0011_live_partial_indexes")])
    with connection.cursor() as cursor:
        assert "tag_bit" not in {column.name for column in connection.introspection.get_table_description(cursor, ProjectTally._meta.db_table)}
        if connection.vendor == "sqlite":  # a trigger of that version, naming the tally table
            cursor.execute("CREATE TRIGGER projects_tally_insert AFTER INSERT ON projects_project"
                           " BEGIN DELETE FROM projects_projecttally WHERE 0; END")
    MigrationExecutor(connection).migrate(latest)
    tally_install(connection)
    assert_tallied()
