"""The print panel: the day's jobs from the print history (what, printer, when, result), Reprint, Retry failed.

Printing goes to real cups-pdf queues (tests/printing/conftest.py); skipped with the reason without CUPS.
"""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfWriter
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from station.lazada.models import PdfSize
from station.printing.history import JobStatus
from station.printing.page_size import POINTS_PER_MM
from station.ui.app import install_translations
from station.ui.print_panel import LOAD_LATER_PAGES, PrintPanel
from station.ui.ui_settings import UiSettings
from station.ui.worker import TaskRunner
from tests.printing.conftest import CUPS_PDF_PPDS, CupsTestServer, assert_pages, job_title
from tests.printing.conftest import cups_server as cups_server
from tests.printing.conftest import scratch_queue as scratch_queue

WAIT = 60_000


def label_pdf(path: Path, size_mm: tuple[float, float], pages: int) -> Path:
    """A PDF of ``pages`` blank pages of exactly ``size_mm``."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(size_mm[0] * POINTS_PER_MM, size_mm[1] * POINTS_PER_MM)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


@pytest.fixture
def panel(qtbot: QtBot, tmp_path: Path) -> Iterator[PrintPanel]:
    settings = UiSettings()
    settings.print_backend = "cups"
    runner = TaskRunner()
    widget = PrintPanel(runner, settings, tmp_path / "prints")
    widget.service.wait_s = 30
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    runner.close()


def texts(panel: PrintPanel) -> list[str]:
    """The lines under "Printed today", newest first."""
    return [panel.history_list.item(i).text() for i in range(panel.history_list.count())]


def failed_texts(panel: PrintPanel) -> list[str]:
    """The lines under "Not printed", newest first."""
    return [panel.failed_list.item(i).text() for i in range(panel.failed_list.count())]


def test_a_shown_pdf_is_listed_as_not_sent_without_a_printer(panel: PrintPanel, qtbot: QtBot, tmp_path: Path) -> None:
    pdf = label_pdf(tmp_path / "labels.pdf", (60, 30), 2)
    panel.show_pdf(pdf, PdfSize.LABEL_60X30, ["POJ1", "POJ2"], 2)
    qtbot.waitUntil(lambda: panel.failed_list.count() == 1, timeout=WAIT)
    assert "not sent" in failed_texts(panel)[0] and "POJ1 +1" in failed_texts(panel)[0]
    assert panel.history_list.count() == 0  # recorded is not printed
    with qtbot.waitSignal(panel.failed, timeout=WAIT) as blocker:
        panel.send_current()
    assert blocker.args is not None and "Settings" in blocker.args[0].operator_message
    assert "60x30 mm label" in blocker.args[0].operator_message and "6030" not in blocker.args[0].operator_message
    assert panel.failed_list.count() == 1 and "FAILED" in failed_texts(panel)[0]
    assert panel.history_list.count() == 0 and panel.failed_box.isVisible()
    assert "60x30 mm label" in failed_texts(panel)[0] and "6030" not in failed_texts(panel)[0]
    assert panel.retry_button.isEnabled()


def test_jobs_are_printed_listed_retried_and_reprinted(
    panel: PrintPanel, qtbot: QtBot, tmp_path: Path, cups_server: CupsTestServer, scratch_queue: str
) -> None:
    size = PdfSize.LABEL_100X150
    panel.settings.set_printer(size, cups_server.queues[size])
    pdf = label_pdf(tmp_path / f"{job_title()}.pdf", size.millimetres, 3)
    panel.show_pdf(pdf, size, ["POJ1"], 3)
    with qtbot.waitSignal(panel.sent, timeout=WAIT) as sent:
        panel.send_current()
    assert sent.args == [3]
    [job] = panel.jobs()
    assert job.status is JobStatus.PRINTED and job.printer == cups_server.queues[size]
    line = texts(panel)[0]
    assert "printed" in line and cups_server.queues[size] in line and job.created_at.strftime("%H:%M") in line
    assert_pages(cups_server.output_for(f"{pdf.stem}-{job.id}"), 3, size.millimetres)

    # A paused printer: the clear sentence, nothing sent, the job listed as failed; retry once resumed.
    panel.settings.set_printer(size, scratch_queue)
    subprocess.run(["cupsdisable", "-r", "out of labels", scratch_queue], check=True, timeout=20)
    other = label_pdf(tmp_path / f"{job_title()}.pdf", size.millimetres, 1)
    panel.show_pdf(other, size, ["POJ2"], 1)
    with qtbot.waitSignal(panel.failed, timeout=WAIT) as failed:
        panel.send_current()
    assert failed.args is not None and "paused" in failed.args[0].operator_message
    assert cups_server.jobs(scratch_queue) == []
    assert panel.history_list.count() == 1 and panel.failed_list.count() == 1
    assert "FAILED" in failed_texts(panel)[0] and "out of labels" in failed_texts(panel)[0]
    qtbot.waitUntil(panel.retry_button.isEnabled)
    subprocess.run(["cupsenable", scratch_queue], check=True, timeout=20)
    with qtbot.waitSignal(panel.sent, timeout=WAIT):
        panel.retry_button.click()
    assert [j.status for j in panel.jobs()] == [JobStatus.PRINTED, JobStatus.PRINTED]
    assert not panel.retry_button.isEnabled() and panel.failed_list.count() == 0 and not panel.failed_box.isVisible()
    assert panel.history_list.count() == 2 and "FAILED" not in " ".join(texts(panel))

    # Reprint the first job (selected in the list): a new job, same file, nothing downloaded.
    panel.history_list.setCurrentRow(panel.history_list.count() - 1)
    qtbot.waitUntil(panel.reprint_button.isEnabled)
    with qtbot.waitSignal(panel.sent, timeout=WAIT):
        panel.reprint_button.click()
    jobs = panel.jobs()
    assert len(jobs) == 3 and jobs[2].file_path == jobs[0].file_path and jobs[2].status is JobStatus.PRINTED
    assert panel.history_list.count() == 3
    assert_pages(cups_server.output_for(f"{pdf.stem}-{jobs[2].id}"), 3, size.millimetres)


def test_a_job_for_a_printer_that_is_not_there_is_not_printed_and_is_retried_once_it_is(
    panel: PrintPanel, qtbot: QtBot, tmp_path: Path, cups_server: CupsTestServer
) -> None:
    """A job the printer never took is never under "Printed today": it is under "Not printed",
    with the reason, until a retry prints it on the printer added since."""
    size = PdfSize.LABEL_100X150
    queue = f"StationLater_{uuid.uuid4().hex[:6]}"  # not set up on this computer (yet)
    panel.settings.set_printer(size, queue)
    pdf = label_pdf(tmp_path / f"{job_title()}.pdf", size.millimetres, 2)
    panel.show_pdf(pdf, size, ["POJ7"], 2)
    with qtbot.waitSignal(panel.failed, timeout=WAIT) as failed:
        panel.send_current()
    assert failed.args is not None and "not set up on this computer" in failed.args[0].operator_message
    [job] = panel.jobs()
    assert job.status is JobStatus.FAILED and job.printer == queue
    assert panel.history_list.count() == 0 and texts(panel) == []
    assert panel.failed_box.isVisible() and panel.failed_list.count() == 1
    assert "POJ7" in failed_texts(panel)[0] and "FAILED" in failed_texts(panel)[0]
    assert "100x150 mm label" in failed_texts(panel)[0]

    # Support adds the printer; Retry (nothing selected: all of today's failed jobs) prints it.
    ppd = next(p for p in CUPS_PDF_PPDS if p.exists())
    subprocess.run(["lpadmin", "-p", queue, "-v", "cups-pdf:/", "-E", "-P", str(ppd)], check=True, timeout=20)
    try:
        qtbot.waitUntil(panel.retry_button.isEnabled)
        with qtbot.waitSignal(panel.sent, timeout=WAIT) as sent:
            panel.retry_button.click()
        assert sent.args == [2]
        [job] = panel.jobs()
        assert job.status is JobStatus.PRINTED
        assert panel.failed_list.count() == 0 and not panel.failed_box.isVisible()
        assert panel.history_list.count() == 1 and "POJ7" in texts(panel)[0] and "printed" in texts(panel)[0]
        assert_pages(cups_server.output_for(f"{pdf.stem}-{job.id}"), 2, size.millimetres)
    finally:
        subprocess.run(["cancel", "-a", queue], check=False, timeout=20)
        subprocess.run(["lpadmin", "-x", queue], check=False, timeout=20)


@pytest.fixture
def english() -> Iterator[None]:
    """English as the window has it: the plural forms ("1 PO", "2 POs") from station_en.qm."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QLocale()
    translators = install_translations(app, "en")
    yield
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(before)


