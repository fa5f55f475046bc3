"""The one entry point for printing, used by the window and the CLI: :class:`PrintService`.

A job goes: record (pending) -> check the printer -> send (CUPS ``lp`` or Qt) -> sent -> printed, or
failed with the operator's sentence. A failed job stays in the history ("the queue") and can be
retried once the printer is fixed; any job of the day can be reprinted from its file (no download).

The printer for a job is the one given, else the one configured for its paper size
(:class:`PrinterSettings`, QSettings keys ``printers/<SIZE>``). The backend is chosen by the
``printers/backend`` setting: ``auto`` (CUPS where ``lp`` exists, i.e. Linux/macOS; Qt otherwise,
i.e. Windows), ``cups`` or ``qt``.
"""

from __future__ import annotations

import logging
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol, runtime_checkable

import platformdirs
from PySide6.QtCore import QSettings

from station import preferences
from station.lazada.models import PdfSize, pdf_size_name
from station.lazada.pickups import PickupLabelSize
from station.preferences import Preferences
from station.printing import cups
from station.printing.cups import PrintError, QueueDisabledError, QueueMissingError, SubmitError
from station.printing.history import JobStatus, PrintHistory, PrintJobRecord
from station.printing.label_route import PrinterRoute, PrintPath, load_route
from station.printing.merge import split_by_size
from station.printing.page_size import match_pdf_size, same_size
from station.printing.raw_jobs import LEASE_S, RawJobs
from station.problems import Problem, say

log = logging.getLogger(__name__)

BACKENDS: tuple[str, ...] = preferences.PRINT_BACKEND.choices
DEFAULT_WAIT_S = 10.0  # how long print_file waits for CUPS to report the job completed before returning
AT_PRINTER = (JobStatus.SENT, JobStatus.WAITING)  # the spooler has them; only it knows how they end


class NoPrinterError(PrintError):
    kind = "print.no_printer"


# ---------------------------------------------------------------------- settings
class PrinterChoice(Protocol):
    """What the service needs from the settings: a printer per paper size and a backend name."""

    def printer(self, size: PdfSize) -> str: ...

    @property
    def backend(self) -> str: ...


@runtime_checkable
class RouteChoice(Protocol):
    """Settings that also say how each paper size's printer is fed (:mod:`station.printing.label_route`)."""

    def route(self, size: str) -> PrinterRoute:
        """The route of the printer for the paper size named ``size`` (``LABEL_100X150``, ``LABEL_100X100``...)."""


class PrinterSettings:
    """Printer per paper size and the backend, remembered in QSettings (the same keys the window uses),
    read through the registry (:data:`station.preferences.PRINTER`, :data:`~station.preferences.PRINT_BACKEND`)."""

    def __init__(self, q: QSettings | None = None) -> None:
        self.prefs = Preferences(q)
        self.q = self.prefs.q

    def printer(self, size: PdfSize) -> str:
        return self.prefs.get(preferences.PRINTER, size=size.name)

    def set_printer(self, size: PdfSize, name: str) -> None:
        self.prefs.set(preferences.PRINTER, name, size=size.name)

    def carton_printer(self, size: PickupLabelSize) -> str:
        """The printer for carton labels of ``size``: the 100x100 mm one, or the A4 printer (same key)."""
        return self.prefs.get(preferences.PRINTER, size=size.name)

    def set_carton_printer(self, size: PickupLabelSize, name: str) -> None:
        self.prefs.set(preferences.PRINTER, name, size=size.name)

    def route(self, size: str) -> PrinterRoute:
        return load_route(self.q, size)

    @property
    def backend(self) -> str:
        return self.prefs.get(preferences.PRINT_BACKEND)

    @backend.setter
    def backend(self, name: str) -> None:
        if name not in BACKENDS:
            raise ValueError(f"print backend must be one of {', '.join(BACKENDS)}, not {name!r}")
        self.prefs.set(preferences.PRINT_BACKEND, name)


