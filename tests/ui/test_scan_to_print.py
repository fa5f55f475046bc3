"""Scan to print: a scanned To Pack PO is packed, waited on and its labels made, with no mouse."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from station.journal import Journal
from station.lazada.models import PdfSize, POStatus
from station.simulator.server import SimulatorServer
from station.ui.app import start_demo_label_printer
from station.ui.main_window import MainWindow
from station.ui.ui_settings import UiSettings
from station.workflow.jobs import JobResult, JournalRef
from tests.printing.dots import decode

from .conftest import WAIT_MS
from .test_scan import scan


def scan_a_to_pack_po(qtbot: QtBot, window: MainWindow) -> tuple[str, JobResult]:
    """Once the list is in, scan the first To Pack PO in scan-to-print mode: its number and the job's result."""
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
    return no, result


def test_scan_to_print_packs_waits_and_prints(
    make_window: object, sim: SimulatorServer, qtbot: QtBot, tmp_path: Path
) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    window: MainWindow = make_window(sim, journal=JournalRef(journal, "default"))  # type: ignore[operator]
    no, result = scan_a_to_pack_po(qtbot, window)
    outcome = result.report.outcomes[no]
    assert outcome.packed and outcome.printed and outcome.ok
    assert result.pdf is not None and len(PdfReader(result.pdf).pages) == result.report.output_pages > 0
    assert sim.stats()["purchase_orders"][no]["pack_accepted"] == 1
    kinds = {s["kind"] for s in journal.steps()}
    assert {"pack", "print"} <= kinds  # written to the journal like any batch
    journal.close()


def test_scan_to_print_sends_to_a_network_label_printer_with_no_queue_name(
    make_window: object, sim: SimulatorServer, settings: UiSettings, qtbot: QtBot
) -> None:
    """The demo's virtual label printer is a network route with no queue name: a scanned PO's labels go
    to it by themselves, as they go to a named queue, and come out as labels that scan."""
    printer = start_demo_label_printer(settings)
    try:
        assert not settings.printer(PdfSize.LABEL_100X150)  # no queue: the address names the printer
        window: MainWindow = make_window(sim)  # type: ignore[operator]
        _, result = scan_a_to_pack_po(qtbot, window)
        pages = result.report.output_pages
        assert pages > 0
        qtbot.waitUntil(lambda: printer.printed == pages, timeout=WAIT_MS)
        assert all(decode(page) for page in printer.pages())  # each label came out with a barcode that reads
        assert window.jit.view.tabs.currentWidget() is not window.jit.view.print_panel
    finally:
        printer.stop()
