"""Brings a batch's news (statuses read or answered, what the station did) from its worker threads
to the window, gathered: the list shows each answer as it arrives, not at the next status poll.

Workers call :meth:`NewsFeed.add` as often as they like; the window's thread gets at most one
delivery per :data:`DELIVER_MS`, holding everything since the last (a later word on a PO wins).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from station.lazada.models import POStatus
from station.outcomes import PoNews

DELIVER_MS = 150  # often enough to look immediate, rare enough that 500 POs turning ready stay smooth


class NewsFeed(QObject):
    _due = Signal()

    def __init__(
        self, deliver: Callable[[dict[str, POStatus], dict[str, str]], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._deliver = deliver
        self._lock = threading.Lock()
        self._statuses: dict[str, POStatus] = {}
        self._actions: dict[str, str] = {}
        self._woken = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELIVER_MS)
        self._timer.timeout.connect(self.flush)
        self._due.connect(self._wake)  # queued: emitted from workers, runs on the window's thread

    def add(self, news: PoNews) -> None:
        """From any thread."""
        with self._lock:
            self._statuses.update(news.statuses)
            self._actions.update(news.actions)
            wake = not self._woken
            self._woken = True
        if wake:
            self._due.emit()

    def _wake(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Deliver what has gathered now (also at the end of a batch, before its verdict)."""
        self._timer.stop()
        with self._lock:
            statuses, self._statuses = self._statuses, {}
            actions, self._actions = self._actions, {}
            self._woken = False
        if statuses or actions:
            self._deliver(statuses, actions)
