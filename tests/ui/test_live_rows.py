"""The list tells the truth at once: a batch's answers move the rows and counts as they arrive,
not at the next status poll (the window under test polls once a minute)."""

from __future__ import annotations

import time

from pytestqt.qtbot import QtBot

from station.lazada.models import POStatus
from station.ui.main_window import MainWindow
from station.workflow.jobs import JobResult

WAIT = 30_000


def statuses(window: MainWindow, numbers: list[str]) -> list[POStatus]:
    return [po.status for po in (window.jit.view.model.get(no) for no in numbers) if po is not None]


def test_rows_and_counts_follow_a_run_as_it_goes(window: MainWindow, qtbot: QtBot) -> None:
    window.jit.po_list.poll_timer.stop()
    window.jit.view.all_shown.setChecked(True)
    numbers = [po.purchase_order_no for po in window.jit.view.proxy.visible_pos()]
    to_pack_before = window.jit.view.filters.chips[POStatus.TO_PACK].text()
    assert window.jit.view.target_label.text().endswith(str(len(numbers)))
    seen: list[tuple[float, int]] = []  # when, and how many of the batch's rows had left To Pack
    window.jit.view.model.dataChanged.connect(
        lambda *_: seen.append((time.monotonic(), sum(s is not POStatus.TO_PACK for s in statuses(window, numbers))))
    )
    with qtbot.waitSignal(window.jit.batches.job_finished, timeout=WAIT) as blocker:
        window.jit.view.run_button.click()
    ended = time.monotonic()
    result = blocker.args[0] if blocker.args else None
    assert isinstance(result, JobResult)
    shipped = [no for no, o in result.report.outcomes.items() if o.shipped]
    assert len(shipped) == len(numbers)
    # At the verdict, with no poll since: every shipped row says so, and none is left To Pack.
    assert set(statuses(window, shipped)) == {POStatus.TO_PUT_AWAY}
    assert window.jit.view.proxy.rowCount() == 0
    assert window.jit.view.filters.chips[POStatus.TO_PACK].text() != to_pack_before
    assert window.jit.view.target_label.text().endswith(": 0")  # "All shown" follows the filter: nothing left to aim at
    # ...and the rows moved while the batch was still running, not all at its end.
    assert any(moved > 0 and at < ended for at, moved in seen), seen[-5:]
    assert all(window.jit.view.model.last_action(no) is not None for no in shipped)
