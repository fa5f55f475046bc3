"""What the station writes its batches, steps and claims to (:class:`JournalStore`), whatever holds
it, and the settings of this bench's claims. :class:`~station.journal.sql.SqlJournal` implements it
for SQLite and PostgreSQL; :class:`~station.journal.batch_log.BatchLog` binds the part of it a batch
uses (:class:`~station.journal.records.BatchRecords`) to one batch.
"""

from __future__ import annotations

import os
import socket
from abc import abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from station import preferences
from station.journal.batch_log import BatchLog
from station.journal.budget_records import BudgetRecords
from station.journal.records import BatchRecords
from station.journal.verify_records import VerifyRecords
from station.outcomes import PoOutcome


def bench_name() -> str:
    """This bench's name in claims: ``STATION_BENCH`` when set (:data:`station.preferences.BENCH`), else the
    machine's host name.

    It survives a restart, so a bench that crashed resumes its own batch and keeps its claims at
    once. Two stations started on one machine share it; each journal object also has its own
    ``instance`` id and ``pid``, so they never share a batch or a claim.
    """
    return preferences.from_environment(preferences.BENCH) or socket.gethostname() or f"bench-{os.getpid()}"


def claim_ttl() -> float:
    """Seconds a claim lives without being renewed (a dead bench's POs wait this long): ``STATION_CLAIM_TTL``
    when set (:data:`station.preferences.CLAIM_TTL`), else a minute."""
    ttl = preferences.from_environment(preferences.CLAIM_TTL)
    return preferences.CLAIM_TTL.default if ttl is None else ttl


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


@dataclass(frozen=True)
class BenchDay:
    """One bench's part of the day, as the shared journal shows it: the POs its batches shipped and
    printed, and how many it holds now (claimed, being worked)."""

    shipped: int = 0
    printed: int = 0
    holding: int = 0


class JournalStore(BatchRecords, VerifyRecords, BudgetRecords):
    """What the station writes its batches, steps and claims to.

    ``bench`` is the name people see (shared by every station process on one PC unless
    ``STATION_BENCH`` tells them apart); ``instance`` is this process's own id and ``pid`` its process
    id: a batch and a claim belong to one instance, so a second process with the same bench name
    never resumes, nor counts as its own, what a live one is doing. ``operator`` is who is signed in
    at the bench (settable; '' when no one is): written with every step and batch it records."""

    instance: str
    pid: int
    operator: str
    in_memory = False  # a throwaway journal (the demo's): no other bench can share it

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def start_batch(self, profile: str, outcomes: Sequence[PoOutcome], options: dict[str, Any]) -> BatchLog: ...

    @abstractmethod
    def resume_batch(self, batch_id: int) -> BatchLog: ...

    @abstractmethod
    def unfinished_batch(self, profile: str) -> JournalBatch | None:
        """The open batch to resume, its lease now this process's; :class:`BatchHeldError` when this
        bench's open batch is run by another live process on this PC."""

    @abstractmethod
    def batch_state(self, batch_id: int) -> str: ...

    @abstractmethod
    def recent_outcomes(self, profile: str, since: float) -> list[tuple[PoOutcome, str, float]]:
        """What the profile's batches did to POs since ``since`` (epoch seconds), oldest first:
        (outcome, the batch's job, when it was saved)."""

    @abstractmethod
    def benches_day(self, profile: str, since: float) -> dict[str, BenchDay]:
        """Each bench's POs shipped and printed by the profile's batches since ``since`` (epoch
        seconds), and those it holds now; read from the journal alone (no platform call)."""

    @abstractmethod
    def steps(self, batch_id: int | None = None) -> list[dict[str, Any]]: ...

    def refresh_started(self) -> int:
        # A token refresh is a state change too (the platform issues a new pair); it belongs to no
        # batch. One cut short is settled by refreshing again: older refresh tokens stay valid.
        return self.step_sent(None, "token_refresh", [])

    def refresh_finished(self, handle: int, ok: bool, detail: str = "") -> None:
        self.step_answered(handle, "done" if ok else "failed", detail)

    @abstractmethod
    def settle_open_refreshes(self) -> int: ...
