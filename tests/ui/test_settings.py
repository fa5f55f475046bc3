"""Settings round trip: secrets to and from the keyring, never into the QSettings INI file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from station.credentials import CredentialStore
from station.lazada.models import PdfSize
from station.lazada.pickups import PickupLabelSize
from station.lazada.regions import Region
from station.printing.spooler import PrinterSettings
from station.ui.settings_dialog import DEMO_CHOSEN, SettingsDialog
from station.ui.ui_settings import UiSettings
from tests.conftest import MemoryKeyring

SECRET = "my-app-secret-9f8e7d6c"
ACCESS = "access-token-50000abcdef1234"
REFRESH = "refresh-token-50001fedcba4321"


def fill(dialog: SettingsDialog, profile: str) -> None:
    dialog.profile.setCurrentText(profile)
    dialog.region.setCurrentIndex(dialog.region.findData(Region.MY))
    dialog.app_key.setText("123456")
    dialog.app_secret.setText(SECRET)
    dialog.access_token.setText(ACCESS)
    dialog.refresh_token.setText(REFRESH)
    form = dialog.contact
    form.area.setCurrentText("MY")
    form.division.setText("4242")
    form.detail.setText("Lot 7, Jalan Bench, Shah Alam")
    form.phone.setText("+60123456789")
    form.name.setText("Bench Two")


def test_settings_round_trip_through_the_keyring(qtbot: QtBot, isolated_environment: MemoryKeyring) -> None:
    ui = UiSettings()
    dialog = SettingsDialog(ui, first_run=True)
    qtbot.addWidget(dialog)
    fill(dialog, "shop-b")
    dialog.printers[PdfSize.LABEL_60X30].setCurrentIndex(dialog.printers[PdfSize.LABEL_60X30].count() - 1)
    dialog.sounds.setChecked(False)
    dialog.save()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted

    store = CredentialStore("shop-b")
    creds, tokens = store.load(), store.load_tokens()
    assert creds is not None and creds.app_secret == SECRET and creds.region is Region.MY
    assert tokens is not None and tokens.access_token == ACCESS and tokens.refresh_token == REFRESH
    assert any(SECRET in value for value in isolated_environment.entries.values())

    ui.sync()
    ini = Path(ui.q.fileName()).read_text("utf-8")
    for secret in (SECRET, ACCESS, REFRESH):
        assert secret not in ini
    assert "shop-b" in ini and "Jalan Bench" in ini

    again = SettingsDialog(UiSettings())
    qtbot.addWidget(again)
    assert again.profile.currentText() == "shop-b"
    assert again.app_secret.text() == SECRET
    assert again.app_secret.echoMode() == again.app_secret.EchoMode.Password
    assert again.access_token.text() == ACCESS
    assert again.contact.name.text() == "Bench Two"
    assert not again.sounds.isChecked()
    assert UiSettings().printer(PdfSize.LABEL_60X30) == dialog.printers[PdfSize.LABEL_60X30].currentData()


def test_first_run_needs_the_credentials(qtbot: QtBot) -> None:
    dialog = SettingsDialog(UiSettings(), first_run=True)
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.error.isVisibleTo(dialog)
    assert "app key" in dialog.error.text()
    assert CredentialStore("default").load() is None


def test_first_run_offers_the_demo(qtbot: QtBot) -> None:
    dialog = SettingsDialog(UiSettings(), first_run=True)
    qtbot.addWidget(dialog)
    demo = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Try the demo")
    with qtbot.waitSignal(dialog.finished) as blocker:
        demo.click()
    assert blocker.args == [DEMO_CHOSEN]


def test_settings_fit_a_short_screen(qtbot: QtBot) -> None:
    """Every group reachable on a 768-pixel laptop: the dialog is no taller than the screen, and scrolls."""
    from PySide6.QtWidgets import QScrollArea

    dialog = SettingsDialog(UiSettings(), first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    screen = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= screen.height()
    scroll = dialog.findChild(QScrollArea)
    assert scroll is not None
    inner = scroll.widget()
    assert inner is not None
    assert inner.isAncestorOf(dialog.scanner.test_field)  # the last group is in it too
    assert inner.sizeHint().height() > scroll.viewport().height()  # on this 600-pixel screen it scrolls


def test_the_scanner_test_shows_what_a_scan_delivered(qtbot: QtBot) -> None:
    """Key events as a scanner sends them (Shift per capital) into Settings' test field: the code, its
    length, the speed and the terminator are shown; the field itself receives nothing."""
    from tests.ui.keys import KeySender

    ui = UiSettings()
    dialog = SettingsDialog(ui)
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.scanner
    sender = KeySender(box.test_field)
    box.filter.clock = lambda: sender.now[0]
    sender.scan("]C1POJ2611290543467481", gap=0.005)
    assert box.last_scan is not None and box.last_scan.code == "POJ2611290543467481"
    report = box.result.text()
    assert "POJ2611290543467481" in report and "19 characters" in report and "Enter" in report
    assert "]C1" in report
    assert box.test_field.text() == ""
    # A terminator chosen in the dialog applies to the test before it is saved, and is saved.
    box.terminator.setCurrentIndex(box.terminator.findData("tab"))
    sender.type_us("ABCD1234")
    sender.tap(Qt.Key.Key_Tab, "\t")
    assert box.last_scan.code == "ABCD1234" and box.last_scan.terminator == "Tab"
    fill(dialog, "shop-c")
    dialog.save()
    assert ui.scanner.terminator.value == "tab"


def test_the_carton_label_printer_is_a_size_of_its_own(qtbot: QtBot, isolated_environment: MemoryKeyring) -> None:
    ui = UiSettings()
    ui.set_carton_printer(PickupLabelSize.LABEL_100X100, "Cartons-100")  # not connected: still offered
    ui.set_printer(PdfSize.A4, "Office-A4")
    dialog = SettingsDialog(ui)
    qtbot.addWidget(dialog)
    combo = dialog.carton_printer
    assert combo.currentData() == "Cartons-100" and "not connected" in combo.currentText()
    combo.setCurrentIndex(combo.findData(""))
    dialog.save()
    saved = PrinterSettings(UiSettings().q)
    assert saved.carton_printer(PickupLabelSize.LABEL_100X100) == ""
    assert saved.carton_printer(PickupLabelSize.A4) == "Office-A4"  # A4 carton labels go to the A4 printer
    assert saved.printer(PdfSize.LABEL_100X150) == ""
