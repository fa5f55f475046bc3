"""The PO table: a model of the listed POs, and a proxy for the filters.

Each cell's text, colour and sort key are computed once per change of its PO and kept in Qt's
item store, so painting and sorting thousands of rows never call back into Python; sorting uses
a separate key role so dates and numbers sort as such.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

from station.lazada.models import POStatus, PurchaseOrder
from station.ui.column_fit import shared_prefix, without_prefix
from station.ui.locale_format import local_text as local_text  # the table's dates; items_panel reads it here

SORT_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    PO = 0
    STORE = 1
    WAREHOUSE = 2
    SKUS = 3
    QUANTITY = 4
    ARRIVAL = 5
    STATUS = 6
    LAST = 7


COLUMN_COUNT = len(Column)
ANNOUNCE_ROWS = 100


def column_titles() -> list[str]:
    return [
        QCoreApplication.translate("PoTableModel", "PO number"),
        QCoreApplication.translate("PoTableModel", "Store"),
        QCoreApplication.translate("PoTableModel", "Warehouse"),
        QCoreApplication.translate("PoTableModel", "SKUs"),
        QCoreApplication.translate("PoTableModel", "Qty"),
        QCoreApplication.translate("PoTableModel", "Expected arrival"),
        QCoreApplication.translate("PoTableModel", "Status"),
        QCoreApplication.translate("PoTableModel", "Station did"),
    ]


def status_label(status: POStatus) -> str:
    labels = {
        POStatus.TO_PACK: QCoreApplication.translate("status", "To Pack"),
        POStatus.READY_TO_SHIP: QCoreApplication.translate("status", "Ready To Ship"),
        POStatus.TO_PUT_AWAY: QCoreApplication.translate("status", "To Put Away"),
        POStatus.ARRIVED: QCoreApplication.translate("status", "Arrived at Warehouse"),
        POStatus.COMPLETED: QCoreApplication.translate("status", "Completed"),
        POStatus.CANCELLED_TIMEOUT: QCoreApplication.translate("status", "Cancelled (timeout)"),
        POStatus.CANCELLED_BUYER: QCoreApplication.translate("status", "Cancelled (buyer)"),
    }
    return labels[status]


STATUS_ORDER = {status: i for i, status in enumerate(POStatus)}  # sorts the Status column

STATUS_COLOURS: dict[POStatus, str] = {
    POStatus.TO_PACK: "#fff3cd",
    POStatus.READY_TO_SHIP: "#dbeafe",
    POStatus.TO_PUT_AWAY: "#dcfce7",
    POStatus.ARRIVED: "#dcfce7",
    POStatus.COMPLETED: "#e5e7eb",
    POStatus.CANCELLED_TIMEOUT: "#fde2e2",
    POStatus.CANCELLED_BUYER: "#fde2e2",
}


def action_label(action: str) -> str:
    labels = {
        "packed": QCoreApplication.translate("action", "Packed"),
        "shipped": QCoreApplication.translate("action", "Shipped"),
        "printed": QCoreApplication.translate("action", "Printed"),
        "failed": QCoreApplication.translate("action", "Failed"),
    }
    return labels.get(action, action)


@dataclass(frozen=True)
class LastAction:
    action: str  # packed / shipped / printed / failed
    at: datetime  # aware


class PoTableModel(QStandardItemModel):
    """The listed POs, one row each, in the order listed.

    The cells live in Qt's own item store (C++), not behind a Python ``data()``: the view asks
    for seven roles of every cell it paints, and through Python that cost ~14 ms per repaint of
    a full table, repaints that happen many times while a batch moves POs between statuses. The
    POs themselves stay in Python (``po()``, ``row_of()``) for the filters and the window.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(0, COLUMN_COUNT, parent)
        self._titles = column_titles()
        self.setHorizontalHeaderLabels(self._titles)
        self._pos: list[PurchaseOrder] = []
        self._rows: dict[str, int] = {}
        self._last: dict[str, LastAction] = {}
        self._held: dict[str, str] = {}  # PO number -> the other bench that holds it (shared journal)
        self._brushes = {status: QBrush(QColor(colour)) for status, colour in STATUS_COLOURS.items()}
        self._failed_brush = QBrush(QColor("#c62828"))
        self._cell = QStandardItem()  # each cell starts as a copy: read-only, one flags call saved per cell
        self._cell.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren)
        self._number_cell = self._cell.clone()
        self._number_cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._generation = 0
        # On a narrow screen the part every store (and every warehouse) name shares is left out
        # ("…Cebu Store"); the tooltip keeps the whole name.
        self._place_prefixes = ("", "")

    # ---------------------------------------------------------------- content
    def _last_sort_key(self, no: str) -> float:
        last = self._last.get(no)
        return last.at.timestamp() if last else 0.0

    def _sort_keys(self, po: PurchaseOrder) -> list[Any]:
        """What each column sorts by (``SORT_ROLE``): numbers and dates as such."""
        return [
            po.purchase_order_no,
            po.store_name,
            po.store_code,
            po.total_sku_count,
            po.total_quantity,
            po.expected_arrival_at.timestamp() if po.expected_arrival_at else 0.0,
            STATUS_ORDER[po.status],
            self._last_sort_key(po.purchase_order_no),
        ]

    def _texts(self, po: PurchaseOrder) -> list[str]:
        store_prefix, warehouse_prefix = self._place_prefixes
        return [
            po.purchase_order_no,
            without_prefix(po.store_name, store_prefix),
            without_prefix(po.store_code, warehouse_prefix),
            str(po.total_sku_count),
            str(po.total_quantity),
            local_text(po.expected_arrival_at),
            status_label(po.status),
            self._last_column(po.purchase_order_no),
        ]

    def _new_row(self, po: PurchaseOrder) -> list[QStandardItem]:
        cells = []
        for column, (text, key) in enumerate(zip(self._texts(po), self._sort_keys(po), strict=True)):
            cell = (self._number_cell if column in (Column.SKUS, Column.QUANTITY) else self._cell).clone()
            cell.setText(text)
            cell.setData(key, SORT_ROLE)
            cells.append(cell)
        self._dress(po, cells)
        return cells

    def _dress(self, po: PurchaseOrder, cells: Sequence[QStandardItem]) -> None:
        """The colours and tooltips that follow from the PO itself."""
        cells[Column.STATUS].setBackground(self._brushes[po.status])
        cells[Column.STATUS].setToolTip(status_label(po.status))  # whole, where a narrow screen elides it
        cells[Column.PO].setToolTip(", ".join(po.logistics_nos))
        place = f"{po.store_name}\n{po.store_code}\n{po.store_address}"
        cells[Column.STORE].setToolTip(place)
        cells[Column.WAREHOUSE].setToolTip(place)
        self._dress_last(po.purchase_order_no, cells[Column.LAST])

    def _dress_last(self, no: str, cell: QStandardItem) -> None:
        last = self._last.get(no)
        failed = last is not None and last.action == "failed" and no not in self._held
        # No brush at all when not failed (an empty QBrush would paint the text invisible).
        cell.setData(self._failed_brush if failed else None, Qt.ItemDataRole.ForegroundRole)

    def _refresh_row(self, row: int, po: PurchaseOrder) -> None:
        cells = [self.item(row, column) for column in range(COLUMN_COUNT)]
        for cell, text, key in zip(cells, self._texts(po), self._sort_keys(po), strict=True):
            cell.setText(text)
            cell.setData(key, SORT_ROLE)
        self._dress(po, cells)

    def _set_last_cell(self, row: int, no: str, text: str | None = None) -> None:
        cell = self.item(row, Column.LAST)
        cell.setText(self._last_column(no) if text is None else text)
        cell.setData(self._last_sort_key(no), SORT_ROLE)
        self._dress_last(no, cell)

    @staticmethod
    def _last_text(last: LastAction) -> str:
        return f"{action_label(last.action)} {local_text(last.at, time_only=True)}"

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        """Cells are rewritten without a signal each: the caller says what changed, in one go."""
        blocked = self.blockSignals(True)
        try:
            yield
        finally:
            self.blockSignals(blocked)

    def set_pos(self, pos: Sequence[PurchaseOrder]) -> None:
        self._generation += 1  # row numbers change: announcements still queued are dropped
        listed = list(pos)
        rows = [self._new_row(po) for po in listed]
        # One reset, not a removal and an insertion per row (the proxy and the view would each
        # redo their mapping hundreds of times), and the columns stay (the view keeps their widths).
        self.beginResetModel()
        self._pos = listed
        self._rows = {po.purchase_order_no: i for i, po in enumerate(listed)}
        with self._quietly():
            # PySide keeps a Python wrapper for every cell appended; taking the cells back lets go
            # of them. After setRowCount(0) alone the wrappers outlived their cells, and a new Qt
            # object at a freed address came back as a stale cell (a crash, or `selectionModel()`
            # answered with a QStandardItem). clear() lets go too, but as a reset of its own, in which
            # the view drops its column widths.
            for _ in range(COLUMN_COUNT):
                self.takeColumn(0)
            self.setRowCount(0)
            self.setHorizontalHeaderLabels(self._titles)
            for cells in rows:
                self.appendRow(cells)
        self.endResetModel()

    def update_pos(self, pos: Iterable[PurchaseOrder]) -> list[str]:
        """Fresh reads of some POs: changed rows are redrawn, unknown ones appended; the numbers changed."""
        changed: list[str] = []
        new: list[PurchaseOrder] = []
        for po in pos:
            row = self._rows.get(po.purchase_order_no)
            if row is None:
                new.append(po)
                continue
            if self._pos[row] != po:
                self._pos[row] = po
                with self._quietly():
                    self._refresh_row(row, po)
                changed.append(po.purchase_order_no)
                self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
        for po in new:
            self._rows[po.purchase_order_no] = len(self._pos)
            self._pos.append(po)
            self.appendRow(self._new_row(po))
        changed += [po.purchase_order_no for po in new]
        return changed

    def set_holders(self, held: dict[str, str], *, among: Iterable[str]) -> None:
        """Which of the POs ``among`` another bench holds now (number -> bench); shown in the last column."""
        rows = []
        with self._quietly():
            for no in among:
                bench = held.get(no)
                if self._held.get(no) == bench:
                    continue
                if bench is None:
                    self._held.pop(no, None)
                else:
                    self._held[no] = bench
                row = self._rows.get(no)
                if row is not None:
                    self._set_last_cell(row, no)
                    rows.append(row)
        if rows:
            self.dataChanged.emit(self.index(min(rows), Column.LAST), self.index(max(rows), Column.LAST))

    def held_by(self, no: str) -> str | None:
        return self._held.get(no)

    def _last_column(self, no: str) -> str:
        bench = self._held.get(no)
        if bench is not None:
            return self.tr("Held by {bench}").format(bench=bench)
        last = self._last.get(no)
        return self._last_text(last) if last else ""

    def set_last_action(self, numbers: Iterable[str], action: str, at: datetime) -> None:
        self.set_last_actions(dict.fromkeys(numbers, action), at)

    def set_last_actions(self, actions: dict[str, str], at: datetime) -> None:
        """What the station last did to each PO (number -> action), all at ``at``.

        After a 500-PO batch this runs on the window's thread: only the last column's text is
        rewritten, and the view (and its sort/filter proxy) hears of it in spans of rows.
        """
        self._put_last({no: LastAction(action, at) for no, action in actions.items()}, newer_only=False)

    def restore_last_actions(self, actions: dict[str, LastAction]) -> None:
        """What the station did on an earlier run (read from the journal); what this run did wins."""
        self._put_last(actions, newer_only=True)

    def _put_last(self, actions: dict[str, LastAction], *, newer_only: bool) -> None:
        rows = []
        texts: dict[LastAction, str] = {}  # a batch's POs share a few (action, time) pairs
        with self._quietly():
            for no, last in actions.items():
                current = self._last.get(no)
                if newer_only and current is not None and current.at >= last.at:
                    continue
                self._last[no] = last
                row = self._rows.get(no)
                if row is not None:
                    if no in self._held:
                        self._set_last_cell(row, no)
                    else:
                        if last not in texts:
                            texts[last] = self._last_text(last)
                        self._set_last_cell(row, no, texts[last])
                    rows.append(row)
        self._announce(sorted(rows), self._generation)

    def _announce(self, rows: list[int], generation: int) -> None:
        """One ``dataChanged`` per ``ANNOUNCE_ROWS`` changed rows, each in its own turn of the event
        loop: the proxy runs its (Python) filter and re-sorts every row it hears of, and 500 rows at
        once held the window for ~25 ms."""
        if not rows or generation != self._generation:
            return
        span, rest = rows[:ANNOUNCE_ROWS], rows[ANNOUNCE_ROWS:]
        self.dataChanged.emit(self.index(span[0], Column.LAST), self.index(span[-1], Column.LAST))
        if rest:
            QTimer.singleShot(0, self, lambda: self._announce(rest, generation))

    def last_action(self, no: str) -> LastAction | None:
        return self._last.get(no)

    # ---------------------------------------------------------------- lookups
    @property
    def pos(self) -> list[PurchaseOrder]:
        return list(self._pos)

    def po(self, row: int) -> PurchaseOrder:
        return self._pos[row]

    def row_of(self, no: str) -> int | None:
        return self._rows.get(no)

    def get(self, no: str) -> PurchaseOrder | None:
        row = self._rows.get(no)
        return None if row is None else self._pos[row]

    def find_code(self, code: str) -> list[str]:
        """PO numbers matching a scanned PO number or logistics number (exact, case-insensitive)."""
        wanted = code.strip().upper()
        if wanted in self._rows:
            return [wanted]
        exact = [po.purchase_order_no for po in self._pos if po.purchase_order_no.upper() == wanted]
        if exact:
            return exact
        return [po.purchase_order_no for po in self._pos if wanted in (n.upper() for n in po.logistics_nos)]

    def shorten_places(self, short: bool) -> None:
        """Leave out (or put back) the start every listed store and warehouse name shares."""
        prefixes = (shared_prefix(self.stores()), shared_prefix(self.warehouses())) if short else ("", "")
        if prefixes == self._place_prefixes:
            return
        self._place_prefixes = prefixes
        if not self._pos:
            return
        with self._quietly():
            for row, po in enumerate(self._pos):
                self.item(row, Column.STORE).setText(without_prefix(po.store_name, prefixes[0]))
                self.item(row, Column.WAREHOUSE).setText(without_prefix(po.store_code, prefixes[1]))
        self.dataChanged.emit(self.index(0, Column.STORE), self.index(len(self._pos) - 1, Column.WAREHOUSE))

    def width_samples(self) -> list[list[str]]:
        """Per column, the distinct texts it shows or will show (every status, every action), to size it."""
        pos = self._pos
        sample_time = datetime(2026, 12, 31, 23, 59).astimezone()
        longest_no = max((po.purchase_order_no for po in pos), key=len, default="POJ0000000000000000")
        store_prefix, warehouse_prefix = self._place_prefixes
        return [
            [longest_no],
            [without_prefix(name, store_prefix) for name in self.stores()],
            [without_prefix(code, warehouse_prefix) for code in self.warehouses()],
            [str(po.total_sku_count) for po in pos[:1]] + ["999"],
            [str(po.total_quantity) for po in pos[:1]] + ["9999"],
            [local_text(sample_time)],
            [status_label(status) for status in POStatus],
            [self._last_text(LastAction(action, sample_time)) for action in ("packed", "shipped", "printed", "failed")]
            + [self._last_column(no) for no in self._held],
        ]

    def stores(self) -> list[str]:
        return sorted({po.store_name for po in self._pos if po.store_name})

    def warehouses(self) -> list[str]:
        return sorted({po.store_code for po in self._pos if po.store_code})


