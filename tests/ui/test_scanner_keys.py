"""The scanner filter fed the key events real scanners send: Shift before capitals (or held), CapsLock,
keypad digits and Enter, AltGr, Ctrl+] for GS1's separator, Tab or no terminator, a prefix.

Each sequence is sent event by event (press and release, modifiers included) through the
application, as the X server's would be; a clock the test moves gives the timing.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from station.scan_input import GS, Scan, ScannerConfig, Terminator
from station.ui.scanner import ScannerFilter
from tests.ui.keys import KeySender

M = Qt.KeyboardModifier


class Bench(KeySender):
    """A field with the scanner filter over it; the keys go to the field."""

    def __init__(self, line: QLineEdit) -> None:
        super().__init__(line)
        self.field = line
        self.scans: list[Scan] = []
        self.filter = ScannerFilter(clock=lambda: self.now[0])
        self.filter.scanned_in_full.connect(self.scans.append)


@pytest.fixture
def bench(qtbot: QtBot) -> Iterator[Bench]:
    line = QLineEdit()
    qtbot.addWidget(line)
    line.show()
    bench = Bench(line)
    bench.filter.install()
    yield bench
    bench.filter.uninstall()


def test_capitals_with_shift_before_each_are_one_scan(bench: Bench) -> None:
    bench.type_us("POJ2611290543467481")
    bench.enter()
    assert [s.code for s in bench.scans] == ["POJ2611290543467481"]
    assert bench.scans[0].terminator == "Enter"
    assert bench.field.text() == ""


def test_shift_held_over_several_capitals(bench: Bench) -> None:
    bench.key(Qt.Key.Key_Shift, "", M.ShiftModifier)
    for char in "XYZ":
        bench.tap(ord(char), char, M.ShiftModifier)
    bench.key(Qt.Key.Key_Shift, "", M.NoModifier, release=True)
    bench.type_us("-not-a-po")
    bench.enter()
    assert [s.code for s in bench.scans] == ["XYZ-not-a-po"]


def test_capslock_on(bench: Bench) -> None:
    bench.tap(Qt.Key.Key_CapsLock)
    for char in "ABC123":
        bench.tap(ord(char), char)
    bench.tap(Qt.Key.Key_CapsLock)
    bench.enter()
    assert [s.code for s in bench.scans] == ["ABC123"]


def test_keypad_digits_and_keypad_enter(bench: Bench) -> None:
    for char in "4801234567890":
        bench.tap(ord(char), char, M.KeypadModifier)
    bench.enter(keypad=True)
    assert [(s.code, s.terminator) for s in bench.scans] == [("4801234567890", "Keypad Enter")]


def test_altgr_characters_count(bench: Bench) -> None:
    """AZERTY's "@" is AltGr+0: on X11 an AltGr press first, on Windows it arrives as Ctrl+Alt."""
    bench.type_us("ab")
    bench.key(Qt.Key.Key_AltGr)
    bench.tap(Qt.Key.Key_At, "@", M.GroupSwitchModifier)
    bench.key(Qt.Key.Key_AltGr, release=True)
    bench.tap(Qt.Key.Key_At, "@", M.ControlModifier | M.AltModifier)
    bench.type_us("cd")
    bench.enter()
    assert [s.code for s in bench.scans] == ["ab@@cd"]


def test_gs1_symbology_identifier_and_group_separator(bench: Bench) -> None:
    bench.type_us("]C1")
    bench.type_us("0104801234567890")
    bench.tap(Qt.Key.Key_BracketRight, GS, M.ControlModifier)  # a wedge scanner's Ctrl+]
    bench.type_us("10LOT7")
    bench.enter()
    (scan,) = bench.scans
    assert scan.code == f"0104801234567890{GS}10LOT7"
    assert scan.symbology == "]C1"
    assert scan.gs1
    assert scan.lookup_codes() == [scan.code, "04801234567890", "4801234567890"]


def test_tab_terminator(bench: Bench) -> None:
    bench.filter.set_config(ScannerConfig(terminator=Terminator.TAB))
    bench.type_us("POJ1234")
    bench.tap(Qt.Key.Key_Tab, "\t")
    assert [(s.code, s.terminator) for s in bench.scans] == [("POJ1234", "Tab")]
    # Enter is then an ordinary key: the held characters go to the field.
    bench.type_us("abcd")
    bench.enter()
    assert bench.field.text() == "abcd"
    assert len(bench.scans) == 1


def test_no_terminator_a_pause_ends_the_scan(bench: Bench, qtbot: QtBot) -> None:
    bench.filter.set_config(ScannerConfig(terminator=Terminator.NONE, idle_end_ms=80))
    bench.type_us("POJ77889900")
    bench.now[0] += 0.2  # the pause the timer waits for, on the filter's clock
    qtbot.waitUntil(lambda: len(bench.scans) == 1, timeout=2000)
    assert (bench.scans[0].code, bench.scans[0].terminator) == ("POJ77889900", "pause")
    assert bench.field.text() == ""


def test_prefix_is_taken_off_and_required(bench: Bench) -> None:
    bench.filter.set_config(ScannerConfig(prefix="#"))
    bench.type_us("#POJ555")
    bench.enter()
    assert [s.code for s in bench.scans] == ["POJ555"]
    bench.type_us("POJ556")  # no prefix: typing, however fast
    bench.enter()
    assert len(bench.scans) == 1
    assert bench.field.text() == "POJ556"


def test_slow_typing_with_shift_reaches_the_field_in_order(bench: Bench, qtbot: QtBot) -> None:
    bench.type_us("Po-J 7", gap=0.2)
    bench.enter(gap=0.2)
    assert bench.scans == []
    assert bench.field.text() == "Po-J 7"


def test_a_held_key_is_typing(bench: Bench) -> None:
    bench.tap(Qt.Key.Key_A, "a")
    for _ in range(6):
        bench.now[0] += 0.03
        bench.key(Qt.Key.Key_A, "a", auto_repeat=True)
    bench.enter()
    assert bench.scans == []
    assert bench.field.text() == "a" * 7


def test_ctrl_shortcut_inside_a_burst_ends_it(bench: Bench) -> None:
    bench.type_us("abc")
    bench.tap(Qt.Key.Key_A, "\x01", M.ControlModifier)  # Ctrl+A selects all in the field
    bench.type_us("POJ9")
    bench.enter()
    assert [s.code for s in bench.scans] == ["POJ9"]


def test_long_scan_is_one_code(bench: Bench) -> None:
    code = "X" * 10_000
    bench.type_us(code, gap=0.001)
    bench.enter(gap=0.001)
    assert [len(s.code) for s in bench.scans] == [10_000]
    assert bench.field.text() == ""


def test_speed_and_length_reported(bench: Bench) -> None:
    bench.type_us("abcdefghij", gap=0.005)
    bench.enter()
    (scan,) = bench.scans
    assert len(scan.raw) == 10
    assert scan.seconds == pytest.approx(0.045, abs=1e-6)
    assert scan.chars_per_second == pytest.approx(200, rel=1e-3)


def test_a_line_feed_ends_a_scan_like_enter(bench: Bench) -> None:
    """X11's Linefeed key (what some scanners are set to send, and ``xdotool type "\\n"``): Qt gives it
    no key name, only the text."""
    bench.type_us("POJ42")
    bench.tap(0x0A, "\n")
    assert [(s.code, s.terminator) for s in bench.scans] == [("POJ42", "Enter")]
