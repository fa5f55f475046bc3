"""Pack verification and the journal: counts survive a restart, a PO verified at another bench is
held, a PO cancelled while on the bench is caught with the alarm and nothing is sent for it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from station.journal import Journal
from station.simulator.server import SimulatorServer
from station.ui.main_window import MainWindow
from station.ui.voice import Prompt, Spoken
from station.workflow.jobs import JournalRef
from station.workflow.verify import VerifyState

from .conftest import WAIT_MS
from .test_scan import scan
from .verify_support import open_verification, scan_unit, to_pack_po


def journaled_window(
    make_window: Callable[..., MainWindow], sim: SimulatorServer, qtbot: QtBot, journal: Journal
) -> MainWindow:
    window = make_window(sim, journal=JournalRef(journal, "default"))
    with qtbot.waitSignal(window.jit.po_list.items_indexed, timeout=WAIT_MS):
        pass
    return window


def test_counts_come_back_after_a_restart(
    make_window: Callable[..., MainWindow], sim: SimulatorServer, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "journal.sqlite3"
    first_journal = Journal(path)
    window = journaled_window(make_window, sim, qtbot, first_journal)
    no, items = to_pack_po(window, min_units=3)
    open_verification(qtbot, window, no)
    scan_unit(qtbot, window, items[0].barcodes[0])
    scan_unit(qtbot, window, items[-1].barcodes[0])
    window.close()  # the window's shutdown writes what is still queued
    first_journal.close()

    again_journal = Journal(path)
    again = journaled_window(make_window, sim, qtbot, again_journal)
    assert again.jit.verify.verifications == {}
    open_verification(qtbot, again, no)
    v = again.jit.verify.current
    assert v is not None and v.counted == 2
    assert v.scanned[items[0].sku_id] >= 1 and v.scanned[items[-1].sku_id] >= 1
    needed = sum(item.buyer_qty for item in items)
    assert again.jit.view.verify_panel.left.text() == f"{needed - 2} to scan"
    again.close()
    again_journal.close()


def test_a_po_verified_at_another_bench_is_held_and_not_opened(
    make_window: Callable[..., MainWindow], sim: SimulatorServer, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "journal.sqlite3"
    journal = Journal(path)
    window = journaled_window(make_window, sim, qtbot, journal)
    no, _ = to_pack_po(window)
    other_bench = Journal(path, bench="bench-b")
    assert other_bench.claim("bench-b", [no]) == [no]
    window.jit.view.verify.setChecked(True)
    scan(qtbot, window, window.jit.view.table, no)
    qtbot.waitUntil(
        lambda: bool(window.voice.said) and window.voice.said[-1] == Spoken(Prompt.HELD, 0), timeout=WAIT_MS
    )
    assert window.jit.verify.current is None
    assert "bench-b" in window.jit.view.banner.text()
    assert window.jit.view.banner.state == "fail"
    window.close()
    other_bench.close()
    journal.close()


def test_a_po_cancelled_on_the_bench_raises_the_alarm_and_nothing_is_sent(
    make_window: Callable[..., MainWindow], sim: SimulatorServer, qtbot: QtBot, tmp_path: Path
) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    window = journaled_window(make_window, sim, qtbot, journal)
    no, items = to_pack_po(window, min_units=2)
    open_verification(qtbot, window, no)
    codes = [item.barcodes[0] for item in items for _ in range(item.buyer_qty)]
    for code in codes[:-1]:
        scan_unit(qtbot, window, code)
    assert sim.state.cancel(no) is None  # the buyer cancels while the carton is being filled
    with qtbot.waitSignal(window.scan.printed, timeout=WAIT_MS):
        scan_unit(qtbot, window, codes[-1])
    qtbot.waitUntil(lambda: window.voice.said[-1] == Spoken(Prompt.CANCELLED, 0), timeout=WAIT_MS)
    assert "Cancelled — do not pack" in window.jit.view.banner.text()
    assert window.jit.view.banner.state == "fail"
    v = window.jit.verify.verifications[no]
    assert v.state is VerifyState.CANCELLED
    counters = sim.stats()["purchase_orders"].get(no, {})
    assert counters.get("pack_accepted", 0) == 0 and counters.get("print_requests", 0) == 0
    window.close()
    journal.close()
