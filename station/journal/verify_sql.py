"""Pack verification's records in SQL common to SQLite and PostgreSQL (:class:`SqlVerifyRecords`),
on the driver's transaction and clock (``_tx``, ``_now``) that :class:`~station.journal.sql.SqlJournal`
supplies."""

from __future__ import annotations

import json
import time
from abc import abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any

from station.journal.tx import Tx, chunks, marks
from station.journal.verify_records import (
    StoredInnerPack,
    StoredVerification,
    VerifyEvent,
    VerifyEventKind,
    VerifyRecords,
    VerifyRecordState,
)

_EVENT_COLUMNS = "at, kind, purchase_order_no, bench, operator, sku_id, units, reason, note, code"
_VERIFICATION_COLUMNS = (
    "purchase_order_no, bench, instance, operator, state, started_at, updated_at, finished_at, reason, note,"
    " scanned, missing"
)
_FINISHED_KIND = {
    VerifyRecordState.COMPLETE: VerifyEventKind.COMPLETE,
    VerifyRecordState.FORCED: VerifyEventKind.FORCED,
    VerifyRecordState.CANCELLED: VerifyEventKind.CANCELLED,
}


def _counts(text: str) -> dict[str, int]:
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): int(v) for k, v in data.items() if isinstance(v, int) and not isinstance(v, bool)}


def _dump(counts: Mapping[str, int]) -> str:
    return json.dumps({str(k): int(v) for k, v in counts.items()}, sort_keys=True)


def _event_row(event: VerifyEvent) -> tuple[Any, ...]:
    return (
        event.at,
        event.kind.value,
        event.purchase_order_no,
        event.bench,
        event.operator,
        event.sku_id,
        event.units,
        event.reason,
        event.note[:500],
        event.code[:200],
    )


