"""The one check of a file named on a command line (parse, import-notice, import-projects)."""

from pathlib import Path

from django.core.management.base import CommandError


def input_file(value: str) -> Path:
    """The path as a readable file, or a CommandError that says what is wrong with it in Chinese."""
    path = Path(value)
    if path.is_dir():
        raise CommandError(f"这是一个文件夹，不是文件：{path}（请指定其中的文件）")
    if not path.exists():
        raise CommandError(f"文件不存在：{path}")
    if not path.is_file():
        raise CommandError(f"不是普通文件：{path}")
    return path
