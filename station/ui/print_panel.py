"""Print: paper size, PO sheet and/or barcodes, a preview of the merged PDF, the printer, the day's history."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
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
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from station.lazada.models import PdfSize
from station.ui.actions import PrintChoice
from station.ui.printer import send_to_printer
from station.ui.ui_settings import UiSettings
from station.ui.worker import TaskRunner

log = logging.getLogger(__name__)


def size_label(size: PdfSize) -> str:
    return {
        PdfSize.A4: QCoreApplication.translate("size", "A4 (PO sheet)"),
        PdfSize.LABEL_60X30: QCoreApplication.translate("size", "60x30 mm label"),
        PdfSize.LABEL_100X150: QCoreApplication.translate("size", "100x150 mm label"),
    }[size]

@dataclass(frozen=True)
class HistoryEntry:
    at: str  # ISO time
    pdf: str
    size: str
    pages: int
    pos: list[str]


class PrintHistory:
    """The day's prints, kept in a JSON file beside the PDFs so a restart can still reprint."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / f"history-{datetime.now():%Y-%m-%d}.json"
        self.entries: list[HistoryEntry] = []
        try:
            self.entries = [HistoryEntry(**e) for e in json.loads(self.path.read_text("utf-8"))]
        except (OSError, ValueError, TypeError):
            self.entries = []

    def add(self, entry: HistoryEntry) -> None:
        self.entries.append(entry)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps([asdict(e) for e in self.entries], indent=1), "utf-8")
        except OSError as exc:
            log.warning("print history not saved: %s", exc)


class PrintPanel(QWidget):
    print_requested = Signal()  # print the chosen POs with the current choice
    sent = Signal(int)  # pages sent to the printer
    failed = Signal(object)  # an exception, for the window's error bar

    def __init__(self, runner: TaskRunner, settings: UiSettings, history_dir: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.history = PrintHistory(history_dir)
        self.current_pdf: Path | None = None
        self.current_size: PdfSize | None = None
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
        self.printer_label = QLabel()
        self.send_button = QPushButton(self.tr("Send to printer"))
        self.send_button.setMinimumHeight(40)
        self.send_button.setEnabled(False)
        self.send_button.clicked.connect(self.send_current)
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setMinimumHeight(240)
        self.preview_label = QLabel(self.tr("No labels yet."))
        self.history_list = QListWidget()
        self.history_list.itemDoubleClicked.connect(self._open_history)
        self.reprint_button = QPushButton(self.tr("Reprint"))
        self.reprint_button.clicked.connect(self._reprint)

        choice = QGroupBox(self.tr("Labels"))
        choice_box = QVBoxLayout(choice)
        choice_row = QHBoxLayout()
        choice_row.addWidget(self.size_combo)
        choice_row.addWidget(self.po_sheet)
        choice_row.addWidget(self.barcodes)
        choice_row.addStretch(1)
        choice_box.addLayout(choice_row)
        choice_box.addWidget(self.print_button)
        self.preview_label.setWordWrap(True)
        self.printer_label.setWordWrap(True)
        send_row = QHBoxLayout()
        labels = QVBoxLayout()
        labels.addWidget(self.preview_label)
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
        history_layout.addWidget(self.reprint_button, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(preview)
        splitter.addWidget(history)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(choice)
        layout.addWidget(splitter, 1)
        for entry in self.history.entries:
            self._add_history_item(entry)
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
        name = self.settings.printer(size)
        self.printer_label.setText(self.tr("Printer: {name}").format(name=name) if name
                                   else self.tr("No printer set for {size}").format(size=size_label(size)))

    # ------------------------------------------------------------------ preview and history
    def show_pdf(self, pdf: Path, size: PdfSize, pos: list[str], pages: int, *, record: bool = True) -> None:
        self.current_pdf = pdf
        self.current_size = size
        self.document.close()
        self.document.load(str(pdf))
        self.preview_label.setText(self.tr("{pages} pages · {size} · {count} POs").format(
            pages=self.document.pageCount(), size=size_label(size), count=len(pos)))
        self.send_button.setEnabled(True)
        self._update_printer_label()
        if record:
            entry = HistoryEntry(datetime.now().astimezone().isoformat(timespec="seconds"), str(pdf), size.value,
                                 pages, pos)
            self.history.add(entry)
            self._add_history_item(entry)

    def _add_history_item(self, entry: HistoryEntry) -> None:
        at = datetime.fromisoformat(entry.at)
        first = entry.pos[0] if entry.pos else ""
        more = f" +{len(entry.pos) - 1}" if len(entry.pos) > 1 else ""
        text = self.tr("{time}  {size}  {pages} pages  {first}{more}").format(
            time=at.strftime("%H:%M"), size=size_label(PdfSize(entry.size)), pages=entry.pages, first=first,
            more=more)
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, entry)
        item.setToolTip(", ".join(entry.pos))
        self.history_list.insertItem(0, item)

    def _open_history(self, item: QListWidgetItem) -> None:
        entry = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(entry, HistoryEntry) and Path(entry.pdf).exists():
            self.show_pdf(Path(entry.pdf), PdfSize(entry.size), entry.pos, entry.pages, record=False)

    def _reprint(self) -> None:
        item = self.history_list.currentItem() or self.history_list.item(0)
        if item is not None:
            self._open_history(item)
            self.send_current()

    # ------------------------------------------------------------------ printing
    def send_current(self) -> None:
        if self.current_pdf is None or self.current_size is None:
            return
        pdf, name = self.current_pdf, self.settings.printer(self.current_size)
        self.send_button.setEnabled(False)
        self.runner.run(lambda: send_to_printer(pdf, name), self._sent, self._send_failed)

    def _sent(self, pages: int) -> None:
        self.send_button.setEnabled(True)
        log.info("sent %d pages to the printer", pages)
        self.sent.emit(pages)

    def _send_failed(self, exc: BaseException) -> None:
        self.send_button.setEnabled(True)
        self.failed.emit(exc)
