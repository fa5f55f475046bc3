"""The day's figures per operator and hour (:mod:`station.workflow.stats`) from known verification
events, and ``station-cli stats [--date] [--json]``."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from station.cli.main import main
from station.journal import Journal, VerifyEvent, VerifyEventKind
from station.workflow.stats import HourFigures, day_figures

Kind = VerifyEventKind
DAY = date(2026, 11, 30)


def at(hour: int, minute: int = 0, second: int = 0, day: date = DAY) -> float:
    return datetime(day.year, day.month, day.day, hour, minute, second).astimezone().timestamp()


EVENTS = [
    VerifyEvent(at(9, 10), Kind.UNIT, "PO1", "b1", "ann", "SKU-A", 1),
    VerifyEvent(at(9, 11), Kind.UNIT, "PO1", "b1", "ann", "SKU-A", 4),  # 4 typed, then the barcode
    VerifyEvent(at(9, 12), Kind.WRONG_ITEM, "PO1", "b1", "ann", "", 1, code="999"),
    VerifyEvent(at(9, 13), Kind.TOO_MANY, "PO1", "b1", "ann", "SKU-A", 2),
    VerifyEvent(at(9, 20), Kind.COMPLETE, "PO1", "b1", "ann"),
    VerifyEvent(at(10, 5), Kind.UNIT, "PO2", "b1", "ann", "SKU-B", 3),
    VerifyEvent(at(10, 6), Kind.UNIT, "PO2", "b1", "ann", "SKU-B", -1),  # one taken back out
    VerifyEvent(at(10, 30), Kind.FORCED, "PO2", "b1", "ann", "", 3, reason="damaged"),
    VerifyEvent(at(10, 31), Kind.COMPLETE, "PO1", "b1", "ann"),  # PO1 again: counted once
    VerifyEvent(at(14, 0), Kind.WRONG_ITEM, "PO3", "b2", "bob", "", 1, code="X"),
    VerifyEvent(at(14, 1), Kind.WRONG_ITEM, "PO3", "b2", "bob", "", 24, code="X"),  # one refused scan
    VerifyEvent(at(14, 10), Kind.CANCELLED, "PO3", "b2", "bob"),
    VerifyEvent(at(14, 11), Kind.CANCELLED, "PO3", "b2", "bob"),  # the batch saw it too: once
    VerifyEvent(at(23, 59, 59), Kind.UNIT, "PO4", "b2", "", "SKU-C", 2),
    VerifyEvent(at(23, 59, 59, date(2026, 11, 29)), Kind.UNIT, "PO5", "b2", "ann", "SKU-C", 50),  # the day before
    VerifyEvent(at(0, 0, 0, date(2026, 12, 1)), Kind.UNIT, "PO5", "b2", "ann", "SKU-C", 70),  # the day after
]


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    path = tmp_path / "j.sqlite3"
    journal = Journal(path)
    for event in EVENTS:
        journal.record_event(event)
    journal.close()
    return path


def test_the_days_figures_per_operator_and_hour(journal_path: Path) -> None:
    journal = Journal(journal_path)
    days = day_figures(journal, DAY)
    assert day_figures(journal, date(2026, 11, 28)) == []
    journal.close()
    assert [d.operator for d in days] == ["", "ann", "bob"]
    nobody, ann, bob = days
    assert all(len(d.hours) == 24 and [h.hour for h in d.hours] == list(range(24)) for d in days)
    assert [h for h in ann.hours if h.active] == [
        HourFigures(9, units=5, pos_completed=1, wrong_items=1, extra_units=2),
        HourFigures(10, units=2, forced=1),
    ]
    assert ann.total == HourFigures(-1, units=7, pos_completed=1, wrong_items=1, extra_units=2, forced=1)
    assert bob.total == HourFigures(-1, wrong_items=2, cancelled=1) == bob.hours[14].plus(HourFigures(0), hour=-1)
    assert nobody.total == HourFigures(-1, units=2) and nobody.hours[23].units == 2


def test_cli_stats_text_and_json(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--date", "2026-11-30", "--journal", str(journal_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["date"] == "2026-11-30"
    assert [o["operator"] for o in data["operators"]] == ["", "ann", "bob"]
    ann = data["operators"][1]
    assert ann["total"] == {
        "units": 7,
        "pos_completed": 1,
        "wrong_items": 1,
        "extra_units": 2,
        "forced": 1,
        "cancelled": 0,
    }
    assert [h["hour"] for h in ann["hours"]] == [9, 10] and ann["hours"][1]["forced"] == 1

    assert main(["stats", "--date", "2026-11-30", "--journal", str(journal_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Pack verification on 2026-11-30"
    assert "(not signed in)" in lines and "ann" in lines and "bob" in lines
    ann_rows = lines[lines.index("ann") + 1 : lines.index("bob")]
    assert ann_rows[0].split() == ["hour", "units", "POs", "done", "wrong", "extra", "forced", "cancelled"]
    assert [row.split() for row in ann_rows[1:4]] == [
        ["09:00", "5", "1", "1", "2", "0", "0"],
        ["10:00", "2", "0", "0", "0", "1", "0"],
        ["total", "7", "1", "1", "2", "1", "0"],
    ]


def test_cli_stats_of_a_quiet_day_and_a_bad_date(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--date", "2026-11-01", "--journal", str(journal_path)]) == 0
    assert capsys.readouterr().out.strip() == "No verification recorded on 2026-11-01."
    with pytest.raises(SystemExit) as usage:
        main(["stats", "--date", "30/11/2026", "--journal", str(journal_path)])
    assert usage.value.code == 2
    assert "'30/11/2026' is not a date in the form YYYY-MM-DD" in capsys.readouterr().err
