"""Raw jobs through ``PrintService``: a paper size routed to a network label printer (the virtual one) prints
there, is kept in the print history with the PDF jobs' statuses, waits in words while the printer cannot
print, and each label comes out exactly once: after paper out, offline, pause, and a station killed mid-job."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from station.journal import open_journal
from station.lazada.models import PdfSize
from station.printing.history import JobStatus
from station.printing.label_settings import Language
from station.printing.raw_jobs import SENDING
from station.printing.spooler import PrintService
from station.simulator.label_printer import VirtualLabelPrinter
from station.workflow.print_journal import PrintJournal
from tests.printing.raw_labels import PRINTER, numbered_labels, printed_numbers, raw_settings, socket_route
from tests.support import wait_until


@pytest.fixture
def printer() -> Iterator[VirtualLabelPrinter]:
    with VirtualLabelPrinter(dpi=203) as virtual:
        yield virtual


def _service(
    folder: Path, printer: VirtualLabelPrinter, language: Language = Language.ZPL, lease_s: float = 30.0
) -> PrintService:
    settings = raw_settings(socket_route(printer, language))
    return PrintService(folder / "history", settings, wait_s=0, raw_lease_s=lease_s)


@pytest.mark.parametrize("language", list(Language))
def test_a_size_routed_to_a_label_printer_prints_there_and_is_printed_in_the_history(
    printer: VirtualLabelPrinter, tmp_path: Path, language: Language
) -> None:
    pdf, numbers = numbered_labels(tmp_path, 4)
    service = _service(tmp_path, printer, language)
    job = service.print_file(pdf, PdfSize.LABEL_100X150, numbers)
    assert job.status is JobStatus.PRINTED, job.error
    assert (job.backend, job.printer, job.labels_sent, job.pages) == ("socket", PRINTER, 4, 4)
    assert printed_numbers(printer) == numbers
    assert [j.id for j in service.jobs_on() if j.status is JobStatus.PRINTED] == [job.id]


@pytest.mark.parametrize(
    ("state", "words"),
    [
        ("paper_out", "Waiting at the printer 'Bench label printer': out of paper or labels."),
        ("paused", "Waiting at the label printer 'Bench label printer': it is paused. Press its pause or feed button"),
        ("head_open", "Waiting at the printer 'Bench label printer': a door or cover is open."),
        ("offline", "Waiting at the printer 'Bench label printer': it is offline or cannot be reached."),
    ],
)
def test_a_printer_that_cannot_print_keeps_the_job_waiting_in_words_then_prints_it_once(
    printer: VirtualLabelPrinter, tmp_path: Path, state: str, words: str
) -> None:
    pdf, numbers = numbered_labels(tmp_path, 3)
    service = _service(tmp_path, printer)
    getattr(printer, f"set_{state}")(True)
    job = service.print_file(pdf, PdfSize.LABEL_100X150, numbers)
    assert job.status is JobStatus.WAITING and job.error.startswith(words), job.error
    assert job.labels_sent == 0 and printer.printed == printer.waiting == 0
    again = service.refresh()  # the window asks every 3 s: still not ready, still waiting, nothing sent
    assert [j.status for j in again] == [JobStatus.WAITING] and printer.bytes_received <= 3 * 2
    getattr(printer, f"set_{state}")(False)
    (done,) = service.refresh()
    assert done.status is JobStatus.PRINTED and done.error == "" and done.labels_sent == 3
    service.refresh()
    assert printed_numbers(printer) == numbers  # each label once


@pytest.mark.parametrize("language", list(Language))
def test_labels_left_inside_a_printer_that_ran_out_are_not_sent_again(
    printer: VirtualLabelPrinter, tmp_path: Path, language: Language
) -> None:
    pdf, numbers = numbered_labels(tmp_path, 6)
    service = _service(tmp_path, printer, language)
    printer.load_roll(2)  # the roll ends after two labels; the other four wait inside the printer
    job = service.print_file(pdf, PdfSize.LABEL_100X150, numbers)
    assert job.status is JobStatus.WAITING and job.labels_sent == 6
    assert "ran out of labels before printing them all. Load a new roll and the rest print." in job.error
    assert printer.printed == 2 and printer.waiting == 4
    assert service.refresh()[0].status is JobStatus.WAITING  # still out: nothing sent again
    received = printer.bytes_received
    printer.load_roll(None)
    (done,) = service.refresh()
    assert done.status is JobStatus.PRINTED
    assert printer.bytes_received - received <= 3  # one status query, no label
    assert printed_numbers(printer) == numbers


def test_a_failed_retry_goes_on_and_only_a_reprint_prints_again(printer: VirtualLabelPrinter, tmp_path: Path) -> None:
    pdf, numbers = numbered_labels(tmp_path, 2)
    service = _service(tmp_path, printer)
    job = service.print_file(pdf, PdfSize.LABEL_100X150, numbers)
    assert job.status is JobStatus.PRINTED
    again = service.reprint(job.id)
    assert again.id != job.id and again.status is JobStatus.PRINTED
    assert printed_numbers(printer) == numbers + numbers  # asked for: printed twice


KILLED_SENDER = """
import sys
from pathlib import Path
from station.lazada.models import PdfSize
from station.printing.label_route import PrinterRoute, PrintPath
from station.printing.label_settings import LabelPrinterSettings, Language
from station.printing.spooler import FixedPrinters, PrintService

