"""The database triggers that keep ProjectTally and ProjectYearTally, and their recount.

Every insert, update and delete of projects_project, by any path (a service, the ledger import's raw INSERT, a
queryset update, the recycle bin), changes the tallies in the same transaction. One aggregating upsert serves both
databases; only its source of rows differs:
- SQLite: row triggers, the source being NEW (+1) and OLD (-1) as one-row SELECTs; an update fires only when a
  tallied column changed. A bulk insert (`projects_insert_tallied`, the ledger import) pauses the insert trigger and
  adds its rows with one upsert, the aggregate a statement trigger would make;
- PostgreSQL: statement triggers over the transition tables (a 10,000-row INSERT is one aggregate, not 10,000
  function calls). They first take the audit chain's advisory lock (core/audit.py), which every audited write takes
  before it commits anyway: tally rows are then locked by one transaction at a time, and two writers can never
  deadlock on them in opposite orders.
SQLite drops a table's triggers when a migration rebuilds the table, so `tally_install` runs after every migrate
(apps.py), (re)creates the triggers and recounts both tallies from the projects.
"""

import json
from collections.abc import Callable

from django.db import transaction

from zhaoshang.core.audit import CHAIN_LOCK_KEY
from zhaoshang.projects.models import Project, ProjectTally, ProjectYearTally
from zhaoshang.projects.tagging import MAX_TAG_BIT

PROJECTS = Project._meta.db_table
TALLY = ProjectTally._meta.db_table
YEAR_TALLY = ProjectYearTally._meta.db_table
COLUMNS = ["lead_unit_id", "chain_id", "channel", "state", "stage", "amount_wan", "tag_bits", "signed_on", "started_on",
           "producing_on", "deleted_at"]
# (grain, tag bit) of every row a project is counted in: the city's and its unit's, then its unit's under each tag bit
# it has (tagging.MAX_TAG_BIT); the tallied columns a grain leaves out are 0 or ""
GRAINS = " UNION ALL ".join(["SELECT 0 AS grain, 0 AS bit", "SELECT 1, 0", *(f"SELECT 2, {bit}" for bit in range(1, MAX_TAG_BIT + 1))])
MILESTONES = ["signed_on", "started_on", "producing_on"]
TRIGGERS = {"insert": "INSERT", "update": "UPDATE", "delete": "DELETE"}
# SQLite: while this table holds a row the insert trigger adds nothing. Only the transaction that wrote the row sees
# it, and SQLite has one writer at a time: no other writer's inserts go uncounted.
PAUSE = "projects_tally_pause"
# a date's year in each database's words
YEAR = {"sqlite": "CAST(SUBSTR({date}, 1, 4) AS INTEGER)", "postgresql": "CAST(EXTRACT(YEAR FROM {date}) AS INTEGER)"}


def _tally_upsert(source: str) -> str:
    """Add the signed rows of `source` (sign, then COLUMNS) to every grain of ProjectTally (GRAINS)."""
    unit = "CASE WHEN g.grain = 0 THEN 0 ELSE s.lead_unit_id END"
    by_unit_grain = "CASE WHEN g.grain = 1 THEN {} ELSE {} END"
    return (
        f"INSERT INTO {TALLY} (grain, tag_bit, lead_unit_id, chain_id, channel, state, stage, project_count, amount_fen)"
        f" SELECT g.grain, g.bit, {unit}, {by_unit_grain.format('COALESCE(s.chain_id, 0)', '0')},"
        f" {by_unit_grain.format('s.channel', chr(39) * 2)}, s.state, s.stage, SUM(s.sign),"
        " SUM(s.sign * CAST(ROUND(s.amount_wan * 100) AS BIGINT))"
        f" FROM ({source}) AS s CROSS JOIN ({GRAINS}) AS g WHERE g.grain < 2 OR (s.tag_bits >> g.bit) & 1 = 1"
        " GROUP BY 1, 2, 3, 4, 5, 6, 7"
        " HAVING SUM(s.sign) <> 0 OR SUM(s.sign * CAST(ROUND(s.amount_wan * 100) AS BIGINT)) <> 0"
        " ORDER BY 1, 2, 3, 4, 5, 6, 7"
        " ON CONFLICT (grain, tag_bit, lead_unit_id, chain_id, channel, state, stage) DO UPDATE SET"
        f" project_count = {TALLY}.project_count + excluded.project_count,"
        f" amount_fen = {TALLY}.amount_fen + excluded.amount_fen")


def _year_upsert(source: str, vendor: str) -> str:
    """Add the signed rows of `source` to ProjectYearTally, once per milestone date the project has."""
    date = "CASE m.milestone " + " ".join(f"WHEN '{name}' THEN s.{name}" for name in MILESTONES) + " END"
    milestones = " UNION ALL ".join(f"SELECT '{name}' AS milestone" if n == 0 else f"SELECT '{name}'"
                                    for n, name in enumerate(MILESTONES))
    return (
        f"INSERT INTO {YEAR_TALLY} (lead_unit_id, milestone, year, state, project_count)"
        f" SELECT s.lead_unit_id, m.milestone, {YEAR[vendor].format(date=date)}, s.state, SUM(s.sign)"
        f" FROM ({source}) AS s CROSS JOIN ({milestones}) AS m WHERE {date} IS NOT NULL"
        " GROUP BY 1, 2, 3, 4 HAVING SUM(s.sign) <> 0 ORDER BY 1, 2, 3, 4"
        " ON CONFLICT (milestone, year, state, lead_unit_id) DO UPDATE SET"
        f" project_count = {YEAR_TALLY}.project_count + excluded.project_count")


