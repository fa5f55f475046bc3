"""Batch actions from the window: pack, ship (through the dialog), print, the whole run, cancel, retry."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from station.lazada.models import POStatus
from station.simulator.server import SimulatorServer
from station.ui.main_window import MainWindow
from station.workflow.jobs import Job, JobResult
from tests.support import admin

WAIT = 30_000


def finish(qtbot: QtBot, window: MainWindow, start: Callable[[], object]) -> JobResult:
    with qtbot.waitSignal(window.jit.batches.job_finished, timeout=WAIT) as blocker:
        start()
    assert blocker.args is not None
    result = blocker.args[0]
    assert isinstance(result, JobResult)
    return result


def test_pack_then_ship_then_print(window: MainWindow, qtbot: QtBot) -> None:
    numbers = [po.purchase_order_no for po in window.jit.view.proxy.visible_pos()[:3]]
    window.jit.po_list.select_numbers(numbers)
    packed = finish(qtbot, window, window.jit.view.pack_button.click)
    assert all(packed.report.outcomes[no].packed for no in numbers)
    assert window.jit.view.batch_panel.progress.value() == window.jit.view.batch_panel.progress.maximum()
    assert window.jit.view.batch_panel.results.rowCount() == 3
    assert window.jit.view.model.last_action(numbers[0]) is not None
    # Statuses arrive by themselves (fast polling while packing).
    qtbot.waitUntil(
        lambda: all(
            window.jit.view.model.get(no).status is POStatus.READY_TO_SHIP  # type: ignore[union-attr]
            for no in numbers
        ),
        timeout=WAIT,
    )
    window.jit.view.filters.chips[POStatus.READY_TO_SHIP].click()
    window.jit.po_list.select_numbers(numbers)
    window.jit.view.ship_button.click()
    dialog = window.jit.batches.ship_dialog
    assert dialog.form.name.text()  # filled from the saved settings
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    shipped = finish(qtbot, window, ok.click)
    assert all(shipped.report.outcomes[no].shipped for no in numbers), shipped.report.outcomes
    # Shipped, the rows moved to To Put Away at once (the Ready To Ship view no longer holds them).
    assert window.jit.po_list.selected_numbers() == []
    assert window.jit.po_list.select_numbers(numbers) == 3  # the filter widens to where they are now
    assert window.jit.view.filters.status() is POStatus.TO_PUT_AWAY
    printed = finish(qtbot, window, window.jit.view.print_button.click)
    assert printed.pdf is not None and printed.pdf.exists()
    assert all(printed.report.outcomes[no].printed for no in numbers)
    assert window.jit.view.print_panel.document.pageCount() > 0
    qtbot.waitUntil(lambda: window.jit.view.print_panel.failed_list.count() == 1, timeout=WAIT)  # recorded, not sent
    model = window.jit.view.model
    assert "Printed" in model.data(model.index(model.row_of(numbers[0]) or 0, 7))


def test_whole_run_on_everything_shown(window: MainWindow, qtbot: QtBot) -> None:
    window.jit.view.all_shown.setChecked(True)
    count = window.jit.view.proxy.rowCount()
    result = finish(qtbot, window, window.jit.view.run_button.click)
    counts = result.report.counts()
    assert counts["total"] == count
    assert counts["printed"] == count and counts["failed"] == 0
    assert result.pdf is not None and window.jit.view.print_panel.current_pdf == result.pdf


def test_failed_pos_are_reported_and_retried(window: MainWindow, qtbot: QtBot, sim: SimulatorServer) -> None:
    numbers = [po.purchase_order_no for po in window.jit.view.proxy.visible_pos()[:3]]
    assert admin(sim.base_url, "/_sim/cancel", {"purchase_order_no": numbers[1]})["ok"]
    window.jit.po_list.select_numbers(numbers)
    # Ship before packing: every PO fails with a reason the operator can act on.
    result = finish(qtbot, window, lambda: window.jit.batches.start_job(Job.SHIP))
    assert {o.purchase_order_no for o in result.report.failed()} == set(numbers)
    assert "cancelled" in result.report.outcomes[numbers[1]].error
    assert "pack it first" in result.report.outcomes[numbers[0]].error
    assert window.jit.view.batch_panel.retry_button.isEnabled()
    retried = finish(qtbot, window, window.jit.view.batch_panel.retry_button.click)
    assert set(retried.report.outcomes) == set(numbers)


def test_cancel_mid_batch(
    make_window: Callable[..., MainWindow], make_sim: Callable[..., SimulatorServer], qtbot: QtBot
) -> None:
    sim = make_sim(pack_delay_min=20, pack_delay_max=20)
    window = make_window(sim, first_poll_after=0.2, poll_interval=0.2)
    qtbot.waitUntil(lambda: window.jit.view.proxy.rowCount() > 0, timeout=WAIT)
    window.jit.view.all_shown.setChecked(True)
    window.jit.view.run_button.click()
    qtbot.waitUntil(lambda: "Waiting" in window.jit.view.batch_panel.step.text(), timeout=WAIT)
    # The window still answers while the batch runs.
    window.jit.view.filters.chips[None].click()
    assert window.jit.view.proxy.rowCount() >= window.jit.view.model.rowCount()
    with qtbot.waitSignal(window.jit.batches.job_finished, timeout=10_000) as blocker:
        window.jit.view.batch_panel.cancel_button.click()
    result = blocker.args[0] if blocker.args else None
    assert isinstance(result, JobResult)
    assert result.report.cancelled
    assert result.report.counts()["shipped"] == 0
    assert "Cancelled" in window.jit.view.batch_panel.summary.text()
