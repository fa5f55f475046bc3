"""Runs blocking calls on a QThreadPool and brings the result or the error back to the UI thread.

Nothing here touches a widget from a worker: the callable runs on a pool thread, then a signal of
an object living in the UI thread is emitted; Qt queues it, and the callbacks run on the UI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

ProgressEmit = Callable[..., None]


class _Relay(QObject):
    """Lives in the UI thread; its signals are emitted from the pool thread and queued to its slots."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[..., None] | None,
    ) -> None:
        super().__init__()
        self._runner = runner
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        # Only the latest progress is delivered: a batch reports hundreds of ticks in a burst (every
        # PO turning ready at once), and one queued call each held the window for ~50 ms.
        self._progress_lock = threading.Lock()
        self._latest: tuple[Any, ...] | None = None
        self.finished.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)
        self.progressed.connect(self._deliver_progress)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        self._runner._release(self)
        if not self._runner.closed and self._on_done is not None:
            self._on_done(result)

    @Slot(object)
    def _deliver_error(self, error: BaseException) -> None:
        self._runner._release(self)
        if self._runner.closed:
            return
        if self._on_error is not None:
            self._on_error(error)
        else:
            log.error("background task failed: %s", error)

    def post_progress(self, args: tuple[Any, ...]) -> None:
        """From the worker thread: note the latest progress; wake the UI thread unless it is already due."""
        with self._progress_lock:
            due = self._latest is not None
            self._latest = args
        if not due:
            self.progressed.emit()

    @Slot()
    def _deliver_progress(self) -> None:
        with self._progress_lock:
            args, self._latest = self._latest, None
        if args is not None and not self._runner.closed and self._on_progress is not None:
            self._on_progress(*args)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[ProgressEmit], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        def emit(*args: Any) -> None:
            self._relay.post_progress(args)

        try:
            result = self._fn(emit)
        except BaseException as exc:  # brought back to the UI thread, never lost
            log.debug("task raised %s", type(exc).__name__, exc_info=True)
            self._relay.failed.emit(exc)
        else:
            self._relay.finished.emit(result)


class TaskRunner(QObject):
    """The window's pool of worker threads. ``close()`` waits for every task to end."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 6) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self.closed = False
        self._relays: set[_Relay] = set()

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``fn()`` off the UI thread; ``on_done(result)`` or ``on_error(exc)`` run on the UI thread."""
        self.run_with_progress(lambda _emit: fn(), on_done, on_error)

    def run_with_progress(
        self,
        fn: Callable[[ProgressEmit], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[..., None] | None = None,
    ) -> None:
        """Like :meth:`run`; ``fn(emit)`` may call ``emit(*args)`` from its thread to reach ``on_progress``."""
        if self.closed:
            return
        relay = _Relay(self, on_done, on_error, on_progress)
        self._relays.add(relay)
        self.pool.start(_Task(fn, relay))

    @property
    def busy(self) -> bool:
        return bool(self._relays)

    def _release(self, relay: _Relay) -> None:
        self._relays.discard(relay)

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)

    def close(self, msecs: int = 60_000) -> bool:
        """Drop later results and wait for the running tasks (they should watch their cancel events)."""
        self.closed = True
        self.pool.clear()
        return self.pool.waitForDone(msecs)
