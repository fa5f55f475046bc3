"""The journal: every state-changing step written down before it is sent and after the answer,
so that a batch cut short by a crash, a power cut or a network drop resumes exactly where it stopped.

:func:`open_journal` picks the store: a ``postgresql://`` URL opens the journal that every bench
of a warehouse shares (with PO claims), anything else is the path of this bench's SQLite file.
"""

from __future__ import annotations

from pathlib import Path

from station.journal.batch_log import BatchLog
from station.journal.errors import BatchHeldError, ClaimLostError, JournalUnreachableError
from station.journal.integrity import JournalPathError, SetAside
from station.journal.sqlite import Journal, default_journal_path
from station.journal.store import BenchDay, JournalBatch, JournalStore, bench_name
from station.journal.verify_records import (
    StoredInnerPack,
    StoredVerification,
    VerifyEvent,
    VerifyEventKind,
    VerifyRecords,
    VerifyRecordState,
)

__all__ = [
    "BatchHeldError",
    "BatchLog",
    "BenchDay",
    "ClaimLostError",
    "Journal",
    "JournalBatch",
    "JournalPathError",
    "JournalStore",
    "JournalUnreachableError",
    "SetAside",
    "StoredInnerPack",
    "StoredVerification",
    "VerifyEvent",
    "VerifyEventKind",
    "VerifyRecordState",
    "VerifyRecords",
    "bench_name",
    "default_journal_path",
    "is_shared_target",
    "open_journal",
]


def is_shared_target(target: str | Path) -> bool:
    text = str(target)
    return text.startswith(("postgresql://", "postgres://", "postgresql:/", "postgres:/"))


def open_journal(target: str | Path, *, bench: str | None = None, ttl: float | None = None) -> JournalStore:
    """The journal at ``target``: a ``postgresql://user@host:port/db`` URL (its password from the
    URL or the keyring entry ``station``/``journal:<host>``) or a SQLite file path (``:memory:``
    for a throwaway one). ``bench`` defaults to ``STATION_BENCH`` or the host name; ``ttl`` (the
    claims' life, seconds) to ``STATION_CLAIM_TTL`` or 60."""
    if is_shared_target(target):
        from station.journal.postgres import PostgresJournal  # psycopg is only needed for a shared journal

        return PostgresJournal(str(target), bench=bench, ttl=ttl)
    return Journal(Path(target), bench=bench, ttl=ttl)
