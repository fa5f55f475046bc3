"""The scanner part of Settings: how the bench's scanner ends its codes, its prefix, and a test field
that shows exactly what a scan delivered (code, length, speed, terminator)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from station.scan_input import Scan, ScannerConfig, Terminator, shown
from station.ui.scanner import ScannerFilter

SHOWN_CODE_CHARS = 80


class ScannerBox(QGroupBox):
    def __init__(self, config: ScannerConfig, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Scanner"), parent)
        self._config = config
        self.terminator = QComboBox()
        for terminator, label in (
            (Terminator.ENTER, self.tr("Enter")),
            (Terminator.TAB, self.tr("Tab")),
            (Terminator.NONE, self.tr("Nothing (a pause ends the code)")),
        ):
            self.terminator.addItem(label, terminator.value)
        self.terminator.setCurrentIndex(max(0, self.terminator.findData(config.terminator.value)))
        self.prefix = QLineEdit(config.prefix)
        self.prefix.setPlaceholderText(self.tr("none"))
        self.prefix.setMaxLength(8)
        self.test_field = QLineEdit()
        self.test_field.setPlaceholderText(self.tr("Click here, then scan a barcode to test the scanner"))
        self.result = QLabel(self.tr("No scan yet."))
        self.result.setTextFormat(Qt.TextFormat.PlainText)  # a scanned code is data, never markup
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Room for the report's three lines from the start: the dialog does not re-lay (or scroll
        # away from it) when the first scan arrives.
        self.result.setMinimumHeight(self.result.fontMetrics().lineSpacing() * 3 + 8)
        form = QFormLayout(self)
        form.addRow(self.tr("Code ends with"), self.terminator)
        form.addRow(self.tr("Prefix before each code"), self.prefix)
        form.addRow(self.tr("Test"), self.test_field)
        form.addRow("", self.result)
        # Its own filter, listening to the test field only: the window's filter is quiet while a
        # dialog is open, and this one must use the choices above before they are saved.
        self.filter = ScannerFilter(self, config=self.config(), scope=self.test_field)
        self.filter.scanned_in_full.connect(self.show_scan)
        self.terminator.currentIndexChanged.connect(self._config_changed)
        self.prefix.textChanged.connect(self._config_changed)
        self.last_scan: Scan | None = None

    def config(self) -> ScannerConfig:
        terminator = Terminator(str(self.terminator.currentData()))
        return ScannerConfig(terminator=terminator, prefix=self.prefix.text(), max_gap_ms=self._config.max_gap_ms)

    def _config_changed(self) -> None:
        self.filter.set_config(self.config())

    def show_scan(self, scan: Scan) -> None:
        self.last_scan = scan
        code = shown(scan.code)
        if len(code) > SHOWN_CODE_CHARS:
            code = code[:SHOWN_CODE_CHARS] + "…"
        terminator = {
            "Enter": self.tr("Enter"),
            "Keypad Enter": self.tr("keypad Enter"),
            "Tab": self.tr("Tab"),
            "pause": self.tr("a pause"),
        }.get(scan.terminator, scan.terminator)
        lines = [
            self.tr("Received: {code}").format(code=code),
            self.tr("{length} characters in {ms} ms ({rate} characters per second), ended by {terminator}").format(
                length=len(scan.code),
                ms=round(scan.seconds * 1000),
                rate=round(scan.chars_per_second),
                terminator=terminator,
            ),
        ]
        if scan.symbology:
            lines.append(self.tr("Symbology identifier {id} taken off").format(id=scan.symbology))
        self.result.setText("\n".join(lines))

    # The test listens only while it is on screen.
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.filter.install()

    def hideEvent(self, event: QHideEvent) -> None:
        self.filter.uninstall()
        super().hideEvent(event)
