"""Printer-native raster: each page of a label PDF as a 1-bit image at the printer's own resolution.

A thermal label printer prints dots, so the station turns the PDF into dots itself instead of letting a
driver resample it: QtPdf (pdfium) renders the page at exactly the printer's dpi, a hard threshold (no
dithering: a bar edge is either a dot or not, so bars keep their width) makes it 1-bit, and the page is
rotated and shifted as the printer needs. Pages come one at a time (a generator): a 1,000-label file
costs the memory of one label.

QtPdf renders without a ``QGuiApplication`` (pdfium draws into the image itself; no fonts or platform
plugin of Qt are involved), so a worker thread or the CLI can call this directly; each thread uses its
own ``QPdfDocument``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions

from station.printing.cups import SubmitError
from station.problems import Problem

RESOLUTIONS = (203, 300, 600)
DEFAULT_THRESHOLD = 128  # grey levels below it (0 black .. 255 white) print as a dot
_INVERT = bytes(255 - value for value in range(256))


class Rotation(IntEnum):
    """Clockwise rotation of the page on the printer's raster, in degrees."""

    NONE = 0
    CW90 = 90
    CW180 = 180
    CW270 = 270


_PDF_ROTATION = {
    Rotation.NONE: QPdfDocumentRenderOptions.Rotation.None_,
    Rotation.CW90: QPdfDocumentRenderOptions.Rotation.Clockwise90,
    Rotation.CW180: QPdfDocumentRenderOptions.Rotation.Clockwise180,
    Rotation.CW270: QPdfDocumentRenderOptions.Rotation.Clockwise270,
}


@dataclass(frozen=True)
class RasterSetup:
    """How a page becomes dots: the printer's resolution, the turn and shift it needs, the threshold."""

    dpi: int = 203
    rotation: Rotation = Rotation.NONE
    offset_x: int = 0  # dots, positive moves the print right (after rotation)
    offset_y: int = 0  # dots, positive moves the print down
    threshold: int = DEFAULT_THRESHOLD

    def __post_init__(self) -> None:
        if self.dpi <= 0 or self.dpi > 600:
            raise ValueError(f"a label printer's resolution is 1..600 dpi, not {self.dpi}")
        if not 1 <= self.threshold <= 255:
            raise ValueError(f"the threshold is 1..255, not {self.threshold}")


@dataclass(frozen=True)
class MonoPage:
    """One page as printer dots: rows of ``row_bytes`` bytes, most significant bit first, 1 = a dot (black).

    The bits past ``width`` in each row's last byte are 0 (no dot).
    """

    width: int  # dots
    height: int  # dots
    row_bytes: int
    data: bytes

    def __post_init__(self) -> None:
        if self.row_bytes != (self.width + 7) // 8 or len(self.data) != self.row_bytes * self.height:
            raise ValueError(f"{len(self.data)} bytes do not make {self.width}x{self.height} dots")

    def black_dots(self) -> int:
        """How many dots print (for checks: a blank page has none)."""
        return int.from_bytes(self.data, "big").bit_count()

    def to_qimage(self) -> QImage:
        """A ``Format_Mono`` copy (index 1 black), e.g. to save as PNG or to decode barcodes."""
        image = QImage(self.width, self.height, QImage.Format.Format_Mono)
        image.setColorTable([0xFFFFFFFF, 0xFF000000])
        stride = image.bytesPerLine()
        padded = b"".join(
            self.data[row * self.row_bytes : (row + 1) * self.row_bytes].ljust(stride, b"\0")
            for row in range(self.height)
        )
        source = QImage(padded, self.width, self.height, stride, QImage.Format.Format_Mono)
        source.setColorTable([0xFFFFFFFF, 0xFF000000])
        return source.copy()  # own the pixels: ``padded`` goes away with this frame


