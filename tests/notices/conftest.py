"""Make `zhaoshang` importable from src/ when the project is not installed (these tests need no Django)."""

import pathlib
import sys

SRC = pathlib.Path(__file__).resolve().parents[2] / "src"
try:
    import zhaoshang.notices  # noqa: F401
except ImportError:
    sys.path.insert(0, str(SRC))
