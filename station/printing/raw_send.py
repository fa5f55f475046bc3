"""Raw label jobs down a printer's route: a CUPS raw queue, a network port, or the Windows spooler in RAW mode.

The two entry points (names kept stable: other modules build on them):

``pdf_to_payload(pdf, settings, *, start=0) -> RawPayload``
    The label PDF as the printer's own language (:class:`LabelPrinterSettings`: ZPL or TSPL, its dpi,
    offsets, darkness...), rendered and encoded page by page as it is read (a generator: memory flat).
    ``start`` skips the first labels (0-based page index): a resumed job does not send again what the
    printer already has.

``send_raw(route, printer, payload, *, handed=None, title="", spool_dir=None, confirm_s=CONFIRM_S) -> RawSendResult``
    Send ``payload`` to ``printer`` along ``route`` (:class:`~station.printing.label_route.PrinterRoute`):

    * ``SOCKET``: the printer's raw port (``route.address``, 9100 by default). Its status is asked first
      (out of labels, paused, head open, not answering: :class:`RawPrinterError`, nothing sent), the labels
      are streamed on one connection, then the status is asked until nothing waits inside it (labels left
      behind a stop: :class:`RawPrinterError` ``print.raw_waiting_*``; they print once it is fixed).
    * ``CUPS_RAW``: ``lp -d <printer> -o raw`` of the payload, spooled to a file first (``spool_dir``) so
      that CUPS gets the whole job or none of it. The result's ``spool_id`` is the CUPS job id, to follow
      through IPP like a PDF job (:func:`station.printing.cups.job_progress`).
    * ``WINDOWS_RAW``: the Windows spooler with the datatype ``RAW`` (winspool.drv through ctypes), one
      document, one ``WritePrinter`` a chunk. Only on Windows.

    ``handed(n)`` is called on the socket path each time the n-th label of this send (1-based) is about to
    be complete at the printer: it is called after the label's body and **before** its last command
    (ZPL ``^XZ``, TSPL ``PRINT``), which alone makes a label print. A caller that stores ``n`` durably
    there knows, after a crash, which labels the printer has: a label cut before its last command is
    dropped by the printer when the line closes, so labels ``n+1...`` are sent again and none twice.

Errors are :class:`~station.printing.cups.PrintError` subclasses with the operator's sentence.
"""

from __future__ import annotations

import os
import re
import socket
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Protocol

from station.printing import cups, tspl, zpl
from station.printing.cups import SubmitError
from station.printing.label_route import PrinterRoute, PrintPath
from station.printing.label_settings import LabelPrinterSettings, Language
from station.printing.raster import render_pages
from station.printing.raw_socket import (
    CONFIRM_S,
    SEND_TIMEOUT_S,
    PrinterStatus,
    RawPrinter,
    RawPrinterError,
    _check,
    _connect,
    _error,
    query_status,
    wait_printed,
)
from station.problems import Problem

__all__ = [
    "RawPayload",
    "RawPrinterError",
    "RawSendResult",
    "last_command",
    "pdf_to_payload",
    "raw_printer",
    "send_raw",
    "socket_status",
]


@dataclass(frozen=True)
class RawPayload:
    """A raw job: ``setup`` (sent first, prints nothing: TSPL's SIZE/GAP..., empty for ZPL), then one
    chunk a label in ``labels`` (an iterable: rendered as it is sent)."""

    language: Language
    setup: bytes
    labels: Iterable[bytes]

    def chunks(self) -> Iterator[bytes]:
        if self.setup:
            yield self.setup
        yield from self.labels


@dataclass(frozen=True)
class RawSendResult:
    path: PrintPath
    labels: int  # labels handed to the printer (socket) or the spooler in this send
    bytes_sent: int
    spool_id: str = ""  # the CUPS job id on the CUPS raw path
    after: PrinterStatus | None = None  # the socket printer's status once nothing waited inside


def pdf_to_payload(pdf: Path, settings: LabelPrinterSettings, *, start: int = 0) -> RawPayload:
    """``pdf``'s pages from ``start`` (0-based) as labels in the printer's language, page by page."""
    pages = islice(render_pages(Path(pdf), settings.raster_setup()), start, None)
    if settings.language is Language.ZPL:
        return RawPayload(Language.ZPL, b"", zpl.encode(pages, settings))
    return RawPayload(Language.TSPL, tspl.setup(settings), (tspl.label(page) for page in pages))


