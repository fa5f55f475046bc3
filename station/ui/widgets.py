"""Small shared widgets: the flash banner for scans and results, and a line of changing text."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

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
        # Scanned codes are data: never read as markup; and no text, however long, widens the window.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.state = "neutral"
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._calm)
        self._apply(NEUTRAL)
        self.setText(self.tr("Ready: scan a PO number, logistics number or product barcode."))

    def _apply(self, colours: str) -> None:
        self.setStyleSheet(
            f"QLabel#FlashBanner {{ {colours} border-radius: 8px; font-size: 16pt; font-weight: bold; padding: 6px; }}"
        )

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


class TextLine(QWidget):
    """One line of text that changes often (a batch's step and count) and costs only its own repaint.

    A ``QLabel`` tells the layout its size hint changed on every ``setText``; inside the window's
    tabs that re-lays and repaints the whole window (~30 ms on a small PC), several times a second
    while a batch's steps overlap. This line's size never depends on its text; a text too long for
    the width is elided.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # the QLabel name, so callers read the same
        if text != self._text:
            self._text = text
            self.setAccessibleName(text)
            self.update()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance("x") * 30, metrics.height() + 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height() + 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            shown = self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, self.width())
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)
        finally:
            # Ended here, not when the painter is collected: anything that keeps this frame alive
            # (a traceback, a profiler) would leave it active past the paint ("endPaint() called
            # with active painter").
            painter.end()
