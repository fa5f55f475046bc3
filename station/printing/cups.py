"""CUPS backend: find the queues, check one before sending, submit a PDF at its exact size, follow the job.

Everything goes through the CUPS command-line tools (``lpstat``, ``lp``) with a timeout and no shell,
in the C locale so their output can be read.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from station.lazada.errors import StationApiError
from station.lazada.models import PdfSize
from station.printing import ipp
from station.printing.page_size import SIZE_TOLERANCE_MM, page_size_mm, same_size
from station.problems import Problem

COMMAND_TIMEOUT = 15.0


class PrintError(StationApiError):
    """A print job could not be handed to the printer; ``operator_message`` says what to do."""

    kind = "print.failed"


class CupsUnavailableError(PrintError):
    kind = "print.cups_missing"


class QueueMissingError(PrintError):
    kind = "print.queue_missing"  # params: printer


class QueueDisabledError(PrintError):
    kind = "print.queue_paused"  # params: printer


class QueueRejectingError(PrintError):
    kind = "print.queue_rejecting"  # params: printer


class MixedSizeError(PrintError):
    kind = "print.mixed_sizes"


class SubmitError(PrintError):
    pass


@dataclass(frozen=True)
class QueueInfo:
    name: str
    enabled: bool  # False: paused ("disabled") in CUPS
    accepting: bool  # False: rejects new jobs
    printing: bool
    reason: str  # the queue's state message, "" if none
    is_default: bool = False


class JobState(str, Enum):
    PENDING = "pending"  # queued, held or printing
    COMPLETED = "completed"  # finished, cancelled or aborted: CUPS lists all of these as completed
    UNKNOWN = "unknown"  # CUPS does not know the job (purged, or another server)


def _run(args: Sequence[str], timeout: float = COMMAND_TIMEOUT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    try:
        return subprocess.run(list(args), capture_output=True, text=True, timeout=timeout, env=env, check=False)
    except FileNotFoundError as exc:
        raise CupsUnavailableError(f"{args[0]} not found") from exc
    except subprocess.TimeoutExpired as exc:
        raise CupsUnavailableError(f"{args[0]} did not answer within {timeout:g} s") from exc


_PRINTER = re.compile(r"^printer (\S+) (?:is idle|now printing \S+|disabled)")
_ACCEPT = re.compile(r"^(\S+) (not )?accepting requests")
_DEFAULT = re.compile(r"^system default destination: (\S+)")


def _reasons(lines: list[str], pattern: re.Pattern[str]) -> dict[str, tuple[re.Match[str], str]]:
    """Lines matching ``pattern``, each with the indented reason line(s) under it."""
    found: dict[str, tuple[re.Match[str], str]] = {}
    current: str | None = None
    for line in lines:
        match = pattern.match(line)
        if match:
            current = match.group(1)
            found[current] = (match, "")
        elif current is not None and line.startswith(("\t", " ")) and line.strip():
            match_, reason = found[current]
            found[current] = (match_, (reason + " " + line.strip()).strip())
        else:
            current = None
    return found


def list_queues(timeout: float = COMMAND_TIMEOUT) -> list[QueueInfo]:
    """Every CUPS queue with its state (``lpstat -p -d`` and ``lpstat -a``); [] when there are none."""
    states = _run(["lpstat", "-p", "-d"], timeout)
    lines = states.stdout.splitlines()
    failed = states.returncode != 0 and "No destinations" not in states.stderr + states.stdout
    if failed and ("scheduler" in states.stderr.lower() or "connect" in states.stderr.lower()):
        raise CupsUnavailableError(states.stderr.strip())
    default = next((m.group(1) for m in map(_DEFAULT.match, lines) if m), None)
    printers = _reasons(lines, _PRINTER)
    accepts = _reasons(_run(["lpstat", "-a"], timeout).stdout.splitlines(), _ACCEPT) if printers else {}
    queues = []
    for name, (match, reason) in printers.items():
        accept = accepts.get(name)
        accepting = accept is not None and accept[0].group(2) is None
        reject_reason = accept[1] if accept is not None else ""
        text = match.group(0)
        queues.append(
            QueueInfo(
                name=name,
                enabled=not text.endswith("disabled"),
                accepting=accepting,
                printing=" now printing " in text,
                reason=reason or reject_reason,
                is_default=name == default,
            )
        )
    return queues


def default_queue(timeout: float = COMMAND_TIMEOUT) -> str | None:
    return next((q.name for q in list_queues(timeout) if q.is_default), None)


def _said(kind: str, printer: str, reason: str) -> Problem:
    """``kind`` for ``printer``, with what the printer says (``<kind>_says``) when it says something."""
    return (
        Problem(f"{kind}_says", {"printer": printer, "reason": reason})
        if reason
        else Problem(kind, {"printer": printer})
    )


def check_queue(name: str, timeout: float = COMMAND_TIMEOUT) -> QueueInfo:
    """The queue's state if it can take a job now; otherwise a :class:`PrintError` the operator can act on."""
    queue = next((q for q in list_queues(timeout) if q.name == name), None)
    if queue is None:
        raise QueueMissingError(f"queue {name!r} not found", params={"printer": name})
    if not queue.enabled:
        raise QueueDisabledError(
            f"queue {name!r} disabled: {queue.reason}", problem=_said("print.queue_paused", name, queue.reason)
        )
    if not queue.accepting:
        raise QueueRejectingError(
            f"queue {name!r} rejects jobs: {queue.reason}", problem=_said("print.queue_rejecting", name, queue.reason)
        )
    return queue


