"""Key events as a keyboard-wedge scanner on a US layout sends them: Shift pressed and released
around each capital (as ``xdotool type`` does), every press with its release, a clock per key."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

M = Qt.KeyboardModifier
SHIFTED = set('~!@#$%^&*()_+{}|:"<>?')


@dataclass
class KeySender:
    target: QObject
    now: list[float] = field(default_factory=lambda: [100.0])  # the scanner filter's clock, moved per key

    def key(
        self, key: int, text: str = "", modifiers: M = M.NoModifier, *, release: bool = False, auto_repeat: bool = False
    ) -> None:
        kind = QEvent.Type.KeyRelease if release else QEvent.Type.KeyPress
        QApplication.sendEvent(self.target, QKeyEvent(kind, key, modifiers, text, auto_repeat))

    def tap(self, key: int, text: str = "", modifiers: M = M.NoModifier, gap: float = 0.004) -> None:
        self.now[0] += gap
        self.key(key, text, modifiers)
        self.key(key, text, modifiers, release=True)

    def type_us(self, text: str, gap: float = 0.004, *, shift_each: bool = True) -> None:
        for char in text:
            shifted = char.isupper() or char in SHIFTED
            key = ord(char.upper()) if char.isascii() else int(Qt.Key.Key_unknown)
            if shifted and shift_each:
                self.now[0] += gap / 4
                self.key(Qt.Key.Key_Shift, "", M.ShiftModifier)
            self.tap(key, char, M.ShiftModifier if shifted else M.NoModifier, gap)
            if shifted and shift_each:
                self.key(Qt.Key.Key_Shift, "", M.NoModifier, release=True)

    def enter(self, gap: float = 0.004, keypad: bool = False) -> None:
        if keypad:
            self.tap(Qt.Key.Key_Enter, "\r", M.KeypadModifier, gap)
        else:
            self.tap(Qt.Key.Key_Return, "\r", M.NoModifier, gap)

    def scan(self, code: str, gap: float = 0.004) -> None:
        self.type_us(code, gap)
        self.enter(gap)
