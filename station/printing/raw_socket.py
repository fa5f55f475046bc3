"""Raw label printing to a network printer's port 9100: status, then the job, then status until it printed.

A raw port accepts whatever it is sent, printer ready or not, and says nothing back: a job sent to a printer
out of labels waits inside it (or is lost when it is switched off), and "sent" is not "printed". So the
printer is asked for its status first (ZPL ``~HS``, TSPL ``<ESC>!?``): out of labels, paused, head open or
not answering is refused in words before anything is sent. After the job the status is asked again until no
label waits inside the printer; labels still waiting behind a problem are reported in words too.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from station.printing import tspl, zpl
from station.printing.cups import PrintError
from station.printing.label_settings import DEFAULT_PORT, LabelPrinterSettings, Language
from station.printing.raster import render_pages
from station.problems import Problem

STATUS_TIMEOUT_S = 3.0
SEND_TIMEOUT_S = 10.0  # per socket operation, not for the whole job
CONFIRM_S = 10.0
DRAIN_S = 2.0
_POLL_S = 0.05


class RawPrinterError(PrintError):
    """The raw printer cannot take the job, or did not print it; ``problem`` says which, in words."""

    kind = "print.raw_offline"


@dataclass(frozen=True)
class RawPrinter:
    """A network label printer (or the virtual one) reached on its raw port."""

    name: str
    host: str
    port: int = DEFAULT_PORT
    settings: LabelPrinterSettings = field(default_factory=LabelPrinterSettings)


@dataclass(frozen=True)
class PrinterStatus:
    paper_out: bool = False
    paused: bool = False
    head_open: bool = False
    waiting: int = 0  # labels (ZPL: formats and labels) received and not printed yet

    def trouble(self) -> str | None:
        """What stops the printer, as the end of a problem kind: the head first, then paper, then pause."""
        if self.head_open:
            return "head_open"
        if self.paper_out:
            return "paper_out"
        if self.paused:
            return "paused"
        return None


@dataclass(frozen=True)
class RawPrintResult:
    labels: int
    bytes_sent: int
    before: PrinterStatus
    after: PrinterStatus


def parse_host_status(answer: bytes) -> PrinterStatus:
    """ZPL ``~HS``: string 1 ``aaa,b,c,dddd,eee,...`` (b paper out, c pause, eee formats in the buffer),
    string 2 ``mmm,n,o,p,q,r,s,t,uuuuuuuu,...`` (o head up, uuuuuuuu labels remaining in the batch)."""
    strings = [part.split(b"\x03")[0].decode("ascii", errors="replace") for part in answer.split(b"\x02")[1:]]
    if len(strings) < 2:
        raise ValueError(f"not a ~HS answer: {answer[:60]!r}")
    first, second = strings[0].split(","), strings[1].split(",")
    if len(first) < 5 or len(second) < 9:
        raise ValueError(f"short ~HS answer: {answer[:60]!r}")
    return PrinterStatus(
        paper_out=first[1].strip() == "1",
        paused=first[2].strip() == "1",
        head_open=second[2].strip() == "1",
        waiting=int(first[4]) + int(second[8]),
    )


def parse_tspl_status(answer: bytes) -> PrinterStatus:
    """TSPL ``<ESC>!?``: one byte; 0x01 head open, 0x04 out of paper, 0x10 paused, 0x20 printing."""
    if len(answer) < 1:
        raise ValueError("no TSPL status byte")
    byte = answer[0]
    return PrinterStatus(
        head_open=bool(byte & 0x01),
        paper_out=bool(byte & 0x04),
        paused=bool(byte & 0x10),
        waiting=1 if byte & 0x20 else 0,
    )


def _error(kind: str, printer: RawPrinter, detail: str = "", **params: str | int) -> RawPrinterError:
    return RawPrinterError(detail, problem=Problem(f"print.{kind}", {"printer": printer.name, **params}))


def _connect(printer: RawPrinter, timeout: float) -> socket.socket:
    try:
        return socket.create_connection((printer.host, printer.port), timeout=timeout)
    except OSError as error:  # refused, unreachable, timed out: nothing reached the printer
        raise _error("raw_offline", printer, f"{printer.host}:{printer.port}: {error}") from error


def query_status(printer: RawPrinter, timeout: float = STATUS_TIMEOUT_S) -> PrinterStatus:
    """Ask the printer how it is; :class:`RawPrinterError` if it does not answer."""
    zebra = printer.settings.language is Language.ZPL
    with _connect(printer, timeout) as connection:
        answer = b""
        try:
            connection.sendall(zpl.HOST_STATUS if zebra else tspl.STATUS_QUERY)
            # ~HS: three STX...ETX strings; TSPL: one byte
            while (answer.count(b"\x03") < 3) if zebra else not answer:
                chunk = connection.recv(1024)
                if not chunk:
                    break
                answer += chunk
            return parse_host_status(answer) if zebra else parse_tspl_status(answer)
        except (OSError, ValueError) as error:
            raise _error(
                "raw_no_status", printer, str(error), language=printer.settings.language.name, port=printer.port
            ) from error


def _check(printer: RawPrinter, status: PrinterStatus) -> None:
    trouble = status.trouble()
    if trouble is not None:
        raise _error(f"raw_{trouble}", printer)


def send(printer: RawPrinter, chunks: Iterable[bytes], timeout: float = SEND_TIMEOUT_S) -> tuple[int, int]:
    """Stream ``chunks`` (the setup, then a label each) on one connection; (labels, bytes) sent."""
    connection = _connect(printer, timeout)
    labels = sent = 0
    try:
        with connection:
            for index, chunk in enumerate(chunks):
                connection.sendall(chunk)
                sent += len(chunk)
                if printer.settings.language is Language.ZPL or index > 0:  # TSPL's first chunk is the setup
                    labels += 1
            connection.shutdown(socket.SHUT_WR)
            # Wait for the printer to close its side: then it has read (and parsed) the whole job, and the
            # status asked next counts every label of it. A printer that keeps the line open costs DRAIN_S.
            connection.settimeout(min(timeout, DRAIN_S))
            try:
                while connection.recv(1024):
                    pass
            except TimeoutError:
                pass
    except OSError as error:
        raise _error("raw_send_failed", printer, f"after {labels} labels: {error}") from error
    return labels, sent


def job_chunks(pdf: Path, settings: LabelPrinterSettings) -> Iterable[bytes]:
    """The job for ``pdf`` in the printer's language, rendered and encoded page by page as it is sent."""
    pages = render_pages(pdf, settings.raster_setup())
    return zpl.encode(pages, settings) if settings.language is Language.ZPL else tspl.encode(pages, settings)


