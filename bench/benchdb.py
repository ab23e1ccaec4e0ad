"""The throw-away SQLite database every benchmark generates into: chosen before Django starts, removed afterwards
unless kept (--keep) or given (--data-dir, reused between runs)."""

import os
import shutil
import tempfile
from pathlib import Path


def use_data_dir(data_dir: str | None, prefix: str) -> Path:
    """Point Django at a data directory (given, or a new temporary one) and its SQLite database."""
    path = Path(data_dir) if data_dir else Path(tempfile.mkdtemp(prefix=prefix))
    path.mkdir(parents=True, exist_ok=True)
    os.environ.update({"ZHAOSHANG_DATA_DIR": str(path), "DATABASE_URL": f"sqlite:///{path / 'bench.sqlite3'}",
                       "ZHAOSHANG_ALLOWED_HOSTS": "testserver", "ZHAOSHANG_HTTPS": "0",
                       "DJANGO_SETTINGS_MODULE": "zhaoshang.settings"})
    os.environ.setdefault("ZHAOSHANG_SECRET_KEY", "bench-only-" + "b" * 50)
    return path


def finish(path: Path, keep: bool) -> None:
    """Close the database; remove the directory unless it is to be kept."""
    from django.db import connection

    connection.close()
    if keep:
        print(f"\ndata kept in {path}")
    else:
        shutil.rmtree(path, ignore_errors=True)
