"""The window the operator looks at all day: today's POs, their items, scans, batches, labels, the log."""

from __future__ import annotations

import dataclasses
import logging
import sys
import threading
from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QFontMetrics, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station.connect import Connection
from station.journal import BatchHeldError, JournalBatch, JournalUnreachableError
from station.lazada.models import PickupContact, POQuery, POStatus, PurchaseOrder, PurchaseOrderItem
from station.outcomes import PoOutcome
from station.ui import heap
from station.ui.batch_panel import BatchPanel
from station.ui.column_fit import CELL_PADDING, fit, natural_width
from station.ui.errors import ErrorBar
from station.ui.filters_bar import FilterBar
from station.ui.items_panel import ItemsPanel
from station.ui.live_news import NewsFeed
from station.ui.log_view import LogView
from station.ui.operator_text import translate_operator
from station.ui.po_model import Column, LastAction, PoFilterProxy, PoTableModel, status_label
from station.ui.print_panel import PrintPanel
from station.ui.scan_handler import ScanHandler
from station.ui.ship_dialog import ShipDialog
from station.ui.signals import emit_signal
from station.ui.sound import Sound, SoundPlayer
from station.ui.ui_settings import UiSettings
from station.ui.unprinted_banner import attach_unprinted_banner
from station.ui.views import OtherViews
from station.ui.widgets import FlashBanner
from station.ui.worker import TaskRunner
from station.workflow.jobs import (
    Folders,
    Job,
    JobResult,
    JobSpec,
    JournalRef,
    pack_job,
    print_job,
    resume_job,
    run_job,
    ship_job,
)
from station.workflow.resume import describe as describe_resume

log = logging.getLogger(__name__)

POLL_MS = 12_000  # visible POs' statuses
JOURNAL_RETRY_MS = 10_000  # how often to look for a shared journal that went away
FAST_POLL_MS = 2_000  # while POs the station packed are still To Pack
POLL_MAX_POS = 200
INDEXED_STATUSES = (POStatus.TO_PACK, POStatus.READY_TO_SHIP)
TABLE_POINT_SIZE = 12
SIDE_PANEL_WIDTH = 470
PREFERRED_SIZE = (1580, 960)
BENCH_SCREEN = (1920, 1200)  # up to this the window fills the screen
WORKING_STATUSES = (POStatus.TO_PACK, POStatus.READY_TO_SHIP, POStatus.TO_PUT_AWAY)  # never elided


