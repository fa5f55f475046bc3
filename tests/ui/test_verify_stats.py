"""The Stats tab shows the day's figures of what was verified at the bench, per operator and by hour."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from station.journal import Journal
from station.simulator.server import SimulatorServer
from station.ui.main_window import MainWindow
from station.workflow.jobs import JournalRef
from station.workflow.verify import Verdict

from .conftest import WAIT_MS
from .verify_support import open_verification, scan_unit, to_pack_po


def test_the_stats_tab_shows_what_the_bench_verified(
    make_window: Callable[..., MainWindow], sim: SimulatorServer, qtbot: QtBot, tmp_path: Path
) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    window = make_window(sim, journal=JournalRef(journal, "default"))
    with qtbot.waitSignal(window.jit.po_list.items_indexed, timeout=WAIT_MS):
        pass
    window.jit.verify.sign_in("Ana")
    no, items = to_pack_po(window, min_units=2, min_lines=2)
    _, other_items = to_pack_po(window, skip=(no,))
    ours = {code.upper() for item in items for code in item.barcodes}
    foreign = next(code for item in other_items for code in item.barcodes if code.upper() not in ours)
    open_verification(qtbot, window, no)
    codes = [item.barcodes[0] for item in items for _ in range(item.buyer_qty)]
    assert scan_unit(qtbot, window, foreign).verdict is Verdict.WRONG_ITEM
    for code in codes[:-1]:
        scan_unit(qtbot, window, code)
    assert scan_unit(qtbot, window, items[0].barcodes[0]).verdict is Verdict.TOO_MANY  # its line is full
    with qtbot.waitSignal(window.scan.printed, timeout=WAIT_MS):
        assert scan_unit(qtbot, window, codes[-1]).verdict is Verdict.COMPLETE
    assert window.jit.verify.desk.flush()

    stats = window.views.stats
    window.views.tabs.setCurrentWidget(stats)
    qtbot.waitUntil(lambda: stats.reads >= 1, timeout=WAIT_MS)
    assert stats.operator.findData("Ana") >= 0
    stats.operator.setCurrentIndex(stats.operator.findData("Ana"))
    figures = stats.figures()
    assert figures["units"] == len(codes)
    assert figures["pos_completed"] == 1
    assert figures["wrong_items"] == 1
    assert figures["extra_units"] == 1
    assert figures["forced"] == 0 and figures["cancelled"] == 0
    hour = datetime.now().hour
    assert stats.chart.units[hour] == len(codes)
    assert sum(stats.chart.units) == len(codes)
    window.close()
    journal.close()
