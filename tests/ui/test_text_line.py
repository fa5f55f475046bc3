"""The batch's step line: its text changes must not re-lay the window (each re-lay repainted it all)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from station.ui.widgets import TextLine


class LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def _requests_after_texts(qtbot: QtBot, line: QWidget) -> int:
    tabs = QTabWidget()
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(line)
    layout.addWidget(QLabel("below"))
    tabs.addTab(page, "Batch")
    qtbot.addWidget(tabs)
    tabs.show()
    qtbot.waitExposed(tabs)
    QApplication.processEvents()
    spy = LayoutRequests()
    tabs.installEventFilter(spy)
    page.installEventFilter(spy)
    for text in (
        "Packing: 1 of 500",
        "Waiting until ready: 120 of 500",
        "Booking pickup: 2 of 3",
        "Fetching labels: 40 of 500",
    ):
        line.setText(text)  # type: ignore[attr-defined]
        QApplication.processEvents()
    return spy.count


def test_a_label_relays_its_tabs_on_each_text_and_the_text_line_does_not(qtbot: QtBot) -> None:
    # The QLabel count shows the harness can see what the text line avoids.
    assert _requests_after_texts(qtbot, QLabel()) >= 4
    assert _requests_after_texts(qtbot, TextLine()) == 0


def test_the_text_line_keeps_its_size_and_text(qtbot: QtBot) -> None:
    line = TextLine()
    qtbot.addWidget(line)
    hint = line.sizeHint()
    line.setText("Waiting until ready: 120 of 500, and a great deal more text than the width holds")
    assert line.text().startswith("Waiting until ready: 120 of 500")
    assert line.sizeHint() == hint
    assert line.accessibleName() == line.text()
