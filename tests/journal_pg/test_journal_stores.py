"""The journal API on both stores (SQLite and the shared PostgreSQL one), the claims, the
migrations, the password from the keyring, and a server that goes away in the middle of a batch."""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from station.connect import Connection
from station.journal import (
    BatchHeldError,
    BenchDay,
    ClaimLostError,
    JournalStore,
    JournalUnreachableError,
    open_journal,
)
from station.journal.postgres import PostgresJournal, masked
from station.journal.schema import MIGRATIONS, PG_MIGRATIONS
from station.outcomes import BatchReport, PoOutcome, Step
from station.simulator.server import SimulatorServer
from station.workflow.batch import BatchRunner, list_to_pack
from station.workflow.resume import prepare_resume
from tests.conftest import MemoryKeyring
from tests.journal_pg.pg import PASSWORD, PgServer, pg_bindir
from tests.support import wait_until
from tests.test_workflow import options

OpenJournal = Callable[..., JournalStore]


@pytest.fixture(params=["sqlite", "postgres"])
def open_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[OpenJournal]:
    """Open journals (one per bench) on the same store: a SQLite file or a PostgreSQL database."""
    if request.param == "postgres":
        target: str | Path = request.getfixturevalue("pg_url")
    else:
        target = tmp_path / "j.sqlite3"
    opened: list[JournalStore] = []

    def open_(bench: str = "bench-a", ttl: float | None = None) -> JournalStore:
        journal = open_journal(target, bench=bench, ttl=ttl)
        opened.append(journal)
        return journal

    yield open_
    for journal in opened:
        journal.close()


# ---------------------------------------------------------------------- migrations, secrets
def test_pg_migrations_apply_once_even_when_benches_start_together(pg_url: str) -> None:
    journals: list[JournalStore] = []
    errors: list[BaseException] = []

    def start() -> None:
        try:
            journals.append(open_journal(pg_url, bench=f"b{len(journals)}"))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert all(j.schema_version() == len(PG_MIGRATIONS) == len(MIGRATIONS) for j in journals)
    for j in journals:
        j.close()
    again = open_journal(pg_url)
    assert again.schema_version() == len(MIGRATIONS)
    with psycopg.connect(pg_url) as conn:
        tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    assert tables >= {"meta", "batches", "batch_pos", "steps", "claims"}
    again.close()


def test_password_comes_from_the_keyring_and_is_never_shown(
    pg_server: PgServer, isolated_environment: MemoryKeyring
) -> None:
    url = pg_server.url(password=False)
    assert "secret" not in masked(pg_server.url()) and masked(pg_server.url()) == url
    with pytest.raises(JournalUnreachableError) as refused:
        open_journal(url)
    assert PASSWORD not in str(refused.value)
    isolated_environment.set_password("station", "journal:127.0.0.1", PASSWORD)
    journal = open_journal(url)
    assert isinstance(journal, PostgresJournal) and PASSWORD not in repr(journal)
    assert journal.schema_version() == len(MIGRATIONS)
    journal.close()


def test_a_path_mangled_url_still_opens_the_shared_journal(pg_url: str) -> None:
    journal = open_journal(Path(pg_url))  # what `Journal(Path(args.journal))` would hand over
    assert isinstance(journal, PostgresJournal)
    journal.close()


