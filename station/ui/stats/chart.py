"""Units verified by hour as bars, painted (no QtCharts): 24 bars, the hours under them, each bar's
figure above it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#2563eb")
AXIS = QColor("#6b7280")
HOURS = 24


class HourChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.units: tuple[int, ...] = (0,) * HOURS
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(180)

    def set_units(self, units: Sequence[int]) -> None:
        self.units = tuple(units[:HOURS]) + (0,) * max(0, HOURS - len(units))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(720, 280)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            metrics = self.fontMetrics()
            text_h = metrics.height()
            left, right, top, bottom = 8.0, 8.0, text_h + 6.0, text_h + 8.0
            width, height = self.width() - left - right, self.height() - top - bottom
            slot = width / HOURS
            highest = max(self.units) or 1
            painter.setPen(AXIS)
            base = top + height
            painter.drawLine(int(left), int(base), int(left + width), int(base))
            for hour, units in enumerate(self.units):
                x = left + hour * slot
                painter.setPen(AXIS)
                painter.drawText(QRectF(x, base + 2, slot, text_h), int(Qt.AlignmentFlag.AlignHCenter), f"{hour:02d}")
                if not units:
                    continue
                bar_h = height * units / highest
                bar = QRectF(x + slot * 0.15, base - bar_h, slot * 0.7, bar_h)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(BAR)
                painter.drawRect(bar)
                painter.setPen(QColor("#111827"))
                painter.drawText(
                    QRectF(x - slot * 0.5, bar.top() - text_h - 2, slot * 2, text_h),
                    int(Qt.AlignmentFlag.AlignHCenter),
                    str(units),
                )
        finally:
            painter.end()
