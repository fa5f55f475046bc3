"""Pack verification: every unit of a PO is scanned into the carton before the PO counts as packed.

This module is the counting alone (no Qt, no network, no journal): a :class:`Verification` holds a
PO's lines and how many units of each were scanned, and answers each scan with a :class:`ScanResult`
the window shows and speaks. A wrong item or a unit too many is refused and not counted; a typed
quantity counts that many, capped at what the line still needs; an inner pack counts its units only
when they all fit (a pack cannot be put in by half). A short carton is finished only with a reason.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

from station.lazada.models import PurchaseOrderItem

MAX_TYPED_QUANTITY = 9999  # a typed quantity above this is a slip of the keyboard (or a scan typed as digits)


class Verdict(str, Enum):
    """What one scan did to a verification."""

    COUNTED = "counted"  # counted; units still to scan
    COMPLETE = "complete"  # counted, and every unit of the PO is now in
    WRONG_ITEM = "wrong_item"  # a barcode of no item of this PO: refused, nothing counted
    TOO_MANY = "too_many"  # the item needs no more (or the pack holds more than it needs): refused
    CLOSED = "closed"  # the verification is finished already: nothing counted

    @property
    def refused(self) -> bool:
        return self in (Verdict.WRONG_ITEM, Verdict.TOO_MANY, Verdict.CLOSED)


class VerifyState(str, Enum):
    OPEN = "open"
    COMPLETE = "complete"  # every unit scanned
    FORCED = "forced"  # finished short, with a reason
    CANCELLED = "cancelled"  # the platform cancelled the PO while it was on the bench


class ShortReason(str, Enum):
    """Why a carton was finished with units missing (recorded with the operator's name)."""

    OUT_OF_STOCK = "out_of_stock"
    DAMAGED = "damaged"
    OTHER = "other"  # needs a note


@dataclass(frozen=True)
class InnerPack:
    """A barcode on a sealed inner pack of one SKU, and how many units the pack holds."""

    barcode: str
    units: int

    def __post_init__(self) -> None:
        if self.units < 2:
            raise ValueError("an inner pack holds at least 2 units")
        if not self.barcode.strip():
            raise ValueError("an inner pack needs its barcode")


@dataclass(frozen=True)
class VerifyLine:
    """One SKU of the PO: what to scan for it and how many units the PO asks for."""

    sku_id: str
    seller_sku: str
    title: str
    img_url: str
    barcodes: tuple[str, ...]
    needed: int
    inner_packs: tuple[InnerPack, ...] = ()

    @classmethod
    def from_item(cls, item: PurchaseOrderItem, inner_packs: Iterable[InnerPack] = ()) -> VerifyLine:
        return cls(
            sku_id=item.sku_id,
            seller_sku=item.seller_sku,
            title=item.product_title,
            img_url=item.img_url,
            barcodes=item.barcodes,
            needed=max(0, item.buyer_qty),
            inner_packs=tuple(inner_packs),
        )


@dataclass(frozen=True)
class ScanResult:
    """The answer to one scan. ``asked`` units were scanned or typed, ``counted`` of them counted."""

    verdict: Verdict
    code: str
    sku_id: str | None  # the line the code belongs to (None: a wrong item)
    asked: int
    counted: int
    line_remaining: int  # units of that line still to scan (0 for a wrong item)
    po_remaining: int  # units of the whole PO still to scan

    @property
    def refused(self) -> bool:
        return self.verdict.refused

    @property
    def capped(self) -> bool:
        """A typed quantity larger than the line still needed: only what it needed was counted."""
        return 0 < self.counted < self.asked


@dataclass(frozen=True)
class Finish:
    """How a verification ended: complete, or forced short with a reason and a note."""

    state: VerifyState
    operator: str
    reason: ShortReason | None = None
    note: str = ""
    missing: Mapping[str, int] = field(default_factory=dict)  # sku_id -> units not scanned


def _key(code: str) -> str:
    return code.strip().upper()  # scanners and label printers disagree on case; the codes do not


class Verification:
    """A PO's verification: its lines and the units scanned so far (``scanned``: sku_id -> units).

    ``scanned`` may come from the journal (a restart resumes with the counts); a count above what a
    line needs (a PO changed meanwhile) is kept as it was scanned, and the line takes no more."""

    def __init__(
        self,
        purchase_order_no: str,
        lines: Sequence[VerifyLine],
        scanned: Mapping[str, int] | None = None,
        state: VerifyState = VerifyState.OPEN,
    ) -> None:
        self.purchase_order_no = purchase_order_no
        self.lines = tuple(lines)
        self.state = state
        self.scanned: dict[str, int] = {line.sku_id: 0 for line in self.lines}
        for sku_id, units in (scanned or {}).items():
            if sku_id in self.scanned:
                self.scanned[sku_id] = max(0, units)
        self._codes: dict[str, tuple[VerifyLine, int]] = {}
        for line in self.lines:
            for code in line.barcodes:
                self._codes.setdefault(_key(code), (line, 1))
            for pack in line.inner_packs:
                self._codes.setdefault(_key(pack.barcode), (line, pack.units))

    @classmethod
    def of_items(
        cls,
        purchase_order_no: str,
        items: Iterable[PurchaseOrderItem],
        inner_packs: Mapping[str, Sequence[InnerPack]] | None = None,
        scanned: Mapping[str, int] | None = None,
        state: VerifyState = VerifyState.OPEN,
    ) -> Verification:
        """A PO's verification from its items (``inner_packs``: sku_id -> the SKU's packs). Two
        rows of one SKU (the platform may split a SKU) are one line needing their sum."""
        packs = inner_packs or {}
        merged: dict[str, VerifyLine] = {}
        for item in items:
            line = VerifyLine.from_item(item, packs.get(item.sku_id, ()))
            if line.sku_id in merged:
                first = merged[line.sku_id]
                barcodes = first.barcodes + tuple(c for c in line.barcodes if c not in first.barcodes)
                line = VerifyLine(
                    first.sku_id,
                    first.seller_sku,
                    first.title,
                    first.img_url,
                    barcodes,
                    first.needed + line.needed,
                    first.inner_packs,
                )
            merged[line.sku_id] = line
        return cls(purchase_order_no, list(merged.values()), scanned, state)

    def add_inner_pack(self, sku_id: str, pack: InnerPack) -> bool:
        """Let ``pack`` count for the line of ``sku_id`` from now on (a pack set up while the PO is
        on the bench); False when the PO has no such line or the barcode is one of another line's."""
        key = _key(pack.barcode)
        taken = self._codes.get(key)
        if taken is not None and taken[0].sku_id != sku_id:
            return False
        for index, line in enumerate(self.lines):
            if line.sku_id == sku_id:
                packs = (*(p for p in line.inner_packs if _key(p.barcode) != key), pack)
                new = dataclasses.replace(line, inner_packs=packs)
                self.lines = (*self.lines[:index], new, *self.lines[index + 1 :])
                self._codes = {
                    code: (new if found.sku_id == sku_id else found, n) for code, (found, n) in self._codes.items()
                }
                self._codes[key] = (new, pack.units)
                return True
        return False

    # ------------------------------------------------------------------ figures
    @property
    def needed(self) -> int:
        return sum(line.needed for line in self.lines)

    @property
    def counted(self) -> int:
        return sum(min(self.scanned[line.sku_id], line.needed) for line in self.lines)

    @property
    def remaining(self) -> int:
        return self.needed - self.counted

    def line_remaining(self, sku_id: str) -> int:
        line = self.line(sku_id)
        return max(0, line.needed - self.scanned[sku_id])

    def line(self, sku_id: str) -> VerifyLine:
        for line in self.lines:
            if line.sku_id == sku_id:
                return line
        raise KeyError(sku_id)

    @property
    def is_complete(self) -> bool:
        return self.remaining == 0

    @property
    def is_open(self) -> bool:
        return self.state is VerifyState.OPEN

    def matches(self, code: str) -> bool:
        """Whether ``code`` is a barcode (or inner pack) of one of this PO's items."""
        return _key(code) in self._codes

    def missing(self) -> dict[str, int]:
        return {line.sku_id: left for line in self.lines if (left := self.line_remaining(line.sku_id))}

    # ------------------------------------------------------------------ a scan
    def count(self, code: str, quantity: int = 1) -> ScanResult:
        """Count a scan of ``code``; ``quantity`` is what the operator typed before it (1 if nothing)."""
        if not 1 <= quantity <= MAX_TYPED_QUANTITY:
            raise ValueError(f"a quantity between 1 and {MAX_TYPED_QUANTITY}, not {quantity}")
        found = self._codes.get(_key(code))
        if found is None:
            return ScanResult(Verdict.WRONG_ITEM, code, None, quantity, 0, 0, self.remaining)
        line, per_scan = found
        asked = quantity * per_scan
        left = self.line_remaining(line.sku_id)
        if left == 0 or (self.is_open and per_scan > 1 and asked > left):
            # Nothing fits, or a sealed pack holds more than the line needs: refuse it whole.
            return ScanResult(Verdict.TOO_MANY, code, line.sku_id, asked, 0, left, self.remaining)
        if not self.is_open:  # finished short or cancelled: the carton is closed
            return ScanResult(Verdict.CLOSED, code, line.sku_id, asked, 0, left, self.remaining)
        counted = min(asked, left)
        self.scanned[line.sku_id] += counted
        if self.is_complete:
            self.state = VerifyState.COMPLETE
            verdict = Verdict.COMPLETE
        else:
            verdict = Verdict.COUNTED
        return ScanResult(verdict, code, line.sku_id, asked, counted, left - counted, self.remaining)

    def undo(self, sku_id: str, units: int = 1) -> int:
        """Take units back off a line (a unit taken out of the carton); the units taken off."""
        taken = min(max(0, units), self.scanned[sku_id])
        self.scanned[sku_id] -= taken
        if taken and self.state is VerifyState.COMPLETE:
            self.state = VerifyState.OPEN
        return taken

    # ------------------------------------------------------------------ the end
    def finish_short(self, reason: ShortReason, note: str, operator: str) -> Finish:
        """Finish with units missing: a reason is required, and a note when the reason is "other";
        the operator's name goes with it. A complete PO needs no forcing (:class:`ValueError`)."""
        if not self.is_open:
            raise ValueError(f"the verification of {self.purchase_order_no} is {self.state.value} already")
        if self.is_complete:
            raise ValueError("every unit is scanned; nothing to force")
        if reason is ShortReason.OTHER and not note.strip():
            raise ValueError("a short carton with the reason 'other' needs a note")
        if not operator.strip():
            raise ValueError("a short carton needs the operator's name")
        self.state = VerifyState.FORCED
        return Finish(VerifyState.FORCED, operator.strip(), reason, note.strip(), self.missing())

    def finish_complete(self, operator: str) -> Finish:
        if not self.is_complete:
            raise ValueError(f"{self.remaining} units of {self.purchase_order_no} are not scanned yet")
        self.state = VerifyState.COMPLETE
        return Finish(VerifyState.COMPLETE, operator.strip())

    def cancel(self, operator: str) -> Finish:
        """The platform cancelled the PO: the verification ends, nothing is sent for it."""
        self.state = VerifyState.CANCELLED
        return Finish(VerifyState.CANCELLED, operator.strip(), missing=self.missing())