# ---------------------------------------------------------------------- the API, on both stores
def test_unfinished_batch_is_read_back_in_order(open_store: OpenJournal) -> None:
    journal = open_store()
    outcomes = [PoOutcome(f"POJ{i}", "Store", "WH-1") for i in range(5)]
    log = journal.start_batch("default", outcomes, {"size": "100150"})
    step = log.sent(Step.SHIP, ["POJ1", "POJ2"])
    outcomes[1].packed = outcomes[1].ready = outcomes[1].shipped = True
    outcomes[1].pickup_no = "PUO1"
    outcomes[3].fail(Step.PACK, "cancelled")
    log.save(outcomes)
    batch = journal.unfinished_batch("default")
    assert batch is not None
    assert batch.purchase_order_nos == [f"POJ{i}" for i in range(5)]
    assert batch.outcomes[1].shipped and batch.outcomes[1].pickup_no == "PUO1"
    assert batch.outcomes[3].failed_step is Step.PACK
    assert batch.open_steps == [(step, "ship", ["POJ1", "POJ2"])]
    assert journal.unfinished_batch("other profile") is None
    log.reconciled([step])
    assert journal.steps(log.batch_id)[0]["state"] == "reconciled"
    log.answered(step, "done")
    log.finish("done")
    assert journal.unfinished_batch("default") is None
    assert journal.batch_state(log.batch_id) == "done"


def test_recent_outcomes_are_the_profiles_own_oldest_first(open_store: OpenJournal) -> None:
    journal = open_store()
    first = [PoOutcome("POJ1", "Store", "WH-1"), PoOutcome("POJ2", "Store", "WH-1")]
    log = journal.start_batch("default", first, {"job": "pack"})
    first[0].packed = first[1].packed = True
    log.save(first)
    log.finish("done")
    again = PoOutcome("POJ2", "Store", "WH-1", packed=True)
    again.fail(Step.PRINT, "No printer")
    journal.start_batch("default", [again], {"job": "print"}).save([again])
    journal.start_batch("other", [PoOutcome("POJ3", "Store", "WH-1", printed=True)], {"job": "run"})
    rows = journal.recent_outcomes("default", since=0)
    assert [(o.purchase_order_no, job) for o, job, _ in rows][-1] == ("POJ2", "print")
    assert {o.purchase_order_no for o, _, _ in rows} == {"POJ1", "POJ2"}
    assert [when for _, _, when in rows] == sorted(when for _, _, when in rows)
    assert rows[-1][0].failed_step is Step.PRINT and rows[-1][0].error == "No printer"
    assert journal.recent_outcomes("default", since=rows[-1][2] + 3600) == []


def test_an_open_batch_is_resumed_by_its_bench_or_after_its_lease(open_store: OpenJournal) -> None:
    mine = open_store("bench-a", ttl=0.5)
    other = open_store("bench-b", ttl=0.5)
    log = mine.start_batch("default", [PoOutcome("POX1", "S", "W")], {})
    assert other.unfinished_batch("default") is None  # bench-a is alive: not bench-b's to resume
    batch = mine.unfinished_batch("default")
    assert batch is not None and batch.id == log.batch_id
    time.sleep(0.7)  # bench-a's lease runs out, but its station is still alive (it holds the batch's lock)
    assert other.unfinished_batch("default") is None
    mine.close()  # now it died: its lock went with it (PostgreSQL lets go once its backend has ended)
    taken = wait_until(lambda: other.unfinished_batch("default"), timeout=10, what="the dead bench's lock to go")
    assert taken is not None and taken.id == log.batch_id
    assert open_store("bench-a", ttl=0.5).unfinished_batch("default") is None  # now bench-b's


def test_two_stations_on_one_pc_share_the_bench_name_not_the_batch(open_store: OpenJournal) -> None:
    first, second = open_store("bench-a"), open_store("bench-a")  # two processes, one host name
    log = first.start_batch("default", [PoOutcome("POS1", "S", "W"), PoOutcome("POS2", "S", "W")], {})
    assert log.claim(["POS1", "POS2"]) == {}
    with pytest.raises(BatchHeldError) as held:
        second.unfinished_batch("default")
    assert held.value.operator_message.startswith(
        f"Another Station on this PC is running this batch (pid {os.getpid()})"
    )
    assert second.claim("bench-a", ["POS1", "POS3"]) == ["POS3"]  # the first's claims are not the second's
    other = second.start_batch("default", [PoOutcome("POS1", "S", "W")], {})
    assert other.claim(["POS1"]) == {"POS1": f"Held by another Station on this PC (pid {os.getpid()}); not sent."}
    assert second.renew("bench-a", ["POS1", "POS2"]) == []
    assert first.unfinished_batch("default") is not None  # its own: it holds the lease
    log._stop.set()  # the heartbeat dies with the station
    first.close()  # the first station died: its lease went with it, its claims not yet expired
    third = open_store("bench-a")
    taken = third.unfinished_batch("default")
    assert taken is not None and taken.id == log.batch_id
    assert sorted(third.renew("bench-a", ["POS1", "POS2"], batch_id=taken.id)) == ["POS1", "POS2"]  # now its own
    with pytest.raises(BatchHeldError):
        open_store("bench-a").unfinished_batch("default")


