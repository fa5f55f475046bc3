"""The views beside the JIT POs: a scan while the marketplace orders show goes to them."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from station.simulator.server import SimulatorServer
from station.ui.main_window import MainWindow

from .conftest import WAIT_MS
from .test_scan import scan


def test_a_scan_on_the_orders_view_selects_the_order(
    make_window: Callable[..., MainWindow], make_sim: Callable[..., SimulatorServer], qtbot: QtBot
) -> None:
    window = make_window(make_sim(orders=40))
    orders = window.views.orders
    with qtbot.waitSignal(orders.loaded, timeout=WAIT_MS):
        window.views.tabs.setCurrentWidget(orders)
    target = orders.model.orders[-1]
    assert scan(qtbot, window, orders.table, target.order_number) == [target.order_number, True]
    assert orders.selected_order_id() == target.order_id
    assert window.jit.view.banner.state == "ok"
    # an unknown code there says so and changes nothing
    assert scan(qtbot, window, orders.table, "999999999999") == ["999999999999", False]
    assert orders.selected_order_id() == target.order_id
    assert window.jit.view.banner.state == "fail"
    # back on the JIT POs, scans are theirs again
    window.views.tabs.setCurrentIndex(0)
    po = window.jit.view.model.po(0).purchase_order_no
    assert scan(qtbot, window, window.jit.view.table, po) == [po, True]
