"""Projects keep their tags as bits, and the migration fills them for projects that existed before."""

import importlib

from django.apps import apps
from django.db import connection

from zhaoshang.projects.lookups import tags_named
from zhaoshang.projects.models import Project
from zhaoshang.projects.tagging import MAX_TAG_BIT, tag_bits, tags_q
from tests.projects.conftest import _project


class _Statements:
    """What the migration's function uses of a schema editor (SQLite's cannot open inside a test's transaction)."""

    def execute(self, sql):
        with connection.cursor() as cursor:
            cursor.execute(sql)


def test_bits_of_tags_and_none_beyond_the_last_bit():
    assert tag_bits([1, 3, 3]) == 0b1010
    assert tag_bits([MAX_TAG_BIT + 1]) == 0


def test_a_new_project_keeps_its_tags_as_bits_and_the_migration_fills_old_ones(demo, office):
    energy = _project(office, "光伏储能项目", "某能源有限公司", "市发改委", 5000, tags=tags_named(["能源", "数字经济"]))
    assert energy.tag_bits == tag_bits(t.pk for t in energy.tags.all())
    assert list(Project.objects.filter(tags_q([energy.tags.get(name="能源").pk]))) == [energy]
    Project.objects.filter(pk=energy.pk).update(tag_bits=0)
    migration = importlib.import_module("zhaoshang.projects.migrations.0006_project_tag_bits")
    migration.fill_tag_bits(apps, _Statements())
    energy.refresh_from_db()
    assert energy.tag_bits == tag_bits(t.pk for t in energy.tags.all())
