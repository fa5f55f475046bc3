"""Every preference of the station, declared once: its key, type, default and environment override.

The preferences live in one QSettings INI file (:func:`open_settings`), under the keys below; an
admin can read and edit it. A key with ``{profile}`` or ``{size}`` in it is one entry per seller
profile or per paper size (``printers/{size}`` is ``printers/LABEL_100X150``). A preference with
an ``env`` is overridden by that environment variable when it is set and not blank; one that is
not ``stored`` is read from the environment only (nothing is written for it in the file).

Read and write them through :class:`Preferences`; :class:`station.settings.Settings`,
:class:`station.ui.ui_settings.UiSettings` and :class:`station.printing.spooler.PrinterSettings`
are typed views over it. Secrets never come here: they live in the keyring
(:mod:`station.credentials`).
"""

from __future__ import annotations

import enum
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

from station.lazada.models import PdfSize
from station.lazada.pickups import PickupLabelSize
from station.scan_input import SCAN_MAX_GAP_MS, Terminator
from station.voice_mode import VoiceMode

log = logging.getLogger(__name__)

ORGANISATION = "Station"
APPLICATION = "Station"

T = TypeVar("T")

_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


def open_settings() -> QSettings:
    # INI everywhere, so that the settings are a file an admin can read, on every system alike.
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


class BadValue(ValueError):
    """A stored or environment value that is not of the preference's type (the default is used)."""


@dataclass(frozen=True)
class Preference(Generic[T]):
    """One preference: where it is kept, what it holds, and what overrides it."""

    key: str  # the QSettings key ("section/name"), with {profile} or {size} where there is one per each
    type: type[T]  # str, bool, int, float, bytes or an Enum
    default: T
    doc: str
    env: str | None = None  # the environment variable that overrides it, if any
    stored: bool = True  # False: from the environment only, never kept in the file
    choices: tuple[T, ...] = ()  # a value outside these is not taken (strings compared case-blind)
    limits: tuple[float, float] | None = None  # numbers are held within [low, high]

    def key_for(self, **parts: str) -> str:
        """The key of this preference for a profile or a size: ``key_for(profile="shop-b")``."""
        return self.key.format(**parts) if parts else self.key

    def parse(self, raw: object) -> T:
        """``raw`` (what QSettings or the environment gave) as this preference's type; :class:`BadValue` if not."""
        kind: type[Any] = self.type
        if kind is bytes:
            if isinstance(raw, QByteArray):
                return cast(T, bytes(raw.data()))
            if isinstance(raw, bytes | bytearray):
                return cast(T, bytes(raw))
            raise BadValue(f"{self.key}: not bytes: {raw!r}")
        if isinstance(raw, list | tuple):  # an INI line with an unquoted comma reads back as a list
            raw = ",".join(str(part) for part in raw)
        if kind is bool:
            if isinstance(raw, bool):
                return cast(T, raw)
            text = str(raw).strip().lower()
            if text in _TRUE or text in _FALSE:
                return cast(T, text in _TRUE)
            raise BadValue(f"{self.key}: not true or false: {raw!r}")
        if kind is int or kind is float:
            text = str(raw).strip()
            if not text:
                return self.default
            try:
                number = kind(text)
            except ValueError:
                raise BadValue(f"{self.key}: not a number: {raw!r}") from None
            if self.limits is not None:
                number = kind(min(max(number, self.limits[0]), self.limits[1]))
            return cast(T, number)
        if issubclass(kind, enum.Enum):
            text = str(raw.value if isinstance(raw, enum.Enum) else raw).strip()
            for member in kind:
                if member.value == text:
                    return cast(T, member)
            raise BadValue(f"{self.key}: not one of {[m.value for m in kind]}: {raw!r}")
        text = str(raw)
        if self.choices:
            text = text.strip().lower()
            if text not in self.choices:
                raise BadValue(f"{self.key}: not one of {list(self.choices)}: {raw!r}")
        return cast(T, text)

    def to_stored(self, value: T) -> object:
        """``value`` as it is written to the file (the form the station has always written)."""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, enum.Enum):
            return value.value
        if isinstance(value, bytes):
            return QByteArray(value)
        return value


def _profile(key: str, default: str, doc: str) -> Preference[str]:
    return Preference(f"profile.{{profile}}/{key}", str, default, doc)


