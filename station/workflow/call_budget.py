"""One call budget per shop across its benches (issue 22).

The platform publishes no call rate and bans a shop (``ApiCallLimit``) that calls too fast, whichever
bench made the calls. So the benches of one shop on one journal split one total rate between the
benches alive, and a ban one of them is given holds all of them until it ends.

The hot path (:meth:`RateLimiter.acquire`) never touches the journal: a background thread beats every
:data:`BEAT_SECONDS` (heartbeat written, the share and the shop's ban read, the limiter's rate set),
and a ban this station is given wakes it at once to write the ban. A station that stops beating (it
died) gives its share back when its heartbeat expires (:data:`BEAT_TTL`); one that closes gives it at once.
"""

from __future__ import annotations

import logging
import threading
from types import TracebackType

from station.connector.ratelimit import RateLimiter
from station.journal.budget_records import BudgetBeat, BudgetRecords

log = logging.getLogger(__name__)

BEAT_SECONDS = 2.0  # how often the share and the shop's ban are read again
BEAT_TTL = 3 * BEAT_SECONDS  # a station that missed this many beats is gone: its share goes back
# The first beats come faster: benches started together learn within a second how many share the budget,
# before a batch has claimed much of the day (a batch takes its part of the day by it; see workflow.batch).
STARTING_BEATS = 6
STARTING_BEAT_SECONDS = 0.5


class ShopBudget:
    """This station's part of ``shop``'s call budget, applied to ``limiter`` (the shop's connection's).

    ``total`` is the shop's calls per second as this station has it set; the lowest any live bench
    has set is split. The limiter's own rate when the budget starts stays a ceiling (``--calls-per-second``);
    it is given back when the budget stops.
    """

    def __init__(
        self,
        records: BudgetRecords,
        shop: str,
        limiter: RateLimiter,
        *,
        total: float,
        beat: float = BEAT_SECONDS,
        ttl: float = BEAT_TTL,
    ) -> None:
        if total <= 0:
            raise ValueError("a shop's call budget must be positive")
        self.records = records
        self.shop = shop
        self.limiter = limiter
        self.total = total
        self.beat = beat
        self.ttl = ttl
        self.ceiling = limiter.calls_per_second  # 0: none
        self.last: BudgetBeat | None = None  # the budget as the last beat read it
        self._lock = threading.Lock()
        self._ban_to_write = 0.0
        self._wake = threading.Event()
        self._stopping = False
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ life
    def start(self) -> ShopBudget:
        """Beat once before any call is made (the first call already keeps to the share), then every beat."""
        self.limiter.on_ban = self._banned
        self.beat_once()
        self._thread = threading.Thread(target=self._run, name=f"call budget {self.shop}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop beating and give the share back at once; the limiter is this station's alone again."""
        with self._lock:
            self._stopping = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self.limiter.on_ban = None
        self.limiter.set_rate(self.ceiling)
        self.limiter.sharers = 1
        try:
            self.records.budget_leave(self.shop)
        except Exception as exc:  # a journal gone: the heartbeat expires by itself
            log.warning("call budget of %s: could not give the share back: %s", self.shop, exc)

    def __enter__(self) -> ShopBudget:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()

    # ------------------------------------------------------------------ beats
    def beat_once(self) -> BudgetBeat | None:
        """One heartbeat: write it (and a ban given since the last one), read the budget, apply it.
        None when the journal could not be reached: the last share stands, a ban is written next time."""
        with self._lock:
            ban, self._ban_to_write = self._ban_to_write, 0.0
        try:
            beat = self.records.budget_beat(self.shop, self.total, self.ttl, ban)
        except Exception as exc:  # the budget never stops a bench; it keeps its last share
            log.warning("call budget of %s: journal not reached, last share kept: %s", self.shop, exc)
            with self._lock:
                self._ban_to_write = max(self._ban_to_write, ban)
            return None
        rate = min(self.ceiling, beat.share) if self.ceiling else beat.share
        if self.last is None or abs(rate - self.limiter.calls_per_second) > 1e-9:
            log.info(
                "call budget of %s: %.2f calls/s (%d benches share %.1f)", self.shop, rate, beat.benches, beat.total
            )
        self.limiter.set_rate(rate)
        self.limiter.sharers = max(1, beat.benches)
        if beat.ban_left > self.limiter.held_for():
            log.info("call budget of %s: banned %.1f s more (seen by %s)", self.shop, beat.ban_left, beat.banned_by)
            self.limiter.hold(beat.ban_left)
        self.last = beat
        return beat

    def _banned(self, seconds: float) -> None:
        # On the thread whose call was refused: only noted here, written by the beat thread at once.
        with self._lock:
            self._ban_to_write = max(self._ban_to_write, seconds)
        self._wake.set()

    def _run(self) -> None:
        beats = 0
        while True:
            beats += 1
            self._wake.wait(min(self.beat, STARTING_BEAT_SECONDS) if beats <= STARTING_BEATS else self.beat)
            self._wake.clear()
            with self._lock:
                if self._stopping:
                    return
            self.beat_once()
