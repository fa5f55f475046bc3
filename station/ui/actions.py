"""The blocking work behind the window's buttons: pack, ship, print, the whole run, scan to print.

No widgets here: each function runs on a worker thread, reports ``progress(step, done, total)``,
watches a cancel event between calls, and returns per-PO outcomes (:class:`BatchReport`).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path

from station.lazada import limits
from station.lazada.errors import AlreadyPackedError, OutcomeUnknownError, StationApiError
from station.lazada.jit import JitClient
from station.lazada.models import PdfSize, PickupContact, POStatus, PurchaseOrder
from station.printing.download import Downloader
from station.printing.merge import merge_pdfs
from station.workflow.batch import BatchOptions, BatchRunner
from station.workflow.report import BatchReport, Step

log = logging.getLogger(__name__)

Progress = Callable[[Step, int, int], None]

CANCELLED = "Cancelled before this PO was sent; retry it when ready."
NOT_PACKED = "Not packed yet (To Pack): pack it first."
READY_TIMEOUT = 180.0


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
                "Product barcodes cannot be printed on A4; choose the 60x30 or 100x150 label size.")


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


def _fail_rest(report: BatchReport, step: Step, numbers: Sequence[str], message: str = CANCELLED) -> None:
    for no in numbers:
        outcome = report.outcomes[no]
        if outcome.ok and not (outcome.packed if step is Step.PACK else outcome.shipped if step is Step.SHIP
                               else outcome.printed):
            outcome.fail(step, message)
    report.cancelled = True


# ------------------------------------------------------------------------------------------- pack
def pack_job(client: JitClient, pos: Sequence[PurchaseOrder], progress: Progress,
             cancel: threading.Event) -> JobResult:
    report = BatchReport.for_pos(pos)
    numbers: list[str] = []
    for po in pos:
        outcome = report.outcomes[po.purchase_order_no]
        if po.status.is_cancelled:
            outcome.fail(Step.PACK, f"The PO was cancelled ({po.status.label}); do not send it.")
        elif po.status is POStatus.TO_PACK:
            numbers.append(po.purchase_order_no)
        else:
            outcome.packed = outcome.ready = True
    total = len(numbers)
    done = 0
    progress(Step.PACK, 0, total)
    for chunk in limits.chunks(numbers, limits.PACK_MAX):
        if cancel.is_set():
            _fail_rest(report, Step.PACK, numbers[done:])
            break
        _pack_resolving(client, chunk, report)
        done += len(chunk)
        progress(Step.PACK, done, total)
    return JobResult(Job.PACK, report)


def _pack_resolving(client: JitClient, chunk: list[str], report: BatchReport) -> None:
    try:
        client.pack_chunk(chunk)
    except OutcomeUnknownError:
        found = client.find_pos(chunk)
        for no in chunk:
            po = found.get(no)
            if po is not None and (po.logistics_nos or po.status is not POStatus.TO_PACK):
                report.outcomes[no].packed = True
            elif len(chunk) == 1:
                report.outcomes[no].fail(Step.PACK, "No answer from the platform; pack it again.")
            else:
                _pack_resolving(client, [no], report)
        return
    except AlreadyPackedError as exc:
        if len(chunk) == 1:
            report.outcomes[chunk[0]].packed = True
            report.outcomes[chunk[0]].detail = exc.describe()
            return
        for no in chunk:  # one PO spoiled the call: settle them one by one
            _pack_resolving(client, [no], report)
        return
    except StationApiError as exc:
        if len(chunk) > 1 and not exc.retryable:
            for no in chunk:
                _pack_resolving(client, [no], report)
            return
        for no in chunk:
            report.outcomes[no].fail(Step.PACK, exc.operator_message, exc.describe())
        return
    for no in chunk:
        report.outcomes[no].packed = True


# ------------------------------------------------------------------------------------------- ship
def ship_job(client: JitClient, pos: Sequence[PurchaseOrder], contact: PickupContact, progress: Progress,
             cancel: threading.Event) -> JobResult:
    contact.validate()
    report = BatchReport.for_pos(pos)
    fresh = client.find_pos([po.purchase_order_no for po in pos])
    groups: dict[tuple[str, str], list[str]] = {}
    for po in pos:
        no = po.purchase_order_no
        now = fresh.get(no)
        outcome = report.outcomes[no]
        if now is None:
            outcome.fail(Step.SHIP, "The platform no longer lists this PO. Check it in Seller Center.")
        elif now.status.is_cancelled:
            outcome.fail(Step.SHIP, f"The PO was cancelled ({now.status.label}); do not send it.")
        elif now.status is POStatus.TO_PACK:
            outcome.fail(Step.SHIP, NOT_PACKED)
        elif now.status.is_shipped:
            outcome.packed = outcome.ready = outcome.shipped = True
            outcome.pickup_no = now.pickup_order_no
        else:
            outcome.packed = outcome.ready = True
            groups.setdefault(now.ship_group, []).append(no)
    to_ship = [no for group in groups.values() for no in group]
    total, done = len(to_ship), 0
    progress(Step.SHIP, 0, total)
    for group in groups.values():
        for chunk in limits.chunks(group, limits.SHIP_MAX):
            if cancel.is_set():
                _fail_rest(report, Step.SHIP, to_ship)
                return JobResult(Job.SHIP, report)
            try:
                results = client.ship_chunk(chunk, contact)
            except OutcomeUnknownError:
                found = client.find_pos(chunk)  # never ship again on a guess: read what happened
                for no in chunk:
                    read = found.get(no)
                    if read is not None and read.status.is_shipped:
                        report.outcomes[no].shipped = True
                        report.outcomes[no].pickup_no = read.pickup_order_no
                    else:
                        report.outcomes[no].fail(Step.SHIP, "No answer from the platform; ship it again.")
            except StationApiError as exc:
                for no in chunk:
                    report.outcomes[no].fail(Step.SHIP, exc.operator_message, exc.describe())
            else:
                for result in results:
                    outcome = report.outcomes[result.purchase_order_no]
                    if result.ok:
                        outcome.shipped = True
                        outcome.pickup_no = result.pickup_no
                    else:
                        outcome.fail(Step.SHIP, "The platform refused the pickup for this PO.", result.error_message)
            done += len(chunk)
            progress(Step.SHIP, done, total)
    return JobResult(Job.SHIP, report)


# ------------------------------------------------------------------------------------------- print
def print_job(client: JitClient, pos: Sequence[PurchaseOrder], choice: PrintChoice, folders: Folders,
              progress: Progress, cancel: threading.Event) -> JobResult:
    choice.validate()
    report = BatchReport.for_pos(pos)
    fresh = client.find_pos([po.purchase_order_no for po in pos])
    numbers: list[str] = []
    for po in pos:
        now = fresh.get(po.purchase_order_no)
        outcome = report.outcomes[po.purchase_order_no]
        if now is None:
            outcome.fail(Step.PRINT, "The platform no longer lists this PO. Check it in Seller Center.")
        elif now.status.is_cancelled:
            outcome.fail(Step.PRINT, f"The PO was cancelled ({now.status.label}); do not print it.")
        elif now.status is POStatus.TO_PACK:
            outcome.fail(Step.PRINT, "Labels can be printed once the PO is packed (Ready To Ship).")
        else:
            outcome.packed = outcome.ready = True
            outcome.shipped = now.status.is_shipped
            numbers.append(po.purchase_order_no)
    downloader = Downloader(client, folders.cache)
    paths: list[Path] = []
    printed: list[str] = []
    total, done = len(numbers), 0
    progress(Step.PRINT, 0, total)
    for chunk in limits.chunks(numbers, limits.PRINT_MAX):
        if cancel.is_set():
            _fail_rest(report, Step.PRINT, numbers)
            return JobResult(Job.PRINT, report, choice=choice)
        try:
            file = client.print_file(chunk, choice.size, print_order=choice.print_order,
                                     print_barcode=choice.print_barcode)
            paths.append(downloader.fetch(file))
            printed += chunk
        except StationApiError as exc:
            for no in chunk:
                report.outcomes[no].fail(Step.PRINT, exc.operator_message, exc.describe())
        done += len(chunk)
        progress(Step.PRINT, done, total)
    if not paths:
        return JobResult(Job.PRINT, report, choice=choice)
    output = folders.output(choice.size)
    summary = merge_pdfs(paths, output)
    report.output_pages = summary.pages
    for no in printed:
        report.outcomes[no].printed = True
    progress(Step.MERGE, 1, 1)
    return JobResult(Job.PRINT, report, pdf=output, choice=choice)


# ------------------------------------------------------------------------------------------- all
def run_job(client: JitClient, pos: Sequence[PurchaseOrder], contact: PickupContact, choice: PrintChoice,
            folders: Folders, progress: Progress, cancel: threading.Event, *, first_poll_after: float = 4.0,
            poll_interval: float = 1.5) -> JobResult:
    """Pack, wait until ready, ship per store and warehouse, print: the workflow's own batch."""
    choice.validate()
    contact.validate()
    output = folders.output(choice.size)
    options = BatchOptions(contact=contact, output=output, cache_dir=folders.cache, size=choice.size,
                           print_order=choice.print_order, print_barcode=choice.print_barcode,
                           first_poll_after=first_poll_after, poll_interval=poll_interval)
    report = BatchRunner(client, options, progress=progress, cancel=cancel).run(pos)
    return JobResult(Job.RUN, report, pdf=output if output.exists() else None, choice=choice)


