"""The throw-away database every benchmark generates into, chosen before Django starts.

SQLite by default: a file in the data directory, removed afterwards unless kept (--keep) or given (--data-dir,
reused between runs). When DATABASE_URL names a PostgreSQL database, that database is used instead (a throw-away
cluster on loopback: the benchmark writes its rows there and a later run with the same sizes reuses them); only the
data directory (uploads, jobs) is temporary then.
"""

import os
import shutil
import tempfile
from pathlib import Path

POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def use_data_dir(data_dir: str | None, prefix: str) -> Path:
    """Point Django at a data directory (given, or a new temporary one) and at its SQLite database, unless
    DATABASE_URL names a PostgreSQL one."""
    path = Path(data_dir) if data_dir else Path(tempfile.mkdtemp(prefix=prefix))
    path.mkdir(parents=True, exist_ok=True)
    os.environ.update({"ZHAOSHANG_DATA_DIR": str(path), "ZHAOSHANG_ALLOWED_HOSTS": "testserver", "ZHAOSHANG_HTTPS": "0",
                       "DJANGO_SETTINGS_MODULE": "zhaoshang.settings"})
    if not POSTGRES:
        os.environ["DATABASE_URL"] = f"sqlite:///{path / 'bench.sqlite3'}"
    os.environ.setdefault("ZHAOSHANG_SECRET_KEY", "bench-only-" + "b" * 50)
    return path


def explain(cursor, sql: str, params=()) -> list[str]:
    """The query plan of `sql` as lines: SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN ANALYZE (run, with buffers)."""
    if POSTGRES:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, params)
        return [row[0] for row in cursor.fetchall()]
    cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
    return [row[-1] for row in cursor.fetchall()]


def finish(path: Path, keep: bool) -> None:
    """Close the database; remove the directory unless it is to be kept."""
    from django.db import connection

    connection.close()
    if keep:
        print(f"\ndata kept in {path}")
    else:
        shutil.rmtree(path, ignore_errors=True)
