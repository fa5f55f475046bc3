"""TSPL/TSPL2 (TSC, Xprinter, Gprinter...): the label set up once, then per page ``CLS``, ``BITMAP``, ``PRINT``.

``BITMAP x,y,width_bytes,height,mode,data`` takes raw bytes, most significant bit first, where a **0** bit
prints a dot (the opposite of ZPL); mode 0 overwrites. TSPL has no compression for it: a 100x150 mm label
at 203 dpi is ~117 KB on the wire.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from station.printing.label_settings import LabelPrinterSettings, MediaSensing
from station.printing.raster import MonoPage

_INVERT = bytes(255 - value for value in range(256))
STATUS_QUERY = b"\x1b!?"  # answered with one status byte (see ``raw_socket``)


def _mm(value: float) -> str:
    return f"{value:g} mm"


def setup(settings: LabelPrinterSettings) -> bytes:
    """The label stock and how to print it; sent once at the start of a job."""
    width, height = settings.size_mm
    commands = [f"SIZE {_mm(width)},{_mm(height)}"]
    if settings.media is MediaSensing.BLACK_MARK:
        commands.append(f"BLINE {_mm(settings.gap_mm)},0 mm")
    else:
        commands.append(f"GAP {_mm(settings.gap_mm)},0 mm")
    if settings.darkness is not None:
        commands.append(f"DENSITY {settings.darkness}")
    if settings.speed is not None:
        commands.append(f"SPEED {settings.speed}")
    commands.append(f"DIRECTION {1 if settings.upside_down else 0},0")
    commands.append("REFERENCE 0,0")
    return ("\r\n".join(commands) + "\r\n").encode("ascii")


def label(page: MonoPage, copies: int = 1) -> bytes:
    """Clear the image buffer, put ``page`` at 0,0, print it."""
    header = f"CLS\r\nBITMAP 0,0,{page.row_bytes},{page.height},0,".encode("ascii")
    count = "1" if copies == 1 else f"1,{copies}"
    return header + page.data.translate(_INVERT) + f"\r\nPRINT {count}\r\n".encode("ascii")


def encode(pages: Iterable[MonoPage], settings: LabelPrinterSettings) -> Iterator[bytes]:
    """The setup, then one ``CLS``/``BITMAP``/``PRINT`` per page, as the pages come."""
    yield setup(settings)
    for page in pages:
        yield label(page)
