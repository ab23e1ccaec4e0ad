"""The `zhaoshang` command: Django's manage.py plus our own commands (hyphenated names accepted)."""

import os
import secrets
import sys


def _ensure_data_dir() -> None:
    from zhaoshang.settings_paths import data_dir

    data_dir().mkdir(parents=True, exist_ok=True)


def _ensure_local_secret_key() -> None:
    """Without ZHAOSHANG_SECRET_KEY, commands create a private random key file under the data dir (settings
    read it). gunicorn does not come through here: without the variable or that file it refuses to start."""
    if os.environ.get("ZHAOSHANG_SECRET_KEY"):
        return
    from zhaoshang.settings_paths import data_dir

    key_file = data_dir() / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhaoshang.settings")
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
        if argv[1] == "demo":
            os.environ.setdefault("ZHAOSHANG_HTTPS", "0")  # the demo serves plain HTTP on loopback
    _ensure_data_dir()
    _ensure_local_secret_key()
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