def wait_printed(printer: RawPrinter, confirm_s: float = CONFIRM_S) -> PrinterStatus:
    """Ask the status until no label waits inside; labels waiting behind a problem are that problem."""
    zebra = printer.settings.language is Language.ZPL
    end = time.monotonic() + confirm_s
    while True:
        status = query_status(printer)
        trouble = status.trouble()
        if status.waiting == 0 and (trouble is None or zebra):
            return status  # ZPL counts what waits: none is all printed, even if the roll ended on the last one
        if trouble is not None:
            # TSPL's status byte has no count: a stop right after the job is taken as labels left unprinted
            if zebra:
                raise _error(f"raw_waiting_{trouble}", printer, count=status.waiting)
            raise _error(f"raw_waiting_{trouble}", printer)
        if time.monotonic() >= end:
            raise _error("raw_not_confirmed", printer, seconds=round(confirm_s))
        time.sleep(_POLL_S)  # a printer is slower than this poll: ~150 mm/s is a 100x150 label a second


def print_pdf(
    pdf: Path, printer: RawPrinter, *, timeout: float = SEND_TIMEOUT_S, confirm_s: float = CONFIRM_S
) -> RawPrintResult:
    """Check the printer, send every page of ``pdf`` as raw labels, and wait until they printed.

    :class:`RawPrinterError` before sending (offline, out of labels, paused, head open: nothing was
    printed), while sending (the line broke), or after (labels waiting behind a problem, or unconfirmed).
    """
    before = query_status(printer)
    _check(printer, before)
    labels, sent = send(printer, job_chunks(Path(pdf), printer.settings), timeout)
    after = wait_printed(printer, confirm_s)
    return RawPrintResult(labels=labels, bytes_sent=sent, before=before, after=after)