def device_uri(queue: str, timeout: float = COMMAND_TIMEOUT) -> str:
    """The queue's device URI (``socket://10.0.0.9:9100``, ``usb://...``); "" if CUPS does not say."""
    result = _run(["lpstat", "-v", queue], timeout)
    for line in result.stdout.splitlines():
        head, _, uri = line.partition(": ")
        if head.strip() == f"device for {queue}":
            return uri.strip()
    return ""


def queue_resolution(queue: str, timeout: float = COMMAND_TIMEOUT) -> int | None:
    """The queue driver's default resolution in dpi (``lpoptions -l``: ``Resolution ... *203dpi``), if it says."""
    result = _run(["lpoptions", "-p", queue, "-l"], timeout)
    for line in result.stdout.splitlines():
        key = line.split(":", 1)[0].split("/", 1)[0].strip()
        if key in ("Resolution", "printer-resolution", "DefaultResolution") and ":" in line:
            match = re.search(r"\*(\d+)(?:x\d+)?dpi", line.split(":", 1)[1])
            if match:
                return int(match.group(1))
    return None


def media_option(size_mm: tuple[float, float]) -> str:
    """``Custom.WxHmm`` exactly as the page is (a 60x30 label stays 60 wide, 30 high)."""
    width, height = size_mm
    return f"Custom.{width:g}x{height:g}mm"


def print_options(size_mm: tuple[float, float], *, copies: int = 1) -> list[str]:
    """``lp`` options for an exact-size print: custom media of the page's own size, no scaling, no rotation.

    * ``media=Custom.WxHmm`` - without it CUPS puts the label on the queue's default paper (A4/Letter)
      and rotates it to fit.
    * ``print-scaling=none`` and ``fit-to-page=false`` - the IPP and the older CUPS name for "do not scale".
    * ``orientation-requested=3`` (portrait: as drawn) - never let the filter turn the page; the page size
      already says landscape or portrait.
    """
    options = [
        f"media={media_option(size_mm)}",
        "print-scaling=none",
        "fit-to-page=false",
        "orientation-requested=3",
    ]
    if copies > 1:
        options.append(f"copies={copies}")
    return options


