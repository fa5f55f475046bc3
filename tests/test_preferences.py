"""The preference registry: one declaration per preference, typed defaults, the environment winning."""

from __future__ import annotations

import enum
import re
import socket
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from station import preferences as p
from station.journal.store import bench_name, claim_ttl
from station.lazada.models import PdfSize
from station.preferences import PREFERENCES, Preference, Preferences
from station.printing.spooler import PrinterSettings
from station.scan_input import Terminator

STATION = Path(__file__).resolve().parents[1] / "station"


def other_value(pref: Preference[Any]) -> Any:
    """A value of ``pref``'s type that is not its default (and within its choices and limits)."""
    if pref.choices:
        return next(c for c in pref.choices if c != pref.default)
    if pref.type is bool:
        return not pref.default
    if pref.type in (int, float):
        value = pref.default + 7
        return pref.type(min(value, pref.limits[1])) if pref.limits else value
    if pref.type is bytes:
        return b"\x00\x01state"
    if issubclass(pref.type, enum.Enum):
        return next(m for m in pref.type if m != pref.default)
    return "from-the-environment"


def as_env(value: Any) -> str:
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value).lower() if isinstance(value, bool) else str(value)


def test_every_preference_has_a_unique_key_and_a_default_of_its_type() -> None:
    keys = [pref.key for pref in PREFERENCES]
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]
    envs = [pref.env for pref in PREFERENCES if pref.env]
    assert len(envs) == len(set(envs))
    for pref in PREFERENCES:
        assert isinstance(pref.default, pref.type), pref.key
        assert not pref.choices or pref.default in pref.choices, pref.key
        assert pref.stored or pref.env, f"{pref.key} is kept nowhere"
        assert pref.doc, pref.key
        assert re.fullmatch(r"[a-z_.{}]+/[a-z_{}]+", pref.key), pref.key
    # every module-level Preference is in the registry
    declared = {value for value in vars(p).values() if isinstance(value, Preference)}
    assert declared == set(PREFERENCES)


def test_every_station_variable_the_code_reads_is_declared() -> None:
    read = set()
    outside = []  # modules reading one themselves instead of through the registry
    for path in STATION.rglob("*.py"):
        found = set(re.findall(r"""(?:environ(?:\.get\(|\[)|getenv\()\s*["'](STATION_\w+)""", path.read_text("utf-8")))
        read |= found
        if found and path.name != "preferences.py":
            outside.append(str(path.relative_to(STATION)))
    assert read <= {pref.env for pref in PREFERENCES}, read
    assert outside == []


def test_defaults_round_trip_through_the_file(tmp_path: Path) -> None:
    q = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
    prefs = Preferences(q, environ={})
    for pref in PREFERENCES:
        assert prefs.get(pref, profile="x", size="A4", bench="x") == pref.default
        if pref.stored:
            prefs.set(pref, other_value(pref), profile="x", size="A4", bench="x")
    prefs.sync()
    again = Preferences(QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat), environ={})
    for pref in PREFERENCES:
        if pref.stored:
            assert again.get(pref, profile="x", size="A4", bench="x") == other_value(pref), pref.key


@pytest.mark.parametrize("pref", [pref for pref in PREFERENCES if pref.env], ids=lambda pref: pref.env)
def test_the_environment_wins(pref: Preference[Any], tmp_path: Path) -> None:
    assert pref.env is not None  # the parameters are the preferences with an environment variable
    q = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
    value = other_value(pref)
    if pref.stored:
        Preferences(q, environ={}).set(pref, pref.default)
    prefs = Preferences(q, environ={pref.env: as_env(value)})
    assert prefs.get(pref) == value
    assert prefs.overridden(pref)
    assert prefs.stored(pref) == pref.default  # what Settings shows and saves is the file's
    blank = Preferences(q, environ={pref.env: "  "})
    assert blank.get(pref) == pref.default and not blank.overridden(pref)


def test_the_process_environment_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    q = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
    Preferences(q).set(p.JOURNAL_URL, "postgresql://station@saved:5432/station")
    monkeypatch.setenv("STATION_JOURNAL", "postgresql://station@env:5432/station")
    assert Preferences(q).get(p.JOURNAL_URL) == "postgresql://station@env:5432/station"
    monkeypatch.setenv("STATION_CLAIM_TTL", "not a number")
    assert p.from_environment(p.CLAIM_TTL) is None  # ignored, with a warning
    assert claim_ttl() == p.CLAIM_TTL.default == 60.0


def test_the_journal_reads_the_bench_and_the_claim_ttl_through_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATION_BENCH", "  bench-7 ")
    monkeypatch.setenv("STATION_CLAIM_TTL", "5")
    assert bench_name() == "bench-7"
    assert claim_ttl() == 5.0
    monkeypatch.setenv("STATION_CLAIM_TTL", "0.2")  # held within the registry's limits
    assert claim_ttl() == 1.0
    monkeypatch.setenv("STATION_BENCH", " ")
    assert bench_name() == socket.gethostname()


def test_the_keys_of_existing_settings_files_still_read(tmp_path: Path) -> None:
    ini = tmp_path / "Station.ini"
    ini.write_text(
        "[profiles]\nactive=shop-b\nnames=default, shop-b\n"
        "[printers]\nLABEL_100X150=Zebra\nbackend=CUPS\n"
        "[print]\nsize=6030\norder=true\nbarcode=false\n"
        "[scanner]\nterminator=tab\nmax_gap_ms=500\nprefix=\n"
        "[ui]\nsounds=false\n"
        "[profile.shop-b]\nconfigured=true\npickup_area_code=PH\npickup_address_id=1000123\n",
        "utf-8",
    )
    prefs = Preferences(QSettings(str(ini), QSettings.Format.IniFormat), environ={})
    assert prefs.get(p.ACTIVE_PROFILE) == "shop-b"
    assert prefs.get(p.PROFILE_NAMES) == "default,shop-b"  # unquoted comma: read back as a list by Qt
    assert PrinterSettings(prefs.q).printer(PdfSize.LABEL_100X150) == "Zebra"
    assert PrinterSettings(prefs.q).backend == "cups"
    assert prefs.get(p.PRINT_SIZE) is PdfSize.LABEL_60X30
    assert prefs.get(p.PRINT_ORDER) is True and prefs.get(p.PRINT_BARCODE) is False
    assert prefs.get(p.SCANNER_TERMINATOR) is Terminator.TAB
    assert prefs.get(p.SCANNER_MAX_GAP_MS) == 200  # held within its limits
    assert prefs.get(p.SOUNDS) is False
    assert prefs.get(p.CONFIGURED, profile="shop-b") is True
    assert prefs.get(p.PICKUP_ADDRESS_ID, profile="shop-b") == 1000123


def test_a_bad_value_in_the_file_is_the_default(tmp_path: Path) -> None:
    ini = tmp_path / "Station.ini"
    ini.write_text("[print]\nsize=A5\norder=maybe\n[printers]\nbackend=lpr\n[scanner]\nmax_gap_ms=fast\n", "utf-8")
    prefs = Preferences(QSettings(str(ini), QSettings.Format.IniFormat), environ={})
    assert prefs.get(p.PRINT_SIZE) is p.PRINT_SIZE.default
    assert prefs.get(p.PRINT_ORDER) is False
    assert prefs.get(p.PRINT_BACKEND) == "auto"
    assert prefs.get(p.SCANNER_MAX_GAP_MS) == p.SCANNER_MAX_GAP_MS.default
    with pytest.raises(ValueError):
        prefs.set(p.BENCH, "bench-3")  # from the environment only
