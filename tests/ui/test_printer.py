"""send_to_printer prints each page 1:1 on a page of the PDF's own size (into a PDF file here)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter
from pytestqt.qtbot import QtBot

from station.lazada.models import PdfSize
from station.printing.cups import PrintError
from station.ui.printer import PrinterError, printer_names, send_to_printer
from tests.printing.conftest import CupsTestServer
from tests.printing.conftest import cups_server as cups_server
from tests.printing.conftest import scratch_queue as scratch_queue

MM = 72 / 25.4


def label_pdf(path: Path, pages: int) -> Path:
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QSizeF(60, 30), QPageSize.Unit.Millimeter),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    painter = QPainter(writer)
    for index in range(pages):
        if index:
            writer.newPage()
        painter.drawText(100, 200, f"label {index}")
    painter.end()
    return path


def test_pages_keep_their_size(qtbot: QtBot, tmp_path: Path) -> None:
    source = label_pdf(tmp_path / "labels.pdf", 3)
    out = tmp_path / "printed.pdf"
    assert send_to_printer(source, None, output_pdf=out) == 3
    reader = PdfReader(str(out))
    assert len(reader.pages) == 3
    box = reader.pages[0].mediabox
    assert abs(float(box.width) / MM - 60) < 0.6 and abs(float(box.height) / MM - 30) < 0.6


def test_no_printer_set_is_a_sentence(qtbot: QtBot, tmp_path: Path) -> None:
    with pytest.raises(PrinterError) as caught:
        send_to_printer(label_pdf(tmp_path / "l.pdf", 1), "")
    assert "Settings" in caught.value.operator_message


def test_sends_through_the_printing_package_and_checks_the_queue(
    qtbot: QtBot, tmp_path: Path, cups_server: CupsTestServer, scratch_queue: str
) -> None:
    from tests.printing.conftest import job_title

    source = label_pdf(tmp_path / f"{job_title()}.pdf", 2)
    queue = cups_server.queues[PdfSize.LABEL_60X30]
    assert send_to_printer(source, queue) == 2
    out = cups_server.output_for(source.stem)
    assert len(PdfReader(str(out)).pages) == 2
    subprocess.run(["cupsdisable", "-r", "lid open", scratch_queue], check=True, timeout=20)
    with pytest.raises(PrintError) as caught:
        send_to_printer(source, scratch_queue)
    assert "paused" in caught.value.operator_message and "lid open" in caught.value.operator_message
    assert cups_server.jobs(scratch_queue) == []
    assert queue in printer_names()
