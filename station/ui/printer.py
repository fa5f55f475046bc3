"""Sending a label PDF to a printer from the window: thin wrappers over :mod:`station.printing`.

The printing package does the work (exact page size, no margins, no fit-to-page; the printer checked
before anything is sent). The print panel goes through :class:`station.printing.spooler.PrintService`
so that every job is recorded; :func:`send_to_printer` is the direct, unrecorded path.
"""

from __future__ import annotations

from pathlib import Path

from station.printing import qt_backend
from station.printing.cups import PrintError, job_size, pdf_page_sizes
from station.printing.spooler import make_backend
from station.printing.spooler import printer_names as _printer_names
from station.problems import Problem

MAX_DPI = qt_backend.MAX_DPI


class PrinterError(PrintError):
    kind = "print.failed_check"


def printer_names(backend: str = "auto") -> list[str]:
    """The printers to choose from: CUPS queues and ``QPrinterInfo.availablePrinters()``."""
    return _printer_names(backend)


def send_to_printer(
    pdf: Path, printer_name: str | None, *, output_pdf: Path | None = None, backend: str = "auto"
) -> int:
    """Print every page of ``pdf`` 1:1 on ``printer_name`` (or into ``output_pdf``); pages printed.

    Raises a :class:`PrintError` (missing, paused, rejecting printer; wrong or mixed sizes) before
    anything is sent.
    """
    pdf = Path(pdf)
    if output_pdf is not None:
        document = qt_backend.load_pdf(pdf)
        try:
            size = qt_backend.document_size_mm(document)
        finally:
            document.close()
        return qt_backend.print_pdf(pdf, qt_backend.pdf_file_printer(Path(output_pdf), size), title=pdf.stem)
    if not printer_name:
        raise PrinterError("no printer set", problem=Problem("print.no_printer_or_offline"))
    chosen = make_backend(backend)
    chosen.check(printer_name)
    size_mm = job_size(pdf)
    sent = chosen.send(printer_name, pdf, size_mm, pdf.stem)
    return sent.pages if sent.pages is not None else len(pdf_page_sizes(pdf))
