"""The shop's authorisation in the window, on a shop connected at the simulator: the warning a week
before it ends, an ended authorisation stopping work with a sentence and the button to connect again,
and Settings' "Connect shop…" (the first run's way in) with the tokens' life shown."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from station.connect import connect_profile
from station.credentials import CredentialStore
from station.lazada.models import TokenInfo
from station.shop_connect import Endpoints, connect_shop
from station.simulator.server import SimulatorServer
from station.ui.main_window import MainWindow, default_folders
from station.ui.settings_dialog import SettingsDialog
from station.ui.ui_settings import UiSettings
from tests.conftest import MemoryKeyring
from tests.test_shop_connect import CREDS, authorise, browse

from .browser import UrlRecorder, opened_urls
from .conftest import WAIT_MS

DAY = 86400.0
FREE_CALLBACK = "http://127.0.0.1:0/callback"


@pytest.fixture
def browser() -> Iterator[UrlRecorder]:
    with opened_urls() as recorder:
        recorder.then = lambda url: browse(url).raise_for_status()  # picks Choice, presses Authorise
        yield recorder


@pytest.fixture
def shop_window(
    qtbot: QtBot, tmp_path: Path, settings: UiSettings, isolated_environment: MemoryKeyring
) -> Iterator[Callable[[SimulatorServer], MainWindow]]:
    windows: list[MainWindow] = []

    def build(sim: SimulatorServer) -> MainWindow:
        connection = connect_profile("shop", gateway_url=sim.url, read_timeout=10)
        window = MainWindow(
            connection, settings, default_folders(tmp_path / "data"), profile="shop", poll_ms=60_000, fast_poll_ms=300
        )
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(1580, 960)
        window.show()
        assert window.token_watch is not None
        window.token_watch.callback = FREE_CALLBACK
        return window

    yield build
    for window in windows:
        window.shutdown()
        assert window.runner.pool.activeThreadCount() == 0
        assert window.connection.client.tokens.on_refused is None
        window.close()
        window.connection.close()


def connected(sim: SimulatorServer) -> TokenInfo:
    connect_shop(CREDS, CredentialStore("shop"), authorise(sim), Endpoints.simulator(sim.base_url))
    tokens = CredentialStore("shop").load_tokens()
    assert tokens is not None
    return tokens


def test_a_week_before_the_end_the_window_warns_and_connecting_again_clears_it(
    qtbot: QtBot,
    make_sim: Callable[..., SimulatorServer],
    shop_window: Callable[[SimulatorServer], MainWindow],
    browser: UrlRecorder,
) -> None:
    sim = make_sim(refresh_ttl_seconds=8 * DAY)
    tokens = connected(sim)
    window = shop_window(sim)
    watch, bar = window.token_watch, window.shop_bar
    assert watch is not None
    assert not bar.isVisible(), "eight days left: nothing to say yet"
    end = datetime.fromtimestamp(tokens.refresh_expires_at)
    watch.check(now=end - timedelta(days=6, hours=23))
    assert bar.isVisible() and not bar.ended and "d39e00" in bar.styleSheet()
    assert "authorisation ends" in bar.label.text() and bar.button.text() == "Connect shop again"
    assert watch.timer.isActive() and watch.timer.interval() == 24 * 3600 * 1000, "checked daily"

    watch.check(now=end + timedelta(minutes=1))
    assert bar.ended and "c62828" in bar.styleSheet()
    assert "authorise the app again" in bar.label.text() and "Traceback" not in bar.label.text()
    assert not window.jit.po_list.poll_timer.isActive(), "work stops"

    bar.button.click()
    dialog = watch.dialog
    assert dialog is not None and dialog.app_key.text() == CREDS.app_key
    with qtbot.waitSignal(watch.reconnected, timeout=WAIT_MS):
        dialog.connect_button.click()
    assert dialog.verdict.text() == "Ready for Choice purchase orders."
    assert not bar.isVisible() and window.jit.po_list.poll_timer.isActive()
    fresh = CredentialStore("shop").load_tokens()
    assert fresh is not None and window.connection.client.tokens.tokens == fresh != tokens


def test_a_refused_refresh_token_stops_work_with_the_sentence(
    qtbot: QtBot,
    make_sim: Callable[..., SimulatorServer],
    shop_window: Callable[[SimulatorServer], MainWindow],
) -> None:
    sim = make_sim(refresh_ttl_seconds=1.0)
    tokens = connected(sim)
    qtbot.waitUntil(lambda: time.time() > tokens.refresh_expires_at + 0.5, timeout=5000)
    # The station's copy still hopes (a clock behind, an authorisation withdrawn): the platform decides.
    hopeful = TokenInfo(tokens.access_token, tokens.refresh_token, time.time() - 1, time.time() + 3600)
    CredentialStore("shop").save_tokens(hopeful)
    window = shop_window(sim)
    bar = window.shop_bar
    qtbot.waitUntil(lambda: bar.ended, timeout=WAIT_MS)
    assert bar.label.text() == "The refresh token was refused; the shop must authorise the app again in Settings."
    assert bar.button.isVisible() and not window.jit.po_list.poll_timer.isActive()
    qtbot.waitUntil(lambda: window.jit.view.error_bar.isVisible(), timeout=WAIT_MS)
    assert "Traceback" not in window.jit.view.error_bar.message.text()


def test_the_first_run_connects_the_shop_and_carries_on(
    qtbot: QtBot, sim: SimulatorServer, browser: UrlRecorder, isolated_environment: MemoryKeyring
) -> None:
    ui = UiSettings()
    dialog = SettingsDialog(ui, first_run=True, endpoints=Endpoints.simulator(sim.base_url))
    qtbot.addWidget(dialog)
    dialog.show()
    section = dialog.shop_connect
    assert section.button.isVisible() and section.life.text() == "Not connected yet."
    assert not dialog.access_token.isVisible(), "tokens pasted by hand are the advanced way"
    section.advanced.click()
    assert dialog.access_token.isVisible() and dialog.refresh_token.isVisible()
    dialog.profile.setCurrentText("new-shop")
    dialog.app_key.setText(CREDS.app_key)
    dialog.app_secret.setText(CREDS.app_secret)
    section.callback = FREE_CALLBACK
    section.button.click()
    assert section.dialog is not None
    with qtbot.waitSignal(section.connected, timeout=WAIT_MS):
        section.dialog.connect_button.click()
    assert dialog.isVisible(), "the owner reads the verdict first"
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        section.dialog.reject()  # Close
    assert ui.active_profile == "new-shop"
    tokens = CredentialStore("new-shop").load_tokens()
    assert tokens is not None and dialog.access_token.text() == tokens.access_token
    assert "the authorisation ends" in section.life.text()
    for secret in (tokens.access_token, tokens.refresh_token, CREDS.app_secret):
        assert secret not in section.life.text()