@dataclass
class FixedPrinters:
    """Settings given in code (the CLI's ``--printer``, tests): ``printers`` per size, ``backend``."""

    printers: dict[PdfSize, str]
    backend: str = "auto"
    routes: dict[str, PrinterRoute] = field(default_factory=dict)  # by size name; none: the PDF path

    def printer(self, size: PdfSize) -> str:
        return self.printers.get(size, "")

    def route(self, size: str) -> PrinterRoute:
        return self.routes.get(size, PrinterRoute())


def default_history_folder() -> Path:
    """Where the window keeps its print files and history (``<user data>/prints``); the CLI shares it."""
    return Path(platformdirs.user_data_dir("station", "Station")) / "prints"


# ---------------------------------------------------------------------- backends
@dataclass(frozen=True)
class PrinterStatus:
    name: str
    ready: bool
    state: str  # "ready", "paused", "rejecting jobs", "error", plus the printer's reason
    is_default: bool = False


@dataclass(frozen=True)
class Sent:
    spool_id: str  # the CUPS job id, "" when the backend has none
    pages: int | None
    done: bool  # True when the job is already complete (Qt: handed to the system spooler)


class PrintBackend(Protocol):
    name: str

    def check(self, printer: str) -> None:
        """Raise a :class:`PrintError` with the operator's sentence if ``printer`` cannot take a job now."""

    def send(self, printer: str, pdf: Path, size_mm: tuple[float, float], title: str) -> Sent: ...

    def printers(self) -> list[PrinterStatus]: ...

    def job_progress(self, spool_id: str) -> cups.JobProgress | None:
        """Where the job is and what its printer says; None when the backend cannot follow jobs."""


def cups_available() -> bool:
    return sys.platform != "win32" and shutil.which("lp") is not None and shutil.which("lpstat") is not None


def _queue_status(queue: cups.QueueInfo) -> PrinterStatus:
    if not queue.enabled:
        state = "paused"
    elif not queue.accepting:
        state = "rejecting jobs"
    else:
        state = "printing" if queue.printing else "ready"
    if queue.reason and state != "ready":
        state += f" ({queue.reason})"
    return PrinterStatus(queue.name, queue.enabled and queue.accepting, state, queue.is_default)


class CupsBackend:
    """``lp`` with ``media=Custom.WxHmm``, no scaling, no rotation (:mod:`station.printing.cups`)."""

    name = "cups"

    def check(self, printer: str) -> None:
        cups.check_queue(printer)

    def send(self, printer: str, pdf: Path, size_mm: tuple[float, float], title: str) -> Sent:
        spool_id = cups.submit(printer, pdf, size_mm, title=title)  # checks the queue again, right before
        return Sent(spool_id, None, False)

    def printers(self) -> list[PrinterStatus]:
        return [_queue_status(q) for q in cups.list_queues()]

    def job_progress(self, spool_id: str) -> cups.JobProgress | None:
        return cups.job_progress(spool_id)


class QtBackend:
    """QtPdf renders each page at the printer's resolution onto a ``QPrinter`` of the label's size.

    The check uses CUPS where it exists (it knows "paused" and the reason), else ``QPrinterInfo``.
    A ``QGuiApplication`` must exist (:func:`ensure_gui_app`).
    """

    name = "qt"

    def check(self, printer: str) -> None:
        if cups_available():
            cups.check_queue(printer)
            return
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

        info = QPrinterInfo.printerInfo(printer)
        if not printer or info.isNull():
            raise QueueMissingError(f"Qt sees no printer {printer!r}", params={"printer": printer})
        if info.state() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
            raise QueueDisabledError(
                f"printer {printer!r} state {info.state().name}",
                problem=Problem("print.queue_offline", {"printer": printer}),
            )

    def send(self, printer: str, pdf: Path, size_mm: tuple[float, float], title: str) -> Sent:
        from station.printing import qt_backend

        ensure_gui_app()
        pages = qt_backend.print_pdf(pdf, qt_backend.queue_printer(printer, size_mm), title=title)
        return Sent("", pages, True)

    def printers(self) -> list[PrinterStatus]:
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

        default = QPrinterInfo.defaultPrinterName()
        found = []
        for info in QPrinterInfo.availablePrinters():
            bad = info.state() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted)
            found.append(
                PrinterStatus(info.printerName(), not bad, "error" if bad else "ready", info.printerName() == default)
            )
        return found

    def job_progress(self, spool_id: str) -> cups.JobProgress | None:
        return None  # handed to the system spooler: marked printed then


