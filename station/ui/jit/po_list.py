"""What fills the JIT bench's table and keeps it true: the listing of the chosen days, the index of
the listed POs' product barcodes (for scans), the status polling (fast while POs the station
packed are still To Pack), which POs another bench holds, and the selection.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, time, timedelta

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView

from station.journal import BenchDay
from station.lazada.jit import JitClient
from station.lazada.models import POQuery, POStatus, PurchaseOrder, PurchaseOrderItem
from station.ui import heap
from station.ui.feedback import Feedback
from station.ui.jit.view import JitView
from station.ui.worker import TaskRunner
from station.workflow.jobs import JournalRef

log = logging.getLogger(__name__)

POLL_MS = 12_000  # visible POs' statuses
FAST_POLL_MS = 2_000  # while POs the station packed are still To Pack
POLL_MAX_POS = 200
INDEXED_STATUSES = (POStatus.TO_PACK, POStatus.READY_TO_SHIP)


class PoList(QObject):
    loaded = Signal(int)  # the listing arrived (number of POs)
    items_indexed = Signal()  # the barcodes of the listed POs are known
    polled = Signal()

    def __init__(
        self,
        view: JitView,
        client: JitClient,
        runner: TaskRunner,
        feedback: Feedback,
        journal: JournalRef | None,
        *,
        poll_ms: int = POLL_MS,
        fast_poll_ms: int = FAST_POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.model = view.model  # the listed POs (the view's table shows them)
        self.client = client
        self.runner = runner
        self.feedback = feedback
        self.journal = journal
        self.items: dict[str, list[PurchaseOrderItem]] = {}
        self.barcodes: dict[str, set[str]] = {}  # product barcode (upper case) -> PO numbers
        self.barcodes_ready = False  # the first listing's barcodes are all in
        self.packing: set[str] = set()
        self._polling = False
        self._load_serial = 0
        self.items_indexed.connect(lambda: QTimer.singleShot(0, heap.settle_once))  # see heap.py
        view.filters.range_changed.connect(self.reload)
        view.filters.filters_changed.connect(self._apply_filters)
        view.table.selectionModel().selectionChanged.connect(self._selection_changed)
        view.all_shown.toggled.connect(lambda _on: self.update_counts())
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(poll_ms)
        self.poll_timer.timeout.connect(self.poll)
        self.fast_timer = QTimer(self)
        self.fast_timer.setInterval(fast_poll_ms)
        self.fast_timer.timeout.connect(self.poll)
        self.poll_timer.start()

    def stop(self) -> None:
        self.poll_timer.stop()
        self.fast_timer.stop()

    # ------------------------------------------------------------------ listing
    def reload(self) -> None:
        begin, end = self.view.filters.date_range()
        now = self.client.now()
        created_to = min(datetime.combine(end, time(23, 59, 59)), now + timedelta(hours=1))
        query = POQuery(created_from=datetime.combine(begin, time(0, 0)), created_to=created_to)
        self._load_serial += 1
        serial = self._load_serial
        self.view.status_label.setText(self.tr("Loading POs…"))
        self.runner.run(
            lambda: self.client.list_pos(query), lambda pos: self._loaded(serial, pos), self._index_failed
        )  # no listing, no barcodes: a waiting scan is answered anyway

    def _loaded(self, serial: int, pos: list[PurchaseOrder]) -> None:
        if serial != self._load_serial:
            return  # a newer listing was asked for meanwhile
        view = self.view
        selected = self.selected_numbers()
        view.model.set_pos(pos)
        view.fit_columns()
        view.filters.set_places(view.model.stores(), view.model.warehouses())
        self._apply_filters()
        self.select_numbers(selected, flash=False)
        stamp = datetime.now().astimezone().strftime("%H:%M:%S")
        view.status_label.setText(
            self.tr("%n PO(s) listed at {time}; statuses refresh by themselves.", "", len(pos)).format(time=stamp)
        )
        log.info("listed %d POs", len(pos))  # the packaging smoke tests wait for this line
        self.loaded.emit(len(pos))
        wanted = [
            po.purchase_order_no
            for po in pos
            if po.status in INDEXED_STATUSES and po.purchase_order_no not in self.items
        ]
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
        self.show_items()
        self._indexed()

    def _index_failed(self, exc: BaseException) -> None:
        self.feedback.show_error(exc)
        self._indexed()  # scans waiting for the barcodes are answered with what there is

    def _indexed(self) -> None:
        if not self.barcodes_ready:
            log.info("product barcodes read: %d codes in %d POs", len(self.barcodes), len(self.items))
        self.barcodes_ready = True
        self.items_indexed.emit()

    def add_found(self, pos: Sequence[PurchaseOrder]) -> None:
        """POs found outside the listing (a scan looked them up): into the table, counted."""
        self.view.model.update_pos(pos)
        self.update_counts()

    def _apply_filters(self) -> None:
        filters = self.view.filters
        self.view.proxy.set_filters(
            status=filters.status(),
            store=filters.store.currentData() or "",
            warehouse=filters.warehouse.currentData() or "",
            text=filters.search.text(),
        )
        self.update_counts()

    def update_counts(self) -> None:
        self.view.filters.set_counts(self.view.proxy.status_counts())
        self.view.show_chosen(len(self.targets()))

    # ------------------------------------------------------------------ selection and items
    def selected_numbers(self) -> list[str]:
        view = self.view
        rows = sorted({view.proxy.mapToSource(i).row() for i in view.table.selectionModel().selectedRows()})
        return [view.model.po(r).purchase_order_no for r in rows]

    def targets(self) -> list[PurchaseOrder]:
        """The POs a batch acts on: every one shown with "All shown" ticked, else the selected ones."""
        if self.view.all_shown.isChecked():
            return self.view.proxy.visible_pos()
        return [po for po in (self.view.model.get(no) for no in self.selected_numbers()) if po is not None]

    def select_numbers(self, numbers: Sequence[str], *, flash: bool = True) -> int:
        """Select these POs in the table (filters are widened if they hide one); the number selected."""
        view, model, proxy = self.view, self.view.model, self.view.proxy
        rows = [r for r in (model.row_of(no) for no in numbers) if r is not None]
        if not rows:
            return 0
        if any(not proxy.mapFromSource(model.index(r, 0)).isValid() for r in rows):
            view.filters.clear_place_filters()
            statuses = {model.po(r).status for r in rows}
            view.filters.set_status(statuses.pop() if len(statuses) == 1 else None)
        selection = QItemSelection()
        for row in rows:
            index = proxy.mapFromSource(model.index(row, 0))
            selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        view.table.selectionModel().select(selection, flags)
        first = proxy.mapFromSource(model.index(rows[0], 0))
        view.table.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        view.table.scrollTo(first, QAbstractItemView.ScrollHint.PositionAtCenter)
        if flash:
            view.tabs.setCurrentWidget(view.items_panel)
        return len(rows)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.update_counts()
        self.show_items()

    def show_items(self) -> None:
        """The current PO's items in the side panel (read from the platform the first time)."""
        view = self.view
        current = view.table.selectionModel().currentIndex()
        numbers = self.selected_numbers()
        no = view.model.po(view.proxy.mapToSource(current).row()).purchase_order_no if current.isValid() else None
        if no not in numbers:
            no = numbers[0] if numbers else None
        po = view.model.get(no) if no else None
        if po is None:
            view.items_panel.show_po(None, None)
            return
        items = self.items.get(po.purchase_order_no)
        view.items_panel.show_po(po, items)
        if items is None:
            number = po.purchase_order_no
            self.runner.run(
                lambda: self.client.list_items(number),
                lambda rows: self._one_po_items(number, rows),
                self.feedback.show_error,
            )

    def _one_po_items(self, no: str, rows: list[PurchaseOrderItem]) -> None:
        self._items_loaded({no: rows})

    # ------------------------------------------------------------------ status polling
    def watch_packing(self, numbers: set[str]) -> None:
        """POs the station just packed: polled fast until the platform has them ready."""
        self.packing |= numbers
        if self.packing:
            self.fast_timer.start()

    def poll(self) -> None:
        if self._polling or self.runner.closed:
            return
        view = self.view
        first = view.table.rowAt(0)
        last = view.table.rowAt(view.table.viewport().height() - 1)
        if first < 0:
            visible: list[str] = []
        else:
            last = last if last >= 0 else view.proxy.rowCount() - 1
            visible = [
                view.model.po(view.proxy.mapToSource(view.proxy.index(r, 0)).row()).purchase_order_no
                for r in range(first, last + 1)
            ]
        numbers = list(dict.fromkeys([*sorted(self.packing), *visible]))[:POLL_MAX_POS]
        if not numbers:
            return
        self._polling = True
        client, journal = self.client, self.journal

        def read() -> tuple[dict[str, PurchaseOrder], dict[str, str], dict[str, BenchDay]]:
            found = client.find_pos(numbers)
            if journal is None:
                return found, {}, {}
            # With a journal shared by the warehouse's benches: which of these another bench holds, and
            # what the other benches did today (the journal alone: no more calls to the platform).
            held = journal.journal.holders(numbers)
            own = journal.journal.bench
            midnight = datetime.combine(datetime.now().date(), time()).timestamp()
            day = journal.journal.benches_day(journal.profile, midnight)
            return (
                found,
                {no: bench for no, bench in held.items() if bench != own},
                {bench: counts for bench, counts in day.items() if bench != own},
            )

        self.runner.run(read, self._polled, self._poll_failed)

    def _polled(self, result: tuple[dict[str, PurchaseOrder], dict[str, str], dict[str, BenchDay]]) -> None:
        self._polling = False
        found, held, benches = result
        self.view.show_benches(benches)
        self.view.model.set_holders(held, among=found.keys())
        changed = self.view.model.update_pos(found.values())
        self.packing = {no for no in self.packing if no in found and found[no].status is POStatus.TO_PACK}
        if not self.packing:
            self.fast_timer.stop()
        if changed:
            self.update_counts()
            self.show_items()
        self.polled.emit()

    def _poll_failed(self, exc: BaseException) -> None:
        self._polling = False
        log.warning("status refresh failed: %s", exc)
