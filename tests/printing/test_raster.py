"""Printer-native raster: the simulator's label files at 203 dpi, 1-bit, every barcode readable, sizes in dots."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import tracemalloc
from pathlib import Path

import pytest

from station.lazada.models import PdfSize
from station.printing.merge import merge_pdfs
from station.printing.raster import MonoPage, RasterSetup, Rotation, render_pages
from tests.printing.conftest import SimLabels
from tests.printing.dots import CARTON, carton_pdf, decode, leftmost_and_top

# the label's size in dots at 203 dpi (a printer's head has whole dots: 100 mm is 799.2 dots)
DOTS_203 = {
    PdfSize.LABEL_100X150: (799, 1199),
    PdfSize.LABEL_60X30: (479, 239),
    PdfSize.A4: (1678, 2374),
}


def _near(found: tuple[int, int], wanted: tuple[int, int]) -> bool:
    return abs(found[0] - wanted[0]) <= 2 and abs(found[1] - wanted[1]) <= 2


@pytest.mark.parametrize("size", list(PdfSize))
def test_every_barcode_of_the_platform_files_decodes_at_203_dpi(
    sim_labels: SimLabels, tmp_path: Path, size: PdfSize
) -> None:
    merged = tmp_path / "batch.pdf"
    pages = merge_pdfs(sim_labels.files[size], merged).pages
    decoded: list[str] = []
    count = 0
    for count, page in enumerate(render_pages(merged, RasterSetup(dpi=203)), 1):
        assert _near((page.width, page.height), DOTS_203[size]), (page.width, page.height)
        found = decode(page)
        assert len(found) == 1, f"page {count}: {found}"
        decoded += found
    assert count == pages
    assert set(sim_labels.po_numbers) <= set(decoded)
    if size is PdfSize.A4:
        assert set(decoded) == set(sim_labels.po_numbers)
    else:  # the PO label, then one label per unit: every product's barcode on the file reads
        assert set(decoded) - set(sim_labels.po_numbers) <= sim_labels.item_barcodes
        assert set(decoded) - set(sim_labels.po_numbers), "no product label read"


def test_carton_labels_decode_at_203_dpi(tmp_path: Path) -> None:
    pages = list(render_pages(carton_pdf(tmp_path, boxes=3), RasterSetup(dpi=203)))
    assert len(pages) == 3
    for page in pages:
        assert _near((page.width, page.height), (799, 799))
        assert decode(page) == [CARTON.pickup_order_no]


@pytest.mark.parametrize("dpi", [203, 300, 600])
def test_resolutions(sim_labels: SimLabels, dpi: int) -> None:
    page = next(render_pages(sim_labels.files[PdfSize.LABEL_60X30][0], RasterSetup(dpi=dpi)))
    assert _near((page.width, page.height), (round(60 / 25.4 * dpi), round(30 / 25.4 * dpi)))
    assert decode(page) == [sim_labels.po_numbers[0]]


def _runs(page: MonoPage, row: int) -> list[int]:
    bits = format(int.from_bytes(page.data[row * page.row_bytes : (row + 1) * page.row_bytes], "big"), "b")
    bits = bits.zfill(page.row_bytes * 8)[: page.width].strip("0")
    runs, previous, length = [], bits[:1], 0
    for bit in bits:
        if bit == previous:
            length += 1
        else:
            runs.append(length)
            previous, length = bit, 1
    return [*runs, length]


def test_bars_keep_whole_modules_no_dithering(sim_labels: SimLabels) -> None:
    """The simulator draws modules of whole 203-dpi dots; the threshold keeps every bar and space a whole
    number of modules (dithering or resampling would leave odd 1-dot runs and grey speckles)."""
    page = next(render_pages(sim_labels.files[PdfSize.LABEL_100X150][0], RasterSetup(dpi=203)))
    row = round(25 / 25.4 * 203)  # through the PO barcode: drawn 16 to 38 mm from the top
    runs = _runs(page, row)
    assert len(runs) > 40, runs  # a Code 128 symbol, not text
    module = min(runs)
    assert module >= 2
    assert all(run % module == 0 for run in runs), runs


def test_rotation_turns_the_page(sim_labels: SimLabels) -> None:
    pdf = sim_labels.files[PdfSize.LABEL_60X30][0]
    upright = next(render_pages(pdf, RasterSetup()))
    for rotation in (Rotation.CW90, Rotation.CW270):
        turned = next(render_pages(pdf, RasterSetup(rotation=rotation)))
        assert (turned.width, turned.height) == (upright.height, upright.width)
        assert decode(turned) == [sim_labels.po_numbers[0]]
    half = next(render_pages(pdf, RasterSetup(rotation=Rotation.CW180)))
    assert (half.width, half.height) == (upright.width, upright.height)
    assert half.data != upright.data and decode(half) == [sim_labels.po_numbers[0]]
    # the same dots, upside down (within a dot of rounding at the edges)
    assert abs(half.black_dots() - upright.black_dots()) < upright.black_dots() * 0.02


def test_offset_moves_the_print(sim_labels: SimLabels) -> None:
    pdf = sim_labels.files[PdfSize.LABEL_100X150][0]
    left, top = leftmost_and_top(next(render_pages(pdf, RasterSetup())))
    moved = next(render_pages(pdf, RasterSetup(offset_x=16, offset_y=8)))
    assert _near((moved.width, moved.height), (799, 1199))  # the label keeps its size; the print moves on it
    assert leftmost_and_top(moved) == (left + 16, top + 8)
    back = next(render_pages(pdf, RasterSetup(offset_x=-3, offset_y=-5)))
    assert leftmost_and_top(back) == (left - 3, top - 5)


def test_padding_bits_are_never_dots() -> None:
    with pytest.raises(ValueError):
        MonoPage(width=9, height=1, row_bytes=1, data=b"\0")
    page = MonoPage(width=9, height=2, row_bytes=2, data=b"\xff\x80\x00\x00")
    assert page.black_dots() == 9


def test_pages_stream_with_flat_memory(sim_labels: SimLabels, tmp_path: Path) -> None:
    many = tmp_path / "many.pdf"
    merge_pdfs(sim_labels.files[PdfSize.LABEL_100X150] * 10, many)
    pages = render_pages(many, RasterSetup())
    first = next(pages)
    tracemalloc.start()
    try:
        count = 1 + sum(1 for _ in pages)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count >= 100
    # a page's dots are 120 KB and its grey levels ~1 MB while it is thresholded: the working set of one
    # page, whatever the count (keeping the pages would cost count x 120 KB, over 12 MB here)
    assert peak < 4_000_000 < count * len(first.data), f"peak {peak} bytes for {count} pages"


def test_renders_without_a_qt_application_and_on_a_worker_thread(sim_labels: SimLabels) -> None:
    pdf = sim_labels.files[PdfSize.LABEL_60X30][0]
    script = (
        "import sys; from pathlib import Path; from PySide6.QtGui import QGuiApplication;"
        "from station.printing.raster import RasterSetup, render_pages;"
        "pages = list(render_pages(Path(sys.argv[1]), RasterSetup()));"
        "assert QGuiApplication.instance() is None;"
        "print(len(pages), pages[0].width, pages[0].height, pages[0].black_dots() > 1000)"
    )
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    result = subprocess.run(
        [sys.executable, "-c", script, str(pdf)], capture_output=True, text=True, timeout=60, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[1:] == ["479", "239", "True"]
    assert result.stderr == ""
    found: list[list[str]] = []
    worker = threading.Thread(
        target=lambda: found.append([s for p in render_pages(pdf, RasterSetup()) for s in decode(p)])
    )
    worker.start()
    worker.join(timeout=60)
    assert found and sim_labels.po_numbers[0] in found[0]
