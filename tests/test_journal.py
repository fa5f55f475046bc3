"""The SQLite journal: schema migrations, steps before/after, an unfinished batch read back."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from station.connect import Connection
from station.demo import connect_simulator
from station.journal import Journal
from station.journal.schema import MIGRATIONS
from station.outcomes import BatchReport, PoOutcome, Step
from station.problems import Problem, Sentence
from station.simulator.server import SimulatorServer
from station.workflow.batch import BatchRunner, list_to_pack
from station.workflow.resume import prepare_resume
from tests.test_workflow import options


def test_migrations_apply_once_and_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    journal = Journal(path)
    assert journal.schema_version() == len(MIGRATIONS)
    journal.close()
    again = Journal(path)
    assert again.schema_version() == len(MIGRATIONS)
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    again.close()


def test_a_failed_pos_problem_is_kept_beside_its_sentence(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite3")
    outcomes = [PoOutcome("POJ1", "S", "W"), PoOutcome("POJ2", "S", "W")]
    log = journal.start_batch("default", outcomes, {})
    outcomes[0].fail(Step.SHIP, Problem("po.cancelled", {"status": "Canceled by buyer"}))
    log.save(outcomes)
    batch = journal.unfinished_batch("default")
    assert batch is not None
    failed, ok = batch.outcomes
    assert failed.error == "The PO was cancelled (Canceled by buyer); do not send it."
    assert isinstance(failed.error, Sentence) and failed.problem == Problem(
        "po.cancelled", {"status": "Canceled by buyer"}
    )
    assert failed.error.problem == failed.problem and failed.failed_step is Step.SHIP
    assert ok.ok and ok.error == "" and ok.problem is None
    stored = (
        sqlite3.connect(tmp_path / "j.sqlite3")
        .execute("SELECT problem FROM batch_pos WHERE purchase_order_no = 'POJ2'")
        .fetchone()[0]
    )
    assert stored == ""
    journal.close()


def test_a_journal_written_before_the_problems_opens_and_shows_its_english(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    old = sqlite3.connect(path)  # schema 3, as the station wrote it before the problems were kept
    old.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    for script in MIGRATIONS[:3]:
        old.executescript(script)
    old.execute("INSERT INTO meta VALUES ('schema_version', '3')")
    old.execute("INSERT INTO batches (profile, started_at, state, options) VALUES ('default', 1.0, 'running', '{}')")
    old.execute(
        "INSERT INTO batch_pos (batch_id, purchase_order_no, position, store_name, store_code, failed_step,"
        " error, updated_at) VALUES (1, 'POJ1', 0, 'S', 'W', 'ship', 'Held by bench B2; not sent.', 1.0)"
    )
    old.commit()
    old.close()
    journal = Journal(path)
    assert journal.schema_version() == len(MIGRATIONS)
    batch = journal.unfinished_batch("default")
    assert batch is not None
    (outcome,) = batch.outcomes
    assert outcome.error == "Held by bench B2; not sent." and type(outcome.error) is str and outcome.problem is None
    assert outcome.failed_step is Step.SHIP
    journal.close()


def test_runner_writes_every_step_before_and_after(conn: Connection, sim: SimulatorServer, tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite3")
    pos = list_to_pack(conn.client)[:10]
    log = journal.start_batch("default", list(BatchReport.for_pos(pos).outcomes.values()), {})
    report = BatchRunner(conn.client, options(tmp_path), log=log).run(pos)
    assert not report.failed()
    steps = journal.steps(log.batch_id)
    assert {s["kind"] for s in steps} == {"pack", "ship", "print"}
    assert all(s["state"] == "done" and s["answered_at"] >= s["sent_at"] for s in steps)
    assert journal.batch_state(log.batch_id) == "done"
    batch_pos = sqlite3.connect(journal.path).execute("SELECT shipped, printed FROM batch_pos").fetchall()
    assert batch_pos == [(1, 1)] * 10
    journal.close()


def test_a_batch_cut_short_stays_open_for_resuming(conn: Connection, sim: SimulatorServer, tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite3")
    pos = list_to_pack(conn.client)[:10]
    log = journal.start_batch("default", list(BatchReport.for_pos(pos).outcomes.values()), {})
    cancel = threading.Event()

    def progress(step: Step, done: int, total: int) -> None:
        if step is Step.PACK and done == total:
            cancel.set()

    first = BatchRunner(conn.client, options(tmp_path), log=log, cancel=cancel, progress=progress).run(pos)
    assert first.cancelled
    batch = journal.unfinished_batch("default")
    assert batch is not None and all(o.packed for o in batch.outcomes)
    fresh = conn.client.find_pos(batch.purchase_order_nos)
    second = BatchRunner(
        conn.client, options(tmp_path), log=journal.resume_batch(batch.id), resumed=batch.outcomes
    ).run([fresh[no] for no in batch.purchase_order_nos])
    assert not second.failed() and second.counts()["printed"] == 10
    assert all(
        c["pack_accepted"] == 1 and c["ship_successes"] == 1
        for no, c in sim.stats()["purchase_orders"].items()
        if no in batch.purchase_order_nos
    )
    assert journal.unfinished_batch("default") is None
    journal.close()


def test_token_refreshes_are_journaled(conn: Connection, sim: SimulatorServer, tmp_path: Path) -> None:
    from tests.support import admin

    journal = Journal(tmp_path / "j.sqlite3")
    conn.client.tokens.observer = journal
    admin(sim.base_url, "/_sim/expire-tokens")
    assert list_to_pack(conn.client)  # refused once, refreshed, sent again
    refreshes = [s for s in journal.steps() if s["kind"] == "token_refresh"]
    assert len(refreshes) == 1 and refreshes[0]["state"] == "done" and refreshes[0]["batch_id"] is None
    # one cut short by a crash is closed at the next start
    journal.refresh_started()
    assert journal.settle_open_refreshes() == 1
    journal.close()


def test_a_resumed_batch_reuses_the_label_files_it_had_fetched(
    make_sim: Callable[..., SimulatorServer], tmp_path: Path
) -> None:
    sim = make_sim(pos=120, history=0, seed=4, pack_delay_min=0.2, pack_delay_max=2.0)  # groups over 20 POs
    conn = connect_simulator(sim.url)
    journal = Journal(tmp_path / "j.sqlite3")
    try:
        pos = list_to_pack(conn.client)
        log = journal.start_batch("default", list(BatchReport.for_pos(pos).outcomes.values()), {})
        cancel = threading.Event()

        def progress(step: Step, done: int, total: int) -> None:
            if step is Step.PRINT and done > 0:
                cancel.set()  # cut short once some labels are in: their POs depend on pack timing

        first = BatchRunner(conn.client, options(tmp_path), log=log, cancel=cancel, progress=progress).run(pos)
        assert first.cancelled
        batch = journal.unfinished_batch("default")
        assert batch is not None
        resumption = prepare_resume(conn.client, journal, batch)
        assert resumption.fetched  # the print calls answered before the cut
        second = BatchRunner(
            conn.client, options(tmp_path), log=resumption.log, resumed=batch.outcomes, fetched=resumption.fetched
        ).run(resumption.pos)
        assert not second.failed() and second.counts()["printed"] == len(pos)
        counters = sim.stats()["purchase_orders"]
        # every PO's labels asked for once, across both runs
        assert [counters[p.purchase_order_no]["print_requests"] for p in pos] == [1] * len(pos)
        units = sum(
            i.buyer_qty
            for items in conn.client.list_items_many(p.purchase_order_no for p in pos).values()
            for i in items
        )
        assert second.output_pages == units
    finally:
        journal.close()
        conn.close()


class SavesCounted(Journal):
    """A journal that keeps every row each save writes, in order."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.saves: list[list[PoOutcome]] = []

    def save_outcomes(self, batch_id: int, outcomes: Iterable[PoOutcome], bench: str | None = None) -> None:
        rows = [dataclasses.replace(o) for o in outcomes]
        self.saves.append(rows)
        super().save_outcomes(batch_id, rows, bench)


