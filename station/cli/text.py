"""What ``station-cli`` writes on a terminal: control characters escaped, plurals, columns."""

from __future__ import annotations

import unicodedata

# Characters that reorder the text around them (bidirectional overrides and isolates): shown escaped
# like the control characters, so an argument cannot make a line read otherwise than it is.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, newlines: bool = True) -> str:
    """``text`` with its control characters written as escapes: ``"\\x1b[31m"`` for ESC ``[31m``,
    ``"\\r"`` for a carriage return. Line feeds and tabs stay as they are when ``newlines`` (output
    of several lines); a one-line message (an error naming an argument) escapes them too."""
    if text.isprintable():
        return text
    kept = "\n\t" if newlines else ""
    return "".join(
        _escape(char) if char not in kept and (unicodedata.category(char) == "Cc" or char in _BIDI_CONTROLS) else char
        for char in text
    )


def quoted(value: str) -> str:
    """A value the operator typed, in quotes and on one line: ``'A5'``, ``'PO\\x1b[31m'``."""
    return f"'{printable(value, newlines=False)}'"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 SKU``, ``2 SKUs``, ``0 units``, ``1 PO``; ``plural_form`` for irregular words."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def width(text: str) -> int:
    """Columns ``text`` takes on a terminal: East Asian wide and full-width characters take two,
    combining marks none."""
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def pad(text: str, columns: int) -> str:
    """``text`` followed by spaces up to ``columns`` terminal columns (never cut)."""
    return text + " " * max(0, columns - width(text))
