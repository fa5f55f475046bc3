"""Helpers of the pack verification tests: a To Pack PO with its items, scans typed as a scanner does."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from station.lazada.models import POStatus, PurchaseOrderItem
from station.ui.main_window import MainWindow
from station.workflow.verify import ScanResult

from .conftest import WAIT_MS
from .test_scan import scan


def to_pack_po(
    window: MainWindow, *, min_units: int = 2, min_lines: int = 1, skip: tuple[str, ...] = ()
) -> tuple[str, list[PurchaseOrderItem]]:
    """A listed To Pack PO whose items (with barcodes) are read, with at least ``min_units`` units."""
    model, items = window.jit.view.model, window.jit.po_list.items
    for row in range(model.rowCount()):
        po = model.po(row)
        rows = items.get(po.purchase_order_no)
        if (
            po.status is POStatus.TO_PACK
            and po.purchase_order_no not in skip
            and rows
            and all(item.barcodes for item in rows)
            and sum(item.buyer_qty for item in rows) >= min_units
            and len({item.sku_id for item in rows}) == len(rows) >= min_lines
        ):
            return po.purchase_order_no, rows
    raise AssertionError("no To Pack PO with barcoded items listed")


def open_verification(qtbot: QtBot, window: MainWindow, no: str) -> None:
    window.jit.view.verify.setChecked(True)
    with qtbot.waitSignal(window.jit.verify.opened, timeout=WAIT_MS) as opened:
        scan(qtbot, window, window.jit.view.table, no)
    assert opened.args == [no]


def scan_unit(qtbot: QtBot, window: MainWindow, code: str) -> ScanResult:
    with qtbot.waitSignal(window.jit.verify.counted, timeout=WAIT_MS) as counted:
        scan(qtbot, window, window.jit.view.table, code)
    result = counted.args[0]
    assert isinstance(result, ScanResult)
    return result
