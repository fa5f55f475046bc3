"""A hostile server for tests: a real HTTP server on 127.0.0.1 that answers what a broken or
malicious platform, CDN or proxy might (redirects elsewhere, damaged or encrypted PDFs, huge or
dripping bodies, deeply nested or garbled JSON after the real server acted).

Each path gets a behaviour (``server.on(path, behaviour)``); a path without one is passed on to
the ``upstream`` server (the simulator) unchanged, so a test can put the hostile server in front
of the simulator and spoil just the answers it wants. Every request is recorded.
"""

from __future__ import annotations

import contextlib
import http.server
import io
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field

import requests

Behaviour = Callable[["_Handler"], None]


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str  # with the query
    headers: dict[str, str]
    body: bytes

    @property
    def form(self) -> dict[str, list[str]]:
        return urllib.parse.parse_qs(self.body.decode("latin-1"))


@dataclass
class HostileServer:
    upstream: str | None = None  # scheme://host:port the unmatched paths are passed on to
    routes: dict[str, Behaviour] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        handler = type("Handler", (_Handler,), {"hostile": self})
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True, name="hostile")

    def start(self) -> HostileServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def on(self, path: str, behaviour: Behaviour) -> None:
        self.routes[path] = behaviour

    def record(self, entry: Recorded) -> None:
        with self._lock:
            self.requests.append(entry)


class _Handler(http.server.BaseHTTPRequestHandler):
    hostile: HostileServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.body = self.rfile.read(length) if length else b""
        self.hostile.record(Recorded(self.command, self.path, dict(self.headers.items()), self.body))
        route = urllib.parse.urlsplit(self.path).path
        behaviour = self.hostile.routes.get(route)
        if behaviour is None:
            behaviour = next(
                (b for p, b in self.hostile.routes.items() if p.endswith("*") and route.startswith(p[:-1])), None
            )
        if behaviour is None:
            behaviour = proxy() if self.hostile.upstream else body(b"not here", status=404, content_type="text/plain")
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
            behaviour(self)

    def forward(self) -> requests.Response:
        """This request, sent on to the upstream server as it came."""
        assert self.hostile.upstream is not None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
        return requests.request(
            self.command,
            self.hostile.upstream + self.path,
            data=self.body,
            headers=headers,
            timeout=30,
            allow_redirects=False,
        )

    def send(
        self, status: int, data: bytes, content_type: str = "application/json", headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


# ---------------------------------------------------------------------- behaviours
def body(
    data: bytes, *, status: int = 200, content_type: str = "application/pdf", headers: dict[str, str] | None = None
) -> Behaviour:
    return lambda h: h.send(status, data, content_type, headers)


def redirect(location: str, status: int = 307) -> Behaviour:
    """A redirect to ``location`` (another host or port); the query of the request is not kept."""
    return lambda h: h.send(status, b"", "text/plain", {"Location": location})


def drip(data: bytes, *, interval: float = 0.05, step: int = 1) -> Behaviour:
    """``data`` announced whole, sent ``step`` bytes every ``interval`` seconds: never a read timeout."""

    def behave(h: _Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/pdf")
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        for start in range(0, len(data), step):
            h.wfile.write(data[start : start + step])
            h.wfile.flush()
            time.sleep(interval)

    return behave


def huge(total: int, *, announce: bool = True, head: bytes = b"%PDF-1.7\n") -> Behaviour:
    """A body of ``total`` bytes, with or without a Content-Length (then until the connection closes)."""

    def behave(h: _Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/pdf")
        if announce:
            h.send_header("Content-Length", str(total))
        else:
            h.send_header("Connection", "close")
            h.close_connection = True
        h.end_headers()
        h.wfile.write(head)
        block = b"0" * 65536
        sent = len(head)
        while sent < total:
            piece = block[: min(len(block), total - sent)]
            h.wfile.write(piece)
            sent += len(piece)

    return behave


def proxy(garble: bytes | None = None) -> Behaviour:
    """Pass the request on to the upstream server (which acts on it), its links rewritten to this
    server as a reverse proxy does; answer ``garble`` instead when given: the state changed, the
    answer cannot be read."""

    def behave(h: _Handler) -> None:
        answer = h.forward()
        if garble is not None:
            h.send(200, garble, "application/json;charset=UTF-8")
            return
        assert h.hostile.upstream is not None
        content = answer.content.replace(h.hostile.upstream.encode(), h.hostile.url.encode())
        h.send(answer.status_code, content, answer.headers.get("Content-Type", "application/json"))

    return behave


# ---------------------------------------------------------------------- hostile files
def nested_json(depth: int = 100_000) -> bytes:
    """A JSON answer nested deeper than Python's recursion limit."""
    return b'{"code":"0","result":' + b"[" * depth + b"]" * depth + b"}"


def damaged_pdf() -> bytes:
    """Starts with %PDF and ends with %%EOF, as a whole file does, but is not a PDF inside."""
    return b"%PDF-1.7\n" + b"\x00garbage that is no object at all\n" * 40 + b"trailer\n<<>>\n%%EOF\n"


def label_pdf(width_mm: float = 100.0, height_mm: float = 150.0, pages: int = 1, *, password: str = "") -> bytes:
    """A small, valid PDF with pages of this size, encrypted with a user password when given."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=width_mm * 72 / 25.4, height=height_mm * 72 / 25.4)
    if password:
        writer.encrypt(user_password=password, owner_password=password + "-owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
