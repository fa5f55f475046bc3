"""Settings' label printers: per paper size, how its printer is fed (the PDF path or raw ZPL/TSPL) and how a
raw label printer is driven, with a test label that prints on a worker and says in words how it went.

The routes are kept by :mod:`station.printing.label_route` (``label_printers/<SIZE>/...``), read and written
through the window's settings (:meth:`UiSettings.route`), which keep the demo's own route in memory.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from station.lazada.models import PdfSize
from station.lazada.pickups import PickupLabelSize
from station.printing.calibration import MM_PER_INCH
from station.printing.calibration_print import CalibrationResult, CalibrationState, print_test_label, printer_label
from station.printing.cups import PrintError
from station.printing.label_route import PrinterRoute, PrintPath
from station.printing.label_settings import LabelPrinterSettings, Language, MediaSensing
from station.printing.raster import RESOLUTIONS, Rotation
from station.printing.spooler import cups_available
from station.ui.operator_text import QT_TRANSLATE_NOOP, translate_operator
from station.ui.ui_settings import UiSettings
from station.ui.worker import TaskRunner

C = "LabelPrinterBox"
# The sizes a label printer holds, by the name their route is kept under.
ROUTE_SIZES: tuple[tuple[str, str], ...] = (
    (PdfSize.LABEL_100X150.name, PdfSize.LABEL_100X150.display_name),
    (PdfSize.LABEL_60X30.name, PdfSize.LABEL_60X30.display_name),
    (PickupLabelSize.LABEL_100X100.name, PickupLabelSize.LABEL_100X100.display_name),
)
PATH_LABELS = {
    PrintPath.PDF: QT_TRANSLATE_NOOP("LabelPrinterBox", "PDF through the printer's driver"),
    PrintPath.CUPS_RAW: QT_TRANSLATE_NOOP("LabelPrinterBox", "ZPL/TSPL to a CUPS raw queue (the printer chosen above)"),
    PrintPath.SOCKET: QT_TRANSLATE_NOOP("LabelPrinterBox", "ZPL/TSPL to a network printer's port (9100)"),
    PrintPath.WINDOWS_RAW: QT_TRANSLATE_NOOP("LabelPrinterBox", "ZPL/TSPL through the Windows spooler in RAW mode"),
}
LANGUAGE_LABELS = {
    Language.ZPL: QT_TRANSLATE_NOOP("LabelPrinterBox", "ZPL (Zebra and compatibles)"),
    Language.TSPL: QT_TRANSLATE_NOOP("LabelPrinterBox", "TSPL (TSC, Xprinter, Gprinter)"),
}
MEDIA_LABELS = {
    MediaSensing.GAP: QT_TRANSLATE_NOOP("LabelPrinterBox", "Gap between labels"),
    MediaSensing.BLACK_MARK: QT_TRANSLATE_NOOP("LabelPrinterBox", "Black mark on the back"),
}
DARKNESS = {Language.ZPL: (-30, 30), Language.TSPL: (0, 15)}
SPEED = {Language.ZPL: (2, 14), Language.TSPL: (1, 12)}
MAX_OFFSET = 800  # dots: 10 cm at 203 dpi, far beyond any printer's drift


def paths_here() -> list[PrintPath]:
    """The paths this computer can take: CUPS raw queues where CUPS is, the RAW spooler on Windows."""
    paths = [PrintPath.PDF]
    if cups_available():
        paths.append(PrintPath.CUPS_RAW)
    paths.append(PrintPath.SOCKET)
    if sys.platform == "win32":
        paths.append(PrintPath.WINDOWS_RAW)
    return paths


def _own_or(spin: QSpinBox) -> int | None:
    """A spin box whose lowest value reads "printer's own": None there."""
    return None if spin.value() == spin.minimum() else spin.value()


class LabelPrinterBox(QGroupBox):
    """One paper size's route at a time (the size chosen at the top); every size's edits are kept until saved."""

    def __init__(
        self,
        settings: UiSettings,
        printer_for: Callable[[str], str],
        backend: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Label printers"), parent)
        self.settings = settings
        self._printer_for = printer_for  # the queue or Windows printer chosen for a size in Settings, now
        self._backend = backend
        self.routes = {size: settings.route(size) for size, _ in ROUTE_SIZES}
        self._loaded = dict(self.routes)
        self.runner = TaskRunner(self, max_threads=1)
        self._current = ROUTE_SIZES[0][0]
        self._build()
        self._show(self._current)

    # ------------------------------------------------------------------ widgets
    def _build(self) -> None:
        form = QFormLayout(self)
        self.paper = QComboBox()
        for name, shown in ROUTE_SIZES:
            self.paper.addItem(QCoreApplication.translate("size", shown), name)
        self.path = QComboBox()
        offered = paths_here()
        for path in PrintPath:
            if path in offered or any(route.path is path for route in self.routes.values()):
                self.path.addItem(QCoreApplication.translate(C, PATH_LABELS[path]), path.value)
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("192.168.1.50 or 192.168.1.50:9100"))
        self.language = QComboBox()
        for language, shown in LANGUAGE_LABELS.items():
            self.language.addItem(QCoreApplication.translate(C, shown), language.value)
        self.dpi = QComboBox()
        for dpi in RESOLUTIONS:
            self.dpi.addItem(self.tr("{dpi} dpi").format(dpi=dpi), dpi)
        self.width_mm, self.length_mm = self._mm_spin(), self._mm_spin()
        size_row = self._row(self.width_mm, QLabel("×"), self.length_mm)
        self.media = QComboBox()
        for media, shown in MEDIA_LABELS.items():
            self.media.addItem(QCoreApplication.translate(C, shown), media.value)
        self.gap_mm = self._mm_spin(0.0, 20.0)
        self.darkness, self.speed = QSpinBox(), QSpinBox()
        for spin in (self.darkness, self.speed):
            spin.setSpecialValueText(self.tr("printer's own"))
            spin.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.tr("printer's own")) + 60)
        self.speed.setSuffix(self.tr(" in/s"))
        self.upside_down = QCheckBox(self.tr("Labels come out upside down: turn them 180°"))
        self.rotation = QComboBox()
        for rotation in Rotation:
            self.rotation.addItem(self.tr("{degrees}° clockwise").format(degrees=rotation.value), rotation.value)
        self.offset_x, self.offset_y = QSpinBox(), QSpinBox()
        for spin in (self.offset_x, self.offset_y):
            spin.setRange(-MAX_OFFSET, MAX_OFFSET)
            spin.setSuffix(self.tr(" dots"))
            spin.valueChanged.connect(self._show_offset_mm)
        self.offset_mm = QLabel()
        self.test_button = QPushButton(self.tr("Print test label"))
        self.test_button.setToolTip(
            self.tr("Prints the calibration label (millimetre rulers, a barcode) with the settings shown here.")
        )
        self.test_button.clicked.connect(self.print_test_label)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextFormat(Qt.TextFormat.PlainText)
        self.test_result.setMinimumHeight(self.test_result.fontMetrics().lineSpacing() * 2 + 8)

        form.addRow(self.tr("Paper size"), self.paper)
        form.addRow(self.tr("Feed the printer"), self.path)
        form.addRow(self.tr("Network address"), self.address)
        form.addRow(self.tr("Printer language"), self.language)
        form.addRow(self.tr("Resolution"), self.dpi)
        form.addRow(self.tr("Label (across × along)"), size_row)
        form.addRow(self.tr("Label stock"), self._row(self.media, QLabel(self.tr("gap or mark")), self.gap_mm))
        form.addRow(self.tr("Darkness"), self._row(self.darkness))
        form.addRow(self.tr("Speed"), self._row(self.speed))
        form.addRow("", self.upside_down)
        form.addRow(self.tr("Turn pages onto the label"), self.rotation)
        self.offset_x.setToolTip(self.tr("More moves the print right, less moves it left."))
        self.offset_y.setToolTip(self.tr("More moves the print down, less moves it up."))
        form.addRow(
            self.tr("Offset (dots)"),
            self._row(QLabel("X"), self.offset_x, QLabel("Y"), self.offset_y, self.offset_mm),
        )
        form.addRow("", self._row(self.test_button))
        form.addRow("", self.test_result)
        self.paper.currentIndexChanged.connect(lambda _index: self._switch(str(self.paper.currentData())))
        self.path.currentIndexChanged.connect(self._enable)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.dpi.currentIndexChanged.connect(self._show_offset_mm)

    @staticmethod
    def _mm_spin(low: float = 10.0, high: float = 300.0) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setDecimals(1)
        spin.setSuffix(QCoreApplication.translate("LabelPrinterBox", " mm"))
        return spin

    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addStretch(1)
        return row

    # ------------------------------------------------------------------ form <-> route
    def _show(self, size: str) -> None:
        route = self.routes[size]
        label = route.label
        self.path.setCurrentIndex(max(0, self.path.findData(route.path.value)))
        self.address.setText(route.address)
        self.language.setCurrentIndex(max(0, self.language.findData(label.language.value)))
        self._language_changed()
        self.dpi.setCurrentIndex(max(0, self.dpi.findData(label.dpi)))
        self.width_mm.setValue(label.size_mm[0])
        self.length_mm.setValue(label.size_mm[1])
        self.media.setCurrentIndex(max(0, self.media.findData(label.media.value)))
        self.gap_mm.setValue(label.gap_mm)
        self.darkness.setValue(self.darkness.minimum() if label.darkness is None else label.darkness)
        self.speed.setValue(self.speed.minimum() if label.speed is None else label.speed)
        self.upside_down.setChecked(label.upside_down)
        self.rotation.setCurrentIndex(max(0, self.rotation.findData(label.rotation.value)))
        self.offset_x.setValue(label.offset_x)
        self.offset_y.setValue(label.offset_y)
        self._enable()
        self._show_offset_mm()

    def route(self) -> PrinterRoute:
        """The route as the form shows it now."""
        label = LabelPrinterSettings(
            language=Language(self.language.currentData()),
            dpi=int(self.dpi.currentData()),
            size_mm=(self.width_mm.value(), self.length_mm.value()),
            media=MediaSensing(self.media.currentData()),
            gap_mm=self.gap_mm.value(),
            darkness=_own_or(self.darkness),
            speed=_own_or(self.speed),
            upside_down=self.upside_down.isChecked(),
            rotation=Rotation(int(self.rotation.currentData())),
            offset_x=self.offset_x.value(),
            offset_y=self.offset_y.value(),
        )
        return PrinterRoute(PrintPath(self.path.currentData()), self.address.text().strip(), label)

    def _switch(self, size: str) -> None:
        self.routes[self._current] = self.route()
        self._current = size
        self._show(size)
        self.test_result.clear()

    def select(self, size: str) -> None:
        self.paper.setCurrentIndex(max(0, self.paper.findData(size)))

    def _language_changed(self) -> None:
        language = Language(self.language.currentData())
        for spin, ranges in ((self.darkness, DARKNESS), (self.speed, SPEED)):
            low, high = ranges[language]
            own = spin.value() == spin.minimum()
            spin.setRange(low - 1, high)  # one below the range: "printer's own"
            if own:
                spin.setValue(spin.minimum())

    def _enable(self) -> None:
        path = PrintPath(self.path.currentData())
        self.address.setEnabled(path is PrintPath.SOCKET)
        raw_only: tuple[QWidget, ...] = (self.language, self.width_mm, self.length_mm, self.media, self.gap_mm)
        raw_only += (self.darkness, self.speed, self.upside_down, self.rotation, self.offset_x, self.offset_y)
        for widget in raw_only:  # the PDF path: the driver's own settings do all this
            widget.setEnabled(path.is_raw)

    def _show_offset_mm(self) -> None:
        per_mm = int(self.dpi.currentData() or 203) / MM_PER_INCH
        self.offset_mm.setText(
            self.tr("= {x} mm, {y} mm").format(
                x=f"{self.offset_x.value() / per_mm:.2f}", y=f"{self.offset_y.value() / per_mm:.2f}"
            )
        )

    # ------------------------------------------------------------------ save
    def save(self) -> None:
        """Remember every size's route that changed (the demo's in memory only: see ``UiSettings``)."""
        self.routes[self._current] = self.route()
        for size, route in self.routes.items():
            if route != self._loaded[size]:
                self.settings.set_route(size, route)
                self._loaded[size] = route

    # ------------------------------------------------------------------ the test label
    def print_test_label(self) -> None:
        route = self.route()
        size = self._current
        printer = self._printer_for(size)
        if route.path is PrintPath.SOCKET:
            try:
                route.host_port()
            except ValueError:
                route = replace(route, address="")
            if not route.address:
                self._said(self.tr("Type the printer's network address first (192.168.1.50 or 192.168.1.50:9100)."))
                return
        elif not printer:
            self._said(self.tr("Choose the printer for this paper size above first."))
            return
        name = printer_label(route, printer)
        backend = self._backend()
        self.test_button.setEnabled(False)
        self._said(self.tr("Printing the test label on '{printer}'…").format(printer=name), ok=None)
        self.runner.run(lambda: _print_in_a_folder(route, printer, backend), self._printed, self._failed)

    def _printed(self, result: CalibrationResult) -> None:
        self.test_button.setEnabled(True)
        if result.state is CalibrationState.PRINTED:
            self._said(
                self.tr(
                    "The test label printed on '{printer}'. Check where the millimetre marks fall; change the "
                    "offset or darkness, print again, then Save."
                ).format(printer=result.printer),
                ok=True,
            )
        elif result.problem is not None:
            self._said(translate_operator(result.problem))
        else:
            self._said(
                self.tr(
                    "The test label went to '{printer}'; its spooler does not say when it prints. Look at the printer."
                ).format(printer=result.printer),
                ok=None,
            )

    def _failed(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        if isinstance(error, PrintError):
            self._said(translate_operator(error.problem))
        else:
            self._said(self.tr("The test label could not be printed: {error}").format(error=error))

    def _said(self, text: str, ok: bool | None = False) -> None:
        colour = {True: "#166534", False: "#c62828", None: "#374151"}[ok]
        self.test_result.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.test_result.setText(text)

    def shutdown(self) -> None:
        """When the dialog closes: a test label still printing is waited for."""
        self.runner.close()


def _print_in_a_folder(route: PrinterRoute, printer: str, backend: str) -> CalibrationResult:
    """On the worker: the label's files live as long as the print (the spoolers have copied them by then)."""
    with tempfile.TemporaryDirectory(prefix="station-calibration-") as folder:
        return print_test_label(route, printer, Path(folder), backend=backend)
