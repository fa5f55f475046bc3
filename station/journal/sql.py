"""The journal's SQL, common to SQLite and PostgreSQL (:class:`SqlJournal`); a driver only supplies
a transaction, its placeholder style, its clock and how it locks rows. The claims let several
benches work from one list of To Pack POs without two of them ever packing, shipping or printing
the same PO.
"""

from __future__ import annotations

import json
import os
import uuid
from abc import abstractmethod
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any

from station.journal.batch_log import BatchLog
from station.journal.budget_sql import SqlBudgetRecords
from station.journal.errors import BatchHeldError, ClaimLostError
from station.journal.store import BenchDay, JournalBatch, JournalStore, bench_name, claim_ttl
from station.journal.tx import Tx, chunks, marks
from station.journal.verify_sql import SqlVerifyRecords
from station.outcomes import PoOutcome, Step
from station.problems import Problem, Sentence

# A PO's outcome as batch_pos keeps it: the columns, in the order _outcome reads them.
_OUTCOME_COLUMNS = (
    "purchase_order_no, store_name, store_code, packed, ready, shipped, printed, pickup_no, failed_step, error, problem"
)


def _outcome(row: Sequence[Any]) -> PoOutcome:
    # A row of an older journal has no problem: its English error is kept and shown as it is.
    problem = Problem.from_json(row[10])
    return PoOutcome(
        purchase_order_no=row[0],
        store_name=row[1],
        store_code=row[2],
        packed=bool(row[3]),
        ready=bool(row[4]),
        shipped=bool(row[5]),
        printed=bool(row[6]),
        pickup_no=row[7],
        failed_step=Step(row[8]) if row[8] else None,
        error=row[9] if problem is None else Sentence(problem, row[9]),
        problem=problem,
    )


