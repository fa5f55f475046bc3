"""What the station writes its batches, steps and claims to (:class:`JournalStore`), whatever holds
it, and the settings of this bench's claims. :class:`~station.journal.sql.SqlJournal` implements it
for SQLite and PostgreSQL; :class:`~station.journal.batch_log.BatchLog` binds it to one batch.
"""

from __future__ import annotations

import os
import socket
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from station.outcomes import PoOutcome

if TYPE_CHECKING:
    from station.journal.batch_log import BatchLog

DEFAULT_CLAIM_TTL = 60.0  # seconds a claim lives without being renewed (a dead bench's POs wait this long)


def bench_name() -> str:
    """This bench's name in claims: ``STATION_BENCH`` when set, else the machine's host name.

    It survives a restart, so a bench that crashed resumes its own batch and keeps its claims at
    once. Two stations started on one machine share it; each journal object also has its own
    ``instance`` id and ``pid``, so they never share a batch or a claim.
    """
    return os.environ.get("STATION_BENCH", "").strip() or socket.gethostname() or f"bench-{os.getpid()}"


def claim_ttl() -> float:
    try:
        return max(1.0, float(os.environ.get("STATION_CLAIM_TTL", DEFAULT_CLAIM_TTL)))
    except ValueError:
        return DEFAULT_CLAIM_TTL


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


class JournalStore(ABC):
    """What the station writes its batches, steps and claims to.

    ``bench`` is the name people see (shared by every station process on one PC unless
    ``STATION_BENCH`` tells them apart); ``instance`` is this process's own id and ``pid`` its process
    id: a batch and a claim belong to one instance, so a second process with the same bench name
    never resumes, nor counts as its own, what a live one is doing."""

    bench: str
    instance: str
    pid: int
    ttl: float

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
    def release_batch(self, batch_id: int) -> None:
        """Let go of the batch's lease (the run ended; a batch left open may be resumed by the next run)."""

    @abstractmethod
    def batch_state(self, batch_id: int) -> str: ...

    @abstractmethod
    def recent_outcomes(self, profile: str, since: float) -> list[tuple[PoOutcome, str, float]]:
        """What the profile's batches did to POs since ``since`` (epoch seconds), oldest first:
        (outcome, the batch's job, when it was saved)."""

    @abstractmethod
    def steps(self, batch_id: int | None = None) -> list[dict[str, Any]]: ...

    @abstractmethod
    def step_sent(self, batch_id: int | None, kind: str, numbers: Sequence[str]) -> int: ...

    @abstractmethod
    def claimed_step_sent(self, batch_id: int, kind: str, numbers: Sequence[str]) -> int:
        """Record a step only while this bench still holds every PO of it (extending those claims);
        :class:`~station.journal.errors.ClaimLostError` when it does not."""

    @abstractmethod
    def step_answered(self, step_id: int, state: str, detail: str = "") -> None: ...

    def refresh_started(self) -> int:
        # A token refresh is a state change too (the platform issues a new pair); it belongs to no
        # batch. One cut short is settled by refreshing again: older refresh tokens stay valid.
        return self.step_sent(None, "token_refresh", [])

    def refresh_finished(self, handle: int, ok: bool, detail: str = "") -> None:
        self.step_answered(handle, "done" if ok else "failed", detail)

    @abstractmethod
    def settle_open_refreshes(self) -> int: ...

    @abstractmethod
    def reconcile_steps(self, step_ids: Sequence[int]) -> None: ...

    @abstractmethod
    def save_outcomes(self, batch_id: int, outcomes: Iterable[PoOutcome], bench: str | None = None) -> None:
        """With ``bench``: only while that bench still runs the batch (else :class:`ClaimLostError`)."""

    @abstractmethod
    def finish_batch(self, batch_id: int, state: str, bench: str | None = None) -> None: ...

    # ------------------------------------------------------------------ claims
    @abstractmethod
    def claim(self, bench_id: str, numbers: Sequence[str], ttl: float | None = None, *,
              batch_id: int | None = None, skip_done: bool = False) -> list[str]:
        """Claim ``numbers`` for ``bench_id``; the ones granted (free, expired or already this
        bench's). With ``skip_done``, a PO another batch already printed is not granted."""

    @abstractmethod
    def renew(self, bench_id: str, numbers: Sequence[str], ttl: float | None = None,
              batch_id: int | None = None) -> list[str]:
        """Extend this bench's claims (and its lease on ``batch_id``); the numbers it still holds."""

    @abstractmethod
    def release(self, bench_id: str, numbers: Sequence[str], batch_id: int | None = None) -> None:
        """Drop this bench's claims on ``numbers`` (only those taken for ``batch_id`` when given)."""

    @abstractmethod
    def holders(self, numbers: Sequence[str] | None = None) -> dict[str, str]:
        """PO number -> bench, for the live claims among ``numbers`` (all live claims if None)."""

    @abstractmethod
    def claim_holders(self, numbers: Sequence[str]) -> dict[str, tuple[str, str, int]]:
        """PO number -> (bench, instance, pid) of the live claims among ``numbers``."""

    @abstractmethod
    def done_by(self, numbers: Sequence[str], batch_id: int | None) -> dict[str, str]:
        """PO number -> the bench whose batch (other than ``batch_id``) printed it."""
