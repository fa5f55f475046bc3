"""The bench's verification desk on both stores (a SQLite file, the shared PostgreSQL journal):
counts answered at once and journaled in the background, resumed after a restart and after the
counting process is killed, a PO held at the other bench, finishes with the operator, inner packs
shared, and a write that fails retried with the next one."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from station.journal import JournalStore, VerifyEventKind, VerifyRecordState, open_journal
from station.workflow.errors import VerifyHeldError
from station.workflow.verify import InnerPack, ShortReason, Verdict, VerifyState
from station.workflow.verify_desk import VerifyDesk
from tests.support import wait_until
from tests.verify_fixtures import a_po, items_of

ROOT = Path(__file__).resolve().parents[2]
Kind = VerifyEventKind


@pytest.fixture(params=["sqlite", "postgres"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        return str(request.getfixturevalue("pg_url"))
    return str(tmp_path / "j.sqlite3")


class Benches:
    """Journals and desks opened on one store, all closed at the end."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.journals: list[JournalStore] = []
        self.desks: list[VerifyDesk] = []

    def journal(self, bench: str) -> JournalStore:
        journal = open_journal(self.target, bench=bench)
        self.journals.append(journal)
        return journal

    def desk(self, bench: str, operator: str = "ann") -> VerifyDesk:
        desk = VerifyDesk(self.journal(bench), operator=operator)
        self.desks.append(desk)
        return desk

    def close(self) -> None:
        for desk in self.desks:
            desk.close()
        for journal in self.journals:
            journal.close()


@pytest.fixture
def benches(target: str) -> Iterator[Benches]:
    opened = Benches(target)
    yield opened
    opened.close()


def test_scans_are_counted_at_once_and_journaled_with_their_refusals(benches: Benches) -> None:
    desk = benches.desk("bench-a")
    assert desk.journal.operator == "ann"  # the steps the journal records carry the name too
    v = desk.open(a_po(), items_of())
    assert [desk.count(v, code).verdict for code in ("BC-A", "bc-a2", "NOPE")] == [
        Verdict.COUNTED,
        Verdict.COUNTED,
        Verdict.WRONG_ITEM,
    ]
    assert desk.count(v, "BC-B", 9).counted == 3  # typed 9, capped at the 3 the line needs
    assert desk.count(v, "BC-B").verdict is Verdict.TOO_MANY
    assert v.scanned == {"SKU-A": 2, "SKU-B": 3}  # in memory, before the journal has it
    assert desk.flush(10)
    reader = benches.journal("reader")
    stored = reader.load_verification("PO1")
    assert stored is not None and dict(stored.scanned) == {"SKU-A": 2, "SKU-B": 3}
    assert stored.operator == "ann" and stored.state is VerifyRecordState.OPEN
    events = [(e.kind, e.sku_id, e.units, e.code, e.operator) for e in reader.verify_events(0, 4e9)]
    assert events == [
        (Kind.UNIT, "SKU-A", 1, "BC-A", "ann"),
        (Kind.UNIT, "SKU-A", 1, "bc-a2", "ann"),
        (Kind.WRONG_ITEM, "", 1, "NOPE", "ann"),
        (Kind.UNIT, "SKU-B", 3, "BC-B", "ann"),
        (Kind.TOO_MANY, "SKU-B", 1, "BC-B", "ann"),
    ]


def test_switching_pos_and_restarting_keep_each_ones_counts(benches: Benches) -> None:
    desk = benches.desk("bench-a")
    first = desk.open(a_po("PO1"), items_of("PO1"))
    desk.count(first, "BC-A", 2)
    second = desk.open(a_po("PO2"), items_of("PO2"))
    desk.count(second, "BC-B")
    again = desk.open(a_po("PO1"), items_of("PO1"))  # back to the first: its counts, even unwritten
    assert again.scanned == {"SKU-A": 2, "SKU-B": 0}
    desk.release("PO1")
    desk.release("PO2")
    assert desk.close(10)
    restarted = benches.desk("bench-a")  # the station started again
    assert restarted.open(a_po("PO1"), items_of("PO1")).scanned == {"SKU-A": 2, "SKU-B": 0}
    assert restarted.open(a_po("PO2"), items_of("PO2")).scanned == {"SKU-A": 0, "SKU-B": 1}


def test_a_po_verified_at_one_bench_is_held_at_the_other(benches: Benches) -> None:
    a, b = benches.desk("bench-a"), benches.desk("bench-b", "bob")
    a.open(a_po(), items_of())
    with pytest.raises(VerifyHeldError) as held:
        b.open(a_po(), items_of())
    assert held.value.problem.kind == "verify.held"
    assert dict(held.value.problem.params) == {"no": "PO1", "bench": "bench-a"}
    assert "PO1 is being verified at bench bench-a" in held.value.operator_message
    assert b.held_elsewhere(["PO1", "PO2"]) == {"PO1": "bench-a"}
    assert a.held_elsewhere(["PO1"]) == {}  # its own hold
    a.keep_holds()
    a.release("PO1")
    assert a.flush(10)
    assert b.open(a_po(), items_of()).scanned == {"SKU-A": 0, "SKU-B": 0}
    assert a.held_elsewhere(["PO1"]) == {"PO1": "bench-b"}


