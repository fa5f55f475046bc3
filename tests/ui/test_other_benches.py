"""With a journal shared by several benches, the window shows which POs another bench holds, and
a scan of such a PO says so instead of acting."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from pytestqt.qtbot import QtBot

from station.demo import DEMO_CONTACT
from station.journal import Journal, JournalBatch, JournalUnreachableError
from station.outcomes import BatchReport, Step
from station.simulator.server import SimulatorServer
from station.ui.main_window import MainWindow
from station.ui.po_model import Column
from station.workflow.batch import BatchOptions, BatchRunner
from station.workflow.jobs import Job, JobResult, JournalRef

from .conftest import WAIT_MS
from .test_scan import scan


def test_a_po_held_by_another_bench_is_shown_and_not_acted_on(
    make_window: Callable[..., MainWindow], sim: SimulatorServer, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "journal.sqlite3"
    here, there = Journal(path, bench="bench-1"), Journal(path, bench="bench-2")
    window = make_window(sim, journal=JournalRef(here, "default"))
    with qtbot.waitSignal(window.jit.po_list.items_indexed, timeout=WAIT_MS):
        pass
    row = window.jit.view.proxy.mapToSource(window.jit.view.proxy.index(0, 0)).row()
    no = window.jit.view.model.po(row).purchase_order_no
    assert there.claim("bench-2", [no], ttl=600) == [no]
    with qtbot.waitSignal(window.jit.po_list.polled, timeout=WAIT_MS):
        window.jit.po_list.poll()
    assert window.jit.view.model.held_by(no) == "bench-2"
    assert "bench-2" in window.jit.view.model.index(row, Column.LAST).data()

    window.jit.view.scan_print.setChecked(True)
    assert scan(qtbot, window, window.jit.view.table, no) == [no, False]
    assert "bench-2" in window.jit.view.banner.text() and window.jit.view.banner.state == "fail"
    assert not window.scan.queue and not window.scan.busy  # nothing was sent for it
    assert sim.stats()["purchase_orders"].get(no, {}).get("pack_accepted", 0) == 0

    there.release("bench-2", [no])
    with qtbot.waitSignal(window.jit.po_list.polled, timeout=WAIT_MS):
        window.jit.po_list.poll()
    assert window.jit.view.model.held_by(no) is None
    here.close()
    there.close()


class FlakyJournal(Journal):
    """A journal whose server can be 'switched off': every call then fails as an unreachable one would."""

    down = False
    down_at_kind: str | None = None  # goes down, once, when a step of this kind is about to be sent

    def _check(self, kind: str = "") -> None:
        if kind and kind == self.down_at_kind:
            self.down_at_kind = None
            self.down = True
        if self.down:
            raise JournalUnreachableError("connection refused")

    def claimed_step_sent(self, batch_id: int, kind: str, numbers: Sequence[str]) -> int:
        self._check(kind)
        return super().claimed_step_sent(batch_id, kind, numbers)

    def step_sent(self, batch_id: int | None, kind: str, numbers: Sequence[str]) -> int:
        self._check(kind)
        return super().step_sent(batch_id, kind, numbers)

    def unfinished_batch(self, profile: str) -> JournalBatch | None:
        self._check()
        return super().unfinished_batch(profile)


def test_journal_gone_mid_batch_stops_then_resumes_when_back(
    make_window: Callable[..., MainWindow], sim: SimulatorServer, qtbot: QtBot, tmp_path: Path
) -> None:
    journal = FlakyJournal(tmp_path / "journal.sqlite3", bench="bench-1")
    window = make_window(sim, journal=JournalRef(journal, "default"))
    window.jit.batches.journal_retry.setInterval(100)
    with qtbot.waitSignal(window.jit.po_list.items_indexed, timeout=WAIT_MS):
        pass
    pos = window.jit.view.proxy.visible_pos()[:5]
    results: list[JobResult] = []
    window.jit.batches.job_finished.connect(results.append)

    # The server goes away after the packs were sent, as the batch is about to book the pickups.
    # (The window's progress shows only the latest tick, so the test cannot wait for "packs done" there.)
    journal.down_at_kind = Step.SHIP.value
    window.jit.batches.start_job(Job.RUN, pos)
    qtbot.waitUntil(lambda: bool(results), timeout=WAIT_MS)
    first = results[0].report
    assert first.failed() and all("journal is unreachable" in o.error for o in first.failed())
    assert window.jit.batches.journal_retry.isActive()
    assert not any(c["ship_successes"] for c in sim.stats()["purchase_orders"].values())  # nothing more sent

    journal.down = False  # back: the window finds the open batch and carries on
    qtbot.waitUntil(lambda: len(results) >= 2, timeout=WAIT_MS)
    second = results[1].report
    assert not second.failed() and second.counts()["shipped"] == 5 and second.counts()["printed"] == 5
    assert not window.jit.batches.journal_retry.isActive()
    per_po = sim.stats()["purchase_orders"]
    assert all(per_po[po.purchase_order_no]["ship_successes"] == 1 for po in pos)
    assert all(per_po[po.purchase_order_no]["pack_accepted"] == 1 for po in pos)
    journal.close()


def test_shared_journal_setting_keeps_the_password_in_the_keyring(tmp_path: Path) -> None:
    import keyring

    from station.ui.settings_dialog import save_journal_target
    from station.ui.ui_settings import UiSettings

    settings = UiSettings()
    settings.journal_url = save_journal_target(
        "postgresql://bench:s3cr3t-pw@journal.warehouse.example:5432/station", ""
    )
    settings.sync()
    assert settings.journal_url == "postgresql://bench@journal.warehouse.example:5432/station"
    assert keyring.get_password("station", "journal:journal.warehouse.example") == "s3cr3t-pw"
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"s3cr3t-pw" not in path.read_bytes()
    assert save_journal_target("  ", "") == ""
    import pytest

    with pytest.raises(ValueError, match="postgresql://"):
        save_journal_target("mysql://x@y/z", "")


def test_the_window_shows_the_other_benches_day_and_leaves_their_pos_to_them(
    make_window: Callable[..., MainWindow], sim: SimulatorServer, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "journal.sqlite3"
    here, there = Journal(path, bench="bench-1"), Journal(path, bench="bench-2")
    window = make_window(sim, journal=JournalRef(here, "default"))
    with qtbot.waitSignal(window.jit.po_list.items_indexed, timeout=WAIT_MS):
        pass
    assert window.jit.view.benches_label.isHidden()  # no other bench yet
    pos = window.jit.view.proxy.visible_pos()[:5]
    theirs, held, ours = pos[:3], pos[3], pos[4]
    # bench-2 runs three of them through, and holds a fourth.
    log = there.start_batch("default", list(BatchReport.for_pos(theirs).outcomes.values()), {})
    options = BatchOptions(
        cache_dir=tmp_path / "cache2",
        contact=DEMO_CONTACT,
        output=tmp_path / "bench-2.pdf",
        first_poll_after=0.2,
        poll_interval=0.2,
    )
    assert not BatchRunner(window.connection.client, options, log=log).run(theirs).failed()
    assert there.claim("bench-2", [held.purchase_order_no], ttl=600) == [held.purchase_order_no]
    calls = sim.stats()["total_calls"]
    with qtbot.waitSignal(window.jit.po_list.polled, timeout=WAIT_MS):
        window.jit.po_list.poll()
    # Read from the journal at the status poll the window makes anyway: one status read, no more calls.
    assert sim.stats()["total_calls"] - calls == 1
    label = window.jit.view.benches_label
    assert label.isVisible() and "bench-2: 3 printed, 1 in hand" in label.text(), label.text()

    # A batch over bench-2's POs and one of its own: bench-2's are said to be its, not failed.
    results: list[JobResult] = []
    window.jit.batches.job_finished.connect(results.append)
    window.jit.batches.start_job(Job.RUN, [*theirs, ours])
    qtbot.waitUntil(lambda: bool(results), timeout=WAIT_MS)
    report = results[0].report
    assert not report.failed() and report.by_bench() == {"bench-2": 3}
    assert report.outcomes[ours.purchase_order_no].printed
    assert "Other benches did 3." in window.jit.view.batch_panel.summary.text()
    shown = {
        window.jit.view.batch_panel.results.index(row, 0).data(): window.jit.view.batch_panel.results.index(
            row, 2
        ).data()
        for row in range(window.jit.view.batch_panel.results.rowCount())
    }
    assert shown == {**{po.purchase_order_no: "Other bench" for po in theirs}, ours.purchase_order_no: "Done"}
    per_po = sim.stats()["purchase_orders"]
    assert all(per_po[po.purchase_order_no]["ship_attempts"] == 1 for po in [*theirs, ours])
    here.close()
    there.close()
