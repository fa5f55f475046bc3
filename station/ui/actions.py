"""The blocking work behind the window's buttons: pack, ship, print, the whole run, scan to print.

No widgets here: each function runs on a worker thread, reports ``progress(step, done, total)``,
watches a cancel event between calls, and returns per-PO outcomes (:class:`BatchReport`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path

from station.journal import JournalBatch, JournalStore
from station.lazada import limits
from station.lazada.jit import JitClient
from station.lazada.models import PdfSize, PickupContact, PurchaseOrder
from station.outcomes import BatchReport, PoOutcome, Step
from station.printing.merge_child import ChildProcessMerge
from station.workflow.batch import ALL_STEPS, BatchOptions, BatchRunner, NewsFn, StepLog
from station.workflow.resume import Resumption, prepare_resume

log = logging.getLogger(__name__)

Progress = Callable[[Step, int, int], None]



class Job(str, Enum):
    PACK = "pack"
    SHIP = "ship"
    PRINT = "print"
    RUN = "run"  # pack, wait, ship, print in one go


@dataclass(frozen=True)
class PrintChoice:
    size: PdfSize = PdfSize.LABEL_100X150
    print_order: bool = False
    print_barcode: bool = True

    def validate(self) -> None:
        if not (self.print_order or self.print_barcode):
            raise limits.RequestValidationError("Choose the PO sheet, the product barcodes, or both.")
        if self.size is PdfSize.A4 and self.print_barcode:
            raise limits.RequestValidationError(
                "Product barcodes cannot be printed on A4; choose the 60x30 mm label or the 100x150 mm label.")


@dataclass
class JobResult:
    job: Job
    report: BatchReport
    pdf: Path | None = None
    choice: PrintChoice | None = None
    finished_at: datetime = field(default_factory=lambda: datetime.now().astimezone())


@dataclass(frozen=True)
class Folders:
    cache: Path  # downloaded print files
    prints: Path  # merged PDFs, one per print

    def output(self, size: PdfSize) -> Path:
        self.prints.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        return self.prints / f"labels-{stamp}-{size.value}.pdf"


@dataclass(frozen=True)
class JournalRef:
    """The journal and the profile a window's batches are written under."""

    journal: JournalStore
    profile: str


def _job(job: Job, steps: frozenset[Step], client: JitClient, pos: Sequence[PurchaseOrder], progress: Progress,
         cancel: threading.Event, folders: Folders, *, contact: PickupContact | None = None,
         choice: PrintChoice | None = None, first_poll_after: float = 4.0, poll_interval: float = 1.0,
         journal: JournalRef | None = None, resumption: Resumption | None = None,
         refresh_first: bool | None = None, news: NewsFn | None = None) -> JobResult:
    """Every button runs the workflow's own batch, limited to its steps: one code path that
    reads statuses before re-sending anything and writes each step to the journal."""
    if choice is not None:
        choice.validate()
    if contact is not None:
        contact.validate()
    printing = choice is not None and Step.PRINT in steps
    output = folders.output(choice.size) if printing and choice is not None else None
    labels = choice or PrintChoice()
    options = BatchOptions(
        cache_dir=folders.cache, contact=contact, output=output, steps=steps,
        # The table may be minutes old: a single step acts on what the platform says now.
        refresh_first=job is not Job.RUN if refresh_first is None else refresh_first,
        first_poll_after=first_poll_after, poll_interval=poll_interval,
        size=labels.size, print_order=labels.print_order, print_barcode=labels.print_barcode,
        merge=ChildProcessMerge, history_dir=folders.prints,  # the print panel's history folder
    )
    log: StepLog | None = None
    resumed: Sequence[PoOutcome] = ()
    fetched: Sequence[Sequence[str]] = ()
    if resumption is not None:
        log, resumed, fetched = resumption.log, resumption.batch.outcomes, resumption.fetched
    elif journal is not None:
        log = journal.journal.start_batch(journal.profile, list(BatchReport.for_pos(pos).outcomes.values()), {
            "job": job.value, "steps": sorted(step.value for step in steps), "size": labels.size.value,
            "print_order": labels.print_order, "print_barcode": labels.print_barcode,
        })
    report = BatchRunner(client, options, progress=progress, cancel=cancel, log=log, resumed=resumed,
                         fetched=fetched, news=news).run(pos)
    if resumption is not None:
        resumption.add_missing(report.outcomes)
    pdf = output if output is not None and output.exists() else None
    return JobResult(job, report, pdf=pdf, choice=choice if printing else None)


