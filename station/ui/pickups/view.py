"""The Pickups view: today's pickup orders, refreshed on a worker while some are not final
(bounded: at most ``max_polls`` polls after the last refresh asked for), a scanned pickup order
number shown, and the carton-label dialog of the selected one."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from station.lazada.jit import JitClient
from station.ui.errors import describe_error
from station.ui.feedback import Feedback
from station.ui.operator_text import translate_operator
from station.ui.pickups.carton_dialog import CartonDialog
from station.ui.pickups.model import PickupLine, PickupsModel
from station.ui.sound import Sound
from station.ui.ui_settings import UiSettings
from station.ui.worker import TaskRunner
from station.workflow.cartons import CartonLabels, CartonResult
from station.workflow.pickups import TodaysPickup, read_pickup, todays_pickups

log = logging.getLogger(__name__)

PICKUP_NUMBER = re.compile(r"PUO\d{6,30}", re.IGNORECASE)
POLL_MS = 60_000  # the platform moves a pickup on in minutes or hours, not seconds
MAX_POLLS = 120  # two hours of polls at most after a refresh, a scan or a print
MAX_COLUMN_PX = 340  # a long list of POs is cut (its tooltip has it whole): every column stays in sight


class PickupsView(QWidget):
    loaded = Signal()  # a refresh or a poll came back (tests wait on it)

    def __init__(
        self,
        client: JitClient,
        runner: TaskRunner,
        settings: UiSettings,
        cartons: Callable[[], CartonLabels | None],
        feedback: Callable[[], Feedback | None] = lambda: None,
        *,
        poll_ms: int = POLL_MS,
        max_polls: int = MAX_POLLS,
        parent: QWidget | None = None,
    ) -> None:
        """``cartons``: the carton-label workflow (None: this window cannot print them); ``feedback``:
        the bench's banner and sounds (made after the views)."""
        super().__init__(parent)
        self.client, self.runner, self.settings = client, runner, settings
        self.cartons, self.feedback = cartons, feedback
        self.poll_ms, self.max_polls = poll_ms, max_polls
        self.polls = 0
        self.loading = False
        self.refresh_wanted = False
        self.ever_loaded = False
        self.scanned: list[str] = []  # pickups shown by a scan that today's POs do not name
        # A scan that could not be shown: kept on the line until the next scan or Refresh, so that a
        # read finishing just after it does not wipe it before the operator has seen it.
        self.scan_problem = ""
        self.last_boxes: int | None = None  # the number of cartons last printed here
        self.model = PickupsModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _: self.open_cartons())
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self._refresh_clicked)
        self.cartons_button = QPushButton(self.tr("Carton labels…"))
        self.cartons_button.setToolTip(self.tr("Print one label for each carton of the selected pickup order"))
        self.cartons_button.clicked.connect(self.open_cartons)
        self.status = QLabel("")
        bar = QHBoxLayout()
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.cartons_button)
        bar.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.poll)
        self.dialog: CartonDialog | None = None

    # ------------------------------------------------------------------ reading
    def refresh(self) -> None:
        """Today's pickup orders afresh (the POs shipped today name them); polling starts over."""
        self.polls = 0
        if self.loading:
            self.refresh_wanted = True  # after the read under way
            return
        self.refresh_wanted = False
        self.loading = True
        self.status.setText(self.tr("Reading today's pickup orders…"))
        client, scanned, labelled = self.client, list(self.scanned), self._labelled_fn()

        def work() -> list[PickupLine]:
            rows = todays_pickups(client)
            known = {row.pickup_order_no for row in rows}
            extra = (read_pickup(client, number) for number in scanned if number not in known)
            rows += [row for row in extra if row.order is not None]  # a scan of an unknown number is not kept
            return [PickupLine(row, labelled(row.pickup_order_no)) for row in rows]

        self.runner.run(work, self._loaded, self._failed)

    def _refresh_clicked(self) -> None:
        self.scan_problem = ""
        self.refresh()

    def poll(self) -> None:
        """Only the pickup orders not final yet, read again."""
        if self.loading:
            return
        open_lines = [line for line in self.model.lines if not line.pickup.is_final]
        if not open_lines:
            return
        self.loading = True
        client = self.client

        def work() -> list[PickupLine]:
            return [
                PickupLine(
                    read_pickup(client, line.pickup.pickup_order_no, line.pickup.purchase_order_nos), line.labelled
                )
                for line in open_lines
            ]

        self.runner.run(work, self._polled, self._failed)

    def _labelled_fn(self) -> Callable[[str], int]:
        cartons = self.cartons()
        if cartons is None:
            return lambda _: 0

        def labelled(number: str) -> int:
            record = cartons.printed(number)
            return record.boxes if record is not None else 0

        return labelled

    def _loaded(self, lines: list[PickupLine]) -> None:
        selected = self.selected_number()
        self.model.set_lines(lines)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), MAX_COLUMN_PX))
        if selected:
            self.select(selected)
        self._after_read()

    def _polled(self, lines: list[PickupLine]) -> None:
        for line in lines:
            self.model.put(line)
        self._after_read()

    def _after_read(self) -> None:
        self.loading = False
        self.ever_loaded = True
        if self.refresh_wanted:
            self.refresh()
            return
        rows = self.model.lines
        waiting = sum(1 for line in rows if not line.pickup.is_final)
        if self.scan_problem:
            self._say(self.scan_problem, failed=True)
        else:
            self._say(
                self.tr("%n pickup order(s) today", "", len(rows))
                + (self.tr(" · {count} not final yet").format(count=waiting) if waiting else "")
            )
        self._schedule()
        self.loaded.emit()

    def _schedule(self) -> None:
        if not self.model.all_final and self.polls < self.max_polls:
            self.polls += 1
            self.timer.start(self.poll_ms)
        else:
            self.timer.stop()

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        if self.refresh_wanted:
            self.refresh()
            return
        self._say(describe_error(exc).message, failed=True)
        self._schedule()  # a passing network failure: the next poll tries again (still bounded)
        self.loaded.emit()

    def _say(self, text: str, *, failed: bool = False) -> None:
        """The line beside the buttons: counts, or what went wrong, in red and bold."""
        self.status.setText(text)
        self.status.setStyleSheet("color: #b3261e; font-weight: bold;" if failed else "")

    # ------------------------------------------------------------------ a scan
    def show_pickup(self, number: str) -> None:
        """Select this pickup order, read afresh (added to the list if today's POs do not name it)."""
        number = number.strip().upper()
        if not self.select(number) and number not in self.scanned:
            self.scanned.append(number)  # a refresh started meanwhile reads it too
        client = self.client
        labelled = self._labelled_fn()

        def work() -> PickupLine:
            return PickupLine(read_pickup(client, number), labelled(number))

        self.runner.run(work, self._scanned_one, self._failed)

    def _scanned_one(self, line: PickupLine) -> None:
        feedback = self.feedback()
        pickup = line.pickup
        if pickup.order is None:
            log.info("pickup %s: not read (%s)", pickup.pickup_order_no, pickup.error)
            if pickup.pickup_order_no in self.scanned:
                self.scanned.remove(pickup.pickup_order_no)
            # Said here too: the banner is on the JIT bench, behind this view.
            message = self.tr("Pickup order {no}: {why}").format(
                no=pickup.pickup_order_no, why=translate_operator(pickup.error)
            )
            self.scan_problem = message
            self._say(message, failed=True)
            if feedback is not None:
                feedback.flash(message, False)
                feedback.play(Sound.FAIL)
            return
        self.scan_problem = ""
        self.model.put(self._keep_pos(line))
        shown = self.select(pickup.pickup_order_no)
        log.info(
            "pickup %s: %s, %s", pickup.pickup_order_no, pickup.order.status.label, "shown" if shown else "not shown"
        )
        self.polls = 0
        self._schedule()
        self.loaded.emit()

    def _keep_pos(self, line: PickupLine) -> PickupLine:
        row = self.model.row_of(line.pickup.pickup_order_no)
        if row is None or not self.model.lines[row].pickup.purchase_order_nos:
            return line
        old = self.model.lines[row].pickup
        return PickupLine(
            TodaysPickup(old.pickup_order_no, old.purchase_order_nos, line.pickup.order, line.pickup.error),
            line.labelled,
        )

    # ------------------------------------------------------------------ selection, cartons
    def select(self, number: str) -> bool:
        row = self.model.row_of(number)
        if row is None:
            return False
        self.table.selectionModel().select(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def selected_number(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        return self.model.lines[rows[0].row()].pickup.pickup_order_no if rows else ""

    def open_cartons(self) -> CartonDialog | None:
        number = self.selected_number()
        cartons = self.cartons()
        feedback = self.feedback()
        if not number or cartons is None:
            if feedback is not None:
                feedback.flash(
                    self.tr("Select a pickup order first.")
                    if not number
                    else self.tr("Carton labels cannot be printed from this window."),
                    False,
                )
            return None
        self.dialog = CartonDialog(
            number, cartons, self.runner, self.settings, feedback, boxes=self.last_boxes, parent=self
        )
        self.dialog.printed.connect(self._printed)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()
        return self.dialog

    def _printed(self, result: CartonResult) -> None:
        self.last_boxes = result.boxes
        row = self.model.row_of(result.pickup_order_no)
        if row is not None:
            self.model.put(PickupLine(self.model.lines[row].pickup, result.boxes))

    def shutdown(self) -> None:
        self.timer.stop()
