""" "Printed" means printed: a CUPS job is followed to its end through IPP, with what the printer says.

Against the real CUPS server of the printing tests, with a test backend (``cups_test_backend.py``,
installed as ``stationtest``) that runs out of paper, goes offline or fails a job, the way label
printers do; the job's bytes land in a folder, so a test counts what really came out.
"""

from __future__ import annotations

import shutil
import struct
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from station.lazada.models import PdfSize
from station.printing import cups, ipp
from station.printing.history import JobStatus, PrintJobRecord
from station.printing.spooler import CupsBackend, FixedPrinters, PrintService
from station.problems import problem_of
from tests.printing.conftest import CupsTestServer, _run
from tests.printing.test_spooler import blank_pdf
from tests.support import wait_until

BACKEND = Path("/usr/lib/cups/backend/stationtest")
SOURCE = Path(__file__).with_name("cups_test_backend.py")


class StatePrinter:
    """A queue on the test backend: ``reason`` (media-empty, offline, door-open, fail, ok) and its folder."""

    def __init__(self, reason: str, *, policy: str = "stop-printer") -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="station-printer-"))
        self.folder.chmod(0o1777)
        self.name = f"StationState_{reason.replace('-', '')}_{uuid.uuid4().hex[:6]}"
        result = _run(
            "lpadmin",
            "-p",
            self.name,
            "-v",
            self.uri(reason),
            "-E",
            "-m",
            "raw",
            "-o",
            f"printer-error-policy={policy}",
        )
        assert result.returncode == 0, result.stderr

    def uri(self, reason: str) -> str:
        return f"stationtest:/{reason}{self.folder}"

    def become(self, reason: str) -> None:
        assert _run("lpadmin", "-p", self.name, "-v", self.uri(reason)).returncode == 0

    def release(self) -> None:
        (self.folder / "release").touch()

    def outputs(self) -> list[Path]:
        return sorted(self.folder.glob("job-*.out"))

    def remove(self) -> None:
        _run("cancel", "-a", self.name)
        _run("lpadmin", "-x", self.name)
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def test_printer(cups_server: CupsTestServer) -> Iterator[Callable[..., StatePrinter]]:
    shutil.copyfile(SOURCE, BACKEND)
    BACKEND.chmod(0o700)  # CUPS runs a backend it cannot read as another user as root
    made: list[StatePrinter] = []

    def make(reason: str, **kwargs: str) -> StatePrinter:
        printer = StatePrinter(reason, **kwargs)
        made.append(printer)
        return printer

    yield make
    for printer in made:
        printer.remove()


def _service(tmp_path: Path, queue: str, wait_s: float = 8.0) -> PrintService:
    return PrintService(
        tmp_path / "history", FixedPrinters({PdfSize.LABEL_100X150: queue}), backend=CupsBackend(), wait_s=wait_s
    )


def _kind(job: PrintJobRecord) -> str:
    return problem_of(job.error).kind


def test_out_of_paper_waits_says_why_and_prints_once_when_loaded(
    test_printer: Callable[..., StatePrinter], tmp_path: Path
) -> None:
    printer = test_printer("media-empty")
    service = _service(tmp_path, printer.name)
    job = service.print_file(blank_pdf(tmp_path / "l.pdf", (100, 150)), PdfSize.LABEL_100X150, ["POW1"])
    assert job.status is JobStatus.WAITING and _kind(job) == "print.waiting_paper"
    assert "out of paper" in job.error and printer.name in job.error
    assert job.status.accepted  # the spooler holds it: never sent again
    assert printer.outputs() == []
    printer.release()
    wait_until(
        lambda: service.refresh() and service.history.get(job.id).status is JobStatus.PRINTED,
        what="the job to print once the paper is in",
    )
    assert len(printer.outputs()) == 1 and service.history.get(job.id).error == ""


def test_an_offline_printer_is_said_in_words(test_printer: Callable[..., StatePrinter], tmp_path: Path) -> None:
    printer = test_printer("offline")
    job = _service(tmp_path, printer.name).print_file(
        blank_pdf(tmp_path / "l.pdf", (100, 150)), PdfSize.LABEL_100X150, ["POW2"]
    )
    assert job.status is JobStatus.WAITING and _kind(job) == "print.waiting_offline"
    printer.release()


