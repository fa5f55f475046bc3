"""The ERPs beside the JIT POs: QianYi purchase orders, Shoplazza procurements, replenishment and labels.

Every network call runs on the window's :class:`TaskRunner`; results come back to the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station.connect import Stoppable
from station.credentials import NoKeyringError
from station.erp.keystore import ErpCredentialStore, QianYiSettings, ShoplazzaSettings
from station.erp.labels import LabelFile, procurement_labels
from station.erp.qianyi.client import QianYiClient
from station.erp.qianyi.models import PurchaseOrder
from station.erp.replenish import Replenisher, ReplenishmentPlan, ReplenishmentResult, ReplenishmentStore
from station.erp.shoplazza.client import ShoplazzaClient
from station.erp.shoplazza.models import Procurement
from station.lazada.jit import JitClient
from station.lazada.models import PdfSize
from station.ui.errors import describe_error
from station.ui.operator_text import QT_TRANSLATE_NOOP, size_label
from station.ui.worker import TaskRunner

log = logging.getLogger(__name__)
Row = TypeVar("Row")
AnyIndex = QModelIndex | QPersistentModelIndex
LIST_LIMIT = 2000


class RowsModel(QAbstractTableModel, Generic[Row]):
    """A read-only table of dataclass rows; ``columns`` are (header, getter) pairs."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[Row], Any]]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self.columns[index.column()][1](self.rows[index.row()])
            return "" if value is None else str(value)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("ErpView", self.columns[section][0])
        return None

    def row(self, index: int) -> Row:
        return self.rows[index]


def qianyi_model(parent: QObject | None = None) -> RowsModel[PurchaseOrder]:
    return RowsModel[PurchaseOrder](
        [
            (QT_TRANSLATE_NOOP("ErpView", "Purchase no."), lambda o: o.purchase_number),
            (QT_TRANSLATE_NOOP("ErpView", "Status"), lambda o: o.status),
            (QT_TRANSLATE_NOOP("ErpView", "Updated"), lambda o: o.update_time),
            (QT_TRANSLATE_NOOP("ErpView", "Supplier"), lambda o: o.supplier_name),
            (QT_TRANSLATE_NOOP("ErpView", "Warehouse"), lambda o: o.warehouse_name),
            (QT_TRANSLATE_NOOP("ErpView", "Type"), lambda o: o.purchase_type),
            (QT_TRANSLATE_NOOP("ErpView", "Settlement"), lambda o: o.settlement_type),
            (QT_TRANSLATE_NOOP("ErpView", "SKUs"), lambda o: len(o.sku_list)),
            (QT_TRANSLATE_NOOP("ErpView", "Units"), lambda o: o.total_quantity),
            (QT_TRANSLATE_NOOP("ErpView", "Reference"), lambda o: o.custom_number),
        ],
        parent,
    )


def shoplazza_model(parent: QObject | None = None) -> RowsModel[Procurement]:
    return RowsModel[Procurement](
        [
            (QT_TRANSLATE_NOOP("ErpView", "ID"), lambda p: p.id),
            (QT_TRANSLATE_NOOP("ErpView", "Number"), lambda p: p.procurement_no),
            (QT_TRANSLATE_NOOP("ErpView", "State"), lambda p: p.state_name),
            (QT_TRANSLATE_NOOP("ErpView", "Created"), lambda p: p.created_at),
            (QT_TRANSLATE_NOOP("ErpView", "Supplier"), lambda p: p.supplier_name),
            (QT_TRANSLATE_NOOP("ErpView", "Received"), lambda p: p.received_quantity),
            (QT_TRANSLATE_NOOP("ErpView", "Ordered"), lambda p: p.transfer_quantity),
            (QT_TRANSLATE_NOOP("ErpView", "Tracking"), lambda p: p.tracking_number),
            (QT_TRANSLATE_NOOP("ErpView", "Note"), lambda p: p.note),
        ],
        parent,
    )


