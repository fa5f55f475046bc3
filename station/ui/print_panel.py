"""Print: paper size, PO sheet and/or barcodes, a preview of the merged PDF, the printer, the day's history."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from station.lazada.models import PdfSize
from station.printing.cups import PrintError
from station.printing.history import JobStatus, PrintJobRecord
from station.printing.label_route import PrintPath
from station.printing.spooler import AT_PRINTER, PrintService
from station.ui.locale_format import local_text
from station.ui.operator_text import QT_TRANSLATE_NOOP, job_size_label, size_label, translate_operator
from station.ui.ui_settings import UiSettings
from station.ui.worker import TaskRunner
from station.workflow.jobs import PrintChoice

_NUMBER_AND_UNIT = re.compile(r"(\d|\bmm) ")


def _wrapped_line() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


MULTI_PAGE_PREVIEW = 100  # more pages than this are previewed one at a time
LOAD_LATER_PAGES = 300  # a file with more pages is loaded into the preview on a worker thread
log = logging.getLogger(__name__)


STATUS_TEXT = {
    JobStatus.PENDING: QT_TRANSLATE_NOOP("print", "not sent"),
    JobStatus.SENT: QT_TRANSLATE_NOOP("print", "at the printer"),
    JobStatus.WAITING: QT_TRANSLATE_NOOP("print", "WAITING"),
    JobStatus.PRINTED: QT_TRANSLATE_NOOP("print", "printed"),
    JobStatus.FAILED: QT_TRANSLATE_NOOP("print", "FAILED"),
    JobStatus.RETRY: QT_TRANSLATE_NOOP("print", "to retry"),
}


def status_label(status: JobStatus) -> str:
    return QCoreApplication.translate("print", STATUS_TEXT[status])


def job_text(job: PrintJobRecord) -> str:
    """One line of the day's list: when, what, which printer, how it ended."""
    first = job.po_numbers[0] if job.po_numbers else ""
    more = f" +{len(job.po_numbers) - 1}" if len(job.po_numbers) > 1 else ""
    printer = job.printer or QCoreApplication.translate("print", "(no printer)")
    text = QCoreApplication.translate(
        "print", "#{id}  {time}  {size}  {pages} pages  {first}{more}  → {printer}  {status}"
    ).format(
        id=job.id,
        time=local_text(job.created_at, time_only=True),
        size=job_size_label(job.size),
        pages=job.pages if job.pages is not None else "?",
        first=first,
        more=more,
        printer=printer,
        status=status_label(job.status),
    )
    said = job.status in (JobStatus.FAILED, JobStatus.WAITING) and job.error
    return f"{text}: {translate_operator(job.error)}" if said else text


FOLLOW_MS = 3000  # how often the spooler is asked about jobs still at the printer (CUPS answers in ms)


def _job_id(item: QListWidgetItem | None) -> int | None:
    value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
    return int(value) if isinstance(value, int) else None


def load_elsewhere(pdf: Path) -> QPdfDocument:
    """A document loaded on a worker thread and handed to the window's thread (QtPdf guards its
    own library with a lock, so loading here and painting there is safe)."""
    document = QPdfDocument()  # no parent: it changes threads below
    document.load(str(pdf))
    app = QCoreApplication.instance()
    if app is not None:
        document.moveToThread(app.thread())
    return document