class MainWindow(QMainWindow):
    loaded = Signal(int)  # the listing arrived (number of POs)
    items_indexed = Signal()  # the barcodes of the listed POs are known
    job_finished = Signal(object)  # JobResult
    polled = Signal()

    def __init__(self, connection: Connection, settings: UiSettings, folders: Folders, *, profile: str = "",
                 days: int = 7, poll_ms: int = POLL_MS, fast_poll_ms: int = FAST_POLL_MS,
                 first_poll_after: float = 4.0, poll_interval: float = 1.5, journal: JournalRef | None = None) -> None:
        super().__init__()
        # Workers parse PDFs in pure Python while the operator types: hand the GIL back to this
        # (the event loop's) thread every 1 ms instead of every 5 ms, so no keystroke waits long.
        sys.setswitchinterval(0.001)
        self.items_indexed.connect(lambda: QTimer.singleShot(0, heap.settle_once))  # see heap.py
        self.connection = connection
        self.profile = profile
        self.journal = journal
        self.client = connection.client
        self.settings = settings
        self.folders = folders
        self.run_timing = (first_poll_after, poll_interval)
        self.runner = TaskRunner(self)
        self.sounds = SoundPlayer(settings.sounds)
        self.items: dict[str, list[PurchaseOrderItem]] = {}
        self.barcodes: dict[str, set[str]] = {}  # product barcode (upper case) -> PO numbers
        self.barcodes_ready = False  # the first listing's barcodes are all in
        self.packing: set[str] = set()
        self.cancel_event: threading.Event | None = None
        self._polling = False
        self._load_serial = 0
        where = self.tr("demo simulator") if connection.demo else (profile or settings.active_profile)
        self.setWindowTitle(self.tr("Station · {where}").format(where=where))

        self.model = PoTableModel(self)
        self.news = NewsFeed(self._apply_news, self)  # batches' answers reach the rows as they come
        self.proxy = PoFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filters = FilterBar(self.client.now().date(), days)
        self.filters.range_changed.connect(self.reload)
        self.filters.filters_changed.connect(self._apply_filters)
        self.table = self._make_table()
        self.banner = FlashBanner()
        self.error_bar = ErrorBar()
        self.items_panel = ItemsPanel(self.runner)
        self.batch_panel = BatchPanel()
        self.batch_panel.cancel_requested.connect(self.cancel_job)
        self.batch_panel.retry_requested.connect(self._retry)
        self.print_panel = PrintPanel(self.runner, settings, folders.prints)
        self.print_panel.print_requested.connect(lambda: self.start_job(Job.PRINT))
        self.print_panel.failed.connect(self.show_error)
        self.print_panel.sent.connect(lambda pages: self.banner.flash(
            self.tr("%n page(s) sent to the printer", "", pages), True))
        self.log_view = LogView()
        self.log_view.attach()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.items_panel, self.tr("Items"))
        self.tabs.addTab(self.batch_panel, self.tr("Batch"))
        self.tabs.addTab(self.print_panel, self.tr("Print"))
        self.tabs.addTab(self.log_view, self.tr("Log"))
        self.scan = ScanHandler(self)
        self._build_layout()
        self._build_actions()

        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(poll_ms)
        self.poll_timer.timeout.connect(self.poll)
        self.fast_timer = QTimer(self)
        self.fast_timer.setInterval(fast_poll_ms)
        self.fast_timer.timeout.connect(self.poll)
        self.poll_timer.start()
        # When the shared journal went away mid-batch: look for it again every few seconds, and
        # resume the open batch as soon as it answers.
        self.journal_retry = QTimer(self)
        self.journal_retry.setInterval(JOURNAL_RETRY_MS)
        self.journal_retry.timeout.connect(self._look_for_journal)
        self._fit_to_screen()
        self.reload()
        self.unprinted = attach_unprinted_banner(self)  # shipped today without labels here: one button
        if journal is not None:
            # Before the operator sends anything: a batch a crash left open is resumed first.
            self.runner.run(lambda: journal.journal.unfinished_batch(journal.profile), self._resume,
                            self._resume_refused)
            # The "Station did" column of today survives a restart: it is read back from the journal.
            since = datetime.combine(datetime.now().date(), time()).timestamp()
            self.runner.run(lambda: journal.journal.recent_outcomes(journal.profile, since), self._restore_last,
                            lambda exc: log.warning("earlier actions not read from the journal: %s", exc))

    # ------------------------------------------------------------------ layout
    def _make_table(self) -> QTableView:
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
        self._columns_by_hand = header.restoreState(self.settings.po_columns) if self.settings.po_columns else False
        header.sectionResized.connect(self._column_dragged)
        self._fitting_columns = False
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return table

    def _column_dragged(self, _index: int, _old: int, _new: int) -> None:
        # Only a drag with the mouse counts (a new listing resizes sections too).
        if not self._fitting_columns and QApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self._columns_by_hand = True

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
            working = natural_width(metrics, header_metrics, titles[Column.STATUS],
                                    [status_label(s) for s in WORKING_STATUSES])
            widths = fit(widths, room, (Column.STATUS,), {Column.STATUS: working})
            if sum(widths) <= room:
                break
        else:  # still too wide at the smaller size: the store and warehouse are elided too
            least = metrics.horizontalAdvance("…Cebu Store") + CELL_PADDING
            widths = fit(widths, room, (Column.STORE, Column.WAREHOUSE), {Column.STORE: least,
                                                                         Column.WAREHOUSE: least})
        self._fitting_columns = True
        try:
            for column, width in enumerate(widths):
                header.resizeSection(column, width)
        finally:
            self._fitting_columns = False

    def _natural_widths(self, metrics: QFontMetrics, header: QFontMetrics, titles: list[str]) -> list[int]:
        return [natural_width(metrics, header, title, texts)
                for title, texts in zip(titles, self.model.width_samples(), strict=True)]

    def _big_button(self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(46)
        button.setStyleSheet("QPushButton { font-size: 13pt; padding: 4px 10px; }")
        button.clicked.connect(slot)
        action = QAction(self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return button

    def _build_actions(self) -> None:
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.filters.search.setFocus)
        refresh = QAction(self)
        refresh.setShortcut(QKeySequence(Qt.Key.Key_F5))
        refresh.triggered.connect(self.reload)
        show_log = QAction(self)
        show_log.setShortcut(QKeySequence("Ctrl+L"))
        show_log.triggered.connect(lambda: self.tabs.setCurrentWidget(self.log_view))
        self.addActions([find, refresh, show_log])

    def _build_layout(self) -> None:
        self.pack_button = self._big_button(self.tr("Pack (F6)"), lambda: self.start_job(Job.PACK), "F6")
        self.ship_button = self._big_button(self.tr("Ship… (F7)"), self.ship, "F7")
        self.print_button = self._big_button(self.tr("Print (Ctrl+P)"), lambda: self.start_job(Job.PRINT), "Ctrl+P")
        self.run_button = self._big_button(self.tr("Pack + Ship + Print (F9)"), self.run_all, "F9")
        self.scan_print = QCheckBox(self.tr("Scan to print (F8)"))
        self.scan_print.setStyleSheet("QCheckBox { font-size: 13pt; } QCheckBox::indicator { width: 22px;"
                                      " height: 22px; }")
        self.scan_print.toggled.connect(lambda on: log.info("scan to print %s", "on" if on else "off"))
        toggle = QAction(self)
        toggle.setShortcut(QKeySequence("F8"))
        toggle.triggered.connect(self.scan_print.toggle)
        self.addAction(toggle)
        self.all_shown = QCheckBox(self.tr("All shown"))
        self.all_shown.setToolTip(self.tr("Act on every PO the filters show, not only the selected ones."))
        self.all_shown.toggled.connect(lambda _on: self._update_counts())
        self.target_label = QLabel()
        self.settings_button = self._big_button(self.tr("Settings"), self.open_settings, "Ctrl+,")
        buttons = QHBoxLayout()
        for widget in (self.pack_button, self.ship_button, self.print_button, self.run_button):
            buttons.addWidget(widget)
        buttons.addSpacing(10)
        buttons.addWidget(self.all_shown)
        buttons.addWidget(self.target_label)
        buttons.addStretch(1)
        buttons.addWidget(self.scan_print)
        buttons.addWidget(self.settings_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        self._sized = False
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(self.error_bar)
        layout.addLayout(buttons)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)
        self.views = OtherViews(central, self.connection, self.settings, self.runner,
                                self.profile or self.settings.active_profile, self.selected_numbers,
                                self.folders.prints)
        self.views.erp.failed.connect(self.show_error)
        self.setCentralWidget(self.views.tabs)
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)

    # ------------------------------------------------------------------ listing
    def reload(self) -> None:
        begin, end = self.filters.date_range()
        now = self.client.now()
        created_to = min(datetime.combine(end, time(23, 59, 59)), now + timedelta(hours=1))
        query = POQuery(created_from=datetime.combine(begin, time(0, 0)), created_to=created_to)
        self._load_serial += 1
        serial = self._load_serial
        self.status_label.setText(self.tr("Loading POs…"))
        self.runner.run(lambda: self.client.list_pos(query), lambda pos: self._loaded(serial, pos),
                        self._index_failed)  # no listing, no barcodes: a waiting scan is answered anyway

    def _loaded(self, serial: int, pos: list[PurchaseOrder]) -> None:
        if serial != self._load_serial:
            return  # a newer listing was asked for meanwhile
        selected = self.selected_numbers()
        self.model.set_pos(pos)
        self.fit_columns()
        self.filters.set_places(self.model.stores(), self.model.warehouses())
        self._apply_filters()
        self.select_numbers(selected, flash=False)
        stamp = datetime.now().astimezone().strftime("%H:%M:%S")
        self.status_label.setText(self.tr("%n PO(s) listed at {time}; statuses refresh by themselves.", "",
                                          len(pos)).format(time=stamp))
        log.info("listed %d POs", len(pos))
        emit_signal(self.loaded, len(pos))
        wanted = [po.purchase_order_no for po in pos if po.status in INDEXED_STATUSES
                  and po.purchase_order_no not in self.items]
        if wanted:
            self.runner.run(lambda: self.client.list_items_many(wanted), self._items_loaded, self._index_failed)
        else:
            self._indexed()

    def _items_loaded(self, items: dict[str, list[PurchaseOrderItem]]) -> None:
        self.items.update(items)
        for no, rows in items.items():
            for item in rows:
                for code in item.barcodes:
                    self.barcodes.setdefault(code.upper(), set()).add(no)  # scans match in any case
        self._show_items()
        self._indexed()

    def _index_failed(self, exc: BaseException) -> None:
        self.show_error(exc)
        self._indexed()  # scans waiting for the barcodes are answered with what there is

    def _indexed(self) -> None:
        if not self.barcodes_ready:
            log.info("product barcodes read: %d codes in %d POs", len(self.barcodes), len(self.items))
        self.barcodes_ready = True
        emit_signal(self.items_indexed)

    def _apply_filters(self) -> None:
        self.proxy.set_filters(status=self.filters.status(), store=self.filters.store.currentData() or "",
                               warehouse=self.filters.warehouse.currentData() or "", text=self.filters.search.text())
        self._update_counts()

    def _update_counts(self) -> None:
        self.filters.set_counts(self.proxy.status_counts())
        count = len(self.targets())
        self.target_label.setText(self.tr("Chosen: {count}").format(count=count))

    # ------------------------------------------------------------------ selection and items
    def selected_numbers(self) -> list[str]:
        rows = sorted({self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.po(r).purchase_order_no for r in rows]

    def targets(self) -> list[PurchaseOrder]:
        if self.all_shown.isChecked():
            return self.proxy.visible_pos()
        return [po for po in (self.model.get(no) for no in self.selected_numbers()) if po is not None]

    def select_numbers(self, numbers: Sequence[str], *, flash: bool = True) -> int:
        """Select these POs in the table (filters are widened if they hide one); the number selected."""
        rows = [r for r in (self.model.row_of(no) for no in numbers) if r is not None]
        if not rows:
            return 0
        if any(not self.proxy.mapFromSource(self.model.index(r, 0)).isValid() for r in rows):
            self.filters.clear_place_filters()
            statuses = {self.model.po(r).status for r in rows}
            self.filters.set_status(statuses.pop() if len(statuses) == 1 else None)
        selection = QItemSelection()
        for row in rows:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(selection, flags)
        first = self.proxy.mapFromSource(self.model.index(rows[0], 0))
        self.table.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.table.scrollTo(first, QAbstractItemView.ScrollHint.PositionAtCenter)
        if flash:
            self.tabs.setCurrentWidget(self.items_panel)
        return len(rows)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_counts()
        self._show_items()

    def _show_items(self) -> None:
        current = self.table.selectionModel().currentIndex()
        numbers = self.selected_numbers()
        no = self.model.po(self.proxy.mapToSource(current).row()).purchase_order_no if current.isValid() else None
        if no not in numbers:
            no = numbers[0] if numbers else None
        po = self.model.get(no) if no else None
        if po is None:
            self.items_panel.show_po(None, None)
            return
        items = self.items.get(po.purchase_order_no)
        self.items_panel.show_po(po, items)
        if items is None:
            number = po.purchase_order_no
            self.runner.run(lambda: self.client.list_items(number), lambda rows: self._one_po_items(number, rows),
                            self.show_error)

    def _one_po_items(self, no: str, rows: list[PurchaseOrderItem]) -> None:
        self._items_loaded({no: rows})

    # ------------------------------------------------------------------ status polling
    def poll(self) -> None:
        if self._polling or self.runner.closed:
            return
        first = self.table.rowAt(0)
        last = self.table.rowAt(self.table.viewport().height() - 1)
        if first < 0:
            visible: list[str] = []
        else:
            last = last if last >= 0 else self.proxy.rowCount() - 1
            visible = [self.model.po(self.proxy.mapToSource(self.proxy.index(r, 0)).row()).purchase_order_no
                       for r in range(first, last + 1)]
        numbers = list(dict.fromkeys([*sorted(self.packing), *visible]))[:POLL_MAX_POS]
        if not numbers:
            return
        self._polling = True
        client, journal = self.client, self.journal

        def read() -> tuple[dict[str, PurchaseOrder], dict[str, str]]:
            found = client.find_pos(numbers)
            # With a journal shared by the warehouse's benches: which of these another bench holds.
            held = journal.journal.holders(numbers) if journal is not None else {}
            own = journal.journal.bench if journal is not None else ""
            return found, {no: bench for no, bench in held.items() if bench != own}

        self.runner.run(read, self._polled, self._poll_failed)

    def _polled(self, result: tuple[dict[str, PurchaseOrder], dict[str, str]]) -> None:
        self._polling = False
        found, held = result
        self.model.set_holders(held, among=found.keys())
        changed = self.model.update_pos(found.values())
        self.packing = {no for no in self.packing if no in found and found[no].status is POStatus.TO_PACK}
        if not self.packing:
            self.fast_timer.stop()
        if changed:
            self._update_counts()
            self._show_items()
        emit_signal(self.polled)

    def _poll_failed(self, exc: BaseException) -> None:
        self._polling = False
        log.warning("status refresh failed: %s", exc)

    # ------------------------------------------------------------------ batches
    def start_job(self, job: Job, pos: Sequence[PurchaseOrder] | None = None,
                  contact: PickupContact | None = None) -> bool:
        pos = list(self.targets() if pos is None else pos)
        if self.batch_panel.running:
            self.banner.flash(self.tr("A batch is running; wait for it or cancel it."), False)
            return False
        if not pos:
            self.banner.flash(self.tr("Select POs first (or tick All shown)."), False)
            return False
        client, cancel, choice, folders = self.client, threading.Event(), self.print_panel.choice(), self.folders
        journal, news = self.journal, self.news.add
        first_poll, interval = self.run_timing
        work: dict[Job, Callable[[Callable[..., None]], JobResult]] = {
            Job.PACK: lambda emit: pack_job(client, pos, emit, cancel, folders, journal, news=news),
            Job.SHIP: lambda emit: ship_job(client, pos, contact or self._contact(), emit, cancel, folders, journal,
                                            news=news),
            Job.PRINT: lambda emit: print_job(client, pos, choice, folders, emit, cancel, journal, news=news),
            Job.RUN: lambda emit: run_job(client, pos, contact or self._contact(), choice, folders, emit, cancel,
                                          first_poll_after=first_poll, poll_interval=interval, journal=journal,
                                          news=news),
        }
        self.cancel_event = cancel
        self.batch_panel.start(job, len(pos))
        self.banner.info(self.tr("{batch}: started").format(batch=self.batch_panel.title.text()))
        self.tabs.setCurrentWidget(self.batch_panel)
        log.info("%s: %d POs", job.value, len(pos))
        self.runner.run_with_progress(work[job], self._job_done, lambda exc: self._job_failed(job, exc),
                                      self.batch_panel.on_progress)
        return True

    def _look_for_journal(self) -> None:
        journal = self.journal
        if journal is None or self.batch_panel.running:
            return
        self.runner.run(lambda: journal.journal.unfinished_batch(journal.profile), self._journal_back,
                        lambda exc: log.info("shared journal still unreachable: %s", exc))

    def _journal_back(self, batch: JournalBatch | None) -> None:
        self.journal_retry.stop()
        log.info("the shared journal answers again")
        self._resume(batch)

    def _restore_last(self, rows: list[tuple[PoOutcome, str, float]]) -> None:
        restored: dict[str, LastAction] = {}
        for outcome, job, when in rows:  # oldest first: a later batch's action wins
            action = last_action(outcome, Job(job) if job in {j.value for j in Job} else Job.RUN)
            if action:
                restored[outcome.purchase_order_no] = LastAction(action, datetime.fromtimestamp(when).astimezone())
        self.model.restore_last_actions(restored)

    def _resume(self, batch: JournalBatch | None) -> None:
        """Carry on with the batch the journal left open, and say so."""
        if batch is None or self.journal is None:
            return
        journal, client, folders, cancel = self.journal, self.client, self.folders, threading.Event()
        news = self.news.add
        contact = self.settings.base.pickup_contact(self.settings.active_profile)
        first_poll, interval = self.run_timing
        job = JobSpec.from_json(batch.options).job
        message = describe_resume(batch)
        log.info("%s", message)
        self.banner.flash(translate_operator(message), True)
        self.cancel_event = cancel
        self.batch_panel.start(job, len(batch.outcomes))
        self.tabs.setCurrentWidget(self.batch_panel)
        self.runner.run_with_progress(
            lambda emit: resume_job(client, journal, batch, contact, folders, emit, cancel,
                                    first_poll_after=first_poll, poll_interval=interval, news=news),
            self._job_done, lambda exc: self._job_failed(job, exc), self.batch_panel.on_progress)

    def _resume_refused(self, exc: BaseException) -> None:
        """The open batch could not be looked at or taken; another station on this PC running it is
        said in the banner too, and the batch is left to that station."""
        if isinstance(exc, BatchHeldError):
            self.banner.flash(translate_operator(exc.operator_message), False)
        self.show_error(exc)

    def _contact(self) -> PickupContact:
        contact = self.settings.base.pickup_contact(self.settings.active_profile)
        if contact is None:
            from station.lazada.errors import RequestValidationError

            raise RequestValidationError("No pickup contact is set; fill it in Settings or in the Ship dialog.")
        return contact

    def _job_done(self, result: JobResult) -> None:
        """A batch ended: the verdict first (sound, banner, per-PO results), then the table and the
        preview, each in its own turn of the event loop so that no keystroke waits behind all three."""
        self.cancel_event = None
        self.news.flush()  # the rows agree with the verdict shown next
        self.batch_panel.finish(result)
        failed = len(result.report.failed())
        self.sounds.play(Sound.FAIL if failed else Sound.OK)
        self.banner.flash(self.batch_panel.summary.text(), failed == 0 and not result.report.cancelled)
        if any(o.error == JournalUnreachableError.operator_message for o in result.report.failed()):
            self.banner.flash(translate_operator(JournalUnreachableError.operator_message), False)
            self.journal_retry.start()
        QTimer.singleShot(0, lambda: self._mark_table(result))

    def _mark_table(self, result: JobResult) -> None:
        outcomes = result.report.outcomes.values()
        self.model.set_last_actions({o.purchase_order_no: action for o in outcomes
                                     if (action := last_action(o, result.job))}, datetime.now().astimezone())
        if result.job is Job.PACK:
            self.packing |= {o.purchase_order_no for o in outcomes if o.packed}
            if self.packing:
                self.fast_timer.start()
        QTimer.singleShot(0, lambda: self._show_labels(result))

    def _show_labels(self, result: JobResult) -> None:
        if result.pdf is not None and result.choice is not None:
            printed = [o.purchase_order_no for o in result.report.outcomes.values() if o.printed]
            self.print_panel.show_pdf(result.pdf, result.choice.size, printed, result.report.output_pages,
                                      page_sizes=result.report.page_sizes_mm)
        self.poll()
        emit_signal(self.job_finished, result)

    def _apply_news(self, statuses: dict[str, POStatus], actions: dict[str, str]) -> None:
        """A batch's answers, as they arrive: rows move between statuses, counts and "Chosen" follow."""
        moved = [dataclasses.replace(po, status=status) for no, status in statuses.items()
                 if (po := self.model.get(no)) is not None and po.status is not status]
        if moved:
            self.model.update_pos(moved)
        if actions:
            self.model.set_last_actions(actions, datetime.now().astimezone())
        if moved:
            self._update_counts()

    def _job_failed(self, job: Job, exc: BaseException) -> None:
        self.cancel_event = None
        self.batch_panel.running = False
        self.batch_panel.cancel_button.setEnabled(False)
        self.batch_panel.step.setText(self.tr("Stopped"))
        self.show_error(exc)
        emit_signal(self.job_finished, None)

    def cancel_job(self) -> None:
        if self.cancel_event is not None:
            self.cancel_event.set()
            log.info("cancel asked by the operator")

    def _retry(self, job: Job, numbers: list[str]) -> None:
        pos = [po for po in (self.model.get(no) for no in numbers) if po is not None]
        self.start_job(job, pos)

    def ship(self) -> None:
        pos = self.targets()
        if not pos:
            self.banner.flash(self.tr("Select POs first (or tick All shown)."), False)
            return
        profile = self.settings.active_profile
        contact = self.settings.base.pickup_contact(profile)
        if contact is None and self.connection.demo:
            from station.demo import DEMO_CONTACT

            contact = DEMO_CONTACT
        dialog = ShipDialog(contact, len(pos), len({po.ship_group for po in pos}), self)
        self.ship_dialog = dialog

        def accepted() -> None:
            if dialog.result_contact is None:
                return
            if dialog.save_default.isChecked():
                self.settings.base.set_pickup_contact(profile, dialog.result_contact)
            self.start_job(Job.SHIP, pos, dialog.result_contact)

        dialog.accepted.connect(accepted)
        dialog.open()

    def run_all(self) -> None:
        contact = self.settings.base.pickup_contact(self.settings.active_profile)
        if contact is None and self.connection.demo:
            from station.demo import DEMO_CONTACT

            contact = DEMO_CONTACT
        self.start_job(Job.RUN, None, contact)

    # ------------------------------------------------------------------ errors, settings, shutdown
    def show_error(self, exc: BaseException) -> None:
        log.error("%s", exc)
        self.error_bar.show_error(exc)
        self.sounds.play(Sound.FAIL)

    def open_settings(self) -> None:
        from station.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, parent=self)
        self.settings_dialog = dialog
        dialog.accepted.connect(lambda: setattr(self.sounds, "enabled", self.settings.sounds))
        dialog.accepted.connect(lambda: self.scan.filter.set_config(self.settings.scanner))
        dialog.accepted.connect(self.views.settings_changed)
        dialog.open()

    def shutdown(self) -> None:
        if self._columns_by_hand:
            self.settings.po_columns = bytes(self.table.horizontalHeader().saveState().data())
        self.poll_timer.stop()
        self.journal_retry.stop()
        self.fast_timer.stop()
        if self.cancel_event is not None:
            self.cancel_event.set()
        self.scan.close()
        self.log_view.detach()
        self.runner.close()
        self.views.shutdown()

    def _fit_to_screen(self) -> None:
        """The whole screen of a bench PC (a 1366x768 laptop, a 1920x1080 monitor: the window stays
        open all day); on a larger screen, the preferred size."""
        screen = self.screen()
        room = screen.availableGeometry() if screen is not None else None
        if room is not None and room.width() <= BENCH_SCREEN[0] and room.height() <= BENCH_SCREEN[1]:
            self.setGeometry(room)
        else:
            self.resize(*PREFERRED_SIZE)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # the list gets the room; the side panel keeps what it needs
            self._sized = True
            side = max(self.tabs.minimumSizeHint().width(), min(SIDE_PANEL_WIDTH, int(self.width() * 0.28)))
            self.splitter.setSizes([max(400, self.splitter.width() - side), side])
            self.fit_columns()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)


def default_folders(base: Path) -> Folders:
    return Folders(cache=base / "cache", prints=base / "prints")


def last_action(outcome: PoOutcome, job: Job) -> str:
    """The latest thing the station did to a PO in a job, for the "Station did" column."""
    if not outcome.ok:
        return "failed"
    for action, done in (("printed", outcome.printed), ("shipped", outcome.shipped)):
        if done:
            return action
    return "packed" if outcome.packed and job in (Job.PACK, Job.RUN) else ""
