"""What the demo command checks and keeps before it loads anything: a free port, and the password it printed."""

import os
import socket
from pathlib import Path

from django.conf import settings

from zhaoshang.demo.loader import generate_password

PASSWORD_FILE = "demo_password"


def port_problem(port: int, host: str = "127.0.0.1") -> str | None:
    """Why the demo cannot serve on the port (in Chinese), or None when it is free."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as runserver does: TIME_WAIT is not busy
        try:
            probe.bind((host, port))
        except OSError as error:
            return (f"端口 {port} 已被占用或不可用（{error.strerror}）。请换一个端口：make demo PORT={port + 1} "
                    f"或 zhaoshang demo --port {port + 1}")
    return None


def demo_password() -> str:
    """ZHAOSHANG_DEMO_PASSWORD, else the password kept in the data dir since the first run (mode 0600), else a
    new random one that is kept there, so re-running the demo keeps the password it printed."""
    if os.environ.get("ZHAOSHANG_DEMO_PASSWORD"):
        return os.environ["ZHAOSHANG_DEMO_PASSWORD"]
    path = Path(settings.DATA_DIR) / PASSWORD_FILE
    if path.is_file() and path.read_text(encoding="utf-8").strip():
        return path.read_text(encoding="utf-8").strip()
    password = generate_password()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.chmod(0o600)
    path.write_text(password + "\n", encoding="utf-8")
    return password