def last_command(label: bytes) -> int:
    """Where ``label``'s last command starts (ZPL ``^XZ``, TSPL ``PRINT n``): without it, nothing prints."""
    end = label.rstrip(b"\r\n")
    return end.rfind(b"\n") + 1


def raw_printer(route: PrinterRoute, printer: str) -> RawPrinter:
    host, port = route.host_port()
    return RawPrinter(printer, host, port, route.label)


def socket_status(route: PrinterRoute, printer: str) -> PrinterStatus:
    """The socket printer's status now (:class:`RawPrinterError` ``print.raw_offline``/``raw_no_status``
    when it does not answer)."""
    return query_status(raw_printer(route, printer))


def send_raw(
    route: PrinterRoute,
    printer: str,
    payload: RawPayload,
    *,
    handed: Callable[[int], None] | None = None,
    title: str = "",
    spool_dir: Path | None = None,
    confirm_s: float = CONFIRM_S,
) -> RawSendResult:
    """Send ``payload`` to ``printer`` along ``route`` (see the module's docstring)."""
    if route.path is PrintPath.SOCKET:
        return _send_socket(raw_printer(route, printer), payload, handed, confirm_s)
    if route.path is PrintPath.CUPS_RAW:
        return _send_cups(printer, payload, title, spool_dir)
    if route.path is PrintPath.WINDOWS_RAW:
        return _send_windows(printer, payload, title)
    raise ValueError(f"{printer!r} takes the PDF path, not a raw one")


# ---------------------------------------------------------------------- network port
def _send_socket(
    printer: RawPrinter, payload: RawPayload, handed: Callable[[int], None] | None, confirm_s: float
) -> RawSendResult:
    _check(printer, query_status(printer))
    connection = _connect(printer, SEND_TIMEOUT_S)
    labels = sent = 0
    try:
        with connection:
            if payload.setup:
                connection.sendall(payload.setup)
                sent += len(payload.setup)
            for label in payload.labels:
                cut = last_command(label)
                connection.sendall(label[:cut])
                if handed is not None:
                    handed(labels + 1)  # stored before the label can print: see the module's docstring
                connection.sendall(label[cut:])
                labels += 1
                sent += len(label)
            connection.shutdown(socket.SHUT_WR)
            _drain(connection)
    except OSError as error:
        raise _error("raw_send_failed", printer, f"after {labels} labels: {error}") from error
    after = wait_printed(printer, confirm_s)
    return RawSendResult(PrintPath.SOCKET, labels, sent, after=after)


def _drain(connection: socket.socket) -> None:
    """Until the printer closes its side: then it has read the whole job (see ``raw_socket.send``)."""
    connection.settimeout(2.0)
    try:
        while connection.recv(1024):
            pass
    except TimeoutError:
        pass


# ---------------------------------------------------------------------- CUPS raw queue
def _send_cups(queue: str, payload: RawPayload, title: str, spool_dir: Path | None) -> RawSendResult:
    cups.check_queue(queue)
    folder = Path(spool_dir) if spool_dir is not None else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix="raw-", suffix=".prn", dir=folder)
    spool = Path(name)
    labels = sent = 0
    try:
        with os.fdopen(handle, "wb") as out:  # the whole job on disk first: CUPS gets all of it or none
            if payload.setup:
                out.write(payload.setup)
                sent += len(payload.setup)
            for label in payload.labels:
                out.write(label)
                labels += 1
                sent += len(label)
        args = ["lp", "-d", queue, "-o", "raw"] + (["-t", title] if title else []) + ["--", str(spool)]
        result = cups._run(args)
        match = re.search(r"request id is (\S+)", result.stdout)
        spool_id = match.group(1) if match is not None else ""
        if result.returncode != 0 or not spool_id:
            raise SubmitError(
                f"lp -o raw failed: {(result.stderr or result.stdout).strip()}",
                problem=Problem("print.refused", {"printer": queue}),
            )
    finally:
        spool.unlink(missing_ok=True)  # lp copied it into CUPS's spool
    return RawSendResult(PrintPath.CUPS_RAW, labels, sent, spool_id=spool_id)


