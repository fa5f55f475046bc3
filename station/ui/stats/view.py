"""The Stats tab: a day's pack verification per operator (or all of them): units verified, POs
completed, wrong items and extra units caught, forced completions, cancelled POs caught, and units
by hour. Read from the journal on a worker when the tab is shown, and every minute while it is."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.ui.stats.chart import HourChart
from station.ui.worker import TaskRunner
from station.workflow.stats import OperatorDay

log = logging.getLogger(__name__)

REFRESH_MS = 60_000
ALL = ""  # the chooser's data for every operator together


class Tile(QFrame):
    """One figure, large, with what it counts under it."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.figure = QLabel("0")
        self.figure.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.figure.setStyleSheet("QLabel { font-size: 28pt; font-weight: bold; }")
        self.caption = QLabel(caption)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("QLabel { font-size: 11pt; color: #374151; }")
        layout = QVBoxLayout(self)
        layout.addWidget(self.figure)
        layout.addWidget(self.caption)


class StatsView(QWidget):
    def __init__(
        self,
        runner: TaskRunner,
        read: Callable[[date], list[OperatorDay]] | None,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        """``read``: the figures of a day (on a worker); None without a journal to read them from."""
        super().__init__(parent)
        self.runner, self.read, self.today = runner, read, today
        self.days: list[OperatorDay] = []
        self.reading = False
        self.reads = 0  # figures read and shown (the tests wait on it)
        self.operator = QComboBox()
        self.operator.setMinimumWidth(200)
        self.operator.addItem(self.tr("All operators"), ALL)
        self.operator.currentIndexChanged.connect(lambda _i: self._show())
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(_qdate(today()))
        self.day.setMaximumDate(_qdate(today()))
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.status = QLabel()
        self.tiles = {
            "units": Tile(self.tr("Units verified")),
            "pos_completed": Tile(self.tr("POs completed")),
            "wrong_items": Tile(self.tr("Wrong items caught")),
            "extra_units": Tile(self.tr("Extra units caught")),
            "forced": Tile(self.tr("Finished short")),
            "cancelled": Tile(self.tr("Cancelled POs caught")),
        }
        self.chart = HourChart()
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Operator:")))
        top.addWidget(self.operator)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Day:")))
        top.addWidget(self.day)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.status)
        grid = QGridLayout()
        for index, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, 0, index)
        chart_title = QLabel(self.tr("Units verified by hour"))
        chart_title.setStyleSheet("QLabel { font-size: 12pt; font-weight: bold; }")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(chart_title)
        layout.addWidget(self.chart, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.day.setMaximumDate(_qdate(self.today()))
        self.refresh()
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.timer.stop()

    def chosen_day(self) -> date:
        qd = self.day.date()
        return date(qd.year(), qd.month(), qd.day())

    def refresh(self) -> None:
        read = self.read
        if read is None:
            self.status.setText(self.tr("No journal: nothing to count."))
            return
        if self.reading or self.runner.closed:
            return
        self.reading = True
        day = self.chosen_day()
        self.status.setText(self.tr("Reading…"))
        self.runner.run(lambda: read(day), self._read, self._failed)

    def _read(self, days: list[OperatorDay]) -> None:
        self.reading = False
        self.days = days
        chosen = self.operator.currentData()
        self.operator.blockSignals(True)
        try:
            self.operator.clear()
            self.operator.addItem(self.tr("All operators"), ALL)
            for day in days:
                self.operator.addItem(day.operator or self.tr("(nobody signed in)"), day.operator)
            index = self.operator.findData(chosen)
            self.operator.setCurrentIndex(max(0, index))
        finally:
            self.operator.blockSignals(False)
        self.status.setText("")
        self._show()
        self.reads += 1

    def _failed(self, exc: BaseException) -> None:
        self.reading = False
        log.warning("verification figures not read: %s", exc)
        self.status.setText(self.tr("Could not read the figures."))

    def _show(self) -> None:
        chosen = self.operator.currentData()
        days = [d for d in self.days if chosen in (ALL, None) or d.operator == chosen]
        for name, tile in self.tiles.items():
            tile.figure.setText(str(sum(getattr(d.total, name) for d in days)))
        self.chart.set_units([sum(d.hours[h].units for d in days) for h in range(24)])

    def figures(self) -> dict[str, int]:
        """The figures shown now (name -> number), as the tiles show them."""
        return {name: int(tile.figure.text()) for name, tile in self.tiles.items()}


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
