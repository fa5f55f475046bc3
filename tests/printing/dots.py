"""Reading printer dots back in tests: barcodes (pyzbar) and where the dots are."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from station.printing.raster import MonoPage
from station.simulator.pickup_pdf import CartonLabel, render_carton_labels

CARTON = CartonLabel("PUO2611300001", "Lazada JIT Shenzhen", "WH-SZ-01", "1 Dock Road, Shenzhen", "Demo Seller")


def decode(page: MonoPage) -> list[str]:
    """Every barcode pyzbar reads on ``page``."""
    pyzbar = pytest.importorskip("pyzbar.pyzbar", reason="barcode check needs pyzbar and apt libzbar0")
    gray = page.to_qimage().convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    raw = bytes(gray.constBits())[: stride * height]
    pixels = b"".join(raw[row * stride : row * stride + width] for row in range(height))
    return [symbol.data.decode() for symbol in pyzbar.decode((pixels, width, height))]


def leftmost_and_top(page: MonoPage) -> tuple[int, int]:
    """The column of the leftmost dot and the row of the topmost dot."""
    bits = page.row_bytes * 8
    rows = [int.from_bytes(page.data[r * page.row_bytes : (r + 1) * page.row_bytes], "big") for r in range(page.height)]
    inked = [r for r, value in enumerate(rows) if value]
    return min(bits - value.bit_length() for value in rows if value), inked[0]


def carton_pdf(folder: Path, boxes: int = 3) -> Path:
    """The simulator's 100x100 mm carton labels of one pickup order."""
    path = folder / "cartons.pdf"
    path.write_bytes(render_carton_labels("PICKUP_1010", CARTON, boxes))
    return path
