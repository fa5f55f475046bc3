"""Fixtures for the window tests: the real window on a running simulator, torn down with no thread left."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from station.demo import DEMO_CONTACT, connect_simulator
from station.simulator.server import SimulatorServer
from station.ui.app import keep_keys_quick
from station.ui.main_window import MainWindow, default_folders
from station.ui.ui_settings import UiSettings

WAIT_MS = 20_000


@pytest.fixture(autouse=True, scope="session")
def switch_interval_of_the_app() -> None:
    """The window runs with the GIL switch interval the app sets at its start (station.ui.app)."""
    keep_keys_quick()


@pytest.fixture
def settings() -> UiSettings:
    ui = UiSettings()
    ui.sounds = False
    ui.base.set_pickup_contact(ui.active_profile, DEMO_CONTACT)
    return ui


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path, settings: UiSettings) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []
    connections = []

    def build(sim: SimulatorServer, **options: Any) -> MainWindow:
        connection = connect_simulator(sim.url, read_timeout=10)
        connections.append(connection)
        options = {"first_poll_after": 0.3, "poll_interval": 0.3, "poll_ms": 60_000, "fast_poll_ms": 300, **options}
        window = MainWindow(connection, settings, default_folders(tmp_path / "data"), **options)
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(1580, 960)  # the offscreen screen is 800x600; the tests use a bench monitor's room
        window.show()
        return window

    yield build
    for window in windows:
        window.shutdown()
        assert window.runner.pool.activeThreadCount() == 0
        window.close()
    for connection in connections:
        connection.client.close()


@pytest.fixture
def window(make_window: Callable[..., MainWindow], sim: SimulatorServer, qtbot: QtBot) -> MainWindow:
    win = make_window(sim)
    with qtbot.waitSignal(win.jit.po_list.items_indexed, timeout=WAIT_MS):
        pass
    return win
