"""The real window in Simplified Chinese: every tab and dialog, every visible text translated.

The window is built on a simulator the way ``station --demo --lang zh_CN`` builds it (translators
installed as :func:`station.ui.app.install_translations` does, the ERP tabs on their demo
simulators), then each tab and dialog is shown and every text an operator can read is collected:
labels, buttons, tabs, group titles, placeholders, combo box items, column headers, window titles,
tooltips. A text still in English fails the test.

What may stay as it is, and only that: the shop's own data (store and warehouse names, profile and
printer names, PO numbers), codes and acronyms written in capitals (PO, SKU, ERP, PH, INFO), key
names (Ctrl, Esc), addresses (``postgresql://...``), a few proper names (Station, Lazada, QianYi,
Shoplazza, CUPS, Qt) and the language picker's "English" (a language is offered in its own name).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from station.demo import connect_simulator
from station.lazada.models import PdfSize, POStatus
from station.printing.history import JobStatus
from station.simulator.server import SimulatorServer
from station.ui.app import install_translations
from station.ui.main_window import MainWindow, default_folders
from station.ui.printer import printer_names
from station.ui.settings_dialog import LANGUAGES, SettingsDialog
from station.ui.ui_settings import UiSettings
from station.ui.widgets import TextLine
from station.workflow.jobs import Job

from .conftest import WAIT_MS
from .test_print_panel import label_pdf

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
WORD = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*")  # a word with a small letter: all-capital codes are not words
ADDRESS = re.compile(r"\S+://\S*")
KEYS = re.compile(r"\b(?:Ctrl|Shift|Alt|Esc)\b")
PROPER_NAMES = re.compile(r"\b(?:Station|Lazada|QianYi|Shoplazza|CUPS|Qt)\b")
TAGS = re.compile(r"<[^>]+>")


def untranslated(text: str, data: Iterable[str]) -> bool:
    """True if ``text`` reads as English: no Chinese in it, and a word once the allowed parts are gone."""
    rest = TAGS.sub(" ", text).replace("&", "")
    for value in sorted((d for d in data if d), key=len, reverse=True):
        rest = rest.replace(value, " ")
    for pattern in (ADDRESS, KEYS, PROPER_NAMES):
        rest = pattern.sub(" ", rest)
    if CJK.search(rest):
        return False
    return any(len(word) > 1 for word in WORD.findall(rest))


def visible_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text of ``top`` and its visible children an operator can read."""
    found: list[tuple[str, str]] = []

    def add(widget: QWidget, what: str, text: str | None) -> None:
        if text and text.strip():
            name = widget.objectName() or type(widget).__name__
            found.append((f"{type(top).__name__}/{name}.{what}", text))

    add(top, "windowTitle", top.windowTitle())
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        add(widget, "toolTip", widget.toolTip())
        if isinstance(widget, (QLabel, TextLine, QAbstractButton)):
            add(widget, "text", widget.text())
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add(widget, f"tab{i}", widget.tabText(i))
        elif isinstance(widget, QGroupBox):
            add(widget, "title", widget.title())
        elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
            add(widget, "placeholder", widget.placeholderText())
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(widget, f"item{i}", widget.itemText(i))
        elif isinstance(widget, QSpinBox):
            add(widget, "prefix", widget.prefix())
            add(widget, "suffix", widget.suffix())
        elif isinstance(widget, QAbstractSpinBox):
            add(widget, "text", widget.text())
        elif isinstance(widget, QListWidget):
            for i in range(widget.count()):
                add(widget, f"row{i}", widget.item(i).text())
        elif isinstance(widget, QTableView) and not isinstance(widget, QHeaderView):
            model = widget.model()
            if widget.horizontalHeader().isVisible() and model is not None:
                for column in range(model.columnCount()):
                    add(
                        widget,
                        f"header{column}",
                        model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole),
                    )
    return found


def english(top: QWidget, data: Iterable[str]) -> list[tuple[str, str]]:
    allowed = list(data)
    return [(where, text) for where, text in visible_texts(top) if untranslated(text, allowed)]