def test_a_job_the_printer_gave_up_is_failed_and_a_retry_prints_it_once(
    test_printer: Callable[..., StatePrinter], tmp_path: Path
) -> None:
    printer = test_printer("fail", policy="abort-job")
    service = _service(tmp_path, printer.name)
    job = service.print_file(blank_pdf(tmp_path / "l.pdf", (100, 150)), PdfSize.LABEL_100X150, ["POW3"])
    assert job.status is JobStatus.FAILED and _kind(job) == "print.aborted"
    assert "the test printer failed the job" in job.error
    assert cups.job_progress(job.spool_id).phase is cups.JobPhase.ABORTED  # lpstat would call it "completed"
    printer.become("ok")
    again = service.retry(job.id)
    assert again.status is JobStatus.PRINTED and len(printer.outputs()) == 1


def test_printed_today_lists_only_what_came_out(
    test_printer: Callable[..., StatePrinter], tmp_path: Path, qtbot: QtBot, isolated_environment: object
) -> None:
    from station.ui.print_panel import PrintPanel
    from station.ui.ui_settings import UiSettings
    from station.ui.worker import TaskRunner

    printer = test_printer("media-empty")
    service = _service(tmp_path, printer.name, wait_s=3.0)
    job = service.print_file(blank_pdf(tmp_path / "l.pdf", (100, 150)), PdfSize.LABEL_100X150, ["POW4"])
    assert job.status is JobStatus.WAITING
    runner = TaskRunner()
    panel = PrintPanel(runner, UiSettings(), tmp_path / "history", service=service)
    qtbot.addWidget(panel)
    try:
        panel.follow_timer.setInterval(200)
        panel.refresh_jobs()
        assert panel.history_list.count() == 0 and panel.failed_list.count() == 1
        line = panel.failed_list.item(0).text()
        assert "POW4" in line and "out of paper" in line and "WAITING" in line
        assert panel.follow_timer.isActive()  # the spooler is asked while a job is at the printer
        printer.release()
        qtbot.waitUntil(lambda: panel.history_list.count() == 1, timeout=20000)
        assert panel.failed_list.count() == 0 and "printed" in panel.history_list.item(0).text()
        qtbot.waitUntil(lambda: not panel.follow_timer.isActive(), timeout=5000)  # nothing left to follow
    finally:
        runner.close()


def test_ipp_answers_that_are_not_ipp_are_refused() -> None:
    with pytest.raises(ipp.IppError):
        ipp.decode_response(b"<html>")
    cut = struct.pack(">BBHI", 1, 1, 0, 1) + bytes([0x01, 0x23]) + struct.pack(">H", 9) + b"job-st"
    with pytest.raises(ipp.IppError):
        ipp.decode_response(cut)
    whole = struct.pack(">BBHI", 1, 1, 0, 7) + bytes([0x02, 0x23]) + struct.pack(">H", 9) + b"job-state"
    whole += struct.pack(">Hi", 4, 9) + bytes([0x03])
    assert ipp.decode_response(whole).first("job-state") == 9


def test_labels_sent_to_a_printer_out_of_paper_say_so_in_the_error_bar(
    test_printer: Callable[..., StatePrinter], tmp_path: Path, qtbot: QtBot, isolated_environment: object
) -> None:
    from station.ui.print_panel import PrintPanel
    from station.ui.ui_settings import UiSettings
    from station.ui.worker import TaskRunner

    printer = test_printer("media-empty")
    runner = TaskRunner()
    panel = PrintPanel(runner, UiSettings(), tmp_path / "history", service=_service(tmp_path, printer.name, 3.0))
    qtbot.addWidget(panel)
    try:
        panel.show_pdf(blank_pdf(tmp_path / "l.pdf", (100, 150)), PdfSize.LABEL_100X150, ["POW5"], 1)
        with qtbot.waitSignal(panel.failed, timeout=20000) as said:
            panel.send_current()
        assert "out of paper" in str(said.args[0].operator_message)
        assert panel.history_list.count() == 0  # not under "Printed today"
    finally:
        printer.release()
        runner.close()