def ensure_gui_app() -> None:
    """The Qt backend needs a ``QGuiApplication``; the CLI has none, so make one (offscreen if headless)."""
    import os

    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication([sys.argv[0] if sys.argv else "station"])


def make_backend(name: str = "auto") -> PrintBackend:
    """``auto``: CUPS where ``lp`` exists (Linux, macOS), Qt elsewhere (Windows); ``cups``; ``qt``."""
    if name not in BACKENDS:
        raise ValueError(f"print backend must be one of {', '.join(BACKENDS)}, not {name!r}")
    if name == "cups" or (name == "auto" and cups_available()):
        return CupsBackend()
    return QtBackend()


def list_printers(backend: str = "auto") -> list[PrinterStatus]:
    """Every printer the backend can reach, with its state; [] if the printing system is not running."""
    try:
        return make_backend(backend).printers()
    except PrintError as exc:
        log.warning("printers not listed: %s", exc)
        return []


def printer_names(backend: str = "auto") -> list[str]:
    """CUPS queues and Qt's printers (``QPrinterInfo.availablePrinterNames``), without duplicates."""
    names = [p.name for p in list_printers(backend)]
    try:
        from PySide6.QtPrintSupport import QPrinterInfo

        names += [n for n in QPrinterInfo.availablePrinterNames() if n not in names]
    except ImportError:  # pragma: no cover - PySide6 always ships QtPrintSupport
        pass
    return names


# ---------------------------------------------------------------------- the service
def _size_text(size_mm: tuple[float, float]) -> str:
    matched = match_pdf_size(size_mm)
    return matched.value if matched is not None else f"{size_mm[0]:g}x{size_mm[1]:g}mm"


def _size_of(text: str) -> PdfSize | None:
    return PdfSize(text) if text in {s.value for s in PdfSize} else None


def size_key(text: str) -> str:
    """The settings' name of a job's paper size (``100150`` -> ``LABEL_100X150``; carton labels'
    ``100x100mm`` -> ``LABEL_100X100``); "" for a size with no setting of its own."""
    size = _size_of(text)
    if size is not None:
        return size.name
    return PickupLabelSize.LABEL_100X100.name if text.startswith("100x100") else ""


