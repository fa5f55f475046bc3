"""The journal in SQLite (the default; nothing to install).

Durability first: WAL with ``synchronous=FULL``, one transaction per write, so what the journal
says was sent survives a power cut. Threads share one connection behind a lock: writes are tiny
and the batch's threads mostly wait on the network. Every write transaction is ``BEGIN IMMEDIATE``,
so claims taken by two processes on the same machine are serialized like PostgreSQL's row locks.

**Batch leases.** A process running a batch holds an exclusive lock on the batch's lock file next
to the journal (``journal.sqlite3-batch-17.lock``): ``flock(LOCK_EX | LOCK_NB)`` on Linux and
macOS, ``msvcrt.locking(LK_NBLCK)`` on Windows, taken without waiting. The operating system drops
it when the process ends, however it ends (SIGKILL, a crash, a power cut), so a second station on
this PC can tell a live batch (the lock is held: not resumed) from one whose station died (the lock
is free: resumed at once). ``flock`` locks belong to the open file, so two journals of one process
exclude each other as two processes do. The file of a finished batch is deleted.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from station.journal import integrity
from station.journal.batch_log import BatchLog
from station.journal.schema import MIGRATIONS
from station.journal.sql import SqlJournal
from station.journal.store import JournalBatch
from station.journal.tx import Tx
from station.paths import data_dir

__all__ = ["BatchLog", "Journal", "JournalBatch", "default_journal_path"]


def default_journal_path() -> Path:
    return data_dir() / "journal.sqlite3"


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # BlockingIOError: another open file (another process) holds it
            return False
        return True


class _SqliteTx(Tx):
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self._db.execute(sql, tuple(params)).fetchall()]

    def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        return int(self._db.execute(sql, tuple(params)).rowcount)

    def many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self._db.executemany(sql, [tuple(r) for r in rows])


class Journal(SqlJournal):
    """The SQLite journal (a file on this bench)."""

    def __init__(self, path: Path, *, bench: str | None = None, ttl: float | None = None) -> None:
        super().__init__(bench, ttl)
        self.path = path
        self._lock = threading.Lock()
        self._leases: dict[int, int] = {}  # batch id -> the open lock file this process holds it with
        # A damaged or lost journal replaced by a new one at open (see integrity.py); the caller says so.
        self.set_aside: integrity.SetAside | None = None
        if str(path) == ":memory:":
            self.in_memory = True
            self._db = self._connect(check=False)
            return
        integrity.check_journal_path(path)
        reason = integrity.lost_since_last_open(path)
        if reason:
            self.set_aside = integrity.set_aside(path, reason)
        try:
            self._db = self._connect(check=True)
        except sqlite3.DatabaseError as exc:
            self.set_aside = integrity.set_aside(path, str(exc))
            self._db = self._connect(check=False)
        integrity.mark_open(path)

    def _connect(self, *, check: bool) -> sqlite3.Connection:
        db = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False, timeout=30)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
            if check:
                found = db.execute("PRAGMA quick_check(1)").fetchone()[0]
                if found != "ok":
                    raise sqlite3.DatabaseError(f"integrity check: {found}")
                if (
                    integrity.was_open(self.path)
                    and db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone() is None
                ):
                    raise sqlite3.DatabaseError("its tables were missing after the station stopped without closing it")
            self._db = db
            self._migrate()
        except BaseException:
            db.close()
            raise
        return db

    def close(self) -> None:
        with self._lock:
            self._db.close()
            for batch_id in list(self._leases):
                self._unlock(batch_id, finished=False)
        if str(self.path) != ":memory:":
            integrity.mark_closed(self.path)

    # ------------------------------------------------------------------ batch leases
    def lease_path(self, batch_id: int) -> Path:
        return self.path.with_name(f"{self.path.name}-batch-{batch_id}.lock")

    def _take_lease(self, tx: Tx, batch_id: int) -> bool:
        if str(self.path) == ":memory:" or batch_id in self._leases:
            return True  # a journal in memory is this process's alone
        fd = os.open(self.lease_path(batch_id), os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            os.close(fd)
            return False
        with suppress(OSError):  # for whoever looks at the folder; the journal has the pid too
            os.write(fd, f"{self.pid} {self.instance}\n".encode())
        self._leases[batch_id] = fd
        return True

    def _drop_lease(self, batch_id: int, finished: bool) -> None:
        with self._lock:
            self._unlock(batch_id, finished)

    def _unlock(self, batch_id: int, finished: bool) -> None:
        fd = self._leases.pop(batch_id, None)
        if fd is None:
            return
        if finished and sys.platform != "win32":
            # No one takes the lock of a closed batch (they look only inside a transaction that sees
            # it running), so deleting the file while holding it races with no one.
            with suppress(OSError):
                self.lease_path(batch_id).unlink()
        os.close(fd)  # the lock goes with it
        if finished and sys.platform == "win32":
            with suppress(OSError):
                self.lease_path(batch_id).unlink()

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
                        " ON CONFLICT(key) DO UPDATE SET value = excluded.value;\nCOMMIT;"
                    )
                except BaseException:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                    raise

    @contextmanager
    def _tx(self) -> Iterator[Tx]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield _SqliteTx(self._db)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def _now(self, tx: Tx) -> float:
        return time.time()

    def schema_version(self) -> int:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0
