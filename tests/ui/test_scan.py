"""Scans typed as fast key events anywhere in the window, and slow typing that must stay typing."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from station.ui.main_window import MainWindow
from station.ui.sound import Sound
from tests.ui.keys import KeySender

WAIT = 10_000


def scan(qtbot: QtBot, window: MainWindow, widget: QWidget, code: str) -> list[object]:
    """Type ``code`` + Enter with no delay between keys, as a wedge scanner does; the handled() arguments."""
    with qtbot.waitSignal(window.scan.handled, timeout=WAIT) as blocker:
        QTest.keyClicks(widget, code)
        QTest.keyClick(widget, Qt.Key.Key_Return)
    return list(blocker.args or [])


def test_scan_of_a_po_number_selects_it(window: MainWindow, qtbot: QtBot) -> None:
    target = window.jit.view.proxy.visible_pos()[-1].purchase_order_no
    window.jit.view.table.setFocus()
    assert scan(qtbot, window, window.jit.view.table, target) == [target, True]
    assert window.jit.po_list.selected_numbers() == [target]
    assert window.jit.view.banner.state == "ok"
    assert window.sounds.played[-1] is Sound.OK


def test_scan_while_typing_in_a_field_leaves_the_field_alone(window: MainWindow, qtbot: QtBot) -> None:
    target = window.jit.view.proxy.visible_pos()[1].purchase_order_no
    search = window.jit.view.filters.search
    search.setFocus()
    assert scan(qtbot, window, search, target) == [target, True]
    assert search.text() == ""
    assert window.jit.po_list.selected_numbers() == [target]


def test_scan_of_a_product_barcode_selects_every_po_holding_it(window: MainWindow, qtbot: QtBot) -> None:
    code, holders = max(window.jit.po_list.barcodes.items(), key=lambda kv: len(kv[1]))
    assert scan(qtbot, window, window.jit.view.table, code) == [code, True]
    assert set(window.jit.po_list.selected_numbers()) == holders
    assert str(len(holders)) in window.jit.view.banner.text()


def test_unknown_scan_says_so_and_changes_nothing(window: MainWindow, qtbot: QtBot) -> None:
    first = window.jit.view.proxy.visible_pos()[0].purchase_order_no
    window.jit.po_list.select_numbers([first])
    rows_before = window.jit.view.proxy.rowCount()
    assert scan(qtbot, window, window.jit.view.table, "POJ0000000000000") == ["POJ0000000000000", False]
    assert window.jit.view.banner.state == "fail"
    assert "Unknown code" in window.jit.view.banner.text()
    assert window.sounds.played[-1] is Sound.FAIL
    assert window.jit.po_list.selected_numbers() == [first]
    assert window.jit.view.proxy.rowCount() == rows_before


def test_slow_typing_goes_to_the_field(window: MainWindow, qtbot: QtBot) -> None:
    handled: list[str] = []
    window.scan.handled.connect(lambda code, _ok: handled.append(code))
    search = window.jit.view.filters.search
    search.setFocus()
    QTest.keyClicks(search, "POJ26", Qt.KeyboardModifier.NoModifier, 90)
    QTest.keyClick(search, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, 90)
    qtbot.waitUntil(lambda: search.text() == "POJ26", timeout=WAIT)
    assert handled == []
    assert all(po.purchase_order_no.upper().startswith("POJ26") for po in window.jit.view.proxy.visible_pos())


def test_fast_short_burst_is_typing_not_a_scan(window: MainWindow, qtbot: QtBot) -> None:
    search = window.jit.view.filters.search
    search.setFocus()
    QTest.keyClicks(search, "ab")
    QTest.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: search.text() == "ab", timeout=WAIT)


def keys_on(window: MainWindow, widget: QWidget) -> KeySender:
    """Real key sequences (Shift per capital) through the window's own scanner filter, on a clock the test moves."""
    sender = KeySender(widget)
    window.scan.filter.clock = lambda: sender.now[0]
    return sender


def test_every_scan_is_answered_within_100_ms(window: MainWindow, qtbot: QtBot) -> None:
    """Known or unknown, any letter case: the banner says something about the code before the
    key event that ends the scan has returned."""
    po = window.jit.view.proxy.visible_pos()[3].purchase_order_no
    product = next(iter(window.jit.po_list.barcodes))
    sender = keys_on(window, window.jit.view.table)
    for code in (po, po.lower(), product, "XYZ-NOT-A-PO", "<b>BOLD</b>-1"):
        window.jit.view.banner.setText("")
        sender.type_us(code)
        started = time.perf_counter()
        sender.enter()
        elapsed = time.perf_counter() - started
        banner = window.jit.view.banner
        assert code in banner.text() or po in banner.text(), (code, banner.text())
        assert elapsed < 0.1, (code, elapsed)
        qtbot.waitUntil(lambda: window.jit.view.banner.state != "neutral", timeout=WAIT)  # the final word, too
    assert window.jit.view.banner.textFormat() == Qt.TextFormat.PlainText  # "<b>" shown as typed, never as markup


def test_a_huge_scan_never_widens_the_window(window: MainWindow, qtbot: QtBot) -> None:
    width = window.width()
    sender = keys_on(window, window.jit.view.table)
    with qtbot.waitSignal(window.scan.handled, timeout=WAIT) as blocker:
        sender.scan("Q" * 10_000, gap=0.001)
    assert blocker.args == ["Q" * 10_000, False]
    assert "Unknown code" in window.jit.view.banner.text()
    assert len(window.jit.view.banner.text()) < 200  # the code cut in the middle
    QApplication.processEvents()  # the layout's turn: a resize it would make has been made
    assert window.width() == width
    assert window.jit.view.banner.minimumSizeHint().width() < width


def test_a_new_batch_replaces_the_last_ones_banner(window: MainWindow, qtbot: QtBot) -> None:
    numbers = [po.purchase_order_no for po in window.jit.view.proxy.visible_pos()[:2]]
    window.jit.po_list.select_numbers(numbers)
    with qtbot.waitSignal(window.jit.batches.job_finished, timeout=WAIT):
        window.jit.view.pack_button.click()
    finished = window.jit.view.banner.text()
    assert "of 2" in finished
    window.jit.po_list.select_numbers([window.jit.view.proxy.visible_pos()[-1].purchase_order_no])
    with qtbot.waitSignal(window.jit.batches.job_finished, timeout=WAIT):
        window.jit.view.pack_button.click()
        assert window.jit.view.banner.text() != finished  # at once, before the new batch's own verdict
        assert "1 PO" in window.jit.view.banner.text()
