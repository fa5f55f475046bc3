"""An ordered background writer to the journal: one thread and a queue, so that the thread that
counts scans (the window's) never waits on the database.

Writes go out in the order they were put. One that fails (a shared journal out of reach, a locked
file) is logged and kept, with every write after it, and retried first on the next write (or on
:meth:`JournalWriter.flush`): nothing is written out of order, so a later count is never overwritten
by an earlier one.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Write:
    what: str  # for the log: never a secret
    run: Callable[[], None]


class JournalWriter:
    def __init__(self, name: str = "journal-writer") -> None:
        self._cond = threading.Condition()
        self._queue: deque[_Write] = deque()
        self._failed: deque[_Write] = deque()  # kept in order, retried before anything newer
        self._retry = False  # a flush asks for the failed writes to be tried again
        self._busy = False
        self._stopping = False
        self.last_error: str = ""  # the last failure, '' once everything is written
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def put(self, what: str, run: Callable[[], None]) -> None:
        with self._cond:
            if self._stopping:
                raise RuntimeError("the journal writer is closed")
            self._queue.append(_Write(what, run))
            self._cond.notify_all()

    @property
    def pending(self) -> int:
        """Writes not yet written (queued, being written, or failed and waiting for a retry)."""
        with self._cond:
            return len(self._queue) + len(self._failed) + int(self._busy)

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every write so far is written (failed ones are tried once more); False when
        some are still not written after ``timeout`` seconds or failed again."""
        with self._cond:
            if self._failed:
                self._retry = True
                self._cond.notify_all()
            return (
                self._cond.wait_for(lambda: not self._queue and not self._busy and not self._retry, timeout=timeout)
                and not self._failed
            )

    def close(self, timeout: float = 5.0) -> bool:
        """Flush, then stop the thread; whether everything was written."""
        written = self.flush(timeout)
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        self._thread.join(timeout)
        if not written:
            log.error("%d journal writes were not written: %s", self.pending, self.last_error)
        return written

    def _loop(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._queue or self._retry or self._stopping)
                if self._stopping and not self._queue and not self._retry:
                    return
                # What failed goes first, then what came since, in order.
                self._failed.extend(self._queue)
                self._queue.clear()
                batch = list(self._failed)
                self._failed.clear()
                self._busy = True
            left = self._write(batch)
            with self._cond:
                self._failed.extendleft(reversed(left))
                self._busy = False
                self._retry = False
                self._cond.notify_all()

    def _write(self, batch: list[_Write]) -> list[_Write]:
        """Write ``batch`` in order; what is left from the first failure on."""
        for index, write in enumerate(batch):
            try:
                write.run()
            except Exception as exc:
                self.last_error = f"{write.what}: {exc}"
                log.warning("journal write failed (%s), kept to retry with the next one: %s", write.what, exc)
                return batch[index:]
        self.last_error = ""
        return []
