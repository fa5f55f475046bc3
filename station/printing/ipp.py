"""Just enough IPP/1.1 (RFC 8010/8011) to ask the local CUPS server how a job ended and what its
printer says: Get-Job-Attributes and Get-Printer-Attributes.

``lpstat`` lists aborted and cancelled jobs as "completed" and never says why a printer waits;
IPP does (``job-state`` 7 cancelled, 8 aborted, 9 completed; ``printer-state-reasons``
``media-empty``, ``offline-report``, ``paused``, ``door-open``...). The server is the one the CUPS
tools use: ``CUPS_SERVER`` (a socket path or ``host[:port]``), else the local socket, else
``localhost:631``.
"""

from __future__ import annotations

import http.client
import itertools
import os
import socket
import struct
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

IPP_PORT = 631
SOCKETS = (Path("/run/cups/cups.sock"), Path("/var/run/cups/cups.sock"), Path("/private/var/run/cupsd"))

GET_JOB_ATTRIBUTES = 0x0009
GET_PRINTER_ATTRIBUTES = 0x000B

# Delimiter and value tags (RFC 8010 3.5).
_OPERATION, _END = 0x01, 0x03
_INTEGER, _BOOLEAN, _ENUM = 0x21, 0x22, 0x23
_TEXT_TAGS = frozenset({0x41, 0x42, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49})
_KEYWORD, _URI, _CHARSET, _LANGUAGE, _NAME = 0x44, 0x45, 0x47, 0x48, 0x42

_request_ids = itertools.count(1)

Value = int | bool | str | bytes


class IppError(OSError):
    """The server could not be reached or answered something that is not IPP."""


@dataclass(frozen=True)
class IppResponse:
    status: int  # 0x0000-0x00FF: successful
    attributes: Mapping[str, tuple[Value, ...]]  # every group's attributes, by name

    @property
    def ok(self) -> bool:
        return self.status < 0x0100

    def first(self, name: str, default: Value | None = None) -> Value | None:
        values = self.attributes.get(name)
        return values[0] if values else default

    def texts(self, name: str) -> tuple[str, ...]:
        return tuple(v for v in self.attributes.get(name, ()) if isinstance(v, str))


def _attribute(tag: int, name: str, values: Iterable[str]) -> bytes:
    out = b""
    for i, value in enumerate(values):
        key = name.encode() if i == 0 else b""  # further values of one attribute have no name
        data = value.encode("utf-8")
        out += struct.pack(">BH", tag, len(key)) + key + struct.pack(">H", len(data)) + data
    return out


def encode_request(operation: int, target: tuple[str, str], requested: Iterable[str], request_id: int) -> bytes:
    """An IPP/1.1 request: the operation attributes CUPS needs, ``target`` (``printer-uri`` or ``job-uri``, URI)."""
    body = struct.pack(">BBHI", 1, 1, operation, request_id) + bytes([_OPERATION])
    body += _attribute(_CHARSET, "attributes-charset", ["utf-8"])
    body += _attribute(_LANGUAGE, "attributes-natural-language", ["en"])
    body += _attribute(_URI, target[0], [target[1]])
    body += _attribute(_NAME, "requesting-user-name", ["station"])
    body += _attribute(_KEYWORD, "requested-attributes", list(requested))
    return body + bytes([_END])


def decode_response(data: bytes) -> IppResponse:
    """The status and the attributes of every group; :class:`IppError` when it is not IPP."""
    if len(data) < 9:
        raise IppError("the answer is too short to be IPP")
    status = struct.unpack(">H", data[2:4])[0]
    attributes: dict[str, list[Value]] = {}
    pos, name = 8, ""
    try:
        while pos < len(data):
            tag = data[pos]
            pos += 1
            if tag == _END:
                break
            if tag < 0x10:  # a group begins
                continue
            name_len = struct.unpack(">H", data[pos : pos + 2])[0]
            pos += 2
            if name_len:
                name = data[pos : pos + name_len].decode("utf-8", "replace")
                pos += name_len
            value_len = struct.unpack(">H", data[pos : pos + 2])[0]
            pos += 2
            raw = data[pos : pos + value_len]
            if len(raw) != value_len:
                raise IppError("the answer is cut short")
            pos += value_len
            value: Value
            if tag in (_INTEGER, _ENUM) and value_len == 4:
                value = struct.unpack(">i", raw)[0]
            elif tag == _BOOLEAN and value_len == 1:
                value = raw != b"\0"
            elif tag in _TEXT_TAGS:
                value = raw.decode("utf-8", "replace")
            else:
                value = raw
            attributes.setdefault(name, []).append(value)
    except struct.error as exc:
        raise IppError("the answer is cut short") from exc
    return IppResponse(status, {k: tuple(v) for k, v in attributes.items()})


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self.socket_path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        sock.connect(self.socket_path)
        self.sock = sock


def _connection(timeout: float) -> http.client.HTTPConnection:
    server = os.environ.get("CUPS_SERVER", "")
    if server.startswith("/"):
        return _UnixConnection(server, timeout)
    if not server:
        local = next((p for p in SOCKETS if p.exists()), None)
        if local is not None and hasattr(socket, "AF_UNIX"):
            return _UnixConnection(str(local), timeout)
        server = "localhost"
    host, _, port = server.partition(":")
    return http.client.HTTPConnection(host, int(port) if port.isdigit() else IPP_PORT, timeout=timeout)


def call(
    operation: int, target: tuple[str, str], requested: Iterable[str], *, path: str = "/", timeout: float = 10.0
) -> IppResponse:
    """Send one request to the CUPS server and read its answer."""
    body = encode_request(operation, target, requested, next(_request_ids))
    connection = _connection(timeout)
    try:
        connection.request("POST", path, body, {"Content-Type": "application/ipp"})
        answer = connection.getresponse()
        data = answer.read()
    except (OSError, http.client.HTTPException) as exc:
        raise IppError(f"CUPS did not answer: {exc}") from exc
    finally:
        connection.close()
    if answer.status != 200:
        raise IppError(f"CUPS answered HTTP {answer.status}")
    return decode_response(data)
