"""Backup and restore: one .tar.gz with the database, the private files and a manifest.

Archive members: `manifest.json`, `database.sqlite3` (SQLite, copied with the online backup API, so the copy is
consistent while the site writes) or `database.pgdump` (PostgreSQL, `pg_dump --format=custom`), and
`private/...` (everything under PRIVATE_MEDIA_ROOT). The manifest holds the format version, the database vendor,
the time (Beijing), the last applied migration per app, row counts of the platform's tables and the sha256 of
every other member. Restore checks all of it and only fills an empty database and an empty private folder.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.db import connections

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
PRIVATE = "private"
DB_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
BEIJING = ZoneInfo("Asia/Shanghai")

Progress = Callable[[str], None]


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is Chinese and shown as is."""


def _quiet(_message: str) -> None:
    pass


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def platform_tables() -> list[str]:
    """The tables of our own apps (zhaoshang.*), users and units included."""
    return sorted(
        model._meta.db_table
        for config in apps.get_app_configs() if config.name.startswith("zhaoshang.")
        for model in config.get_models() if model._meta.managed and not model._meta.proxy
    )


def _counts(cursor, existing: set[str]) -> dict[str, int]:
    counts = {}
    for table in platform_tables():
        if table in existing:
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


def _heads(cursor, existing: set[str]) -> dict[str, str]:
    if "django_migrations" not in existing:
        return {}
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
    return dict(cursor.fetchall())  # the last applied migration of each app wins


def _pg_env(db: dict) -> tuple[list[str], dict]:
    """Connection arguments for pg_dump/pg_restore; the password only in the environment."""
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(f"找不到 {name}：请安装与数据库服务器同一主版本的 PostgreSQL 客户端（postgresql-client）。")
    return found


def _run_tool(cmd: list[str], env: dict, what: str) -> None:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{what}失败：{done.stderr.strip()[-800:]}")


