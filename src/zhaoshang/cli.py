"""The `zhaoshang` command: Django's manage.py plus our own commands (hyphenated names accepted).

Commands write nothing they do not have to: `--help`, `help` and `parse` leave no file behind; only the demo
creates the data dir's key file. Command errors print as their Chinese message alone (no `CommandError:`)."""

import os
import secrets
import sys

READ_ONLY = {"help", "parse", "version"}  # commands that never need the data dir


def _command_name(argv: list[str]) -> str:
    """The command's name ('' for none), with our hyphenated names made Django's in argv (also after `help`)."""
    if len(argv) < 2 or argv[1].startswith("-"):
        return ""
    argv[1] = argv[1].replace("-", "_")
    if argv[1] == "help" and len(argv) > 2 and not argv[2].startswith("-"):
        argv[2] = argv[2].replace("-", "_")
    return argv[1]


def _prepare_environment(name: str, argv: list[str]) -> None:
    from zhaoshang.settings_paths import data_dir

    if name == "demo":
        os.environ.setdefault("ZHAOSHANG_HTTPS", "0")  # the demo serves plain HTTP on loopback
    writes = name and name not in READ_ONLY and not {"-h", "--help"} & set(argv)
    if writes:
        data_dir().mkdir(parents=True, exist_ok=True)
    if os.environ.get("ZHAOSHANG_SECRET_KEY") or (data_dir() / "secret_key").exists():
        return
    if name == "demo":
        key_file = data_dir() / "secret_key"
        key_file.touch(mode=0o600)
        key_file.write_text(secrets.token_urlsafe(50))
    else:
        # No key configured and no demo key file: a key for this process only, written nowhere. gunicorn does not
        # come through here: without the variable or the demo's file it refuses to start.
        os.environ["ZHAOSHANG_SECRET_KEY"] = secrets.token_urlsafe(50)


def _run_command(argv: list[str]) -> None:
    """Django's run_from_argv, except that a CommandError prints as its message alone."""
    import django
    from django.core.management import ManagementUtility
    from django.core.management.base import CommandError, handle_default_options

    django.setup()
    command = ManagementUtility(argv).fetch_command(argv[1])
    command._called_from_command_line = True
    options = command.create_parser(os.path.basename(argv[0]), argv[1]).parse_args(argv[2:])
    handle_default_options(options)
    cmd_options = vars(options)
    args = cmd_options.pop("args", ())
    try:
        command.execute(*args, **cmd_options)
    except CommandError as error:
        if cmd_options.get("traceback"):
            raise
        sys.stderr.write(f"{error}\n")
        sys.exit(error.returncode)
    finally:
        from django.db import connections

        connections.close_all()


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhaoshang.settings")
    name = _command_name(argv)
    _prepare_environment(name, argv)
    if not name or name in {"help", "version"} or {"-h", "--help"} & set(argv):
        from django.core.management import execute_from_command_line

        execute_from_command_line(argv)
        return
    _run_command(argv)


if __name__ == "__main__":
    main()
