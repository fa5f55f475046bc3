"""Above the table: the date range (server side), big status chips with counts, store, warehouse, search."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.lazada.models import POStatus
from station.ui.locale_format import date_format
from station.ui.po_model import STATUS_COLOURS, status_label

MAX_DAYS = 90  # the platform's widest listing window
CHIP_STATUSES = (
    POStatus.TO_PACK,
    POStatus.READY_TO_SHIP,
    POStatus.TO_PUT_AWAY,
    POStatus.ARRIVED,
    POStatus.COMPLETED,
    POStatus.CANCELLED_BUYER,
    POStatus.CANCELLED_TIMEOUT,
)


class FilterBar(QWidget):
    range_changed = Signal()  # the listing must be read again
    filters_changed = Signal()  # status, store, warehouse or text: the proxy only

    def __init__(self, today: date, days: int = 7, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        start = today - timedelta(days=max(0, days - 1))
        self.date_from = QDateEdit(QDate(start.year, start.month, start.day))
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format())
            edit.setMaximumDate(QDate(today.year, today.month, today.day))
            edit.dateChanged.connect(self._dates_changed)
        self.store = QComboBox()
        self.warehouse = QComboBox()
        self.store.setMinimumContentsLength(18)
        self.warehouse.setMinimumContentsLength(16)
        self.set_places([], [])
        self.store.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.warehouse.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find PO or logistics number (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.filters_changed.emit())
        self.chips: dict[POStatus | None, QPushButton] = {}
        self.chip_group = QButtonGroup(self)
        self.chip_group.setExclusive(True)
        chips_row = QHBoxLayout()
        chips_row.setSpacing(6)
        for status in (*CHIP_STATUSES, None):
            chip = QPushButton()
            chip.setCheckable(True)
            chip.setMinimumHeight(38)
            colour = STATUS_COLOURS[status] if status else "#f3f4f6"
            chip.setStyleSheet(
                f"QPushButton {{ background: {colour}; border: 1px solid #9ca3af; border-radius: 16px;"
                " padding: 4px 10px; font-size: 12pt; }"
                "QPushButton:checked { border: 3px solid #1d4ed8; padding: 2px 8px; }"
            )
            chip.clicked.connect(lambda _c=False: self.filters_changed.emit())
            self.chip_group.addButton(chip)
            self.chips[status] = chip
            chips_row.addWidget(chip)
        chips_row.addStretch(1)
        self.chips[POStatus.TO_PACK].setChecked(True)
        self.set_counts(Counter())
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        self.refresh_button.setMinimumHeight(34)
        self.refresh_button.clicked.connect(self.range_changed)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Created")))
        top.addWidget(self.date_from)
        top.addWidget(QLabel("–"))
        top.addWidget(self.date_to)
        top.addSpacing(12)
        top.addWidget(self.store)
        top.addWidget(self.warehouse)
        top.addWidget(self.search, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(chips_row)

    def _dates_changed(self) -> None:
        begin, end = self.date_from.date(), self.date_to.date()
        if begin > end:
            self.date_from.setDate(end)
            return
        if begin.daysTo(end) >= MAX_DAYS:
            self.date_from.setDate(end.addDays(-(MAX_DAYS - 1)))
            return
        self.range_changed.emit()

    def date_range(self) -> tuple[date, date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()  # type: ignore[return-value]

    def status(self) -> POStatus | None:
        for status, chip in self.chips.items():
            if chip.isChecked():
                return status
        return None

    def set_status(self, status: POStatus | None) -> None:
        self.chips[status].setChecked(True)
        self.filters_changed.emit()

    def set_counts(self, counts: Counter[POStatus]) -> None:
        for status, chip in self.chips.items():
            if status is None:
                chip.setText(self.tr("All {count}").format(count=sum(counts.values())))
            else:
                chip.setText(f"{status_label(status)}  {counts.get(status, 0)}")
            chip.setVisible(
                status in (None, POStatus.TO_PACK, POStatus.READY_TO_SHIP, POStatus.TO_PUT_AWAY)
                or counts.get(status, 0) > 0
                or chip.isChecked()
            )
            # A chip grows with its count but does not shrink back: while a batch moves POs between
            # statuses the counts change several times a second, and a chip that changed width
            # each time moved its neighbours and re-laid the window around the bar.
            chip.setMinimumWidth(max(chip.minimumWidth(), chip.sizeHint().width()))

    def set_places(self, stores: list[str], warehouses: list[str]) -> None:
        for combo, values, everything in (
            (self.store, stores, self.tr("All stores")),
            (self.warehouse, warehouses, self.tr("All warehouses")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def clear_place_filters(self) -> None:
        for combo in (self.store, self.warehouse):
            combo.setCurrentIndex(0)
        self.search.clear()
