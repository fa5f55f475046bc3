"""Pack verification's records on both stores (SQLite and the shared PostgreSQL one): counts and
events in one write, finishes, the day's events, inner packs shared by benches, the operator on
every step; and a journal of version 4 that opens, migrates and keeps working."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from station.journal import (
    Journal,
    JournalStore,
    StoredInnerPack,
    VerifyEvent,
    VerifyEventKind,
    VerifyRecordState,
    open_journal,
)
from station.journal.schema import MIGRATIONS, PG_MIGRATIONS
from station.outcomes import PoOutcome

Kind = VerifyEventKind


@pytest.fixture(params=["sqlite", "postgres"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    if request.param == "postgres":
        return str(request.getfixturevalue("pg_url"))
    return tmp_path / "j.sqlite3"


@pytest.fixture
def journals(target: str | Path) -> Iterator[list[JournalStore]]:
    opened = [open_journal(target, bench="bench-a"), open_journal(target, bench="bench-b")]
    yield opened
    for journal in opened:
        journal.close()


def event(kind: VerifyEventKind, at: float, **fields: object) -> VerifyEvent:
    return VerifyEvent(at=at, kind=kind, purchase_order_no=str(fields.pop("no", "PO1")), **fields)  # type: ignore[arg-type]


def test_counts_and_events_are_written_together_and_read_back(journals: list[JournalStore]) -> None:
    a, b = journals
    assert a.load_verification("PO1") is None
    a.save_count("PO1", {"S1": 1}, event(Kind.UNIT, 100.0, sku_id="S1", units=1, operator="ann", bench="bench-a"))
    a.save_count("PO1", {"S1": 3, "S2": 1}, event(Kind.UNIT, 101.0, sku_id="S1", units=2, operator="ann"))
    a.record_event(event(Kind.WRONG_ITEM, 102.0, code="999", units=1, operator="ann"))
    stored = b.load_verification("PO1")  # the other bench reads the same journal
    assert stored is not None
    assert dict(stored.scanned) == {"S1": 3, "S2": 1}
    assert (stored.bench, stored.instance, stored.operator) == ("bench-a", a.instance, "ann")
    assert stored.state is VerifyRecordState.OPEN and stored.finished_at is None
    kinds = [(e.kind, e.units, e.at) for e in b.verify_events(100.0, 102.0)]
    assert kinds == [(Kind.UNIT, 1, 100.0), (Kind.UNIT, 2, 101.0)]  # ``until`` excluded
    assert b.verify_events(102.0, 103.0)[0].code == "999"


def test_a_forced_finish_keeps_its_reason_missing_units_and_event(journals: list[JournalStore]) -> None:
    a, _ = journals
    a.save_count("PO2", {"S1": 1}, event(Kind.UNIT, 10.0, no="PO2", sku_id="S1", units=1))
    a.finish_verification("PO2", VerifyRecordState.FORCED, "damaged", "box crushed", "bob", {"S1": 2, "S2": 4}, at=20.0)
    stored = a.load_verification("PO2")
    assert stored is not None
    assert stored.state is VerifyRecordState.FORCED and stored.finished_at is not None
    assert (stored.reason, stored.note, stored.operator) == ("damaged", "box crushed", "bob")
    assert dict(stored.missing) == {"S1": 2, "S2": 4} and dict(stored.scanned) == {"S1": 1}
    (forced,) = a.verify_events(20.0, 21.0)
    assert (forced.kind, forced.units, forced.operator, forced.bench) == (Kind.FORCED, 6, "bob", "bench-a")
    # a PO never counted (cancelled as soon as it was scanned) gets its row as well
    a.finish_verification("PO3", VerifyRecordState.CANCELLED, "", "", "bob", {}, at=30.0)
    cancelled = a.load_verification("PO3")
    assert cancelled is not None and cancelled.state is VerifyRecordState.CANCELLED
    with pytest.raises(ValueError):
        a.finish_verification("PO3", VerifyRecordState.OPEN, "", "", "bob", {})


def test_inner_packs_are_shared_changed_and_removed(journals: list[JournalStore]) -> None:
    a, b = journals
    a.set_inner_pack("S1", "IP-6", 6)
    a.set_inner_pack("S1", "IP-12", 12)
    b.set_inner_pack("S1", "IP-6", 8)  # the other bench corrects it
    assert b.inner_packs(["S1", "S2"]) == {"S1": [StoredInnerPack("IP-12", 12), StoredInnerPack("IP-6", 8)]}
    a.set_inner_pack("S1", "IP-12", 0)
    assert a.inner_packs(["S1"]) == {"S1": [StoredInnerPack("IP-6", 8)]}
    assert a.inner_packs([]) == {}


def test_the_operator_goes_with_every_step_and_batch(journals: list[JournalStore]) -> None:
    a, _ = journals
    a.step_sent(None, "token_refresh", [])
    a.operator = "ann"
    log = a.start_batch("default", [PoOutcome("PO9", "S", "W")], {})
    a.claim(a.bench, ["PO9"], batch_id=log.batch_id)
    a.claimed_step_sent(log.batch_id, "pack", ["PO9"])
    a.operator = "bob"
    a.step_sent(log.batch_id, "print", ["PO9"])
    assert [s["operator"] for s in a.steps()] == ["", "ann", "bob"]


def test_a_journal_of_version_4_migrates_and_keeps_working(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    old = sqlite3.connect(path)  # schema 4, as the station wrote it before pack verification
    old.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    for script in MIGRATIONS[:4]:
        old.executescript(script)
    old.execute("INSERT INTO meta VALUES ('schema_version', '4')")
    old.execute(
        "INSERT INTO batches (profile, started_at, state, options, bench) VALUES ('default', 1.0, 'running', '{}', 'b')"
    )
    old.execute(
        "INSERT INTO steps (batch_id, kind, purchase_order_nos, state, sent_at)"
        " VALUES (1, 'pack', '[\"PO1\"]', 'done', 1.0)"
    )
    old.commit()
    old.close()
    journal = Journal(path, bench="b")
    assert journal.schema_version() == len(MIGRATIONS) == 6
    assert [(s["kind"], s["operator"]) for s in journal.steps()] == [("pack", "")]
    batch = journal.unfinished_batch("default")
    assert batch is not None and batch.id == 1
    journal.operator = "ann"
    journal.step_sent(1, "ship", ["PO1"])
    journal.save_count("PO1", {"S1": 2}, event(Kind.UNIT, 5.0, sku_id="S1", units=2))
    assert [s["operator"] for s in journal.steps()] == ["", "ann"]
    stored = journal.load_verification("PO1")
    assert stored is not None and dict(stored.scanned) == {"S1": 2}
    journal.close()


def test_a_shared_journal_of_version_4_migrates_and_keeps_working(pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as conn:  # schema 4, as benches wrote it before
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        for script in PG_MIGRATIONS[:4]:
            for statement in script.split(";"):
                if statement.strip():
                    conn.execute(statement)
        conn.execute("INSERT INTO meta VALUES ('schema_version', '4')")
        conn.execute(
            "INSERT INTO steps (batch_id, kind, purchase_order_nos, state, sent_at)"
            " VALUES (NULL, 'pack', '[\"PO1\"]', 'done', 1.0)"
        )
    journal = open_journal(pg_url, bench="b")
    try:
        assert journal.schema_version() == len(PG_MIGRATIONS) == 6
        assert [(s["kind"], s["operator"]) for s in journal.steps()] == [("pack", "")]
        journal.operator = "ann"
        journal.step_sent(None, "ship", ["PO1"])
        journal.finish_verification("PO1", VerifyRecordState.COMPLETE, "", "", "ann", {}, at=7.0)
        assert [s["operator"] for s in journal.steps()] == ["", "ann"]
        assert [e.kind for e in journal.verify_events(0, 10)] == [Kind.COMPLETE]
    finally:
        journal.close()