def pdf_page_sizes(pdf: Path) -> list[tuple[float, float]]:
    from pypdf import PdfReader  # here, not at the top: the window starts without pypdf

    reader = PdfReader(pdf)
    return [page_size_mm(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


def job_size(pdf: Path, tolerance_mm: float = SIZE_TOLERANCE_MM) -> tuple[float, float]:
    """The one paper size of every page of ``pdf``; :class:`MixedSizeError` if it changes midway."""
    sizes = pdf_page_sizes(pdf)
    if not sizes:
        raise SubmitError(f"{pdf.name}: no pages", problem=Problem("print.file_empty"))
    first = sizes[0]
    for size in sizes[1:]:
        if not same_size(first, size, tolerance_mm):
            raise MixedSizeError(f"{pdf.name}: {first} then {size}")
    return first


def submit(
    queue: str,
    pdf: Path,
    size: PdfSize | tuple[float, float] | None = None,
    *,
    title: str | None = None,
    copies: int = 1,
    timeout: float = COMMAND_TIMEOUT,
) -> str:
    """Send ``pdf`` to ``queue`` at its exact size; the CUPS job id (``QUEUE-123``).

    The queue is checked first (missing, paused, rejecting: a :class:`PrintError`, nothing sent). ``size``
    defaults to the PDF's own page size; a file whose size changes midway is refused.
    """
    pdf = Path(pdf)
    if not pdf.is_file():
        raise SubmitError(f"{pdf} missing", problem=Problem("print.file_missing"))
    actual = job_size(pdf)
    wanted = size.millimetres if isinstance(size, PdfSize) else size
    if wanted is not None and not same_size(actual, wanted):
        raise MixedSizeError(
            f"{pdf.name}: pages are {actual} mm, job asked for {wanted} mm", problem=Problem("print.size_not_chosen")
        )
    check_queue(queue, timeout)
    args = ["lp", "-d", queue]
    if title:
        args += ["-t", title]
    for option in print_options(wanted or actual, copies=copies):
        args += ["-o", option]
    args += ["--", str(pdf)]
    result = _run(args, timeout)
    match = re.search(r"request id is (\S+)", result.stdout)
    if result.returncode != 0 or match is None:
        raise SubmitError(
            f"lp failed: {(result.stderr or result.stdout).strip()}",
            problem=Problem("print.refused", {"printer": queue}),
        )
    return match.group(1)


def _listed(which: str, job_id: str, timeout: float) -> bool:
    queue = job_id.rsplit("-", 1)[0]
    result = _run(["lpstat", "-W", which, "-o", queue], timeout)
    return any(line.split(maxsplit=1)[:1] == [job_id] for line in result.stdout.splitlines())


def job_state(job_id: str, timeout: float = COMMAND_TIMEOUT) -> JobState:
    """Where the job is: still to print, finished (``lpstat -W completed``), or unknown to CUPS."""
    if _listed("not-completed", job_id, timeout):
        return JobState.PENDING
    if _listed("completed", job_id, timeout):
        return JobState.COMPLETED
    return JobState.UNKNOWN


class JobPhase(str, Enum):
    """Where a job is, as IPP tells it (``job-state``): lpstat's "completed" hides aborted and cancelled."""

    WAITING = "waiting"  # pending, held, or stopped with its printer: nothing came out yet
    PRINTING = "printing"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    ABORTED = "aborted"
    UNKNOWN = "unknown"  # CUPS does not know the job (purged, or another server)

    @property
    def final(self) -> bool:
        return self in (JobPhase.COMPLETED, JobPhase.CANCELLED, JobPhase.ABORTED)


_PHASES = {3: JobPhase.WAITING, 4: JobPhase.WAITING, 5: JobPhase.PRINTING, 6: JobPhase.WAITING}
_PHASES |= {7: JobPhase.CANCELLED, 8: JobPhase.ABORTED, 9: JobPhase.COMPLETED}

# What a printer says (``printer-state-reasons``, without -error/-warning/-report) -> the operator's words.
# The first that matches wins: paper before anything else, since it is the one the operator can fix.
_WAITING_KINDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("media-empty", "media-needed", "input-tray-missing"), "print.waiting_paper"),
    (("media-jam",), "print.waiting_jam"),
    (("door-open", "cover-open", "interlock-open"), "print.waiting_door"),
    (("offline", "connecting-to-device", "shutdown", "timed-out"), "print.waiting_offline"),
    (("paused",), "print.waiting_paused"),
)


