"""The real window against the simulator: listing, filters, counts, items."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from station.lazada.models import POQuery, POStatus
from station.simulator.server import SimulatorServer
from station.ui.main_window import MainWindow
from station.ui.po_model import Column


def to_pack(window: MainWindow) -> set[str]:
    """What the platform lists as To Pack over the window's date range, asked directly."""
    begin, _end = window.filters.date_range()
    query = POQuery(datetime.combine(begin, time(0, 0)), window.client.now() + timedelta(minutes=5),
                    status=POStatus.TO_PACK)
    return {po.purchase_order_no for po in window.client.list_pos(query)}


def test_table_fills_with_to_pack_pos(window: MainWindow, sim: SimulatorServer) -> None:
    assert window.proxy.rowCount() > 0
    shown = {po.purchase_order_no for po in window.proxy.visible_pos()}
    assert shown == to_pack(window)
    assert window.filters.chips[POStatus.TO_PACK].text().endswith(str(len(shown)))


def test_status_chips_and_store_filter(window: MainWindow, qtbot: QtBot) -> None:
    everything = window.model.pos
    window.filters.chips[None].click()
    assert window.proxy.rowCount() == len(everything)
    counts = window.proxy.status_counts()
    assert sum(counts.values()) == len(everything)
    assert window.filters.chips[None].text().endswith(str(len(everything)))
    store = window.model.stores()[0]
    window.filters.store.setCurrentIndex(window.filters.store.findData(store))
    shown = window.proxy.visible_pos()
    assert shown and all(po.store_name == store for po in shown)
    assert len(shown) == sum(po.store_name == store for po in everything)
    window.filters.chips[POStatus.TO_PACK].click()
    assert all(po.status is POStatus.TO_PACK and po.store_name == store for po in window.proxy.visible_pos())


def test_sorting_by_quantity(window: MainWindow) -> None:
    window.table.sortByColumn(Column.QUANTITY, Qt.SortOrder.DescendingOrder)
    quantities = [po.total_quantity for po in window.proxy.visible_pos()]
    assert quantities == sorted(quantities, reverse=True)


def test_selecting_a_po_shows_its_items(window: MainWindow, qtbot: QtBot) -> None:
    no = window.proxy.visible_pos()[0].purchase_order_no
    window.select_numbers([no])
    qtbot.waitUntil(lambda: window.items_panel.table.rowCount() > 0, timeout=10_000)
    assert window.items_panel.current == no
    table = window.items_panel.table
    titles = {cell.text() for cell in (table.item(r, 1) for r in range(table.rowCount())) if cell is not None}
    assert titles == {item.product_title for item in window.items[no]}