def test_a_batch_saves_only_what_changed_and_nothing_for_another_benchs_pos(
    conn: Connection, sim: SimulatorServer, tmp_path: Path
) -> None:
    path = tmp_path / "j.sqlite3"
    there, here = Journal(path, bench="bench-2"), SavesCounted(path, bench="bench-1")
    pos = list_to_pack(conn.client)[:12]
    theirs, ours = pos[:8], pos[8:]
    log = there.start_batch("default", list(BatchReport.for_pos(theirs).outcomes.values()), {})
    assert not BatchRunner(conn.client, options(tmp_path / "2"), log=log).run(theirs).failed()

    log = here.start_batch("default", list(BatchReport.for_pos(pos).outcomes.values()), {})
    report = BatchRunner(conn.client, options(tmp_path / "1"), log=log).run(pos)
    assert not report.failed() and report.by_bench() == {"bench-2": 8}
    assert all(report.outcomes[po.purchase_order_no].printed for po in ours)
    written = [o.purchase_order_no for rows in here.saves for o in rows]
    # Nothing for bench-2's POs (before: every save wrote the whole batch, theirs failed as "Held")...
    assert set(written) == {po.purchase_order_no for po in ours}
    # ...and no row written again as it was: each save holds only what changed since the last.
    last: dict[str, PoOutcome] = {}
    for rows in here.saves:
        for o in rows:
            assert last.get(o.purchase_order_no) != o, f"{o.purchase_order_no} saved again unchanged"
            last[o.purchase_order_no] = o
    assert len(written) <= 4 * len(ours)  # at most: listed, packed, ready, shipped, printed (some at once)
    there.close()
    here.close()