# ------------------------------------------------------------------------------------------- scan to print
def scan_print_job(client: JitClient, no: str, choice: PrintChoice, folders: Folders, progress: Progress,
                   cancel: threading.Event, *, poll_interval: float = 1.0) -> JobResult:
    """One scanned PO: pack it if needed, wait until it is ready, fetch its labels."""
    choice.validate()
    found = client.find_pos([no]).get(no)
    if found is None:
        raise limits.RequestValidationError(f"The platform does not list the PO {no}.")
    if found.status is POStatus.TO_PACK:
        progress(Step.PACK, 0, 1)
        with contextlib.suppress(AlreadyPackedError):
            client.pack_chunk([no])
        progress(Step.PACK, 1, 1)
        started = time.monotonic()
        progress(Step.WAIT, 0, 1)
        while found.status is POStatus.TO_PACK:
            if cancel.wait(poll_interval):
                report = BatchReport.for_pos([found])
                _fail_rest(report, Step.WAIT, [no])
                return JobResult(Job.PRINT, report, choice=choice)
            found = client.find_pos([no]).get(no, found)
            if time.monotonic() - started > READY_TIMEOUT:
                raise limits.RequestValidationError(
                    f"{no} is still To Pack {READY_TIMEOUT:.0f} s after packing; try again later.")
        progress(Step.WAIT, 1, 1)
    result = print_job(client, [found], choice, folders, progress, cancel)
    result.report.outcomes[no].packed = True
    return result
