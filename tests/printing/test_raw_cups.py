"""A real CUPS raw queue whose ``socket://`` backend hands the bytes to the virtual label printer: a paper size
routed to it prints there through ``PrintService``, followed through IPP to "printed", every barcode read back
from the printer's images at 203 dpi and every label 799x1199 dots (100x150 mm)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from station.lazada.models import PdfSize
from station.printing.history import JobStatus
from station.printing.label_route import PrinterRoute, PrintPath
from station.printing.label_settings import LabelPrinterSettings, Language
from station.printing.spooler import PrintService
from station.simulator.label_printer import VirtualLabelPrinter
from tests.printing.conftest import _run, _unavailable, ensure_scheduler
from tests.printing.raw_labels import numbered_labels, printed_numbers, raw_settings
from tests.support import wait_until


@pytest.fixture
def printer() -> Iterator[VirtualLabelPrinter]:
    with VirtualLabelPrinter(dpi=203) as virtual:
        yield virtual


@pytest.fixture
def raw_queue(printer: VirtualLabelPrinter) -> Iterator[str]:
    """A CUPS raw queue (no driver, no filter) to ``socket://127.0.0.1:<the virtual printer's port>``."""
    missing = [tool for tool in ("lpadmin", "lpstat", "lp", "cancel") if shutil.which(tool) is None]
    if missing:
        _unavailable(f"missing {', '.join(missing)} (apt-get install cups)")
    if os.geteuid() != 0:
        _unavailable("creating a CUPS queue needs root")
    ensure_scheduler()
    queue = f"StationRaw_{uuid.uuid4().hex[:8]}"
    # -m raw: CUPS 2.4 warns that raw queues are deprecated, and makes one
    made = _run("lpadmin", "-p", queue, "-E", "-v", f"socket://127.0.0.1:{printer.port}", "-m", "raw")
    if made.returncode != 0:
        _unavailable(f"lpadmin could not make the raw queue {queue}: {made.stderr.strip()}")
    try:
        yield queue
    finally:
        _run("cancel", "-a", queue)
        _run("lpadmin", "-x", queue)


@pytest.mark.parametrize("language", list(Language))
def test_a_cups_raw_queue_carries_the_labels_to_the_printer_and_the_job_ends_printed(
    printer: VirtualLabelPrinter, raw_queue: str, tmp_path: Path, language: Language
) -> None:
    pdf, numbers = numbered_labels(tmp_path, 5)
    route = PrinterRoute(PrintPath.CUPS_RAW, "", LabelPrinterSettings(language))
    service = PrintService(tmp_path / "history", raw_settings(route, raw_queue), wait_s=60)
    job = service.print_file(pdf, PdfSize.LABEL_100X150, numbers)
    assert job.status is JobStatus.PRINTED, job.error  # IPP said completed
    assert job.backend == "cups_raw" and job.spool_id.startswith(f"{raw_queue}-") and job.labels_sent == 5
    assert printer.wait_printed(5, timeout=30)
    assert printed_numbers(printer) == numbers  # 799x1199 dots each (within 2), every barcode read
    assert printer.errors == []
    assert not list((tmp_path / "history" / "raw").glob("*.prn"))  # the spooled copy went with lp


def test_a_paused_cups_raw_queue_is_refused_in_words_and_nothing_is_sent(
    printer: VirtualLabelPrinter, raw_queue: str, tmp_path: Path
) -> None:
    assert _run("cupsdisable", "-r", "out of labels", raw_queue).returncode == 0
    pdf, numbers = numbered_labels(tmp_path, 2)
    route = PrinterRoute(PrintPath.CUPS_RAW, "", LabelPrinterSettings())
    service = PrintService(tmp_path / "history", raw_settings(route, raw_queue), wait_s=5)
    job = service.print_file(pdf, PdfSize.LABEL_100X150, numbers)
    assert job.status is JobStatus.FAILED and "out of labels" in job.error and "Nothing was printed." in job.error
    assert printer.bytes_received == 0
    assert _run("cupsenable", raw_queue).returncode == 0
    retried = service.retry(job.id)
    assert retried.status is JobStatus.PRINTED, retried.error
    assert printed_numbers(printer) == numbers


def test_a_cups_raw_queue_to_a_printer_out_of_labels_waits_then_prints_each_label_once(
    printer: VirtualLabelPrinter, raw_queue: str, tmp_path: Path
) -> None:
    pdf, numbers = numbered_labels(tmp_path, 3)
    route = PrinterRoute(PrintPath.CUPS_RAW, "", LabelPrinterSettings())
    service = PrintService(tmp_path / "history", raw_settings(route, raw_queue), wait_s=60)
    printer.set_paper_out(True)  # the queue's printer (socket://) is asked first, as on the network path
    job = service.print_file(pdf, PdfSize.LABEL_100X150, numbers)
    assert job.status is JobStatus.WAITING and job.spool_id == "", job.error
    assert job.error.startswith(f"Waiting at the printer {raw_queue!r}: out of paper or labels.")
    assert service.refresh()[0].status is JobStatus.WAITING and printer.waiting == printer.printed == 0
    printer.set_paper_out(False)
    wait_until(lambda: service.refresh()[0].status is JobStatus.PRINTED, timeout=60, interval=0.2, what="printed")
    assert printed_numbers(printer) == numbers


def test_labels_left_in_a_cups_raw_queues_printer_keep_the_job_waiting_until_they_print(
    printer: VirtualLabelPrinter, raw_queue: str, tmp_path: Path
) -> None:
    pdf, numbers = numbered_labels(tmp_path, 5)
    route = PrinterRoute(PrintPath.CUPS_RAW, "", LabelPrinterSettings())
    service = PrintService(tmp_path / "history", raw_settings(route, raw_queue), wait_s=60)
    printer.load_roll(2)
    job = service.print_file(pdf, PdfSize.LABEL_100X150, numbers)  # CUPS says completed: the bytes went
    assert job.status is JobStatus.WAITING, job.error  # the printer says three wait inside it
    assert "ran out of labels before printing them all" in job.error
    assert printer.printed == 2 and printer.waiting == 3
    printer.load_roll(None)
    (done,) = service.refresh()
    assert done.status is JobStatus.PRINTED
    assert printed_numbers(printer) == numbers  # none sent twice
