"""The orders view: listing, scanning an order or tracking number, and scan to print end to end."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from station.lazada.orders import OrdersClient
from station.lazada.orders.flow import FlowResult
from station.simulator import SimulatorServer
from station.ui.orders_view import OrdersView

from .conftest import all_items, find_order, plain_pending


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None, f"no cell at {row}, {column}"
    return item.text()


LABEL_PT = (100 / 25.4 * 72, 150 / 25.4 * 72)


@pytest.fixture
def printed() -> list[bytes]:
    return []


@pytest.fixture
def view(qtbot: QtBot, oclient: OrdersClient, printed: list[bytes]) -> Iterator[OrdersView]:
    widget = OrdersView(oclient, print_pdf=printed.append, days=400)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.items_indexed, timeout=20_000):
        widget.reload()
    yield widget
    widget.runner.close()


def test_lists_orders_and_filters_by_status(qtbot: QtBot, view: OrdersView, sim: SimulatorServer) -> None:
    assert view.model.rowCount() == len(sim.orders.orders)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.status_filter.setCurrentIndex(view.status_filter.findData("pending"))
    assert 0 < view.model.rowCount() < len(sim.orders.orders)
    assert all("pending" in o.statuses for o in view.model.orders)


def test_scan_selects_by_order_number_or_tracking(view: OrdersView, sim: SimulatorServer) -> None:
    order = find_order(sim, lambda o: any(i.tracking for i in o.items))
    tracking = next(i.tracking for i in order.items if i.tracking)
    other = find_order(sim, plain_pending)
    assert view.handle_scan(str(other.order_id))
    assert view.selected_order_id() == str(other.order_id)
    assert view.items_table.rowCount() == len(other.items)
    assert view.handle_scan(tracking)
    assert view.selected_order_id() == str(order.order_id)
    assert not view.handle_scan("NOT-A-CODE")
    assert view.selected_order_id() == str(order.order_id)  # an unknown scan changes nothing


def test_scan_to_print_packs_prints_and_ships(
    qtbot: QtBot, view: OrdersView, sim: SimulatorServer, printed: list[bytes]
) -> None:
    order = find_order(sim, lambda o: plain_pending(o) and len(o.items) > 1)
    with qtbot.waitSignal(view.scan_printed, timeout=20_000) as blocker:
        assert view.scan_to_print(str(order.order_id))
    result: FlowResult = blocker.args[0]
    assert result.ok, result.lines()
    assert len(result.packed) == len(order.items)
    assert len(printed) == 1
    page = PdfReader(io.BytesIO(printed[0])).pages[0]
    assert float(page.mediabox.width) == pytest.approx(LABEL_PT[0], abs=0.5)
    assert float(page.mediabox.height) == pytest.approx(LABEL_PT[1], abs=0.5)
    tracking = order.items[0].tracking
    assert tracking and tracking in page.extract_text()
    assert all_items(order, lambda i: i.status == "ready_to_ship")
    statuses = {cell_text(view.items_table, r, 1) for r in range(view.items_table.rowCount())}
    assert statuses == {"Ready to ship"}
    steps = [cell_text(view.results_table, r, 0) for r in range(view.results_table.rowCount())]
    assert steps.count("Pack") == len(order.items) and "Print AWB" in steps and "Ready to ship" in steps
    # the new tracking number now selects the order too
    view.handle_scan(str(find_order(sim, plain_pending).order_id))
    assert view.handle_scan(tracking) and view.selected_order_id() == str(order.order_id)


def test_scan_to_print_unknown_code(view: OrdersView, printed: list[bytes]) -> None:
    assert not view.scan_to_print("NOPE")
    assert printed == []


def test_scan_to_print_reports_item_errors(
    qtbot: QtBot, view: OrdersView, sim: SimulatorServer, printed: list[bytes]
) -> None:
    order = find_order(sim, lambda o: plain_pending(o) and len(o.items) > 1)
    with sim.orders.lock:  # an item cancelled by the buyer after the list was read
        order.items[-1].status = "canceled"
    with qtbot.waitSignal(view.scan_printed, timeout=20_000) as blocker:
        assert view.scan_to_print(str(order.order_id))
    result: FlowResult = blocker.args[0]
    assert len(result.packed) == len(order.items) - 1  # the canceled item is not sent
    assert result.ok and len(printed) == 1
    assert order.items[-1].status == "canceled" and order.items[0].status == "ready_to_ship"


def test_buttons_show_per_item_results(
    qtbot: QtBot, view: OrdersView, sim: SimulatorServer, printed: list[bytes]
) -> None:
    order = find_order(sim, plain_pending)
    assert view.handle_scan(str(order.order_id))
    with qtbot.waitSignal(view.action_finished, timeout=10_000) as blocker:
        view.pack_button.click()
    assert blocker.args[0] == "pack" and all(row[2] for row in blocker.args[1])
    with qtbot.waitSignal(view.action_finished, timeout=10_000) as blocker:
        view.print_button.click()
    assert blocker.args[0] == "print" and len(printed) == 1
    with qtbot.waitSignal(view.action_finished, timeout=10_000) as blocker:
        view.rts_button.click()
    assert blocker.args[0] == "ready to ship" and all(row[2] for row in blocker.args[1])
    with qtbot.waitSignal(view.action_finished, timeout=10_000) as blocker:
        view.rts_button.click()
    assert not blocker.args[1][0][2]  # nothing packed any more: reported, not raised
    assert cell_text(view.results_table, 0, 2) == "Failed"