def test_runner_writes_every_step_and_claims(
    open_store: OpenJournal, conn: Connection, sim: SimulatorServer, tmp_path: Path
) -> None:
    journal = open_store()
    pos = list_to_pack(conn.client)[:10]
    log = journal.start_batch("default", list(BatchReport.for_pos(pos).outcomes.values()), {})
    report = BatchRunner(conn.client, options(tmp_path), log=log).run(pos)
    assert not report.failed()
    steps = journal.steps(log.batch_id)
    assert {s["kind"] for s in steps} == {"pack", "ship", "print"}
    assert all(s["state"] == "done" and s["answered_at"] >= s["sent_at"] for s in steps)
    assert journal.batch_state(log.batch_id) == "done"
    assert journal.holders([po.purchase_order_no for po in pos]) == {}  # released at the end
    # the same POs in a new batch: already done by this batch, so refused
    again = journal.start_batch("default", list(BatchReport.for_pos(pos).outcomes.values()), {})
    second = BatchRunner(conn.client, options(tmp_path), log=again).run(pos)
    assert all(o.failed_step is Step.LIST and "Already done by bench" in o.error for o in second.outcomes.values())
    assert all(
        c["ship_successes"] == 1 and c["pack_accepted"] == 1
        for no, c in sim.stats()["purchase_orders"].items()
        if no in {p.purchase_order_no for p in pos}
    )


def test_a_po_held_by_another_bench_is_not_sent(
    open_store: OpenJournal, conn: Connection, sim: SimulatorServer, tmp_path: Path
) -> None:
    # A short claim life: bench-b, alive, renews its claims; bench-a waits one life for them after its
    # own work (a claim still live then was renewed) and leaves them to bench-b, as being done there.
    here, there = open_store("bench-a", ttl=1.0), open_store("bench-b", ttl=1.0)
    pos = list_to_pack(conn.client)[:6]
    held = [pos[0].purchase_order_no, pos[3].purchase_order_no]
    assert there.claim("bench-b", held) == held
    alive = threading.Event()

    def bench_b_at_work() -> None:
        while not alive.wait(0.2):
            there.renew("bench-b", held)

    renewer = threading.Thread(target=bench_b_at_work, daemon=True)
    renewer.start()
    try:
        log = here.start_batch("default", list(BatchReport.for_pos(pos).outcomes.values()), {})
        report = BatchRunner(conn.client, options(tmp_path), log=log).run(pos)
        assert here.holders(held) == {no: "bench-b" for no in held}
    finally:
        alive.set()
        renewer.join()
    for no, outcome in report.outcomes.items():
        if no in held:
            assert outcome.failed_step is Step.LIST and outcome.error == "Being done by bench bench-b; not sent here."
            assert outcome.elsewhere == "bench-b"
        else:
            assert outcome.shipped and outcome.printed
    assert not report.failed() and report.by_bench() == {"bench-b": 2}
    per_po = sim.stats()["purchase_orders"]
    assert all(per_po.get(no, {}).get("pack_accepted", 0) == 0 for no in held)
    # Nothing written for them: their rows are as the batch was started.
    written = {outcome.purchase_order_no: outcome for outcome, _, _ in here.recent_outcomes("default", 0)}
    assert all(not written[no].error and not written[no].packed for no in held)