def test_the_allow_list_is_narrow() -> None:
    assert untranslated("JIT purchase orders", [])
    assert untranslated("No printer is set for 100150. Choose one in Settings.", [])
    assert untranslated("1 SKUs, 1 units", [])
    assert untranslated("Ctrl+F Find", [])
    assert not untranslated("JIT 采购单", [])
    assert not untranslated("POJ2611231737139295", [])
    assert not untranslated("100x150", [])
    assert not untranslated("A4", [])
    assert not untranslated("12:30 · 3 / 297", [])
    assert not untranslated("SKU", [])
    assert not untranslated("Cebu Store", ["Cebu Store"])
    assert not untranslated("Station · Cebu Store", ["Cebu Store"])


@pytest.fixture
def chinese(qtbot: QtBot) -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QLocale()
    translators = install_translations(app, "zh_CN")
    assert translators
    yield
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(before)


@pytest.fixture
def demo_window(
    chinese: None, qtbot: QtBot, tmp_path: Path, settings: UiSettings, make_sim: Callable[..., SimulatorServer]
) -> Iterator[MainWindow]:
    """The window as ``station --demo --lang zh_CN`` opens it (its ERP tabs on their demo simulators)."""
    sim = make_sim(orders=12)
    connection = replace(connect_simulator(sim.url, read_timeout=10), demo=True)
    window = MainWindow(
        connection,
        settings,
        default_folders(tmp_path / "data"),
        first_poll_after=0.3,
        poll_interval=0.3,
        poll_ms=60_000,
        fast_poll_ms=300,
    )
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.jit.po_list.items_indexed, timeout=WAIT_MS):
        window.show()
    yield window
    window.shutdown()
    window.close()
    connection.client.close()


def data_of(window: MainWindow, settings: UiSettings) -> list[str]:
    """The shop's own words: they are shown as they are."""
    pos = window.jit.view.model.pos
    return [
        *window.jit.view.model.stores(),
        *window.jit.view.model.warehouses(),
        *(po.purchase_order_no for po in pos),
        *(po.store_address for po in pos),
        *(item.product_title for rows in window.jit.po_list.items.values() for item in rows),
        *settings.profiles,
        settings.active_profile,
        *printer_names(settings.print_backend),
        *(name for code, name in LANGUAGES if code),
    ]


