"""A call-rate limiter shared by every thread that talks to one remote service."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class RateLimiter:
    """Spaces calls so that at most ``calls_per_second`` start in any second (0 = unlimited).

    Each caller reserves the next free slot under the lock and sleeps outside it, so waiting
    threads do not block each other's bookkeeping.
    """

    def __init__(
        self,
        calls_per_second: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if calls_per_second < 0:
            raise ValueError("calls_per_second must not be negative")
        self._interval = 1.0 / calls_per_second if calls_per_second else 0.0
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next_slot = 0.0
        self._pause_until = 0.0
        # Told of every ban this process is given (station.workflow.call_budget shares it with the shop's
        # other benches); never called for a hold that came from them.
        self.on_ban: Callable[[float], None] | None = None
        # How many benches share the budget this rate is part of (set by the shop's call budget; 1 when
        # the rate is this process's alone): a batch uses it to take no more than its part of the day up front.
        self.sharers = 1

    @property
    def calls_per_second(self) -> float:
        return 1.0 / self._interval if self._interval else 0.0

    def acquire(self) -> None:
        with self._lock:
            now = self._clock()
            slot = max(now, self._next_slot, self._pause_until)
            self._next_slot = slot + self._interval
        delay = slot - now
        if delay > 0:
            self._sleep(delay)

    def set_rate(self, calls_per_second: float) -> None:
        """A new ceiling from the next reservation on (the shop's share of its call budget changed)."""
        if calls_per_second < 0:
            raise ValueError("calls_per_second must not be negative")
        with self._lock:
            self._interval = 1.0 / calls_per_second if calls_per_second else 0.0

    def pause(self, seconds: float) -> None:
        """Hold every caller back for ``seconds``: the platform said it is banning us for that long."""
        self.hold(seconds)
        listener = self.on_ban
        if listener is not None:
            listener(seconds)

    def hold(self, seconds: float) -> None:
        """Hold every caller back for ``seconds``, a ban another bench of the shop was given."""
        with self._lock:
            self._pause_until = max(self._pause_until, self._clock() + seconds)

    def held_for(self) -> float:
        """Seconds until the current ban ends (0 when there is none)."""
        with self._lock:
            return max(0.0, self._pause_until - self._clock())
