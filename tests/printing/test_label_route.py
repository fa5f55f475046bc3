"""A paper size's printer route is remembered in QSettings and read back as it was set."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from station.printing.label_route import PrinterRoute, PrintPath, load_route, save_route
from station.printing.label_settings import LabelPrinterSettings
from tests.printing.routes import EVERY_SETTING_CHANGED


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)


def test_unset_size_takes_the_pdf_path(tmp_path: Path) -> None:
    assert load_route(_settings(tmp_path), "LABEL_100X150") == PrinterRoute()
    assert not PrinterRoute().path.is_raw


def test_a_raw_route_reads_back_as_saved_after_a_restart(tmp_path: Path) -> None:
    route = EVERY_SETTING_CHANGED
    q = _settings(tmp_path)
    save_route(q, "LABEL_60X30", route)
    q.sync()
    again = _settings(tmp_path)
    assert load_route(again, "LABEL_60X30") == route
    assert load_route(again, "LABEL_100X150") == PrinterRoute()  # other sizes untouched
    assert route.host_port() == ("10.0.0.9", 9101)
    assert PrinterRoute(PrintPath.SOCKET, "zebra-1").host_port() == ("zebra-1", 9100)


def test_unset_darkness_stays_the_printers_own(tmp_path: Path) -> None:
    q = _settings(tmp_path)
    save_route(q, "A4", PrinterRoute(PrintPath.CUPS_RAW, label=LabelPrinterSettings(darkness=5)))
    save_route(q, "A4", PrinterRoute(PrintPath.CUPS_RAW))
    assert load_route(q, "A4").label.darkness is None


def test_a_damaged_setting_falls_back_to_pdf_not_a_crash(tmp_path: Path) -> None:
    q = _settings(tmp_path)
    save_route(q, "A4", PrinterRoute(PrintPath.CUPS_RAW))
    q.setValue("label_printers/A4/dpi", "250")  # no printer prints at 250 dpi
    assert load_route(q, "A4") == PrinterRoute()
    q.setValue("label_printers/A4/path", "carrier-pigeon")
    assert load_route(q, "A4") == PrinterRoute()


def test_a_bad_address_is_refused_in_words() -> None:
    with pytest.raises(ValueError, match="host:port"):
        PrinterRoute(PrintPath.SOCKET, "zebra:ninety").host_port()