class PrintService:
    """Print PDFs to the printer chosen for their paper size, and keep every job in :class:`PrintHistory`.

    ``history_folder`` holds ``print-history.sqlite3`` and, under ``jobs/``, the per-size files made
    when a PDF mixes paper sizes. ``settings`` gives the printer per size and the backend
    (:class:`PrinterSettings`, :class:`FixedPrinters`, or the window's ``UiSettings``).
    """

    def __init__(
        self,
        history_folder: Path,
        settings: PrinterChoice,
        *,
        backend: PrintBackend | None = None,
        wait_s: float = DEFAULT_WAIT_S,
        raw_lease_s: float = LEASE_S,
    ) -> None:
        self.history = PrintHistory(Path(history_folder))
        self.settings = settings
        self._backend = backend
        self.wait_s = wait_s
        self.raw = RawJobs(self.history, lease_s=raw_lease_s)
        # Told each time a job comes to printed, waiting (or waiting for another reason) or failed: the
        # journal's record of how each print ended (station.workflow.print_journal), set by its owner.
        self.on_state: Callable[[PrintJobRecord], None] | None = None

    def route(self, size_text: str) -> PrinterRoute:
        """How the printer of a job's paper size is fed: the PDF path unless the settings say raw."""
        key = size_key(size_text)
        return self.settings.route(key) if key and isinstance(self.settings, RouteChoice) else PrinterRoute()

    @property
    def backend(self) -> PrintBackend:
        return self._backend or make_backend(self.settings.backend)

    # ---------------------------------------------------------------- record, then send
    def prepare(
        self,
        pdf: Path,
        size: PdfSize | None,
        po_numbers: Sequence[str],
        printer: str | None = None,
        *,
        page_sizes: Sequence[tuple[float, float]] | None = None,
    ) -> list[PrintJobRecord]:
        """Record the job(s) for ``pdf`` as pending, one per paper size (a mixed file is split first).

        ``page_sizes`` (mm), when the caller knows them (the merge reports them), spares reading a
        file of thousands of pages again: this runs on the window's thread.
        """
        pdf = Path(pdf)
        if not pdf.is_file():
            raise SubmitError(f"{pdf} missing", problem=Problem("print.file_missing"))
        sizes = list(page_sizes) if page_sizes else cups.pdf_page_sizes(pdf)
        if not sizes:
            raise SubmitError(f"{pdf.name}: no pages", problem=Problem("print.file_empty"))
        parts: list[tuple[Path, tuple[float, float], int]]
        if all(same_size(sizes[0], s) for s in sizes[1:]):
            parts = [(pdf, sizes[0], len(sizes))]
        else:
            out_dir = self.history.folder / "jobs"
            out_dir.mkdir(parents=True, exist_ok=True)
            parts = [(job.path, job.size_mm, job.pages) for job in split_by_size([pdf], out_dir, pdf.stem)]
        backend = self.backend.name
        records = []
        for path, size_mm, pages in parts:
            part_size = match_pdf_size(size_mm) or size
            name = printer or (self.settings.printer(part_size) if part_size is not None else "")
            job_id = self.history.record(path, po_numbers, _size_text(size_mm), name, backend=backend, pages=pages)
            records.append(self.history.get(job_id))
        return records

    def send(self, job_id: int, printer: str | None = None) -> PrintJobRecord:
        """Check the printer, then send job ``job_id``; the updated record (failed with the sentence if not)."""
        before = self.history.get(job_id)
        return self._tell(before, self._send(job_id, printer))

    def _tell(self, before: PrintJobRecord, after: PrintJobRecord) -> PrintJobRecord:
        """Tell ``on_state`` of a job that came to an end state (or to another reason to wait)."""
        ended = after.status in (JobStatus.PRINTED, JobStatus.WAITING, JobStatus.FAILED)
        if self.on_state is not None and ended and (after.status, after.error) != (before.status, before.error):
            try:
                self.on_state(after)
            except Exception:  # the record of a print must not undo the print
                log.exception("print job %d's end not recorded", after.id)
        return after

    def _send(self, job_id: int, printer: str | None = None) -> PrintJobRecord:
        job = self.history.get(job_id)
        route = self.route(job.size)
        backend = self.backend
        backend_name = route.path.value if route.path.is_raw else backend.name
        name = printer or job.printer
        if printer is None:
            size = _size_of(job.size)  # the operator may have chosen another printer since it was recorded
            name = (self.settings.printer(size) if size is not None else "") or job.printer
        if not name and route.path is PrintPath.SOCKET:
            name = route.address  # a network label printer needs no queue: its address names it
        if name != job.printer or backend_name != job.backend:
            self.history.set_printer(job_id, name, backend_name)
        try:
            if not name:
                raise NoPrinterError(
                    f"no printer for {job.size}",
                    problem=Problem("print.no_printer_for", {"size": pdf_size_name(job.size)}),
                )
            if not job.file_path.is_file():
                raise SubmitError(f"{job.file_path} missing", problem=Problem("print.job_file_gone"))
            if route.path.is_raw:
                return self._send_raw(job_id, name, route)
            backend.check(name)
            size_mm = cups.job_size(job.file_path)
            sent = backend.send(name, job.file_path, size_mm, self._title(job))
        except PrintError as exc:
            log.info("print job %d on %r failed: %s", job_id, name, exc.describe())
            self.history.mark_failed(job_id, exc.operator_message)
            return self.history.get(job_id)
        except Exception as exc:  # a job must never stay "pending" because of an unexpected error
            log.exception("print job %d on %r failed", job_id, name)
            self.history.mark_failed(job_id, say("print.failed_on", printer=name, why=str(exc)))
            return self.history.get(job_id)
        self.history.mark_sent(job_id, sent.spool_id)
        if sent.done:
            self.history.mark_printed(job_id)
        elif sent.spool_id and self.wait_s > 0:
            self._follow(job_id, sent.spool_id, backend)
        log.info("print job %d: %s sent to %r (%s)", job_id, job.file_path.name, name, sent.spool_id or backend.name)
        return self.history.get(job_id)

    def _send_raw(self, job_id: int, name: str, route: PrinterRoute) -> PrintJobRecord:
        """A raw job (:mod:`station.printing.raw_jobs`); a CUPS raw queue's job is followed as a PDF job."""
        job = self.raw.send(job_id, name, route)
        if route.path is PrintPath.CUPS_RAW and job.spool_id and self.wait_s > 0:
            self._follow(job_id, job.spool_id, CupsBackend())
        return self.history.get(job_id)

    def _follow(self, job_id: int, spool_id: str, backend: PrintBackend) -> None:
        """Follow a sent job for up to ``wait_s``: to its end, or until its printer says why it waits."""
        end = time.monotonic() + self.wait_s
        while True:
            try:
                progress = backend.job_progress(spool_id)
            except PrintError as exc:
                log.warning("job %s not followed: %s", spool_id, exc)
                return
            if progress is None:
                return
            if progress.phase.final or progress.problem() is not None or time.monotonic() >= end:
                self._apply(job_id, progress)
                return
            time.sleep(0.25)  # the printer's pace: a label printer takes a second or two a job

    def _apply(self, job_id: int, progress: cups.JobProgress) -> None:
        """Record what the spooler says of a sent job: printed, given up (failed, can be retried),
        waiting at the printer with the reason, or on its way (sent)."""
        phase, problem = progress.phase, progress.problem()
        job = self.history.get(job_id)
        if phase is cups.JobPhase.COMPLETED:
            if job.backend == PrintPath.CUPS_RAW.value and not self.raw.cups_completed(job, self.route(job.size)):
                return  # labels still inside the label printer
            self.history.mark_printed(job_id)
        elif phase in (cups.JobPhase.ABORTED, cups.JobPhase.CANCELLED) and problem is not None:
            log.warning("print job %d (%s) %s", job_id, job.spool_id, phase.value)
            self.history.mark_failed(job_id, say(problem.kind, **problem.params))
        elif problem is not None:
            if job.status is not JobStatus.WAITING or job.error != say(problem.kind, **problem.params):
                log.info("print job %d (%s) waiting: %s", job_id, job.spool_id, problem.kind)
                self.history.mark_waiting(job_id, say(problem.kind, **problem.params))
        elif job.status is JobStatus.WAITING and phase is not cups.JobPhase.UNKNOWN:
            self.history.mark_at_printer(job_id)

    @staticmethod
    def _title(job: PrintJobRecord) -> str:
        return f"{job.file_path.stem}-{job.id}"

    def print_jobs(
        self, pdf: Path, size: PdfSize | None, po_numbers: Sequence[str], printer: str | None = None
    ) -> list[PrintJobRecord]:
        """Record and send ``pdf``: one job per paper size in it; each job's final record."""
        return [self.send(job.id, printer) for job in self.prepare(pdf, size, po_numbers, printer)]

    def print_file(
        self, pdf: Path, size: PdfSize | None, po_numbers: Sequence[str], printer: str | None = None
    ) -> PrintJobRecord:
        """Record and send ``pdf`` to ``printer`` or the printer set for ``size``; the job's record.

        Never raises for a printer problem: the record is ``failed`` with the operator's sentence in
        ``error`` and the job can be retried. A file that mixes sizes becomes one job per size
        (:meth:`print_jobs` returns them all); this returns the first failed one, else the first.
        """
        records = self.print_jobs(pdf, size, po_numbers, printer)
        return next((r for r in records if r.status is JobStatus.FAILED), records[0])

    # ---------------------------------------------------------------- the queue
    def retry(self, job_id: int, printer: str | None = None) -> PrintJobRecord:
        """Send a failed (or never sent) job again, as the same job."""
        job = self.history.get(job_id)
        if job.status not in (JobStatus.FAILED, JobStatus.RETRY, JobStatus.PENDING):
            raise ValueError(
                f"print job {job_id} is {job.status.value}; only failed jobs are retried (reprint it instead)"
            )
        if job.status is JobStatus.FAILED:
            self.history.mark_retry([job_id])
        return self.send(job_id, printer)

    def retry_failed(self, day: date | None = None) -> list[PrintJobRecord]:
        """Retry every failed job of ``day`` (default today) and every job marked to retry."""
        ids = [j.id for j in self.history.jobs_on(day or date.today()) if j.status is JobStatus.FAILED]
        self.history.mark_retry(ids)
        return [self.send(j.id) for j in self.history.to_retry()]

    def reprint(self, job_id: int, printer: str | None = None) -> PrintJobRecord:
        """Print job ``job_id``'s file again as a new job (same file: nothing is downloaded)."""
        job = self.history.get(job_id)
        size = _size_of(job.size)
        name = printer or (self.settings.printer(size) if size is not None else "") or job.printer
        new_id = self.history.record(
            job.file_path, job.po_numbers, job.size, name, backend=self.backend.name, pages=job.pages
        )
        return self.send(new_id, name)

    def refresh(self) -> list[PrintJobRecord]:
        """Ask the spooler about today's jobs still at the printer (sent or waiting): printed, given
        up, or waiting and why. Today's jobs."""
        backend = self.backend
        for job in self.history.jobs_on(date.today()):
            if job.status in AT_PRINTER:
                self._follow_one(job, backend)
                self._tell(job, self.history.get(job.id))
        return self.history.jobs_on(date.today())

    def _follow_one(self, job: PrintJobRecord, backend: PrintBackend) -> None:
        if job.backend == PrintPath.SOCKET.value:
            try:
                self.raw.follow(job, self.route(job.size))
            except PrintError as exc:  # e.g. its file went: it stays as it is, and says so in the log
                log.warning("raw job %d not followed: %s", job.id, exc)
            return
        raw_queue = job.backend == PrintPath.CUPS_RAW.value  # a CUPS job like any other
        if raw_queue and not job.spool_id:  # held back: its network printer could not print
            try:
                self.raw.follow_unsent_cups(job, self.route(job.size))
            except PrintError as exc:
                log.warning("raw job %d not sent: %s", job.id, exc)
            return
        following = CupsBackend() if raw_queue else backend
        if job.spool_id and (raw_queue or job.backend == following.name):
            try:
                progress = following.job_progress(job.spool_id)
            except PrintError as exc:
                log.warning("job %s not checked: %s", job.spool_id, exc)
                return
            if progress is not None:
                self._apply(job.id, progress)

    def jobs_on(self, day: date | None = None) -> list[PrintJobRecord]:
        return self.history.jobs_on(day or date.today())
