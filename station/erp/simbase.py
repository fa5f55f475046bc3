"""A small real HTTP server for the ERP simulators: 127.0.0.1, port 0 = any free port, a daemon thread,
``start()/stop()/url`` and the same fault flags as the Lazada simulator (latency, error rate)."""

from __future__ import annotations

import argparse
import json
import logging
import random
import threading
import traceback
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

log = logging.getLogger(__name__)


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names
    form: dict[str, str]
    body: bytes


@dataclass
class Response:
    status: int
    payload: Any
    content_type: str = "application/json;charset=UTF-8"


@dataclass
class FaultConfig:
    latency_ms: float = 0.0
    error_rate: float = 0.0  # share of calls answered with a 500 (before anything is done)

    def __post_init__(self) -> None:
        if not 0.0 <= self.error_rate <= 1.0:
            raise ValueError(f"error_rate must be between 0 and 1, not {self.error_rate}.")
        if self.latency_ms < 0:
            raise ValueError("latency_ms cannot be negative.")


def parse_form(content_type: str, body: bytes) -> dict[str, str]:
    """Fields of a ``multipart/form-data`` or ``application/x-www-form-urlencoded`` body."""
    if "multipart/form-data" in content_type:
        message = BytesParser(policy=HTTP).parsebytes(
            b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body)
        fields: dict[str, str] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if not isinstance(name, str):
                continue
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                fields[name] = payload.decode(part.get_content_charset() or "utf-8")
        return fields
    if "application/x-www-form-urlencoded" in content_type:
        return {k: v[0] for k, v in parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True).items()}
    return {}


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], sim: HttpSimulator) -> None:
        self.sim = sim
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("connection from %s ended with an error", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def _dispatch(self) -> None:
        sim = self.server.sim
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        headers = {k.lower(): v for k, v in self.headers.items()}
        request = Request(self.command, parts.path, query, headers,
                          parse_form(headers.get("content-type", ""), body), body)
        try:
            response = sim.serve(request)
        except Exception:
            log.error("ERP simulator failure on %s\n%s", parts.path, traceback.format_exc())
            response = sim.internal_error()
        if isinstance(response.payload, bytes | str):
            data = response.payload.encode("utf-8") if isinstance(response.payload, str) else response.payload
        else:
            data = json.dumps(response.payload, ensure_ascii=False).encode("utf-8")
        try:
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class HttpSimulator:
    """Base of the ERP simulators; subclasses implement :meth:`handle` (and may override the error body)."""

    name = "erp"

    def __init__(self, *, port: int = 0, host: str = "127.0.0.1", seed: int = 1,
                 faults: FaultConfig | None = None) -> None:
        self.host = host
        self.requested_port = port
        self.faults = faults if faults is not None else FaultConfig()
        self.rng = random.Random(seed)
        self.lock = threading.RLock()
        self.stopping = threading.Event()
        self.calls: dict[str, int] = {}
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ----- life cycle -------------------------------------------------------------------------
    def start(self) -> HttpSimulator:
        if self._httpd is not None:
            return self
        self.stopping.clear()
        self._httpd = _HTTPServer((self.host, self.requested_port), self)
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1},
                                        name=f"{self.name}-sim-{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        httpd, self._httpd = self._httpd, None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> HttpSimulator:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the simulator is not running")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # ----- requests ---------------------------------------------------------------------------
    def serve(self, request: Request) -> Response:
        with self.lock:
            self.calls[request.path] = self.calls.get(request.path, 0) + 1
            latency = self.faults.latency_ms
            failing = self.faults.error_rate > 0 and self.rng.random() < self.faults.error_rate
        if latency > 0:
            self.stopping.wait(latency / 1000)
        if failing:
            return self.internal_error()
        return self.handle(request)

    def handle(self, request: Request) -> Response:
        raise NotImplementedError

    def internal_error(self) -> Response:
        return Response(500, {"error": "internal server error"})


def simulator_arguments(description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0: any free port")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--latency-ms", type=float, default=0.0, help="added to every answer")
    parser.add_argument("--error-rate", type=float, default=0.0, help="share of calls answered with a 500")
    return parser


def serve_until_stopped(sim: HttpSimulator, stop: threading.Event | None = None) -> None:
    """Start ``sim``, print its URL, serve until Ctrl+C (or ``stop`` is set), then stop it."""
    sim.start()
    print(f"{sim.name} simulator listening on {sim.base_url} (Ctrl+C to stop)", flush=True)
    event = stop or threading.Event()
    try:
        while not event.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
