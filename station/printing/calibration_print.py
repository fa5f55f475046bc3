"""Printing the calibration label down a paper size's route, and saying how it went.

The label takes the way every label of that printer takes (:mod:`station.printing.raw_send` for the raw
paths, the PDF backend otherwise), so what comes out is what the printer does with a real job. Called on a
worker: it blocks until the printer answered (a network printer: until it said the label printed; a CUPS
raw queue: until CUPS says the job completed, or why it waits, within ``follow_s``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from station.printing import cups
from station.printing.calibration import write_calibration_pdf
from station.printing.label_route import PrinterRoute, PrintPath
from station.printing.raw_send import pdf_to_payload, send_raw
from station.printing.spooler import make_backend
from station.problems import Problem

FOLLOW_S = 10.0
_POLL_S = 0.25


class CalibrationState(str, Enum):
    PRINTED = "printed"  # the printer (or CUPS) said it came out
    HANDED = "handed"  # given to a spooler that does not say when a job ends (Windows, a queue still busy)
    WAITING = "waiting"  # at the printer, which says why it does not print (``problem``)
    FAILED = "failed"  # CUPS gave it up or it was cancelled at the printer (``problem``)


@dataclass(frozen=True)
class CalibrationResult:
    state: CalibrationState
    printer: str
    path: PrintPath
    problem: Problem | None = None
    spool_id: str = ""


def printer_label(route: PrinterRoute, printer: str) -> str:
    """The name the label and the sentences use: the queue set for the size, else the network address."""
    if printer:
        return printer
    return route.address.strip() if route.path is PrintPath.SOCKET else ""


def print_test_label(
    route: PrinterRoute, printer: str, folder: Path, *, backend: str = "auto", follow_s: float = FOLLOW_S
) -> CalibrationResult:
    """Print the calibration label for ``route`` on ``printer`` (the queue or Windows printer set for the
    size; on the socket path only a name). Raises :class:`~station.printing.cups.PrintError` with the
    operator's sentence when the printer cannot take it (offline, out of labels, paused...)."""
    name = printer_label(route, printer)
    if route.path is PrintPath.PDF:
        # the driver rasterises: the label at its exact size, not snapped to a dot grid it does not use
        pdf = write_calibration_pdf(folder, name, route.label, whole_dots=False)
        chosen = make_backend(backend)
        chosen.check(name)
        sent = chosen.send(name, pdf, cups.job_size(pdf), "Calibration label")
        if sent.done or not sent.spool_id:
            return CalibrationResult(CalibrationState.HANDED, name, route.path, spool_id=sent.spool_id)
        return _follow(name, route.path, sent.spool_id, follow_s)
    pdf = write_calibration_pdf(folder, name, route.label)
    result = send_raw(route, name, pdf_to_payload(pdf, route.label), title="Calibration label", spool_dir=folder)
    if route.path is PrintPath.SOCKET:
        return CalibrationResult(CalibrationState.PRINTED, name, route.path)  # send_raw waited until it printed
    if route.path is PrintPath.CUPS_RAW and result.spool_id:
        return _follow(name, route.path, result.spool_id, follow_s)
    return CalibrationResult(CalibrationState.HANDED, name, route.path, spool_id=result.spool_id)


def _follow(printer: str, path: PrintPath, spool_id: str, follow_s: float) -> CalibrationResult:
    """CUPS's word on the job: completed, or waiting and why, or still on its way after ``follow_s``."""
    end = time.monotonic() + follow_s
    while True:
        progress = cups.job_progress(spool_id)
        problem = progress.problem()
        if progress.phase is cups.JobPhase.COMPLETED:
            return CalibrationResult(CalibrationState.PRINTED, printer, path, spool_id=spool_id)
        if progress.phase.final:
            return CalibrationResult(CalibrationState.FAILED, printer, path, problem, spool_id)
        if problem is not None:
            return CalibrationResult(CalibrationState.WAITING, printer, path, problem, spool_id)
        if time.monotonic() >= end:
            return CalibrationResult(CalibrationState.HANDED, printer, path, spool_id=spool_id)
        time.sleep(_POLL_S)
