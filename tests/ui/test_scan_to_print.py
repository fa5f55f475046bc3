"""Scan to print: a scanned To Pack PO is packed, waited on and its labels made, with no mouse."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from station.journal import Journal
from station.lazada.models import POStatus
from station.simulator.server import SimulatorServer
from station.ui.main_window import MainWindow
from station.workflow.jobs import JobResult, JournalRef

from .conftest import WAIT_MS
from .test_scan import scan


def test_scan_to_print_packs_waits_and_prints(
    make_window: object, sim: SimulatorServer, qtbot: QtBot, tmp_path: Path
) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    window: MainWindow = make_window(sim, journal=JournalRef(journal, "default"))  # type: ignore[operator]
    with qtbot.waitSignal(window.jit.po_list.items_indexed, timeout=WAIT_MS):
        pass
    no = next(
        window.jit.view.model.po(r).purchase_order_no
        for r in range(window.jit.view.model.rowCount())
        if window.jit.view.model.po(r).status is POStatus.TO_PACK
    )
    window.jit.view.scan_print.setChecked(True)
    with qtbot.waitSignal(window.scan.printed, timeout=WAIT_MS) as printed:
        scan(qtbot, window, window.jit.view.table, no)
    result = printed.args[0]
    assert isinstance(result, JobResult)
    outcome = result.report.outcomes[no]
    assert outcome.packed and outcome.printed and outcome.ok
    assert result.pdf is not None and len(PdfReader(result.pdf).pages) == result.report.output_pages > 0
    assert sim.stats()["purchase_orders"][no]["pack_accepted"] == 1
    kinds = {s["kind"] for s in journal.steps()}
    assert {"pack", "print"} <= kinds  # written to the journal like any batch
    journal.close()
