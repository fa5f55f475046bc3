"""The part of the journal a running batch writes to and reads (:class:`BatchRecords`): its steps, its
outcomes, its lease and this bench's claims on its POs. :class:`~station.journal.batch_log.BatchLog` needs
no more of a journal than this; :class:`~station.journal.store.JournalStore` is all of it (opening,
finding and reading back batches too).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence

from station.outcomes import PoOutcome


class BatchRecords(ABC):
    """A batch's steps, outcomes and claims, as the journal keeps them.

    ``bench`` is this bench's name in claims; ``instance`` this process's (a claim of another process
    with the same bench name is not this one's); ``ttl`` how long (s) a claim lives without being renewed."""

    bench: str
    instance: str
    ttl: float

    @abstractmethod
    def step_sent(self, batch_id: int | None, kind: str, numbers: Sequence[str]) -> int: ...

    @abstractmethod
    def claimed_step_sent(self, batch_id: int, kind: str, numbers: Sequence[str]) -> int:
        """Record a step only while this bench still holds every PO of it (extending those claims);
        :class:`~station.journal.errors.ClaimLostError` when it does not."""

    @abstractmethod
    def step_answered(self, step_id: int, state: str, detail: str = "") -> None: ...

    @abstractmethod
    def reconcile_steps(self, step_ids: Sequence[int]) -> None: ...

    @abstractmethod
    def save_outcomes(self, batch_id: int, outcomes: Iterable[PoOutcome], bench: str | None = None) -> None:
        """With ``bench``: only while that bench still runs the batch (else :class:`ClaimLostError`)."""

    @abstractmethod
    def finish_batch(self, batch_id: int, state: str, bench: str | None = None) -> None: ...

    @abstractmethod
    def release_batch(self, batch_id: int) -> None:
        """Let go of the batch's lease (the run ended; a batch left open may be resumed by the next run)."""

    # ------------------------------------------------------------------ claims
    @abstractmethod
    def claim(
        self,
        bench_id: str,
        numbers: Sequence[str],
        ttl: float | None = None,
        *,
        batch_id: int | None = None,
        skip_done: bool = False,
    ) -> list[str]:
        """Claim ``numbers`` for ``bench_id``; the ones granted (free, expired or already this
        bench's). With ``skip_done``, a PO another batch already printed is not granted."""

    @abstractmethod
    def renew(
        self, bench_id: str, numbers: Sequence[str], ttl: float | None = None, batch_id: int | None = None
    ) -> list[str]:
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
    def claim_expiries(self, numbers: Sequence[str]) -> dict[str, tuple[str, str, float]]:
        """PO number -> (bench, instance, expires_at) of the live claims among ``numbers``, on the journal's
        clock: an expiry later than one read before means its holder renewed it since (it is alive)."""

    @abstractmethod
    def done_by(self, numbers: Sequence[str], batch_id: int | None) -> dict[str, str]:
        """PO number -> the bench whose batch (other than ``batch_id``) printed it."""
