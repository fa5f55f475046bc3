"""The Pickups view and the carton-label dialog (pytest-qt, on the real simulator and, for the
print itself, a real CUPS queue)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from station.connect import Connection
from station.demo import connect_simulator
from station.journal import Journal
from station.lazada.pickups import PickupLabelSize
from station.simulator.server import SimulatorServer
from station.ui.main_window import MainWindow
from station.ui.pickups.carton_dialog import CartonDialog
from station.ui.pickups.model import CARTONS, POS, REASON, STATUS
from station.ui.sound import Sound
from station.workflow.cartons import STEP_KIND
from station.workflow.jobs import JournalRef
from tests.printing.conftest import CupsTestServer, assert_pages
from tests.printing.conftest import cups_server as cups_server  # the fixtures
from tests.printing.conftest import scratch_queue as scratch_queue
from tests.test_pickups import _shipped_pickup

from .conftest import WAIT_MS
from .test_scan import scan


@pytest.fixture
def sim_defaults() -> dict[str, Any]:
    return {"pos": 8, "history": 0, "seed": 4, "pack_delay_min": 0.2, "pack_delay_max": 0.4, "pickup_step_seconds": 0.4}


@pytest.fixture
def shipped(sim: SimulatorServer, tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    conn: Connection = connect_simulator(sim.url, read_timeout=10)
    try:
        yield _shipped_pickup(conn, tmp_path / "ship")
    finally:
        conn.close()


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    store = Journal(tmp_path / "journal.sqlite3")
    yield store
    store.close()


def last_sound(window: MainWindow) -> Sound:
    return window.sounds.played[-1]


def _queries(sim: SimulatorServer) -> int:
    return int(sim.stats()["calls"].get("/pickup_order/query", 0))


def test_todays_pickups_move_on_until_final_then_polling_stops(
    make_window: Callable[..., MainWindow],
    sim: SimulatorServer,
    shipped: tuple[str, list[str]],
    journal: Journal,
    qtbot: QtBot,
) -> None:
    number, pos = shipped
    window = make_window(sim, journal=JournalRef(journal, "default"))
    view = window.views.pickups
    view.poll_ms = 150
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        window.views.tabs.setCurrentWidget(view)
    assert [line.pickup.pickup_order_no for line in view.model.lines] == [number]
    assert view.model.data(view.model.index(0, POS), Qt.ItemDataRole.ToolTipRole) == ", ".join(pos)
    shown = str(view.model.data(view.model.index(0, POS)))
    assert shown == pos[0] + (f" +{len(pos) - 1}" if len(pos) > 1 else "")
    assert "expected" in str(view.model.data(view.model.index(0, CARTONS)))
    qtbot.waitUntil(lambda: view.model.data(view.model.index(0, STATUS)) == "Completed", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not view.loading and not view.timer.isActive(), timeout=WAIT_MS)
    line = view.model.lines[0]
    assert line.pickup.order is not None and line.pickup.order.car_driver_name
    assert view.model.data(view.model.index(0, STATUS), Qt.ItemDataRole.ForegroundRole) is not None
    calls = _queries(sim)
    qtbot.wait(500)  # three poll intervals: a final pickup is not asked about again
    assert _queries(sim) == calls


def test_polling_is_bounded(
    make_window: Callable[..., MainWindow], make_sim: Callable[..., SimulatorServer], tmp_path: Path, qtbot: QtBot
) -> None:
    sim = make_sim(pickup_step_seconds=3600.0)  # never moves on while the test runs
    conn = connect_simulator(sim.url, read_timeout=10)
    try:
        number, _ = _shipped_pickup(conn, tmp_path / "ship")
    finally:
        conn.close()
    window = make_window(sim)
    view = window.views.pickups
    view.poll_ms, view.max_polls = 50, 3
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        window.views.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.polls == 3 and not view.timer.isActive() and not view.loading, timeout=WAIT_MS)
    calls = _queries(sim)
    qtbot.wait(300)
    assert _queries(sim) == calls and view.model.lines[0].pickup.pickup_order_no == number
    assert "not final" in view.status.text()
    # Refresh while a read is under way: done after it, not dropped; polling starts over
    view.refresh()
    view.refresh()
    assert view.refresh_wanted
    qtbot.waitUntil(lambda: not view.loading and not view.refresh_wanted and view.timer.isActive(), timeout=WAIT_MS)
    assert view.polls == 1


def test_a_scanned_pickup_number_is_shown_in_the_pickups_view(
    make_window: Callable[..., MainWindow], sim: SimulatorServer, shipped: tuple[str, list[str]], qtbot: QtBot
) -> None:
    number, _ = shipped
    window = make_window(sim)
    with qtbot.waitSignal(window.jit.po_list.items_indexed, timeout=WAIT_MS):
        pass
    view = window.views.pickups
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        assert scan(qtbot, window, window.jit.view.table, number) == [number, True]
    assert window.views.tabs.currentWidget() is view
    assert view.selected_number() == number
    assert last_sound(window) is Sound.OK
    # an unknown pickup order: said loudly, nothing selected anew
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS, raising=False):
        scan(qtbot, window, view.table, "PUO99999999999999")
    qtbot.waitUntil(lambda: window.jit.view.banner.state == "fail", timeout=WAIT_MS)
    assert view.selected_number() == number and last_sound(window) is Sound.FAIL
    assert "does not know pickup order PUO99999999999999" in view.status.text()  # said in the view too, in red
    assert "color" in view.status.styleSheet()
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):  # a read ending after it keeps it on the line
        view.refresh()
    assert "does not know pickup order PUO99999999999999" in view.status.text()
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):  # until Refresh is clicked
        view.refresh_button.click()
    assert "today" in view.status.text() and not view.status.styleSheet()
    # a PO scanned next: the JIT bench comes forward, its row selected there
    po = window.jit.view.proxy.visible_pos()[0].purchase_order_no
    assert scan(qtbot, window, view.table, po) == [po, True]
    assert window.views.tabs.currentWidget() is window.views.jit_bench
    assert window.jit.po_list.selected_numbers() == [po]


def _dialog(window: MainWindow, qtbot: QtBot, number: str) -> CartonDialog:
    view = window.views.pickups
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        window.views.tabs.setCurrentWidget(view)
    assert view.select(number)
    dialog = view.open_cartons()
    assert dialog is not None
    return dialog


def test_carton_dialog_without_a_printer_says_so(
    make_window: Callable[..., MainWindow],
    sim: SimulatorServer,
    shipped: tuple[str, list[str]],
    journal: Journal,
    qtbot: QtBot,
) -> None:
    number, _ = shipped
    window = make_window(sim, journal=JournalRef(journal, "default"))
    window.settings.carton_boxes = 4  # the bench's default
    dialog = _dialog(window, qtbot, number)
    assert dialog.boxes.value() == 4 and dialog.boxes.minimum() == 1 and dialog.boxes.maximum() == 100
    assert dialog.chosen_size is PickupLabelSize.LABEL_100X100
    dialog.print_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert "No printer is set for carton labels on the 100x100 mm label" in dialog.status.text()
    assert window.jit.view.banner.state == "fail" and last_sound(window) is Sound.FAIL
    assert [s for s in journal.steps() if s["kind"] == STEP_KIND] == []


def test_carton_dialog_prints_once_then_reprints(
    make_window: Callable[..., MainWindow],
    sim: SimulatorServer,
    shipped: tuple[str, list[str]],
    journal: Journal,
    qtbot: QtBot,
    cups_server: CupsTestServer,
    scratch_queue: str,
) -> None:
    number, _ = shipped
    window = make_window(sim, journal=JournalRef(journal, "default"))
    window.settings.print_backend = "cups"
    window.settings.set_carton_printer(PickupLabelSize.LABEL_100X100, scratch_queue)
    dialog = _dialog(window, qtbot, number)
    dialog.boxes.setValue(3)
    with qtbot.waitSignal(dialog.printed, timeout=WAIT_MS) as printed:
        dialog.print_button.click()
        assert dialog.busy and dialog.progress.isVisible() and not dialog.print_button.isEnabled()
    result = printed.args[0]
    text = dialog.status.text()  # "label(s)": the English plurals are the app's translator, not loaded here
    assert text.startswith("3 carton label") and text.endswith(f"of {number} sent to {scratch_queue}.")
    assert window.jit.view.banner.state == "ok" and last_sound(window) is Sound.OK
    assert result.job is not None
    assert_pages(cups_server.output_for(f"{result.file.stem}-{result.job.id}"), 3, (100.0, 100.0))
    view = window.views.pickups
    assert "3 labelled" in str(view.model.data(view.model.index(0, CARTONS)))
    assert window.settings.carton_boxes == 3
    # printing again is refused; Reprint prints again
    dialog.print_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert "already printed (3 cartons)" in dialog.status.text() and window.jit.view.banner.state == "fail"
    with qtbot.waitSignal(dialog.printed, timeout=WAIT_MS):
        dialog.reprint_button.click()
    assert [s["state"] for s in journal.steps() if s["kind"] == STEP_KIND] == ["done", "done"]
    dialog.reject()
    # the next dialog offers the number last used
    again = view.open_cartons()
    assert again is not None and again.boxes.value() == 3
    again.reject()
    assert view.model.data(view.model.index(0, REASON)) == ""
