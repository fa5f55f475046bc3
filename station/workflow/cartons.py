"""Carton labels of a pickup order: one label a carton ("box i of N"), fetched, cached, then
printed or written to a file, journaled like every step.

The file comes from ``/pickup_order/print`` and is downloaded by the same rules as the PO files
(:func:`station.printing.download.fetch_pdf`: link policy, size and time caps; an expired link is
asked for again) and kept only once it reads as a PDF of ``boxes`` pages of the size asked for.
A reprint of a cached file downloads nothing.

The journal holds one ``carton_labels`` step per print (no batch; its PO numbers are the pickup
order number): written before anything is sent, answered after. A pickup whose labels were made
once is refused unless a reprint is asked for; a step a crash left open is settled from the print
history (docs/api-decisions.md, "Carton labels after a crash").
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

import requests

from station.journal import JournalStore
from station.lazada.errors import StationApiError
from station.lazada.jit import JitClient
from station.lazada.pickups import PickupLabelFile, PickupLabelSize, check_boxes, check_pickup_no
from station.lazada.transport import keep_connections
from station.printing.download import (
    DOWNLOAD_SECONDS,
    MAX_LABEL_BYTES,
    UrlPolicy,
    check_label_pdf,
    fetch_to_cache,
)
from station.printing.history import JobStatus, PrintJobRecord
from station.printing.spooler import PrintService
from station.problems import Problem
from station.workflow.print_journal import PrintJournal, end_detail

log = logging.getLogger(__name__)

STEP_KIND = "carton_labels"
ATTEMPTS = 3

Progress = Callable[[str], None]  # "asking", "downloading", "printing", "writing": what it does now


class CartonError(StationApiError):
    kind = "carton.not_printed"


class CartonPrinters(Protocol):
    """Where carton labels go: the printer set for their size (PrinterSettings, UiSettings)."""

    def carton_printer(self, size: PickupLabelSize) -> str: ...


@dataclass(frozen=True)
class CartonRequest:
    pickup_order_no: str
    boxes: int
    size: PickupLabelSize = PickupLabelSize.LABEL_100X100
    reprint: bool = False


@dataclass(frozen=True)
class CartonResult:
    pickup_order_no: str
    boxes: int
    size: PickupLabelSize
    file: Path  # the cached labels
    output: Path | None = None  # where they were written, when not printed
    job: PrintJobRecord | None = None  # the print job, when printed
    resumed: bool = False  # a crash had left this print sent; the print history showed the spooler took it
    downloaded: bool = True  # False: the cached file was used

    @property
    def target(self) -> str:
        return str(self.output) if self.output is not None else (self.job.printer if self.job else "")


@dataclass(frozen=True)
class CartonRecord:
    """A carton print the journal knows of (the last one done for a pickup order)."""

    pickup_order_no: str
    boxes: int
    size: str
    target: str
    at: float  # epoch seconds, the journal's clock


class CartonLabels:
    """Fetch, cache and print (or write) the carton labels of pickup orders."""

    def __init__(
        self,
        client: JitClient,
        journal: JournalStore,
        cache_dir: Path,
        *,
        service: PrintService | None = None,
        printers: CartonPrinters | None = None,
        policy: UrlPolicy | None = None,
        max_bytes: int = MAX_LABEL_BYTES,
        total_seconds: float = DOWNLOAD_SECONDS,
    ) -> None:
        self.client = client
        self.journal = journal
        self.cache_dir = Path(cache_dir) / "cartons"
        self.service = service
        self.printers = printers
        if service is not None and service.on_state is None:  # how each print ended, in the journal
            service.on_state = PrintJournal(journal)
        transport = client.transport
        self.policy = policy or UrlPolicy.for_gateway(transport.gateway_url, transport.auth_url)
        self.max_bytes = max_bytes
        self.total_seconds = total_seconds
        self.session = requests.Session()
        self.session.verify = transport.verify
        keep_connections(self.session, 2)

    def close(self) -> None:
        self.session.close()

    # ------------------------------------------------------------------ the journal
    def _steps(self, pickup_order_no: str) -> list[dict[str, Any]]:
        return [
            s for s in self.journal.steps() if s["kind"] == STEP_KIND and s["purchase_order_nos"] == [pickup_order_no]
        ]

    def printed(self, pickup_order_no: str) -> CartonRecord | None:
        """The last carton print done for this pickup order, or None."""
        done = [s for s in self._steps(pickup_order_no) if s["state"] == "done"]
        if not done:
            return None
        step = done[-1]
        detail = _detail(step["detail"])
        return CartonRecord(
            pickup_order_no,
            int(detail.get("boxes", 0)),
            str(detail.get("size", "")),
            str(detail.get("target", "")),
            float(step["answered_at"] or step["sent_at"] or 0),
        )

    def open_steps(self) -> list[str]:
        """Pickup orders whose carton print a crash left between "sent" and "answered"."""
        return list(
            dict.fromkeys(
                s["purchase_order_nos"][0]
                for s in self.journal.steps()
                if s["kind"] == STEP_KIND and s["state"] == "sent" and s["purchase_order_nos"]
            )
        )

    def settle(self, pickup_order_no: str) -> CartonResult | None:
        """Close the steps a crash left open for this pickup order. The print history tells whether
        the spooler took the job: then the labels count as printed (the result, ``resumed``); if
        not (no job, or one never accepted), the step is closed as not done and None is returned:
        the labels are printed as if for the first time. A file being written is made again."""
        settled: CartonResult | None = None
        for step in self._steps(pickup_order_no):
            if step["state"] != "sent":
                continue
            path_hint = _detail(step["detail"])
            job = self._accepted_job(pickup_order_no, float(step["sent_at"] or 0))
            if job is not None:
                size = _size_of_job(job) or PickupLabelSize.LABEL_100X100
                boxes = job.pages or int(path_hint.get("boxes", 0))
                self.journal.step_answered(
                    step["id"],
                    "done",
                    json.dumps(
                        {"boxes": boxes, "size": size.value, "target": job.printer, "job": job.id, "resumed": True}
                    ),
                )
                settled = CartonResult(
                    pickup_order_no, boxes, size, job.file_path, job=job, resumed=True, downloaded=False
                )
            else:
                self.journal.step_answered(step["id"], "failed", "not sent before the station stopped")
        return settled

    def _accepted_job(self, pickup_order_no: str, since: float) -> PrintJobRecord | None:
        """The job of this pickup's labels the spooler took after ``since`` (epoch seconds), if any."""
        if self.service is None:
            return None
        since -= 2.0  # the journal's clock may be a server's: a little slack
        history = self.service.history
        days = sorted({datetime.fromtimestamp(since).date(), date.today()})
        for job in reversed([job for day in days for job in history.jobs_on(day)]):
            if (
                job.po_numbers == (pickup_order_no,)
                and job.status.accepted
                and job.created_at.timestamp() >= since
                and job.file_path.parent == self.cache_dir
            ):
                return job
        return None

    # ------------------------------------------------------------------ the file
    def cache_path(self, pickup_order_no: str, size: PickupLabelSize, boxes: int) -> Path:
        digest = hashlib.sha256(f"{pickup_order_no}|{size.value}|{boxes}".encode()).hexdigest()[:16]
        safe = "".join(c for c in pickup_order_no if c.isalnum())[:40] or "pickup"
        return self.cache_dir / f"{safe}-{size.value}-{boxes}-{digest}.pdf"

    def fetch(self, pickup_order_no: str, size: PickupLabelSize, boxes: int) -> tuple[Path, bool]:
        """The labels in the cache, downloaded first if need be; (path, downloaded now)."""
        path = self.cache_path(pickup_order_no, size, boxes)
        if path.exists():
            return path, False

        def check(data: bytes) -> None:
            pages = check_label_pdf(data, size, path.name)
            if pages != boxes:
                raise CartonError(
                    f"{path.name}: {pages} pages",
                    problem=Problem("carton.pages", {"pages": pages, "pickup": pickup_order_no, "boxes": boxes}),
                )

        fetch_to_cache(
            self.session,
            self.client.pickup_label_file(pickup_order_no, size, boxes),
            path,
            ask_again=self._ask_again,
            check=check,
            policy=self.policy,
            attempts=ATTEMPTS,
            max_bytes=self.max_bytes,
            total_seconds=self.total_seconds,
        )
        return path, True

    def _ask_again(self, file: PickupLabelFile) -> PickupLabelFile:
        return self.client.pickup_label_file(file.pickup_order_no, file.size, file.boxes)

    # ------------------------------------------------------------------ print or write
    def make(
        self,
        request: CartonRequest,
        *,
        output: Path | None = None,
        printer: str | None = None,
        progress: Progress | None = None,
    ) -> CartonResult:
        """Print ``request``'s labels on ``printer`` (else the printer set for the size), or write
        them to ``output``. Refused (:class:`CartonError`, ``carton.already_printed``) when this
        pickup's labels were made before and no reprint is asked for."""
        number = check_pickup_no(request.pickup_order_no)
        check_boxes(request.boxes)
        say = progress or (lambda _: None)
        resumed = self.settle(number)
        earlier = self.printed(number)
        if resumed is not None and output is None:
            return resumed  # the run a crash cut short had its labels printed: once, as it asked
        if earlier is not None and not request.reprint:
            raise CartonError(
                f"pickup {number} already has carton labels",
                problem=Problem("carton.already_printed", {"pickup": number, "boxes": earlier.boxes}),
            )
        queue = ""
        if output is None:
            queue = printer or (self.printers.carton_printer(request.size) if self.printers else "")
            if not queue or self.service is None:
                raise CartonError(
                    f"no printer for {request.size.value}",
                    problem=Problem("carton.no_printer", {"size": request.size.display_name}),
                )
        step = self.journal.step_sent(None, STEP_KIND, [number])
        try:
            say("downloading")
            path, downloaded = self.fetch(number, request.size, request.boxes)
            if output is not None:
                say("writing")
                _write(path, output)
                result = CartonResult(number, request.boxes, request.size, path, output=output, downloaded=downloaded)
            else:
                say("printing")
                assert self.service is not None
                job = self.service.print_file(path, None, [number], queue)
                if job.status is JobStatus.FAILED:
                    raise CartonError(
                        f"print job {job.id} failed",
                        problem=Problem("carton.not_printed", {"pickup": number, "why": job.error}),
                    )
                result = CartonResult(number, request.boxes, request.size, path, job=job, downloaded=downloaded)
        except BaseException as exc:
            self.journal.step_answered(step, "failed", str(exc)[:500])
            raise
        self.journal.step_answered(
            step,
            "done",
            json.dumps(
                {
                    "boxes": request.boxes,
                    "size": request.size.value,
                    "target": result.target,
                    "job": result.job.id if result.job else None,
                    "reprint": request.reprint,
                }
                | ({"print": end_detail(result.job)} if result.job else {})
            ),
        )
        return result


def _write(source: Path, output: Path) -> None:
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".part")
    tmp.write_bytes(source.read_bytes())
    tmp.replace(output)


def _detail(text: Any) -> dict[str, Any]:
    try:
        value = json.loads(text) if isinstance(text, str) and text.startswith("{") else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _size_of_job(job: PrintJobRecord) -> PickupLabelSize | None:
    return (
        PickupLabelSize.A4
        if job.size == "A4"
        else (PickupLabelSize.LABEL_100X100 if job.size.startswith("100x100") else None)
    )
