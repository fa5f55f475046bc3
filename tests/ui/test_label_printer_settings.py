"""Settings' label printers: a route set there is read back after a restart; the test label prints on the
virtual label printer (real TCP on 127.0.0.1) and says so; a printer that cannot print says why, in words."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from station.printing.calibration import mm_to_dot
from station.printing.label_route import PrinterRoute, PrintPath, load_route
from station.printing.label_settings import LabelPrinterSettings, Language
from station.simulator.label_printer import VirtualLabelPrinter
from station.ui.label_printer_settings import LabelPrinterBox
from station.ui.settings_dialog import SettingsDialog
from station.ui.ui_settings import UiSettings
from tests.printing.dots import decode, leftmost_and_top
from tests.printing.routes import EVERY_SETTING_CHANGED

WAIT_MS = 20_000


@pytest.fixture
def printer() -> Iterator[VirtualLabelPrinter]:
    with VirtualLabelPrinter(dpi=203) as virtual:
        yield virtual


def _dialog(qtbot: QtBot, ui: UiSettings) -> SettingsDialog:
    dialog = SettingsDialog(ui)
    qtbot.addWidget(dialog)
    return dialog


def _set(box: LabelPrinterBox, route: PrinterRoute) -> None:
    """Fill the form as an operator would, control by control."""
    label = route.label
    box.path.setCurrentIndex(box.path.findData(route.path.value))
    box.address.setText(route.address)
    box.language.setCurrentIndex(box.language.findData(label.language.value))
    box.dpi.setCurrentIndex(box.dpi.findData(label.dpi))
    box.width_mm.setValue(label.size_mm[0])
    box.length_mm.setValue(label.size_mm[1])
    box.media.setCurrentIndex(box.media.findData(label.media.value))
    box.gap_mm.setValue(label.gap_mm)
    box.darkness.setValue(box.darkness.minimum() if label.darkness is None else label.darkness)
    box.speed.setValue(box.speed.minimum() if label.speed is None else label.speed)
    box.upside_down.setChecked(label.upside_down)
    box.rotation.setCurrentIndex(box.rotation.findData(label.rotation.value))
    box.offset_x.setValue(label.offset_x)
    box.offset_y.setValue(label.offset_y)


def _socket(printer: VirtualLabelPrinter, **label: object) -> PrinterRoute:
    settings = LabelPrinterSettings(size_mm=(100.0, 150.0), **label)  # type: ignore[arg-type]
    return PrinterRoute(PrintPath.SOCKET, f"127.0.0.1:{printer.port}", settings)


def test_a_route_set_in_settings_is_there_after_a_restart(qtbot: QtBot) -> None:
    ui = UiSettings()
    dialog = _dialog(qtbot, ui)
    box = dialog.label_printers
    small = EVERY_SETTING_CHANGED
    box.select("LABEL_60X30")
    _set(box, small)
    assert box.route() == small
    box.select("LABEL_100X150")  # the 60x30 edits are kept while another size is shown
    big = PrinterRoute(PrintPath.SOCKET, "zebra-1", LabelPrinterSettings(darkness=-4, offset_y=16))
    _set(box, big)
    dialog.save()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    ui.sync()

    again = _dialog(qtbot, UiSettings())  # a restart: a new dialog on the same settings file
    assert load_route(again.settings.q, "LABEL_60X30") == small
    assert again.label_printers.route() == big  # the first size is shown first
    again.label_printers.select("LABEL_60X30")
    assert again.label_printers.route() == small
    assert again.label_printers.darkness.text() == "9" and again.label_printers.offset_x.text() == "-12 dots"
    assert load_route(again.settings.q, "LABEL_100X100") == PrinterRoute()  # untouched sizes stay unwritten
    again.reject()


def test_printers_own_darkness_and_speed_read_as_such(qtbot: QtBot) -> None:
    box = _dialog(qtbot, UiSettings()).label_printers
    _set(box, PrinterRoute(PrintPath.SOCKET, "zebra-1"))
    assert box.route().label.darkness is None and box.darkness.text() == "printer's own"
    box.language.setCurrentIndex(box.language.findData(Language.TSPL.value))
    assert box.darkness.minimum() == -1 and box.route().label.darkness is None  # TSPL's 0..15, still its own
    assert box.offset_x.isEnabled() and box.address.isEnabled()
    box.path.setCurrentIndex(box.path.findData(PrintPath.PDF.value))  # the driver's own settings do the rest
    assert not box.offset_x.isEnabled() and not box.darkness.isEnabled() and not box.address.isEnabled()


def test_the_test_label_prints_on_the_virtual_printer_and_reads(qtbot: QtBot, printer: VirtualLabelPrinter) -> None:
    dialog = _dialog(qtbot, UiSettings())
    box = dialog.label_printers
    _set(box, _socket(printer, offset_x=16, offset_y=8, darkness=12))
    box.test_button.setFocus()
    QTest.keyClick(box.test_button, Qt.Key.Key_Space)  # the keyboard reaches it
    qtbot.waitUntil(lambda: box.test_button.isEnabled() and "printed" in box.test_result.text(), timeout=WAIT_MS)
    assert "127.0.0.1" in box.test_result.text()
    (label,) = printer.labels
    assert decode(label.page) == ["CAL203"]
    assert leftmost_and_top(label.page) == (16, 8)  # the ruler's corner, moved by the offsets
    assert (label.page.width, label.page.height) == (799, 1198)
    dialog.save()  # the offsets and darkness tried are remembered
    remembered = load_route(dialog.settings.q, "LABEL_100X150").label
    assert (remembered.offset_x, remembered.offset_y, remembered.darkness) == (16, 8, 12)


def test_a_tspl_test_label_at_300_dpi_has_its_ticks_on_their_dots(qtbot: QtBot) -> None:
    with VirtualLabelPrinter(dpi=300) as virtual:
        dialog = _dialog(qtbot, UiSettings())
        box = dialog.label_printers
        box.select("LABEL_60X30")
        _set(
            box,
            PrinterRoute(
                PrintPath.SOCKET, f"127.0.0.1:{virtual.port}", LabelPrinterSettings(Language.TSPL, 300, (60.0, 30.0))
            ),
        )
        box.test_button.click()
        qtbot.waitUntil(lambda: "printed" in box.test_result.text(), timeout=WAIT_MS)
        page = virtual.labels[0].page
        row = page.data[mm_to_dot(1.5, 300) * page.row_bytes : (mm_to_dot(1.5, 300) + 1) * page.row_bytes]
        bits = "".join(f"{byte:08b}" for byte in row)
        assert [bits[mm_to_dot(tick, 300)] for tick in range(10)] == ["1"] * 10
        assert decode(page) == ["CAL300"]
        dialog.reject()


@pytest.mark.parametrize(
    ("state", "words"),
    [("offline", "does not answer"), ("paper_out", "is out of labels"), ("paused", "is paused")],
)
def test_a_printer_that_cannot_print_says_why(
    qtbot: QtBot, printer: VirtualLabelPrinter, state: str, words: str
) -> None:
    getattr(printer, f"set_{state}")(True)
    dialog = _dialog(qtbot, UiSettings())
    box = dialog.label_printers
    _set(box, _socket(printer))
    box.test_button.click()
    assert not box.test_button.isEnabled()  # the worker has it; the window goes on
    qtbot.waitUntil(box.test_button.isEnabled, timeout=WAIT_MS)
    text = box.test_result.text()
    assert words in text and "Nothing was printed" in text, text
    assert printer.printed == 0
    dialog.reject()


def test_a_socket_route_needs_an_address_and_a_queue_route_a_printer(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, UiSettings())
    box = dialog.label_printers
    _set(box, PrinterRoute(PrintPath.SOCKET, ""))
    box.test_button.click()
    assert "network address" in box.test_result.text() and box.test_button.isEnabled()
    _set(box, PrinterRoute(PrintPath.PDF))
    box.test_button.click()
    assert "Choose the printer" in box.test_result.text()
    dialog.reject()


def test_the_demo_route_stays_in_memory(qtbot: QtBot, printer: VirtualLabelPrinter) -> None:
    ui = UiSettings()
    demo = _socket(printer)
    ui.route_overrides["LABEL_100X150"] = demo
    dialog = _dialog(qtbot, ui)
    assert dialog.label_printers.route() == demo
    dialog.label_printers.offset_x.setValue(24)
    dialog.save()
    assert ui.route("LABEL_100X150").label.offset_x == 24
    assert ui.printing.route("LABEL_100X150") == ui.route("LABEL_100X150")
    assert load_route(ui.q, "LABEL_100X150") == PrinterRoute()  # the shop's settings file never had it
    assert ui.q.value("label_printers/LABEL_100X150/path") is None
