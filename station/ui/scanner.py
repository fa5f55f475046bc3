"""Keyboard-wedge scanner input, told apart from a person typing by timing.

Characters are held back for at most the scanner gap (:mod:`station.scan_input`); if the next
one comes sooner they stay together, and the terminator (Enter, Tab, or a pause) after enough of
them makes a scan, which the focused widget never sees. Otherwise the held keys are replayed to
the widget they were meant for, unchanged, so typing in a field works as usual (a few tens of
milliseconds later).

Real scanners send more than characters: Shift before every capital (or held over several),
CapsLock, AltGr for "@" on AZERTY, Ctrl+] for GS1's group separator, keypad digits and keypad
Enter. Modifier keys pass through without ending a burst, and what counts is the text each key
produced, never its key code.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from station.scan_input import KeyTiming, Scan, ScannerConfig, Terminator, is_scan_char

_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
        Qt.Key.Key_Mode_switch,
        Qt.Key.Key_ScrollLock,
    }
)
_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
_META = Qt.KeyboardModifier.MetaModifier


def _terminator_name(event: QKeyEvent, terminator: Terminator) -> str | None:
    """The terminator this key is, for the configured kind, or None."""
    key = event.key()
    if terminator is Terminator.ENTER:
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return "Keypad Enter" if key == Qt.Key.Key_Enter else "Enter"
        if event.text() == "\n":
            return "Enter"  # a scanner set to end with a line feed (X11 "Linefeed" has no Qt key name)
    if terminator is Terminator.TAB and key == Qt.Key.Key_Tab:
        return "Tab"
    return None


def scan_text(event: QKeyEvent) -> str:
    """The character this key adds to a code, or "" when it is not part of one."""
    if event.isAutoRepeat():
        return ""  # a key held down: a person
    text = event.text()
    if not is_scan_char(text):
        return ""
    modifiers = event.modifiers()
    ctrl, alt = bool(modifiers & _CTRL), bool(modifiers & _ALT)
    if ctrl and alt:
        return text  # AltGr on Windows arrives as Ctrl+Alt ("@" on AZERTY)
    if alt or modifiers & _META:
        return ""  # a person's Alt/Meta combination
    if ctrl:
        return text if text == "\x1d" else ""  # Ctrl+] is how a wedge scanner types GS
    return text


class ScannerFilter(QObject):
    """Application-wide event filter; emits ``scanned(code)`` and ``scanned_in_full(Scan)``.

    With ``scope`` it listens only to key events for that widget (and its children), also inside a
    modal dialog: the scanner test in Settings. Without, it ignores keys while a modal dialog is up.
    """

    scanned = Signal(str)
    scanned_in_full = Signal(object)  # Scan

    def __init__(
        self,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
        config: ScannerConfig | None = None,
        scope: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.enabled = True
        self.scope = scope
        self._timing = KeyTiming(config or ScannerConfig())
        self._held: list[tuple[QObject, QKeyEvent]] = []
        self._swallowed: Counter[int] = Counter()  # keys whose press was taken: their release is too
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._pause)
        self.clock = clock

    @property
    def config(self) -> ScannerConfig:
        return self._timing.config

    def set_config(self, config: ScannerConfig) -> None:
        self._flush()
        self._timing.config = config

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

    def _listens_to(self, watched: QObject) -> bool:
        if not watched.isWidgetType():
            return False
        if self.scope is None:
            return QApplication.activeModalWidget() is None
        return (
            isValid(self.scope)
            and isinstance(watched, QWidget)
            and (watched is self.scope or self.scope.isAncestorOf(watched))
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or not self.enabled:
            return False
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) or not isinstance(event, QKeyEvent):
            return False
        if not self._listens_to(watched):
            return False
        key = event.key()
        if kind == QEvent.Type.KeyRelease:
            # A press that was taken (held, or part of a scan) takes its release with it; held
            # presses are replayed with a release of their own.
            if self._swallowed[key] > 0:
                self._swallowed[key] -= 1
                return True
            return False
        if key in _MODIFIER_KEYS:
            return False  # Shift before a capital, CapsLock...: part of the burst, not its end
        now = self.clock()
        terminator = _terminator_name(event, self.config.terminator)
        if terminator is not None and self._held:
            scan = self._timing.finish(now, terminator)
            if scan is not None:
                self._emit(scan)
                self._swallowed[key] += 1
                return True
            self._flush()
            return False
        char = scan_text(event)
        if not char:
            self._flush()
            return False
        copy = QKeyEvent(event.type(), key, event.modifiers(), event.text(), False, event.count())
        self._held.append((watched, copy))
        self._swallowed[key] += 1
        stale = self._timing.add(char, now)
        if stale:
            self._replay(len(stale))
        wait = self.config.max_gap_ms + 10
        if self.config.terminator is Terminator.NONE:
            wait = max(wait, self.config.idle_end_ms)
        self._timer.start(wait)
        return True

    def _emit(self, scan: Scan) -> None:
        self._timer.stop()
        self._held.clear()
        self.scanned_in_full.emit(scan)
        self.scanned.emit(scan.code)

    def _pause(self) -> None:
        """No key for a while: with no terminator that ends a scan; otherwise the keys were typing."""
        if self.config.terminator is Terminator.NONE and self._held:
            scan = self._timing.finish(self.clock(), "pause")
            if scan is not None:
                self._emit(scan)
                return
        self._flush()

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
