"""The pure part of scanner input (no Qt): how a burst of characters becomes a scan, and what a
scanned code means.

A keyboard-wedge scanner types a code a few milliseconds per character, usually ending with
Enter (or Tab, or nothing: then the silence after the burst ends it). Everything here works on
the *text* the keys produced, never on key codes, so AZERTY and other layouts, the number row
and the keypad, Shift per capital and CapsLock all give the same code.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

SCAN_MAX_GAP_MS = 50  # keys closer together than this may come from a scanner
MIN_SCAN_LENGTH = 4  # shorter bursts are a person typing fast
# A 2D code holds a few thousand characters; anything longer is not a scanner.
MAX_SCAN_LENGTH = 16_384
IDLE_END_MS = 120  # with no terminator, this much silence after a fast burst ends the scan
GS = "\x1d"  # GS1's group separator (FNC1 inside a GS1-128 / DataMatrix code)

# An AIM symbology identifier: "]" + code letter + modifier character ("]C1" GS1-128, "]E0" EAN-13,
# "]d2" GS1 DataMatrix, "]Q3" GS1 QR). Scanners add it in front of the data when set to.
_SYMBOLOGY = re.compile(r"\][A-Za-z][0-9A-Za-z]")
_GS1_SYMBOLOGIES = {"]C1", "]e0", "]d2", "]Q3", "]J1"}


class Terminator(enum.Enum):
    """What the scanner sends after a code (its "suffix" setting)."""

    ENTER = "enter"
    TAB = "tab"
    NONE = "none"  # nothing: a pause ends the code


@dataclass(frozen=True)
class ScannerConfig:
    terminator: Terminator = Terminator.ENTER
    prefix: str = ""  # characters the scanner sends before every code (stripped), "" for none
    max_gap_ms: int = SCAN_MAX_GAP_MS
    idle_end_ms: int = IDLE_END_MS
    min_length: int = MIN_SCAN_LENGTH

    @property
    def max_gap(self) -> float:
        return self.max_gap_ms / 1000


@dataclass(frozen=True)
class Scan:
    """One scan as received: the code to look up, and what the scanner sent around it."""

    code: str  # prefix and symbology identifier taken off; GS kept
    raw: str  # every character received, prefix included
    terminator: str  # "Enter", "Keypad Enter", "Tab" or "pause"
    seconds: float  # first character to the last
    symbology: str = ""  # "]C1" etc., when the scanner sent one

    @property
    def chars_per_second(self) -> float:
        return (len(self.raw) - 1) / self.seconds if self.seconds > 0 and len(self.raw) > 1 else 0.0

    @property
    def gs1(self) -> bool:
        return self.symbology in _GS1_SYMBOLOGIES or GS in self.code

    def lookup_codes(self) -> list[str]:
        """The codes to look for, best first: the code itself, then a GS1 code's GTIN (AI 01), as
        the 14 digits and as the EAN-13 the product label carries."""
        codes = [self.code]
        if self.gs1:
            gtin = gs1_gtin(self.code)
            if gtin:
                codes += [gtin, gtin[1:]] if gtin.startswith("0") else [gtin]
        return list(dict.fromkeys(codes))


def gs1_gtin(data: str) -> str | None:
    """The GTIN of GS1 element strings that start with AI (01), or None."""
    data = data.lstrip(GS)
    if data.startswith("01") and len(data) >= 16 and data[2:16].isdigit():
        return data[2:16]
    return None


def split_symbology(text: str) -> tuple[str, str]:
    """("]C1", rest) when ``text`` starts with an AIM symbology identifier, else ("", text)."""
    if _SYMBOLOGY.match(text):
        return text[:3], text[3:]
    return "", text


def shown(code: str) -> str:
    """A code as plain, safe text for banners and logs: GS as ⟨GS⟩, other control characters escaped."""
    out = []
    for char in code:
        if char == GS:
            out.append("⟨GS⟩")
        elif not char.isprintable():
            out.append(f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


def is_scan_char(text: str) -> bool:
    """A key's text that can be part of a code: one printable character, or GS (which a scanner
    sends as Ctrl+])."""
    return len(text) == 1 and (text == GS or (text.isprintable() and text != "\x7f"))


@dataclass
class KeyTiming:
    """Characters with their arrival times (seconds); says when a burst was fast enough to be a scan."""

    config: ScannerConfig = field(default_factory=ScannerConfig)
    chars: list[str] = field(default_factory=list)
    first: float | None = None
    last: float | None = None

    def add(self, char: str, at: float) -> list[str]:
        """Add one character; returns the characters that can no longer be a scan (to replay)."""
        stale: list[str] = []
        if self.last is not None and at - self.last > self.config.max_gap:
            stale = self.take()
        if not self.chars:
            self.first = at
        self.chars.append(char)
        self.last = at
        if len(self.chars) > MAX_SCAN_LENGTH or not self._may_start_with_prefix():
            stale += self.take()
        return stale

    def _may_start_with_prefix(self) -> bool:
        prefix = self.config.prefix
        if not prefix:
            return True
        text = "".join(self.chars[: len(prefix)])
        return prefix.startswith(text)

    def expire(self, at: float) -> list[str]:
        """Called when no key came for a while; returns what is now known to be typing."""
        if self.last is not None and at - self.last > self.config.max_gap:
            return self.take()
        return []

    def finish(self, at: float, terminator: str) -> Scan | None:
        """The terminator came (or, with none, the pause did): the scan, or None (then :meth:`take`
        the held characters to replay). A pause is measured from the last character; a key must
        come within the gap."""
        if self.last is None or self.first is None:
            return None
        if terminator != "pause" and at - self.last > self.config.max_gap:
            return None
        raw = "".join(self.chars)
        prefix = self.config.prefix
        if prefix and not raw.startswith(prefix):
            return None
        symbology, code = split_symbology(raw[len(prefix) :])
        code = code.strip(" ")
        if symbology in _GS1_SYMBOLOGIES or code.startswith(GS):
            code = code.lstrip(GS)  # a leading FNC1 only says "GS1"
        if len(raw) < self.config.min_length or not code:
            return None
        scan = Scan(code=code, raw=raw, terminator=terminator, seconds=self.last - self.first, symbology=symbology)
        self.take()
        return scan

    def take(self) -> list[str]:
        chars, self.chars, self.first, self.last = self.chars, [], None, None
        return chars


def classify(keys: list[tuple[str, float]], enter_at: float, config: ScannerConfig | None = None) -> str | None:
    """The code a sequence of (character, time) followed by Enter makes, if any (the last fast burst)."""
    timing = KeyTiming(config or ScannerConfig())
    for char, at in keys:
        timing.add(char, at)
    scan = timing.finish(enter_at, "Enter")
    return scan.code if scan else None
