"""The one job API of the CLI and the window: what a batch is asked to do (:class:`JobSpec`, as the
journal keeps it), and the blocking work behind the window's buttons (pack, ship, print, the whole
run, scan to print).

No widgets here: each job function runs on a worker thread, reports ``progress(step, done, total)``,
watches a cancel event between calls, and returns per-PO outcomes (:class:`BatchReport`).
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any, NoReturn

from station.journal import (
    BatchLog,
    JournalBatch,
    JournalStore,
    VerifyEvent,
    VerifyEventKind,
    VerifyRecordState,
)
from station.lazada import limits
from station.lazada.jit import JitClient
from station.lazada.models import PdfSize, PickupContact, PurchaseOrder
from station.outcomes import BatchReport, PoOutcome, Step
from station.printing.merge_child import ChildProcessMerge
from station.workflow.batch import ALL_STEPS, BatchOptions, BatchRunner, NewsFn, StepLog
from station.workflow.errors import PoCancelledError
from station.workflow.resume import Resumption, prepare_resume

log = logging.getLogger(__name__)

Progress = Callable[[Step, int, int], None]


class Job(str, Enum):
    PACK = "pack"
    SHIP = "ship"
    PRINT = "print"
    RUN = "run"  # pack, wait, ship, print in one go

    @property
    def steps(self) -> frozenset[Step]:
        """The steps a batch of this job goes through (a scan to print packs too: see :func:`scan_print_job`)."""
        return ALL_STEPS if self is Job.RUN else frozenset({Step(self.value)})


@dataclass(frozen=True)
class PrintChoice:
    size: PdfSize = PdfSize.LABEL_100X150
    print_order: bool = False
    print_barcode: bool = True

    def validate(self) -> None:
        if not (self.print_order or self.print_barcode):
            raise limits.invalid("request.nothing_to_print")
        if self.size is PdfSize.A4 and self.print_barcode:
            raise limits.invalid("request.barcodes_on_a4")


@dataclass(frozen=True)
class JobSpec:
    """What a batch was started to do, as the journal keeps it (its batch options): the window
    and the CLI write it when a batch starts and read it back to resume one, whichever started it."""

    job: Job
    steps: frozenset[Step]
    choice: PrintChoice = field(default_factory=PrintChoice)  # the labels (kept even when not printing)
    output: Path | None = None  # the merged file a CLI run named when it started (the window picks its own)

    @classmethod
    def of(cls, job: Job, choice: PrintChoice | None = None, *, output: Path | None = None) -> JobSpec:
        return cls(job, job.steps, choice or PrintChoice(), output)

    @property
    def printing(self) -> bool:
        return Step.PRINT in self.steps

    @property
    def shipping(self) -> bool:
        return Step.SHIP in self.steps

    def to_json(self) -> dict[str, Any]:
        """The batch options as the journal stores them (the keys every earlier version wrote)."""
        data: dict[str, Any] = {
            "job": self.job.value,
            "steps": sorted(step.value for step in self.steps),
            "size": self.choice.size.value,
            "print_order": self.choice.print_order,
            "print_barcode": self.choice.print_barcode,
        }
        if self.output is not None:
            data["output"] = str(self.output)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> JobSpec:
        """The batch options a journal kept, by this version or an earlier one (a missing key reads
        as a run of every step on 100x150 mm labels with the barcodes)."""
        output = data.get("output")
        return cls(
            job=Job(data.get("job", Job.RUN.value)),
            steps=frozenset(Step(value) for value in data.get("steps", [s.value for s in ALL_STEPS])),
            choice=PrintChoice(
                PdfSize(data.get("size", PdfSize.LABEL_100X150.value)),
                bool(data.get("print_order", False)),
                bool(data.get("print_barcode", True)),
            ),
            output=Path(output) if output else None,
        )

    def batch_options(self, base: BatchOptions) -> BatchOptions:
        """``base`` (folders, contact, timing) with this job's steps and labels."""
        return dataclasses.replace(
            base,
            steps=self.steps,
            size=self.choice.size,
            print_order=self.choice.print_order,
            print_barcode=self.choice.print_barcode,
        )

    def start_batch(self, journal: JournalStore, profile: str, pos: Sequence[PurchaseOrder]) -> BatchLog:
        """Write the batch down, with these options, before anything is sent."""
        return journal.start_batch(profile, list(BatchReport.for_pos(pos).outcomes.values()), self.to_json())


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


