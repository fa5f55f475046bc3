"""Progress of a batch (pack, ship, print, or all), its cancel button, and the per-PO results."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station.outcomes import Step
from station.ui.column_fit import natural_width
from station.ui.results_model import STORE, WHY, ResultsModel, outcome_text
from station.ui.widgets import TextLine
from station.workflow.jobs import Job, JobResult


def step_label(step: Step) -> str:
    return {
        Step.LIST: QCoreApplication.translate("step", "Listing"),
        Step.PACK: QCoreApplication.translate("step", "Packing"),
        Step.WAIT: QCoreApplication.translate("step", "Waiting until ready"),
        Step.SHIP: QCoreApplication.translate("step", "Booking pickup"),
        Step.PRINT: QCoreApplication.translate("step", "Fetching labels"),
        Step.MERGE: QCoreApplication.translate("step", "Merging labels"),
    }[step]


def job_label(job: Job) -> str:
    return {
        Job.PACK: QCoreApplication.translate("job", "Pack"),
        Job.SHIP: QCoreApplication.translate("job", "Ship"),
        Job.PRINT: QCoreApplication.translate("job", "Print"),
        Job.RUN: QCoreApplication.translate("job", "Pack, ship and print"),
    }[job]


class BatchPanel(QWidget):
    cancel_requested = Signal()
    retry_requested = Signal(object, list)  # job, failed PO numbers

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: JobResult | None = None
        self.running = False
        self._latest: tuple[Step, int, int] | None = None
        self._repaint = QTimer(self)
        self._repaint.setSingleShot(True)
        self._repaint.setInterval(50)
        self._repaint.timeout.connect(self._show_progress)
        self.title = QLabel(self.tr("No batch yet. Select POs and press Pack, Ship or Print."))
        font = self.title.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.step = TextLine()  # rewritten up to 20 times a second: must not re-lay the window
        self.progress = QProgressBar()
        self.progress.setMinimumHeight(32)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"))
        self.cancel_button.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.cancel_button.setMinimumHeight(40)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self._cancel)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.results = ResultsModel(self)
        self.table = QTableView()
        self.table.setModel(self.results)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        # Always there: a scrollbar that appears when a batch's results fill the table re-lays
        # the panel and repaints the side of the window just as the batch ends.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        header = self.table.horizontalHeader()
        # Widths from the font, not from the contents: measuring 500 rows after each batch froze
        # the window for a tenth of a second.
        metrics = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setBold(True)
        results = QFontMetrics(bold)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(40)
        header.resizeSection(0, metrics.horizontalAdvance("POJ2611231737139295") + 12)
        header.resizeSection(1, 90)
        words = (self.tr("Failed"), self.tr("Done"), self.tr("Not done"))
        header.resizeSection(2, natural_width(results, header.fontMetrics(), self.tr("Result"), words))
        header.setSectionResizeMode(WHY, QHeaderView.ResizeMode.Stretch)  # the rest of the width, no scrolling
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(70)
        self.detail.setPlaceholderText(self.tr("Select a failed PO to see what the platform said."))
        self.retry_button = QPushButton(self.tr("Retry failed"))
        self.retry_button.setMinimumHeight(40)
        self.retry_button.setEnabled(False)
        self.retry_button.clicked.connect(self._retry)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.retry_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.step)
        layout.addLayout(row)
        layout.addLayout(bottom)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)

    # ------------------------------------------------------------------ driven by the window
    def start(self, job: Job, count: int) -> None:
        self._repaint.stop()
        self._latest = None
        self.running = True
        self.result = None
        self.title.setText(self.tr("{job}: %n PO(s)", "", count).format(job=job_label(job)))
        self.step.setText(self.tr("Starting…"))
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Cancel (Esc)"))
        self.retry_button.setEnabled(False)
        self.summary.clear()
        self.results.show(None)
        self.detail.clear()

    def on_progress(self, step: Step, done: int, total: int) -> None:
        # A 500-PO batch reports hundreds of ticks in a burst: show the latest, at most every 50 ms,
        # so the window keeps answering the operator.
        self._latest = (step, done, total)
        if not self._repaint.isActive():
            self._repaint.start()

    def _show_progress(self) -> None:
        if self._latest is None:
            return
        step, done, total = self._latest
        self._latest = None
        self.step.setText(self.tr("{step}: {done} of {total}").format(step=step_label(step), done=done, total=total))
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done if total else 1)

    def finish(self, result: JobResult) -> None:
        self._repaint.stop()
        self._show_progress()
        self.running = False
        self.result = result
        self.cancel_button.setEnabled(False)
        report = result.report
        counts = report.counts()
        failed = counts["failed"]
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
        if not report.cancelled:
            self.progress.setValue(self.progress.maximum())
        done = sum(outcome_text(result.job, o) == self.tr("Done") for o in report.outcomes.values())
        text = self.tr("{done} done, {failed} failed, of {total}.").format(
            done=done, failed=failed, total=counts["total"]
        )
        if elsewhere := counts["elsewhere"]:
            text += " " + self.tr("Other benches did {count}.").format(count=elsewhere)
        if report.cancelled:
            text = self.tr("Cancelled. ") + text
        if result.pdf is not None:
            text += " " + self.tr("Labels: %n page(s), in the Print tab.", "", report.output_pages)
        self.summary.setText(text)
        self.step.setText(self.tr("Finished") if not report.cancelled else self.tr("Cancelled"))
        self.title.setText(self.tr("{job}: finished").format(job=job_label(result.job)))
        self.retry_button.setEnabled(failed > 0)
        self.retry_button.setText(
            self.tr("Retry {count} failed").format(count=failed) if failed else self.tr("Retry failed")
        )
        self._fill(result)

    def _fill(self, result: JobResult) -> None:
        self.results.show(result)
        # The store column as wide as this batch's (shortened) store names, at most a third of the
        # table: a handful of names measured, not 500 rows.
        header = self.table.horizontalHeader()
        width = natural_width(
            self.table.fontMetrics(), header.fontMetrics(), self.tr("Store"), self.results.shown_stores()
        )
        header.resizeSection(STORE, min(width, max(90, self.table.viewport().width() // 3)))

    def stopped(self) -> None:
        """The batch ended on an error before any verdict (the window's error bar says which)."""
        self.running = False
        self.cancel_button.setEnabled(False)
        self.step.setText(self.tr("Stopped"))

    def failed_numbers(self) -> list[str]:
        return [o.purchase_order_no for o in self.result.report.failed()] if self.result else []

    def _cancel(self) -> None:
        if self.running:
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText(self.tr("Cancelling…"))
            self.cancel_requested.emit()

    def _retry(self) -> None:
        if self.result is not None and not self.running:
            self.retry_requested.emit(self.result.job, self.failed_numbers())

    def _show_detail(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return
        row = rows.pop()
        self.detail.setPlainText(f"{self.results.text(row, WHY)}\n{self.results.detail(row)}".strip())
