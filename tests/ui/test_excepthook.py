"""An exception nobody caught (in a slot, in a thread) is a message in the window and a logged traceback."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from station.lazada.errors import ServerError
from station.lazada.redact import SECRETS
from station.ui import excepthook
from station.ui.excepthook import ExceptHook
from station.ui.main_window import MainWindow

SECRET = "hook-secret-4242abcd"


@pytest.fixture
def hook() -> Iterator[ExceptHook]:
    installed = excepthook.install()
    yield installed
    excepthook.uninstall()


def boom() -> None:
    raise ZeroDivisionError(f"the total was divided by nothing ({SECRET})")


@pytest.mark.qt_no_exception_capture  # the station's hook, not pytest-qt's, gets the exception
def test_an_exception_in_a_slot_shows_in_the_error_bar_and_the_window_carries_on(
    window: MainWindow, hook: ExceptHook, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    SECRETS.add(SECRET)
    hook.attach(window.jit.view.error_bar.show_error)
    button = QPushButton("boom", window)
    button.clicked.connect(boom)
    with caplog.at_level(logging.ERROR, logger="station.ui.excepthook"):
        button.click()
        qtbot.waitUntil(window.jit.view.error_bar.isVisible, timeout=5_000)
    message = window.jit.view.error_bar.message.text()
    assert message.startswith("Something went wrong: the total was divided by nothing (***).")
    assert message.endswith("The details are in the log.")
    assert "Traceback" in window.jit.view.error_bar.detail.toPlainText()
    assert "in boom" in caplog.text and "ZeroDivisionError" in caplog.text
    assert SECRET not in caplog.text and SECRET not in window.jit.view.error_bar.detail.toPlainText()
    assert window.isVisible()
    window.jit.po_list.reload()  # still working
    qtbot.waitUntil(lambda: window.jit.view.model.rowCount() > 0, timeout=20_000)


def test_an_exception_in_a_thread_reaches_the_window(window: MainWindow, hook: ExceptHook, qtbot: QtBot) -> None:
    hook.attach(window.jit.view.error_bar.show_error)
    thread = threading.Thread(target=boom, name="printer-poll")
    thread.start()
    thread.join()
    qtbot.waitUntil(window.jit.view.error_bar.isVisible, timeout=5_000)  # carried to the window's thread
    assert window.jit.view.error_bar.message.text().startswith("Something went wrong: the total was divided")


def test_a_known_error_keeps_its_sentence(hook: ExceptHook) -> None:
    error = excepthook.operator_error(ServerError("HTTP 502"), "Traceback …")
    assert error.message == f"Something went wrong: {ServerError.operator_message} The details are in the log."


def test_before_the_window_a_message_box_says_it(hook: ExceptHook, qtbot: QtBot) -> None:
    hook.attach(None)
    try:
        raise KeyError("profile")
    except KeyError as exc:
        hook(type(exc), exc, exc.__traceback__)  # the hook called as Python would
    qtbot.waitUntil(lambda: hook.box is not None and hook.box.isVisible(), timeout=5_000)
    assert hook.box is not None
    assert hook.box.text() == "Something went wrong: 'profile'. The details are in the log."
    assert "KeyError" in hook.box.detailedText()
    again = hook.box
    try:
        raise KeyError("again")
    except KeyError as exc:
        hook(type(exc), exc, exc.__traceback__)
    QApplication.processEvents()
    assert hook.box is again  # one box at a time
    hook.box.done(QMessageBox.StandardButton.Ok)


def test_install_once(hook: ExceptHook) -> None:
    import sys

    assert excepthook.install() is hook
    assert sys.excepthook is hook and threading.excepthook == hook.thread_hook
