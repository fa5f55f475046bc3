"""How each print job ended, in the journal: one ``print_job`` step a job (its POs), no new table.

:class:`PrintJournal` is a :attr:`PrintService.on_state <station.printing.spooler.PrintService.on_state>`
hook. A job that came out is the step answered ``done``; one that failed (refused, given up, cancelled at
the printer, no status from a label printer) is ``failed``; one waiting at the printer (out of paper,
offline, paused...) stays ``sent`` (it is at the printer; the station goes on with it). The detail
(JSON) says which, with the problem's kind: ``{"job": 7, "printer": "Zebra", "path": "socket",
"status": "waiting", "problem": "print.waiting_paper", "labels": 12}``. A job that waited and then
printed answers its own step again, ``done``, while this station runs; after a restart it is a new step.
"""

from __future__ import annotations

import json
import logging
import threading

from station.journal.records import BatchRecords
from station.printing.history import JobStatus, PrintJobRecord
from station.problems import Sentence

log = logging.getLogger(__name__)

STEP_KIND = "print_job"
_STATE = {JobStatus.PRINTED: "done", JobStatus.FAILED: "failed", JobStatus.WAITING: "sent"}


def end_detail(job: PrintJobRecord) -> dict[str, object]:
    """What the journal keeps of a job's end: its number, printer, path, status, problem kind, labels."""
    detail: dict[str, object] = {"job": job.id, "printer": job.printer, "path": job.backend, "status": job.status.value}
    if isinstance(job.error, Sentence):
        detail["problem"] = job.error.problem.kind
    elif job.error:
        detail["problem"] = "text"
    if job.labels_sent:
        detail["labels"] = job.labels_sent
    return detail


class PrintJournal:
    """``service.on_state = PrintJournal(journal)``: each job's end state written as a ``print_job`` step."""

    def __init__(self, journal: BatchRecords) -> None:
        self.journal = journal
        self._steps: dict[int, int] = {}  # print job -> its step, while this station runs
        self._lock = threading.Lock()  # the window follows jobs on a worker and sends on another

    def __call__(self, job: PrintJobRecord) -> None:
        state = _STATE.get(job.status)
        if state is None:
            return
        with self._lock:
            step = self._steps.get(job.id)
            if step is None:
                step = self._steps[job.id] = self.journal.step_sent(None, STEP_KIND, list(job.po_numbers))
            self.journal.step_answered(step, state, json.dumps(end_detail(job)))
            if job.status is not JobStatus.WAITING:
                del self._steps[job.id]
        log.info("print job %d journaled: %s", job.id, job.status.value)
