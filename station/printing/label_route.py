"""Which path a paper size's printer takes, and how a raw label printer is driven: remembered per size.

The owner sets one printer per paper size (``printers/<SIZE>``, the CUPS queue or Windows printer).
Its *route* says how the station feeds it:

- ``pdf``: the PDF through CUPS or the system driver (what the station has always done);
- ``cups_raw``: ZPL/TSPL to a CUPS queue set up raw (no driver: the bytes go to the printer as they are);
- ``socket``: ZPL/TSPL straight to a network printer's port (9100), at ``address``;
- ``windows_raw``: ZPL/TSPL through the Windows spooler in RAW mode (the printer's own name).

The route is kept per paper size, not per printer name: a label printer holds one stock at a time, so
the size's slot is the printer as the owner set it up, and a socket printer has no queue name to key by.
Kept in QSettings under ``label_printers/<SIZE>/...``; a value that does not parse falls back to the
default, with a warning in the log, never a crash at start.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, fields, replace
from enum import Enum

from PySide6.QtCore import QSettings

from station.printing.label_settings import DEFAULT_PORT, LabelPrinterSettings, Language, MediaSensing
from station.printing.raster import Rotation

log = logging.getLogger(__name__)

GROUP = "label_printers"


class PrintPath(str, Enum):
    PDF = "pdf"
    CUPS_RAW = "cups_raw"
    SOCKET = "socket"
    WINDOWS_RAW = "windows_raw"

    @property
    def is_raw(self) -> bool:
        return self is not PrintPath.PDF


@dataclass(frozen=True)
class PrinterRoute:
    """How the printer of one paper size is fed; ``label`` matters only on a raw path."""

    path: PrintPath = PrintPath.PDF
    address: str = ""  # socket only: "host" or "host:port"
    label: LabelPrinterSettings = field(default_factory=LabelPrinterSettings)

    def host_port(self) -> tuple[str, int]:
        """The socket printer's host and port (9100 unless the address says otherwise)."""
        host, _, port = self.address.strip().rpartition(":")
        if not host:  # no colon: the address is the host alone
            return self.address.strip(), DEFAULT_PORT
        if not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError(f"not a printer address: {self.address!r} (host or host:port)")
        return host, int(port)


def _key(size: str, name: str) -> str:
    return f"{GROUP}/{size}/{name}"


def load_route(q: QSettings, size: str) -> PrinterRoute:
    """The route stored for the paper size named ``size`` (a ``PdfSize``/``PickupLabelSize`` name)."""
    if q.value(_key(size, "path")) is None:
        return PrinterRoute()
    try:
        path = PrintPath(str(q.value(_key(size, "path"))))
        stored = {f.name: q.value(_key(size, f.name)) for f in fields(LabelPrinterSettings)}
        label = _label_from(stored)
        return PrinterRoute(path, str(q.value(_key(size, "address"), "")), label)
    except ValueError as exc:
        log.warning("label printer setting for %s not used (%s); the PDF path is taken", size, exc)
        return PrinterRoute()


def save_route(q: QSettings, size: str, route: PrinterRoute) -> None:
    q.setValue(_key(size, "path"), route.path.value)
    q.setValue(_key(size, "address"), route.address)
    label = route.label
    for f in fields(LabelPrinterSettings):
        value = getattr(label, f.name)
        if value is None:
            q.remove(_key(size, f.name))
        elif isinstance(value, Enum):
            q.setValue(_key(size, f.name), value.value)
        elif isinstance(value, tuple):
            q.setValue(_key(size, f.name), "x".join(f"{v:g}" for v in value))
        elif isinstance(value, bool):
            q.setValue(_key(size, f.name), "true" if value else "false")
        else:
            q.setValue(_key(size, f.name), value)


def _label_from(stored: dict[str, object]) -> LabelPrinterSettings:
    label = LabelPrinterSettings()
    changes: dict[str, object] = {}
    for name, raw in stored.items():
        if raw is None or raw == "":
            continue
        text = str(raw).strip()
        if name == "language":
            changes[name] = Language(text)
        elif name == "media":
            changes[name] = MediaSensing(text)
        elif name == "rotation":
            changes[name] = Rotation(int(text))
        elif name == "size_mm":
            width, _, length = text.partition("x")
            changes[name] = (float(width), float(length))
        elif name == "upside_down":
            changes[name] = text.lower() in ("true", "1", "yes")
        elif name == "gap_mm":
            changes[name] = float(text)
        else:  # dpi, darkness, speed, offsets: whole numbers
            changes[name] = int(text)
    return replace(label, **changes)  # type: ignore[arg-type]  # validated by __post_init__
