"""Load on gunicorn over loopback: N connections for T seconds against the pages and API a working day hits.

    python bench/load.py [--connections 32] [--seconds 60] [--workers 2] [--projects 100000] [--keep]

Loads the demo into a throw-away data directory (SQLite unless DATABASE_URL names a PostgreSQL), starts gunicorn
on 127.0.0.1, logs in as the office (session cookie) and as a unit (bearer token), then runs `wrk` (Debian's
package) with a script that rotates through: the project list, the kanban, the plan overview, the indicator
API and a unit's report submission through the API. Prints requests/s, latency percentiles and every status
outside 2xx/3xx; exits 1 if any request failed. Nothing but 127.0.0.1 is ever contacted.
"""

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
PASSWORD = "Load-test-Pa55word"

WRK_SCRIPT = r"""
local requests = {}
local counts = {}
local failed = {}
local i = 0

function setup(thread)
  thread:set("id", tostring(thread))
end

function init(args)
  local cookie, token, assignment = args[1], args[2], args[3]
  local page = {["Cookie"] = cookie}
  local api = {["Authorization"] = "Bearer " .. token}
  local post = {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}
  requests = {
    wrk.format("GET", "/projects/", page),
    wrk.format("GET", "/projects/kanban/", page),
    wrk.format("GET", "/supervision/", page),
    wrk.format("GET", "/api/v1/indicators", api),
    wrk.format("POST", "/api/v1/assignments/" .. assignment .. "/reports", post,
               '{"text": "本月推进情况：已完成对接。", "percent": 60, "status": "in_progress"}'),
  }
end

function request()
  i = i % #requests + 1
  return requests[i]
end

function response(status, headers, body)
  if status >= 400 then
    counts[status] = (counts[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("LOAD requests=%d errors_connect=%d errors_read=%d errors_write=%d errors_status=%d errors_timeout=%d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout))
  io.write(string.format("LOAD p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _zhaoshang(env, *args) -> str:
    return subprocess.run([str(BIN / "zhaoshang"), *args], env=env, check=True, capture_output=True, text=True).stdout


def _wait(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def _session_cookie(base: str, username: str) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/accounts/login/").read().decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"username": username, "password": PASSWORD, "csrfmiddlewaretoken": csrf}).encode()
    opener.open(urllib.request.Request(f"{base}/accounts/login/", data=data, headers={"Referer": f"{base}/accounts/login/"}))
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def _token(base: str, username: str) -> str:
    body = json.dumps({"username": username, "password": PASSWORD}).encode()
    request = urllib.request.Request(f"{base}/api/v1/auth/token", data=body, headers={"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request))["token"]


def _api(base: str, token: str, path: str):
    request = urllib.request.Request(f"{base}{path}", headers={"Authorization": f"Bearer {token}"})
    return json.load(urllib.request.urlopen(request))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--projects", type=int, default=0, help="synthetic projects added to the demo (bench/load_projects.py)")
    parser.add_argument("--keep", action="store_true", help="keep the data directory")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")

    data_dir = Path(tempfile.mkdtemp(prefix="zhaoshang-load-"))
    env = {**os.environ, "ZHAOSHANG_DATA_DIR": str(data_dir), "ZHAOSHANG_HTTPS": "0",
           "ZHAOSHANG_DEMO_PASSWORD": PASSWORD, "ZHAOSHANG_SECRET_KEY": "load-only-" + "l" * 50,
           "ZHAOSHANG_ALLOWED_HOSTS": "127.0.0.1,localhost"}
    env.setdefault("DATABASE_URL", f"sqlite:///{data_dir / 'load.sqlite3'}")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = None
    try:
        started = time.monotonic()
        _zhaoshang(env, "demo", "--no-serve")
        users = json.loads(_zhaoshang(env, "users", "--json"))
        office = next(u["username"] for u in users if u["role"] == "office")
        print(f"demo loaded in {time.monotonic() - started:.0f} s ({env['DATABASE_URL'].split(':')[0]})")
        if args.projects:
            print(subprocess.run([sys.executable, str(HERE / "load_projects.py"), str(args.projects)], env=env, check=True,
                                 capture_output=True, text=True).stdout.strip())
        server = subprocess.Popen([str(BIN / "gunicorn"), "zhaoshang.wsgi", "--bind", f"127.0.0.1:{port}",
                                   "--workers", str(args.workers), "--log-level", "warning"], env=env)
        _wait(port)
        cookie = _session_cookie(base, office)
        unit_user, assignment = None, None
        for user in (u for u in users if u["role"] == "unit"):
            token = _token(base, user["username"])
            mine = [a for a in _api(base, token, "/api/v1/assignments?mine=1") if a.get("unit") == user["unit"]]
            if mine:
                unit_user, assignment = user["username"], mine[0]["id"]
                break
        if assignment is None:
            raise SystemExit("no unit user with an assignment")
        script = data_dir / "load.lua"
        script.write_text(WRK_SCRIPT)
        print(f"wrk: {args.connections} connections, {args.seconds} s, gunicorn {args.workers} workers; "
              f"office {office}, unit {unit_user} reporting on assignment {assignment}")
        result = subprocess.run(["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--timeout", "30s",
                                 "-s", str(script), base, "--", cookie, token, str(assignment)],
                                capture_output=True, text=True)
        print(result.stdout)
        rate = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
        failures = re.search(r"errors_status=(\d+)", result.stdout)
        sockets = [int(n) for n in re.findall(r"errors_(?:connect|read|write|timeout)=(\d+)", result.stdout)]
        bad = int(failures.group(1)) if failures else -1
        print(f"requests/s {rate.group(1) if rate else '?'}; failed requests {bad}; socket errors {sum(sockets)}")
        return 0 if bad == 0 and sum(sockets) == 0 else 1
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        if args.keep:
            print(f"data kept in {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