class ReplenishDialog(QDialog):
    """The purchase order a replenishment would create, shown before anything is sent."""

    def __init__(self, plan: ReplenishmentPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("Replenish in QianYi"))
        layout = QVBoxLayout(self)
        request = plan.request
        layout.addWidget(QLabel(self.tr("JIT POs: {pos}").format(pos=", ".join(plan.po_numbers))))
        layout.addWidget(
            QLabel(
                self.tr("Warehouse: {w} · Supplier: {s} · Settlement: {t} · Reference: {r}").format(
                    w=request.warehouse_name,
                    s=request.supplier_name,
                    t=request.settlement_type.value,
                    r=plan.custom_number,
                )
            )
        )
        self.table = QTableWidget(len(plan.lines), 4)
        self.table.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Title"), self.tr("Units"), self.tr("Price")])
        for row, line in enumerate(plan.lines):
            for col, value in enumerate(
                (line.sku, line.title, str(line.quantity), f"{format(line.price, 'f')} {request.purchase_price_unit}")
            ):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        layout.addWidget(
            QLabel(self.tr("%n SKU(s)", "", len(plan.lines)) + ", " + self.tr("%n unit(s)", "", plan.total_units))
        )
        self.buttons = QDialogButtonBox()
        if plan.existing is not None:
            self.notice = QLabel(
                self.tr(
                    "Already created for these POs: QianYi purchase order {no}. It will not be created again."
                ).format(no=plan.existing.purchase_number)
            )
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
            self.buttons.rejected.connect(self.reject)
        else:
            self.notice = QLabel(self.tr("Nothing has been sent yet."))
            self.create_button = self.buttons.addButton(
                self.tr("Create purchase order"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            self.buttons.accepted.connect(self.accept)
            self.buttons.rejected.connect(self.reject)
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        layout.addWidget(self.buttons)
        self.resize(720, 420)


def _table(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setVisible(False)
    return view


class ErpView(QWidget):
    """A tab per ERP.

    ``selected_pos`` gives the JIT POs chosen in the main table (for replenishment); ``print_pdf`` sends a
    label PDF to the 60x30 printer and returns the pages printed (run off the UI thread). Errors go out
    through ``failed`` (the window shows them like the Lazada ones); short news through ``message``.
    """

    failed = Signal(object)
    message = Signal(str)
    replenished = Signal(object)  # ReplenishmentResult
    labels_ready = Signal(object, int)  # Path, pages

    def __init__(
        self,
        runner: TaskRunner,
        *,
        qianyi: QianYiClient | None = None,
        shoplazza: ShoplazzaClient | None = None,
        replenisher: Replenisher | None = None,
        selected_pos: Callable[[], list[str]] | None = None,
        labels_folder: Path | None = None,
        print_pdf: Callable[[Path], int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.qianyi = qianyi
        self.shoplazza = shoplazza
        self.replenisher = replenisher
        self.selected_pos = selected_pos or (lambda: [])
        self.labels_folder = labels_folder or Path.cwd()
        self.print_pdf = print_pdf
        self.dialog: ReplenishDialog | None = None
        self.busy: set[str] = set()
        self.simulators: list[Stoppable] = []  # demo simulators this view owns (stopped by shutdown)

        self.qianyi_model = qianyi_model(self)
        self.shoplazza_model = shoplazza_model(self)
        self.qianyi_table = _table(self.qianyi_model)
        self.shoplazza_table = _table(self.shoplazza_model)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.qianyi_refresh = QPushButton(self.tr("Refresh"))
        self.replenish_button = QPushButton(self.tr("Replenish from selected JIT POs…"))
        self.shoplazza_refresh = QPushButton(self.tr("Refresh"))
        self.labels_button = QPushButton(self.tr("Print labels ({size})").format(size=size_label(PdfSize.LABEL_60X30)))
        self.qianyi_refresh.clicked.connect(self.refresh_qianyi)
        self.replenish_button.clicked.connect(self.replenish)
        self.shoplazza_refresh.clicked.connect(self.refresh_shoplazza)
        self.labels_button.clicked.connect(self.print_labels)

        self.tabs = QTabWidget()
        self.tabs.addTab(
            self._page(
                self.qianyi_table,
                [self.qianyi_refresh, self.replenish_button],
                qianyi is not None,
                self.tr("QianYi is not set up for this profile."),
            ),
            self.tr("QianYi purchase orders"),
        )
        self.tabs.addTab(
            self._page(
                self.shoplazza_table,
                [self.shoplazza_refresh, self.labels_button],
                shoplazza is not None,
                self.tr("Shoplazza is not set up for this profile."),
            ),
            self.tr("Shoplazza procurements"),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status)
        self.replenish_button.setEnabled(qianyi is not None and replenisher is not None)

    def _page(self, table: QTableView, buttons: list[QPushButton], configured: bool, missing: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        for button in buttons:
            button.setEnabled(configured)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        if not configured:
            layout.addWidget(QLabel(missing))
        layout.addWidget(table)
        return page

    def shutdown(self) -> None:
        """Close the clients and stop the demo simulators (after the window's runner has been closed)."""
        for client in (self.qianyi, self.shoplazza):
            if client is not None:
                client.close()
        for sim in self.simulators:
            sim.stop()
        self.simulators = []

    # ----- helpers ----------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.message.emit(text)

    def _start(self, job: str, fn: Callable[[], Any], done: Callable[[Any], None]) -> bool:
        if job in self.busy:
            return False
        self.busy.add(job)

        def finished(result: Any) -> None:
            self.busy.discard(job)
            done(result)

        def errored(exc: BaseException) -> None:
            self.busy.discard(job)
            self._failed(exc)

        self.runner.run(fn, finished, errored)
        return True

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(describe_error(exc).message)
        self.failed.emit(exc)

    # ----- QianYi -----------------------------------------------------------------------------
    def refresh_qianyi(self) -> None:
        client = self.qianyi
        if client is None:
            return
        self._say(self.tr("Loading QianYi purchase orders…"))
        self._start("qianyi", lambda: client.list_orders(limit=LIST_LIMIT), self._qianyi_loaded)

    def _qianyi_loaded(self, orders: list[PurchaseOrder]) -> None:
        self.qianyi_model.set_rows(orders)
        self.qianyi_table.resizeColumnsToContents()
        self._say(self.tr("%n QianYi purchase order(s)", "", len(orders)))

    def replenish(self) -> None:
        replenisher = self.replenisher
        if replenisher is None:
            return
        pos = self.selected_pos()
        if not pos:
            self._say(self.tr("Select the JIT POs to replenish in the PO list first."))
            return
        self._say(self.tr("Reading the items of %n JIT PO(s)…", "", len(pos)))
        self._start("replenish", lambda: replenisher.plan(pos), self._show_plan)

    def _show_plan(self, plan: ReplenishmentPlan) -> None:
        self.dialog = ReplenishDialog(plan, self)
        self.dialog.accepted.connect(lambda: self._send_plan(plan))
        self.dialog.open()

    def _send_plan(self, plan: ReplenishmentPlan) -> None:
        replenisher = self.replenisher
        if replenisher is None:
            return
        self._say(self.tr("Creating the QianYi purchase order…"))
        self._start("replenish", lambda: replenisher.execute(plan), self._replenished)

    def _replenished(self, result: ReplenishmentResult) -> None:
        if result.created:
            self._say(self.tr("Created QianYi purchase order {no}.").format(no=result.purchase_number))
        else:
            self._say(
                self.tr("Not created again: these POs already have QianYi purchase order {no}.").format(
                    no=result.purchase_number
                )
            )
        self.replenished.emit(result)
        self.refresh_qianyi()

    # ----- Shoplazza --------------------------------------------------------------------------
    def refresh_shoplazza(self) -> None:
        client = self.shoplazza
        if client is None:
            return
        self._say(self.tr("Loading Shoplazza procurements…"))
        self._start("shoplazza", lambda: client.list_procurements(limit_total=LIST_LIMIT), self._shoplazza_loaded)

    def _shoplazza_loaded(self, rows: list[Procurement]) -> None:
        self.shoplazza_model.set_rows(rows)
        self.shoplazza_table.resizeColumnsToContents()
        self._say(self.tr("%n Shoplazza procurement order(s)", "", len(rows)))

    def selected_procurement(self) -> Procurement | None:
        rows = self.shoplazza_table.selectionModel().selectedRows()
        return self.shoplazza_model.row(rows[0].row()) if rows else None

    def print_labels(self) -> None:
        client = self.shoplazza
        procurement = self.selected_procurement()
        if client is None:
            return
        if procurement is None:
            self._say(self.tr("Select a received procurement first."))
            return
        folder, printer = self.labels_folder, self.print_pdf

        def work() -> tuple[Path, int]:
            labels: LabelFile = procurement_labels(client, procurement.id)
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"shoplazza-{procurement.id}-labels-6030.pdf"
            path.write_bytes(labels.pdf)
            pages = printer(path) if printer is not None else labels.units
            return path, pages

        self._say(self.tr("Drawing the labels of procurement {id}…").format(id=procurement.id))
        self._start("labels", work, self._labels_done)

    def _labels_done(self, result: tuple[Path, int]) -> None:
        path, pages = result
        if self.print_pdf is not None:
            self._say(
                self.tr("%n label(s) sent to the printer for {size} ({file}).", "", pages).format(
                    size=size_label(PdfSize.LABEL_60X30), file=path.name
                )
            )
        else:
            self._say(self.tr("%n label(s) saved to {file}.", "", pages).format(file=path))
        self.labels_ready.emit(path, pages)


def make_erp_view(
    runner: TaskRunner,
    profile: str,
    jit: JitClient | None,
    selected_pos: Callable[[], list[str]],
    labels_folder: Path,
    *,
    demo: bool = False,
    print_pdf: Callable[[Path], int] | None = None,
    parent: QWidget | None = None,
) -> ErpView:
    """The ERP tab of a window: on the demo simulators (``demo``), else on the profile's keyring settings.

    An ERP with no settings (or no usable keyring) shows "not set up" instead of failing the window.
    """
    simulators: list[Stoppable] = []
    qianyi_settings: QianYiSettings | None = None
    shoplazza_settings: ShoplazzaSettings | None = None
    if demo:
        # The demo's ERP simulators load only here: a shop's window never imports them.
        from station.demo import start_erp_demo

        erp_demo = start_erp_demo()
        simulators.extend(erp_demo.simulators)
        qianyi_settings, shoplazza_settings = erp_demo.qianyi, erp_demo.shoplazza
    else:
        store = ErpCredentialStore(profile)
        try:
            qianyi_settings = store.load_qianyi()
            shoplazza_settings = store.load_shoplazza()
        except NoKeyringError:
            log.warning("no keyring: the ERP tab is not set up")
    qianyi = QianYiClient(qianyi_settings) if qianyi_settings is not None else None
    shoplazza = ShoplazzaClient(shoplazza_settings) if shoplazza_settings is not None else None
    replenisher = None
    if qianyi is not None:
        record = ReplenishmentStore(labels_folder / "demo-replenishments.sqlite3") if demo else ReplenishmentStore()
        replenisher = Replenisher(qianyi, record, jit=jit)
    view = ErpView(
        runner,
        qianyi=qianyi,
        shoplazza=shoplazza,
        replenisher=replenisher,
        selected_pos=selected_pos,
        labels_folder=labels_folder,
        print_pdf=print_pdf,
        parent=parent,
    )
    view.simulators = simulators
    return view