# ---------------------------------------------------------------------- Windows spooler, RAW
class Spooler(Protocol):
    """The winspool calls a RAW job makes, in their order; :class:`_WinSpool` is the real one."""

    def open(self, printer: str) -> object: ...

    def start_doc(self, handle: object, title: str, datatype: str) -> None: ...

    def start_page(self, handle: object) -> None: ...

    def write(self, handle: object, data: bytes) -> int: ...

    def end_page(self, handle: object) -> None: ...

    def end_doc(self, handle: object) -> None: ...

    def close(self, handle: object) -> None: ...


def spool_raw(spooler: Spooler, printer: str, payload: RawPayload, title: str) -> tuple[int, int]:
    """One RAW document of ``payload`` through ``spooler``; (labels, bytes) written. The document is
    ended (or the handle closed) whatever happens, so the spooler never keeps half a job open."""
    handle = spooler.open(printer)
    labels = sent = 0
    try:
        spooler.start_doc(handle, title or "Station labels", "RAW")
        try:
            spooler.start_page(handle)
            if payload.setup:
                sent += _write_all(spooler, handle, payload.setup)
            for label in payload.labels:
                sent += _write_all(spooler, handle, label)
                labels += 1
            spooler.end_page(handle)
        finally:
            spooler.end_doc(handle)
    finally:
        spooler.close(handle)
    return labels, sent


def _write_all(spooler: Spooler, handle: object, data: bytes) -> int:
    view = memoryview(data)
    while view:
        written = spooler.write(handle, bytes(view))
        if written <= 0:
            raise OSError("WritePrinter wrote nothing")
        view = view[written:]
    return len(data)


def _send_windows(printer: str, payload: RawPayload, title: str) -> RawSendResult:
    if sys.platform != "win32":
        raise SubmitError(
            "the Windows RAW spooler exists only on Windows", problem=Problem("print.refused", {"printer": printer})
        )
    try:
        labels, sent = spool_raw(_WinSpool(), printer, payload, title)
    except OSError as error:
        raise SubmitError(str(error), problem=Problem("print.refused", {"printer": printer})) from error
    return RawSendResult(PrintPath.WINDOWS_RAW, labels, sent)


class _WinSpool:  # pragma: no cover - Windows only
    """winspool.drv through ctypes: OpenPrinterW, StartDocPrinterW (DOC_INFO_1W), WritePrinter..."""

    def __init__(self) -> None:
        import ctypes
        from ctypes import wintypes

        class DocInfo1(ctypes.Structure):
            _fields_ = [
                ("pDocName", wintypes.LPWSTR),
                ("pOutputFile", wintypes.LPWSTR),
                ("pDatatype", wintypes.LPWSTR),
            ]

        self._ctypes, self._wintypes, self._DocInfo1 = ctypes, wintypes, DocInfo1
        self._dll = ctypes.WinDLL("winspool.drv", use_last_error=True)  # type: ignore[attr-defined]

    def _ok(self, result: int, call: str) -> None:
        if not result:
            error = self._ctypes.get_last_error()  # type: ignore[attr-defined]
            raise OSError(error, f"{call} failed (Windows error {error})")

    def open(self, printer: str) -> object:
        handle = self._wintypes.HANDLE()
        self._ok(self._dll.OpenPrinterW(printer, self._ctypes.byref(handle), None), "OpenPrinterW")
        return handle

    def start_doc(self, handle: object, title: str, datatype: str) -> None:
        info = self._DocInfo1(title, None, datatype)
        self._ok(self._dll.StartDocPrinterW(handle, 1, self._ctypes.byref(info)), "StartDocPrinterW")

    def start_page(self, handle: object) -> None:
        self._ok(self._dll.StartPagePrinter(handle), "StartPagePrinter")

    def write(self, handle: object, data: bytes) -> int:
        written = self._wintypes.DWORD(0)
        self._ok(self._dll.WritePrinter(handle, data, len(data), self._ctypes.byref(written)), "WritePrinter")
        return int(written.value)

    def end_page(self, handle: object) -> None:
        self._ok(self._dll.EndPagePrinter(handle), "EndPagePrinter")

    def end_doc(self, handle: object) -> None:
        self._ok(self._dll.EndDocPrinter(handle), "EndDocPrinter")

    def close(self, handle: object) -> None:
        self._dll.ClosePrinter(handle)
