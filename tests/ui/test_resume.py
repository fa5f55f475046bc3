"""The window resumes a batch the journal left open, before the operator sends anything."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from station.demo import DEMO_CONTACT, connect_simulator
from station.journal import Journal
from station.outcomes import BatchReport, Step
from station.simulator.server import SimulatorServer
from station.ui.main_window import MainWindow
from station.ui.po_model import Column
from station.workflow.batch import BatchOptions, BatchRunner, list_to_pack
from station.workflow.jobs import JobResult, JournalRef

from .conftest import WAIT_MS


def test_open_batch_is_resumed_at_start(
    make_window: Callable[..., MainWindow], sim: SimulatorServer, qtbot: QtBot, tmp_path: Path
) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    # A batch that stopped after packing (as if the power went): packed, not shipped, not printed.
    conn = connect_simulator(sim.url)
    pos = list_to_pack(conn.client)[:6]
    log = journal.start_batch(
        "default",
        list(BatchReport.for_pos(pos).outcomes.values()),
        {"job": "run", "steps": ["pack", "print", "ship"], "size": "6030", "print_order": False, "print_barcode": True},
    )
    cancel = threading.Event()
    BatchRunner(
        conn.client,
        BatchOptions(
            cache_dir=tmp_path / "c",
            contact=DEMO_CONTACT,
            output=tmp_path / "x.pdf",
            first_poll_after=0.2,
            poll_interval=0.2,
        ),
        log=log,
        cancel=cancel,
        progress=lambda step, done, total: cancel.set() if step is Step.PACK and done == total else None,
    ).run(pos)
    conn.close()
    assert journal.unfinished_batch("default") is not None

    results: list[JobResult] = []
    window = make_window(sim, journal=JournalRef(journal, "default"))
    window.jit.batches.job_finished.connect(results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=WAIT_MS)
    report = results[0].report
    assert not report.failed() and report.counts()["printed"] == 6 and report.counts()["shipped"] == 6
    assert "Resuming the batch" in window.log_view.text.toPlainText()
    assert journal.unfinished_batch("default") is None
    per_po = sim.stats()["purchase_orders"]
    assert all(per_po[po.purchase_order_no]["ship_successes"] == 1 for po in pos)
    assert all(per_po[po.purchase_order_no]["pack_accepted"] == 1 for po in pos)
    journal.close()


def test_what_the_station_did_today_is_shown_again_after_a_restart(
    make_window: Callable[..., MainWindow], sim: SimulatorServer, qtbot: QtBot, tmp_path: Path
) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    conn = connect_simulator(sim.url)
    pos = list_to_pack(conn.client)[:3]
    numbers = [po.purchase_order_no for po in pos]
    # An earlier run of the station packed three POs; the last of them failed a later print.
    log = journal.start_batch("default", list(BatchReport.for_pos(pos).outcomes.values()), {"job": "pack"})
    report = BatchRunner(
        conn.client, BatchOptions(cache_dir=tmp_path / "c", steps=frozenset({Step.PACK})), log=log
    ).run(pos)
    assert not report.failed()
    failed = BatchReport.for_pos(pos[2:]).outcomes[numbers[2]]
    failed.fail(Step.PRINT, "No printer")
    later = journal.start_batch("default", [failed], {"job": "print"})
    later.save([failed])
    elsewhere = BatchReport.for_pos(pos[:1]).outcomes[numbers[0]]
    elsewhere.packed = elsewhere.shipped = elsewhere.printed = True
    journal.start_batch("other profile", [elsewhere], {"job": "run"}).save([elsewhere])  # not this profile's
    conn.close()

    window = make_window(sim, journal=JournalRef(journal, "default"))
    # The journal is read on a worker beside the listing: either may come first.
    model = window.jit.view.model
    qtbot.waitUntil(
        lambda: all(model.last_action(no) is not None and model.row_of(no) is not None for no in numbers),
        timeout=WAIT_MS,
    )
    actions = [window.jit.view.model.last_action(no) for no in numbers]
    assert [a.action for a in actions if a is not None] == ["packed", "packed", "failed"]
    row = window.jit.view.model.row_of(numbers[0])
    assert row is not None
    assert window.jit.view.model.data(window.jit.view.model.index(row, Column.LAST))  # the column shows it
    journal.close()


def test_a_batch_another_station_on_this_pc_runs_is_not_resumed(
    make_window: Callable[..., MainWindow], sim: SimulatorServer, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "journal.sqlite3"
    first = Journal(path)  # another station process on this PC (the same bench name), mid-batch
    conn = connect_simulator(sim.url)
    pos = list_to_pack(conn.client)[:4]
    conn.close()
    log = first.start_batch(
        "default",
        list(BatchReport.for_pos(pos).outcomes.values()),
        {"job": "run", "steps": ["pack", "print", "ship"], "size": "6030", "print_order": False, "print_barcode": True},
    )
    assert log.claim([po.purchase_order_no for po in pos]) == {}

    second = Journal(path)
    results: list[JobResult] = []
    window = make_window(sim, journal=JournalRef(second, "default"))
    window.jit.batches.job_finished.connect(results.append)
    held = f"Another Station on this PC is running this batch (pid {os.getpid()})"
    qtbot.waitUntil(lambda: window.jit.view.error_bar.isVisible(), timeout=WAIT_MS)
    assert held in window.jit.view.error_bar.message.text()
    assert held in window.jit.view.banner.text() and window.jit.view.banner.state == "fail"
    assert not window.jit.view.batch_panel.running and not results
    assert "Resuming the batch" not in window.log_view.text.toPlainText()
    per_po = sim.stats()["purchase_orders"]
    assert not any(per_po.get(po.purchase_order_no, {}).get("pack_accepted") for po in pos)  # nothing sent
    log.release()
    first.close()
    second.close()
