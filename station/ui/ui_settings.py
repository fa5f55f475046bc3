"""The window's typed preferences, over :class:`station.settings.Settings` and the registry
(:mod:`station.preferences`, QSettings INI).

Secrets never come here; they go to the keyring through :class:`station.credentials.CredentialStore`.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from station import preferences as p
from station.lazada.models import PdfSize
from station.lazada.pickups import PickupLabelSize
from station.preferences import Preferences
from station.printing.label_route import PrinterRoute, load_route, save_route
from station.printing.spooler import PrinterSettings
from station.scan_input import ScannerConfig
from station.settings import Settings
from station.voice_mode import VoiceMode


class _RoutesOverlaid(PrinterSettings):
    """The printers as set, with some paper sizes' routes given in memory (the demo's virtual printer)."""

    def __init__(self, q: QSettings, overrides: dict[str, PrinterRoute]) -> None:
        super().__init__(q)
        self.overrides = overrides

    def route(self, size: str) -> PrinterRoute:
        return self.overrides[size] if size in self.overrides else load_route(self.q, size)


class UiSettings:
    def __init__(self, settings: Settings | None = None) -> None:
        self.base = settings or Settings()
        # Routes that live in memory only, never in the settings file: the demo's printer for a size.
        self.route_overrides: dict[str, PrinterRoute] = {}

    @property
    def q(self) -> QSettings:
        return self.base.q

    @property
    def prefs(self) -> Preferences:
        return self.base.prefs

    # profiles
    @property
    def profiles(self) -> list[str]:
        raw = self.prefs.get(p.PROFILE_NAMES)
        names = [n for n in (part.strip() for part in raw.split(",")) if n]
        active = self.base.active_profile
        return names if active in names else [*names, active]

    def add_profile(self, name: str) -> None:
        names = [n for n in self.profiles if n != name] + [name]
        self.prefs.set(p.PROFILE_NAMES, ",".join(names))

    @property
    def active_profile(self) -> str:
        return self.base.active_profile

    @active_profile.setter
    def active_profile(self, name: str) -> None:
        self.add_profile(name)
        self.base.active_profile = name

    @property
    def configured(self) -> bool:
        return self.prefs.get(p.CONFIGURED, profile=self.active_profile)

    def set_configured(self, profile: str) -> None:
        self.prefs.set(p.CONFIGURED, True, profile=profile)

    # printers, one per paper size, and the print backend (kept by station.printing, shared with the CLI)
    @property
    def printing(self) -> PrinterSettings:
        return _RoutesOverlaid(self.q, self.route_overrides) if self.route_overrides else PrinterSettings(self.q)

    def route(self, size: str) -> PrinterRoute:
        """How the printer of paper size ``size`` (``LABEL_100X150``...) is fed (``printing.label_route``)."""
        return self.route_overrides[size] if size in self.route_overrides else load_route(self.q, size)

    def set_route(self, size: str, route: PrinterRoute) -> None:
        """Remember the route; a size the demo routes in memory stays in memory (the file is a shop's)."""
        if size in self.route_overrides:
            self.route_overrides[size] = route
        else:
            save_route(self.q, size, route)

    def printer(self, size: PdfSize) -> str:
        return self.printing.printer(size)

    def set_printer(self, size: PdfSize, name: str) -> None:
        self.printing.set_printer(size, name)

    def carton_printer(self, size: PickupLabelSize) -> str:
        return self.printing.carton_printer(size)

    def set_carton_printer(self, size: PickupLabelSize, name: str) -> None:
        self.printing.set_carton_printer(size, name)

    # carton labels: the bench's default number of cartons and the size last chosen
    @property
    def carton_boxes(self) -> int:
        return self.prefs.get(p.CARTON_BOXES)

    @carton_boxes.setter
    def carton_boxes(self, boxes: int) -> None:
        self.prefs.set(p.CARTON_BOXES, boxes)

    @property
    def carton_size(self) -> PickupLabelSize:
        return self.prefs.get(p.CARTON_SIZE)

    @carton_size.setter
    def carton_size(self, size: PickupLabelSize) -> None:
        self.prefs.set(p.CARTON_SIZE, size)

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
        return self.prefs.get(p.PRINT_SIZE)

    @print_size.setter
    def print_size(self, size: PdfSize) -> None:
        self.prefs.set(p.PRINT_SIZE, size)

    @property
    def print_order(self) -> bool:
        return self.prefs.get(p.PRINT_ORDER)

    @print_order.setter
    def print_order(self, on: bool) -> None:
        self.prefs.set(p.PRINT_ORDER, on)

    @property
    def print_barcode(self) -> bool:
        return self.prefs.get(p.PRINT_BARCODE)

    @print_barcode.setter
    def print_barcode(self, on: bool) -> None:
        self.prefs.set(p.PRINT_BARCODE, on)

    # the rest
    @property
    def sounds(self) -> bool:
        return self.prefs.get(p.SOUNDS)

    @sounds.setter
    def sounds(self, on: bool) -> None:
        self.prefs.set(p.SOUNDS, on)

    @property
    def voice_mode(self) -> VoiceMode:
        """What a spoken prompt plays while sounds are on: the words, the tone only, or nothing."""
        return self.prefs.get(p.VOICE_MODE)

    @voice_mode.setter
    def voice_mode(self, mode: VoiceMode) -> None:
        self.prefs.set(p.VOICE_MODE, mode)

    @property
    def scanner(self) -> ScannerConfig:
        """How the bench's scanner ends its codes and what it sends before them."""
        return ScannerConfig(
            terminator=self.prefs.get(p.SCANNER_TERMINATOR),
            prefix=self.prefs.get(p.SCANNER_PREFIX),
            max_gap_ms=self.prefs.get(p.SCANNER_MAX_GAP_MS),
        )

    @scanner.setter
    def scanner(self, config: ScannerConfig) -> None:
        self.prefs.set(p.SCANNER_TERMINATOR, config.terminator)
        self.prefs.set(p.SCANNER_PREFIX, config.prefix)
        self.prefs.set(p.SCANNER_MAX_GAP_MS, config.max_gap_ms)

    @property
    def po_columns(self) -> bytes:
        """The PO table's column widths as the operator left them (Qt's header state), or b""."""
        return self.prefs.get(p.PO_COLUMNS)

    @po_columns.setter
    def po_columns(self, state: bytes) -> None:
        self.prefs.set(p.PO_COLUMNS, state)

    # pack verification, per bench (two benches may share one settings file on a shared account)
    def verify_mode(self, bench: str) -> bool:
        return self.prefs.get(p.VERIFY_MODE, bench=bench)

    def set_verify_mode(self, bench: str, on: bool) -> None:
        self.prefs.set(p.VERIFY_MODE, on, bench=bench)

    def verify_ship(self, bench: str) -> bool:
        return self.prefs.get(p.VERIFY_SHIP, bench=bench)

    def set_verify_ship(self, bench: str, on: bool) -> None:
        self.prefs.set(p.VERIFY_SHIP, on, bench=bench)

    def operator(self, bench: str) -> str:
        return self.prefs.get(p.VERIFY_OPERATOR, bench=bench)

    def set_operator(self, bench: str, name: str) -> None:
        self.prefs.set(p.VERIFY_OPERATOR, name, bench=bench)

    @property
    def language(self) -> str:
        return self.prefs.get(p.LANGUAGE)

    @language.setter
    def language(self, code: str) -> None:
        self.prefs.set(p.LANGUAGE, code)

    @property
    def journal_url(self) -> str:
        """The saved ``postgresql://user@host:port/db`` journal shared by the warehouse's benches, or ""
        (this bench's own file): what Settings shows and saves. Never holds a password: that is in the
        keyring (``journal:<host>``). :attr:`journal_target` is the one in force."""
        return self.prefs.stored(p.JOURNAL_URL)

    @journal_url.setter
    def journal_url(self, url: str) -> None:
        self.prefs.set(p.JOURNAL_URL, url)

    @property
    def journal_target(self) -> str:
        """The shared journal in force: ``STATION_JOURNAL`` when set, else the saved one, else ""."""
        return self.base.journal_target

    def sync(self) -> None:
        self.prefs.sync()