# ---------------------------------------------------------------------- the registry
ACTIVE_PROFILE = Preference("profiles/active", str, "default", "The seller profile the station works for.")
PROFILE_NAMES = Preference("profiles/names", str, "", "Every seller profile, comma-separated.")
CONFIGURED = Preference(
    "profile.{profile}/configured",
    bool,
    False,
    "The profile's credentials were saved once (the first-run dialog is not shown again).",
)
PICKUP_AREA_CODE = _profile(
    "pickup_area_code", "", "Pickup contact: area code (CN, VN, TH, PH, ID, MY); blank means no contact is set."
)
PICKUP_ADDRESS_ID = Preference("profile.{profile}/pickup_address_id", int, 0, "Pickup contact: the division id.")
PICKUP_ADDRESS_DETAIL = _profile("pickup_address_detail", "", "Pickup contact: the street address.")
PICKUP_MOBILE_PHONE = _profile("pickup_mobile_phone", "", "Pickup contact: the phone.")
PICKUP_NAME = _profile("pickup_name", "", "Pickup contact: the name.")
PICKUP_DATE = _profile("pickup_estimated_pickup_date", "", "Pickup contact: the pickup date (China only).")

PRINTER = Preference(
    "printers/{size}",
    str,
    "",
    "The printer (CUPS queue or Qt name) for a paper size, by "
    "PdfSize name (A4, LABEL_60X30, LABEL_100X150) or pickup label "
    "size name (LABEL_100X100: carton labels; their A4 "
    "goes to the A4 printer).",
)
PRINT_BACKEND = Preference(
    "printers/backend",
    str,
    "auto",
    "auto (CUPS on Linux and macOS, Qt on Windows), cups or qt.",
    choices=("auto", "cups", "qt"),
)
PRINT_SIZE = Preference("print/size", PdfSize, PdfSize.LABEL_100X150, "The paper size chosen in the Print tab.")
PRINT_ORDER = Preference("print/order", bool, False, "Print tab: the PO sheet.")
PRINT_BARCODE = Preference("print/barcode", bool, True, "Print tab: the product barcodes.")
CARTON_BOXES = Preference(
    "cartons/boxes",
    int,
    1,
    "Carton labels: the number of cartons offered first (the bench's default; the dialog remembers the last used).",
    limits=(1, 100),
)
CARTON_SIZE = Preference(
    "cartons/size",
    PickupLabelSize,
    PickupLabelSize.LABEL_100X100,
    "Carton labels: PICKUP_1010 (100x100 mm) or PICKUP_A4.",
)

SOUNDS = Preference(
    "ui/sounds", bool, True, "Success and failure sounds; off: no sound at all, spoken prompts neither."
)
VOICE_MODE = Preference(
    "ui/voice",
    VoiceMode,
    VoiceMode.VOICE,
    "Spoken prompts (when sounds are on): voice (tone then words), sounds (the tone only) or silent.",
)
LANGUAGE = Preference("ui/language", str, "", "The window's language (en, zh_CN); blank: the system's.")
PO_COLUMNS = Preference("ui/po_columns", bytes, b"", "The PO table's column widths (Qt's header state).")
VERIFY_MODE = Preference(
    "bench.{bench}/verify", bool, False, "Pack verification: a scanned PO opens its verification (per bench)."
)
VERIFY_SHIP = Preference(
    "bench.{bench}/verify_ship", bool, False, "Pack verification: a verified PO is shipped too, not only printed."
)
VERIFY_OPERATOR = Preference(
    "bench.{bench}/operator", str, "", "The operator signed in at this bench (recorded with every verification step)."
)

SCANNER_TERMINATOR = Preference(
    "scanner/terminator",
    Terminator,
    Terminator.ENTER,
    "What the scanner sends after a code: enter, tab or none (a pause).",
)
SCANNER_PREFIX = Preference("scanner/prefix", str, "", "What the scanner sends before a code, taken off.")
SCANNER_MAX_GAP_MS = Preference(
    "scanner/max_gap_ms",
    int,
    SCAN_MAX_GAP_MS,
    "Keys closer together than this (ms) may come from a scanner.",
    limits=(10, 200),
)

