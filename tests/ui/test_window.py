"""The real window against the simulator: listing, filters, counts, items."""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from station.lazada.models import POQuery, POStatus
from station.simulator.server import SimulatorServer
from station.ui.main_window import MainWindow
from station.ui.po_model import ANNOUNCE_ROWS, Column


def to_pack(window: MainWindow) -> set[str]:
    """What the platform lists as To Pack over the window's date range, asked directly."""
    begin, _end = window.jit.view.filters.date_range()
    query = POQuery(
        datetime.combine(begin, time(0, 0)),
        window.connection.client.now() + timedelta(minutes=5),
        status=POStatus.TO_PACK,
    )
    return {po.purchase_order_no for po in window.connection.client.list_pos(query)}


def test_table_fills_with_to_pack_pos(window: MainWindow, sim: SimulatorServer) -> None:
    assert window.jit.view.proxy.rowCount() > 0
    shown = {po.purchase_order_no for po in window.jit.view.proxy.visible_pos()}
    assert shown == to_pack(window)
    assert window.jit.view.filters.chips[POStatus.TO_PACK].text().endswith(str(len(shown)))


def test_status_chips_and_store_filter(window: MainWindow, qtbot: QtBot) -> None:
    everything = window.jit.view.model.pos
    window.jit.view.filters.chips[None].click()
    assert window.jit.view.proxy.rowCount() == len(everything)
    counts = window.jit.view.proxy.status_counts()
    assert sum(counts.values()) == len(everything)
    assert window.jit.view.filters.chips[None].text().endswith(str(len(everything)))
    store = window.jit.view.model.stores()[0]
    window.jit.view.filters.store.setCurrentIndex(window.jit.view.filters.store.findData(store))
    shown = window.jit.view.proxy.visible_pos()
    assert shown and all(po.store_name == store for po in shown)
    assert len(shown) == sum(po.store_name == store for po in everything)
    window.jit.view.filters.chips[POStatus.TO_PACK].click()
    assert all(po.status is POStatus.TO_PACK and po.store_name == store for po in window.jit.view.proxy.visible_pos())


def test_sorting_by_quantity(window: MainWindow) -> None:
    window.jit.view.table.sortByColumn(Column.QUANTITY, Qt.SortOrder.DescendingOrder)
    quantities = [po.total_quantity for po in window.jit.view.proxy.visible_pos()]
    assert quantities == sorted(quantities, reverse=True)


def test_selecting_a_po_shows_its_items(window: MainWindow, qtbot: QtBot) -> None:
    no = window.jit.view.proxy.visible_pos()[0].purchase_order_no
    window.jit.po_list.select_numbers([no])
    qtbot.waitUntil(lambda: window.jit.view.items_panel.table.rowCount() > 0, timeout=10_000)
    assert window.jit.view.items_panel.current == no
    table = window.jit.view.items_panel.table
    titles = {cell.text() for cell in (table.item(r, 1) for r in range(table.rowCount())) if cell is not None}
    assert titles == {item.product_title for item in window.jit.po_list.items[no]}


def test_last_actions_of_a_big_batch_are_announced_in_spans(
    make_window: Callable[..., MainWindow], make_sim: Callable[..., SimulatorServer], qtbot: QtBot
) -> None:
    window = make_window(make_sim(pos=250, history=0))
    qtbot.waitUntil(lambda: window.jit.view.model.rowCount() == 250, timeout=30_000)
    model = window.jit.view.model
    numbers = [po.purchase_order_no for po in model.pos]
    assert len(numbers) > ANNOUNCE_ROWS
    spans: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, *_: spans.append((top.row(), bottom.row())))
    model.set_last_actions(dict.fromkeys(numbers, "packed"), datetime.now().astimezone())
    # the text is there at once; the view hears of it 100 rows at a time, one span per turn
    assert all(model.last_action(no) is not None for no in numbers)
    assert all(model.data(model.index(row, Column.LAST)) for row in range(len(numbers)))
    assert len(spans) == 1
    expected = -(-len(numbers) // ANNOUNCE_ROWS)
    qtbot.waitUntil(lambda: len(spans) == expected, timeout=5000)
    assert sorted({row for top, bottom in spans for row in (top, bottom)}) == sorted(
        {
            row
            for start in range(0, len(numbers), ANNOUNCE_ROWS)
            for row in (start, min(start + ANNOUNCE_ROWS, len(numbers)) - 1)
        }
    )
    # a new listing drops what was still to be announced (its row numbers mean other POs now)
    spans.clear()
    model.set_last_actions(dict.fromkeys(numbers, "shipped"), datetime.now().astimezone())
    model.set_pos(model.pos)
    QCoreApplication.processEvents()
    QCoreApplication.processEvents()
    assert len(spans) == 1


def test_a_new_listing_leaves_no_stale_cells_behind(
    make_window: Callable[..., MainWindow], make_sim: Callable[..., SimulatorServer], qtbot: QtBot
) -> None:
    """PySide keeps a wrapper for every cell appended to the model; a new listing must let go of
    the old ones. Wrappers that outlived their cells were handed out again for new Qt objects at
    the same addresses (``selectionModel()`` came back as a QStandardItem, or the process crashed)."""
    from PySide6.QtGui import QStandardItem
    from shiboken6 import Shiboken

    window = make_window(make_sim(pos=120, history=0))
    qtbot.waitUntil(lambda: window.jit.view.model.rowCount() == 120, timeout=30_000)
    model = window.jit.view.model
    listed = model.pos

    def cells() -> int:
        gc.collect()
        return sum(
            1
            for wrapper in Shiboken.getAllValidWrappers()
            if isinstance(wrapper, QStandardItem) and Shiboken.isValid(wrapper)
        )

    before = cells()
    header = window.jit.view.table.horizontalHeader()
    widths = [header.sectionSize(column) for column in Column]
    for _ in range(3):
        model.set_pos(listed)
    assert [header.sectionSize(column) for column in Column] == widths  # the columns stay as set
    assert cells() <= before  # the old 960 cells' wrappers are gone, not kept "valid"
    model.set_pos([])
    assert cells() <= before - 120 * len(Column)
    model.set_pos(listed)  # and the table still works
    assert model.rowCount() == 120 and model.columnCount() == len(Column)
    assert model.headerData(Column.STORE, Qt.Orientation.Horizontal) == "Store"
    assert model.data(model.index(0, Column.PO)) == listed[0].purchase_order_no
