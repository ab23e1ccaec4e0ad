"""A loopback HTTP server standing in for the robots and the SMS gateway: it records every request and answers
from a script (status, JSON body, delay), or with a `check(request)` that decides the answer."""

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Received:
    method: str
    path: str
    query: dict
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body.decode())


class Loopback:
    """`answers`: a list of (status, body dict, delay seconds), used in turn (the last one repeats)."""

    def __init__(self):
        self.received: list[Received] = []
        self.answers = [(200, {"errcode": 0, "errmsg": "ok"}, 0)]
        self.check = None
        loopback = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self):
                length = int(self.headers.get("Content-Length") or 0)
                parts = urlsplit(self.path)
                request = Received(self.command, parts.path, {k: v[0] for k, v in parse_qs(parts.query).items()},
                                   {k.lower(): v for k, v in self.headers.items()}, self.rfile.read(length))
                loopback.received.append(request)
                index = min(len(loopback.received), len(loopback.answers)) - 1
                status, body, delay = loopback.check(request) if loopback.check else loopback.answers[index]
                time.sleep(delay)
                data = json.dumps(body).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
                    pass

            do_GET = do_POST = _serve

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