JOURNAL_URL = Preference(
    "journal/url",
    str,
    "",
    "A postgresql://user@host:port/db journal shared by the "
    "warehouse's benches (its password in the keyring); blank: this "
    "bench's own file.",
    env="STATION_JOURNAL",
)
BENCH = Preference(
    "journal/bench",
    str,
    "",
    "This bench's name in a shared journal; blank: the host name (read by station.journal).",
    env="STATION_BENCH",
    stored=False,
)
CLAIM_TTL = Preference(
    "journal/claim_ttl",
    float,
    60.0,
    "How long (s) a claim in a shared journal lives without being renewed (read by station.journal).",
    env="STATION_CLAIM_TTL",
    stored=False,
    limits=(1.0, 86_400.0),
)
SHOP_CALLS_PER_SECOND = Preference(
    "journal/shop_calls_per_second",
    float,
    40.0,
    "The calls per second all benches of one shop on a journal share between them (split among the "
    "benches alive; the lowest any bench has set is used). The platform publishes no figure.",
    env="STATION_SHOP_CALLS_PER_SECOND",
    limits=(0.5, 1000.0),
)
RESOURCES = Preference(
    "app/resources",
    str,
    "",
    "The folder of icons, sounds and translations; blank: resources/ beside the code.",
    env="STATION_RESOURCES",
    stored=False,
)

PREFERENCES: tuple[Preference[Any], ...] = (
    ACTIVE_PROFILE,
    PROFILE_NAMES,
    CONFIGURED,
    PICKUP_AREA_CODE,
    PICKUP_ADDRESS_ID,
    PICKUP_ADDRESS_DETAIL,
    PICKUP_MOBILE_PHONE,
    PICKUP_NAME,
    PICKUP_DATE,
    PRINTER,
    PRINT_BACKEND,
    PRINT_SIZE,
    PRINT_ORDER,
    PRINT_BARCODE,
    CARTON_BOXES,
    CARTON_SIZE,
    SOUNDS,
    VOICE_MODE,
    LANGUAGE,
    PO_COLUMNS,
    VERIFY_MODE,
    VERIFY_SHIP,
    VERIFY_OPERATOR,
    SCANNER_TERMINATOR,
    SCANNER_PREFIX,
    SCANNER_MAX_GAP_MS,
    JOURNAL_URL,
    BENCH,
    CLAIM_TTL,
    SHOP_CALLS_PER_SECOND,
    RESOURCES,
)


def from_environment(pref: Preference[T], environ: Mapping[str, str] | None = None) -> T | None:
    """The value ``pref``'s environment variable gives, or None when it is unset, blank or not of its type."""
    if pref.env is None:
        return None
    raw = (os.environ if environ is None else environ).get(pref.env, "")
    if not raw.strip():
        return None
    try:
        return pref.parse(raw.strip())
    except BadValue as exc:
        log.warning("%s is ignored: %s", pref.env, exc)
        return None


class Preferences:
    """The registry's preferences in one QSettings (INI): typed reads, the environment winning."""

    def __init__(self, q: QSettings | None = None, environ: Mapping[str, str] | None = None) -> None:
        self.q = q if q is not None else open_settings()
        self.environ = environ  # None: os.environ at each read

    def get(self, pref: Preference[T], **parts: str) -> T:
        """The value in force: the environment's when it overrides, else the file's, else the default."""
        overriding = from_environment(pref, self.environ)
        return overriding if overriding is not None else self.stored(pref, **parts)

    def stored(self, pref: Preference[T], **parts: str) -> T:
        """The value in the file (what Settings shows and saves), else the default; never the environment's."""
        if not pref.stored:
            return pref.default
        raw = self.q.value(pref.key_for(**parts))
        if raw is None:
            return pref.default
        try:
            return pref.parse(raw)
        except BadValue as exc:
            log.warning("setting ignored, default used: %s", exc)
            return pref.default

    def overridden(self, pref: Preference[Any]) -> bool:
        """True when ``pref``'s environment variable decides its value now."""
        return from_environment(pref, self.environ) is not None

    def set(self, pref: Preference[T], value: T, **parts: str) -> None:
        if not pref.stored:
            raise ValueError(f"{pref.key} comes from the environment ({pref.env}) and is not kept in the settings")
        checked = pref.parse(value) if pref.choices or pref.limits else value
        self.q.setValue(pref.key_for(**parts), pref.to_stored(checked))

    def sync(self) -> None:
        self.q.sync()
