"""The window's typed preferences, composed over :class:`station.settings.Settings` (QSettings INI).

Secrets never come here; they go to the keyring through :class:`station.credentials.CredentialStore`.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from station.lazada.models import PdfSize
from station.printing.spooler import PrinterSettings
from station.settings import Settings
from station.ui.scan_input import SCAN_MAX_GAP_MS, ScannerConfig, Terminator


def _bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "on")


class UiSettings:
    def __init__(self, settings: Settings | None = None) -> None:
        self.base = settings or Settings()

    @property
    def q(self) -> QSettings:
        return self.base.q

    # profiles
    @property
    def profiles(self) -> list[str]:
        raw = str(self.q.value("profiles/names", "") or "")
        names = [n for n in (part.strip() for part in raw.split(",")) if n]
        active = self.base.active_profile
        return names if active in names else [*names, active]

    def add_profile(self, name: str) -> None:
        names = [n for n in self.profiles if n != name] + [name]
        self.q.setValue("profiles/names", ",".join(names))

    @property
    def active_profile(self) -> str:
        return self.base.active_profile

    @active_profile.setter
    def active_profile(self, name: str) -> None:
        self.add_profile(name)
        self.base.active_profile = name

    @property
    def configured(self) -> bool:
        return _bool(self.q.value(f"profile.{self.active_profile}/configured"), False)

    def set_configured(self, profile: str) -> None:
        self.q.setValue(f"profile.{profile}/configured", "true")

    # printers, one per paper size, and the print backend (kept by station.printing, shared with the CLI)
    @property
    def printing(self) -> PrinterSettings:
        return PrinterSettings(self.q)

    def printer(self, size: PdfSize) -> str:
        return self.printing.printer(size)

    def set_printer(self, size: PdfSize, name: str) -> None:
        self.printing.set_printer(size, name)

    @property
    def print_backend(self) -> str:
        """``auto`` (CUPS on Linux/macOS, Qt on Windows), ``cups`` or ``qt``."""
        return self.printing.backend

    @print_backend.setter
    def print_backend(self, name: str) -> None:
        self.printing.backend = name

    # print choices
    @property
    def print_size(self) -> PdfSize:
        value = str(self.q.value("print/size", PdfSize.LABEL_100X150.value))
        return PdfSize(value) if value in {s.value for s in PdfSize} else PdfSize.LABEL_100X150

    @print_size.setter
    def print_size(self, size: PdfSize) -> None:
        self.q.setValue("print/size", size.value)

    @property
    def print_order(self) -> bool:
        return _bool(self.q.value("print/order"), False)

    @print_order.setter
    def print_order(self, on: bool) -> None:
        self.q.setValue("print/order", "true" if on else "false")

    @property
    def print_barcode(self) -> bool:
        return _bool(self.q.value("print/barcode"), True)

    @print_barcode.setter
    def print_barcode(self, on: bool) -> None:
        self.q.setValue("print/barcode", "true" if on else "false")

    # the rest
    @property
    def sounds(self) -> bool:
        return _bool(self.q.value("ui/sounds"), True)

    @sounds.setter
    def sounds(self, on: bool) -> None:
        self.q.setValue("ui/sounds", "true" if on else "false")

    @property
    def scanner(self) -> ScannerConfig:
        """How the bench's scanner ends its codes and what it sends before them."""
        raw = str(self.q.value("scanner/terminator", Terminator.ENTER.value))
        terminator = Terminator(raw) if raw in {t.value for t in Terminator} else Terminator.ENTER
        try:
            gap = min(max(int(str(self.q.value("scanner/max_gap_ms", SCAN_MAX_GAP_MS))), 10), 200)
        except ValueError:
            gap = SCAN_MAX_GAP_MS
        return ScannerConfig(terminator=terminator, prefix=str(self.q.value("scanner/prefix", "") or ""),
                             max_gap_ms=gap)

    @scanner.setter
    def scanner(self, config: ScannerConfig) -> None:
        self.q.setValue("scanner/terminator", config.terminator.value)
        self.q.setValue("scanner/prefix", config.prefix)
        self.q.setValue("scanner/max_gap_ms", config.max_gap_ms)

    @property
    def po_columns(self) -> bytes:
        """The PO table's column widths as the operator left them (Qt's header state), or b""."""
        value = self.q.value("ui/po_columns", b"")
        return bytes(value.data()) if isinstance(value, QByteArray) else b""

    @po_columns.setter
    def po_columns(self, state: bytes) -> None:
        self.q.setValue("ui/po_columns", QByteArray(state))

    @property
    def language(self) -> str:
        return str(self.q.value("ui/language", "") or "")

    @language.setter
    def language(self, code: str) -> None:
        self.q.setValue("ui/language", code)

    @property
    def journal_url(self) -> str:
        """A ``postgresql://user@host:port/db`` journal shared by the warehouse's benches, or "" (this
        bench's own file). Never holds a password: that is in the keyring (``journal:<host>``)."""
        return str(self.q.value("journal/url", "") or "")

    @journal_url.setter
    def journal_url(self, url: str) -> None:
        self.q.setValue("journal/url", url)

    def sync(self) -> None:
        self.q.sync()
