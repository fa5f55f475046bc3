"""Keyboard-wedge scanner input, told apart from a person typing by timing.

A scanner types a code in a few milliseconds per character and ends with Enter. Printable keys
are held back for at most :data:`SCAN_MAX_GAP_MS`; if the next key comes sooner they stay
together, and Enter after at least :data:`MIN_SCAN_LENGTH` such keys makes a scan, which the
focused widget never sees. Otherwise the held keys are replayed to the widget they were meant
for, unchanged, so typing in a field works as usual (a few tens of milliseconds later).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from station.ui.signals import emit_signal

SCAN_MAX_GAP_MS = 50  # keys closer together than this may come from a scanner
MIN_SCAN_LENGTH = 4  # shorter bursts are a person typing fast
MAX_SCAN_LENGTH = 64

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass
class KeyTiming:
    """The pure part: feed characters with their times (seconds); Enter says whether it was a scan."""

    max_gap: float = SCAN_MAX_GAP_MS / 1000
    min_length: int = MIN_SCAN_LENGTH
    chars: list[str] = field(default_factory=list)
    last: float | None = None

    def add(self, char: str, at: float) -> list[str]:
        """Add one character; returns the characters that can no longer be a scan (to replay)."""
        stale: list[str] = []
        if self.last is not None and at - self.last > self.max_gap:
            stale, self.chars = self.chars, []
        self.chars.append(char)
        self.last = at
        if len(self.chars) > MAX_SCAN_LENGTH:
            stale += self.chars
            self.chars = []
            self.last = None
        return stale

    def expire(self, at: float) -> list[str]:
        """Called when no key came for a while; returns what is now known to be typing."""
        if self.last is not None and at - self.last > self.max_gap:
            return self.take()
        return []

    def enter(self, at: float) -> str | None:
        """Enter pressed: the scanned code, or None (then :meth:`take` the held keys to replay)."""
        if self.last is None or at - self.last > self.max_gap or len(self.chars) < self.min_length:
            return None
        code = "".join(self.chars)
        self.chars, self.last = [], None
        return code

    def take(self) -> list[str]:
        chars, self.chars, self.last = self.chars, [], None
        return chars


def classify(keys: list[tuple[str, float]], enter_at: float, *, max_gap: float = SCAN_MAX_GAP_MS / 1000,
             min_length: int = MIN_SCAN_LENGTH) -> str | None:
    """The scan a sequence of (character, time) followed by Enter makes, if any (the last fast burst)."""
    timing = KeyTiming(max_gap=max_gap, min_length=min_length)
    for char, at in keys:
        timing.add(char, at)
    return timing.enter(enter_at)


def _printable(event: QKeyEvent) -> bool:
    if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                            | Qt.KeyboardModifier.MetaModifier):
        return False
    text = event.text()
    return len(text) == 1 and text.isprintable() and not text.isspace()


class ScannerFilter(QObject):
    """Application-wide event filter; emits ``scanned(code)``."""

    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.enabled = True
        self._timing = KeyTiming()
        self._held: list[tuple[QObject, QKeyEvent]] = []
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)
        self._clock = clock

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()
        self._held.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or not self.enabled:
            return False
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) or not isinstance(event, QKeyEvent):
            return False
        if not watched.isWidgetType() or QApplication.activeModalWidget() is not None:
            return False
        if kind == QEvent.Type.KeyRelease:
            # Releases of held keys are replayed with their presses.
            return bool(self._held) and _printable(event)
        now = self._clock()
        if event.key() in _ENTER_KEYS and self._held:
            code = self._timing.enter(now)
            if code is not None:
                self._timer.stop()
                self._held.clear()
                emit_signal(self.scanned, code)
                return True
            self._flush()
            return False
        if not _printable(event):
            self._flush()
            return False
        copy = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text(), event.isAutoRepeat(),
                         event.count())
        self._held.append((watched, copy))
        stale = self._timing.add(event.text(), now)
        if stale:
            self._replay(len(stale))
        self._timer.start(SCAN_MAX_GAP_MS + 10)
        return True

    def _flush(self) -> None:
        self._timer.stop()
        self._timing.take()
        self._replay(len(self._held))

    def _replay(self, count: int) -> None:
        events, self._held = self._held[:count], self._held[count:]
        self._replaying = True
        try:
            for target, press in events:
                if not isValid(target):
                    continue
                QApplication.sendEvent(target, press)
                release = QKeyEvent(QEvent.Type.KeyRelease, press.key(), press.modifiers(), press.text())
                QApplication.sendEvent(target, release)
        finally:
            self._replaying = False