def page_dots(width_pt: float, height_pt: float, dpi: int) -> tuple[int, int]:
    """A page's size in whole dots at ``dpi``: floor, as a printer's head has no part-dots (100 mm at 203 dpi
    is 799.2 dots: 799)."""
    return int(width_pt / 72 * dpi + 1e-6), int(height_pt / 72 * dpi + 1e-6)


def open_pdf(pdf: Path) -> QPdfDocument:
    document = QPdfDocument()
    error = document.load(str(pdf))
    if error != QPdfDocument.Error.None_ or document.pageCount() == 0:
        document.close()
        raise SubmitError(
            f"{pdf.name}: QtPdf could not open it ({error.name})", problem=Problem("print.file_unopenable")
        )
    return document


def threshold_to_mono(image: QImage, threshold: int = DEFAULT_THRESHOLD) -> MonoPage:
    """An opaque image (any format) to dots: grey below ``threshold`` is a dot. No per-pixel Python."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    # A lookup table puts every grey to pure black or white with our threshold, so Qt's own
    # threshold conversion below (fixed at half grey) only packs the bits.
    table = bytes(0 if value < threshold else 255 for value in range(256))
    levels = bytes(gray.constBits())[: stride * height].translate(table)
    binary = QImage(levels, width, height, stride, QImage.Format.Format_Grayscale8)
    mono = binary.convertToFormat(
        QImage.Format.Format_Mono, Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.MonoOnly
    )
    row_bytes = (width + 7) // 8
    mono_stride = mono.bytesPerLine()
    bits = bytes(mono.constBits())[: mono_stride * height]
    rows = b"".join(bits[row * mono_stride : row * mono_stride + row_bytes] for row in range(height))
    if _index_one_is_white(mono):
        rows = rows.translate(_INVERT)
    rows = _clear_padding(rows, width, row_bytes, height)
    return MonoPage(width=width, height=height, row_bytes=row_bytes, data=rows)


def _index_one_is_white(mono: QImage) -> bool:
    table = mono.colorTable()
    return len(table) > 1 and (table[1] & 0xFFFFFF) > (table[0] & 0xFFFFFF)


def _clear_padding(rows: bytes, width: int, row_bytes: int, height: int) -> bytes:
    """Zero the bits past ``width`` in each row's last byte (they are no dots)."""
    spare = row_bytes * 8 - width
    if not spare:
        return rows
    mask = (0xFF << spare) & 0xFF
    table = bytes(value & mask for value in range(256))
    last = bytearray(rows)
    # every row's last byte, by extended slicing: one C-level pass
    last[row_bytes - 1 :: row_bytes] = bytes(last[row_bytes - 1 :: row_bytes]).translate(table)
    return bytes(last)


def render_page(document: QPdfDocument, index: int, setup: RasterSetup) -> MonoPage:
    """Page ``index`` of ``document`` as dots (see :class:`RasterSetup`)."""
    points = document.pagePointSize(index)
    width, height = page_dots(points.width(), points.height(), setup.dpi)
    if setup.rotation in (Rotation.CW90, Rotation.CW270):
        width, height = height, width
    options = QPdfDocumentRenderOptions()
    options.setRotation(_PDF_ROTATION[setup.rotation])
    rendered = document.render(index, QSize(width, height), options)
    if rendered.isNull():
        raise SubmitError(f"QtPdf could not render page {index + 1}", problem=Problem("print.file_unopenable"))
    # pdfium leaves the background transparent: put the page on white (shifted by the offset) first
    canvas = QImage(width, height, QImage.Format.Format_RGB32)
    canvas.fill(0xFFFFFFFF)
    painter = QPainter(canvas)
    painter.drawImage(setup.offset_x, setup.offset_y, rendered)
    painter.end()
    return threshold_to_mono(canvas, setup.threshold)


def render_pages(pdf: Path, setup: RasterSetup) -> Iterator[MonoPage]:
    """Every page of ``pdf`` as dots, one at a time."""
    document = open_pdf(Path(pdf))
    try:
        for index in range(document.pageCount()):
            yield render_page(document, index, setup)
    finally:
        document.close()
