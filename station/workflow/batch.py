"""A batch of JIT POs from To Pack to labels in one PDF: pack, wait until ready, ship, print.

Every state-changing step resolves a lost answer by reading the POs' status before sending
anything again, so a PO is never shipped twice. Work goes per ship group (store + warehouse):
a group is shipped and its labels fetched as soon as all its POs are ready, while the others
are still being waited on.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Protocol

from station.lazada import limits
from station.lazada.errors import (
    AlreadyPackedError,
    InvalidStatusError,
    OutcomeUnknownError,
    RequestValidationError,
    StationApiError,
)
from station.lazada.jit import JitClient
from station.lazada.models import PdfSize, PickupContact, POQuery, POStatus, PurchaseOrder
from station.outcomes import BatchReport, PoNews, PoOutcome, Step, pickup_date_problem
from station.printing.download import Downloader
from station.printing.merge import LabelMerge, MergeError, MergeKey, MergeOutputError, StreamingMerge
from station.printing.output_check import check_output
from station.problems import Problem, problem_of

log = logging.getLogger(__name__)

ProgressFn = Callable[[Step, int, int], None]
NewsFn = Callable[[PoNews], None]


class StepLog(Protocol):
    """Where the runner writes each state-changing step before it is sent and after the answer
    (the journal; see :mod:`station.journal`)."""

    def sent(self, step: Step, numbers: Sequence[str]) -> int: ...

    def answered(self, step_id: int, state: str, detail: str = "") -> None: ...

    def save(self, outcomes: Iterable[PoOutcome]) -> None: ...

    def finish(self, state: str) -> None: ...

    @property
    def claim_ttl(self) -> float:
        """How long (s) a claim lives unless renewed (0: no claims)."""
        ...

    def claim(self, numbers: Sequence[str], *, redo: bool = False) -> dict[str, str]:
        """Claim ``numbers`` (a chunk of the batch's POs) for this bench before anything is sent for
        them, adding them to what it holds: for each PO not granted, the sentence saying why.
        ``redo``: a PO another batch already printed may be claimed."""
        ...

    def held(self, numbers: Sequence[str]) -> dict[str, str]:
        """PO number -> bench, for those of ``numbers`` another process holds now (a read only)."""
        ...

    def refusals(self, numbers: Sequence[str]) -> dict[str, str]:
        """Why each of ``numbers`` is not this bench's, as :meth:`claim` says it (a read only)."""
        ...

    def claims_of_others(self, numbers: Sequence[str]) -> dict[str, tuple[str, str, float]]:
        """PO number -> (bench, instance, claim expiry), for those of ``numbers`` another process holds
        (a read only): an expiry later than one read before means that holder renewed it (it is alive)."""
        ...

    def renew(self, force: bool = False) -> None:
        """Keep this bench's claims alive (a no-op when nothing was claimed)."""
        ...

    def release(self) -> None:
        """Hand the claims back once the batch's run is over."""
        ...


class _NoLog:
    """No journal: nothing written, nothing claimed (every PO is this bench's)."""

    def sent(self, step: Step, numbers: Sequence[str]) -> int:
        return 0

    def answered(self, step_id: int, state: str, detail: str = "") -> None:
        pass

    def save(self, outcomes: Iterable[PoOutcome]) -> None:
        pass

    def finish(self, state: str) -> None:
        pass

    claim_ttl = 0.0

    def claim(self, numbers: Sequence[str], *, redo: bool = False) -> dict[str, str]:
        return {}

    def held(self, numbers: Sequence[str]) -> dict[str, str]:
        return {}

    def refusals(self, numbers: Sequence[str]) -> dict[str, str]:
        return {}

    def claims_of_others(self, numbers: Sequence[str]) -> dict[str, tuple[str, str, float]]:
        return {}

    def renew(self, force: bool = False) -> None:
        pass

    def release(self) -> None:
        pass


class BatchCancelled(Exception):
    pass


ALL_STEPS = frozenset({Step.PACK, Step.SHIP, Step.PRINT})
FAST_POLL_BELOW = 5 * limits.QUERY_PO_NUMBERS_MAX  # POs still waiting: five status reads
FAST_POLL_INTERVAL = 0.5
SHIP_WORKERS = 16  # threads for ship and print calls (label files are fetched from them too)
# A bench claims its next chunk at most this many POs a second after the last: fast enough that a bench
# alone has every chunk packed within seconds (their pack delays overlap), slow enough that benches
# started together take turns, so the day is split among them rather than taken by the first.
CLAIM_PACE = 200.0
HOLD_MARGIN = 2.0  # s beyond a claim's life: a claim still live then was renewed, its bench is alive
# s a bench beyond its part of the day and out of work leaves a free chunk to a live bench holding fewer of
# the day's POs (twice the platform's longest pack delay: that bench is out of work by then, even on a loaded
# PC, and takes it itself; at 10 s a bench took its second extra chunk in one of three 4-bench trials)
DEFER_STEAL = 20.0
NOT_PACKED = Problem("po.not_packed")


@dataclass(frozen=True)
class BatchOptions:
    cache_dir: Path  # downloaded print files, reused for a reprint
    contact: PickupContact | None = None  # required when the batch ships
    output: Path | None = None  # the merged PDF; required when the batch prints
    steps: frozenset[Step] = ALL_STEPS  # pack only, ship only, print only, or all three
    refresh_first: bool = False  # read every PO's status first: the caller's list may be stale
    size: PdfSize = PdfSize.LABEL_100X150
    print_order: bool = False
    print_barcode: bool = True
    first_poll_after: float = 4.0  # the platform packs in 5-10 s; asking earlier only costs calls
    poll_interval: float = 1.0
    ready_timeout: float = 180.0  # a PO still To Pack after this is reported as stuck
    attempts: int = 3
    # Merges the label files into ``output`` as they arrive; the window's merges in a child
    # process (see merge_child.py).
    merge: Callable[[Path], LabelMerge] = StreamingMerge
    # The print history's folder: which POs got their labels here is written there too, apart
    # from the journal, so that a lost journal cannot hide shipped POs without labels.
    history_dir: Path | None = None
    # Read the POs' status again right before shipping and before printing (a bench packing one PO it
    # verified: a cancellation since the last read is caught and nothing is sent for the PO). One status
    # read more per ship group and print call, so a batch of many POs leaves it off.
    recheck_before_sending: bool = False


def list_to_pack(client: JitClient, days: float = 7, progress: ProgressFn | None = None) -> list[PurchaseOrder]:
    """The POs waiting to be packed, created in the last ``days`` days (at most 90)."""
    if not 0 < days <= 90:
        raise RequestValidationError("The number of days to look back must be between 1 and 90.")
    end = client.now() + timedelta(minutes=5)
    query = POQuery(created_from=end - timedelta(days=days), created_to=end, status=POStatus.TO_PACK)
    callback = (lambda done, total: progress(Step.LIST, done, total)) if progress else None
    return client.list_pos(query, progress=callback)


class BatchRunner:
    def __init__(
        self,
        client: JitClient,
        options: BatchOptions,
        *,
        progress: ProgressFn | None = None,
        cancel: threading.Event | None = None,
        log: StepLog | None = None,
        resumed: Iterable[PoOutcome] = (),
        fetched: Iterable[Sequence[str]] = (),
        news: NewsFn | None = None,
    ) -> None:
        self.client = client
        self._news = news
        self.options = options
        self._progress = progress
        self._cancel = cancel or threading.Event()
        self._log: StepLog = log or _NoLog()
        # What a resumed batch already did that the platform cannot tell: which labels were printed.
        self._already_printed = {o.purchase_order_no: o for o in resumed if o.printed}
        # ...and which labels it had fetched: asked for again with the same POs, they come from the
        # cache (a print call's POs depend on when each turned ready, so they are not recomputed).
        self._fetched = [list(numbers) for numbers in fetched]
        self._lock = threading.Lock()
        self.report = BatchReport()
        self._pos: dict[str, PurchaseOrder] = {}
        self._files: dict[MergeKey, tuple[Path, list[str]]] = {}  # print chunk -> (its file, its POs)
        self._merging: LabelMerge | None = None
        self._downloader: Downloader | None = None  # one HTTP session for the batch's label files
        self._print_calls: dict[int, int] = {}  # ship group -> the last print call's number
        self._counts: dict[Step, int] = {}
        # The merged file could not be written (disk full, read-only): the label files are kept in
        # the cache, no more are merged, and the batch stays open to be resumed.
        self._output_error: MergeOutputError | None = None
        self._pack_unknown: set[str] = set()  # packs sent whose answers never came or never read
        # What the journal holds of each PO (as last saved, or as the batch was started or resumed with):
        # a save writes only the POs whose outcome changed since.
        self._saved: dict[str, tuple[object, ...]] = {o.purchase_order_no: _row(o) for o in resumed}
        self._save_lock = threading.Lock()  # one save at a time: an older row never overwrites a newer
        # --- claims in chunks (issue 22): the chunks (at most 100 POs of whole ship groups) not yet this
        # bench's, and the units it claimed and works (one ship group each, of what it was granted), in claim order.
        self._unclaimed: dict[int, list[str]] = {}
        self._units: list[list[str]] = []
        self._refused_once: set[str] = set()  # POs another bench held when this one asked: maybe worked there
        # Out of work of its own, the latest claim expiry first seen of each other holder (bench, instance) of
        # the POs left: a later one read since means that holder renewed, so it is alive and works them.
        self._holders_seen: dict[tuple[str, str], float] = {}
        # Claims beyond this bench's part of the day wait until its first POs are ready (see _may_claim).
        self._share_capped = True
        self._deferring_since: float | None = None  # when this bench began leaving a free chunk to a smaller bench
        self._redo = False

    # ------------------------------------------------------------------ helpers
    def _outcome(self, no: str) -> PoOutcome:
        return self.report.outcomes[no]

    def _tick(self, step: Step, amount: int, total: int) -> None:
        with self._lock:
            self._counts[step] = self._counts.get(step, 0) + amount
            done = self._counts[step]
        if self._progress:
            self._progress(step, min(done, total), total)

    def _tell(self, statuses: dict[str, POStatus] | None = None, actions: dict[str, str] | None = None) -> None:
        """Pass on what was just learnt or done (from any of the batch's threads)."""
        if self._news is not None and (statuses or actions):
            self._news(PoNews(statuses or {}, actions or {}))

    def _check_cancel(self) -> None:
        if self._cancel.is_set():
            raise BatchCancelled()

    def _apply_status(self, no: str, po: PurchaseOrder | None, step: Step) -> bool:
        """Record what a fresh read says about ``no``; True when it is still waiting (To Pack)."""
        outcome = self._outcome(no)
        if po is None:
            outcome.fail(step, Problem("po.gone"))
            return False
        self._pos[no] = po
        self._tell(statuses={no: po.status})
        if po.status.is_cancelled:
            outcome.fail(step, Problem("po.cancelled", {"status": po.status.label}))
            return False
        if po.status is POStatus.TO_PACK:
            return True
        outcome.packed = outcome.ready = True
        if po.status.is_shipped:
            outcome.shipped = True
            outcome.pickup_no = outcome.pickup_no or po.pickup_order_no
        return False

    # ------------------------------------------------------------------ run
    def _save(self) -> None:
        """Write the POs whose outcome changed since the last save; none another bench has (a bench
        refused a PO writes nothing for it)."""
        with self._save_lock:
            with self._lock:
                changed = [
                    dataclasses.replace(o)
                    for no, o in self.report.outcomes.items()
                    if not o.elsewhere and self._saved.get(no, _BLANK) != _row(o)
                ]
            if not changed:
                return
            self._log.save(changed)
            for o in changed:
                self._saved[o.purchase_order_no] = _row(o)

    def run(self, pos: Sequence[PurchaseOrder]) -> BatchReport:
        try:
            return self._run(pos)
        finally:
            if self._merging is not None:
                self._merging.abort()  # a merge finished is left as it is; anything else is dropped

    def _run(self, pos: Sequence[PurchaseOrder]) -> BatchReport:
        steps = self.options.steps
        if Step.SHIP in steps and self.options.contact is None:
            raise RequestValidationError("No pickup contact is set; fill it in Settings.")
        if Step.PRINT in steps and self.options.output is None:
            raise RequestValidationError("No file to write the labels to.")
        self.report = BatchReport.for_pos(pos)
        for no, earlier in self._already_printed.items():
            if no in self.report.outcomes:
                self.report.outcomes[no].printed = True
                self.report.outcomes[no].pickup_no = earlier.pickup_no
        self._pos = {po.purchase_order_no: po for po in pos}
        self._unclaimed = dict(enumerate(_chunks(pos)))
        finished = False
        if Step.PRINT in steps:
            assert self.options.output is not None
            # Before anything is sent: a batch must not ship 150 POs to fail them all at the merge.
            check_output(
                self.options.output,
                sum(not o.printed for o in self.report.outcomes.values()),
                cache=self.options.cache_dir,
            )
            self._downloader = Downloader(self.client, self.options.cache_dir, threads=SHIP_WORKERS)
            self._merging = self.options.merge(self.options.output)
        # Claims (issue 9, in chunks since issue 22): a chunk is claimed before anything is sent for it;
        # a PO another bench did is left to it, one another bench holds is waited for (its bench may die).
        # Only a batch that both ships and prints refuses a PO another batch printed: a ship alone prints
        # nothing and reads the status before sending (a run's PO refused for its pickup date is shipped
        # again this way).
        self._redo = not {Step.SHIP, Step.PRINT} <= steps
        try:
            self._work()
            if Step.PRINT in steps:
                self._merge()
            finished = self._output_error is None
        except BatchCancelled:
            self.report.cancelled = True
            log.info("batch cancelled by the operator")
        except StationApiError as exc:
            # A failure of a whole step (credentials, the network gone for good): every PO still
            # in flight gets the sentence, and nothing more is sent.
            for outcome in self.report.active():
                if not outcome.printed:
                    step = Step.PRINT if outcome.shipped else Step.SHIP if outcome.ready else Step.PACK
                    outcome.fail(step, exc.operator_message, exc.describe())
            log.error("batch stopped: %s", exc)
        self.report.api_calls = self.client.transport.calls_sent
        try:
            self._save()
            # A batch cut short (cancel, the network gone) stays open in the journal: the next run
            # resumes it. Only a batch that went through every step is closed.
            if finished:
                self._log.finish("done")
        finally:
            try:  # issue 9: hand the claims back (or let them expire)
                self._log.release()
            except StationApiError as exc:
                log.warning("claims not released (they expire on their own): %s", exc)
        return self.report

    # ------------------------------------------------------------------ pack
    def _pack(self, numbers: list[str]) -> None:
        """Send the pack calls (100 POs each) a few at a time: they do not depend on each other."""
        total = len(self.report.outcomes)
        self._tick(Step.PACK, 0, total)

        def pack(chunk: list[str]) -> None:
            if self._cancel.is_set():
                return
            self._pack_resolving(chunk)
            self._save()
            self._tick(Step.PACK, len(chunk), total)

        with ThreadPoolExecutor(max_workers=4, thread_name_prefix="pack") as pool:
            for future in [pool.submit(pack, chunk) for chunk in limits.chunks(numbers, limits.PACK_MAX)]:
                future.result()
        self._check_cancel()

    def _pack_resolving(self, chunk: list[str]) -> None:
        pending = list(chunk)
        for _ in range(self.options.attempts):
            if not pending:
                return
            step_id = self._log.sent(Step.PACK, pending)
            try:
                self.client.pack_chunk(pending)
            except OutcomeUnknownError as exc:
                self._log.answered(step_id, "unknown", exc.describe())
                # Did it land? Read before sending again. A PO packed a moment ago may still
                # read To Pack; re-sending it then gets "Has packed", which settles it.
                found = self.client.find_pos(pending)
                pending = [no for no in pending if self._apply_status(no, found.get(no), Step.PACK)]
                continue
            except StationApiError as exc:
                self._log.answered(step_id, "failed", exc.describe())
                if len(pending) > 1:
                    # One PO spoiled the call (packed elsewhere, cancelled): settle them one by one.
                    for no in pending:
                        self._pack_resolving([no])
                    return
                no = pending[0]
                if isinstance(exc, AlreadyPackedError):
                    self._outcome(no).packed = True
                    self._tell(actions={no: "packed"})
                elif isinstance(exc, InvalidStatusError) and not self._apply_status(
                    no, self.client.find_pos([no]).get(no), Step.PACK
                ):
                    pass  # the fresh status explains it (cancelled, or packed meanwhile)
                else:
                    self._outcome(no).fail(Step.PACK, exc.operator_message, exc.describe())
                return
            self._log.answered(step_id, "done")
            for no in pending:
                self._outcome(no).packed = True
            # Packing takes the platform a few seconds: the status stays To Pack until a read says Ready.
            self._tell(actions=dict.fromkeys(pending, "packed"))
            return
        # Every try went unanswered (or answered unreadably), and the POs still read To Pack: the
        # platform packs in a few seconds, so a pack that landed does not show yet. Failing them now
        # would lose the packed ones (a later run lists To Pack POs only): wait for them instead,
        # as for any packed PO; one still To Pack at the ready timeout is reported then.
        with self._lock:
            self._pack_unknown.update(pending)

    # ------------------------------------------------------------------ claim, pack, wait; ship and print per unit
    def _work(self) -> None:
        """Claim the batch's chunks one after another and work each as it unblocks, on one loop: a
        chunk claimed is read (when another bench may have worked it) and packed, and the next is
        claimed while the platform packs it; meanwhile the loop polls until every packed PO is ready
        and hands work to a pool: a unit's ship once all its POs are ready, a print call for every 20
        POs of a unit that became ready (the rest of a unit once none of it is waiting). Printing needs
        a packed PO, not a shipped one, so labels are fetched and merged while the platform is still
        packing the rest; after its slowest PO only that PO's print call is left.

        Chunks other benches hold are left to them and looked at again at each poll: one whose bench
        died is claimed once its claims expire. Once this bench has nothing else to do, it leaves the POs
        of each holder to it as soon as it sees that holder renew its claims (it is alive: seconds, see
        RENEW_EVERY in the journal's batch log), and keeps waiting for those of a holder that does not,
        to take them once their claims expire (a claim's life at most)."""
        steps = self.options.steps
        total = len(self.report.outcomes)
        waiting: set[str] = set()
        since: dict[str, float] = {}  # PO -> when it was packed (its ready timeout runs from then)
        chunked: set[str] = set()
        ship_submitted: set[int] = set()
        futures: list[Future[None]] = []
        next_claim = next_poll = time.monotonic()
        idle_since: float | None = None  # when this bench ran out of work of its own, others still holding some
        self._tick(Step.WAIT, 0, total)
        # Print calls of the last POs to turn ready go out together; none should wait for a thread.
        with ThreadPoolExecutor(max_workers=SHIP_WORKERS, thread_name_prefix="ship") as pool:
            try:
                while True:
                    for index, unit in enumerate(self._units):
                        if Step.SHIP in steps and index not in ship_submitted and not waiting.intersection(unit):
                            ship_submitted.add(index)
                            futures.append(pool.submit(self._ship_group, unit))
                    if Step.PRINT in steps:
                        unprinted = [[no for no in unit if not self._outcome(no).printed] for unit in self._units]
                        for key, chunk in self._print_chunks(unprinted, waiting, chunked):
                            futures.append(pool.submit(self._print_chunk, key, chunk))
                    now = time.monotonic()
                    if self._unclaimed and now >= next_claim and not self._may_claim(waiting):
                        next_claim = now + self.options.poll_interval  # looked at again as its POs turn ready
                    elif self._unclaimed and now >= next_claim:
                        self._check_cancel()
                        claimed = self._claim_next()
                        if claimed:
                            idle_since = None
                            self._holders_seen = {}
                            started = self._start_unit(claimed)
                            if started and not waiting:
                                next_poll = time.monotonic() + self.options.first_poll_after
                            waiting.update(started)
                            since.update(dict.fromkeys(started, time.monotonic()))
                            next_claim = time.monotonic() + len(claimed) / CLAIM_PACE
                            continue  # its ship and print calls may be due at once (all packed before)
                        # Nothing free: what other benches hold is looked at again at the next poll.
                        next_claim = now + self.options.poll_interval
                    if not waiting:
                        if not self._refused_once:
                            self._share_capped = False  # no other bench works this day: take the rest freely
                        if not self._unclaimed:
                            break
                        if idle_since is None:
                            idle_since = now
                            self._holders_seen = {}
                        if self._leave_to_others(all_held=now - idle_since > self._log.claim_ttl + HOLD_MARGIN):
                            break
                    wake = min(next_poll if waiting else next_claim, next_claim if self._unclaimed else next_poll)
                    if self._cancel.wait(max(0.0, wake - time.monotonic())):
                        raise BatchCancelled()
                    self._log.renew()  # issue 9: keep this bench's claims alive while it waits
                    if not waiting or time.monotonic() < next_poll:
                        continue
                    # Only POs packed long enough ago to be ready: a chunk packed a moment ago is not read yet.
                    now = time.monotonic()
                    due = sorted(no for no in waiting if now - since[no] >= self.options.first_poll_after)
                    if due:
                        found = self.client.find_pos(due)
                        still = {no for no in due if self._apply_status(no, found.get(no), Step.WAIT)}
                        self._tick(Step.WAIT, len(due) - len(still), total)
                        if len(still) != len(due):
                            self._save()
                        waiting = (waiting - set(due)) | still
                    # Fast reads only for the batch's last POs: while chunks are left, its labels are not near done.
                    fast = not self._unclaimed
                    next_poll = now + (self._poll_delay(len(waiting)) if fast else self.options.poll_interval)
                    if waiting and not due:
                        next_poll = min(since[no] for no in waiting) + self.options.first_poll_after
                    late = {no for no in waiting if time.monotonic() - since[no] > self.options.ready_timeout}
                    if late:
                        self._stuck(late)
                        waiting -= late
            finally:
                for future in futures:
                    future.result()
        if steps == {Step.PACK}:
            self._save()

    def _claim_next(self) -> list[str]:
        """Claim the first chunk (in the batch's order) with POs no other bench holds; the POs granted,
        or none. A PO another batch already did is settled as that bench's, and not asked for again."""
        pending = [no for numbers in self._unclaimed.values() for no in numbers]
        held = self._log.held(pending)
        self._refused_once.update(held)
        for index in sorted(self._unclaimed):
            numbers = [no for no in self._unclaimed[index] if no not in held]
            if not numbers:
                continue
            refused = self._log.claim(numbers, redo=self._redo)
            self._refused_once.update(refused)
            for no, sentence in refused.items():
                if problem_of(sentence).kind == "po.done_by_bench":
                    self._outcome(no).fail(Step.LIST, sentence)
            granted = [no for no in numbers if no not in refused]
            left = [no for no in self._unclaimed[index] if no not in granted and self._outcome(no).ok]
            if left:
                self._unclaimed[index] = left
            else:
                del self._unclaimed[index]
            if granted:
                return granted
        return []

    def _may_claim(self, waiting: set[str]) -> bool:
        """Whether this bench may claim its next chunk now. Benches started together do not start
        claiming together: the first lists the day at the whole call budget while the others, at their
        share of it, are still listing, and at CLAIM_PACE it would take most of the day before they
        claim a chunk. So, while the shop's budget is shared by several benches, a bench first claims no
        more than its part of the day (the day's POs / the benches sharing the budget; at least one
        chunk), and beyond it one chunk at a time, each once none of its POs is waiting for the pack
        delay: the others have had those seconds to claim their part, and what is left goes chunk by
        chunk to whoever runs out of work first (work stealing). If, when its first POs are ready, no
        other bench holds any of the day (the budget's other benches work something else), it takes
        the rest as a bench alone does. A bench alone (or without a shared budget) claims as before.

        A bench may have learnt late how many share the budget (their heartbeats came after its first
        claims) and taken more than its part: beyond it, out of work, it leaves a free chunk for a while
        (DEFER_STEAL) to a live bench holding fewer of the day's POs, which takes it once out of work."""
        sharers = self.client.transport.limiter.sharers
        if not self._share_capped or sharers <= 1:
            return True
        claimed = sum(len(unit) for unit in self._units)
        following = next((len(self._unclaimed[i]) for i in sorted(self._unclaimed)), 0)
        if claimed + following <= len(self.report.outcomes) / sharers:
            return True
        if waiting:
            return False
        pending = [no for numbers in self._unclaimed.values() for no in numbers]
        holding = Counter((bench, instance) for bench, instance, _ in self._log.claims_of_others(pending).values())
        now = time.monotonic()
        if not holding or claimed <= min(holding.values()):
            self._deferring_since = None
            return True
        self._deferring_since = self._deferring_since if self._deferring_since is not None else now
        return now - self._deferring_since > DEFER_STEAL

    def _leave_to_others(self, *, all_held: bool) -> bool:
        """This bench has nothing left but POs other processes hold: leave to each holder seen renewing its
        claims since this bench ran out of work (it is alive and works them); keep the others, to claim
        once they expire. ``all_held``: it has waited a claim's life, so every claim still live was
        renewed. True when nothing is left to claim."""
        pending = [no for numbers in self._unclaimed.values() for no in numbers]
        claims = self._log.claims_of_others(pending)
        latest: dict[tuple[str, str], float] = {}
        for bench, instance, expires in claims.values():
            latest[(bench, instance)] = max(expires, latest.get((bench, instance), expires))
        alive = set()
        for holder, expires in latest.items():
            first = self._holders_seen.setdefault(holder, expires)
            if all_held or expires > first:
                alive.add(holder)
        left = [no for no, (bench, instance, _) in claims.items() if (bench, instance) in alive]
        if not left:
            return False
        gone: set[str] = set()
        for no, sentence in self._log.refusals(left).items():
            problem = problem_of(sentence)
            if problem.kind == "po.claim_race":
                continue  # let go of since the read: claimed at the next round
            if problem.kind == "po.held_by_bench":
                problem = Problem("po.being_done_by_bench", dict(problem.params))
            self._outcome(no).fail(Step.LIST, problem)
            gone.add(no)
        for index in list(self._unclaimed):
            self._unclaimed[index] = [no for no in self._unclaimed[index] if no not in gone]
            if not self._unclaimed[index]:
                del self._unclaimed[index]
        return not self._unclaimed

    def _start_unit(self, numbers: list[str]) -> list[str]:
        """Work the POs just claimed up to their pack (one call: at most 100): the POs now to wait for
        until they read ready."""
        steps = self.options.steps
        # Shipped and printed per ship group: a ship call takes one store and warehouse.
        groups: dict[tuple[str, str], list[str]] = {}
        for no in numbers:
            groups.setdefault(self._pos[no].ship_group, []).append(no)
        self._units.extend(groups.values())
        if self.options.refresh_first or self._refused_once.intersection(numbers):
            # The list may be stale, or another bench held these a moment ago: act on what the platform says now.
            found = self.client.find_pos(numbers)
            statuses = {no: found.get(no) for no in numbers}
        else:
            statuses = {no: self._pos[no] for no in numbers}
        to_pack = [no for no, po in statuses.items() if self._outcome(no).ok and self._apply_status(no, po, Step.LIST)]
        if Step.PACK in steps:
            self._pack(to_pack)
        else:
            first_step = Step.SHIP if Step.SHIP in steps else Step.PRINT
            for no in to_pack:
                self._outcome(no).fail(first_step, NOT_PACKED)
        self._save()
        if steps == {Step.PACK}:
            # A pack-only batch waits only for the POs whose pack answers were lost, until the platform
            # shows them packed (Ready To Ship) or the ready timeout.
            return [no for no in numbers if no in self._pack_unknown and self._outcome(no).ok]
        return [no for no in numbers if self._outcome(no).ok and not self._outcome(no).ready]

    def _stuck(self, waiting: Iterable[str]) -> None:
        for no in waiting:
            kind = "po.stuck_unread" if no in self._pack_unknown else "po.stuck"
            self._outcome(no).fail(Step.WAIT, Problem(kind, {"seconds": f"{self.options.ready_timeout:.0f}"}))

    def _poll_delay(self, waiting: int) -> float:
        """``poll_interval``, or at most 0.5 s once the POs still waiting fit in a few status
        reads: each of the last POs seen late holds up its labels and the merged file, and
        reading a few is cheap."""
        if waiting <= FAST_POLL_BELOW:
            return min(self.options.poll_interval, FAST_POLL_INTERVAL)
        return self.options.poll_interval

    def _print_chunks(
        self, unprinted: list[list[str]], waiting: set[str], chunked: set[str]
    ) -> list[tuple[MergeKey, list[str]]]:
        """The print calls that can go out now: per group, 20 of its POs that are ready (in list
        order among them), or the rest once the group has none waiting. The key puts the labels
        in order: by group, then by call."""
        calls: list[tuple[MergeKey, list[str]]] = []

        def call(index: int, chunk: list[str]) -> None:
            chunked.update(chunk)
            number = self._print_calls[index] = self._print_calls.get(index, -1) + 1
            calls.append(((index, number), chunk))

        for index, members in enumerate(unprinted):
            for earlier in self._fetched:
                if (
                    set(earlier) <= set(members)
                    and chunked.isdisjoint(earlier)
                    and waiting.isdisjoint(earlier)
                    and all(self._outcome(no).ok for no in earlier)
                    and self._cached(earlier).exists()
                ):
                    call(index, earlier)
            ready = [no for no in members if no not in chunked and no not in waiting and self._outcome(no).ok]
            group_done = waiting.isdisjoint(members)
            while len(ready) >= limits.PRINT_MAX or (ready and group_done):
                chunk, ready = ready[: limits.PRINT_MAX], ready[limits.PRINT_MAX :]
                call(index, chunk)
        return calls

    def _cached(self, numbers: Sequence[str]) -> Path:
        assert self._downloader is not None  # made in run() when the batch prints
        return self._downloader.cached_path(
            numbers, self.options.size, self.options.print_order, self.options.print_barcode
        )

    def _ship_group(self, group: list[str]) -> None:
        if self._cancel.is_set():
            return
        self._ship(group)
        self._save()

    def _recheck(self, numbers: list[str], step: Step) -> list[str]:
        """``numbers`` as the platform shows them now: those still fit to send (not cancelled, not gone)."""
        if not self.options.recheck_before_sending or not numbers:
            return numbers
        found = self.client.find_pos(numbers)
        for no in numbers:
            self._apply_status(no, found.get(no), step)
        return [no for no in numbers if self._outcome(no).ok]

    def _print_chunk(self, key: MergeKey, chunk: list[str]) -> None:
        ready = [no for no in chunk if self._outcome(no).ok and self._outcome(no).ready]
        if not ready or self._cancel.is_set():
            return
        ready = self._recheck(ready, Step.PRINT)
        if not ready:
            return
        assert self._downloader is not None
        kept = self._cached(ready)
        if kept.exists():
            # Fetched before a crash or for an earlier print: the same labels, no second request.
            self._merge_file(key, kept, ready)
            return
        step_id = self._log.sent(Step.PRINT, ready)
        try:
            file = self.client.print_file(
                ready, self.options.size, print_order=self.options.print_order, print_barcode=self.options.print_barcode
            )
            path = self._downloader.fetch(file)
        except StationApiError as exc:
            self._log.answered(step_id, "failed", exc.describe())
            # Only the labels are missing (shipped stays shipped); a reprint fetches them.
            for no in ready:
                self._outcome(no).fail(Step.PRINT, exc.operator_message, exc.describe())
            return
        self._log.answered(step_id, "done", path.name)
        self._merge_file(key, path, ready)

    def _output_failed(self, exc: MergeOutputError, numbers: Sequence[str]) -> None:
        """The labels of ``numbers`` are fetched (their files kept) but could not be written out."""
        with self._lock:
            if self._output_error is None:
                self._output_error = exc
                log.error("the merged labels could not be written: %s", exc)
        for no in numbers:
            self._outcome(no).fail(
                Step.PRINT, Problem("po.output_failed", {"output": str(self.options.output), "why": str(exc)}), str(exc)
            )

    def _merge_file(self, key: MergeKey, path: Path, numbers: list[str]) -> None:
        assert self._merging is not None  # made in run() when the batch prints
        if self._output_error is not None:
            self._output_failed(self._output_error, numbers)
            return
        try:
            self._merging.add(key, path)
        except MergeOutputError as exc:  # the output failed, not the file: it stays in the cache
            self._output_failed(exc, numbers)
            return
        except MergeError as exc:
            path.unlink(missing_ok=True)  # a damaged file must not be reused from the cache
            for no in numbers:
                self._outcome(no).fail(Step.PRINT, Problem("po.label_unreadable"), str(exc))
            return
        with self._lock:
            self._files[key] = (path, numbers)
        self._tick(Step.PRINT, len(numbers), len(self.report.outcomes))

    def _ship(self, group: list[str]) -> None:
        # Labels are fetched as POs turn ready, before their group ships: a PO whose labels failed
        # (a file that did not read, a full disk) is still shipped; only its labels are missing.
        to_ship = [no for no in group if _shippable(self._outcome(no)) and not self._outcome(no).shipped]
        total = len(self.report.outcomes)
        already = len(group) - len(to_ship)
        if already:
            self._tick(Step.SHIP, already, total)
        rechecked = self._recheck(to_ship, Step.SHIP)
        if shipped_meanwhile := [no for no in rechecked if self._outcome(no).shipped]:
            self._tick(Step.SHIP, len(shipped_meanwhile), total)
        to_ship = [no for no in rechecked if not self._outcome(no).shipped]
        # What the platform said of each PO it did not ship, kept apart from the outcome: a PO whose
        # labels failed keeps that reason unless its ship fails for good.
        refused: dict[str, str] = {}
        # POs refused for the pickup date, with the dates the platform allows: a definite answer (not
        # shipped), and the same date would be refused again, so they are neither read back nor re-sent.
        date_refused: dict[str, tuple[str, ...]] = {}
        for _ in range(self.options.attempts):
            if not to_ship or self._cancel.is_set():
                break
            unsure: list[str] = []
            for chunk in limits.chunks(to_ship, limits.SHIP_MAX):
                step_id = self._log.sent(Step.SHIP, chunk)
                try:
                    assert self.options.contact is not None  # checked in run()
                    results = self.client.ship_chunk(chunk, self.options.contact)
                except OutcomeUnknownError as exc:
                    self._log.answered(step_id, "unknown", exc.describe())
                    unsure.extend(chunk)
                    continue
                except StationApiError as exc:
                    self._log.answered(step_id, "failed", exc.describe())
                    for no in chunk:
                        self._outcome(no).fail(Step.SHIP, exc.operator_message, exc.describe())
                    continue
                shipped_now = sum(r.ok for r in results)
                self._log.answered(step_id, "done", f"{shipped_now} of {len(chunk)} shipped")
                shipped: list[str] = []
                for result in results:
                    if result.ok:
                        outcome = self._outcome(result.purchase_order_no)
                        outcome.shipped = True
                        outcome.pickup_no = result.pickup_no
                        shipped.append(result.purchase_order_no)
                        self._tick(Step.SHIP, 1, total)
                    elif result.allow_date_range:
                        date_refused[result.purchase_order_no] = result.allow_date_range
                        refused[result.purchase_order_no] = result.error_message
                    else:
                        unsure.append(result.purchase_order_no)
                        refused[result.purchase_order_no] = result.error_message
                # A booked pickup puts the PO in To Put Away (docs/api-decisions.md).
                self._tell(
                    statuses=dict.fromkeys(shipped, POStatus.TO_PUT_AWAY), actions=dict.fromkeys(shipped, "shipped")
                )
            if not unsure:
                break
            # Never ship again on a guess: read what the platform now says about each PO.
            found = self.client.find_pos(unsure)
            to_ship = []
            for no in unsure:
                po = found.get(no)
                self._apply_status(no, po, Step.SHIP)
                outcome = self._outcome(no)
                if outcome.shipped:
                    refused.pop(no, None)
                    self._tell(actions={no: "shipped"})
                    self._tick(Step.SHIP, 1, total)
                elif _shippable(outcome) and po is not None and po.status is POStatus.READY_TO_SHIP:
                    to_ship.append(no)
        if self._cancel.is_set():
            return
        for no in group:
            outcome = self._outcome(no)
            if not _shippable(outcome) or outcome.shipped:
                continue
            if no in date_refused:
                assert self.options.contact is not None
                problem = pickup_date_problem(self.options.contact.estimated_pickup_date, date_refused[no])
                outcome.fail(Step.SHIP, problem, refused.get(no, ""))
            else:
                outcome.fail(Step.SHIP, refused.get(no) or Problem("po.pickup_not_booked"))

    # ------------------------------------------------------------------ merge
    def _merge(self) -> None:
        """Finish the merge the print calls fed: the last file's pages and the page tree."""
        self._check_cancel()
        assert self._merging is not None
        printed = [self._files[key] for key in sorted(self._files)]
        if self._output_error is not None:  # the files merged before it are kept too; none is printed
            self._merging.abort()
            self._output_failed(self._output_error, [no for _, numbers in printed for no in numbers])
            return
        if not printed:
            self._merging.abort()
            return
        try:
            summary = self._merging.finish()
        except MergeOutputError as exc:  # e.g. the disk is full: the files stay, the batch stays open
            self._merging.abort()
            self._output_failed(exc, [no for _, numbers in printed for no in numbers])
            return
        except MergeError as exc:
            # A merge in a child process holds a print's single file until the end: a file that does
            # not read fails here, not when it was added. It must not be reused from the cache.
            self._merging.abort()
            unreadable = {path for path, _ in printed if path.name in str(exc)}
            for path, numbers in printed:
                if path in unreadable:
                    path.unlink(missing_ok=True)
                    message = Problem("po.label_unreadable")
                else:
                    message = Problem("po.merge_failed")
                for no in numbers:
                    self._outcome(no).fail(Step.PRINT, message, str(exc))
            return
        except OSError as exc:
            self._merging.abort()
            self._output_failed(MergeOutputError(str(exc)), [no for _, numbers in printed for no in numbers])
            return
        self.report.output_pages = summary.pages
        self.report.page_sizes_mm = summary.page_sizes_mm
        for _, numbers in printed:
            for no in numbers:
                self._outcome(no).printed = True
        self._tell(actions={no: "printed" for _, numbers in printed for no in numbers})
        self._record_labels([no for _, numbers in printed for no in numbers], summary.pages)
        self._tick(Step.MERGE, 1, 1)

    def _record_labels(self, numbers: list[str], pages: int) -> None:
        if self.options.history_dir is None or self.options.output is None:
            return
        from station.printing.history import PrintHistory

        try:
            PrintHistory(self.options.history_dir).record_labels(
                self.options.output, numbers, self.options.size.value, pages
            )
        except Exception as exc:  # the labels are written: a history that cannot be written must not undo that
            log.warning("labels written but not recorded in the print history: %s", exc)


def _shippable(outcome: PoOutcome) -> bool:
    return outcome.ok or outcome.failed_step is Step.PRINT


def _chunks(pos: Sequence[PurchaseOrder]) -> list[list[str]]:
    """The batch's chunks, as a bench claims them: at most 100 POs each (one pack call), made of whole
    ship groups (store + warehouse, in order of first appearance) where they fit, a group of more than
    100 cut in hundreds (one ship call each); small groups share a chunk, so a day of many small groups
    takes no more pack calls than before."""
    groups: dict[tuple[str, str], list[str]] = {}
    for po in pos:
        groups.setdefault(po.ship_group, []).append(po.purchase_order_no)
    chunks: list[list[str]] = []
    for group in groups.values():
        for piece in limits.chunks(group, limits.SHIP_MAX):
            if chunks and len(chunks[-1]) + len(piece) <= limits.PACK_MAX:
                chunks[-1].extend(piece)
            else:
                chunks.append(piece)
    return chunks


_BLANK: tuple[object, ...] = (False, False, False, False, "", None, "", "")


def _row(o: PoOutcome) -> tuple[object, ...]:
    """What the journal keeps of a PO's outcome (as ``save_outcomes`` writes it)."""
    problem = o.problem.to_json() if o.problem is not None and o.error else ""
    return (o.packed, o.ready, o.shipped, o.printed, o.pickup_no, o.failed_step, str(o.error), problem)
