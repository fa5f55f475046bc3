"""Today's pickup orders as a table: number, status in words, POs, logistics numbers, cartons,
weight, driver and car, the reason of a failure."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from station.lazada.pickups import PickupStatus
from station.ui.operator_text import QT_TRANSLATE_NOOP, translate_operator
from station.workflow.pickups import TodaysPickup

STATUS_CONTEXT = "pickup status"
STATUS_WORDS = (  # PickupStatus.label, for lupdate
    QT_TRANSLATE_NOOP("pickup status", "Unknown status"),
    QT_TRANSLATE_NOOP("pickup status", "Waiting for pickup"),
    QT_TRANSLATE_NOOP("pickup status", "Vehicle dispatched"),
    QT_TRANSLATE_NOOP("pickup status", "Picked up"),
    QT_TRANSLATE_NOOP("pickup status", "Delivered to the warehouse"),
    QT_TRANSLATE_NOOP("pickup status", "Completed"),
    QT_TRANSLATE_NOOP("pickup status", "Cancelled"),
    QT_TRANSLATE_NOOP("pickup status", "Pickup failed"),
    QT_TRANSLATE_NOOP("pickup status", "Deleted"),
)
CELL_WORDS = (  # what _tr() says in the cells, for lupdate
    QT_TRANSLATE_NOOP("PickupsModel", "Not read"),
    QT_TRANSLATE_NOOP("PickupsModel", "{count} expected"),
    QT_TRANSLATE_NOOP("PickupsModel", " · {count} labelled"),
    QT_TRANSLATE_NOOP("PickupsModel", "~{weight} (estimated)"),
)
HEADERS = (
    QT_TRANSLATE_NOOP("PickupsModel", "Pickup order"),
    QT_TRANSLATE_NOOP("PickupsModel", "Status"),
    QT_TRANSLATE_NOOP("PickupsModel", "POs"),
    QT_TRANSLATE_NOOP("PickupsModel", "Logistics numbers"),
    QT_TRANSLATE_NOOP("PickupsModel", "Cartons"),
    QT_TRANSLATE_NOOP("PickupsModel", "Weight (kg)"),
    QT_TRANSLATE_NOOP("PickupsModel", "Driver and car"),
    QT_TRANSLATE_NOOP("PickupsModel", "Reason"),
)
NUMBER, STATUS, POS, LOGISTICS, CARTONS, WEIGHT, DRIVER, REASON = range(len(HEADERS))
BAD = (PickupStatus.FAILED, PickupStatus.CANCELLED, PickupStatus.DELETED)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PickupsModel", text)


def status_words(row: TodaysPickup) -> str:
    if row.order is None:
        return _tr("Not read")
    words = QCoreApplication.translate(STATUS_CONTEXT, row.order.status.label)
    return words if row.order.status is not PickupStatus.UNKNOWN else f"{words} ({row.order.status_code})"


def short_list(text: str, shown: int = 1) -> str:
    """The first number of a list and how many more ("POJ1 +3"): the whole list is the tooltip."""
    items = [item for item in text.split(", ") if item]
    return ", ".join(items[:shown]) + (f" +{len(items) - shown}" if len(items) > shown else "")


@dataclass(frozen=True)
class PickupLine:
    """A row: the pickup order, and how many carton labels this station made for it (0: none yet)."""

    pickup: TodaysPickup
    labelled: int = 0


class PickupsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[PickupLine] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.text(line, index.column())
            return short_list(text) if index.column() in (POS, LOGISTICS) else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.text(line, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == STATUS:
            order = line.pickup.order
            if order is None or order.status in BAD:
                return QColor("#b00020")
            if order.status is PickupStatus.COMPLETED:
                return QColor("#1b7f3b")
        return None

    @staticmethod
    def text(line: PickupLine, column: int) -> str:
        row, order = line.pickup, line.pickup.order
        if column == NUMBER:
            return row.pickup_order_no
        if column == STATUS:
            return status_words(row)
        if column == POS:
            return ", ".join(row.purchase_order_nos)
        if order is None:
            return translate_operator(row.error) if column == REASON else ""
        if column == LOGISTICS:
            return ", ".join(order.logistics_nos)
        if column == CARTONS:
            text = _tr("{count} expected").format(count=order.estimated_box_number)
            return text + (_tr(" · {count} labelled").format(count=line.labelled) if line.labelled else "")
        if column == WEIGHT:
            if order.actual_weight:
                return order.actual_weight
            weight = order.estimated_weight
            return _tr("~{weight} (estimated)").format(weight=weight) if weight else ""
        if column == DRIVER:
            parts = [order.car_driver_name, order.car_driver_phone, order.car_number]
            return " · ".join(part for part in parts if part)
        if column == REASON:
            return order.reason
        return ""

    def set_lines(self, lines: list[PickupLine]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()

    def put(self, line: PickupLine) -> int:
        """Add or replace the line of its pickup order; its row."""
        for row, old in enumerate(self.lines):
            if old.pickup.pickup_order_no == line.pickup.pickup_order_no:
                self.lines[row] = line
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
                return row
        self.beginInsertRows(QModelIndex(), len(self.lines), len(self.lines))
        self.lines.append(line)
        self.endInsertRows()
        return len(self.lines) - 1

    def row_of(self, number: str) -> int | None:
        wanted = number.strip().upper()
        return next((row for row, line in enumerate(self.lines) if line.pickup.pickup_order_no.upper() == wanted), None)

    @property
    def all_final(self) -> bool:
        return all(line.pickup.is_final for line in self.lines)
