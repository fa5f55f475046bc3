"""Numbered 100x150 labels (one Code 128 PO number a page) and reading them back off the virtual printer."""

from __future__ import annotations

from pathlib import Path

from station.lazada.models import PdfSize
from station.printing.label_route import PrinterRoute, PrintPath
from station.printing.label_settings import LabelPrinterSettings, Language
from station.printing.pdfgen import render_pdf
from station.printing.print_items import PrintPO
from station.printing.spooler import FixedPrinters
from station.simulator.label_printer import VirtualLabelPrinter
from tests.printing.dots import decode

PRINTER = "Bench label printer"


def numbered_labels(folder: Path, count: int) -> tuple[Path, list[str]]:
    """``count`` 100x150 mm labels, each with its own PO number in Code 128; (file, the numbers in order)."""
    numbers = [f"POJ2611{n:06d}" for n in range(1, count + 1)]
    pos = [PrintPO(number, "Demo store", "S1", "1 Dock Road", ()) for number in numbers]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"labels-{count}.pdf"
    path.write_bytes(render_pdf(PdfSize.LABEL_100X150.value, pos, print_order=True, print_barcode=False))
    return path, numbers


def socket_route(printer: VirtualLabelPrinter, language: Language = Language.ZPL) -> PrinterRoute:
    return PrinterRoute(PrintPath.SOCKET, f"127.0.0.1:{printer.port}", LabelPrinterSettings(language))


def raw_settings(route: PrinterRoute, printer: str = PRINTER) -> FixedPrinters:
    return FixedPrinters({PdfSize.LABEL_100X150: printer}, routes={PdfSize.LABEL_100X150.name: route})


def printed_numbers(printer: VirtualLabelPrinter) -> list[str]:
    """The PO number read off each label that came out, in order; every label 100x150 mm at 203 dpi."""
    read = []
    for label in printer.labels:
        assert abs(label.page.width - 799) <= 2 and abs(label.page.height - 1199) <= 2, label.page.width
        found = decode(label.page)
        assert len(found) == 1, found
        read += found
    return read
