"""Small shared widgets: the flash banner for scans and results."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

NEUTRAL = "background: #eef2f7; color: #374151; border: 1px solid #cbd5e1;"
GOOD = "background: #16a34a; color: white; border: 1px solid #166534;"
BAD = "background: #dc2626; color: white; border: 1px solid #7f1d1d;"
FLASH_MS = 3500


class FlashBanner(QLabel):
    """A wide bar that flashes green or red, then calms down (the text stays readable)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FlashBanner")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumHeight(48)
        self.setWordWrap(True)
        self.state = "neutral"
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._calm)
        self._apply(NEUTRAL)
        self.setText(self.tr("Ready: scan a PO number, logistics number or product barcode."))

    def _apply(self, colours: str) -> None:
        self.setStyleSheet(f"QLabel#FlashBanner {{ {colours} border-radius: 8px; font-size: 16pt;"
                           " font-weight: bold; padding: 6px; }")

    def flash(self, text: str, ok: bool) -> None:
        self.state = "ok" if ok else "fail"
        self.setText(text)
        self._apply(GOOD if ok else BAD)
        self._timer.start(FLASH_MS)

    def info(self, text: str) -> None:
        self.state = "neutral"
        self._timer.stop()
        self.setText(text)
        self._apply(NEUTRAL)

    def _calm(self) -> None:
        self._apply(NEUTRAL)
