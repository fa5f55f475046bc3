"""An unexpected exception is an operator's message and a logged traceback, never a dead window.

:func:`install` puts :class:`ExceptHook` in ``sys.excepthook`` (an exception in a slot, a timer, a
virtual method: PySide reports them there) and ``threading.excepthook`` (a thread of the station's
own). The traceback goes to the log with every known secret masked (``SECRETS``, as the log's
filter does, but on the whole text, so the traceback survives); the operator sees "Something went
wrong: … The details are in the log." in the window's error bar, or in a message box while there
is no window yet (the first-run dialog). The window carries on.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from station.credentials import NoKeyringError
from station.lazada.errors import StationApiError
from station.lazada.redact import SECRETS
from station.ui.errors import OperatorError, describe_error

log = logging.getLogger(__name__)

SHORT = 160  # characters of the exception's text in the operator's sentence

Shower = Callable[[OperatorError], None]
SysHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def operator_error(exc: BaseException, details: str) -> OperatorError:
    """The sentence for an unexpected ``exc`` and, as its detail, the (redacted) traceback."""
    if isinstance(exc, StationApiError | NoKeyringError):  # one the station has a sentence for
        what = describe_error(exc).message
    else:
        text = SECRETS.redact(str(exc)).strip().splitlines()
        what = text[0] if text else type(exc).__name__
        if len(what) > SHORT:
            what = what[: SHORT - 1] + "…"
        if not what.endswith((".", "!", "?", "…")):
            what += "."
    message = QCoreApplication.translate("errors", "Something went wrong: {what} The details are in the log.")
    return OperatorError(message.format(what=what), details)


class _Relay(QObject):
    """Carries an error from whatever thread raised it to the window's thread (made there)."""

    raised = Signal(object)

    def __init__(self, hook: ExceptHook) -> None:
        super().__init__()
        self.hook = hook
        self.raised.connect(self.deliver)

    @Slot(object)
    def deliver(self, error: OperatorError) -> None:
        self.hook.show_now(error)


class ExceptHook:
    """``sys.excepthook`` and ``threading.excepthook`` for the window; see the module's text."""

    def __init__(self) -> None:
        self.show: Shower | None = None  # the window's error bar; None: a message box
        self.box: QMessageBox | None = None
        self.relay = _Relay(self)
        self.previous: SysHook = sys.excepthook
        self.previous_thread: Callable[[threading.ExceptHookArgs], object] = threading.excepthook

    def attach(self, show: Shower | None) -> None:
        """Show the errors through ``show`` (the window's error bar) from now on; None: a message box."""
        self.show = show

    # ---------------------------------------------------------------- the hooks
    def __call__(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            self.previous(kind, exc, tb)
            return
        self.report(exc, tb, "")

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return  # what threading does: a thread that exits is not an error
        name = args.thread.name if args.thread is not None else "?"
        self.report(args.exc_value, args.exc_traceback, f" in thread {name}")

    def report(self, exc: BaseException, tb: TracebackType | None, where: str) -> None:
        """Log the traceback (secrets masked) and show the operator's sentence; never raises."""
        try:
            text = SECRETS.redact("".join(traceback.format_exception(type(exc), exc, tb)))
            log.error("Unexpected error%s; the window carries on.\n%s", where, text.rstrip())
            self.relay.raised.emit(operator_error(exc, text))
        except Exception:  # the hook itself must not fail: fall back to what Python does
            with contextlib.suppress(Exception):  # nothing is left to tell
                self.previous(type(exc), exc, tb)

    # ---------------------------------------------------------------- on the window's thread
    def show_now(self, error: OperatorError) -> None:
        if self.show is not None:
            try:
                self.show(error)
                return
            except RuntimeError:  # the window is gone (its C++ side deleted)
                self.show = None
        if self.box is not None and self.box.isVisible():
            return  # one box at a time: the rest are in the log
        parent = QApplication.activeWindow()
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "Station",
            error.message,
            QMessageBox.StandardButton.Ok,
            parent if isinstance(parent, QWidget) else None,
        )
        box.setDetailedText(error.detail)
        box.show()
        self.box = box


_installed: ExceptHook | None = None


def install() -> ExceptHook:
    """Put the hook in place (once per process; the same hook again after that)."""
    global _installed
    if _installed is None:
        _installed = ExceptHook()
        sys.excepthook = _installed
        threading.excepthook = _installed.thread_hook
    return _installed


def uninstall() -> None:
    """Give Python its hooks back (tests)."""
    global _installed
    if _installed is not None:
        sys.excepthook = _installed.previous
        threading.excepthook = _installed.previous_thread
        _installed = None
