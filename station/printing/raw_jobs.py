"""Raw label jobs in the print history: sent down their printer's route, followed to "printed", each label once.

:class:`~station.printing.spooler.PrintService` hands a job here when its paper size's route is raw
(:mod:`station.printing.label_route`). Statuses are the PDF jobs' own: pending -> sent -> printed, or
waiting at the printer (in words, ``print.waiting_*``) or failed.

Each label prints once. A job's ``labels_sent`` (in the history) counts the labels the printer has; it is
written as each label is handed over, before the command that makes it print (:func:`raw_send.send_raw`),
and never goes back:

* refused before any byte (out of labels, paused, head open, off): *waiting*, nothing at the printer; the
  station sends the job once the printer answers ready (:meth:`RawJobs.follow`, asked every few seconds by
  the window and by ``station-cli print-history``);
* the printer stopped mid-job (roll ran out): the labels it received wait inside it and print by themselves
  once it is fixed, so they are **not** sent again; *waiting* until its status shows nothing waiting, then
  *printed*;
* the station was killed mid-job: the system still delivers what the station had handed to the connection,
  and a label cut before its last command is dropped by the printer, so the labels from ``labels_sent`` on
  are sent once the printer answers (a killed sender is known by its job not moving for ``lease_s``);
* the line broke mid-job: labels still in flight may be lost, so the job *fails* saying some may have
  printed; the operator checks what came out, then *Retry* (goes on after the last label handed over) or
  *Reprint*;
* *Retry* of a failed job goes on from ``labels_sent`` too; only *Reprint* (a new job) prints them again.

The CUPS raw queue path is followed through IPP like a PDF job; the Windows RAW path is printed once the
spooler took it (as the Qt path: it reports no end state the station reads yet).
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from station.printing import cups
from station.printing.history import JobStatus, PrintHistory, PrintJobRecord
from station.printing.label_route import PrinterRoute, PrintPath
from station.printing.label_settings import Language
from station.printing.raw_send import pdf_to_payload, send_raw, socket_status
from station.printing.raw_socket import CONFIRM_S, RawPrinter, RawPrinterError, _check, query_status
from station.problems import Problem, say

log = logging.getLogger(__name__)

SENDING = "sending"  # spool_id of a socket job while a station streams it
LEASE_S = 30.0  # a sender writes at least every label (a socket operation times out after 10 s)

# refused before any byte: the job waits, and is sent once the printer is ready
_BEFORE_SENDING = {
    "print.raw_paper_out": "print.waiting_paper",
    "print.raw_head_open": "print.waiting_door",
    "print.raw_paused": "print.waiting_label_paused",
    "print.raw_offline": "print.waiting_offline",
}
_TROUBLE_BEFORE = {
    "paper_out": "print.waiting_paper",
    "head_open": "print.waiting_door",
    "paused": "print.waiting_label_paused",
}


class RawJobs:
    """Send and follow the raw jobs of ``history``."""

    def __init__(self, history: PrintHistory, *, lease_s: float = LEASE_S, confirm_s: float = CONFIRM_S) -> None:
        self.history = history
        self.lease_s = lease_s
        self.confirm_s = confirm_s

    @property
    def spool_dir(self) -> Path:
        return self.history.folder / "raw"

    # ---------------------------------------------------------------- send
    def send(self, job_id: int, printer: str, route: PrinterRoute) -> PrintJobRecord:
        """Send job ``job_id`` (from the labels the printer does not have yet); its record after."""
        job = self.history.get(job_id)
        title = f"{job.file_path.stem}-{job.id}"
        if route.path is PrintPath.CUPS_RAW:
            cups.check_queue(printer)  # the queue first: paused or rejecting is said in its own words
            reachable = queue_printer(printer, route)
            if reachable is not None:  # the queue's printer is on the network: ask it first, as on a socket
                try:
                    _check(reachable, query_status(reachable))
                except RawPrinterError as exc:
                    if exc.problem.kind not in _BEFORE_SENDING:
                        raise
                    self.history.mark_waiting(job_id, say(_BEFORE_SENDING[exc.problem.kind], printer=printer))
                    return self.history.get(job_id)
        if route.path is not PrintPath.SOCKET:
            payload = pdf_to_payload(job.file_path, route.label)
            result = send_raw(route, printer, payload, title=title, spool_dir=self.spool_dir)
            self.history.mark_sent(job_id, result.spool_id)
            self.history.set_labels_sent(job_id, result.labels)
            if route.path is PrintPath.WINDOWS_RAW:
                self.history.mark_printed(job_id)
            return self.history.get(job_id)
        start = job.labels_sent
        self.history.mark_sent(job_id, SENDING)
        try:
            result = send_raw(
                route,
                printer,
                pdf_to_payload(job.file_path, route.label, start=start),
                handed=lambda n: self.history.set_labels_sent(job_id, start + n),
                confirm_s=self.confirm_s,
            )
        except RawPrinterError as exc:
            self._stopped(job_id, printer, route, exc.problem)
            return self.history.get(job_id)
        log.info("raw job %d: %d labels to %r (%s)", job_id, result.labels, printer, route.address)
        self.history.mark_sent(job_id, route.address)
        self.history.mark_printed(job_id)
        return self.history.get(job_id)

    def _stopped(self, job_id: int, printer: str, route: PrinterRoute, problem: Problem) -> None:
        kind = problem.kind
        log.info("raw job %d on %r: %s", job_id, printer, kind)
        if kind in _BEFORE_SENDING:  # nothing of this send reached the printer
            self.history.mark_waiting(job_id, say(_BEFORE_SENDING[kind], printer=printer))
        elif kind.startswith("print.raw_waiting_"):  # inside the printer, behind a stop: they print from there
            self.history.mark_sent(job_id, route.address)
            self.history.mark_waiting(job_id, say(kind, **problem.params))
        elif kind == "print.raw_send_failed":
            # The line broke: what was still in flight may be lost (a printer switched off loses its buffer
            # too), so the operator looks at what came out; Retry goes on after the last label handed over.
            self.history.mark_failed(job_id, say(kind, **problem.params))
        elif kind == "print.raw_not_confirmed":  # all there, still printing: followed by its status
            self.history.mark_sent(job_id, route.address)
        else:  # no status: the wrong language or port; the operator fixes the setting and retries
            self.history.mark_failed(job_id, say(kind, **problem.params))

    # ---------------------------------------------------------------- follow
    def follow(self, job: PrintJobRecord, route: PrinterRoute) -> None:
        """Ask the printer about a socket job at it: printed, still waiting and why, or (printer ready and
        labels not sent yet) send the rest."""
        if job.status not in (JobStatus.SENT, JobStatus.WAITING) or route.path is not PrintPath.SOCKET:
            return
        if job.spool_id == SENDING and job.status is JobStatus.SENT and not self._abandoned(job):
            return  # a station streams it now
        try:
            status = socket_status(route, job.printer)
        except RawPrinterError:
            self._wait(job, "print.waiting_offline", printer=job.printer)
            return
        trouble = status.trouble()
        if job.labels_sent < (job.pages or 0):
            if trouble is not None:
                self._wait(job, _TROUBLE_BEFORE[trouble], printer=job.printer)
            elif self.history.take(job, SENDING):  # this station goes on with it, no other
                log.info("raw job %d: sending from label %d", job.id, job.labels_sent + 1)
                self.send(job.id, job.printer, route)
        elif trouble is not None:
            self._wait(job, f"print.raw_waiting_{trouble}", printer=job.printer, count=status.waiting)
        elif status.waiting == 0:
            self.history.mark_printed(job.id)
        elif job.status is JobStatus.WAITING:
            self.history.mark_at_printer(job.id)

    def _abandoned(self, job: PrintJobRecord) -> bool:
        return (datetime.now().astimezone() - job.updated_at).total_seconds() > self.lease_s

    def _wait(self, job: PrintJobRecord, kind: str, **params: str | int) -> None:
        sentence = say(kind, **params)
        if job.status is not JobStatus.WAITING or job.error != sentence:
            self.history.mark_waiting(job.id, sentence)

    # ---------------------------------------------------------------- CUPS raw queue to a network printer
    def cups_completed(self, job: PrintJobRecord, route: PrinterRoute) -> bool:
        """CUPS says a raw job completed: its backend handed the bytes over. When the queue's printer is on
        the network (``socket://``), it is asked too: labels still inside it behind a stop keep the job
        waiting (in words) until it printed them. True once printed."""
        reachable = queue_printer(job.printer, route)
        if reachable is None:
            return True
        try:
            status = query_status(reachable)
        except RawPrinterError:
            self._wait(job, "print.waiting_offline", printer=job.printer)
            return False
        trouble = status.trouble()
        if trouble is not None and (status.waiting or route.label.language is not Language.ZPL):
            self._wait(job, f"print.raw_waiting_{trouble}", printer=job.printer, count=status.waiting)
            return False
        return status.waiting == 0  # else it is printing them now

    def follow_unsent_cups(self, job: PrintJobRecord, route: PrinterRoute) -> None:
        """A CUPS raw job held back because its network printer could not print: sent once it can."""
        reachable = queue_printer(job.printer, route)
        if reachable is None or job.spool_id:
            return
        try:
            status = query_status(reachable)
        except RawPrinterError:
            self._wait(job, "print.waiting_offline", printer=job.printer)
            return
        trouble = status.trouble()
        if trouble is not None:
            self._wait(job, _TROUBLE_BEFORE[trouble], printer=job.printer)
        elif self.history.take(job, ""):
            self.send(job.id, job.printer, route)


def queue_printer(queue: str, route: PrinterRoute) -> RawPrinter | None:
    """The network printer behind a CUPS raw queue (``socket://host:port``), to ask its status; else None."""
    uri = cups.device_uri(queue)
    if not uri.startswith("socket://"):
        return None
    address = uri.removeprefix("socket://").split("/", 1)[0].split("?", 1)[0]
    try:
        host, port = PrinterRoute(PrintPath.SOCKET, address).host_port()
    except ValueError:
        return None
    return RawPrinter(queue, host, port, route.label)
