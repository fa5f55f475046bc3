"""The marketplace-orders view: a second tab beside the JIT POs.

Orders (with a status filter), the items of the selected order, and Pack / Print AWB / Ready to
ship buttons whose per-item results are listed, never folded into one failure. Scans reach it
through :meth:`OrdersView.handle_scan` (select by order number or tracking number) and
:meth:`OrdersView.scan_to_print` (pack, print the AWB on the 100x150 printer, ready to ship).
Every API call runs off the UI thread on the window's :class:`TaskRunner`.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.lazada.errors import StationApiError
from station.lazada.orders.client import OrdersClient
from station.lazada.orders.flow import FlowResult, PrintPdf, awb_pdf, pack_print_ready
from station.lazada.orders.models import (
    DBS_DELIVERABLE,
    RTS_ABLE,
    STATUS_FILTERS,
    DocType,
    ItemResult,
    Order,
    OrderItem,
    OrdersQuery,
    PackageResult,
    order_items_map,
)
from station.ui.errors import ErrorBar
from station.ui.locale_format import local_text
from station.ui.operator_text import QT_TRANSLATE_NOOP, translate_operator
from station.ui.worker import TaskRunner

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
ORDER_ROLE = Qt.ItemDataRole.UserRole + 1
PRINTABLE = frozenset({"packed", "ready_to_ship", "shipped"})
ResultRow = tuple[str, str, bool, str]

# The platform's item statuses (and the list's "all") as the operator reads them.
ITEM_STATUS_LABELS = {
    "all": QT_TRANSLATE_NOOP("OrdersView", "All"),
    "unpaid": QT_TRANSLATE_NOOP("OrdersView", "Unpaid"),
    "pending": QT_TRANSLATE_NOOP("OrdersView", "Pending"),
    "packed": QT_TRANSLATE_NOOP("OrdersView", "Packed"),
    "repacked": QT_TRANSLATE_NOOP("OrdersView", "Repacked"),
    "ready_to_ship": QT_TRANSLATE_NOOP("OrdersView", "Ready to ship"),
    "shipped": QT_TRANSLATE_NOOP("OrdersView", "Shipped"),
    "delivered": QT_TRANSLATE_NOOP("OrdersView", "Delivered"),
    "failed_delivery": QT_TRANSLATE_NOOP("OrdersView", "Failed delivery"),
    "canceled": QT_TRANSLATE_NOOP("OrdersView", "Canceled"),
    "returned": QT_TRANSLATE_NOOP("OrdersView", "Returned"),
}
# The steps of the results table (the names the view's signals carry) and its own short messages.
STEP_LABELS = {
    "pack": QT_TRANSLATE_NOOP("OrdersView", "Pack"),
    "print": QT_TRANSLATE_NOOP("OrdersView", "Print AWB"),
    "ready to ship": QT_TRANSLATE_NOOP("OrdersView", "Ready to ship"),
    "delivered": QT_TRANSLATE_NOOP("OrdersView", "Delivered (DBS)"),
    "digital": QT_TRANSLATE_NOOP("OrdersView", "Digital delivered"),
    "scan to print": QT_TRANSLATE_NOOP("OrdersView", "Scan to print"),
    "error": QT_TRANSLATE_NOOP("OrdersView", "Error"),
    "note": QT_TRANSLATE_NOOP("OrdersView", "Note"),
}
MESSAGES = (
    QT_TRANSLATE_NOOP("OrdersView", "no pending or repacked item to pack"),
    QT_TRANSLATE_NOOP("OrdersView", "no packed package to print"),
    QT_TRANSLATE_NOOP("OrdersView", "AWB printed"),
    QT_TRANSLATE_NOOP("OrdersView", "no packed package"),
    QT_TRANSLATE_NOOP("OrdersView", "no seller-delivered package ready or shipped"),
    QT_TRANSLATE_NOOP("OrdersView", "no pending digital item"),
    QT_TRANSLATE_NOOP("OrdersView", "done"),
    QT_TRANSLATE_NOOP("OrdersView", "ready"),
    QT_TRANSLATE_NOOP("OrdersView", "already ready to ship"),
    QT_TRANSLATE_NOOP("OrdersView", "nothing to pack or ship in this order"),
)


def _ov(text: str) -> str:
    return QCoreApplication.translate("OrdersView", text)


def item_status_label(status: str) -> str:
    return _ov(ITEM_STATUS_LABELS[status]) if status in ITEM_STATUS_LABELS else status


def step_text(step: str) -> str:
    return _ov(STEP_LABELS[step]) if step in STEP_LABELS else step


def message_text(message: str) -> str:
    """A result's message in the window's language: the view's own words, else an operator's sentence."""
    translated = _ov(message)
    return translated if translated != message else translate_operator(message)


class OrdersTableModel(QAbstractTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("OrdersView", "Order"),
        QT_TRANSLATE_NOOP("OrdersView", "Created"),
        QT_TRANSLATE_NOOP("OrdersView", "Items"),
        QT_TRANSLATE_NOOP("OrdersView", "Status"),
        QT_TRANSLATE_NOOP("OrdersView", "Price"),
        QT_TRANSLATE_NOOP("OrdersView", "Payment"),
        QT_TRANSLATE_NOOP("OrdersView", "Customer"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.orders: list[Order] = []
        self._rows: list[tuple[str, ...]] = []

    def set_orders(self, orders: Sequence[Order]) -> None:
        self.beginResetModel()
        self.orders = list(orders)
        self._rows = [self._display(o) for o in self.orders]
        self.endResetModel()

    def replace(self, order: Order) -> None:
        for row, current in enumerate(self.orders):
            if current.order_id == order.order_id:
                self.orders[row] = order
                self._rows[row] = self._display(order)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
                return

    @staticmethod
    def _display(o: Order) -> tuple[str, ...]:
        statuses = ", ".join(item_status_label(s) for s in o.statuses)
        return (
            o.order_number,
            local_text(o.created_at),
            str(o.items_count),
            statuses,
            o.price,
            o.payment_method,
            o.address.name,
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.orders)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == ORDER_ROLE:
            return self.orders[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _ov(self.HEADERS[section])
        return None

    def row_of(self, order_id: str) -> int:
        return next((r for r, o in enumerate(self.orders) if o.order_id == order_id), -1)


def _table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))


class OrdersView(QWidget):
    loaded = Signal(int)  # orders listed
    items_indexed = Signal()  # the items (and tracking numbers) of the listed orders are known
    action_finished = Signal(str, object)  # action name, list of result rows
    scan_printed = Signal(object)  # FlowResult of a scan to print

    def __init__(
        self,
        client: OrdersClient,
        runner: TaskRunner | None = None,
        *,
        printer_name: str | None = None,
        print_pdf: PrintPdf | None = None,
        days: int = 30,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.runner = runner or TaskRunner(self)
        self.printer_name = printer_name
        self._print_pdf = print_pdf
        self.days = days
        self.items: dict[str, list[OrderItem]] = {}
        self._fetching: set[str] = set()  # orders whose items are being fetched on their own
        self.tracking_index: dict[str, str] = {}
        self.busy: set[str] = set()
        self._serial = 0

        self.status_filter = QComboBox()
        for status in STATUS_FILTERS:
            self.status_filter.addItem(item_status_label(status), status)
        self.status_filter.currentIndexChanged.connect(lambda _index: self.reload())
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.clicked.connect(self.reload)
        self.pack_button = QPushButton(self.tr("Pack"))
        self.pack_button.clicked.connect(self.pack_selected)
        self.print_button = QPushButton(self.tr("Print AWB"))
        self.print_button.clicked.connect(self.print_selected)
        self.rts_button = QPushButton(self.tr("Ready to ship"))
        self.rts_button.clicked.connect(self.rts_selected)
        self.dbs_button = QPushButton(self.tr("Delivered (DBS)"))
        self.dbs_button.clicked.connect(self.confirm_dbs_selected)
        self.digital_button = QPushButton(self.tr("Digital delivered"))
        self.digital_button.clicked.connect(self.deliver_digital_selected)
        self.info = QLabel()
        self.error_bar = ErrorBar()

        self.model = OrdersTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_items())
        self.items_table = _table(
            [
                self.tr("Item"),
                self.tr("Status"),
                self.tr("SKU"),
                self.tr("Name"),
                self.tr("Package"),
                self.tr("Tracking"),
                self.tr("Provider"),
                self.tr("Kind"),
            ]
        )
        self.results_table = _table(
            [self.tr("Step"), self.tr("Order/item or package"), self.tr("Result"), self.tr("Message")]
        )

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Status")))
        top.addWidget(self.status_filter)
        top.addWidget(self.reload_button)
        top.addSpacing(12)
        for button in (self.pack_button, self.print_button, self.rts_button, self.dbs_button, self.digital_button):
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(self.info)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.items_table)
        right.addWidget(self.results_table)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_bar)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    # ------------------------------------------------------------------ listing
    def reload(self) -> None:
        self._serial += 1
        serial = self._serial
        query = OrdersQuery(
            created_after=datetime.now(timezone.utc) - timedelta(days=self.days),
            status=str(self.status_filter.currentData()),
        )
        client = self.client
        self.info.setText(self.tr("Loading orders…"))
        self.runner.run(lambda: client.list_orders(query), lambda orders: self._loaded(serial, orders), self._failed)

    def _loaded(self, serial: int, orders: list[Order]) -> None:
        if serial != self._serial:
            return
        selected = self.selected_order_id()
        newest_first = sorted(
            orders, key=lambda o: o.created_at or datetime.min.replace(tzinfo=timezone.utc), reverse=True
        )
        self.model.set_orders(newest_first)
        self.table.resizeColumnsToContents()
        self.info.setText(self.tr("%n order(s)", "", len(orders)))
        if selected:
            self.select_order(selected)
        self.loaded.emit(len(orders))
        ids = [o.order_id for o in newest_first]
        client = self.client
        self.runner.run(
            lambda: client.get_items_many(ids), lambda items: self._items_loaded(serial, items), self._failed
        )

    def _items_loaded(self, serial: int, items: dict[str, list[OrderItem]]) -> None:
        if serial != self._serial:
            return
        for order_id, rows in items.items():
            self._set_items(order_id, rows)
        self._show_items()
        self.items_indexed.emit()

    def _one_order(self, order_id: str, rows: list[OrderItem]) -> None:
        self._fetching.discard(order_id)
        self._set_items(order_id, rows)
        if self.selected_order_id() == order_id:
            self._show_items()

    def _set_items(self, order_id: str, rows: list[OrderItem]) -> None:
        self.items[order_id] = rows
        for item in rows:
            if item.tracking_code:
                self.tracking_index[item.tracking_code] = order_id
        row = self.model.row_of(order_id)
        if row >= 0:
            old = self.model.orders[row]
            statuses = tuple(dict.fromkeys(i.status for i in rows)) or old.statuses
            self.model.replace(
                Order(
                    old.order_id,
                    old.order_number,
                    old.created_at,
                    old.updated_at,
                    statuses,
                    len(rows) or old.items_count,
                    old.price,
                    old.shipping_fee,
                    old.voucher,
                    old.payment_method,
                    old.address,
                    old.remarks,
                )
            )

    def _failed(self, exc: BaseException) -> None:
        log.warning("orders view: %s", exc)
        self.info.setText("")
        self.error_bar.show_error(exc)

    # ------------------------------------------------------------------ selection
    def selected_order_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.orders[rows[0].row()].order_id if rows else None

    def select_order(self, order_id: str) -> bool:
        row = self.model.row_of(order_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def find_order(self, code: str) -> str | None:
        """The order a scanned code names: its order number or id, or a tracking number."""
        code = code.strip()
        if not code:
            return None
        for order in self.model.orders:
            if code in (order.order_number, order.order_id):
                return order.order_id
        return self.tracking_index.get(code)

    def handle_scan(self, code: str) -> bool:
        """Select the order of a scanned order number or tracking number; ``False`` if unknown."""
        order_id = self.find_order(code)
        return order_id is not None and self.select_order(order_id)

    def _show_items(self) -> None:
        order_id = self.selected_order_id()
        if order_id and order_id not in self.items and order_id not in self._fetching:
            # The background index of every order's items may still be running: this one first.
            self._fetching.add(order_id)
            client = self.client
            self.runner.run(
                lambda: client.get_order_items(order_id), lambda rows: self._one_order(order_id, rows), self._failed
            )
        rows = self.items.get(order_id or "", [])
        _fill(
            self.items_table,
            [
                (
                    i.order_item_id,
                    item_status_label(i.status),
                    i.sku,
                    i.name,
                    i.package_id,
                    i.tracking_code,
                    i.shipment_provider,
                    self.tr("Digital") if i.is_digital else "DBS" if i.delivery_option_sof else "",
                )
                for i in rows
            ],
        )

    def _show_results(self, action: str, rows: list[ResultRow]) -> None:
        _fill(
            self.results_table,
            [
                (step_text(step), ident, self.tr("OK") if ok else self.tr("Failed"), message_text(message))
                for step, ident, ok, message in rows
            ],
        )
        failed = sum(1 for r in rows if not r[2])
        self.info.setText(
            self.tr("{action}: {ok} ok, {failed} failed").format(
                action=step_text(action), ok=len(rows) - failed, failed=failed
            )
        )
        self.action_finished.emit(action, rows)

    # ------------------------------------------------------------------ printing
    def print_pdf(self, pdf: bytes) -> object:
        """Send a label PDF to the 100x150 printer (or the injected printer of a test)."""
        if self._print_pdf is not None:
            return self._print_pdf(pdf)
        from station.ui.printer import send_to_printer

        with tempfile.TemporaryDirectory(prefix="station-awb-") as folder:
            path = Path(folder) / "awb.pdf"
            path.write_bytes(pdf)
            return send_to_printer(path, self.printer_name)

    # ------------------------------------------------------------------ actions
    def _run_on_order(self, action: str, work: Callable[[str], list[ResultRow]]) -> bool:
        order_id = self.selected_order_id()
        if order_id is None:
            self.info.setText(self.tr("Select an order first."))
            return False
        if order_id in self.busy:
            return False
        self.busy.add(order_id)
        client = self.client

        def run() -> tuple[list[ResultRow], list[OrderItem]]:
            rows = work(order_id)
            return rows, client.get_order_items(order_id)

        def done(result: tuple[list[ResultRow], list[OrderItem]]) -> None:
            self.busy.discard(order_id)
            rows, items = result
            self._set_items(order_id, items)
            self._show_items()
            self._show_results(action, rows)

        def failed(exc: BaseException) -> None:
            self.busy.discard(order_id)
            self._failed(exc)
            self.action_finished.emit(action, [(action, order_id, False, str(exc))])

        self.runner.run(run, done, failed)
        return True

    def _items_now(self, order_id: str) -> list[OrderItem]:
        return self.client.get_order_items(order_id)

    def pack_selected(self) -> bool:
        def work(order_id: str) -> list[ResultRow]:
            packable = [i for i in self._items_now(order_id) if i.packable]
            if not packable:
                return [("pack", order_id, False, "no pending or repacked item to pack")]
            return [_item_row("pack", r) for r in self.client.pack_choosing_provider(order_items_map(packable))]

        return self._run_on_order("pack", work)

    def print_selected(self) -> bool:
        def work(order_id: str) -> list[ResultRow]:
            packages = _packages(self._items_now(order_id), PRINTABLE)
            if not packages:
                return [("print", order_id, False, "no packed package to print")]
            self.print_pdf(awb_pdf(self.client.print_awb(packages, DocType.PDF)))
            return [("print", p, True, "AWB printed") for p in packages]

        return self._run_on_order("print", work)

    def rts_selected(self) -> bool:
        def work(order_id: str) -> list[ResultRow]:
            packages = _packages(self._items_now(order_id), RTS_ABLE)
            if not packages:
                return [("ready to ship", order_id, False, "no packed package")]
            return [_package_row("ready to ship", r) for r in self.client.ready_to_ship(packages)]

        return self._run_on_order("ready to ship", work)

    def confirm_dbs_selected(self) -> bool:
        def work(order_id: str) -> list[ResultRow]:
            packages = _packages([i for i in self._items_now(order_id) if i.delivery_option_sof], DBS_DELIVERABLE)
            if not packages:
                return [("delivered", order_id, False, "no seller-delivered package ready or shipped")]
            return [_package_row("delivered", r) for r in self.client.confirm_delivery_dbs(packages)]

        return self._run_on_order("delivered", work)

    def deliver_digital_selected(self) -> bool:
        def work(order_id: str) -> list[ResultRow]:
            digital = [i for i in self._items_now(order_id) if i.is_digital and i.status == "pending"]
            if not digital:
                return [("digital", order_id, False, "no pending digital item")]
            return [_item_row("digital", r) for r in self.client.deliver_digital(order_items_map(digital))]

        return self._run_on_order("digital", work)

    def scan_to_print(self, code: str) -> bool:
        """Select the scanned order, then pack it, print its AWB (100x150) and mark it ready to ship.

        Returns ``False`` when the code names no listed order; the work runs off the UI thread
        and ends with :attr:`scan_printed`.
        """
        if not self.handle_scan(code):
            return False
        order_id = self.selected_order_id()
        if order_id is None or order_id in self.busy:
            return False
        self.busy.add(order_id)
        client = self.client
        self.info.setText(self.tr("Packing and printing {order}…").format(order=order_id))

        def done(result: FlowResult) -> None:
            self.busy.discard(order_id)
            if result.items:
                self._set_items(order_id, result.items)
                self._show_items()
            self._show_results("scan to print", result.lines())
            if result.error is not None:
                self.error_bar.show_error(result.error)
            self.scan_printed.emit(result)

        def failed(exc: BaseException) -> None:
            self.busy.discard(order_id)
            self._failed(exc)
            error = exc if isinstance(exc, StationApiError) else StationApiError(str(exc))
            self.scan_printed.emit(FlowResult(order_id, error=error))

        self.runner.run(lambda: pack_print_ready(client, order_id, self.print_pdf), done, failed)
        return True


def _packages(items: Sequence[OrderItem], statuses: frozenset[str]) -> list[str]:
    return list(dict.fromkeys(i.package_id for i in items if i.package_id and i.status in statuses))


def _item_row(step: str, r: ItemResult) -> ResultRow:
    message = r.message or (
        f"package {r.package_id} {r.tracking_number} {r.shipment_provider}".strip() if r.ok else f"code {r.code}"
    )
    return (step, f"{r.order_id}/{r.order_item_id}", r.ok, message if r.ok else f"[{r.code}] {message}")


def _package_row(step: str, r: PackageResult) -> ResultRow:
    return (step, r.package_id, r.ok, r.message or ("done" if r.ok else f"code {r.code}"))
