"""Where the platform keeps its files; importable without configuring Django."""

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """ZHAOSHANG_DATA_DIR, else var/ beside pyproject.toml in a checkout, else ./var."""
    if os.environ.get("ZHAOSHANG_DATA_DIR"):
        return Path(os.environ["ZHAOSHANG_DATA_DIR"])
    checkout = PACKAGE_DIR.parents[1]
    if (checkout / "pyproject.toml").exists():
        return checkout / "var"
    return Path.cwd() / "var"
