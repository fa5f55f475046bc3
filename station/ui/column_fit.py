"""Column widths from what the columns hold, fitted to the room there is.

Measured with the font over the distinct texts a column can show (a handful of stores, every
status label), not over every row: a 2,000-PO day is sized in well under a millisecond.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtGui import QFontMetrics

CELL_PADDING = 12  # the cell's margins (2 x 4 px in Fusion) and the grid line, with a little air
HEADER_PADDING = 26  # the header's margins and its sort arrow


def natural_width(metrics: QFontMetrics, header: QFontMetrics, title: str, texts: Iterable[str]) -> int:
    """The width that shows the title and every text in full."""
    widest = max((metrics.horizontalAdvance(text) for text in set(texts)), default=0)
    return max(widest + CELL_PADDING, header.horizontalAdvance(title) + HEADER_PADDING)


def fit(natural: Sequence[int], room: int, shrink_first: Sequence[int], minimum: Mapping[int, int]) -> list[int]:
    """``natural`` widths, or, when they do not fit ``room``, the columns in ``shrink_first`` made
    narrower in that order (never under their ``minimum``): their cells are elided then, with the
    whole text in a tooltip. Everything else keeps its full width."""
    widths = list(natural)
    excess = sum(widths) - room
    for column in shrink_first:
        if excess <= 0:
            break
        give = min(excess, widths[column] - minimum.get(column, widths[column]))
        if give > 0:
            widths[column] -= give
            excess -= give
    return widths


def shared_prefix(names: Sequence[str]) -> str:
    """The start that all of several different names share, up to a space or dash ("Lazada Choice PH "),
    or "" when there is none worth leaving out."""
    if len(set(names)) < 2:
        return ""
    first, last = min(names), max(names)  # what these two share, all the names between them share
    shared = 0
    while shared < min(len(first), len(last)) and first[shared] == last[shared]:
        shared += 1
    prefix = first[:shared]
    cut = max(prefix.rfind(" "), prefix.rfind("-"))
    return prefix[: cut + 1] if cut >= 3 else ""


def without_prefix(name: str, prefix: str) -> str:
    return "…" + name[len(prefix) :] if prefix and name.startswith(prefix) and len(name) > len(prefix) else name
