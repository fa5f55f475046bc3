"""The PO table's columns: as wide as their contents, fitted to a 1366-pixel bench laptop without
sideways scrolling, and kept as the operator drags them (across starts)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from station.lazada.models import POStatus
from station.simulator.server import SimulatorServer
from station.ui.column_fit import CELL_PADDING, shared_prefix, without_prefix
from station.ui.main_window import MainWindow
from station.ui.po_model import Column, status_label
from station.ui.ui_settings import UiSettings

WAIT = 20_000


def listed(
    make_window: Callable[..., MainWindow], sim: SimulatorServer, qtbot: QtBot, size: tuple[int, int]
) -> MainWindow:
    window = make_window(sim)
    window.resize(*size)
    with qtbot.waitSignal(window.jit.po_list.items_indexed, timeout=WAIT):
        pass
    qtbot.waitUntil(lambda: window.jit.view.table.viewport().width() > size[0] // 2, timeout=WAIT)
    window.jit.view.fit_columns()
    window.jit.view.filters.set_status(None)  # every status shown
    return window


def widths(window: MainWindow) -> list[int]:
    header = window.jit.view.table.horizontalHeader()
    return [header.sectionSize(c) for c in range(header.count())]


def test_everything_fits_a_1366_laptop_with_no_sideways_scrolling(
    make_window: Callable[..., MainWindow], sim: SimulatorServer, qtbot: QtBot
) -> None:
    window = listed(make_window, sim, qtbot, (1366, 768))
    assert sum(widths(window)) <= window.jit.view.table.viewport().width()
    metrics = window.jit.view.table.fontMetrics()
    sizes = widths(window)
    # Whole: every PO number, every working status, every time the station did something.
    for po in window.jit.view.model.pos:
        assert metrics.horizontalAdvance(po.purchase_order_no) + CELL_PADDING <= sizes[Column.PO]
    for status in (POStatus.TO_PACK, POStatus.READY_TO_SHIP, POStatus.TO_PUT_AWAY):
        assert metrics.horizontalAdvance(status_label(status)) + CELL_PADDING <= sizes[Column.STATUS]
    # A store's own part of its name stays whole ("…Cebu Store"); the whole name is in the tooltip.
    prefix = shared_prefix(window.jit.view.model.stores())
    for row in range(window.jit.view.model.rowCount()):
        cell = window.jit.view.model.item(row, Column.STORE)
        po = window.jit.view.model.po(row)
        assert cell.text() in (po.store_name, without_prefix(po.store_name, prefix))
        assert po.store_name in cell.toolTip()
        assert metrics.horizontalAdvance(cell.text()) + CELL_PADDING <= sizes[Column.STORE]


def test_on_a_wide_screen_names_are_whole(
    make_window: Callable[..., MainWindow], sim: SimulatorServer, qtbot: QtBot
) -> None:
    window = listed(make_window, sim, qtbot, (1920, 1080))
    for row in range(window.jit.view.model.rowCount()):
        po = window.jit.view.model.po(row)
        assert window.jit.view.model.item(row, Column.STORE).text() == po.store_name
        assert window.jit.view.model.item(row, Column.WAREHOUSE).text() == po.store_code
    metrics = window.jit.view.table.fontMetrics()
    assert all(
        metrics.horizontalAdvance(status_label(s)) + CELL_PADDING <= widths(window)[Column.STATUS] for s in POStatus
    )


def test_a_column_dragged_keeps_its_width_and_is_remembered(
    make_window: Callable[..., MainWindow], sim: SimulatorServer, qtbot: QtBot, settings: UiSettings
) -> None:
    window = listed(make_window, sim, qtbot, (1920, 1080))
    header = window.jit.view.table.horizontalHeader()
    edge = header.sectionViewportPosition(Column.PO) + header.sectionSize(Column.PO) - 1
    y = header.height() // 2
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(edge, y))
    QTest.mouseMove(header.viewport(), QPoint(edge + 60, y))
    QTest.mouseRelease(
        header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(edge + 60, y)
    )
    dragged = header.sectionSize(Column.PO)
    assert dragged > widths(window)[Column.STORE] // 2  # it did move
    window.jit.po_list.reload()  # a new listing does not undo the operator's width
    with qtbot.waitSignal(window.jit.po_list.loaded, timeout=WAIT):
        pass
    assert header.sectionSize(Column.PO) == dragged
    window.shutdown()
    again = listed(make_window, sim, qtbot, (1920, 1080))  # the next start
    assert again.jit.view.table.horizontalHeader().sectionSize(Column.PO) == dragged
