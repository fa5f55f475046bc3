"""The log, viewable in the app: a logging handler feeds a read-only view, secrets masked."""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from station.lazada.redact import RedactingFilter

MAX_LINES = 5000


class _Emitter(QObject):
    line = Signal(int, str)


class QtLogHandler(logging.Handler):
    """Thread-safe: records from any thread reach the view through a queued signal."""

    def __init__(self, level: int = logging.INFO) -> None:
        super().__init__(level)
        self.emitter = _Emitter()
        self.addFilter(RedactingFilter())
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s", "%H:%M:%S"))

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(RuntimeError):  # the view is gone (shutdown)
            self.emitter.line.emit(record.levelno, self.format(record))


class LogView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.handler = QtLogHandler()
        self.handler.emitter.line.connect(self._append)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setMaximumBlockCount(MAX_LINES)
        self.text.setFont(QFont("Monospace", 10))
        self.level = QComboBox()
        for name, value in (("INFO", logging.INFO), ("DEBUG", logging.DEBUG), ("WARNING", logging.WARNING)):
            self.level.addItem(name, value)
        self.level.currentIndexChanged.connect(lambda _i: self.handler.setLevel(int(self.level.currentData())))
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.text.clear)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.level)
        top.addStretch(1)
        top.addWidget(clear)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text)

    def attach(self, logger: logging.Logger | None = None) -> None:
        target = logger or logging.getLogger()
        if target.level > logging.INFO or target.level == logging.NOTSET:
            target.setLevel(logging.INFO)
        target.addHandler(self.handler)

    def detach(self, logger: logging.Logger | None = None) -> None:
        (logger or logging.getLogger()).removeHandler(self.handler)

    def _append(self, level: int, line: str) -> None:
        if level >= logging.ERROR:
            self.text.appendHtml(f'<span style="color:#c62828">{_escape(line)}</span>')
        else:
            self.text.appendPlainText(line)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