class PoFilterProxy(QSortFilterProxyModel):
    """Status, store, warehouse and free-text filters over :class:`PoTableModel`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.status: POStatus | None = POStatus.TO_PACK
        self.store = ""
        self.warehouse = ""
        self.text = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def source(self) -> PoTableModel:
        model = self.sourceModel()
        assert isinstance(model, PoTableModel)
        return model

    def set_filters(
        self,
        *,
        status: POStatus | str | None = "",
        store: str | None = None,
        warehouse: str | None = None,
        text: str | None = None,
    ) -> None:
        if status != "":
            self.status = status if isinstance(status, POStatus) else None
        if store is not None:
            self.store = store
        if warehouse is not None:
            self.warehouse = warehouse
        if text is not None:
            self.text = text.strip().upper()
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _place_ok(self, po: PurchaseOrder) -> bool:
        if self.store and po.store_name != self.store:
            return False
        if self.warehouse and po.store_code != self.warehouse:
            return False
        return (
            not self.text
            or self.text in po.purchase_order_no.upper()
            or any(self.text in n.upper() for n in po.logistics_nos)
        )

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        po = self.source().po(source_row)
        if self.status is not None and po.status is not self.status:
            return False
        return self._place_ok(po)

    def status_counts(self) -> Counter[POStatus]:
        """POs per status under the store, warehouse and text filters (the status filter left out)."""
        return Counter(po.status for po in self.source().pos if self._place_ok(po))

    def visible_pos(self) -> list[PurchaseOrder]:
        source = self.source()
        return [source.po(self.mapToSource(self.index(r, 0)).row()) for r in range(self.rowCount())]
