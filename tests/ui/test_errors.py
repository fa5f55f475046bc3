"""Errors reach the operator as a sentence, with the detail one click away, and the log shows them."""

from __future__ import annotations

import logging
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from station.lazada.errors import ServerError
from station.lazada.redact import SECRETS
from station.simulator.server import SimulatorServer
from station.ui.main_window import MainWindow
from tests.support import set_faults


def test_platform_errors_show_the_operator_sentence(window: MainWindow, qtbot: QtBot, sim: SimulatorServer) -> None:
    set_faults(sim.base_url, error_rate=1.0)
    window.jit.po_list.reload()
    qtbot.waitUntil(lambda: window.jit.view.error_bar.isVisible(), timeout=30_000)
    assert window.jit.view.error_bar.message.text() == ServerError.operator_message
    assert not window.jit.view.error_bar.detail.isVisible()
    window.jit.view.error_bar.details_button.click()
    assert window.jit.view.error_bar.detail.isVisible()
    assert window.jit.view.error_bar.detail.toPlainText()
    assert ServerError.operator_message in window.log_view.text.toPlainText()
    set_faults(sim.base_url, error_rate=0.0)
    window.jit.view.error_bar.close_button.click()
    assert not window.jit.view.error_bar.isVisible()


def test_secrets_never_reach_the_log_view(window: MainWindow, qtbot: QtBot) -> None:
    SECRETS.add("SuperSecretValue123")
    logging.getLogger("station.test").error("oops SuperSecretValue123")
    qtbot.waitUntil(lambda: "oops ***" in window.log_view.text.toPlainText(), timeout=5_000)
    assert "SuperSecretValue123" not in window.log_view.text.toPlainText()


def test_a_scan_is_answered_when_the_first_listing_failed(
    make_window: Callable[..., MainWindow], sim: SimulatorServer, qtbot: QtBot
) -> None:
    """No listing, so no product barcodes to wait for: a scan still gets its answer."""
    set_faults(sim.base_url, error_rate=1.0)
    window = make_window(sim)
    qtbot.waitUntil(lambda: window.jit.view.error_bar.isVisible(), timeout=30_000)
    assert window.jit.po_list.barcodes_ready
    with qtbot.waitSignal(window.scan.handled, timeout=30_000) as blocker:
        window.scan.on_scan("POJ0000000000000001")
    assert blocker.args == ["POJ0000000000000001", False]  # the lookup failed too, and said so
    assert window.jit.view.banner.state == "fail"
    set_faults(sim.base_url, error_rate=0.0)
