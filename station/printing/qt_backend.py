"""Qt backend: render each PDF page with QtPdf at the printer's resolution onto a QPrinter of the label's size.

The printer gets a custom page size in millimetres equal to the PDF page (no snapping to a standard size),
zero margins, full-page mode and an orientation that keeps width and height as drawn; each page image is
drawn 1:1 onto the full paper, never shrunk to a printable area. Works headless (``QT_QPA_PLATFORM=offscreen``);
a ``QGuiApplication`` must exist.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from station.lazada.models import PdfSize
from station.printing.cups import (
    CupsUnavailableError,
    MixedSizeError,
    PrintError,
    QueueMissingError,
    SubmitError,
    check_queue,
    queue_resolution,
)
from station.printing.page_size import POINTS_PER_MM, SIZE_TOLERANCE_MM, same_size
from station.problems import Problem

MAX_DPI = 600  # a 100x150 mm page at 600 dpi is already a 2362x3543 image


def page_layout(size_mm: tuple[float, float]) -> QPageLayout:
    """A zero-margin layout whose full rectangle is exactly ``size_mm`` (width, height) as given.

    The custom ``QPageSize`` keeps the label's own width and height (60x30 stays 60 wide) and the
    orientation is always *portrait*, i.e. "as defined". Declaring a 60x30 label as a 30x60 page in
    landscape looks the same on screen and in a PDF file, but Qt's CUPS engine then sends portrait media
    plus a rotation, and the queue produces 30x60 pages: width and height swapped (seen with cups-pdf).
    """
    width, height = size_mm
    page_size = QPageSize(
        QSizeF(width, height),
        QPageSize.Unit.Millimeter,
        f"{width:g}x{height:g}mm",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    return QPageLayout(page_size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def _require_app() -> None:
    if QGuiApplication.instance() is None:
        raise RuntimeError("a QGuiApplication must exist before printing with Qt")


def load_pdf(pdf: Path) -> QPdfDocument:
    _require_app()
    document = QPdfDocument()
    error = document.load(str(pdf))
    if error != QPdfDocument.Error.None_ or document.pageCount() == 0:
        raise SubmitError(
            f"{pdf.name}: QtPdf could not open it ({error.name})", problem=Problem("print.file_unopenable")
        )
    return document


def document_size_mm(document: QPdfDocument, tolerance_mm: float = SIZE_TOLERANCE_MM) -> tuple[float, float]:
    """The one page size of ``document`` in mm; :class:`MixedSizeError` if it changes midway."""
    sizes = []
    for index in range(document.pageCount()):
        points = document.pagePointSize(index)
        sizes.append((points.width() / POINTS_PER_MM, points.height() / POINTS_PER_MM))
    for size in sizes[1:]:
        if not same_size(sizes[0], size, tolerance_mm):
            raise MixedSizeError(f"{sizes[0]} then {size}")
    return sizes[0]


def render_page(document: QPdfDocument, index: int, dpi: float) -> QImage:
    """Page ``index`` as an image at ``dpi`` (white background, exact pixel size of the page)."""
    points = document.pagePointSize(index)
    pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
    image = document.render(index, pixels)
    if image.hasAlphaChannel():  # transparent background would print as black on some drivers
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(0xFFFFFF)
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        return flat
    return image


def configure(printer: QPrinter, size_mm: tuple[float, float]) -> None:
    """Exact custom page size, no margins, full page: what :func:`print_pdf` prints onto."""
    printer.setFullPage(True)
    if not printer.setPageLayout(page_layout(size_mm)):
        raise SubmitError(f"printer refused the page layout {size_mm}", problem=Problem("print.size_refused"))


def pdf_file_printer(output: Path, size_mm: tuple[float, float], dpi: int = 300) -> QPrinter:
    """A QPrinter that writes a PDF file (for tests and previews)."""
    _require_app()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(output))
    printer.setResolution(dpi)
    configure(printer, size_mm)
    return printer


def queue_printer(queue: str, size_mm: tuple[float, float], dpi: int | None = None) -> QPrinter:
    """A QPrinter on the system queue ``queue`` (through CUPS on Linux) at its own resolution."""
    _require_app()
    info = QPrinterInfo.printerInfo(queue)
    if info.isNull():
        raise QueueMissingError(f"Qt sees no printer {queue!r}", params={"printer": queue})
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    if dpi is None:
        try:
            dpi = queue_resolution(queue)  # the driver's own default (203 or 300 dpi on label printers)
        except CupsUnavailableError:  # no CUPS tools (Windows): keep the driver's resolution as Qt reports it
            dpi = None
    if dpi is not None:
        printer.setResolution(dpi)
    configure(printer, size_mm)
    return printer


def print_pdf(pdf: Path, printer: QPrinter, *, title: str | None = None) -> int:
    """Print every page of ``pdf`` onto ``printer`` 1:1; the number of pages printed.

    The printer must already have the PDF's page size (:func:`configure`); a PDF of another size or of
    mixed sizes is refused before anything is sent.
    """
    document = load_pdf(Path(pdf))
    try:
        size = document_size_mm(document)
        layout = printer.pageLayout()
        full = layout.fullRect(QPageLayout.Unit.Millimeter)
        if not same_size(size, (full.width(), full.height())):
            raise MixedSizeError(
                f"pages {size} mm, printer page {full.width():.1f}x{full.height():.1f} mm",
                problem=Problem("print.size_not_set"),
            )
        if title:
            printer.setDocName(title)
        dpi = min(printer.resolution(), MAX_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError("QPainter.begin failed", problem=Problem("print.printer_unopenable"))
        try:
            target = QRectF(layout.fullRectPixels(printer.resolution()))
            for index in range(document.pageCount()):
                if index and not printer.newPage():
                    raise PrintError("QPrinter.newPage failed")
                painter.drawImage(target, render_page(document, index, dpi))
        finally:
            painter.end()
        return document.pageCount()
    finally:
        document.close()


def print_pdf_to_queue(
    pdf: Path,
    queue: str,
    size: PdfSize | tuple[float, float] | None = None,
    *,
    title: str | None = None,
    dpi: int | None = None,
) -> int:
    """Check the CUPS queue, then print ``pdf`` through Qt at the PDF's own size; pages printed."""
    check_queue(queue)
    document = load_pdf(Path(pdf))
    try:
        actual = document_size_mm(document)
    finally:
        document.close()
    wanted = size.millimetres if isinstance(size, PdfSize) else size
    if wanted is not None and not same_size(actual, wanted):
        raise MixedSizeError(f"pages {actual} mm, asked {wanted} mm", problem=Problem("print.size_not_chosen"))
    printer = queue_printer(queue, wanted or actual, dpi)
    return print_pdf(Path(pdf), printer, title=title)
