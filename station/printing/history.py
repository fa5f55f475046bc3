"""Print job history: one SQLite table in a given folder: what went to which printer, when, and how it ended."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path

from station.problems import Problem, Sentence

DB_NAME = "print-history.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS print_jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,          -- local time, ISO 8601 with offset
    updated_at TEXT NOT NULL,
    file_path TEXT NOT NULL,
    po_numbers TEXT NOT NULL,          -- JSON list
    size TEXT NOT NULL,                -- "A4", "6030", "100150" or "WxHmm"
    pages INTEGER,
    printer TEXT NOT NULL,
    backend TEXT NOT NULL,             -- "cups", "qt"; a raw route: "socket", "cups_raw", "windows_raw"
    spool_id TEXT NOT NULL DEFAULT '', -- the CUPS job id where known; "sending" while a raw job streams
    status TEXT NOT NULL,
    error TEXT NOT NULL DEFAULT '',
    problem TEXT NOT NULL DEFAULT '',  -- the error's kind and parameters (JSON), for the window's language
    labels_sent INTEGER NOT NULL DEFAULT 0  -- raw jobs: labels the printer has (never sent again)
);
CREATE INDEX IF NOT EXISTS print_jobs_created ON print_jobs (created_at);
CREATE INDEX IF NOT EXISTS print_jobs_status ON print_jobs (status);
CREATE TABLE IF NOT EXISTS labels_written (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,          -- local time, ISO 8601 with offset
    file_path TEXT NOT NULL,           -- a batch's merged labels, before any printer
    po_numbers TEXT NOT NULL,          -- JSON list
    size TEXT NOT NULL,
    pages INTEGER
);
CREATE INDEX IF NOT EXISTS labels_written_created ON labels_written (created_at);
"""


class JobStatus(str, Enum):
    PENDING = "pending"  # recorded, not yet handed over
    SENT = "sent"  # accepted by the spooler, not reported completed yet
    WAITING = "waiting"  # accepted, held at the printer (out of paper, offline...): ``error`` says why
    PRINTED = "printed"  # the spooler reported it completed
    FAILED = "failed"  # refused, or given up (aborted, cancelled at the printer)
    RETRY = "retry"  # failed, and marked to be printed again

    @property
    def accepted(self) -> bool:
        """The printer has the job (sent, waiting at it, or printed): it must not be sent again.

        A pending, failed or to-retry job was not printed and must never be listed as if it were.
        """
        return self in (JobStatus.SENT, JobStatus.WAITING, JobStatus.PRINTED)


@dataclass(frozen=True)
class PrintJobRecord:
    id: int
    created_at: datetime
    updated_at: datetime
    file_path: Path
    po_numbers: tuple[str, ...]
    size: str
    pages: int | None
    printer: str
    backend: str
    spool_id: str
    status: JobStatus
    error: str  # the English sentence; a Sentence carrying its problem where the history knows it
    labels_sent: int = 0  # raw jobs: how many of its labels the printer has (sent again never)


def _now() -> datetime:
    return datetime.now().astimezone()


