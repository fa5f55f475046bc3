"""The journal in SQLite (the default; nothing to install).

Durability first: WAL with ``synchronous=FULL``, one transaction per write, so what the journal
says was sent survives a power cut. Threads share one connection behind a lock: writes are tiny
and the batch's threads mostly wait on the network.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from station.journal.schema import MIGRATIONS
from station.paths import data_dir
from station.workflow.report import PoOutcome, Step


def default_journal_path() -> Path:
    return data_dir() / "journal.sqlite3"


@dataclass(frozen=True)
class JournalBatch:
    """An unfinished batch as the journal left it."""

    id: int
    profile: str
    started_at: float
    options: dict[str, Any]
    outcomes: list[PoOutcome]  # in the batch's order
    open_steps: list[tuple[int, str, list[str]]]  # (step id, kind, PO numbers) sent but not answered

    @property
    def purchase_order_nos(self) -> list[str]:
        return [o.purchase_order_no for o in self.outcomes]


class Journal:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # ------------------------------------------------------------------ plumbing
    def _migrate(self) -> None:
        with self._lock:
            self._db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            version = int(row[0]) if row else 0
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                # One transaction per migration: a crash midway leaves the previous version intact.
                try:
                    self._db.executescript(
                        f"BEGIN IMMEDIATE;\n{script}\n;"
                        f"INSERT INTO meta(key, value) VALUES('schema_version', '{number}')"
                        " ON CONFLICT(key) DO UPDATE SET value = excluded.value;\nCOMMIT;")
                except BaseException:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                    raise

    def _write(self, sql: str, params: Sequence[Any] = ()) -> int:
        with self._lock:
            cursor = self._db.execute(sql, params)
            return int(cursor.lastrowid or 0)

    def _write_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(sql, rows)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def schema_version(self) -> int:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    # ------------------------------------------------------------------ batches
    def start_batch(self, profile: str, outcomes: Sequence[PoOutcome], options: dict[str, Any]) -> BatchLog:
        now = time.time()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                cursor = self._db.execute(
                    "INSERT INTO batches(profile, started_at, state, options) VALUES (?, ?, 'running', ?)",
                    (profile, now, json.dumps(options)))
                batch_id = int(cursor.lastrowid or 0)
                self._db.executemany(
                    "INSERT INTO batch_pos(batch_id, purchase_order_no, position, store_name, store_code, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [(batch_id, o.purchase_order_no, i, o.store_name, o.store_code, now)
                     for i, o in enumerate(outcomes)])
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return BatchLog(self, batch_id)

    def resume_batch(self, batch_id: int) -> BatchLog:
        return BatchLog(self, batch_id)

    def unfinished_batch(self, profile: str) -> JournalBatch | None:
        with self._lock:
            row = self._db.execute(
                "SELECT id, profile, started_at, options FROM batches WHERE profile = ? AND state = 'running' "
                "ORDER BY id DESC LIMIT 1", (profile,)).fetchone()
            if row is None:
                return None
            batch_id = int(row[0])
            pos = self._db.execute(
                "SELECT purchase_order_no, store_name, store_code, packed, ready, shipped, printed, pickup_no,"
                " failed_step, error FROM batch_pos WHERE batch_id = ? ORDER BY position", (batch_id,)).fetchall()
            steps = self._db.execute(
                "SELECT id, kind, purchase_order_nos FROM steps WHERE batch_id = ? AND state IN ('sent', 'unknown')"
                " ORDER BY id", (batch_id,)).fetchall()
        outcomes = [
            PoOutcome(purchase_order_no=p[0], store_name=p[1], store_code=p[2], packed=bool(p[3]), ready=bool(p[4]),
                      shipped=bool(p[5]), printed=bool(p[6]), pickup_no=p[7],
                      failed_step=Step(p[8]) if p[8] else None, error=p[9])
            for p in pos
        ]
        return JournalBatch(
            id=batch_id, profile=str(row[1]), started_at=float(row[2]), options=json.loads(row[3]),
            outcomes=outcomes, open_steps=[(int(s[0]), str(s[1]), json.loads(s[2])) for s in steps])

    def batch_state(self, batch_id: int) -> str:
        with self._lock:
            row = self._db.execute("SELECT state FROM batches WHERE id = ?", (batch_id,)).fetchone()
        return str(row[0]) if row else ""

    def steps(self, batch_id: int | None = None) -> list[dict[str, Any]]:
        """Every step, oldest first (for the report and the tests)."""
        sql = "SELECT id, batch_id, kind, purchase_order_nos, state, sent_at, answered_at, detail FROM steps"
        params: tuple[Any, ...] = ()
        if batch_id is not None:
            sql += " WHERE batch_id = ?"
            params = (batch_id,)
        with self._lock:
            rows = self._db.execute(sql + " ORDER BY id", params).fetchall()
        return [
            {"id": r[0], "batch_id": r[1], "kind": r[2], "purchase_order_nos": json.loads(r[3]), "state": r[4],
             "sent_at": r[5], "answered_at": r[6], "detail": r[7]}
            for r in rows
        ]

    # ------------------------------------------------------------------ steps outside a batch
    def step_sent(self, batch_id: int | None, kind: str, numbers: Sequence[str]) -> int:
        return self._write(
            "INSERT INTO steps(batch_id, kind, purchase_order_nos, state, sent_at) VALUES (?, ?, ?, 'sent', ?)",
            (batch_id, kind, json.dumps(list(numbers)), time.time()))

    def step_answered(self, step_id: int, state: str, detail: str = "") -> None:
        self._write("UPDATE steps SET state = ?, answered_at = ?, detail = ? WHERE id = ?",
                    (state, time.time(), detail[:500], step_id))

    # A token refresh is a state change too (the platform issues a new pair); it belongs to no
    # batch. One cut short is settled by refreshing again: older refresh tokens stay valid.
    def refresh_started(self) -> int:
        return self.step_sent(None, "token_refresh", [])

    def refresh_finished(self, handle: int, ok: bool, detail: str = "") -> None:
        self.step_answered(handle, "done" if ok else "failed", detail)

    def settle_open_refreshes(self) -> int:
        """Close token refreshes a crash left open; how many there were."""
        with self._lock:
            cursor = self._db.execute(
                "UPDATE steps SET state = 'reconciled', answered_at = ?"
                " WHERE kind = 'token_refresh' AND state = 'sent'",
                (time.time(),))
            return int(cursor.rowcount)


class BatchLog:
    """The journal bound to one batch: what :class:`~station.workflow.batch.BatchRunner` writes to."""

    def __init__(self, journal: Journal, batch_id: int) -> None:
        self.journal = journal
        self.batch_id = batch_id

    def sent(self, step: Step, numbers: Sequence[str]) -> int:
        return self.journal.step_sent(self.batch_id, step.value, numbers)

    def answered(self, step_id: int, state: str, detail: str = "") -> None:
        self.journal.step_answered(step_id, state, detail)

    def reconciled(self, step_ids: Iterable[int]) -> None:
        ids = list(step_ids)
        if ids:
            self.journal._write_many(
                "UPDATE steps SET state = 'reconciled', answered_at = ? WHERE id = ?",
                [(time.time(), i) for i in ids])

    def save(self, outcomes: Iterable[PoOutcome]) -> None:
        now = time.time()
        self.journal._write_many(
            "UPDATE batch_pos SET packed = ?, ready = ?, shipped = ?, printed = ?, pickup_no = ?, failed_step = ?,"
            " error = ?, updated_at = ? WHERE batch_id = ? AND purchase_order_no = ?",
            [(int(o.packed), int(o.ready), int(o.shipped), int(o.printed), o.pickup_no,
              o.failed_step.value if o.failed_step else None, o.error, now, self.batch_id, o.purchase_order_no)
             for o in outcomes])

    def finish(self, state: str) -> None:
        self.journal._write("UPDATE batches SET state = ?, finished_at = ? WHERE id = ?",
                            (state, time.time(), self.batch_id))
