"""`zhaoshang backup` / `zhaoshang restore` round trip, run as the real commands in fresh processes.

SQLite always; PostgreSQL when the suite runs on it (DATABASE_URL) and pg_dump/pg_restore of the server's major
version exist. The source is written to while the backup runs; the restore goes into a new empty database."""

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import threading
import uuid
from pathlib import Path

import pytest

PRIVATE_BYTES = bytes(range(256)) * 40 + "通知原件".encode()
SEED_DATA = """
import django; django.setup()
from zhaoshang.accounts.models import Unit, UnitAlias, User
for i in range(5):
    unit = Unit.objects.create(name=f"测试单位{i}", short_name=f"单位{i}")
    UnitAlias.objects.create(unit=unit, alias=f"别名{i}")
    User.objects.create_user(username=f"user{i}", password="Pass-Word-123!", unit=unit)
"""


def _env(data_dir: Path, database_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZHAOSHANG_", "DJANGO_", "PG"))}
    env.update(DJANGO_SETTINGS_MODULE="zhaoshang.settings", ZHAOSHANG_SECRET_KEY="backup-test-" + "k" * 50,
               ZHAOSHANG_HTTPS="0", ZHAOSHANG_DATA_DIR=str(data_dir), DATABASE_URL=database_url)
    return env


def _zhaoshang(env: dict, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "zhaoshang.cli", *args], env=env, capture_output=True,
                          text=True, timeout=300)


def _ok(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 0, done.stderr
    return done.stdout


def _seed(env: dict, data_dir: Path) -> None:
    _ok(_zhaoshang(env, "migrate", "-v0"))
    _ok(subprocess.run([sys.executable, "-c", SEED_DATA], env=env, capture_output=True, text=True, timeout=120))
    private = data_dir / "private" / "notices" / "2025"
    private.mkdir(parents=True)
    (private / "原件.docx").write_bytes(PRIVATE_BYTES)
    (data_dir / "private" / "evidence.png").write_bytes(b"\x89PNG" + PRIVATE_BYTES[:100])


def _private_bytes(data_dir: Path) -> dict:
    root = data_dir / "private"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _round_trip(tmp_path: Path, src_url: str, dst_url: str, counts, writer=None) -> dict:
    src_dir, dst_dir, archive = tmp_path / "src", tmp_path / "dst", tmp_path / "out" / "zhaoshang.tar.gz"
    src_env, dst_env = _env(src_dir, src_url), _env(dst_dir, dst_url)
    archive.parent.mkdir()
    _seed(src_env, src_dir)
    before = counts(src_env)
    if writer:
        writer.start()
    try:
        out = _ok(_zhaoshang(src_env, "backup", "--out", str(archive)))
    finally:
        if writer:
            writer.stop()
    assert "备份完成" in out and list(archive.parent.iterdir()) == [archive]  # no temporary file left behind
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["row_counts"]["accounts_user"] == 5 and manifest["row_counts"] == before
    assert manifest["migrations"]["accounts"] and re.match(r"\d{4}-\d\d-\d\dT.*\+08:00$", manifest["created_at"])

    assert "恢复完成" in _ok(_zhaoshang(dst_env, "restore", str(archive)))
    assert counts(dst_env) == before
    assert _private_bytes(dst_dir) == _private_bytes(src_dir)

    refused = _zhaoshang(src_env, "restore", str(archive))  # the source is not empty
    assert refused.returncode != 0 and "不是空的" in refused.stderr
    return manifest


class SqliteWriter:
    """Another connection committing rows into a side table while the backup copies the file."""

    def __init__(self, path: Path):
        self.path, self.done, self.written = path, threading.Event(), 0
        self.thread = threading.Thread(target=self._run)

    def _run(self):
        db = sqlite3.connect(self.path, timeout=30)
        while not self.done.is_set() or self.written < 50:
            db.execute("INSERT INTO probe (payload) VALUES (?)", ("x" * 2000,))
            db.commit()
            self.written += 1
        db.close()

    def start(self):
        with sqlite3.connect(self.path) as db:
            db.execute("CREATE TABLE probe (id INTEGER PRIMARY KEY, payload TEXT)")
        self.thread.start()

    def stop(self):
        self.done.set()
        self.thread.join()


def _sqlite_counts(env: dict) -> dict:
    from zhaoshang.core.backup import platform_tables

    with sqlite3.connect(env["DATABASE_URL"].removeprefix("sqlite:///")) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in platform_tables() if t in tables}


