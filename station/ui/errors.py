"""Errors shown as the sentence an operator understands, with the detail one click away."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from station.credentials import NoKeyringError
from station.lazada.errors import StationApiError
from station.ui.operator_text import translate_problem


@dataclass(frozen=True)
class OperatorError:
    message: str  # the sentence
    detail: str  # for the Details expander and the log


def describe_error(exc: BaseException) -> OperatorError:
    """The one place that turns any exception into what the window shows."""
    if isinstance(exc, StationApiError):
        return OperatorError(translate_problem(exc.problem), exc.describe())
    if isinstance(exc, NoKeyringError):
        return OperatorError(translate_problem(exc.problem), type(exc).__name__)
    if isinstance(exc, OSError):
        return OperatorError(
            QCoreApplication.translate(
                "errors", "A file or the network could not be used. Check the disk and the connection, then try again."
            ),
            f"{type(exc).__name__}: {exc}",
        )
    return OperatorError(
        QCoreApplication.translate(
            "errors", "Something unexpected went wrong. Try again; if it persists, send the log to support."
        ),
        f"{type(exc).__name__}: {exc}",
    )


class ErrorBar(QFrame):
    """A red bar across the window: the sentence, a Details toggle and a close button. Never modal."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ErrorBar")
        self.setStyleSheet(
            "#ErrorBar { background: #fdecea; border: 2px solid #c62828; border-radius: 6px; }"
            "#ErrorBar QLabel { color: #8e0000; font-weight: bold; }"
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.details_button = QPushButton(self.tr("Details"))
        self.details_button.setCheckable(True)
        self.close_button = QPushButton(self.tr("Dismiss"))
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(110)
        self.detail.hide()
        top = QHBoxLayout()
        top.addWidget(self.message, 1)
        top.addWidget(self.details_button)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(top)
        layout.addWidget(self.detail)
        self.details_button.toggled.connect(self.detail.setVisible)
        self.close_button.clicked.connect(self._dismiss)
        self.hide()

    def show_error(self, error: OperatorError | BaseException) -> None:
        if isinstance(error, BaseException):
            error = describe_error(error)
        self.message.setText(error.message)
        self.detail.setPlainText(error.detail)
        self.details_button.setVisible(bool(error.detail))
        self.details_button.setChecked(False)
        self.show()

    def _dismiss(self) -> None:
        self.hide()
        self.closed.emit()
