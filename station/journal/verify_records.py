"""What the journal keeps of pack verification (:class:`VerifyRecords`): each PO's counts as they are
scanned, every scan and finish as an event (the day's figures are read from them), and the inner-pack
barcodes every bench shares. Its own small records: the journal does not import the workflow's
counting (:mod:`station.workflow.verify`), which converts to and from them.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum


class VerifyEventKind(str, Enum):
    UNIT = "unit"  # units counted into the carton (``units`` of ``sku_id``)
    WRONG_ITEM = "wrong_item"  # a barcode of no item of the PO, refused (``code``)
    TOO_MANY = "too_many"  # units over what the line needs, refused
    COMPLETE = "complete"  # every unit scanned
    FORCED = "forced"  # finished short, with a reason (``units``: the units missing)
    CANCELLED = "cancelled"  # the platform cancelled the PO while it was on the bench


class VerifyRecordState(str, Enum):
    """A verification's state as the journal keeps it (the values of the workflow's ``VerifyState``)."""

    OPEN = "open"
    COMPLETE = "complete"
    FORCED = "forced"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class VerifyEvent:
    """One thing that happened at a verifying bench, as the figures count it. ``at`` is when it
    happened at the bench (epoch seconds), not when the journal got it: writes are queued."""

    at: float
    kind: VerifyEventKind
    purchase_order_no: str
    bench: str = ""
    operator: str = ""
    sku_id: str = ""
    units: int = 0
    reason: str = ""
    note: str = ""
    code: str = ""


@dataclass(frozen=True)
class StoredVerification:
    """A PO's verification as the journal left it: the units scanned per SKU and how it ended."""

    purchase_order_no: str
    bench: str
    instance: str
    operator: str
    state: VerifyRecordState
    started_at: float
    updated_at: float
    finished_at: float | None
    reason: str
    note: str
    scanned: Mapping[str, int] = field(default_factory=dict)
    missing: Mapping[str, int] = field(default_factory=dict)  # sku_id -> units not scanned (a forced finish)


@dataclass(frozen=True)
class StoredInnerPack:
    """An inner-pack barcode of a SKU and the units the pack holds."""

    barcode: str
    units: int


class VerifyRecords(ABC):
    """Pack verification in the journal; every write is one transaction."""

    @abstractmethod
    def load_verification(self, purchase_order_no: str) -> StoredVerification | None: ...

    @abstractmethod
    def save_count(self, purchase_order_no: str, scanned: Mapping[str, int], event: VerifyEvent) -> None:
        """The PO's counts as they now stand (whole, not a change: the last write wins) and the event
        that made them, together. The verification is open (a count reopens one undone from complete)."""

    @abstractmethod
    def record_event(self, event: VerifyEvent) -> None:
        """An event that changes no count (a refused scan, a cancellation seen by a batch)."""

    @abstractmethod
    def finish_verification(
        self,
        purchase_order_no: str,
        state: VerifyRecordState,
        reason: str,
        note: str,
        operator: str,
        missing: Mapping[str, int],
        *,
        at: float | None = None,
    ) -> None:
        """End the PO's verification (complete, forced or cancelled) and record the event of it
        (``at``: when, default now), in one transaction; a PO never counted gets its row too."""

    @abstractmethod
    def verify_events(self, since: float, until: float) -> list[VerifyEvent]:
        """The events with ``since <= at < until``, in the order they happened."""

    @abstractmethod
    def take_over_hold(self, purchase_order_no: str, instance: str) -> bool:
        """Take this bench's claim on the PO from ``instance``, another Station of this bench that
        is known to be dead (a crash, a kill): a restarted bench resumes its verification at once
        instead of waiting for the claim to expire. False when that instance no longer holds it."""

    @abstractmethod
    def set_inner_pack(self, sku_id: str, barcode: str, units: int) -> None:
        """Store (or change) an inner pack of ``sku_id``; ``units`` 0 removes it."""

    @abstractmethod
    def inner_packs(self, sku_ids: Iterable[str]) -> dict[str, list[StoredInnerPack]]:
        """sku_id -> its inner packs (by barcode), for those of ``sku_ids`` that have any."""