class SqlVerifyRecords(VerifyRecords):
    bench: str
    instance: str
    pid: int
    ttl: float

    @abstractmethod
    def _tx(self) -> AbstractContextManager[Tx]: ...

    @abstractmethod
    def _now(self, tx: Tx) -> float: ...

    def _append(self, tx: Tx, event: VerifyEvent) -> None:
        tx.run(f"INSERT INTO verify_events({_EVENT_COLUMNS}) VALUES ({marks(10)})", _event_row(event))

    def load_verification(self, purchase_order_no: str) -> StoredVerification | None:
        with self._tx() as tx:
            row = tx.one(
                f"SELECT {_VERIFICATION_COLUMNS} FROM verifications WHERE purchase_order_no = ?", (purchase_order_no,)
            )
        if row is None:
            return None
        return StoredVerification(
            purchase_order_no=str(row[0]),
            bench=str(row[1]),
            instance=str(row[2]),
            operator=str(row[3]),
            state=VerifyRecordState(row[4]),
            started_at=float(row[5]),
            updated_at=float(row[6]),
            finished_at=None if row[7] is None else float(row[7]),
            reason=str(row[8]),
            note=str(row[9]),
            scanned=_counts(str(row[10])),
            missing=_counts(str(row[11])),
        )

    def save_count(self, purchase_order_no: str, scanned: Mapping[str, int], event: VerifyEvent) -> None:
        with self._tx() as tx:
            now = self._now(tx)
            tx.run(
                "INSERT INTO verifications(purchase_order_no, bench, instance, operator, state, started_at,"
                " updated_at, scanned) VALUES (?, ?, ?, ?, 'open', ?, ?, ?)"
                " ON CONFLICT (purchase_order_no) DO UPDATE SET bench = excluded.bench, instance = excluded.instance,"
                " operator = excluded.operator, state = 'open', updated_at = excluded.updated_at,"
                " finished_at = NULL, scanned = excluded.scanned",
                (purchase_order_no, self.bench, self.instance, event.operator, now, now, _dump(scanned)),
            )
            self._append(tx, event)

    def record_event(self, event: VerifyEvent) -> None:
        with self._tx() as tx:
            self._append(tx, event)

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
        state = VerifyRecordState(state)
        if state is VerifyRecordState.OPEN:
            raise ValueError("a verification is finished complete, forced or cancelled")
        event = VerifyEvent(
            at=time.time() if at is None else at,
            kind=_FINISHED_KIND[state],
            purchase_order_no=purchase_order_no,
            bench=self.bench,
            operator=operator,
            units=sum(missing.values()),
            reason=reason,
            note=note,
        )
        with self._tx() as tx:
            now = self._now(tx)
            tx.run(
                "INSERT INTO verifications(purchase_order_no, bench, instance, operator, state, started_at,"
                " updated_at, finished_at, reason, note, missing) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (purchase_order_no) DO UPDATE SET bench = excluded.bench, instance = excluded.instance,"
                " operator = excluded.operator, state = excluded.state, updated_at = excluded.updated_at,"
                " finished_at = excluded.finished_at, reason = excluded.reason, note = excluded.note,"
                " missing = excluded.missing",
                (
                    purchase_order_no,
                    self.bench,
                    self.instance,
                    operator,
                    state.value,
                    now,
                    now,
                    now,
                    reason,
                    note[:500],
                    _dump(missing),
                ),
            )
            self._append(tx, event)

    def verify_events(self, since: float, until: float) -> list[VerifyEvent]:
        with self._tx() as tx:
            rows = tx.all(
                f"SELECT {_EVENT_COLUMNS} FROM verify_events WHERE at >= ? AND at < ? ORDER BY at, id", (since, until)
            )
        return [
            VerifyEvent(
                at=float(r[0]),
                kind=VerifyEventKind(r[1]),
                purchase_order_no=str(r[2]),
                bench=str(r[3]),
                operator=str(r[4]),
                sku_id=str(r[5]),
                units=int(r[6]),
                reason=str(r[7]),
                note=str(r[8]),
                code=str(r[9]),
            )
            for r in rows
            if r[1] in _KINDS  # a kind a newer station wrote is not counted here
        ]

    def take_over_hold(self, purchase_order_no: str, instance: str) -> bool:
        with self._tx() as tx:
            now = self._now(tx)
            return (
                tx.run(
                    "UPDATE claims SET instance = ?, pid = ?, batch_id = NULL, claimed_at = ?, expires_at = ?"
                    " WHERE purchase_order_no = ? AND bench = ? AND instance = ?",
                    (self.instance, self.pid, now, now + self.ttl, purchase_order_no, self.bench, instance),
                )
                == 1
            )

    def set_inner_pack(self, sku_id: str, barcode: str, units: int) -> None:
        barcode = barcode.strip()
        with self._tx() as tx:
            if units <= 0:
                tx.run("DELETE FROM inner_packs WHERE sku_id = ? AND barcode = ?", (sku_id, barcode))
                return
            tx.run(
                "INSERT INTO inner_packs(sku_id, barcode, units) VALUES (?, ?, ?)"
                " ON CONFLICT (sku_id, barcode) DO UPDATE SET units = excluded.units",
                (sku_id, barcode, units),
            )

    def inner_packs(self, sku_ids: Iterable[str]) -> dict[str, list[StoredInnerPack]]:
        wanted: Sequence[str] = list(dict.fromkeys(sku_ids))
        found: dict[str, list[StoredInnerPack]] = {}
        with self._tx() as tx:
            for chunk in chunks(wanted):
                for sku_id, barcode, units in tx.all(
                    f"SELECT sku_id, barcode, units FROM inner_packs WHERE sku_id IN ({marks(len(chunk))})"
                    " ORDER BY sku_id, barcode",
                    chunk,
                ):
                    found.setdefault(str(sku_id), []).append(StoredInnerPack(str(barcode), int(units)))
        return found


_KINDS = {kind.value for kind in VerifyEventKind}
