"""Dates as the operator's locale writes them; ISO dates under the C/POSIX locale (not "24 11 2026")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from station.lazada.orders.models import Address, Order
from station.ui.filters_bar import FilterBar
from station.ui.locale_format import date_format, local_text
from station.ui.orders_view import OrdersTableModel
from station.ui.ship_dialog import ContactForm

MOMENT = datetime(2026, 11, 24, 8, 5).astimezone()  # local time, as the window shows it
TODAY = date(2026, 11, 24)


@pytest.fixture
def locale() -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("name", "day", "moment"),
    [
        ("C", "2026-11-24", "2026-11-24 08:05"),
        ("zh_CN", "2026/11/24", "2026/11/24 08:05"),
        ("en_GB", "24/11/2026", "24/11/2026 08:05"),
    ],
)
def test_dates_follow_the_locale(locale: None, qtbot: QtBot, name: str, day: str, moment: str) -> None:
    QLocale.setDefault(QLocale(name))
    assert local_text(MOMENT) == moment
    assert local_text(MOMENT, time_only=True) == "08:05"
    bar = FilterBar(TODAY, days=1)  # the listing's date range
    qtbot.addWidget(bar)
    assert bar.date_to.text() == day and bar.date_from.text() == day
    assert bar.date_range() == (TODAY, TODAY)
    form = ContactForm()  # the pickup date: shown in the locale's way, sent to the platform as yyyy-MM-dd
    qtbot.addWidget(form)
    form.date.setDate(form.date.date().fromString("2026-11-24", "yyyy-MM-dd"))
    assert form.date.text() == day
    orders = OrdersTableModel()  # the marketplace orders' creation time
    orders.set_orders(
        [Order("1", "1001", MOMENT, MOMENT, ("pending",), 1, "10.00", "0", "0", "COD", Address.from_api({}), "")]
    )
    assert orders.data(orders.index(0, 1)) == moment


def test_the_c_locale_writes_iso_dates_not_qts_own(locale: None) -> None:
    QLocale.setDefault(QLocale.c())
    assert QLocale.c().dateFormat(QLocale.FormatType.ShortFormat) != "yyyy-MM-dd"  # what Qt would show
    assert date_format() == "yyyy-MM-dd"
    assert local_text(MOMENT) == "2026-11-24 08:05"