class PrintHistory:
    """The print job table in ``folder/print-history.sqlite3`` (created on first use)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / DB_NAME
        with self._db() as db:
            db.executescript(_SCHEMA)
            # a history written before these were kept: the column is added, its rows stay as they are
            columns = {row[1] for row in db.execute("PRAGMA table_info(print_jobs)")}
            for name, kind in (("problem", "TEXT NOT NULL DEFAULT ''"), ("labels_sent", "INTEGER NOT NULL DEFAULT 0")):
                if name in columns:
                    continue
                try:
                    db.execute(f"ALTER TABLE print_jobs ADD COLUMN {name} {kind}")
                except sqlite3.OperationalError as exc:  # another station added it just now
                    if "duplicate column" not in str(exc):
                        raise

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        connection = sqlite3.connect(self.path, timeout=10)
        connection.row_factory = sqlite3.Row
        try:
            with connection:  # one transaction: committed, or rolled back on error
                yield connection
        finally:
            connection.close()

    def record(
        self,
        file_path: Path,
        po_numbers: Sequence[str],
        size: str,
        printer: str,
        *,
        backend: str = "cups",
        pages: int | None = None,
    ) -> int:
        """A new job, status pending; its id."""
        now = _now().isoformat()
        with self._db() as db:
            cursor = db.execute(
                "INSERT INTO print_jobs (created_at, updated_at, file_path, po_numbers, size, pages, printer, backend,"
                " status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    now,
                    now,
                    str(file_path),
                    json.dumps(list(po_numbers)),
                    str(size),
                    pages,
                    printer,
                    backend,
                    JobStatus.PENDING.value,
                ),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    def _set(self, job_id: int, status: JobStatus, **fields: str) -> None:
        if "error" in fields:
            error = fields["error"]
            fields["problem"] = error.problem.to_json() if isinstance(error, Sentence) else ""
        columns = ", ".join(f"{name} = ?" for name in fields)
        sets = f"status = ?, updated_at = ?{', ' + columns if columns else ''}"
        with self._db() as db:
            cursor = db.execute(
                f"UPDATE print_jobs SET {sets} WHERE id = ?",
                (status.value, _now().isoformat(), *fields.values(), job_id),
            )
            if cursor.rowcount != 1:
                raise KeyError(f"no print job {job_id}")

    def mark_sent(self, job_id: int, spool_id: str = "") -> None:
        self._set(job_id, JobStatus.SENT, spool_id=spool_id, error="")

    def mark_printed(self, job_id: int) -> None:
        self._set(job_id, JobStatus.PRINTED, error="")

    def mark_waiting(self, job_id: int, error: str) -> None:
        """The spooler holds the job at the printer; ``error`` says why (it prints once it can)."""
        self._set(job_id, JobStatus.WAITING, error=error)

    def mark_at_printer(self, job_id: int) -> None:
        """A job that waited is on its way again (the printer is back): sent, no sentence."""
        self._set(job_id, JobStatus.SENT, error="")

    def set_labels_sent(self, job_id: int, labels: int) -> None:
        """A raw job's labels the printer has now (status unchanged; ``updated_at`` shows the sender lives)."""
        with self._db() as db:
            cursor = db.execute(
                "UPDATE print_jobs SET labels_sent = ?, updated_at = ? WHERE id = ?",
                (labels, _now().isoformat(), job_id),
            )
            if cursor.rowcount != 1:
                raise KeyError(f"no print job {job_id}")

    def take(self, job: PrintJobRecord, spool_id: str) -> bool:
        """Mark ``job`` sent with ``spool_id`` if nobody changed it since it was read: only one station
        (window or CLI) goes on with a raw job, so no label goes out twice."""
        with self._db() as db:
            cursor = db.execute(
                "UPDATE print_jobs SET status = ?, spool_id = ?, error = '', problem = '', updated_at = ?"
                " WHERE id = ? AND status = ? AND updated_at = ?",
                (
                    JobStatus.SENT.value,
                    spool_id,
                    _now().isoformat(),
                    job.id,
                    job.status.value,
                    job.updated_at.isoformat(),
                ),
            )
            return cursor.rowcount == 1

    def mark_failed(self, job_id: int, error: str) -> None:
        self._set(job_id, JobStatus.FAILED, error=error)

    def set_printer(self, job_id: int, printer: str, backend: str) -> None:
        """Send the job to another printer (or through another backend) from now on; status unchanged."""
        with self._db() as db:
            cursor = db.execute(
                "UPDATE print_jobs SET printer = ?, backend = ?, updated_at = ? WHERE id = ?",
                (printer, backend, _now().isoformat(), job_id),
            )
            if cursor.rowcount != 1:
                raise KeyError(f"no print job {job_id}")

    def mark_retry(self, job_ids: Iterable[int] | None = None) -> int:
        """Mark failed jobs (these, or every failed one) to print again; how many were marked."""
        with self._db() as db:
            if job_ids is None:
                cursor = db.execute(
                    "UPDATE print_jobs SET status = ?, updated_at = ? WHERE status = ?",
                    (JobStatus.RETRY.value, _now().isoformat(), JobStatus.FAILED.value),
                )
                return cursor.rowcount
            marked = 0
            for job_id in job_ids:
                cursor = db.execute(
                    "UPDATE print_jobs SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                    (JobStatus.RETRY.value, _now().isoformat(), job_id, JobStatus.FAILED.value),
                )
                marked += cursor.rowcount
            return marked

    def get(self, job_id: int) -> PrintJobRecord:
        with self._db() as db:
            row = db.execute("SELECT * FROM print_jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            raise KeyError(f"no print job {job_id}")
        return _record(row)

    def jobs_on(self, day: date) -> list[PrintJobRecord]:
        """The jobs created on ``day`` (local time), oldest first."""
        with self._db() as db:  # created_at is local time, so its first ten characters are the local day
            rows = db.execute(
                "SELECT * FROM print_jobs WHERE substr(created_at, 1, 10) = ? ORDER BY id", (day.isoformat(),)
            ).fetchall()
        return [_record(r) for r in rows]

    def record_labels(self, file_path: Path, po_numbers: Sequence[str], size: str, pages: int | None) -> None:
        """A batch wrote these POs' labels to ``file_path`` (kept apart from the journal, so that
        a lost journal does not lose which POs got their labels here)."""
        with self._db() as db:
            db.execute(
                "INSERT INTO labels_written (created_at, file_path, po_numbers, size, pages) VALUES (?, ?, ?, ?, ?)",
                (_now().isoformat(), str(file_path), json.dumps(list(po_numbers)), str(size), pages),
            )

    def pos_with_labels(self, since: date) -> set[str]:
        """The POs whose labels this station wrote to a file or a printer took, since ``since`` (local day)."""
        found: set[str] = set()
        with self._db() as db:
            rows = db.execute(
                "SELECT po_numbers FROM labels_written WHERE substr(created_at, 1, 10) >= ?", (since.isoformat(),)
            ).fetchall()
            rows += db.execute(
                "SELECT po_numbers FROM print_jobs WHERE substr(created_at, 1, 10) >= ? AND status IN (?, ?, ?)",
                (since.isoformat(), JobStatus.SENT.value, JobStatus.WAITING.value, JobStatus.PRINTED.value),
            ).fetchall()
        for row in rows:
            found.update(json.loads(row[0]))
        return found

    def to_retry(self) -> list[PrintJobRecord]:
        with self._db() as db:
            rows = db.execute("SELECT * FROM print_jobs WHERE status = ? ORDER BY id", (JobStatus.RETRY.value,))
            return [_record(r) for r in rows.fetchall()]


def _record(row: sqlite3.Row) -> PrintJobRecord:
    return PrintJobRecord(
        id=row["id"],
        created_at=datetime.fromisoformat(row["created_at"]),
        updated_at=datetime.fromisoformat(row["updated_at"]),
        file_path=Path(row["file_path"]),
        po_numbers=tuple(json.loads(row["po_numbers"])),
        size=row["size"],
        pages=row["pages"],
        printer=row["printer"],
        backend=row["backend"],
        spool_id=row["spool_id"],
        status=JobStatus(row["status"]),
        error=_error(row["error"], row["problem"]),
        labels_sent=row["labels_sent"],
    )


def _error(text: str, problem_json: str) -> str:
    problem = Problem.from_json(problem_json)
    return text if problem is None else Sentence(problem, text)
