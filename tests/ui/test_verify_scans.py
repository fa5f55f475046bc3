"""Pack verification in the window: right, wrong and extra units, typed quantities, inner packs, switching POs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from station.lazada.models import POStatus
from station.ui.jit.verify_dialogs import InnerPackDialog
from station.ui.jit.verify_panel import Col
from station.ui.main_window import MainWindow
from station.ui.voice import Prompt, Spoken
from station.workflow.verify import Verdict

from .test_scan import scan
from .verify_support import open_verification, scan_unit, to_pack_po


def test_right_units_count_and_the_panel_says_how_many_are_left(window: MainWindow, qtbot: QtBot) -> None:
    no, items = to_pack_po(window, min_units=3)
    needed = sum(item.buyer_qty for item in items)
    open_verification(qtbot, window, no)
    panel = window.jit.view.verify_panel
    assert window.jit.view.tabs.currentWidget() is panel
    assert no in panel.heading.text()
    assert panel.left.text() == f"{needed} to scan"
    result = scan_unit(qtbot, window, items[0].barcodes[-1])
    assert result.verdict is Verdict.COUNTED and result.counted == 1
    assert panel.left.text() == f"{needed - 1} to scan"
    assert panel.answer.state == "ok" and f"{needed - 1} more" in panel.answer.text()
    assert window.voice.said[-1] == Spoken(Prompt.MORE, needed - 1)
    row = panel.model.row_of(items[0].sku_id)
    assert row is not None
    assert panel.model.index(row, Col.SCANNED).data() == "1"


def test_a_wrong_item_is_refused_red_and_not_counted(window: MainWindow, qtbot: QtBot) -> None:
    no, items = to_pack_po(window)
    _, other_items = to_pack_po(window, skip=(no,))
    ours = {code.upper() for item in items for code in item.barcodes}
    foreign = next(code for item in other_items for code in item.barcodes if code.upper() not in ours)
    open_verification(qtbot, window, no)
    v = window.jit.verify.current
    assert v is not None
    result = scan_unit(qtbot, window, foreign)
    assert result.verdict is Verdict.WRONG_ITEM
    assert v.counted == 0
    panel = window.jit.view.verify_panel
    assert panel.answer.state == "fail" and "Wrong item" in panel.answer.text()
    banner = window.jit.view.banner
    assert banner.state == "fail" and "Wrong item" in banner.text()  # the big bar says it too
    assert window.voice.said[-1] == Spoken(Prompt.WRONG_ITEM, 0)
    assert window.jit.verify.current is v  # a foreign barcode never switches the PO
    assert v.needed > 1  # the next right unit puts the bar back to green
    assert scan_unit(qtbot, window, items[0].barcodes[0]).verdict is Verdict.COUNTED
    assert banner.state == "ok" and "Wrong item" not in banner.text()


def test_a_unit_too_many_is_refused(window: MainWindow, qtbot: QtBot) -> None:
    no, items = to_pack_po(window, min_units=2)
    item = items[0]
    open_verification(qtbot, window, no)
    for _ in range(item.buyer_qty):
        assert not scan_unit(qtbot, window, item.barcodes[0]).refused
    if sum(i.buyer_qty for i in items) == item.buyer_qty:
        return  # one line: the last unit completed the PO (another test covers it)
    result = scan_unit(qtbot, window, item.barcodes[0])
    assert result.verdict is Verdict.TOO_MANY
    assert window.jit.verify.current is not None
    assert window.jit.verify.current.scanned[item.sku_id] == item.buyer_qty
    assert window.jit.view.verify_panel.answer.state == "fail"
    assert window.voice.said[-1] == Spoken(Prompt.TOO_MANY, 0)


def test_a_typed_quantity_counts_that_many_capped_at_what_the_line_needs(window: MainWindow, qtbot: QtBot) -> None:
    no, items = to_pack_po(window, min_units=2)
    item = max(items, key=lambda i: i.buyer_qty)
    open_verification(qtbot, window, no)
    panel = window.jit.view.verify_panel
    assert panel.quantity.hasFocus()  # digits typed at the keyboard land in the quantity box
    QTest.keyClicks(panel.quantity, "24")
    QTest.keyClick(panel.quantity, Qt.Key.Key_Return)
    assert panel.times.text() == "×24"
    result = scan_unit(qtbot, window, item.barcodes[0])
    assert result.asked == 24 and result.counted == min(24, item.buyer_qty)
    if item.buyer_qty < 24:
        assert result.capped
        assert f"Counted {item.buyer_qty} of 24" in panel.answer.text()
    assert panel.times.text() == "" and panel.quantity.text() == ""  # back to one a scan
    if sum(i.buyer_qty for i in items) > item.buyer_qty:
        assert scan_unit(qtbot, window, next(i for i in items if i is not item).barcodes[0]).counted == 1


def test_an_inner_pack_counts_its_units(window: MainWindow, qtbot: QtBot) -> None:
    no, items = to_pack_po(window, min_units=2)
    item = max(items, key=lambda i: i.buyer_qty)
    open_verification(qtbot, window, no)
    if item.buyer_qty < 2:
        return
    panel = window.jit.view.verify_panel
    row = panel.model.row_of(item.sku_id)
    assert row is not None
    button = panel.table.indexWidget(panel.model.index(row, Col.PACK))
    assert isinstance(button, QPushButton)
    button.click()  # the line's "Inner pack…"
    dialog = window.jit.verify.dialog
    assert isinstance(dialog, InnerPackDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.barcode.setText("PACK-" + item.sku_id)
    dialog.units.setText("1")
    assert not ok.isEnabled()  # a pack holds at least two
    dialog.units.setText("2")
    ok.click()
    assert "PACK-" + item.sku_id in (panel.model.index(row, Col.SKU).data() or "")
    result = scan_unit(qtbot, window, "PACK-" + item.sku_id)
    assert result.counted == 2 and not result.refused
    v = window.jit.verify.current
    assert v is not None and v.scanned[item.sku_id] == 2


def test_scanning_another_po_switches_and_keeps_the_first_ones_counts(window: MainWindow, qtbot: QtBot) -> None:
    first, first_items = to_pack_po(window, min_units=2)
    second, _ = to_pack_po(window, skip=(first,))
    open_verification(qtbot, window, first)
    scan_unit(qtbot, window, first_items[0].barcodes[0])
    open_verification(qtbot, window, second)
    current = window.jit.verify.current
    assert current is not None and current.purchase_order_no == second and current.counted == 0
    open_verification(qtbot, window, first)
    back = window.jit.verify.current
    assert back is not None and back.purchase_order_no == first and back.counted == 1


def test_a_product_with_no_open_verification_asks_for_the_po_first(window: MainWindow, qtbot: QtBot) -> None:
    _, items = to_pack_po(window)
    window.jit.view.verify.setChecked(True)
    assert scan(qtbot, window, window.jit.view.table, items[0].barcodes[0]) == [items[0].barcodes[0], False]
    assert "scan the PO first" in window.jit.view.banner.text()
    assert window.voice.said[-1] == Spoken(Prompt.UNKNOWN, 0)


def test_a_po_already_shipped_opens_nothing(window: MainWindow, qtbot: QtBot) -> None:
    model = window.jit.view.model
    done = next(
        model.po(r).purchase_order_no for r in range(model.rowCount()) if model.po(r).status is POStatus.COMPLETED
    )
    window.jit.view.verify.setChecked(True)
    scan(qtbot, window, window.jit.view.table, done)
    assert window.jit.verify.current is None
    assert "Completed: nothing to verify" in window.jit.view.banner.text()
    assert window.voice.said[-1] == Spoken(Prompt.UNKNOWN, 0)
