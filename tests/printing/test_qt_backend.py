"""The Qt backend: QtPdf renders, QPrinter prints at the label's exact size, to a PDF file and to CUPS."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPageLayout
from PySide6.QtWidgets import QApplication

from station.lazada.models import PdfSize
from station.printing import cups, qt_backend
from station.printing.merge import merge_pdfs
from tests.printing.conftest import CupsTestServer, SimLabels, assert_pages, job_title


@pytest.mark.parametrize("size", list(PdfSize))
def test_layout_is_exact_and_never_swapped(qapp: QApplication, size: PdfSize) -> None:
    layout = qt_backend.page_layout(size.millimetres)
    full = layout.fullRect(QPageLayout.Unit.Millimeter)
    assert (full.width(), full.height()) == pytest.approx(size.millimetres)
    assert layout.orientation() is QPageLayout.Orientation.Portrait
    assert layout.margins().isNull()


@pytest.mark.parametrize("size", list(PdfSize))
def test_prints_to_pdf_file_at_exact_size(
    qapp: QApplication, sim_labels: SimLabels, tmp_path: Path, size: PdfSize
) -> None:
    merged = tmp_path / "batch.pdf"
    summary = merge_pdfs(sim_labels.files[size], merged)
    out = tmp_path / "printed.pdf"
    printer = qt_backend.pdf_file_printer(out, size.millimetres, dpi=203)
    assert qt_backend.print_pdf(merged, printer) == summary.pages
    assert_pages(out, summary.pages, size.millimetres)


def test_wrong_size_is_refused(qapp: QApplication, sim_labels: SimLabels, tmp_path: Path) -> None:
    printer = qt_backend.pdf_file_printer(tmp_path / "out.pdf", PdfSize.LABEL_60X30.millimetres)
    with pytest.raises(cups.MixedSizeError):
        qt_backend.print_pdf(sim_labels.files[PdfSize.LABEL_100X150][0], printer)
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize("size", list(PdfSize))
def test_prints_to_cups_queue_at_exact_size(
    qapp: QApplication, cups_server: CupsTestServer, sim_labels: SimLabels, tmp_path: Path, size: PdfSize
) -> None:
    merged = tmp_path / "batch.pdf"
    summary = merge_pdfs(sim_labels.files[size], merged)
    title = job_title()
    assert qt_backend.print_pdf_to_queue(merged, cups_server.queues[size], size, title=title) == summary.pages
    out = cups_server.output_for(title)
    assert_pages(out, summary.pages, size.millimetres)
    # what the queue received was rasterised at its resolution (300 dpi): the first PO's barcode still reads
    document = qt_backend.load_pdf(out)
    try:
        assert _decode(qt_backend.render_page(document, 0, 300)) == [sim_labels.po_numbers[0]]
    finally:
        document.close()


def test_qt_path_refuses_paused_queue(
    qapp: QApplication, cups_server: CupsTestServer, scratch_queue: str, sim_labels: SimLabels
) -> None:
    import subprocess

    subprocess.run(["cupsdisable", scratch_queue], check=True, timeout=20)
    before = cups_server.outputs()
    with pytest.raises(cups.QueueDisabledError):
        qt_backend.print_pdf_to_queue(sim_labels.files[PdfSize.LABEL_60X30][0], scratch_queue)
    assert cups_server.jobs(scratch_queue) == []
    assert cups_server.outputs() == before


def _decode(image: QImage) -> list[str]:
    pyzbar = pytest.importorskip("pyzbar.pyzbar", reason="barcode check needs pyzbar and apt libzbar0")
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    raw = bytes(gray.constBits())[: stride * height]
    pixels = b"".join(raw[row * stride : row * stride + width] for row in range(height))
    return [symbol.data.decode() for symbol in pyzbar.decode((pixels, width, height))]


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("size", [PdfSize.LABEL_60X30, PdfSize.LABEL_100X150, PdfSize.A4])
def test_rendered_barcodes_decode(
    qapp: QApplication, sim_labels: SimLabels, tmp_path: Path, size: PdfSize, dpi: int
) -> None:
    merged = tmp_path / "batch.pdf"
    merge_pdfs(sim_labels.files[size], merged)
    document = qt_backend.load_pdf(merged)
    decoded: list[str] = []
    try:
        for index in range(document.pageCount()):
            found = _decode(qt_backend.render_page(document, index, dpi))
            assert len(found) == 1, f"page {index + 1} at {dpi} dpi: {found}"
            decoded += found
    finally:
        document.close()
    assert set(sim_labels.po_numbers) <= set(decoded)
    assert set(decoded) <= set(sim_labels.po_numbers) | sim_labels.item_barcodes