def resume_job(client: JitClient, journal: JournalRef, batch: JournalBatch, contact: PickupContact | None,
               folders: Folders, progress: Progress, cancel: threading.Event, *, first_poll_after: float = 4.0,
               poll_interval: float = 1.0, news: NewsFn | None = None) -> JobResult:
    """Carry on with a batch a crash left open: statuses first, then the steps it was started with."""
    options = batch.options
    job = Job(options.get("job", Job.RUN.value))
    steps = frozenset(Step(value) for value in options.get("steps", [s.value for s in ALL_STEPS]))
    choice = PrintChoice(PdfSize(options.get("size", PdfSize.LABEL_100X150.value)),
                         bool(options.get("print_order", False)), bool(options.get("print_barcode", True)))
    resumption = prepare_resume(client, journal.journal, batch)
    return _job(job, steps, client, resumption.pos, progress, cancel, folders,
                contact=contact if Step.SHIP in steps else None, choice=choice if Step.PRINT in steps else None,
                first_poll_after=first_poll_after, poll_interval=poll_interval, resumption=resumption,
                news=news)


def pack_job(client: JitClient, pos: Sequence[PurchaseOrder], progress: Progress, cancel: threading.Event,
             folders: Folders, journal: JournalRef | None = None, news: NewsFn | None = None) -> JobResult:
    return _job(Job.PACK, frozenset({Step.PACK}), client, pos, progress, cancel, folders, journal=journal,
                news=news)


def ship_job(client: JitClient, pos: Sequence[PurchaseOrder], contact: PickupContact, progress: Progress,
             cancel: threading.Event, folders: Folders, journal: JournalRef | None = None,
             news: NewsFn | None = None) -> JobResult:
    return _job(Job.SHIP, frozenset({Step.SHIP}), client, pos, progress, cancel, folders, contact=contact,
                journal=journal, news=news)


def print_job(client: JitClient, pos: Sequence[PurchaseOrder], choice: PrintChoice, folders: Folders,
              progress: Progress, cancel: threading.Event, journal: JournalRef | None = None,
              news: NewsFn | None = None) -> JobResult:
    return _job(Job.PRINT, frozenset({Step.PRINT}), client, pos, progress, cancel, folders, choice=choice,
                journal=journal, news=news)


def run_job(client: JitClient, pos: Sequence[PurchaseOrder], contact: PickupContact, choice: PrintChoice,
            folders: Folders, progress: Progress, cancel: threading.Event, *, first_poll_after: float = 4.0,
            poll_interval: float = 1.5, journal: JournalRef | None = None, news: NewsFn | None = None) -> JobResult:
    """Pack, wait until ready, ship per store and warehouse, print."""
    return _job(Job.RUN, ALL_STEPS, client, pos, progress, cancel, folders, contact=contact, choice=choice,
                first_poll_after=first_poll_after, poll_interval=poll_interval, journal=journal, news=news)


# ------------------------------------------------------------------------------------------- scan to print
def scan_print_job(client: JitClient, no: str, choice: PrintChoice, folders: Folders, progress: Progress,
                   cancel: threading.Event, *, poll_interval: float = 1.0,
                   journal: JournalRef | None = None, news: NewsFn | None = None) -> JobResult:
    """One scanned PO: pack it if needed, wait until it is ready, fetch its labels."""
    found = client.find_pos([no]).get(no)
    if found is None:
        raise limits.RequestValidationError(f"The platform does not list the PO {no}.")
    return _job(Job.PRINT, frozenset({Step.PACK, Step.PRINT}), client, [found], progress, cancel, folders,
                choice=choice, first_poll_after=poll_interval, poll_interval=poll_interval, journal=journal,
                refresh_first=False, news=news)  # read a moment ago, above: one call less between scan and labels