def test_finishes_carry_the_operator_and_a_finished_po_takes_no_more(benches: Benches) -> None:
    desk = benches.desk("bench-a", operator="")
    v = desk.open(a_po(), items_of())
    desk.count(v, "BC-A", 4)
    with pytest.raises(ValueError, match="operator"):
        desk.finish_short(v, ShortReason.DAMAGED, "")
    desk.operator = "  Ann Lee "
    finish = desk.finish_short(v, ShortReason.OTHER, "one torn")
    assert (finish.state, finish.operator, dict(finish.missing)) == (
        VerifyState.FORCED,
        "Ann Lee",
        {"SKU-A": 1, "SKU-B": 3},
    )
    assert desk.count(v, "BC-A").verdict is Verdict.CLOSED
    done = desk.open(a_po("PO2"), items_of("PO2"))
    desk.count(done, "BC-A", 5)
    assert desk.count(done, "BC-B", 3).verdict is Verdict.COMPLETE
    desk.finish_complete(done)
    desk.finish_complete(done)  # said twice: journaled once
    assert desk.flush(10)
    stored = desk.journal.load_verification("PO1")
    assert stored is not None and (stored.state, stored.reason, stored.note, stored.operator) == (
        VerifyRecordState.FORCED,
        "other",
        "one torn",
        "Ann Lee",
    )
    kinds = [
        (e.purchase_order_no, e.kind, e.units) for e in desk.journal.verify_events(0, 4e9) if e.kind is not Kind.UNIT
    ]
    assert kinds == [("PO1", Kind.FORCED, 4), ("PO2", Kind.COMPLETE, 0)]
    desk.release("PO1")
    assert desk.close(10)
    reopened = benches.desk("bench-a").open(a_po(), items_of())
    assert reopened.state is VerifyState.FORCED and reopened.scanned["SKU-A"] == 4


def test_an_inner_pack_set_at_one_bench_counts_at_the_others(benches: Benches) -> None:
    a, b = benches.desk("bench-a"), benches.desk("bench-b")
    v = a.open(a_po(), items_of())
    a.set_inner_pack("SKU-B", InnerPack("PACK-B3", 3))
    assert a.count(v, "PACK-B3").counted == 3  # at once, in the PO open here
    assert a.flush(10)
    other = b.open(a_po("PO2"), items_of("PO2"))
    result = b.count(other, "pack-b3")
    assert (result.verdict, result.counted, result.sku_id) == (Verdict.COUNTED, 3, "SKU-B")


def test_counts_are_resumed_after_the_counting_process_is_killed(benches: Benches) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.verify_child", benches.target, "bench-k", "PO7", "3"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "counted 3"
        held = benches.journal("bench-z")
        assert held.holders(["PO7"]) == {"PO7": "bench-k"}
    finally:
        child.kill()  # SIGKILL: nothing closed, the hold left behind
        child.wait(10)
    desk = benches.desk("bench-k")  # this bench's station started again: its own dead hold is taken over
    v = desk.open(a_po("PO7"), items_of("PO7"))
    assert v.scanned == {"SKU-A": 3, "SKU-B": 0}
    assert desk.count(v, "BC-A").line_remaining == 1
    other = benches.desk("bench-z")
    with pytest.raises(VerifyHeldError):  # another bench still may not take it
        other.open(a_po("PO7"), items_of("PO7"))


def test_a_write_that_fails_is_retried_with_the_next_one(pg_url: str) -> None:
    benches = Benches(pg_url)
    try:
        desk = benches.desk("bench-a")
        v = desk.open(a_po(), items_of())
        desk.count(v, "BC-A")
        assert desk.flush(10)
        with psycopg.connect(pg_url, autocommit=True) as admin:  # the server drops the bench's connection
            dropped = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'station bench-a'"
            ).fetchall()
        assert dropped
        desk.count(v, "BC-A")
        wait_until(lambda: desk.last_write_error, what="the write to fail")
        assert desk.unwritten >= 1 and v.scanned["SKU-A"] == 2
        desk.count(v, "BC-A")  # the next write retries the failed one first
        assert desk.flush(10) and desk.unwritten == 0
        stored = desk.journal.load_verification("PO1")
        assert stored is not None and dict(stored.scanned) == {"SKU-A": 3, "SKU-B": 0}
        assert [e.units for e in desk.journal.verify_events(0, 4e9)] == [1, 1, 1]
    finally:
        benches.close()


def test_a_unit_taken_back_out_is_journaled_and_a_po_completed_again_counts_again(benches: Benches) -> None:
    desk = benches.desk("bench-a")
    v = desk.open(a_po(), items_of())
    desk.count(v, "BC-A", 5)
    desk.count(v, "BC-B", 3)
    desk.finish_complete(v)
    assert desk.undo(v, "SKU-B", 2) == 2 and v.state is VerifyState.OPEN
    assert desk.undo(v, "SKU-B", 5) == 1  # only what was counted
    assert desk.count(v, "BC-B", 3).verdict is Verdict.COMPLETE
    desk.finish_complete(v)
    assert desk.flush(10)
    events = [(e.kind, e.units) for e in desk.journal.verify_events(0, 4e9)]
    assert events == [
        (Kind.UNIT, 5),
        (Kind.UNIT, 3),
        (Kind.COMPLETE, 0),
        (Kind.UNIT, -2),
        (Kind.UNIT, -1),
        (Kind.UNIT, 3),
        (Kind.COMPLETE, 0),
    ]
    stored = desk.journal.load_verification("PO1")
    assert (
        stored is not None
        and stored.state is VerifyRecordState.COMPLETE
        and dict(stored.scanned) == {"SKU-A": 5, "SKU-B": 3}
    )
