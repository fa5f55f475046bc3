"""The window says when POs shipped today have no labels printed here, and prints them in one click."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from station.demo import DEMO_CONTACT, connect_simulator
from station.journal import Journal
from station.outcomes import Step
from station.simulator.server import SimulatorServer
from station.ui.main_window import MainWindow
from station.workflow.batch import BatchOptions, BatchRunner, list_to_pack
from station.workflow.jobs import JobResult, JournalRef

from .conftest import WAIT_MS


def test_shipped_pos_without_labels_get_a_banner_and_one_button(
    make_window: Callable[..., MainWindow], make_sim: Callable[..., SimulatorServer], qtbot: QtBot, tmp_path: Path
) -> None:
    sim = make_sim(history=0)
    conn = connect_simulator(sim.url)
    pos = list_to_pack(conn.client)[:4]
    BatchRunner(
        conn.client,
        BatchOptions(
            cache_dir=tmp_path / "c",
            contact=DEMO_CONTACT,
            steps=frozenset({Step.PACK, Step.SHIP}),
            first_poll_after=0.2,
            poll_interval=0.2,
        ),
    ).run(pos)  # shipped, labels never printed
    conn.close()
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"not a journal at all" * 300)
    journal = Journal(path)
    assert journal.set_aside is not None

    window = make_window(sim, journal=JournalRef(journal, "default"))
    banner = window.jit.view.unprinted
    qtbot.waitUntil(lambda: bool(banner.unprinted), timeout=WAIT_MS)
    assert banner.isVisible() and "set aside as journal.sqlite3.damaged-" in banner.notice.text()
    assert banner.label.text() == "Shipped, no labels printed here: 4 PO(s)"
    assert {po.purchase_order_no for po in banner.unprinted} == {po.purchase_order_no for po in pos}

    results: list[JobResult] = []
    window.jit.batches.job_finished.connect(results.append)
    banner.button.click()
    qtbot.waitUntil(lambda: bool(results), timeout=WAIT_MS)
    assert results[0].report.counts()["printed"] == 4 and results[0].pdf is not None
    assert not banner.button.isVisible()
    journal.close()