def test_the_labels_line_wraps_whole_in_a_narrow_panel(
    english: None, panel: PrintPanel, qtbot: QtBot, tmp_path: Path
) -> None:
    """Hundreds of pages and POs in a narrow side panel: wrapped, nothing cut off, and never between
    a number and its unit ("297 / POs")."""
    panel.resize(300, 700)
    panel.show()
    pdf = label_pdf(tmp_path / "labels.pdf", (100, 150), 3)
    panel.show_pdf(pdf, PdfSize.LABEL_100X150, [f"POJ{i}" for i in range(297)], 3, record=False)
    line = panel.preview_label
    assert line.text().replace("\u00a0", " ") == "3 pages · 100x150 mm label · 297 POs"
    for whole in ("3\u00a0pages", "100x150\u00a0mm\u00a0label", "297\u00a0POs"):
        assert whole in line.text()  # a wrap can only fall at the " · " between them
    assert line.wordWrap()
    assert line.minimumSizeHint().width() < 300  # it never widens the panel
    panel.show_pdf(pdf, PdfSize.LABEL_100X150, ["POJ1"], 3, record=False)
    assert line.text().replace("\u00a0", " ") == "3 pages · 100x150 mm label · 1 PO"


def test_a_new_panel_lists_the_days_jobs(qtbot: QtBot, tmp_path: Path) -> None:
    settings = UiSettings()
    first = PrintPanel(TaskRunner(), settings, tmp_path / "prints")
    qtbot.addWidget(first)
    first.show_pdf(label_pdf(tmp_path / "a.pdf", (60, 30), 1), PdfSize.LABEL_60X30, ["POJ9"], 1)
    qtbot.waitUntil(lambda: bool(first.pending_jobs), timeout=WAIT)
    again = PrintPanel(TaskRunner(), settings, tmp_path / "prints")
    qtbot.addWidget(again)
    assert again.failed_list.count() == 1 and "POJ9" in failed_texts(again)[0]  # recorded, never sent
    assert again.history_list.count() == 0