def test_every_visible_text_of_the_window_is_in_chinese(
    demo_window: MainWindow, qtbot: QtBot, tmp_path: Path, settings: UiSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = demo_window
    data = data_of(window, settings)
    english_seen: list[tuple[str, str]] = []

    def look(top: QWidget) -> None:
        qtbot.wait(20)
        english_seen.extend(english(top, data))

    # JIT POs, a PO selected: its items beside the list
    first = window.jit.view.proxy.visible_pos()[0].purchase_order_no
    window.jit.po_list.select_numbers([first])
    qtbot.waitUntil(lambda: window.jit.view.items_panel.table.rowCount() > 0, timeout=WAIT_MS)
    look(window)

    # Batch: a pack of that PO, with its result
    with qtbot.waitSignal(window.jit.batches.job_finished, timeout=WAIT_MS):
        window.jit.batches.start_job(Job.PACK)
    window.jit.view.tabs.setCurrentWidget(window.jit.view.batch_panel)
    look(window)
    results = window.jit.view.batch_panel.results
    english_seen.extend(
        ("BatchPanel/result", results.text(r, 2))
        for r in range(results.rowCount())
        if untranslated(results.text(r, 2), data)
    )

    # Print: labels shown with no printer set, sent, refused: the error bar and the failed list
    panel = window.jit.view.print_panel
    window.jit.view.tabs.setCurrentWidget(panel)
    pdf = label_pdf(tmp_path / "labels.pdf", PdfSize.LABEL_100X150.millimetres, 2)
    panel.show_pdf(pdf, PdfSize.LABEL_100X150, [first], 2)
    qtbot.waitUntil(lambda: len(panel.jobs()) == 1, timeout=WAIT_MS)
    with qtbot.waitSignal(panel.failed, timeout=WAIT_MS):
        panel.send_current()
    assert panel.jobs()[0].status is JobStatus.FAILED
    qtbot.waitUntil(window.jit.view.error_bar.isVisible, timeout=WAIT_MS)
    look(window)
    window.jit.view.error_bar.details_button.setChecked(True)
    look(window)

    # Log
    window.jit.view.tabs.setCurrentWidget(window.log_view)
    look(window)

    # Marketplace orders, an order selected
    orders = window.views.orders
    with qtbot.waitSignal(orders.loaded, timeout=WAIT_MS):
        window.views.tabs.setCurrentWidget(orders)
    orders.table.selectRow(0)
    look(window)

    # ERP: both tabs, loaded
    erp = window.views.erp
    window.views.tabs.setCurrentWidget(erp)
    qtbot.waitUntil(lambda: erp.qianyi_model.rowCount() > 0 and erp.shoplazza_model.rowCount() > 0, timeout=WAIT_MS)
    look(window)
    erp.tabs.setCurrentIndex(1)
    look(window)

    # Replenish dialog, from the JIT PO selected
    erp.replenish()
    qtbot.waitUntil(lambda: erp.dialog is not None and erp.dialog.isVisible(), timeout=WAIT_MS)
    assert erp.dialog is not None
    look(erp.dialog)
    erp.dialog.reject()
    window.views.tabs.setCurrentIndex(0)

    # Ship dialog
    window.jit.po_list.select_numbers([first])
    window.jit.batches.ship()
    qtbot.waitUntil(window.jit.batches.ship_dialog.isVisible, timeout=WAIT_MS)
    look(window.jit.batches.ship_dialog)
    window.jit.batches.ship_dialog.reject()

    # Verify: a PO open in the verify panel, a unit counted; the operator signed in; its dialogs
    verify = window.jit.verify
    window.jit.view.verify.setChecked(True)
    data.extend(item.product_title for rows in window.jit.po_list.items.values() for item in rows)  # read since
    no = next(
        po.purchase_order_no
        for po in window.jit.view.proxy.visible_pos()
        if po.status is POStatus.TO_PACK and window.jit.po_list.items.get(po.purchase_order_no)
    )
    with qtbot.waitSignal(verify.opened, timeout=WAIT_MS):
        verify.open_po(no)
    verify.count(window.jit.po_list.items[no][0].barcodes[0])
    look(window)
    verify.sign_in("李娜")
    look(window)
    verify.ask_finish_short()
    assert verify.dialog is not None
    look(verify.dialog)
    verify.dialog.reject()
    verify.ask_inner_pack(window.jit.po_list.items[no][0].sku_id)
    assert verify.dialog is not None
    look(verify.dialog)
    verify.dialog.reject()
    verify.sign_out()
    verify.ask_sign_in()
    assert verify.dialog is not None
    look(verify.dialog)
    verify.dialog.reject()
    look(window)

    # Stats (this window has no journal: it says so)
    window.views.tabs.setCurrentWidget(window.views.stats)
    look(window)
    window.views.tabs.setCurrentIndex(0)

    # Settings
    window.open_settings()
    qtbot.waitUntil(window.settings_dialog.isVisible, timeout=WAIT_MS)
    look(window.settings_dialog)
    window.settings_dialog.reject()

    # First run, on a computer with no usable password store
    monkeypatch.setattr(keyring, "get_keyring", lambda: FailKeyring())
    keyring.set_keyring(FailKeyring())
    first_run = SettingsDialog(settings, first_run=True)
    qtbot.addWidget(first_run)
    first_run.show()
    qtbot.waitUntil(first_run.isVisible, timeout=WAIT_MS)
    assert first_run.error.isVisible()
    look(first_run)
    first_run.reject()

    report = "\n".join(f"{where}: {text!r}" for where, text in dict.fromkeys(english_seen))
    assert not english_seen, f"still in English:\n{report}"


def test_an_unexpected_error_is_told_in_chinese(chinese: None) -> None:
    from station.ui.excepthook import operator_error

    error = operator_error(KeyError("profile"), "Traceback …")
    assert error.message == "出错了：'profile'. 详细信息在日志中。"
