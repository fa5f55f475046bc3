"""The carton-label dialog: how many cartons (1-100) and which size, then print (or reprint) on a
worker through the workflow (:mod:`station.workflow.cartons`), with progress and a clear answer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from station.lazada.errors import StationApiError
from station.lazada.pickups import BOXES_MAX, PickupLabelSize
from station.ui.errors import describe_error
from station.ui.feedback import Feedback
from station.ui.sound import Sound
from station.ui.ui_settings import UiSettings
from station.ui.worker import ProgressEmit, TaskRunner
from station.workflow.cartons import CartonLabels, CartonRequest, CartonResult

OK_STYLE = "color: #1b7f3b; font-weight: bold;"
FAIL_STYLE = "color: #b00020; font-weight: bold;"


def size_name(size: PickupLabelSize) -> str:
    return QCoreApplication.translate("size", size.display_name)


class CartonDialog(QDialog):
    printed = Signal(object)  # CartonResult

    def __init__(
        self,
        pickup_order_no: str,
        cartons: CartonLabels,
        runner: TaskRunner,
        settings: UiSettings,
        feedback: Feedback | None = None,
        *,
        boxes: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``boxes``: the number to offer (the last one used); else the bench's default (Settings)."""
        super().__init__(parent)
        self.number, self.cartons, self.runner = pickup_order_no, cartons, runner
        self.settings, self.feedback = settings, feedback
        self.busy = False
        self.setWindowTitle(self.tr("Carton labels · {no}").format(no=pickup_order_no))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("One label for each carton the driver takes: box 1 of N to N of N."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.addRow(self.tr("Pickup order"), QLabel(pickup_order_no))
        self.boxes = QSpinBox()
        self.boxes.setRange(1, BOXES_MAX)
        self.boxes.setValue(max(1, min(BOXES_MAX, boxes if boxes is not None else settings.carton_boxes)))
        form.addRow(self.tr("Cartons"), self.boxes)
        self.size_combo = QComboBox()
        for size in (PickupLabelSize.LABEL_100X100, PickupLabelSize.A4):
            self.size_combo.addItem(size_name(size), size)
        self.size_combo.setCurrentIndex(max(0, self.size_combo.findData(settings.carton_size)))
        form.addRow(self.tr("Size"), self.size_combo)
        layout.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the steps have no fraction to show
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.print_button = QPushButton(self.tr("Print"))
        self.print_button.setDefault(True)
        self.reprint_button = QPushButton(self.tr("Reprint"))
        self.reprint_button.setToolTip(self.tr("Print these labels again, although they were printed"))
        close = QPushButton(self.tr("Close"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.reprint_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(lambda: self.start(reprint=False))
        self.reprint_button.clicked.connect(lambda: self.start(reprint=True))
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.carton_result: CartonResult | None = None

    @property
    def chosen_size(self) -> PickupLabelSize:
        return PickupLabelSize(self.size_combo.currentData())

    def start(self, *, reprint: bool) -> None:
        if self.busy:
            return
        self.busy = True
        self._enable(False)
        self.progress.setVisible(True)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Asking the platform for the labels…"))
        request = CartonRequest(self.number, self.boxes.value(), self.chosen_size, reprint)
        cartons = self.cartons

        def work(emit: ProgressEmit) -> CartonResult:
            return cartons.make(request, progress=emit)

        self.runner.run_with_progress(work, self._done, self._failed, self._step)

    def _step(self, step: str) -> None:
        texts = {
            "downloading": self.tr("Downloading the labels…"),
            "printing": self.tr("Sending to the printer…"),
            "writing": self.tr("Writing the labels…"),
        }
        self.status.setText(texts.get(step, self.status.text()))

    def _enable(self, on: bool) -> None:
        for widget in (self.print_button, self.reprint_button, self.boxes, self.size_combo):
            widget.setEnabled(on)

    def _finish(self) -> None:
        self.busy = False
        self._enable(True)
        self.progress.setVisible(False)

    def _done(self, result: CartonResult) -> None:
        self._finish()
        self.carton_result = result
        self.settings.carton_boxes = result.boxes  # the number offered next time
        self.settings.carton_size = result.size
        text = self.tr("%n carton label(s) of {no} sent to {printer}.", "", result.boxes).format(
            no=result.pickup_order_no, printer=result.target
        )
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(text)
        if self.feedback is not None:
            self.feedback.flash(text, True)
            self.feedback.play(Sound.OK)
        self.printed.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        message = describe_error(exc).message
        self.status.setStyleSheet(FAIL_STYLE)
        self.status.setText(message)
        if isinstance(exc, StationApiError) and exc.problem.kind == "carton.already_printed":
            self.reprint_button.setFocus()
        if self.feedback is not None:
            self.feedback.flash(message, False)
            self.feedback.play(Sound.FAIL)

    def reject(self) -> None:
        if not self.busy:  # a print under way finishes first: its answer must be seen
            super().reject()