def test_a_big_file_is_recorded_and_previewed_from_workers(panel: PrintPanel, qtbot: QtBot, tmp_path: Path) -> None:
    big = label_pdf(tmp_path / "big.pdf", (100, 150), LOAD_LATER_PAGES + 1)
    small = label_pdf(tmp_path / "small.pdf", (60, 30), 3)
    panel.show_pdf(big, PdfSize.LABEL_100X150, ["POJ1"], LOAD_LATER_PAGES + 1)
    qtbot.waitUntil(lambda: bool(panel.pending_jobs), timeout=WAIT)  # recorded on a worker
    assert panel.failed_list.count() == 1  # recorded, not sent yet
    qtbot.waitUntil(lambda: panel.document.pageCount() == LOAD_LATER_PAGES + 1, timeout=WAIT)
    assert panel.document.thread() is panel.thread() and panel.document.parent() is panel
    assert panel.view.document() is panel.document
    assert panel.page_box.isVisible() and panel.page_box.maximum() == LOAD_LATER_PAGES + 1
    # A file shown while the big one is still loading wins: the late document is dropped.
    panel.show_pdf(big, PdfSize.LABEL_100X150, ["POJ1"], LOAD_LATER_PAGES + 1, record=False)
    panel.show_pdf(small, PdfSize.LABEL_60X30, ["POJ2"], 3, record=False)
    assert panel.document.pageCount() == 3
    qtbot.waitUntil(lambda: not panel.runner.busy, timeout=WAIT)  # the big load delivered...
    assert panel.document.pageCount() == 3 and panel.current_pdf == small  # ...and dropped
    assert panel.view.document() is panel.document