folder, pdf, port, language = sys.argv[1:5]
route = PrinterRoute(PrintPath.SOCKET, f"127.0.0.1:{port}", LabelPrinterSettings(Language(language)))
settings = FixedPrinters({PdfSize.LABEL_100X150: "Bench label printer"}, routes={"LABEL_100X150": route})
PrintService(Path(folder), settings, wait_s=0).print_file(Path(pdf), PdfSize.LABEL_100X150, [])
"""


@pytest.mark.parametrize(("language", "kill_after"), [(Language.ZPL, 3), (Language.ZPL, 17), (Language.TSPL, 9)])
def test_a_station_killed_mid_job_resumes_without_a_duplicate_label(
    printer: VirtualLabelPrinter, tmp_path: Path, language: Language, kill_after: int
) -> None:
    pdf, numbers = numbered_labels(tmp_path, 40)
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_SENDER, str(tmp_path / "history"), str(pdf), str(printer.port), language.value],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert printer.wait_received(kill_after, timeout=60), "the job never started"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    service = _service(tmp_path, printer, language, lease_s=1.0)
    (job,) = service.jobs_on()
    assert job.status is JobStatus.SENT and job.spool_id == SENDING  # cut short mid-job
    assert kill_after <= job.labels_sent < 40
    # the window's follow: nothing while the sender may live, then the rest once its lease ran out
    wait_until(lambda: service.refresh()[0].status is JobStatus.PRINTED, timeout=60, interval=0.2, what="printed")
    assert printed_numbers(printer) == numbers  # every label, each once, in order


def test_the_journal_records_how_each_print_ended(printer: VirtualLabelPrinter, tmp_path: Path) -> None:
    journal = open_journal(tmp_path / "journal.sqlite3")
    try:
        pdf, numbers = numbered_labels(tmp_path, 2)
        service = _service(tmp_path, printer)
        service.on_state = PrintJournal(journal)
        printer.set_paper_out(True)
        job = service.print_file(pdf, PdfSize.LABEL_100X150, numbers)
        (step,) = [s for s in journal.steps() if s["kind"] == "print_job"]
        assert step["purchase_order_nos"] == numbers and step["state"] == "sent"
        assert json.loads(step["detail"]) == {
            "job": job.id,
            "printer": PRINTER,
            "path": "socket",
            "status": "waiting",
            "problem": "print.waiting_paper",
        }
        service.refresh()  # still out of paper: told nothing new
        printer.set_paper_out(False)
        service.refresh()
        (step,) = [s for s in journal.steps() if s["kind"] == "print_job"]
        assert step["state"] == "done"
        assert json.loads(step["detail"]) == {
            "job": job.id,
            "printer": PRINTER,
            "path": "socket",
            "status": "printed",
            "labels": 2,
        }
        printer.set_offline(True)
        failed = service.reprint(job.id)  # offline: waiting, its own step
        printer.set_offline(False)
        steps = [s for s in journal.steps() if s["kind"] == "print_job"]
        assert len(steps) == 2 and json.loads(steps[1]["detail"])["problem"] == "print.waiting_offline"
        assert json.loads(steps[1]["detail"])["job"] == failed.id
    finally:
        journal.close()