def test_claims_between_two_benches_and_expiry_takeover(open_store: OpenJournal) -> None:
    a, b = open_store("bench-a"), open_store("bench-b")
    assert a.claim("bench-a", ["P1", "P2", "P3"], ttl=0.5) == ["P1", "P2", "P3"]
    assert b.claim("bench-b", ["P2", "P3", "P4"], ttl=0.5) == ["P4"]
    assert a.claim("bench-a", ["P1", "P4"], ttl=0.5) == ["P1"]  # its own again: granted
    assert b.holders(["P1", "P2", "P4", "P9"]) == {"P1": "bench-a", "P2": "bench-a", "P4": "bench-b"}
    assert sorted(a.renew("bench-a", ["P1", "P2", "P4"], ttl=0.5)) == ["P1", "P2"]
    time.sleep(0.7)  # bench-a died: its claims run out and bench-b takes them over
    assert b.holders(["P1"]) == {}
    assert b.claim("bench-b", ["P1", "P2"], ttl=30) == ["P1", "P2"]
    # bench-a comes back: it may not send for a PO it no longer holds
    log = a.start_batch("p", [PoOutcome("P1", "S", "W")], {})
    assert log.claim(["P1"]) == {"P1": "Held by bench bench-b; not sent."}
    a.claim("bench-a", ["P3"], ttl=30)
    assert isinstance(a, type(b))
    log2 = a.resume_batch(log.batch_id)
    log2.claim(["P3"])
    b.claim("bench-b", ["P3"])  # still bench-a's: refused
    assert b.holders(["P3"]) == {"P3": "bench-a"}
    b.release("bench-b", ["P3"])  # a bench releases only its own claims
    assert b.holders(["P3"]) == {"P3": "bench-a"}
    a.release("bench-a", ["P3"])
    assert b.claim("bench-b", ["P3"]) == ["P3"]
    with pytest.raises(ClaimLostError):
        log2.sent(Step.PACK, ["P3"])
    assert not [s for s in a.steps() if s["batch_id"] == log.batch_id]  # nothing recorded as sent


def test_claim_expiries_show_a_holder_renewing(open_store: OpenJournal) -> None:
    """A bench out of work tells a live holder from a dead one by its claims' expiry moving on."""
    a, b = open_store("bench-a"), open_store("bench-b")
    assert a.claim("bench-a", ["E1", "E2"], ttl=30) == ["E1", "E2"]
    assert a.claim("bench-a", ["E3"], ttl=0.3) == ["E3"]
    first = b.claim_expiries(["E1", "E2", "E3", "E9"])
    assert {no: h[:2] for no, h in first.items()} == {n: ("bench-a", a.instance) for n in ("E1", "E2", "E3")}
    wait_until(lambda: "E3" not in b.claim_expiries(["E3"]), timeout=5, what="E3's claim to expire")
    a.renew("bench-a", ["E1"], ttl=60)
    later = b.claim_expiries(["E1", "E2", "E3"])
    assert set(later) == {"E1", "E2"}
    assert later["E1"][2] > first["E1"][2] and later["E2"][2] == first["E2"][2]


def test_skip_locked_never_waits_on_a_bench_that_is_claiming(pg_url: str) -> None:
    a, b = open_journal(pg_url, bench="bench-a", ttl=0.2), open_journal(pg_url, bench="bench-b")
    a.claim("bench-a", ["L1", "L2"])
    time.sleep(0.3)  # both expired: free to take over, but bench-a is renewing L1 right now
    with psycopg.connect(pg_url) as busy:
        busy.execute("SELECT * FROM claims WHERE purchase_order_no = 'L1' FOR UPDATE")
        started = time.monotonic()
        assert b.claim("bench-b", ["L1", "L2", "L3"]) == ["L2", "L3"]
        assert time.monotonic() - started < 2
        busy.rollback()
    assert b.claim("bench-b", ["L1"]) == ["L1"]
    a.close()
    b.close()