def _rows(sign: int, table: str | None, alias: str | None = None) -> str:
    """The live rows of a table (a transition table, or the projects) or of NEW/OLD, signed."""
    if alias:  # SQLite's NEW or OLD: a one-row SELECT
        columns = ", ".join(f"{alias}.{column} AS {column}" for column in COLUMNS)
        return f"SELECT {sign} AS sign, {columns} WHERE {alias}.deleted_at IS NULL"
    return f"SELECT {sign} AS sign, {', '.join(COLUMNS)} FROM {table} WHERE deleted_at IS NULL"


def _sources(event: str, *, sqlite: bool) -> str:
    new = _rows(1, "new_rows", "NEW" if sqlite else None)
    old = _rows(-1, "old_rows", "OLD" if sqlite else None)
    return {"insert": new, "delete": old, "update": f"{new} UNION ALL {old}"}[event]


def _upsert_statements(source: str, vendor: str) -> list[str]:
    return [_tally_upsert(source), _year_upsert(source, vendor)]


def _upserts(source: str, vendor: str) -> str:
    return ";\n".join(_upsert_statements(source, vendor)) + ";"


def _sqlite_trigger(event: str) -> str:
    changed = " OR ".join(f"OLD.{column} IS NOT NEW.{column}" for column in COLUMNS)
    when = {"insert": f" WHEN NOT EXISTS (SELECT 1 FROM {PAUSE})", "update": f" WHEN {changed}", "delete": ""}[event]
    return (f"CREATE TRIGGER projects_tally_{event} AFTER {TRIGGERS[event]} ON {PROJECTS}{when}"
            f" BEGIN\n{_upserts(_sources(event, sqlite=True), 'sqlite')}\nEND")


def _postgresql_function(event: str) -> str:
    return (f"CREATE OR REPLACE FUNCTION projects_tally_{event}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
            f"PERFORM pg_advisory_xact_lock({CHAIN_LOCK_KEY});\n{_upserts(_sources(event, sqlite=False), 'postgresql')}\n"
            "RETURN NULL;\nEND $$")


def _postgresql_trigger(event: str) -> str:
    tables = {"insert": "NEW TABLE AS new_rows", "delete": "OLD TABLE AS old_rows",
              "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows"}[event]
    return (f"CREATE TRIGGER projects_tally_{event} AFTER {TRIGGERS[event]} ON {PROJECTS} REFERENCING {tables}"
            f" FOR EACH STATEMENT EXECUTE FUNCTION projects_tally_{event}()")


def _installed(cursor, vendor: str) -> set[str]:
    if vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [PROJECTS])
    else:
        cursor.execute("SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal", [PROJECTS])
    return {name for name, in cursor.fetchall()}


def tally_install(connection) -> None:
    """Create the triggers (on SQLite anew, as they may be of an earlier version) and recount both tallies from the
    live projects, in one transaction."""
    vendor = connection.vendor
    if vendor not in YEAR:
        raise NotImplementedError(f"no tally triggers for {vendor}")
    if TALLY not in connection.introspection.table_names():
        return  # migrated back before the tallies
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        installed = _installed(cursor, vendor)
        for event in TRIGGERS:
            if vendor == "postgresql":
                cursor.execute(_postgresql_function(event))
                if f"projects_tally_{event}" not in installed:
                    cursor.execute(_postgresql_trigger(event))
            else:
                cursor.execute(f"CREATE TABLE IF NOT EXISTS {PAUSE} (id integer NOT NULL PRIMARY KEY)")
                cursor.execute(f"DROP TRIGGER IF EXISTS projects_tally_{event}")
                cursor.execute(_sqlite_trigger(event))
        if vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])
        cursor.execute(f"DELETE FROM {TALLY}")
        cursor.execute(f"DELETE FROM {YEAR_TALLY}")
        for statement in _upsert_statements(_rows(1, PROJECTS), vendor):
            cursor.execute(statement)


def projects_insert_tallied(insert: Callable[[], list[int]]) -> list[int]:
    """Run `insert`, which INSERTs projects and returns their ids, and count them in the tallies once. PostgreSQL's
    statement triggers aggregate each INSERT already; on SQLite the insert trigger is paused meanwhile (a row trigger
    upserts both tallies once per project, a third of a bulk insert's time) and one aggregating upsert over the new
    ids adds them, in the same transaction."""
    connection = transaction.get_connection()
    if connection.vendor != "sqlite":
        return insert()
    if not connection.in_atomic_block:
        raise RuntimeError("projects_insert_tallied must run inside the transaction that inserts the projects")
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {PAUSE} DEFAULT VALUES")
        try:
            ids = insert()
        finally:
            cursor.execute(f"DELETE FROM {PAUSE}")
        new_rows = f"{_rows(1, PROJECTS)} AND id IN (SELECT value FROM json_each(%s))"
        for statement in _upsert_statements(new_rows, "sqlite"):
            cursor.execute(statement, [json.dumps(ids)])
    return ids
