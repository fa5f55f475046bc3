"""Sending a label PDF to a printer: the one function the window calls.

For now it renders each page with QtPdf at the printer's resolution onto a ``QPrinter`` whose page
is the PDF page's size in millimetres, with zero margins and no fit-to-page. It can later call the
printing package (``station.printing``) instead, without the window changing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from station.lazada.errors import StationApiError

POINTS_PER_MM = 72 / 25.4
MAX_DPI = 600


class PrinterError(StationApiError):
    operator_message = "The labels could not be sent to the printer. Check that it is on and connected."


def printer_names() -> list[str]:
    return list(QPrinterInfo.availablePrinterNames())


def _printer(name: str | None, output_pdf: Path | None) -> QPrinter:
    if output_pdf is not None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output_pdf))
        printer.setResolution(300)
        return printer
    info = QPrinterInfo.printerInfo(name or "")
    if not name or info.isNull():
        raise PrinterError(f"no printer {name!r}", operator_message=(
            "No printer is set for this paper size, or it is not connected. Choose one in Settings."))
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def send_to_printer(pdf: Path, printer_name: str | None, *, output_pdf: Path | None = None) -> int:
    """Print every page of ``pdf`` 1:1 on ``printer_name`` (or into ``output_pdf``); pages printed."""
    document = QPdfDocument()
    try:
        if document.load(str(pdf)) != QPdfDocument.Error.None_ or document.pageCount() == 0:
            raise PrinterError(f"{pdf.name}: QtPdf could not open it",
                               operator_message="The label file could not be opened. Nothing was printed.")
        points = document.pagePointSize(0)
        width_mm, height_mm = points.width() / POINTS_PER_MM, points.height() / POINTS_PER_MM
        printer = _printer(printer_name, output_pdf)
        printer.setFullPage(True)
        page_size = QPageSize(QSizeF(width_mm, height_mm), QPageSize.Unit.Millimeter,
                              f"{width_mm:.0f}x{height_mm:.0f}mm", QPageSize.SizeMatchPolicy.ExactMatch)
        layout = QPageLayout(page_size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
                             QPageLayout.Unit.Millimeter)
        if not printer.setPageLayout(layout):
            raise PrinterError("page layout refused", operator_message=(
                "The printer does not accept this label size. Check its paper settings. Nothing was printed."))
        printer.setDocName(pdf.stem)
        dpi = min(printer.resolution(), MAX_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrinterError("QPainter.begin failed")
        try:
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            for index in range(document.pageCount()):
                if index:
                    printer.newPage()
                size = document.pagePointSize(index)
                image = document.render(index, QSize(round(size.width() / 72 * dpi), round(size.height() / 72 * dpi)))
                if image.hasAlphaChannel():
                    flat = QImage(image.size(), QImage.Format.Format_RGB32)
                    flat.fill(0xFFFFFF)
                    flat_painter = QPainter(flat)
                    flat_painter.drawImage(0, 0, image)
                    flat_painter.end()
                    image = flat
                painter.drawImage(target, image)
        finally:
            painter.end()
        return document.pageCount()
    finally:
        document.close()