def _job(
    spec: JobSpec,
    client: JitClient,
    pos: Sequence[PurchaseOrder],
    progress: Progress,
    cancel: threading.Event,
    folders: Folders,
    *,
    contact: PickupContact | None = None,
    first_poll_after: float = 4.0,
    poll_interval: float = 1.0,
    journal: JournalRef | None = None,
    resumption: Resumption | None = None,
    refresh_first: bool | None = None,
    news: NewsFn | None = None,
    recheck_before_sending: bool = False,
) -> JobResult:
    """Every button runs the workflow's own batch, limited to its steps: one code path that
    reads statuses before re-sending anything and writes each step to the journal."""
    if spec.printing:
        spec.choice.validate()
    if contact is not None:
        contact.validate()
    output = folders.output(spec.choice.size) if spec.printing else None
    options = spec.batch_options(
        BatchOptions(
            cache_dir=folders.cache,
            contact=contact,
            output=output,
            # The table may be minutes old: a single step acts on what the platform says now.
            refresh_first=spec.job is not Job.RUN if refresh_first is None else refresh_first,
            first_poll_after=first_poll_after,
            poll_interval=poll_interval,
            merge=ChildProcessMerge,
            history_dir=folders.prints,  # the print panel's history folder
            recheck_before_sending=recheck_before_sending,
        )
    )
    log: StepLog | None = None
    resumed: Sequence[PoOutcome] = ()
    fetched: Sequence[Sequence[str]] = ()
    if resumption is not None:
        log, resumed, fetched = resumption.log, resumption.batch.outcomes, resumption.fetched
    elif journal is not None:
        log = spec.start_batch(journal.journal, journal.profile, pos)
    report = BatchRunner(
        client, options, progress=progress, cancel=cancel, log=log, resumed=resumed, fetched=fetched, news=news
    ).run(pos)
    if resumption is not None:
        resumption.add_missing(report.outcomes)
    pdf = output if output is not None and output.exists() else None
    return JobResult(spec.job, report, pdf=pdf, choice=spec.choice if spec.printing else None)


def resume_job(
    client: JitClient,
    journal: JournalRef,
    batch: JournalBatch,
    contact: PickupContact | None,
    folders: Folders,
    progress: Progress,
    cancel: threading.Event,
    *,
    first_poll_after: float = 4.0,
    poll_interval: float = 1.0,
    news: NewsFn | None = None,
) -> JobResult:
    """Carry on with a batch a crash left open: statuses first, then the steps it was started with."""
    spec = JobSpec.from_json(batch.options)
    resumption = prepare_resume(client, journal.journal, batch)
    return _job(
        spec,
        client,
        resumption.pos,
        progress,
        cancel,
        folders,
        contact=contact if spec.shipping else None,
        first_poll_after=first_poll_after,
        poll_interval=poll_interval,
        resumption=resumption,
        news=news,
    )


def pack_job(
    client: JitClient,
    pos: Sequence[PurchaseOrder],
    progress: Progress,
    cancel: threading.Event,
    folders: Folders,
    journal: JournalRef | None = None,
    news: NewsFn | None = None,
) -> JobResult:
    return _job(JobSpec.of(Job.PACK), client, pos, progress, cancel, folders, journal=journal, news=news)


def ship_job(
    client: JitClient,
    pos: Sequence[PurchaseOrder],
    contact: PickupContact,
    progress: Progress,
    cancel: threading.Event,
    folders: Folders,
    journal: JournalRef | None = None,
    news: NewsFn | None = None,
) -> JobResult:
    return _job(
        JobSpec.of(Job.SHIP), client, pos, progress, cancel, folders, contact=contact, journal=journal, news=news
    )


