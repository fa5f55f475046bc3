"""What a label printer printed, for the demo: its labels as images, newest first.

The demo's virtual label printer (started by :func:`station.ui.app.start_demo_label_printer`) renders what it
received back into dots; this shows them, so that a demo run ends in labels one can look at (and scan off the
screen). The window knows the printer only through :class:`PrintedLabels`: no simulator is imported here.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.printing.raster import MonoPage

POLL_MS = 500  # how often the count is looked at: a lock and an int
SHOWN = 24  # the newest labels shown
THUMB = QSize(280, 420)  # a 100x150 mm label at about a third of its dots


class PrintedLabels(Protocol):
    """A printer whose output can be looked at (the demo's virtual label printer)."""

    @property
    def address(self) -> str: ...

    @property
    def printed(self) -> int: ...

    def pages(self) -> list[MonoPage]:
        """Newest first."""

    def stop(self) -> None: ...


class LabelViewer(QDialog):
    """The labels the printer printed, newest first, as it prints them."""

    def __init__(self, source: PrintedLabels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.setWindowTitle(self.tr("What the label printer printed"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.labels = QListWidget()
        self.labels.setViewMode(QListView.ViewMode.IconMode)
        self.labels.setFlow(QListView.Flow.LeftToRight)
        self.labels.setWrapping(True)
        self.labels.setResizeMode(QListView.ResizeMode.Adjust)
        self.labels.setMovement(QListView.Movement.Static)
        self.labels.setIconSize(THUMB)
        self.labels.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 48))  # three across in 1000 pixels
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.labels, 1)
        layout.addWidget(buttons)
        self.resize(1000, 640)
        self._shown = -1
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(POLL_MS)
        self.refresh()

    def refresh(self) -> None:
        printed = self.source.printed
        if printed == self._shown:
            return
        self._shown = printed
        self.summary.setText(
            self.tr("%n label(s) printed by the virtual label printer at {address}. Newest first.", "", printed).format(
                address=self.source.address
            )
            if printed
            else self.tr(
                "Nothing printed yet. Labels of 100x150 mm go to the virtual label printer at {address}: print "
                "some from the Print tab."
            ).format(address=self.source.address)
        )
        self.labels.clear()
        for number, page in zip(range(printed, 0, -1), self.source.pages()[:SHOWN], strict=False):
            image = page.to_qimage()
            pixmap = QPixmap.fromImage(image).scaled(
                THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            painter = QPainter(pixmap)  # the label's edge: white stock on a white list
            painter.setPen(QColor("#9ca3af"))
            painter.drawRect(0, 0, pixmap.width() - 1, pixmap.height() - 1)
            painter.end()
            item = QListWidgetItem(QIcon(pixmap), self.tr("Label {number}").format(number=number))
            item.setData(Qt.ItemDataRole.UserRole, number)
            item.setToolTip(self.tr("{width} x {height} dots").format(width=page.width, height=page.height))
            self.labels.addItem(item)


class LabelViewerButton(QPushButton):
    """In the demo's status bar: how many labels the virtual printer printed; opens the viewer."""

    def __init__(self, source: PrintedLabels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.viewer: LabelViewer | None = None
        self.clicked.connect(self.open_viewer)
        self._count = -1
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._update)
        self.timer.start(POLL_MS)
        self._update()

    def _update(self) -> None:
        printed = self.source.printed
        if printed != self._count:
            self._count = printed
            self.setText(self.tr("Label printer (demo): %n label(s) printed", "", printed))

    def open_viewer(self) -> None:
        if self.viewer is None:
            self.viewer = LabelViewer(self.source, self.window())
        if self.viewer.isVisible():
            self.viewer.raise_()  # behind the window: in front again
        else:
            self.viewer.show()


def add_label_viewer(window: QMainWindow, source: PrintedLabels) -> LabelViewerButton:
    """The demo's button in ``window``'s status bar."""
    button = LabelViewerButton(source, window)
    window.statusBar().addPermanentWidget(button)
    return button