class PrintPanel(QWidget):
    print_requested = Signal()  # print the chosen POs with the current choice
    sent = Signal(int)  # pages sent to the printer
    failed = Signal(object)  # an exception, for the window's error bar

    jobs_changed = Signal()  # the day's list was reloaded

    def __init__(
        self,
        runner: TaskRunner,
        settings: UiSettings,
        history_dir: Path,
        parent: QWidget | None = None,
        *,
        service: PrintService | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.service = service or PrintService(history_dir, settings.printing)
        self.history = self.service.history
        self.current_pdf: Path | None = None
        self.current_size: PdfSize | None = None
        self.pending_jobs: list[int] = []  # recorded for the shown PDF, not sent yet
        self.shown_job: int | None = None  # the history job whose file is shown (Send = reprint it)
        self._recording: Path | None = None  # the shown PDF's job(s) are being recorded on a worker
        self._load_when_shown: tuple[Path, PdfSize, int] | None = None  # a big file, not loaded while hidden
        self._send_once_recorded: set[Path] = set()  # Send was pressed (or a scan printed) meanwhile
        self.busy = False
        self._following = False
        self.follow_timer = QTimer(self)
        self.follow_timer.setInterval(FOLLOW_MS)
        self.follow_timer.timeout.connect(self._follow_jobs)
        self.size_combo = QComboBox()
        for size in PdfSize:
            self.size_combo.addItem(size_label(size), size)
        self.size_combo.setCurrentIndex(list(PdfSize).index(settings.print_size))
        self.po_sheet = QCheckBox(self.tr("PO sheet"))
        self.po_sheet.setChecked(settings.print_order)
        self.barcodes = QCheckBox(self.tr("Product barcodes"))
        self.barcodes.setChecked(settings.print_barcode)
        self.size_combo.currentIndexChanged.connect(self._choice_changed)
        self.po_sheet.toggled.connect(self._choice_changed)
        self.barcodes.toggled.connect(self._choice_changed)
        self.print_button = QPushButton(self.tr("Get labels (Ctrl+P)"))
        self.print_button.setMinimumHeight(40)
        self.print_button.clicked.connect(self.print_requested)
        self.printer_label = _wrapped_line()
        self.send_button = QPushButton(self.tr("Send to printer"))
        self.send_button.setMinimumHeight(40)
        self.send_button.setEnabled(False)
        self.send_button.clicked.connect(self.send_current)
        self.document = QPdfDocument(self)
        self._empty = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setMinimumHeight(120)  # fits a 768-pixel-high bench laptop; the splitter gives it the rest
        self.preview_label = _wrapped_line()
        self._set_line(self.preview_label, self.tr("No labels yet."))
        # Thousands of labels: one page at a time, or the view would lay out every page at once.
        self.page_box = QSpinBox()
        self.page_box.setPrefix(self.tr("Page "))
        self.page_box.setVisible(False)
        self.page_box.valueChanged.connect(
            lambda page: self.view.pageNavigator().jump(page - 1, QPointF(), self.view.pageNavigator().currentZoom())
        )
        # Two lists: what the printer accepted today (reprint), and what it did not (retry).
        self.history_list = QListWidget()
        self.history_list.setMinimumHeight(60)
        self.history_list.itemDoubleClicked.connect(self._open_history)
        self.history_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.failed_list = QListWidget()
        self.failed_list.setMinimumHeight(60)
        self.failed_list.itemDoubleClicked.connect(self._open_history)
        self.failed_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.reprint_button = QPushButton(self.tr("Reprint"))
        self.reprint_button.setToolTip(self.tr("Print the selected job again (from its kept file)"))
        self.reprint_button.clicked.connect(self._reprint)
        self.retry_button = QPushButton(self.tr("Retry failed"))
        self.retry_button.setToolTip(self.tr("Send the failed jobs again (the selected one, or all of today's)"))
        self.retry_button.clicked.connect(self._retry_failed)

        choice = QGroupBox(self.tr("Labels"))
        choice_box = QVBoxLayout(choice)
        # The size on a line of its own: the panel stays narrow enough for a 1366-pixel screen.
        choice_box.addWidget(self.size_combo)
        choice_row = QHBoxLayout()
        choice_row.addWidget(self.po_sheet)
        choice_row.addWidget(self.barcodes)
        choice_row.addStretch(1)
        choice_box.addLayout(choice_row)
        choice_box.addWidget(self.print_button)
        send_row = QHBoxLayout()
        labels = QVBoxLayout()
        labels.addWidget(self.preview_label)
        labels.addWidget(self.page_box)
        labels.addWidget(self.printer_label)
        send_row.addLayout(labels, 1)
        send_row.addWidget(self.send_button)
        preview = QWidget()
        preview_layout = QVBoxLayout(preview)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addLayout(send_row)
        preview_layout.addWidget(self.view, 1)
        history = QGroupBox(self.tr("Printed today"))
        history_layout = QVBoxLayout(history)
        history_layout.addWidget(self.history_list)
        history_buttons = QHBoxLayout()
        history_buttons.addStretch(1)
        history_buttons.addWidget(self.reprint_button)
        history_layout.addLayout(history_buttons)
        self.failed_box = QGroupBox(self.tr("Not printed"))
        failed_layout = QVBoxLayout(self.failed_box)
        failed_layout.addWidget(self.failed_list)
        failed_buttons = QHBoxLayout()
        failed_buttons.addStretch(1)
        failed_buttons.addWidget(self.retry_button)
        failed_layout.addLayout(failed_buttons)
        # On a short screen the job lists give way first (the splitter's handle brings them back):
        # the panel must fit a 768-pixel-high laptop with its taskbar.
        for box in (self.failed_box, history):
            policy = box.sizePolicy()
            policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
            box.setSizePolicy(policy)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(preview)
        splitter.addWidget(self.failed_box)
        splitter.addWidget(history)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(choice)
        layout.addWidget(splitter, 1)
        self.refresh_jobs()
        self._choice_changed()

    # ------------------------------------------------------------------ choice
    def choice(self) -> PrintChoice:
        return PrintChoice(PdfSize(self.size_combo.currentData()), self.po_sheet.isChecked(), self.barcodes.isChecked())

    def _choice_changed(self) -> None:
        size = PdfSize(self.size_combo.currentData())
        if size is PdfSize.A4:  # the platform prints no barcodes on A4
            self.barcodes.setChecked(False)
            self.po_sheet.setChecked(True)
        self.barcodes.setEnabled(size is not PdfSize.A4)
        self.settings.print_size = size
        self.settings.print_order = self.po_sheet.isChecked()
        self.settings.print_barcode = self.barcodes.isChecked()
        self._update_printer_label()

    def _update_printer_label(self) -> None:
        size = self.current_size or PdfSize(self.size_combo.currentData())
        route = self.settings.route(size.name)
        # a network label printer needs no queue: its address is the printer (as the print service sends it)
        name = self.settings.printer(size) or (route.address if route.path is PrintPath.SOCKET else "")
        self._set_line(
            self.printer_label,
            self.tr("Printer: {name}").format(name=name)
            if name
            else self.tr("No printer set for {size}").format(size=size_label(size)),
        )

    @staticmethod
    def _set_line(line: QLabel, text: str) -> None:
        # Wrapped where the panel is narrow, but never between a number and its unit ("297 POs",
        # "100x150 mm label"): nothing is cut off, nothing reads "297 / POs".
        line.setText(_NUMBER_AND_UNIT.sub("\\1\u00a0", text))

    # ------------------------------------------------------------------ preview and the day's jobs
    def show_pdf(
        self,
        pdf: Path,
        size: PdfSize,
        pos: list[str],
        pages: int,
        *,
        record: bool = True,
        page_sizes: Sequence[tuple[float, float]] | None = None,
    ) -> None:
        """Preview ``pdf``; with ``record``, record it as a job of the day (not sent yet: :meth:`send_current`)."""
        self.current_pdf = pdf
        self.current_size = size
        self.view.setDocument(self._empty)  # no layout work while the file loads
        self.document.close()
        self._describe(pages, size, len(pos))
        self.send_button.setEnabled(True)
        self._update_printer_label()
        self.pending_jobs = []
        self.shown_job = None
        self._recording = pdf if record else None
        if record:
            # Recording writes the print history (an SQLite commit, with fsync) and splits a file
            # of mixed sizes with pypdf: on a worker. Send waits for it (see send_current).
            self.runner.run(
                lambda: self.service.prepare(pdf, size, pos, page_sizes=page_sizes),
                lambda records: self._recorded(pdf, records),
                lambda exc: self._record_failed(pdf, exc),
            )
        self._load_when_shown = None
        if pages > LOAD_LATER_PAGES:
            # QtPdf reads a day's 3,800-page file in ~20 ms, and holds Python's interpreter lock all
            # along, so even from a worker it stalls the window that long. A batch ends with its
            # labels shown here while the Batch tab is in front: the file is read when this panel
            # is (Send needs only the recorded job, not the preview).
            self._load_when_shown = (pdf, size, len(pos))
            if self.isVisible():
                self._load_big()
        else:
            self.document.load(str(pdf))
            self._loaded(pdf, self.document, size, len(pos))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._load_when_shown is not None:
            self._load_big()

    def _load_big(self) -> None:
        """Read the big file waiting in ``_load_when_shown`` into the preview, from a worker."""
        assert self._load_when_shown is not None
        pdf, size, count = self._load_when_shown
        self._load_when_shown = None
        self.runner.run(
            lambda: load_elsewhere(pdf),
            lambda document: self._loaded(pdf, document, size, count),
            lambda exc: log.warning("preview of %s not loaded: %s", pdf.name, exc),
        )

    def _recorded(self, pdf: Path, records: list[PrintJobRecord]) -> None:
        ids = [job.id for job in records]
        send = pdf in self._send_once_recorded  # sent even if another file is shown by now
        self._send_once_recorded.discard(pdf)
        if pdf == self._recording:  # else another file is shown now: these jobs stay in the list
            self._recording = None
            self.pending_jobs = [] if send else ids
            self.shown_job = ids[0] if ids else None
        self.refresh_jobs()
        if send:
            self._send_jobs(ids)

    def _record_failed(self, pdf: Path, exc: BaseException) -> None:
        if pdf == self._recording:
            self._recording = None
        self._send_once_recorded.discard(pdf)
        self.failed.emit(exc)

    def _describe(self, pages: int, size: PdfSize, count: int) -> None:
        self._set_line(
            self.preview_label,
            self.tr("%n page(s)", "", pages) + " · " + size_label(size) + " · " + self.tr("%n PO(s)", "", count),
        )

    def _loaded(self, pdf: Path, document: QPdfDocument, size: PdfSize, po_count: int) -> None:
        if document is not self.document:
            if self.current_pdf != pdf:
                document.deleteLater()  # another file was shown meanwhile
                return
            document.setParent(self)
            self.document.deleteLater()
            self.document = document
        count = self.document.pageCount()
        self._describe(count, size, po_count)
        many = count > MULTI_PAGE_PREVIEW
        self.view.setPageMode(QPdfView.PageMode.SinglePage if many else QPdfView.PageMode.MultiPage)
        self.view.setDocument(self.document)
        self.page_box.blockSignals(True)
        self.page_box.setRange(1, max(count, 1))
        self.page_box.setValue(1)
        self.page_box.setSuffix(self.tr(" of {count}").format(count=count))
        self.page_box.blockSignals(False)
        self.page_box.setVisible(many)

    def jobs(self) -> list[PrintJobRecord]:
        """Today's jobs, oldest first (what the list shows, newest on top)."""
        return self.service.jobs_on(date.today())

    def refresh_jobs(self) -> None:
        """Reload the day's jobs from the print history (keeps the selected job selected).

        Only the jobs the spooler reported completed are under "Printed today"; the others (at the
        printer, waiting at it and why, failed, to retry, not sent) are under "Not printed", which
        shows only when it lists something. While jobs are at the printer it is asked about them.
        """
        jobs = self.jobs()
        self._fill_list(self.history_list, [job for job in jobs if job.status is JobStatus.PRINTED])
        self._fill_list(self.failed_list, [job for job in jobs if job.status is not JobStatus.PRINTED])
        self.failed_box.setVisible(self.failed_list.count() > 0)
        self._update_buttons()
        self.jobs_changed.emit()
        if any(job.status in AT_PRINTER for job in jobs) and not self.follow_timer.isActive():
            self.follow_timer.start()

    def _follow_jobs(self) -> None:
        """Ask the spooler (on a worker) how the jobs at the printer are doing; stop once none is."""
        if self._following:
            return
        if not any(job.status in AT_PRINTER for job in self.jobs()):
            self.follow_timer.stop()
            return
        self._following = True
        self.runner.run(self.service.refresh, self._followed, self._follow_failed)

    def _followed(self, _jobs: object) -> None:
        self._following = False
        self.refresh_jobs()

    def _follow_failed(self, exc: BaseException) -> None:
        self._following = False
        log.warning("jobs at the printer not checked: %s", exc)

    @staticmethod
    def _fill_list(view: QListWidget, jobs: list[PrintJobRecord]) -> None:
        current = view.currentItem()
        selected = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        view.blockSignals(True)  # one button update at the end, not one per row
        view.clear()
        for job in jobs:
            item = QListWidgetItem(job_text(job))
            item.setData(Qt.ItemDataRole.UserRole, job.id)
            item.setToolTip(
                "\n".join(filter(None, [", ".join(job.po_numbers), str(job.file_path), translate_operator(job.error)]))
            )
            if job.status is JobStatus.FAILED:
                item.setForeground(QBrush(QColor("#c62828")))
            elif job.status is JobStatus.WAITING:
                item.setForeground(QBrush(QColor("#e65100")))  # orange: it prints once the printer is fixed
            view.insertItem(0, item)  # newest on top
            if job.id == selected:
                view.setCurrentItem(item)
        view.blockSignals(False)

    def _update_buttons(self) -> None:
        idle = not self.busy
        self.reprint_button.setEnabled(idle and self.history_list.count() > 0)
        self.retry_button.setEnabled(idle and any(j.status in (JobStatus.FAILED, JobStatus.RETRY) for j in self.jobs()))

    def selected_job(self) -> int | None:
        """The printed job to reprint: the one selected under "Printed today", else the newest."""
        return _job_id(self.history_list.currentItem() or self.history_list.item(0))

    def selected_failed_job(self) -> int | None:
        """The job selected under "Not printed", if any."""
        return _job_id(self.failed_list.currentItem())

    def _open_history(self, item: QListWidgetItem) -> None:
        job_id = item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(job_id, int):
            return
        job = self.service.history.get(job_id)
        if job.file_path.exists():
            size = PdfSize(job.size) if job.size in {s.value for s in PdfSize} else self.current_size
            self.show_pdf(job.file_path, size or PdfSize.A4, list(job.po_numbers), job.pages or 0, record=False)
            self.pending_jobs = []
            self.shown_job = job_id

    def _reprint(self) -> None:
        job_id = self.selected_job()
        if job_id is not None:
            self._run(lambda: [self.service.reprint(job_id)])

    def _retry_failed(self) -> None:
        job_id = self.selected_failed_job()
        if job_id is not None and self.service.history.get(job_id).status in (
            JobStatus.FAILED,
            JobStatus.RETRY,
            JobStatus.PENDING,
        ):
            self._run(lambda: [self.service.retry(job_id)])
        else:
            self._run(lambda: self.service.retry_failed())

    # ------------------------------------------------------------------ printing
    def send_current(self) -> None:
        """Send the shown labels: the jobs recorded for them, or (a job from the list) print it again."""
        if self.current_pdf is None or self.current_size is None:
            return
        if self._recording is not None:  # its jobs are being recorded: sent when they are
            self._send_once_recorded.add(self._recording)
            return
        pending, shown = list(self.pending_jobs), self.shown_job
        self.pending_jobs = []
        if pending:
            self._send_jobs(pending)
        elif shown is not None:
            self._run(lambda: [self.service.reprint(shown)])
        else:
            pdf, size = self.current_pdf, self.current_size
            self._run(lambda: self.service.print_jobs(pdf, size, []))

    def _send_jobs(self, job_ids: list[int]) -> None:
        self._run(lambda: [self.service.send(job_id) for job_id in job_ids])

    def _run(self, work: Callable[[], list[PrintJobRecord]]) -> None:
        self.busy = True
        self.send_button.setEnabled(False)
        self._update_buttons()
        self.runner.run(work, self._sent, self._send_failed)

    def _sent(self, records: list[PrintJobRecord]) -> None:
        self.busy = False
        self.send_button.setEnabled(self.current_pdf is not None)
        if records:
            self.shown_job = records[-1].id
        self.refresh_jobs()
        failed = [r for r in records if r.status is JobStatus.FAILED]
        pages = sum(r.pages or 0 for r in records if r.status is not JobStatus.FAILED)
        if len(failed) < len(records):
            log.info("sent %d pages to the printer", pages)
            self.sent.emit(pages)
        # Waiting at the printer (out of paper...) is said like a failure, in the error bar: it prints
        # by itself once the printer is fixed, but only the operator can fix it.
        for record in failed + [r for r in records if r.status is JobStatus.WAITING]:
            self.failed.emit(
                PrintError(
                    f"print job {record.id} on {record.printer!r}",
                    operator_message=record.error or PrintError.operator_message,
                )
            )

    def _send_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.send_button.setEnabled(self.current_pdf is not None)
        self.refresh_jobs()
        self.failed.emit(exc)