class SqlJournal(SqlVerifyRecords, SqlBudgetRecords, JournalStore):
    """Every journal operation in SQL common to SQLite and PostgreSQL."""

    skip_locked = ""  # the row-lock clause for claims (SQLite locks the whole file instead)

    def __init__(self, bench: str | None, ttl: float | None) -> None:
        self.bench = bench or bench_name()
        self.instance = uuid.uuid4().hex
        self.pid = os.getpid()
        self.ttl = ttl if ttl is not None else claim_ttl()
        self.operator = ""  # who is signed in at this bench: written with every step and batch

    # ------------------------------------------------------------------ driver
    @abstractmethod
    def _tx(self) -> AbstractContextManager[Tx]:
        """A write transaction (serialized against other writers where it matters)."""

    @abstractmethod
    def _now(self, tx: Tx) -> float:
        """The journal's clock (the server's, for a shared journal: benches' clocks may differ)."""

    @abstractmethod
    def _take_lease(self, tx: Tx, batch_id: int) -> bool:
        """Take the batch's lease for this process (called inside ``tx``; True when already held): a
        lock the operating system or the server drops by itself when the process dies, even by
        SIGKILL. False while another live process holds it."""

    @abstractmethod
    def _drop_lease(self, batch_id: int, finished: bool) -> None:
        """Let go of the batch's lease (``finished``: the batch is closed for good)."""

    def release_batch(self, batch_id: int) -> None:
        self._drop_lease(batch_id, finished=False)

    # ------------------------------------------------------------------ batches
    def start_batch(self, profile: str, outcomes: Sequence[PoOutcome], options: dict[str, Any]) -> BatchLog:
        with self._tx() as tx:
            now = self._now(tx)
            row = tx.one(
                "INSERT INTO batches(profile, started_at, state, options, bench, lease_until, instance, pid, operator)"
                " VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?) RETURNING id",
                (profile, now, json.dumps(options), self.bench, now + self.ttl, self.instance, self.pid, self.operator),
            )
            assert row is not None
            batch_id = int(row[0])
            # Before the batch is visible to anyone: another station never sees it without its lease.
            if not self._take_lease(tx, batch_id):
                raise BatchHeldError(batch_id, 0)
            tx.many(
                "INSERT INTO batch_pos(batch_id, purchase_order_no, position, store_name, store_code, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(batch_id, o.purchase_order_no, i, o.store_name, o.store_code, now) for i, o in enumerate(outcomes)],
            )
        return BatchLog(self, batch_id)

    def resume_batch(self, batch_id: int) -> BatchLog:
        return BatchLog(self, batch_id)

    def unfinished_batch(self, profile: str) -> JournalBatch | None:
        """The profile's open batch this process should resume: this bench's own (one that no live
        process holds the lease of: its station died, or it was left open), or another bench's whose
        lease and claims expired (that bench died) and whose lease is free. Taking it puts it, and
        this bench's claims on it, in this process's name. A batch of this bench that another live
        process on this PC runs raises :class:`BatchHeldError` when there is nothing else to resume."""
        with self._tx() as tx:
            now = self._now(tx)
            rows = tx.all(
                "SELECT id, profile, started_at, options, bench, pid FROM batches WHERE profile = ?"
                " AND state = 'running'"
                " AND (bench = ? OR ((bench = '' OR lease_until < ?) AND NOT EXISTS ("
                "   SELECT 1 FROM claims c WHERE c.batch_id = batches.id AND c.bench <> ? AND c.expires_at >= ?)))"
                " ORDER BY CASE WHEN bench = ? THEN 0 ELSE 1 END, id DESC" + self.skip_locked,
                (profile, self.bench, now, self.bench, now, self.bench),
            )
            row = next((r for r in rows if self._take_lease(tx, int(r[0]))), None)
            if row is None:
                held = next((r for r in rows if r[4] == self.bench), None)
                if held is not None:
                    raise BatchHeldError(int(held[0]), int(held[5]))
                return None
            batch_id = int(row[0])
            tx.run(
                "UPDATE batches SET bench = ?, lease_until = ?, instance = ?, pid = ? WHERE id = ?",
                (self.bench, now + self.ttl, self.instance, self.pid, batch_id),
            )
            # This bench's claims on it were its dead station's: they are this process's now.
            tx.run(
                "UPDATE claims SET instance = ?, pid = ? WHERE batch_id = ? AND bench = ?",
                (self.instance, self.pid, batch_id, self.bench),
            )
            pos = tx.all(f"SELECT {_OUTCOME_COLUMNS} FROM batch_pos WHERE batch_id = ? ORDER BY position", (batch_id,))
            steps = tx.all(
                "SELECT id, kind, purchase_order_nos FROM steps WHERE batch_id = ? AND state IN ('sent', 'unknown')"
                " ORDER BY id",
                (batch_id,),
            )
        return JournalBatch(
            id=batch_id,
            profile=str(row[1]),
            started_at=float(row[2]),
            options=json.loads(row[3]),
            outcomes=[_outcome(p) for p in pos],
            open_steps=[(int(s[0]), str(s[1]), json.loads(s[2])) for s in steps],
        )

    def recent_outcomes(self, profile: str, since: float) -> list[tuple[PoOutcome, str, float]]:
        with self._tx() as tx:
            rows = tx.all(
                f"SELECT {_OUTCOME_COLUMNS}, updated_at, b.options FROM batch_pos"
                " JOIN batches b ON b.id = batch_pos.batch_id WHERE b.profile = ? AND updated_at >= ?"
                " ORDER BY updated_at, batch_pos.batch_id",
                (profile, since),
            )
        return [(_outcome(r), str(json.loads(r[12]).get("job", "run")), float(r[11])) for r in rows]

    def benches_day(self, profile: str, since: float) -> dict[str, BenchDay]:
        with self._tx() as tx:
            now = self._now(tx)
            done = tx.all(
                "SELECT b.bench, SUM(p.shipped), SUM(p.printed) FROM batch_pos p JOIN batches b ON b.id = p.batch_id"
                " WHERE b.profile = ? AND p.updated_at >= ? GROUP BY b.bench",
                (profile, since),
            )
            held = tx.all("SELECT bench, COUNT(*) FROM claims WHERE expires_at >= ? GROUP BY bench", (now,))
        holding = {str(bench): int(count) for bench, count in held}
        day = {
            str(bench): BenchDay(int(shipped or 0), int(printed or 0), holding.get(str(bench), 0))
            for bench, shipped, printed in done
        }
        for bench, count in holding.items():
            day.setdefault(bench, BenchDay(holding=count))
        return day

    def batch_state(self, batch_id: int) -> str:
        with self._tx() as tx:
            row = tx.one("SELECT state FROM batches WHERE id = ?", (batch_id,))
        return str(row[0]) if row else ""

    def batch_bench(self, batch_id: int) -> str:
        with self._tx() as tx:
            row = tx.one("SELECT bench FROM batches WHERE id = ?", (batch_id,))
        return str(row[0]) if row else ""

    def steps(self, batch_id: int | None = None) -> list[dict[str, Any]]:
        """Every step, oldest first (for the report and the tests)."""
        sql = "SELECT id, batch_id, kind, purchase_order_nos, state, sent_at, answered_at, detail, operator FROM steps"
        params: tuple[Any, ...] = ()
        if batch_id is not None:
            sql += " WHERE batch_id = ?"
            params = (batch_id,)
        with self._tx() as tx:
            rows = tx.all(sql + " ORDER BY id", params)
        return [
            {
                "id": r[0],
                "batch_id": r[1],
                "kind": r[2],
                "purchase_order_nos": json.loads(r[3]),
                "state": r[4],
                "sent_at": r[5],
                "answered_at": r[6],
                "detail": r[7],
                "operator": r[8],
            }
            for r in rows
        ]

    # ------------------------------------------------------------------ steps
    def _insert_step(self, tx: Tx, batch_id: int | None, kind: str, numbers: Sequence[str]) -> int:
        row = tx.one(
            "INSERT INTO steps(batch_id, kind, purchase_order_nos, state, sent_at, operator)"
            " VALUES (?, ?, ?, 'sent', ?, ?) RETURNING id",
            (batch_id, kind, json.dumps(list(numbers)), self._now(tx), self.operator),
        )
        assert row is not None
        return int(row[0])

    def step_sent(self, batch_id: int | None, kind: str, numbers: Sequence[str]) -> int:
        with self._tx() as tx:
            return self._insert_step(tx, batch_id, kind, numbers)

    def claimed_step_sent(self, batch_id: int, kind: str, numbers: Sequence[str]) -> int:
        """Record a step only while this bench still holds every PO of it (extending those claims),
        in one transaction: a bench whose claims were taken over sends nothing."""
        with self._tx() as tx:
            now = self._now(tx)
            # The batch's row first, as renew() locks it: a bench's transactions that touch its claims
            # (its ship, print and pack threads, its heartbeat) queue on it instead of deadlocking.
            if not tx.run(
                "UPDATE batches SET lease_until = ? WHERE id = ? AND bench = ? AND instance = ?",
                (now + self.ttl, batch_id, self.bench, self.instance),
            ):
                raise ClaimLostError(f"batch {batch_id} was taken over by another bench")
            held = 0
            for chunk in chunks(numbers):
                held += tx.run(
                    f"UPDATE claims SET expires_at = ?, batch_id = ? WHERE bench = ? AND instance = ?"
                    f" AND purchase_order_no IN ({marks(len(chunk))})",
                    (now + self.ttl, batch_id, self.bench, self.instance, *chunk),
                )
            if held != len(set(numbers)):
                raise ClaimLostError(f"{len(set(numbers)) - held} of {len(set(numbers))} POs no longer held")
            return self._insert_step(tx, batch_id, kind, numbers)

    def step_answered(self, step_id: int, state: str, detail: str = "") -> None:
        with self._tx() as tx:
            tx.run(
                "UPDATE steps SET state = ?, answered_at = ?, detail = ? WHERE id = ?",
                (state, self._now(tx), detail[:500], step_id),
            )

    def settle_open_refreshes(self) -> int:
        """Close token refreshes a crash left open; how many there were (bookkeeping only: an older
        refresh token stays valid, so closing another bench's open one on a shared journal is harmless)."""
        with self._tx() as tx:
            return tx.run(
                "UPDATE steps SET state = 'reconciled', answered_at = ?"
                " WHERE kind = 'token_refresh' AND state = 'sent'",
                (self._now(tx),),
            )

    def reconcile_steps(self, step_ids: Sequence[int]) -> None:
        if not step_ids:
            return
        with self._tx() as tx:
            now = self._now(tx)
            tx.many("UPDATE steps SET state = 'reconciled', answered_at = ? WHERE id = ?", [(now, i) for i in step_ids])

    def _check_owner(self, tx: Tx, batch_id: int, bench: str | None) -> None:
        if (
            bench is not None
            and tx.one(
                "SELECT 1 FROM batches WHERE id = ? AND bench = ? AND instance = ?", (batch_id, bench, self.instance)
            )
            is None
        ):
            raise ClaimLostError(f"batch {batch_id} was taken over by another bench")

    def save_outcomes(self, batch_id: int, outcomes: Iterable[PoOutcome], bench: str | None = None) -> None:
        with self._tx() as tx:
            self._check_owner(tx, batch_id, bench)
            now = self._now(tx)
            tx.many(
                "UPDATE batch_pos SET packed = ?, ready = ?, shipped = ?, printed = ?, pickup_no = ?, failed_step = ?,"
                " error = ?, problem = ?, updated_at = ? WHERE batch_id = ? AND purchase_order_no = ?",
                [
                    (
                        int(o.packed),
                        int(o.ready),
                        int(o.shipped),
                        int(o.printed),
                        o.pickup_no,
                        o.failed_step.value if o.failed_step else None,
                        o.error,
                        o.problem.to_json() if o.problem is not None and o.error else "",
                        now,
                        batch_id,
                        o.purchase_order_no,
                    )
                    for o in outcomes
                ],
            )

    def finish_batch(self, batch_id: int, state: str, bench: str | None = None) -> None:
        with self._tx() as tx:
            self._check_owner(tx, batch_id, bench)
            tx.run("UPDATE batches SET state = ?, finished_at = ? WHERE id = ?", (state, self._now(tx), batch_id))
        self._drop_lease(batch_id, finished=state != "running")

    # ------------------------------------------------------------------ claims
    def claim(
        self,
        bench_id: str,
        numbers: Sequence[str],
        ttl: float | None = None,
        *,
        batch_id: int | None = None,
        skip_done: bool = False,
    ) -> list[str]:
        ttl = self.ttl if ttl is None else ttl
        wanted = list(dict.fromkeys(numbers))
        granted: set[str] = set()
        with self._tx() as tx:
            now = self._now(tx)
            done = set(self._done_by(tx, wanted, batch_id)) if skip_done else set()
            for chunk in chunks([no for no in wanted if no not in done]):
                # The existing claims, read without a lock: a live claim of another bench is never locked
                # here, so that bench's renewal or release never waits on this claim while this claim
                # waits on it (a deadlock PostgreSQL broke by failing one of them).
                rows = tx.all(
                    f"SELECT purchase_order_no, bench, expires_at, instance FROM claims"
                    f" WHERE purchase_order_no IN ({marks(len(chunk))})",
                    chunk,
                )
                seen = {str(r[0]) for r in rows}
                # This process's own, or expired: another process with this bench name (a second
                # station on this PC) holds its claims as any other bench does. Locked and checked
                # again; one another bench is changing this instant is skipped (SKIP LOCKED) and so not
                # granted: it is being claimed or renewed.
                candidates = [
                    str(r[0]) for r in rows if (r[1] == bench_id and r[3] == self.instance) or float(r[2]) < now
                ]
                takeable: list[str] = []
                for part in chunks(candidates):
                    takeable += [
                        str(r[0])
                        for r in tx.all(
                            f"SELECT purchase_order_no FROM claims WHERE purchase_order_no IN ({marks(len(part))})"
                            " AND ((bench = ? AND instance = ?) OR expires_at < ?)" + self.skip_locked,
                            (*part, bench_id, self.instance, now),
                        )
                    ]
                for part in chunks(takeable):
                    tx.run(
                        f"UPDATE claims SET bench = ?, instance = ?, pid = ?, batch_id = ?, claimed_at = ?,"
                        f" expires_at = ? WHERE purchase_order_no IN ({marks(len(part))})",
                        (bench_id, self.instance, self.pid, batch_id, now, now + ttl, *part),
                    )
                granted.update(takeable)
                new = sorted(no for no in chunk if no not in seen)  # one order for every bench: no deadlock
                if new:
                    values = ", ".join("(?, ?, ?, ?, ?, ?, ?)" for _ in new)
                    inserted = tx.all(
                        "INSERT INTO claims(purchase_order_no, bench, instance, pid, batch_id, claimed_at, expires_at)"
                        f" VALUES {values} ON CONFLICT (purchase_order_no) DO NOTHING RETURNING purchase_order_no",
                        [v for no in new for v in (no, bench_id, self.instance, self.pid, batch_id, now, now + ttl)],
                    )
                    granted.update(str(r[0]) for r in inserted)
        return [no for no in wanted if no in granted]

    def renew(
        self, bench_id: str, numbers: Sequence[str], ttl: float | None = None, batch_id: int | None = None
    ) -> list[str]:
        ttl = self.ttl if ttl is None else ttl
        held: list[str] = []
        with self._tx() as tx:
            now = self._now(tx)
            if batch_id is not None and not tx.run(
                "UPDATE batches SET lease_until = ? WHERE id = ? AND bench = ? AND instance = ?",
                (now + ttl, batch_id, bench_id, self.instance),
            ):
                raise ClaimLostError(f"batch {batch_id} was taken over by another bench")
            for chunk in chunks(list(dict.fromkeys(numbers))):
                rows = tx.all(
                    f"UPDATE claims SET expires_at = ? WHERE bench = ? AND instance = ?"
                    f" AND purchase_order_no IN ({marks(len(chunk))}) RETURNING purchase_order_no",
                    (now + ttl, bench_id, self.instance, *chunk),
                )
                held.extend(str(r[0]) for r in rows)
        return held

    def release(self, bench_id: str, numbers: Sequence[str], batch_id: int | None = None) -> None:
        batch_clause = "" if batch_id is None else " AND batch_id = ?"
        with self._tx() as tx:
            for chunk in chunks(list(dict.fromkeys(numbers))):
                tx.run(
                    f"DELETE FROM claims WHERE bench = ? AND instance = ?"
                    f" AND purchase_order_no IN ({marks(len(chunk))})" + batch_clause,
                    (bench_id, self.instance, *chunk, *(() if batch_id is None else (batch_id,))),
                )

    def holders(self, numbers: Sequence[str] | None = None) -> dict[str, str]:
        with self._tx() as tx:
            now = self._now(tx)
            if numbers is None:
                rows = tx.all("SELECT purchase_order_no, bench FROM claims WHERE expires_at >= ?", (now,))
            else:
                rows = []
                for chunk in chunks(list(dict.fromkeys(numbers))):
                    rows += tx.all(
                        f"SELECT purchase_order_no, bench FROM claims WHERE expires_at >= ?"
                        f" AND purchase_order_no IN ({marks(len(chunk))})",
                        (now, *chunk),
                    )
        return {str(r[0]): str(r[1]) for r in rows}

    def claim_holders(self, numbers: Sequence[str]) -> dict[str, tuple[str, str, int]]:
        return {no: (bench, instance, int(pid)) for no, bench, instance, pid, _ in self._live_claims(numbers)}

    def claim_expiries(self, numbers: Sequence[str]) -> dict[str, tuple[str, str, float]]:
        return {no: (bench, instance, expires) for no, bench, instance, _, expires in self._live_claims(numbers)}

    def _live_claims(self, numbers: Sequence[str]) -> list[tuple[str, str, str, int, float]]:
        """The live claims on ``numbers``: PO, bench, instance, pid, when the claim expires."""
        found: list[tuple[str, str, str, int, float]] = []
        with self._tx() as tx:
            now = self._now(tx)
            for chunk in chunks(list(dict.fromkeys(numbers))):
                for no, bench, instance, pid, expires_at in tx.all(
                    "SELECT purchase_order_no, bench, instance, pid, expires_at FROM claims WHERE expires_at >= ?"
                    f" AND purchase_order_no IN ({marks(len(chunk))})",
                    (now, *chunk),
                ):
                    found.append((str(no), str(bench), str(instance), int(pid), float(expires_at)))
        return found

    def done_by(self, numbers: Sequence[str], batch_id: int | None) -> dict[str, str]:
        with self._tx() as tx:
            return self._done_by(tx, list(dict.fromkeys(numbers)), batch_id)

    def _done_by(self, tx: Tx, numbers: list[str], batch_id: int | None) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in chunks(numbers):
            rows = tx.all(
                "SELECT p.purchase_order_no, b.bench, b.id FROM batch_pos p JOIN batches b ON b.id = p.batch_id"
                f" WHERE p.printed = 1 AND p.batch_id <> ? AND p.purchase_order_no IN ({marks(len(chunk))})",
                (-1 if batch_id is None else batch_id, *chunk),
            )
            for no, bench, other in rows:
                found[str(no)] = f"{bench or 'another bench'} (batch {other})"
        return found