def test_sqlite_round_trip_while_another_connection_writes(tmp_path):
    src_db, dst_db = tmp_path / "src" / "db.sqlite3", tmp_path / "dst" / "db.sqlite3"
    writer = SqliteWriter(src_db)
    _round_trip(tmp_path, f"sqlite:///{src_db}", f"sqlite:///{dst_db}", _sqlite_counts, writer=writer)
    with sqlite3.connect(dst_db) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        copied = db.execute("SELECT COUNT(*) FROM probe").fetchone()[0]
    assert 0 <= copied <= writer.written and writer.written >= 50


def test_restore_refuses_a_tampered_archive_and_a_wrong_vendor(tmp_path):
    src_db = tmp_path / "src" / "db.sqlite3"
    env = _env(tmp_path / "src", f"sqlite:///{src_db}")
    _seed(env, tmp_path / "src")
    archive = tmp_path / "b.tar.gz"
    _ok(_zhaoshang(env, "backup", "--out", str(archive)))
    work = tmp_path / "x"
    with tarfile.open(archive) as tar:
        tar.extractall(work, filter="data")
    (work / "private" / "evidence.png").write_bytes(b"changed")
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(tampered, "w:gz") as tar:
        for member in ("manifest.json", "database.sqlite3", "private"):
            tar.add(work / member, arcname=member)
    dst_env = _env(tmp_path / "dst", f"sqlite:///{tmp_path / 'dst' / 'db.sqlite3'}")
    refused = _zhaoshang(dst_env, "restore", str(tampered))
    assert refused.returncode != 0 and "校验失败" in refused.stderr and "evidence.png" in refused.stderr
    assert not (tmp_path / "dst" / "db.sqlite3").exists() and not (tmp_path / "dst" / "private").exists()

    manifest = json.loads((work / "manifest.json").read_text())
    manifest["vendor"] = "postgresql"
    (work / "manifest.json").write_text(json.dumps(manifest))
    (work / "private" / "evidence.png").write_bytes((tmp_path / "src" / "private" / "evidence.png").read_bytes())
    with tarfile.open(tampered, "w:gz") as tar:
        for member in ("manifest.json", "database.sqlite3", "private"):
            tar.add(work / member, arcname=member)
    refused = _zhaoshang(dst_env, "restore", str(tampered))
    assert refused.returncode != 0 and "数据库类型不符" in refused.stderr


def test_a_failed_backup_leaves_no_file(tmp_path):
    env = _env(tmp_path / "data", f"sqlite:///{tmp_path / 'missing' / 'db.sqlite3'}")
    (tmp_path / "out").mkdir()
    failed = _zhaoshang(env, "backup", "--out", str(tmp_path / "out" / "b.tar.gz"))
    assert failed.returncode != 0 and "数据库文件不存在" in failed.stderr
    assert list((tmp_path / "out").iterdir()) == []


# PostgreSQL: only when the suite itself runs on PostgreSQL.
def _pg_skip_reason() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return "the suite runs on SQLite (set DATABASE_URL=postgres://… to run this)"
    for tool in ("pg_dump", "pg_restore"):
        if not shutil.which(tool):
            return f"{tool} not installed"
    return None


def _pg_admin(url: str, sql: str):
    import psycopg

    base = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(base, autocommit=True) as conn:
        return conn.execute(sql).fetchone() if sql.lstrip().upper().startswith("SHOW") else conn.execute(sql)


def test_postgresql_round_trip(tmp_path):
    reason = _pg_skip_reason()
    if reason:
        pytest.skip(reason)
    url = os.environ["DATABASE_URL"]
    server_major = int(_pg_admin(url, "SHOW server_version_num")[0]) // 10000
    client = subprocess.run(["pg_dump", "--version"], capture_output=True, text=True).stdout
    client_major = int(re.search(r"\(PostgreSQL\)\s+(\d+)", client).group(1))
    if client_major < server_major:
        pytest.skip(f"pg_dump {client_major} is older than the server ({server_major})")
    suffix = uuid.uuid4().hex[:8]
    src_name, dst_name = f"zs_backup_src_{suffix}", f"zs_backup_dst_{suffix}"
    base = url.rsplit("/", 1)[0]
    for name in (src_name, dst_name):
        _pg_admin(url, f'CREATE DATABASE "{name}"')
    try:
        def counts(env) -> dict:
            import psycopg

            from zhaoshang.core.backup import platform_tables

            with psycopg.connect(env["DATABASE_URL"]) as conn:
                tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
                return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
                        for t in platform_tables() if t in tables}

        _round_trip(tmp_path, f"{base}/{src_name}", f"{base}/{dst_name}", counts)
    finally:
        for name in (src_name, dst_name):
            _pg_admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
