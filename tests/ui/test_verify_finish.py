"""Pack verification's end: complete goes on as scan-to-print (packed, labels printed); a short finish
needs a signed-in operator and a reason; the operator signs in by name or by badge."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from station.journal import Journal
from station.simulator.server import SimulatorServer
from station.ui.jit.verify_dialogs import ShortDialog, SignInDialog
from station.ui.main_window import MainWindow
from station.ui.voice import Prompt, Spoken
from station.workflow.jobs import JobResult, JournalRef
from station.workflow.verify import Verdict, VerifyState

from .conftest import WAIT_MS
from .test_scan import scan
from .verify_support import open_verification, scan_unit, to_pack_po


def test_the_last_unit_completes_and_the_labels_are_printed(
    make_window: object, sim: SimulatorServer, qtbot: QtBot, tmp_path: Path
) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    window: MainWindow = make_window(sim, journal=JournalRef(journal, "default"))  # type: ignore[operator]
    with qtbot.waitSignal(window.jit.po_list.items_indexed, timeout=WAIT_MS):
        pass
    no, items = to_pack_po(window, min_units=2)
    open_verification(qtbot, window, no)
    codes = [item.barcodes[0] for item in items for _ in range(item.buyer_qty)]
    for code in codes[:-1]:
        assert scan_unit(qtbot, window, code).verdict is Verdict.COUNTED
    assert sim.stats()["purchase_orders"].get(no, {}).get("pack_accepted", 0) == 0  # nothing sent before the last unit
    with qtbot.waitSignal(window.scan.printed, timeout=WAIT_MS) as printed:
        assert scan_unit(qtbot, window, codes[-1]).verdict is Verdict.COMPLETE
        assert window.voice.said[-1] == Spoken(Prompt.COMPLETE, 0)
        assert window.jit.view.verify_panel.left.text() == "Complete"
    result = printed.args[0]
    assert isinstance(result, JobResult)
    outcome = result.report.outcomes[no]
    assert outcome.packed and outcome.printed and outcome.ok
    assert result.pdf is not None and len(PdfReader(result.pdf).pages) == result.report.output_pages > 0
    assert sim.stats()["purchase_orders"][no]["pack_accepted"] == 1
    v = window.jit.verify.current
    assert v is not None and v.state is VerifyState.COMPLETE
    journal.close()


def test_a_short_finish_is_refused_without_an_operator(window: MainWindow, qtbot: QtBot) -> None:
    no, items = to_pack_po(window, min_units=2)
    open_verification(qtbot, window, no)
    scan_unit(qtbot, window, items[0].barcodes[0])
    window.jit.verify.sign_out()
    window.jit.view.finish_short_key.trigger()
    assert window.jit.verify.dialog is None
    assert "Sign in first" in window.jit.view.banner.text()
    assert window.voice.said[-1] == Spoken(Prompt.REASON_NEEDED, 0)
    v = window.jit.verify.current
    assert v is not None and v.is_open


def test_a_short_finish_needs_a_reason_and_then_goes_on(window: MainWindow, qtbot: QtBot) -> None:
    no, items = to_pack_po(window, min_units=2)
    open_verification(qtbot, window, no)
    scan_unit(qtbot, window, items[0].barcodes[0])
    window.jit.verify.sign_in("Ana Cruz")
    window.jit.view.finish_short_key.trigger()
    dialog = window.jit.verify.dialog
    assert isinstance(dialog, ShortDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no reason chosen yet
    dialog.other.setChecked(True)
    assert not ok.isEnabled()  # "Other" needs its note
    dialog.note.setText("carton crushed on arrival")
    assert ok.isEnabled()
    with qtbot.waitSignal(window.jit.verify.completed, timeout=WAIT_MS) as completed:
        ok.click()
    assert completed.args == [no, False]
    v = window.jit.verify.current
    assert v is not None and v.state is VerifyState.FORCED
    assert "finished short" in window.jit.view.verify_panel.answer.text()


def test_escape_cancels_the_short_finish(window: MainWindow, qtbot: QtBot) -> None:
    no, _ = to_pack_po(window, min_units=2)
    open_verification(qtbot, window, no)
    window.jit.verify.sign_in("Ana")
    window.jit.view.finish_short_key.trigger()
    dialog = window.jit.verify.dialog
    assert isinstance(dialog, ShortDialog)
    dialog.reject()
    assert window.jit.verify.dialog is None
    v = window.jit.verify.current
    assert v is not None and v.is_open


def test_a_badge_scan_signs_the_operator_in_and_it_is_remembered(window: MainWindow, qtbot: QtBot) -> None:
    assert scan(qtbot, window, window.jit.view.table, "OP:ANA-CRUZ") == ["OP:ANA-CRUZ", True]
    assert window.jit.verify.operator == "ANA-CRUZ"
    assert window.jit.view.operator_label.text() == "Operator: ANA-CRUZ"
    assert window.voice.said[-1] == Spoken(Prompt.SIGNED_IN, 0)
    assert window.settings.operator(window.jit.verify.bench) == "ANA-CRUZ"
    window.jit.view.sign_in_button.click()  # signed in: the button signs out
    assert window.jit.verify.operator == ""
    assert window.settings.operator(window.jit.verify.bench) == ""
    window.jit.view.sign_in_button.click()
    dialog = window.jit.verify.dialog
    assert isinstance(dialog, SignInDialog)
    dialog.name.setText("  Bo  Li ")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.jit.verify.operator == "Bo Li"


def test_a_bench_set_to_ship_ships_the_verified_po_too(window: MainWindow, sim: SimulatorServer, qtbot: QtBot) -> None:
    no, items = to_pack_po(window, min_units=2)
    window.jit.view.verify_panel.ship.setChecked(True)
    assert window.settings.verify_ship(window.jit.verify.bench)  # remembered for the bench
    open_verification(qtbot, window, no)
    codes = [item.barcodes[0] for item in items for _ in range(item.buyer_qty)]
    for code in codes[:-1]:
        scan_unit(qtbot, window, code)
    with qtbot.waitSignal(window.scan.printed, timeout=WAIT_MS) as printed:
        assert scan_unit(qtbot, window, codes[-1]).verdict is Verdict.COMPLETE
    result = printed.args[0]
    assert isinstance(result, JobResult)
    outcome = result.report.outcomes[no]
    assert outcome.packed and outcome.shipped and outcome.printed
    assert sim.stats()["purchase_orders"][no]["ship_successes"] == 1