def test_token_refreshes_are_journaled(open_store: OpenJournal) -> None:
    journal = open_store()
    handle = journal.refresh_started()
    journal.refresh_finished(handle, True)
    journal.refresh_started()
    assert journal.settle_open_refreshes() == 1
    assert [s["state"] for s in journal.steps() if s["kind"] == "token_refresh"] == ["done", "reconciled"]


# ---------------------------------------------------------------------- the server goes away
@pytest.fixture
def own_pg(pg_server: PgServer) -> Iterator[PgServer]:
    """A server of this test's own, to stop and start again (the session one stays up)."""
    bindir = pg_bindir()
    assert bindir is not None
    server = PgServer(bindir)
    yield server
    server.destroy()


def test_server_gone_mid_batch_stops_sending_and_resumes_when_back(
    own_pg: PgServer, conn: Connection, sim: SimulatorServer, tmp_path: Path
) -> None:
    journal = open_journal(own_pg.new_database("away"), bench="bench-a", ttl=30)
    pos = list_to_pack(conn.client)[:12]
    numbers = [po.purchase_order_no for po in pos]
    log = journal.start_batch("default", list(BatchReport.for_pos(pos).outcomes.values()), {})
    stopped = threading.Event()

    def progress(step: Step, done: int, total: int) -> None:
        if step is Step.PACK and done == total and total and not stopped.is_set():
            own_pg.stop()
            stopped.set()

    with pytest.raises(JournalUnreachableError) as gone:
        BatchRunner(conn.client, options(tmp_path), log=log, progress=progress).run(pos)
    assert "unreachable" in gone.value.operator_message and PASSWORD not in str(gone.value)
    per_po = sim.stats()["purchase_orders"]
    assert all(per_po[no]["ship_attempts"] == 0 and per_po[no]["print_requests"] == 0 for no in numbers), (
        "something was sent while the journal was away"
    )
    own_pg.start()
    # the same journal object carries on once the server is back
    batch = journal.unfinished_batch("default")
    assert batch is not None and batch.id == log.batch_id
    resumption = prepare_resume(conn.client, journal, batch)
    report = BatchRunner(conn.client, options(tmp_path), log=resumption.log, resumed=batch.outcomes).run(resumption.pos)
    assert not report.failed(), [o.error for o in report.outcomes.values() if o.error]
    per_po = sim.stats()["purchase_orders"]
    assert all(per_po[no]["pack_accepted"] == 1 and per_po[no]["ship_successes"] == 1 for no in numbers)
    assert journal.batch_state(log.batch_id) == "done"
    journal.close()


def test_each_benchs_part_of_the_day(open_store: OpenJournal) -> None:
    a, b = open_store("bench-a"), open_store("bench-b")
    outcomes = [PoOutcome(f"P{i}", "Store", "WH") for i in range(4)]
    log = a.start_batch("default", outcomes, {})
    before = a.benches_day("default", 0)
    assert before == {"bench-a": BenchDay()}  # its rows, nothing shipped or printed yet
    done = [
        dataclasses.replace(o, packed=True, ready=True, shipped=True, printed=i < 2) for i, o in enumerate(outcomes)
    ]
    a.save_outcomes(log.batch_id, done)
    assert b.claim("bench-b", ["P8", "P9"]) == ["P8", "P9"]
    assert b.benches_day("default", 0) == {"bench-a": BenchDay(shipped=4, printed=2), "bench-b": BenchDay(holding=2)}
    assert b.benches_day("another profile", 0) == {"bench-b": BenchDay(holding=2)}
    assert b.benches_day("default", time.time() + 3600) == {"bench-b": BenchDay(holding=2)}  # not since then
