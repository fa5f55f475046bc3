"""The status chips above the table: counts that fall do not shrink a chip (no re-lay on each change)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from pytestqt.qtbot import QtBot

from station.lazada.models import POStatus
from station.ui.filters_bar import FilterBar


def test_a_chip_grows_with_its_count_and_keeps_its_width_when_the_count_falls(qtbot: QtBot) -> None:
    bar = FilterBar(date(2026, 11, 23))
    qtbot.addWidget(bar)
    bar.show()
    chip = bar.chips[POStatus.READY_TO_SHIP]
    bar.set_counts(Counter({POStatus.READY_TO_SHIP: 7}))
    narrow = chip.minimumWidth()
    bar.set_counts(Counter({POStatus.READY_TO_SHIP: 1234}))
    wide = chip.minimumWidth()
    assert wide > narrow and chip.text().endswith("1234")
    qtbot.waitUntil(lambda: chip.width() >= wide, timeout=5000)  # the whole count is readable
    bar.set_counts(Counter({POStatus.READY_TO_SHIP: 3}))
    assert chip.minimumWidth() == wide and chip.text().endswith("3")