def _dump_database(alias: str, work: Path, progress: Progress) -> tuple[str, Path, dict, dict]:
    conn = connections[alias]
    db = conn.settings_dict
    vendor = conn.vendor
    if vendor not in DB_MEMBER:
        raise BackupError(f"不支持的数据库类型：{vendor}（只支持 SQLite 和 PostgreSQL）。")
    target = work / DB_MEMBER[vendor]
    if vendor == "sqlite":
        source = Path(db["NAME"])
        if not source.is_file():
            raise BackupError(f"数据库文件不存在：{source}")
        progress("正在复制 SQLite 数据库（在线备份，网站可照常使用）……")
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)  # one step: a consistent snapshot even while others write
            cursor = dst.cursor()
            existing = {r[0] for r in cursor.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            counts, heads = _counts(cursor, existing), _heads(cursor, existing)
        finally:
            dst.close()
            src.close()
        return vendor, target, counts, heads
    progress("正在用 pg_dump 导出 PostgreSQL 数据库……")
    args, env = _pg_env(db)
    # Counted just before pg_dump takes its own snapshot: writes in between may differ; informative only.
    with conn.cursor() as cursor:
        existing = set(conn.introspection.table_names(cursor))
        counts, heads = _counts(cursor, existing), _heads(cursor, existing)
    _run_tool([_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", "--file", str(target), *args],
              env, "pg_dump 导出")
    return vendor, target, counts, heads


def backup_create(out: Path, *, alias: str = "default", progress: Progress = _quiet) -> dict:
    """Write the archive to `out` (a temporary name beside it first, then renamed) and return its manifest."""
    out = Path(out).resolve()
    if not out.parent.is_dir():
        raise BackupError(f"目标目录不存在：{out.parent}")
    private_root = Path(settings.PRIVATE_MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="zhaoshang-backup-") as tmp:
        work = Path(tmp)
        vendor, db_file, counts, heads = _dump_database(alias, work, progress)
        progress("正在计算校验值……")
        files = {db_file.name: _sha256(db_file)}
        private_files = sorted(p for p in private_root.rglob("*") if p.is_file()) if private_root.is_dir() else []
        for path in private_files:
            files[f"{PRIVATE}/{path.relative_to(private_root).as_posix()}"] = _sha256(path)
        manifest = {
            "format": "zhaoshang-backup",
            "version": FORMAT_VERSION,
            "vendor": vendor,
            "created_at": datetime.datetime.now(BEIJING).isoformat(timespec="seconds"),
            "migrations": heads,
            "row_counts": counts,
            "files": files,
        }
        manifest_path = work / MANIFEST
        manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        progress(f"正在写入归档（私有文件 {len(private_files)} 个）……")
        fd, partial = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
        os.close(fd)
        try:
            with tarfile.open(partial, "w:gz") as tar:
                tar.add(manifest_path, arcname=MANIFEST)
                tar.add(db_file, arcname=db_file.name)
                for path in private_files:
                    tar.add(path, arcname=f"{PRIVATE}/{path.relative_to(private_root).as_posix()}")
            with open(partial, "rb") as fh:
                os.fsync(fh.fileno())
            os.chmod(partial, 0o600)
            os.replace(partial, out)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
    return manifest


def _read_archive(archive: Path, work: Path) -> dict:
    if not archive.is_file():
        raise BackupError(f"备份文件不存在：{archive}")
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(work, filter="data")  # refuses absolute paths, "..", links out of the folder
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise BackupError(f"备份文件无法读取（不是本平台的备份或已损坏）：{exc}") from exc
    try:
        manifest = json.loads((work / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError("备份文件缺少有效的清单（manifest.json）。") from exc
    if manifest.get("format") != "zhaoshang-backup" or not isinstance(manifest.get("files"), dict):
        raise BackupError("备份清单格式不对：不是本平台的备份。")
    if manifest.get("version", 0) > FORMAT_VERSION:
        raise BackupError(f"备份格式版本 {manifest.get('version')} 比本程序新，请先升级平台再恢复。")
    present = {p.relative_to(work).as_posix() for p in work.rglob("*") if p.is_file()} - {MANIFEST}
    if present != set(manifest["files"]):
        raise BackupError("备份内容与清单不符（多出或缺少文件），拒绝恢复。")
    for name, digest in manifest["files"].items():
        if _sha256(work / name) != digest:
            raise BackupError(f"校验失败：{name} 的 sha256 与清单不符，备份已损坏或被改动，拒绝恢复。")
    return manifest


def database_is_empty(alias: str = "default") -> bool:
    """Empty: no platform table holds a row (no users, no units, no plans...). Missing tables count as empty."""
    conn = connections[alias]
    if conn.vendor == "sqlite" and not Path(conn.settings_dict["NAME"]).exists():
        return True
    with conn.cursor() as cursor:
        existing = set(conn.introspection.table_names(cursor))
        for table in platform_tables():
            if table in existing:
                cursor.execute(f'SELECT 1 FROM "{table}" LIMIT 1')
                if cursor.fetchone():
                    return False
    return True


def _restore_sqlite(conn, source: Path) -> None:
    conn.close()
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(conn.settings_dict["NAME"], timeout=30)
    try:
        src.backup(dst)  # replaces every page of the (empty) target
    finally:
        dst.close()
        src.close()


def _restore_postgresql(conn, source: Path) -> None:
    conn.close()
    args, env = _pg_env(conn.settings_dict)
    # --clean: an empty but migrated target already has the tables; they hold no rows (checked before).
    _run_tool([_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
               "--single-transaction", "--exit-on-error", *args, str(source)], env, "pg_restore 恢复")


def backup_restore(archive: Path, *, alias: str = "default", progress: Progress = _quiet) -> dict:
    """Restore `archive` into an empty database and an empty private folder, then migrate forward."""
    from django.core.management import call_command

    conn = connections[alias]
    private_root = Path(settings.PRIVATE_MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="zhaoshang-restore-") as tmp:
        work = Path(tmp)
        progress("正在读取并校验备份……")
        manifest = _read_archive(Path(archive), work)
        if manifest.get("vendor") != conn.vendor:
            raise BackupError(f"数据库类型不符：备份来自 {manifest.get('vendor')}，当前是 {conn.vendor}。")
        if not database_is_empty(alias):
            raise BackupError("目标数据库不是空的（已有用户或业务数据），拒绝恢复。请换一个新建的空数据库。")
        if private_root.exists() and any(private_root.iterdir()):
            raise BackupError(f"私有文件目录不是空的：{private_root}，拒绝恢复。请换一个空目录。")
        progress("正在恢复数据库……")
        source = work / DB_MEMBER[conn.vendor]
        (_restore_sqlite if conn.vendor == "sqlite" else _restore_postgresql)(conn, source)
        progress("正在恢复私有文件……")
        private_root.mkdir(parents=True, exist_ok=True)
        if (work / PRIVATE).is_dir():
            shutil.copytree(work / PRIVATE, private_root, dirs_exist_ok=True)
    progress("正在执行数据库迁移（备份较旧时补齐结构）……")
    call_command("migrate", database=alias, interactive=False, verbosity=0)
    return manifest
