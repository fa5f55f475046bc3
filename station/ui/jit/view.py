"""The JIT bench as the operator sees it: the big buttons, the filters, the PO table (its columns
fitted to the room), the banner and error bar, and the side tabs (items, batch, print, log).

Widgets only: what a button does, and what fills the table, is the controllers' work
(:mod:`.po_list`, :mod:`.batch_control`); the view says what was asked through its signals.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station.journal import BenchDay
from station.lazada.models import POStatus
from station.ui.batch_panel import BatchPanel
from station.ui.column_fit import CELL_PADDING, fit, natural_width
from station.ui.errors import ErrorBar
from station.ui.filters_bar import FilterBar
from station.ui.items_panel import ItemsPanel
from station.ui.jit.verify_panel import VerifyPanel
from station.ui.log_view import LogView
from station.ui.po_model import Column, PoFilterProxy, PoTableModel, status_label
from station.ui.print_panel import PrintPanel
from station.ui.ui_settings import UiSettings
from station.ui.unprinted_banner import UnprintedBanner
from station.ui.widgets import FlashBanner
from station.ui.worker import TaskRunner

log = logging.getLogger(__name__)

TABLE_POINT_SIZE = 12
SIDE_PANEL_WIDTH = 470
VERIFY_PANEL_WIDTH = 640  # the verify panel's lines: picture, SKU and barcodes, title, three counts
WORKING_STATUSES = (POStatus.TO_PACK, POStatus.READY_TO_SHIP, POStatus.TO_PUT_AWAY)  # never elided


class JitView(QWidget):
    pack_requested = Signal()
    ship_requested = Signal()
    print_requested = Signal()
    run_requested = Signal()
    settings_requested = Signal()
    sign_in_requested = Signal()

    def __init__(
        self, runner: TaskRunner, settings: UiSettings, prints_folder: Path, today: date, days: int, log_view: LogView
    ) -> None:
        super().__init__()
        # The big buttons' and F8's keys: the frame puts them on the window, so they work on every view.
        self.shortcuts: list[QAction] = []
        self.model = PoTableModel(self)
        self.proxy = PoFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filters = FilterBar(today, days)
        self.table = self._make_table(settings.po_columns)
        self.banner = FlashBanner()
        self.error_bar = ErrorBar()
        self.unprinted = UnprintedBanner()  # shipped today without labels here: one button
        self.items_panel = ItemsPanel(runner)
        self.verify_panel = VerifyPanel(self.items_panel.image)
        self.batch_panel = BatchPanel()
        self.print_panel = PrintPanel(runner, settings, prints_folder)
        self.log_view = log_view
        self.tabs = QTabWidget()
        self.tabs.addTab(self.items_panel, self.tr("Items"))
        self.tabs.addTab(self.verify_panel, self.tr("Verify"))
        self.tabs.addTab(self.batch_panel, self.tr("Batch"))
        self.tabs.addTab(self.print_panel, self.tr("Print"))
        self.tabs.addTab(log_view, self.tr("Log"))
        self.status_label = QLabel()  # the frame shows it in its status bar
        self.operator_box = QWidget()  # "Operator: Ana [Sign out]": the frame shows it in its status bar too
        self._build_layout()

    # ------------------------------------------------------------------ the table and its columns
    def _make_table(self, saved_columns: bytes) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(Column.ARRIVAL, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        font = QFont(table.font())
        font.setPointSize(TABLE_POINT_SIZE)
        table.setFont(font)
        vertical = table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: thousands stay smooth
        vertical.setDefaultSectionSize(34)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "Lazada…Cebu Store": the end tells them apart
        header.setMinimumSectionSize(40)
        # Widths the operator drags are kept (and remembered across starts); until then the columns
        # follow their contents.
        self._columns_by_hand = header.restoreState(saved_columns) if saved_columns else False
        header.sectionResized.connect(self._column_dragged)
        self._fitting_columns = False
        return table

    def _column_dragged(self, _index: int, _old: int, _new: int) -> None:
        # Only a drag with the mouse counts (a new listing resizes sections too).
        if not self._fitting_columns and QApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self._columns_by_hand = True

    def dragged_columns(self) -> bytes | None:
        """The header's state to remember, once the operator has set the widths by hand."""
        return bytes(self.table.horizontalHeader().saveState().data()) if self._columns_by_hand else None

    def fit_columns(self) -> None:
        """Every column as wide as its texts. Where they do not fit (a 1366-pixel laptop), in this
        order: the part all store and warehouse names share is left out ("…Cebu Store"), the
        rarer long statuses ("Arrived at Warehouse") are elided while To Pack, Ready To Ship and
        To Put Away stay whole, the table's text is one point smaller, and last the store and
        warehouse are elided in the middle. Every elided cell has its whole text in a tooltip."""
        if self._columns_by_hand:
            return
        header = self.table.horizontalHeader()
        titles = [str(self.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(self.model.columnCount())]
        room = self.table.viewport().width()
        widths: list[int] = []
        for point_size in (TABLE_POINT_SIZE, TABLE_POINT_SIZE - 1):
            font = QFont(self.table.font())
            font.setPointSize(point_size)
            self.table.setFont(font)
            metrics, header_metrics = QFontMetrics(font), header.fontMetrics()
            self.model.shorten_places(False)
            widths = self._natural_widths(metrics, header_metrics, titles)
            if sum(widths) > room:
                self.model.shorten_places(True)
                widths = self._natural_widths(metrics, header_metrics, titles)
            working = natural_width(
                metrics, header_metrics, titles[Column.STATUS], [status_label(s) for s in WORKING_STATUSES]
            )
            widths = fit(widths, room, (Column.STATUS,), {Column.STATUS: working})
            if sum(widths) <= room:
                break
        else:  # still too wide at the smaller size: the store and warehouse are elided too
            least = metrics.horizontalAdvance("…Cebu Store") + CELL_PADDING
            widths = fit(widths, room, (Column.STORE, Column.WAREHOUSE), {Column.STORE: least, Column.WAREHOUSE: least})
        self._fitting_columns = True
        try:
            for column, width in enumerate(widths):
                header.resizeSection(column, width)
        finally:
            self._fitting_columns = False

    def _natural_widths(self, metrics: QFontMetrics, header: QFontMetrics, titles: list[str]) -> list[int]:
        return [
            natural_width(metrics, header, title, texts)
            for title, texts in zip(titles, self.model.width_samples(), strict=True)
        ]

    def share_width(self, window_width: int) -> None:
        """Once, when the window first shows: the list gets the room, the side panel keeps what it needs."""
        side = max(self.tabs.minimumSizeHint().width(), min(SIDE_PANEL_WIDTH, int(window_width * 0.28)))
        self.splitter.setSizes([max(400, self.splitter.width() - side), side])
        self.fit_columns()

    def show_verify_panel(self) -> None:
        """The verify panel forward, with room for its lines (on a laptop the PO list gives some up)."""
        self.tabs.setCurrentWidget(self.verify_panel)
        sizes = self.splitter.sizes()
        total = sum(sizes)
        wanted = min(VERIFY_PANEL_WIDTH, total // 2)
        if len(sizes) == 2 and total and sizes[1] < wanted:
            self.splitter.setSizes([total - wanted, wanted])
            self.fit_columns()

    def show_operator(self, name: str) -> None:
        self.operator_label.setText(self.tr("Operator: {name}").format(name=name) if name else self.tr("Operator: —"))
        self.sign_in_button.setText(self.tr("Sign out") if name else self.tr("Sign in"))

    def show_chosen(self, count: int) -> None:
        self.target_label.setText(self.tr("Chosen: {count}").format(count=count))

    def show_benches(self, benches: Mapping[str, BenchDay]) -> None:
        """The other benches' part of the day (shared journal): printed, and held now, per bench."""
        parts = [
            self.tr("{bench}: {printed} printed, {holding} in hand").format(
                bench=bench, printed=day.printed, holding=day.holding
            )
            for bench, day in sorted(benches.items())
        ]
        self.benches_label.setText(self.tr("Other benches today: {benches}").format(benches="; ".join(parts)))
        self.benches_label.setVisible(bool(parts))

    # ------------------------------------------------------------------ layout
    def _shortcut(self, key: QKeySequence | str) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(key))
        self.shortcuts.append(action)
        return action

    def _big_button(self, text: str, asked: SignalInstance, key: QKeySequence | str) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(46)
        button.setStyleSheet("QPushButton { font-size: 13pt; padding: 4px 10px; }")
        button.clicked.connect(lambda: asked.emit())
        self._shortcut(key).triggered.connect(lambda: asked.emit())
        return button

    def _build_layout(self) -> None:
        self.pack_button = self._big_button(self.tr("Pack (F6)"), self.pack_requested, "F6")
        self.ship_button = self._big_button(self.tr("Ship… (F7)"), self.ship_requested, "F7")
        self.print_button = self._big_button(self.tr("Print (Ctrl+P)"), self.print_requested, "Ctrl+P")
        self.run_button = self._big_button(self.tr("Pack + Ship + Print (F9)"), self.run_requested, "F9")
        self.scan_print = QCheckBox(self.tr("Scan to print (F8)"))
        self.scan_print.setStyleSheet(
            "QCheckBox { font-size: 13pt; } QCheckBox::indicator { width: 22px; height: 22px; }"
        )
        self.scan_print.toggled.connect(lambda on: log.info("scan to print %s", "on" if on else "off"))
        self._shortcut("F8").triggered.connect(self.scan_print.toggle)
        # F9 is the whole run's key already: verification toggles on F10.
        self.verify = QCheckBox(self.tr("Verify (F10)"))
        self.verify.setToolTip(self.tr("Scan a PO, then each unit into the carton; complete, it is printed."))
        self.verify.setStyleSheet(self.scan_print.styleSheet())
        self._shortcut("F10").triggered.connect(self.verify.toggle)
        # One scan mode at a time: a verified PO is printed anyway.
        self.verify.toggled.connect(lambda on: self.scan_print.setChecked(self.scan_print.isChecked() and not on))
        self.scan_print.toggled.connect(lambda on: self.verify.setChecked(self.verify.isChecked() and not on))
        self.finish_short_key = self._shortcut("F12")
        self.operator_label = QLabel()
        self.operator_label.setStyleSheet("QLabel { font-size: 12pt; }")
        self.sign_in_button = QPushButton()
        self.sign_in_button.setMinimumHeight(30)
        self.sign_in_button.clicked.connect(lambda: self.sign_in_requested.emit())
        self.show_operator("")
        operator = QHBoxLayout(self.operator_box)
        operator.setContentsMargins(0, 0, 0, 0)
        operator.addWidget(self.operator_label)
        operator.addWidget(self.sign_in_button)
        self.all_shown = QCheckBox(self.tr("All shown"))
        self.all_shown.setToolTip(self.tr("Act on every PO the filters show, not only the selected ones."))
        self.target_label = QLabel()
        # The other benches' counts, on a shared journal only: in the status bar (main_window), so that a long
        # list of benches never widens the button row beyond a 1366-pixel screen.
        self.benches_label = QLabel()
        self.benches_label.setVisible(False)
        self.settings_button = self._big_button(self.tr("Settings"), self.settings_requested, "Ctrl+,")
        buttons = QHBoxLayout()
        for widget in (self.pack_button, self.ship_button, self.print_button, self.run_button):
            buttons.addWidget(widget)
        buttons.addSpacing(10)
        buttons.addWidget(self.all_shown)
        buttons.addWidget(self.target_label)
        buttons.addStretch(1)
        buttons.addWidget(self.scan_print)
        buttons.addWidget(self.verify)
        buttons.addWidget(self.settings_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.error_bar)
        layout.addWidget(self.unprinted)
        layout.addLayout(buttons)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)
