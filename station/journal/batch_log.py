"""The journal bound to one batch (:class:`BatchLog`): the steps the runner writes, and this bench's
claims on the batch's POs, kept alive by a heartbeat thread while the batch runs."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable, Sequence

from station.journal.errors import ClaimLostError
from station.journal.records import BatchRecords
from station.lazada.errors import StationApiError
from station.outcomes import PoOutcome, Step
from station.problems import say

log = logging.getLogger(__name__)

# A bench renews its claims at least this often (s), and every third of their life when that is shorter:
# a bench out of work leaves the POs a live bench holds once it has seen that bench renew them (one
# cheap UPDATE each time), so this is how long the day's last benches wait on each other.
RENEW_EVERY = 5.0


class BatchLog:
    """The journal bound to one batch: what :class:`~station.workflow.batch.BatchRunner` writes to.

    Once :meth:`claim` was called, every step is recorded only while this bench still holds its
    POs (see :meth:`BatchRecords.claimed_step_sent`)."""

    def __init__(self, journal: BatchRecords, batch_id: int) -> None:
        self.journal = journal
        self.batch_id = batch_id
        self._claimed: list[str] = []
        self._claiming = False
        self._renewed = 0.0
        self._renew_lock = threading.Lock()
        self._lost: ClaimLostError | None = None
        self._stop = threading.Event()
        self._heartbeat: threading.Thread | None = None

    def sent(self, step: Step, numbers: Sequence[str]) -> int:
        if self._lost is not None:
            raise self._lost
        if self._claiming:
            self.renew()
            return self.journal.claimed_step_sent(self.batch_id, step.value, numbers)
        return self.journal.step_sent(self.batch_id, step.value, numbers)

    def answered(self, step_id: int, state: str, detail: str = "") -> None:
        self.journal.step_answered(step_id, state, detail)

    def reconciled(self, step_ids: Iterable[int]) -> None:
        self.journal.reconcile_steps(list(step_ids))

    def save(self, outcomes: Iterable[PoOutcome]) -> None:
        self.journal.save_outcomes(self.batch_id, outcomes, self._owner())

    def finish(self, state: str) -> None:
        self.journal.finish_batch(self.batch_id, state, self._owner())

    def _owner(self) -> str | None:
        """Once claiming, this bench writes to the batch only while it still runs it."""
        return self.journal.bench if self._claiming else None

    # ------------------------------------------------------------------ claims
    @property
    def claim_ttl(self) -> float:
        """How long (s) a claim lives unless renewed: a claim still live after that was renewed since."""
        return self.journal.ttl

    def claim(self, numbers: Sequence[str], *, redo: bool = False) -> dict[str, str]:
        """Claim ``numbers`` (all or a chunk of the batch's POs) for this bench before anything is sent
        for them; a batch claims chunk after chunk, each added to what it holds. Returns, for each PO not
        granted, the sentence saying why (a Sentence: it carries its problem). ``redo`` lets a PO
        another batch already printed be claimed again (the runner passes it for a batch that does not
        both ship and print: a reprint, a scan to print, a ship alone); a run never redoes another batch's PO."""
        journal = self.journal
        wanted = list(dict.fromkeys(numbers))
        granted = set(journal.claim(journal.bench, wanted, batch_id=self.batch_id, skip_done=not redo))
        self._claimed = list(dict.fromkeys([*self._claimed, *(no for no in wanted if no in granted)]))
        self._claiming = True
        self._renewed = time.monotonic()
        if self._heartbeat is None:
            # Renew in the background too: merging a big PDF or a slow download sends no step,
            # and a live bench must never look dead to the others.
            self._stop.clear()
            self._heartbeat = threading.Thread(target=self._beat, name=f"claims-{self.batch_id}", daemon=True)
            self._heartbeat.start()
        refused = [no for no in wanted if no not in granted]
        return self.refusals(refused) if refused else {}

    def refusals(self, numbers: Sequence[str]) -> dict[str, str]:
        """Why each of ``numbers`` is not this bench's: held by another bench (or another Station of this
        bench), done by another batch, or a claim racing ours. Reads only; writes nothing."""
        journal = self.journal
        holders = journal.claim_holders(numbers)
        done = journal.done_by([no for no in numbers if no not in holders], self.batch_id)
        sentences: dict[str, str] = {}
        for no in numbers:
            if no in holders and holders[no][0] == journal.bench:
                sentences[no] = say("po.held_here", pid=holders[no][2])
            elif no in holders:
                sentences[no] = say("po.held_by_bench", bench=holders[no][0])
            elif no in done:
                sentences[no] = say("po.done_by_bench", bench=done[no])
            else:
                sentences[no] = say("po.claim_race")
        return sentences

    def held(self, numbers: Sequence[str]) -> dict[str, str]:
        """PO number -> bench, for those of ``numbers`` another process holds a live claim on (one read:
        a batch looks before it claims, so a chunk another bench works costs no claim attempt)."""
        instance = self.journal.instance
        return {no: h[0] for no, h in self.journal.claim_holders(numbers).items() if h[1] != instance}

    @property
    def renew_every(self) -> float:
        """Seconds between two renewals of this bench's claims."""
        return min(self.journal.ttl / 3, RENEW_EVERY)

    def claims_of_others(self, numbers: Sequence[str]) -> dict[str, tuple[str, str, float]]:
        """PO number -> (bench, instance, expiry on the journal's clock), for those of ``numbers`` another
        process holds a live claim on (a read only): a later expiry than one read before says it renewed."""
        instance = self.journal.instance
        return {no: h for no, h in self.journal.claim_expiries(numbers).items() if h[1] != instance}

    def renew(self, force: bool = False) -> None:
        """Extend this bench's claims and its lease on the batch (at most every :attr:`renew_every`)."""
        if not self._claiming:
            return
        with self._renew_lock:
            if not force and time.monotonic() - self._renewed < self.renew_every:
                return
            # One list for the renewal and the check: a chunk claimed meanwhile (another thread) is not lost.
            claimed = list(self._claimed)
            held = set(self.journal.renew(self.journal.bench, claimed, batch_id=self.batch_id))
            self._renewed = time.monotonic()
        lost = [no for no in claimed if no not in held]
        if lost:
            raise ClaimLostError(f"claims lost on {len(lost)} POs, e.g. {lost[0]}")

    def _beat(self) -> None:
        while not self._stop.wait(self.renew_every):
            try:
                self.renew(force=True)
            except ClaimLostError as exc:
                self._lost = exc
                return
            except StationApiError:
                continue  # the server is away: the next step says so; try again later
            except Exception:  # the journal was closed under the batch: nothing left to renew
                log.debug("claims heartbeat of batch %s stopped", self.batch_id, exc_info=True)
                return

    def release(self) -> None:
        self._stop.set()
        if self._heartbeat is not None:
            self._heartbeat.join(timeout=10)
            self._heartbeat = None
        try:
            if self._claiming and self._claimed:
                self.journal.release(self.journal.bench, self._claimed, self.batch_id)
        finally:
            self._claimed = []
            self._claiming = False
            self.journal.release_batch(self.batch_id)  # the run is over: the next one may resume the batch