def print_job(
    client: JitClient,
    pos: Sequence[PurchaseOrder],
    choice: PrintChoice,
    folders: Folders,
    progress: Progress,
    cancel: threading.Event,
    journal: JournalRef | None = None,
    news: NewsFn | None = None,
) -> JobResult:
    return _job(JobSpec.of(Job.PRINT, choice), client, pos, progress, cancel, folders, journal=journal, news=news)


def run_job(
    client: JitClient,
    pos: Sequence[PurchaseOrder],
    contact: PickupContact,
    choice: PrintChoice,
    folders: Folders,
    progress: Progress,
    cancel: threading.Event,
    *,
    first_poll_after: float = 4.0,
    poll_interval: float = 1.5,
    journal: JournalRef | None = None,
    news: NewsFn | None = None,
) -> JobResult:
    """Pack, wait until ready, ship per store and warehouse, print."""
    return _job(
        JobSpec.of(Job.RUN, choice),
        client,
        pos,
        progress,
        cancel,
        folders,
        contact=contact,
        first_poll_after=first_poll_after,
        poll_interval=poll_interval,
        journal=journal,
        news=news,
    )


# ------------------------------------------------------------------------------------------- scan to print
def scan_print_job(
    client: JitClient,
    no: str,
    choice: PrintChoice,
    folders: Folders,
    progress: Progress,
    cancel: threading.Event,
    *,
    poll_interval: float = 1.0,
    journal: JournalRef | None = None,
    news: NewsFn | None = None,
    ship: bool = False,
    contact: PickupContact | None = None,
) -> JobResult:
    """One scanned (or verified) PO: pack it if needed, wait until it is ready, ship it too when
    ``ship`` (the bench is set so; ``contact`` then required), fetch its labels.

    Its status is read right before anything is sent, and again right before shipping and printing:
    a PO cancelled meanwhile raises :class:`PoCancelledError` (nothing more is sent for it) and the
    journal gets a ``cancelled`` verification event (the day's figures count it)."""
    found = client.find_pos([no]).get(no)
    if found is None:
        raise limits.invalid("request.po_unknown", no=no)
    if found.status.is_cancelled:
        _cancelled_at_bench(journal, no, found.status.label)
    # Filed as a print: it packs only what is not packed yet, to get the labels (and ships when asked).
    steps = {Step.PACK, Step.PRINT} | ({Step.SHIP} if ship else set())
    spec = JobSpec(Job.RUN if ship else Job.PRINT, frozenset(steps), choice)
    result = _job(
        spec,
        client,
        [found],
        progress,
        cancel,
        folders,
        contact=contact if ship else None,
        first_poll_after=poll_interval,
        poll_interval=poll_interval,
        journal=journal,
        refresh_first=False,  # read a moment ago, above: one call less between scan and labels
        news=news,
        recheck_before_sending=True,
    )
    outcome = result.report.outcomes.get(no)
    if outcome is not None and outcome.problem is not None and outcome.problem.kind == "po.cancelled":
        _cancelled_at_bench(journal, no, str(outcome.problem.params.get("status", "")))
    return result


def _cancelled_at_bench(journal: JournalRef | None, no: str, status: str) -> NoReturn:
    """Stop: the PO was cancelled. The journal's verification of it (if any) ends cancelled, and the
    event is recorded for the day's figures (a journal that fails to take it does not hide the alarm)."""
    if journal is not None:
        store = journal.journal
        try:
            record = store.load_verification(no)
            if record is not None and record.state is not VerifyRecordState.CANCELLED:
                # Verified here (or being verified): it ends cancelled, its counts kept in the row.
                store.finish_verification(no, VerifyRecordState.CANCELLED, "", status, store.operator, {})
            else:
                store.record_event(
                    VerifyEvent(
                        at=time.time(),
                        kind=VerifyEventKind.CANCELLED,
                        purchase_order_no=no,
                        bench=store.bench,
                        operator=store.operator,
                        note=status,
                    )
                )
        except Exception as exc:
            log.error("the cancellation of %s was not journaled: %s", no, exc)
    raise PoCancelledError(no, status)
