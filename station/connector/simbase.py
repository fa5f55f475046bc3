"""The one base of the simulators (the Lazada platform's, QianYi's and Shoplazza's): a real HTTP server on
127.0.0.1 (port 0 = any free port) serving from a daemon thread, with ``start()``/``stop()``, ``with``,
``port`` and ``base_url``; and the request handler they share."""

from __future__ import annotations

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, TypeVar

log = logging.getLogger(__name__)

S = TypeVar("S", bound="SimulatorBase")


class SimHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 256
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], sim: Any, handler: type[BaseHTTPRequestHandler]) -> None:
        self.sim = sim
        super().__init__(address, handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that hang up or speak plain HTTP to HTTPS are normal here: log them quietly."""
        log.debug("connection from %s ended with an error", client_address, exc_info=True)


class SimHandler(BaseHTTPRequestHandler):
    """Sends every GET and POST to ``_dispatch``; ``_send`` writes one answer."""

    server: SimHTTPServer
    protocol_version = "HTTP/1.1"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def _dispatch(self) -> None:
        raise NotImplementedError

    def _send(self, status: int, body: bytes, content_type: str, *, close: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if close:
            self.send_header("Connection", "close")  # also sets close_connection
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class SimulatorBase:
    """A simulator's life cycle. Subclasses name their ``handler`` and may hook ``_started`` (the server
    is bound, not serving yet) and ``_stopped``."""

    handler: type[SimHandler] = SimHandler
    name = "simulator"

    def __init__(self, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host = host
        self.requested_port = port
        self.stopping = threading.Event()
        self._httpd: SimHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def start(self: S) -> S:
        """Listen and serve in a daemon thread; returns once the socket is listening."""
        if self._httpd is not None:
            return self
        self.stopping.clear()
        httpd = SimHTTPServer((self.host, self.requested_port), self, self.handler)
        self._httpd = httpd
        self._started(httpd)
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, name=f"{self.name}-{self.port}", daemon=True
        )
        self._thread.start()
        return self

    def _started(self, httpd: SimHTTPServer) -> None:
        """Called once the socket is bound, before serving."""

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self.stopping.set()
        httpd, self._httpd = self._httpd, None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        self._stopped()

    def _stopped(self) -> None:
        """Called after the server has stopped."""

    def __enter__(self: S) -> S:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the simulator is not running")
        return int(self._httpd.server_address[1])

    @property
    def scheme(self) -> str:
        return "http"

    @property
    def base_url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"
