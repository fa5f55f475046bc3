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
from station.problems import Problem

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

    def claim(self, numbers: Sequence[str], *, redo: bool = False) -> dict[str, str]:
        """Claim the batch's POs for this bench before anything is sent: for each PO not granted,
        the sentence to fail it with. ``redo``: a PO another batch already printed may be claimed."""
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

    def claim(self, numbers: Sequence[str], *, redo: bool = False) -> dict[str, str]:
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
        with self._lock:
            outcomes = [dataclasses.replace(o) for o in self.report.outcomes.values()]
        self._log.save(outcomes)

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
        groups = _groups(pos)
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
        # --- issue 9 (shared journal): claim the POs before sending anything; a PO another bench
        # holds (or already did) fails with the sentence saying so and is left alone. Only a batch that
        # both ships and prints refuses a PO another batch printed: a ship alone prints nothing and reads
        # the status before sending (a run's PO refused for its pickup date is shipped again this way).
        redo = not {Step.SHIP, Step.PRINT} <= steps
        try:
            for no, sentence in self._log.claim(list(self._pos), redo=redo).items():
                self._outcome(no).fail(Step.LIST, sentence)
            # --- end issue 9
            if self.options.refresh_first:
                found = self.client.find_pos(list(self._pos))
                statuses = {po.purchase_order_no: found.get(po.purchase_order_no) for po in pos}
            else:
                statuses = {po.purchase_order_no: po for po in pos}
            statuses = {no: po for no, po in statuses.items() if self._outcome(no).ok}  # issue 9: claimed only
            to_pack = [no for no, po in statuses.items() if self._apply_status(no, po, Step.LIST)]
            if Step.PACK in steps:
                self._pack(to_pack)
            else:
                first_step = Step.SHIP if Step.SHIP in steps else Step.PRINT
                for no in to_pack:
                    self._outcome(no).fail(first_step, NOT_PACKED)
            if steps != {Step.PACK}:
                self._wait_ship_print(groups)
            elif self._pack_unknown:
                self._wait_ready(sorted(self._pack_unknown))
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
        total = len(numbers)
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

    # ------------------------------------------------------------------ wait; ship per group, print per chunk
    def _wait_ship_print(self, groups: list[list[str]]) -> None:
        """Poll until every packed PO is ready, and meanwhile hand work to a pool as it unblocks:
        a ship group once all its POs are ready, a print call for every 20 POs of a group that
        became ready (the rest of a group once none of it is waiting). Printing needs a packed
        PO, not a shipped one, so labels are fetched and merged while the platform is still
        packing the rest; after its slowest PO only that PO's print call is left, not one per
        20 POs in list order (nearly every such chunk holds a slow PO)."""
        waiting = {o.purchase_order_no for o in self.report.active() if not o.ready}
        total = len(waiting)
        self._tick(Step.WAIT, 0, total)
        unprinted = [[no for no in group if not self._outcome(no).printed] for group in groups]
        chunked: set[str] = set()
        started = time.monotonic()
        ship_submitted: set[int] = set()
        futures: list[Future[None]] = []
        # Print calls of the last POs to turn ready go out together; none should wait for a thread.
        with ThreadPoolExecutor(max_workers=SHIP_WORKERS, thread_name_prefix="ship") as pool:
            try:
                first = True
                while True:
                    for index, group in enumerate(groups):
                        if (
                            Step.SHIP in self.options.steps
                            and index not in ship_submitted
                            and not waiting.intersection(group)
                        ):
                            ship_submitted.add(index)
                            futures.append(pool.submit(self._ship_group, group))
                    if Step.PRINT in self.options.steps:
                        for key, chunk in self._print_chunks(unprinted, waiting, chunked):
                            futures.append(pool.submit(self._print_chunk, key, chunk))
                    if not waiting:
                        break
                    delay = self.options.first_poll_after if first else self._poll_delay(len(waiting))
                    first = False
                    if self._cancel.wait(delay):
                        raise BatchCancelled()
                    self._log.renew()  # issue 9: keep this bench's claims alive while it waits
                    found = self.client.find_pos(sorted(waiting))
                    still = {no for no in waiting if self._apply_status(no, found.get(no), Step.WAIT)}
                    self._tick(Step.WAIT, len(waiting) - len(still), total)
                    if len(still) != len(waiting):
                        self._save()
                    waiting = still
                    if waiting and time.monotonic() - started > self.options.ready_timeout:
                        self._stuck(waiting)
                        waiting = set()
            finally:
                for future in futures:
                    future.result()

    def _stuck(self, waiting: Iterable[str]) -> None:
        for no in waiting:
            kind = "po.stuck_unread" if no in self._pack_unknown else "po.stuck"
            self._outcome(no).fail(Step.WAIT, Problem(kind, {"seconds": f"{self.options.ready_timeout:.0f}"}))

    def _wait_ready(self, numbers: list[str]) -> None:
        """A pack-only batch: wait for the POs whose pack answers were lost until the platform shows
        them packed (Ready To Ship), or the ready timeout."""
        waiting = set(numbers)
        started = time.monotonic()
        delay = self.options.first_poll_after
        while waiting:
            if self._cancel.wait(delay):
                raise BatchCancelled()
            delay = self._poll_delay(len(waiting))
            found = self.client.find_pos(sorted(waiting))
            waiting = {no for no in waiting if self._apply_status(no, found.get(no), Step.WAIT)}
            self._save()
            if waiting and time.monotonic() - started > self.options.ready_timeout:
                self._stuck(waiting)
                waiting = set()

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


def _groups(pos: Sequence[PurchaseOrder]) -> list[list[str]]:
    """POs per ship group (store + warehouse), groups in order of first appearance."""
    groups: dict[tuple[str, str], list[str]] = {}
    for po in pos:
        groups.setdefault(po.ship_group, []).append(po.purchase_order_no)
    return list(groups.values())
