"""send_to_printer prints each page 1:1 on a page of the PDF's own size (into a PDF file here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter
from pytestqt.qtbot import QtBot

from station.ui.printer import PrinterError, send_to_printer

MM = 72 / 25.4


def label_pdf(path: Path, pages: int) -> Path:
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QSizeF(60, 30), QPageSize.Unit.Millimeter),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
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