def _plain_reason(reason: str) -> str:
    for suffix in ("-error", "-warning", "-report"):
        if reason.endswith(suffix):
            return reason[: -len(suffix)]
    return reason


@dataclass(frozen=True)
class JobProgress:
    """A job's phase and what its printer says (``printer_reasons`` without "none")."""

    phase: JobPhase
    printer: str
    printer_reasons: tuple[str, ...] = ()
    printer_message: str = ""
    printer_stopped: bool = False

    def problem(self) -> Problem | None:
        """The sentence for a job that did not come out: waiting (and why), aborted or cancelled."""
        printer = self.printer
        if self.phase is JobPhase.ABORTED:
            return Problem("print.aborted", {"printer": printer, "reason": self.printer_message or "-"})
        if self.phase is JobPhase.CANCELLED:
            return Problem("print.cancelled_at_printer", {"printer": printer})
        if self.phase not in (JobPhase.WAITING, JobPhase.PRINTING):
            return None
        plain = {_plain_reason(r) for r in self.printer_reasons}
        for reasons, kind in _WAITING_KINDS:
            if any(r in plain for r in reasons):
                return Problem(kind, {"printer": printer})
        if self.printer_stopped:
            return Problem("print.waiting_stopped", {"printer": printer, "reason": self.printer_message or "-"})
        return None  # queued or printing, nothing wrong said


def job_progress(job_id: str, timeout: float = COMMAND_TIMEOUT) -> JobProgress:
    """The job's phase and its printer's state reasons, read through IPP (:mod:`station.printing.ipp`)."""
    queue, _, number = job_id.rpartition("-")
    if not number.isdigit():
        return JobProgress(JobPhase.UNKNOWN, queue)
    try:
        job = ipp.call(
            ipp.GET_JOB_ATTRIBUTES,
            ("job-uri", f"ipp://localhost/jobs/{number}"),
            ["job-state", "job-state-reasons", "job-printer-state-message"],
            path="/jobs/",
            timeout=timeout,
        )
        state = job.first("job-state")
        phase = _PHASES.get(state, JobPhase.UNKNOWN) if job.ok and isinstance(state, int) else JobPhase.UNKNOWN
        if phase.final or phase is JobPhase.UNKNOWN:
            said = job.first("job-printer-state-message", "")  # why an aborted job was given up
            return JobProgress(phase, queue, printer_message=said if isinstance(said, str) else "")
        printer = ipp.call(
            ipp.GET_PRINTER_ATTRIBUTES,
            ("printer-uri", f"ipp://localhost/printers/{queue}"),
            ["printer-state", "printer-state-reasons", "printer-state-message"],
            path=f"/printers/{queue}",
            timeout=timeout,
        )
    except ipp.IppError as exc:
        raise CupsUnavailableError(str(exc)) from exc
    reasons = tuple(r for r in printer.texts("printer-state-reasons") if r != "none")
    message = printer.first("printer-state-message", "")
    return JobProgress(
        phase,
        queue,
        reasons,
        message if isinstance(message, str) else "",
        printer_stopped=printer.first("printer-state") == 5,
    )


def wait_for_job(job_id: str, deadline_s: float = 60.0, poll_s: float = 0.25) -> JobState:
    """Poll until the job has left the queue or ``deadline_s`` has passed; the last state seen."""
    end = time.monotonic() + deadline_s
    while True:
        state = job_state(job_id)
        if state is not JobState.PENDING or time.monotonic() >= end:
            return state
        time.sleep(poll_s)
