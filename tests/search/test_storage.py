"""The index's layout: WITHOUT ROWID tables on SQLite, and every lookup through a primary key on both databases."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhaoshang.search.models import SearchDoc, SearchGram
from zhaoshang.search.selectors import search_ids
from zhaoshang.search.services import search_index_put

pytestmark = pytest.mark.django_db


def test_index_tables_are_without_rowid_on_sqlite():
    """A migration that alters these tables makes SQLite rebuild them without the clause: re-create it there."""
    if connection.vendor != "sqlite":
        pytest.skip("a SQLite layout")
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE name IN (%s, %s)",
                       [SearchDoc._meta.db_table, SearchGram._meta.db_table])
        tables = dict(cursor.fetchall())
    assert len(tables) == 2
    assert all(sql.rstrip().endswith("WITHOUT ROWID") for sql in tables.values())


def _plans(query: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        search_ids("enterprise", query)
    plans = []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # a table of a few rows is read whole unless told otherwise
            cursor.execute("SET LOCAL enable_seqscan = off")
        for executed in captured.captured_queries[1:]:  # after the kind's lookup
            prefix = "EXPLAIN " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
            cursor.execute(prefix + executed["sql"])
            plans.append("\n".join(str(row[-1]) for row in cursor.fetchall()))
    return plans


@pytest.mark.parametrize("query", ["楚商", "楚商联合", "lhgf", "cs"])
def test_lookups_go_through_the_primary_keys(query):
    search_index_put("enterprise", [(1, ["楚商联合会"]), (2, ["龙虎股份"])])
    plans = _plans(query)
    assert plans
    for plan in plans:
        if connection.vendor == "postgresql":
            assert "Seq Scan" not in plan and "_pkey" in plan, plan
        else:
            # "SCAN t0" reads a subquery's result; a table read whole would be "SCAN g", "SCAN search_searchdoc" …
            assert not re.search(r"SCAN (g|d|p\d|search_\w+)\b", plan) and "PRIMARY KEY" in plan, plan

