"""A bench's pack verification, journaled (:class:`VerifyDesk`; no Qt).

The counting itself is :mod:`station.workflow.verify`'s, in memory: a scan is answered at once. What
it did goes to the journal through one ordered background writer (:class:`JournalWriter`): the
PO's counts as they now stand (whole, not a change) with the event that made them, refusals and
finishes too. A restart resumes with the counts the journal has; switching POs keeps each one's
counts; a PO being verified is held for this bench through the journal's claims, so the other
benches show it held (and do not open it). What a kill loses is at most the writes still queued
(see ``docs/reliability.md``).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence

from station.journal import JournalStore, VerifyEvent, VerifyEventKind, VerifyRecordState
from station.lazada.models import PurchaseOrder, PurchaseOrderItem
from station.workflow.errors import VerifyHeldError
from station.workflow.journal_writer import JournalWriter
from station.workflow.processes import process_alive
from station.workflow.verify import (
    Finish,
    InnerPack,
    ScanResult,
    ShortReason,
    Verdict,
    Verification,
    VerifyState,
)

__all__ = ["VerifyDesk", "VerifyHeldError"]

log = logging.getLogger(__name__)

_REFUSALS = {Verdict.WRONG_ITEM: VerifyEventKind.WRONG_ITEM, Verdict.TOO_MANY: VerifyEventKind.TOO_MANY}


class VerifyDesk:
    """Verification at this bench: open a PO (a worker thread: it reads the journal), count scans
    (the window's thread: no database), finish, hold and release POs."""

    def __init__(self, journal: JournalStore, operator: str = "") -> None:
        self.journal = journal
        self._operator = ""
        self.operator = operator
        self._writer = JournalWriter("verify-journal")
        self._lock = threading.Lock()
        self._open: dict[str, Verification] = {}  # every PO opened here, with its counts in memory
        self._held: set[str] = set()  # POs this bench holds for verifying (until release)
        self._finished: set[str] = set()  # POs whose complete finish is journaled (counted once)

    # ------------------------------------------------------------------ the operator
    @property
    def operator(self) -> str:
        return self._operator

    @operator.setter
    def operator(self, name: str) -> None:
        """Who is signed in: goes with every verification event and every step the journal records."""
        self._operator = name.strip()
        self.journal.operator = self._operator

    # ------------------------------------------------------------------ open
    def open(self, po: PurchaseOrder, items: Sequence[PurchaseOrderItem]) -> Verification:
        """The PO's verification with its counts (from memory when it was opened here, else from the
        journal) and the inner packs the benches set up; the PO is held for this bench.
        :class:`VerifyHeldError` when another bench holds it. Reads the journal: call it off the
        window's thread."""
        no = po.purchase_order_no
        self._hold(no)
        with self._lock:
            self._held.add(no)
            known = self._open.get(no)
        packs = {
            sku_id: [InnerPack(p.barcode, p.units) for p in stored if p.units >= 2]
            for sku_id, stored in self.journal.inner_packs(item.sku_id for item in items).items()
        }
        if known is not None:
            scanned, state = dict(known.scanned), known.state
        else:
            record = self.journal.load_verification(no)
            scanned = dict(record.scanned) if record is not None else {}
            state = VerifyState(record.state.value) if record is not None else VerifyState.OPEN
            if record is not None and record.state is VerifyRecordState.COMPLETE:
                with self._lock:
                    self._finished.add(no)
        verification = Verification.of_items(no, items, packs, scanned, state)
        if verification.is_open and verification.is_complete:
            verification.state = VerifyState.COMPLETE  # counted in full before a restart: finish it
        with self._lock:
            self._open[no] = verification
        return verification

    def _hold(self, no: str) -> None:
        bench = self.journal.bench
        if no in self.journal.claim(bench, [no]):
            return
        holder = self.journal.claim_holders([no]).get(no)
        if holder is None and no in self.journal.claim(bench, [no]):
            return  # let go of just now
        if holder is not None:
            held_by, instance, pid = holder
            # A Station of this bench that died (killed, crashed) still holds it: this one resumes.
            if held_by == bench and not process_alive(pid) and self.journal.take_over_hold(no, instance):
                return
        raise VerifyHeldError(no, holder[0] if holder is not None else "?")

    # ------------------------------------------------------------------ scans
    def count(self, v: Verification, code: str, quantity: int = 1) -> ScanResult:
        """Count a scan in memory and answer at once; the journal gets it in the background."""
        result = v.count(code, quantity)
        no = v.purchase_order_no
        with self._lock:
            self._open[no] = v
        if result.verdict in (Verdict.COUNTED, Verdict.COMPLETE):
            event = self._event(VerifyEventKind.UNIT, no, sku_id=result.sku_id or "", units=result.counted, code=code)
            self._save_count(v, event)
        elif result.verdict in _REFUSALS:
            event = self._event(
                _REFUSALS[result.verdict], no, sku_id=result.sku_id or "", units=result.asked, code=code
            )
            self._writer.put(f"{no}: {event.kind.value}", lambda: self.journal.record_event(event))
        return result

    def undo(self, v: Verification, sku_id: str, units: int = 1) -> int:
        """Take units back off a line (taken out of the carton); journaled as negative units."""
        taken = v.undo(sku_id, units)
        if taken:
            with self._lock:
                self._finished.discard(v.purchase_order_no)  # completed again later: journaled again
            self._save_count(v, self._event(VerifyEventKind.UNIT, v.purchase_order_no, sku_id=sku_id, units=-taken))
        return taken

    def _save_count(self, v: Verification, event: VerifyEvent) -> None:
        no, scanned = v.purchase_order_no, dict(v.scanned)  # a snapshot: the counts as they stand now
        self._writer.put(f"{no}: counts", lambda: self.journal.save_count(no, scanned, event))

    def _event(
        self, kind: VerifyEventKind, no: str, *, sku_id: str = "", units: int = 0, code: str = ""
    ) -> VerifyEvent:
        return VerifyEvent(
            at=time.time(),
            kind=kind,
            purchase_order_no=no,
            bench=self.journal.bench,
            operator=self.operator,
            sku_id=sku_id,
            units=units,
            code=code,
        )

    # ------------------------------------------------------------------ the end
    def finish_short(self, v: Verification, reason: ShortReason, note: str) -> Finish:
        """Finish with units missing: a reason, a note for "other", and the operator signed in."""
        finish = v.finish_short(reason, note, self.operator)
        self._finish(v, finish)
        return finish

    def finish_complete(self, v: Verification) -> Finish:
        finish = v.finish_complete(self.operator)
        with self._lock:
            first = v.purchase_order_no not in self._finished
            self._finished.add(v.purchase_order_no)
        if first:  # a PO completed is counted once, however often the window says so
            self._finish(v, finish)
        return finish

    def cancelled(self, v: Verification) -> Finish:
        """The platform cancelled the PO while it was on the bench."""
        finish = v.cancel(self.operator)
        self._finish(v, finish)
        return finish

    def _finish(self, v: Verification, finish: Finish) -> None:
        no, at = v.purchase_order_no, time.time()
        reason = finish.reason.value if finish.reason is not None else ""
        state, missing = VerifyRecordState(finish.state.value), dict(finish.missing)
        self._writer.put(
            f"{no}: {state.value}",
            lambda: self.journal.finish_verification(no, state, reason, finish.note, finish.operator, missing, at=at),
        )

    # ------------------------------------------------------------------ holds
    def keep_holds(self) -> None:
        """Renew this bench's holds on the POs it verifies (call it well within the claims' life,
        e.g. every 20 s); written in the background like the counts."""
        with self._lock:
            numbers = sorted(self._held)
        if numbers:
            self._writer.put("holds", lambda: self._renew(numbers))

    def _renew(self, numbers: list[str]) -> None:
        kept = set(self.journal.renew(self.journal.bench, numbers))
        lost = [no for no in numbers if no not in kept]
        if lost:
            log.warning("holds lost (taken by a batch or expired): %s", ", ".join(lost))

    def release(self, no: str) -> None:
        """Let go of the PO (its labels are done): other benches may open it again."""
        with self._lock:
            self._held.discard(no)
        self._writer.put(f"{no}: release", lambda: self.journal.release(self.journal.bench, [no]))

    def held_elsewhere(self, numbers: Sequence[str]) -> dict[str, str]:
        """PO number -> the bench holding it, for those another bench (or another Station on this
        PC) holds. Reads the journal: call it off the window's thread."""
        return {
            no: bench
            for no, (bench, instance, _pid) in self.journal.claim_holders(numbers).items()
            if instance != self.journal.instance
        }

    # ------------------------------------------------------------------ inner packs
    def set_inner_pack(self, sku_id: str, pack: InnerPack) -> None:
        """Store an inner pack of ``sku_id`` for every bench; it counts at once in the POs open here."""
        with self._lock:
            for verification in self._open.values():
                verification.add_inner_pack(sku_id, pack)
        self._writer.put(
            f"inner pack of {sku_id}", lambda: self.journal.set_inner_pack(sku_id, pack.barcode, pack.units)
        )

    # ------------------------------------------------------------------ the writer
    @property
    def last_write_error(self) -> str:
        """Why the last journal write failed ('' once everything is written)."""
        return self._writer.last_error

    @property
    def unwritten(self) -> int:
        """Journal writes not written yet (queued, or failed and waiting for the next write)."""
        return self._writer.pending

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything counted so far is in the journal; False if not within ``timeout``."""
        return self._writer.flush(timeout)

    def close(self, timeout: float = 5.0) -> bool:
        """Flush and stop the writer (the holds are left to expire or to be released by the window)."""
        return self._writer.close(timeout)