def test_a_big_file_shown_while_the_panel_is_hidden_is_read_when_the_panel_is_shown(
    panel: PrintPanel, qtbot: QtBot, tmp_path: Path
) -> None:
    """Reading a big file holds Python's interpreter lock (the window stalls ~20 ms for a day's
    labels): a batch's labels, shown while the Batch tab is in front, wait for the panel."""
    big = label_pdf(tmp_path / "big.pdf", (100, 150), LOAD_LATER_PAGES + 1)
    panel.hide()
    panel.show_pdf(big, PdfSize.LABEL_100X150, ["POJ1"], LOAD_LATER_PAGES + 1)
    qtbot.waitUntil(lambda: bool(panel.pending_jobs) and not panel.runner.busy, timeout=WAIT)
    assert panel.document.pageCount() == 0  # recorded, not read
    assert str(LOAD_LATER_PAGES + 1) in panel.preview_label.text()  # the count is known already
    panel.send_button.click()  # Send needs the recorded job only
    qtbot.waitUntil(lambda: not panel.pending_jobs, timeout=WAIT)
    panel.show()
    qtbot.waitUntil(lambda: panel.document.pageCount() == LOAD_LATER_PAGES + 1, timeout=WAIT)
    assert panel.view.document() is panel.document
    # A file shown after a waiting big one replaces it: the big one is not read when shown.
    panel.hide()
    panel.show_pdf(big, PdfSize.LABEL_100X150, ["POJ1"], LOAD_LATER_PAGES + 1, record=False)
    small = label_pdf(tmp_path / "small.pdf", (60, 30), 3)
    panel.show_pdf(small, PdfSize.LABEL_60X30, ["POJ2"], 3, record=False)
    panel.show()
    qtbot.waitUntil(lambda: not panel.runner.busy, timeout=WAIT)
    assert panel.document.pageCount() == 3 and panel.current_pdf == small


def test_send_pressed_while_the_job_is_being_recorded_sends_it_once_recorded(
    panel: PrintPanel, qtbot: QtBot, tmp_path: Path
) -> None:
    """The print history is written on a worker (an SQLite commit is not the window's work):
    Send right after the labels are shown waits for the job to be recorded, then sends that job,
    once (here no printer is set, so it fails with the sentence that says so)."""
    pdf = label_pdf(tmp_path / "labels.pdf", (60, 30), 2)
    panel.show_pdf(pdf, PdfSize.LABEL_60X30, ["POJ1", "POJ2"], 2)
    assert panel.pending_jobs == []  # nothing recorded on the window's thread
    with qtbot.waitSignal(panel.failed, timeout=WAIT) as blocker:
        panel.send_current()
        panel.send_current()  # pressed twice while recording: still one job, sent once
    assert blocker.args is not None and "Settings" in blocker.args[0].operator_message
    qtbot.waitUntil(lambda: not panel.runner.busy, timeout=WAIT)
    jobs = panel.jobs()
    assert len(jobs) == 1 and jobs[0].file_path == pdf and jobs[0].status is JobStatus.FAILED


def test_a_send_asked_for_while_recording_is_kept_when_other_labels_are_shown(
    panel: PrintPanel, qtbot: QtBot, tmp_path: Path
) -> None:
    """Nothing is lost: Send for the first labels, then the next labels shown before the first
    job is recorded; the first job is still sent, the second stays waiting for its own Send."""
    first = label_pdf(tmp_path / "first.pdf", (60, 30), 1)
    second = label_pdf(tmp_path / "second.pdf", (60, 30), 2)
    panel.show_pdf(first, PdfSize.LABEL_60X30, ["POJ1"], 1)
    panel.send_current()
    panel.show_pdf(second, PdfSize.LABEL_60X30, ["POJ2"], 2)  # before the loop delivers the first record
    with qtbot.waitSignal(panel.failed, timeout=WAIT):  # no printer set: the send fails, with its sentence
        pass
    qtbot.waitUntil(lambda: not panel.runner.busy and bool(panel.pending_jobs), timeout=WAIT)
    status = {job.file_path: job.status for job in panel.jobs()}
    assert status == {first: JobStatus.FAILED, second: JobStatus.PENDING}
    assert panel.current_pdf == second and len(panel.pending_jobs) == 1
