"""A run whose pickup date the platform refuses: the window offers the dates it allows, and Enter
ships the refused POs again with the first of them, each once."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from station.demo import DEMO_CONTACT
from station.simulator import region_timezone
from station.simulator.server import SimulatorServer
from station.ui.main_window import MainWindow
from station.ui.pickup_date_dialog import PickupDateDialog
from station.ui.sound import Sound
from station.ui.ui_settings import UiSettings
from station.workflow.jobs import Job, JobResult

WAIT = 30_000
SHIP_PATH = "/jit/purchase_order/batch_pickup_deliver"


def finish(qtbot: QtBot, window: MainWindow, start: Callable[[], object]) -> JobResult:
    with qtbot.waitSignal(window.jit.batches.job_finished, timeout=WAIT) as blocker:
        start()
    assert blocker.args is not None
    result = blocker.args[0]
    assert isinstance(result, JobResult)
    return result


def test_a_refused_pickup_date_is_offered_the_allowed_ones_and_enter_ships_again(
    make_window: Callable[..., MainWindow], sim: SimulatorServer, settings: UiSettings, qtbot: QtBot
) -> None:
    today = datetime.now(region_timezone("PH")).date()
    week = [(today + timedelta(days=d)).isoformat() for d in range(7)]
    late = (today + timedelta(days=10)).isoformat()
    settings.base.set_pickup_contact(
        settings.active_profile, dataclasses.replace(DEMO_CONTACT, estimated_pickup_date=late)
    )
    window = make_window(sim)
    with qtbot.waitSignal(window.jit.po_list.items_indexed, timeout=WAIT):
        pass
    window.sounds.enabled = False
    chosen = window.jit.view.proxy.visible_pos()[:3]
    numbers = [po.purchase_order_no for po in chosen]
    groups = len({po.ship_group for po in chosen})
    window.jit.po_list.select_numbers(numbers)
    result = finish(qtbot, window, window.jit.view.run_button.click)
    assert result.job is Job.RUN
    assert sorted(o.purchase_order_no for o in result.report.date_refused()) == sorted(numbers)
    dialog = window.jit.batches.pickup_date_dialog
    assert isinstance(dialog, PickupDateDialog) and dialog.isVisible()
    offered = [dialog.dates.item(row).data(Qt.ItemDataRole.UserRole) for row in range(dialog.dates.count())]
    assert offered == week
    assert dialog.chosen() == week[0]  # the first allowed, ready for Enter
    assert late in dialog.intro.text() and "for 3 PO" in dialog.intro.text()
    assert window.jit.view.banner.state == "fail" and "pickup date" in window.jit.view.banner.text()
    assert window.sounds.played[-1] is Sound.FAIL
    # The results say why, in the window's words, with the dates.
    panel = window.jit.view.batch_panel
    assert all(week[0] in panel.results.text(row, 3) for row in range(panel.results.rowCount()))

    dialog.dates.setFocus()
    shipped = finish(qtbot, window, lambda: QTest.keyClick(dialog.dates, Qt.Key.Key_Return))
    assert shipped.job is Job.SHIP
    assert not shipped.report.failed() and shipped.report.counts()["shipped"] == 3
    assert window.jit.batches.pickup_date_dialog is None
    assert window.sounds.played[-1:] == [Sound.OK]
    stats = sim.stats()
    assert all(stats["purchase_orders"][no]["ship_successes"] == 1 for no in numbers)
    # per store and warehouse: the refused call and the one with the chosen date, nothing re-sent
    assert stats["calls"][SHIP_PATH] == 2 * groups


def test_the_offer_can_be_put_off(
    make_window: Callable[..., MainWindow], sim: SimulatorServer, settings: UiSettings, qtbot: QtBot
) -> None:
    today = datetime.now(region_timezone("PH")).date()
    settings.base.set_pickup_contact(
        settings.active_profile,
        dataclasses.replace(DEMO_CONTACT, estimated_pickup_date=(today - timedelta(days=1)).isoformat()),
    )
    window = make_window(sim)
    with qtbot.waitSignal(window.jit.po_list.items_indexed, timeout=WAIT):
        pass
    chosen = window.jit.view.proxy.visible_pos()[:2]
    window.jit.po_list.select_numbers([po.purchase_order_no for po in chosen])
    finish(qtbot, window, window.jit.view.run_button.click)
    dialog = window.jit.batches.pickup_date_dialog
    assert dialog is not None
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert window.jit.batches.pickup_date_dialog is None and not window.jit.view.batch_panel.running
    assert sim.stats()["calls"][SHIP_PATH] == len({po.ship_group for po in chosen})
