"""The ERP simulators' requests and faults, on the simulators' shared base (:mod:`station.connector.simbase`):
the same fault flags as the Lazada simulator (latency, error rate)."""

from __future__ import annotations

import argparse
import json
import logging
import random
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any
from urllib.parse import parse_qs, urlsplit

from station.connector.simbase import SimHandler, SimulatorBase

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
            b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
        )
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


class _Handler(SimHandler):
    def _dispatch(self) -> None:
        sim = self.server.sim
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        headers = {k.lower(): v for k, v in self.headers.items()}
        request = Request(
            self.command, parts.path, query, headers, parse_form(headers.get("content-type", ""), body), body
        )
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
            self._send(response.status, data, response.content_type)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class HttpSimulator(SimulatorBase):
    """Base of the ERP simulators; subclasses implement :meth:`handle` (and may override the error body)."""

    handler = _Handler
    name = "erp"

    def __init__(
        self, *, port: int = 0, host: str = "127.0.0.1", seed: int = 1, faults: FaultConfig | None = None
    ) -> None:
        super().__init__(host=host, port=port)
        self.faults = faults if faults is not None else FaultConfig()
        self.rng = random.Random(seed)
        self.lock = threading.RLock()
        self.calls: dict[str, int] = {}

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


def simulator_main(
    description: str,
    argv: Sequence[str] | None,
    stop: threading.Event | None,
    extra: tuple[str, int, str],
    make: Callable[[argparse.Namespace, FaultConfig], HttpSimulator],
) -> int:
    """``python -m`` an ERP simulator: the common flags and one of its own (``extra``: flag, default,
    help), then serve until Ctrl+C."""
    parser = simulator_arguments(description)
    flag, default, help_text = extra
    parser.add_argument(flag, type=int, default=default, help=help_text)
    args = parser.parse_args(argv)
    serve_until_stopped(make(args, FaultConfig(latency_ms=args.latency_ms, error_rate=args.error_rate)), stop)
    return 0


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
