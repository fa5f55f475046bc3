"""A PO cancelled while it is on the bench, against the real simulator: read cancelled right before
packing, between pack and print, or right before shipping and printing, it stops with
``po.cancelled_at_bench`` and nothing more is sent for it; the journal gets the cancellation (the
day's figures count it once). And a verified PO packed, shipped and printed when the bench ships."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from station.connect import Connection
from station.demo import DEMO_CONTACT
from station.journal import Journal, VerifyEventKind, VerifyRecordState
from station.lazada.models import POStatus
from station.outcomes import PoNews
from station.simulator.server import SimulatorServer
from station.workflow.batch import NewsFn, list_to_pack
from station.workflow.errors import PoCancelledError
from station.workflow.jobs import Folders, JobResult, JournalRef, PrintChoice, scan_print_job
from station.workflow.stats import day_figures
from station.workflow.verify_desk import VerifyDesk
from tests.support import admin

PACK, SHIP, PRINT = (f"/jit/purchase_order/{p}" for p in ("package", "batch_pickup_deliver", "print"))


def calls(sim: SimulatorServer, path: str) -> int:
    return int(sim.stats()["calls"].get(path, 0))


def cancel(sim: SimulatorServer, no: str) -> None:
    assert admin(sim.base_url, "/_sim/cancel", {"purchase_order_no": no})["ok"]


@pytest.fixture
def journal(tmp_path: Path) -> JournalRef:
    store = Journal(tmp_path / "j.sqlite3", bench="bench-a")
    store.operator = "ann"
    return JournalRef(store, "test")


def job(
    conn: Connection, no: str, tmp_path: Path, journal: JournalRef, news: NewsFn | None = None, *, ship: bool = False
) -> JobResult:
    return scan_print_job(
        conn.client,
        no,
        PrintChoice(),
        Folders(tmp_path / "cache", tmp_path / "prints"),
        lambda step, done, total: None,
        threading.Event(),
        poll_interval=0.2,
        journal=journal,
        news=news,
        ship=ship,
        contact=DEMO_CONTACT if ship else None,
    )


def cancelled_events(journal: JournalRef) -> list[tuple[str, str, str]]:
    return [
        (e.purchase_order_no, e.operator, e.note)
        for e in journal.journal.verify_events(0, 4e9)
        if e.kind is VerifyEventKind.CANCELLED
    ]


def test_a_po_read_cancelled_before_packing_stops_with_nothing_sent(
    conn: Connection, sim: SimulatorServer, tmp_path: Path, journal: JournalRef
) -> None:
    no = list_to_pack(conn.client)[0].purchase_order_no
    cancel(sim, no)
    with pytest.raises(PoCancelledError) as stopped:
        job(conn, no, tmp_path, journal)
    assert stopped.value.problem.kind == "po.cancelled_at_bench"
    assert dict(stopped.value.problem.params) == {"no": no, "status": "Cancelled (buyer)"}
    assert (
        stopped.value.operator_message
        == f"{no} was cancelled (Cancelled (buyer)) — do not pack it. Put its items back."
    )
    assert calls(sim, PACK) == calls(sim, PRINT) == 0
    assert journal.journal.steps() == []  # no batch was even started
    assert cancelled_events(journal) == [(no, "ann", "Cancelled (buyer)")]


def test_a_po_cancelled_between_pack_and_print_is_not_printed(
    conn: Connection, sim: SimulatorServer, tmp_path: Path, journal: JournalRef
) -> None:
    no = list_to_pack(conn.client)[0].purchase_order_no

    def on_news(news: PoNews) -> None:
        if news.actions.get(no) == "packed":  # the pack went out: the buyer cancels now
            cancel(sim, no)

    with pytest.raises(PoCancelledError):
        job(conn, no, tmp_path, journal, on_news)
    assert calls(sim, PACK) == 1 and calls(sim, PRINT) == 0
    assert [s["kind"] for s in journal.journal.steps()] == ["pack"]  # nothing sent after it
    assert all(s["operator"] == "ann" for s in journal.journal.steps())
    assert cancelled_events(journal) == [(no, "ann", "Cancelled (buyer)")]


def test_a_verified_po_cancelled_once_ready_is_neither_shipped_nor_printed(
    conn: Connection, sim: SimulatorServer, tmp_path: Path, journal: JournalRef
) -> None:
    po = list_to_pack(conn.client)[0]
    no = po.purchase_order_no
    desk = VerifyDesk(journal.journal, operator="ann")
    v = desk.open(po, conn.client.list_items(no))
    for line in v.lines:
        desk.count(v, line.barcodes[0], line.needed)
    desk.finish_complete(v)
    assert desk.flush(10)

    def on_news(news: PoNews) -> None:
        if news.statuses.get(no) is POStatus.READY_TO_SHIP:  # the last read before shipping and printing
            cancel(sim, no)

    with pytest.raises(PoCancelledError):
        job(conn, no, tmp_path, journal, on_news, ship=True)
    assert calls(sim, PACK) == 1 and calls(sim, SHIP) == 0 and calls(sim, PRINT) == 0
    assert [s["kind"] for s in journal.journal.steps()] == ["pack"]
    stored = journal.journal.load_verification(no)
    assert stored is not None and stored.state is VerifyRecordState.CANCELLED
    assert dict(stored.scanned) == dict(v.scanned)  # the counts stay
    (ann,) = day_figures(journal.journal, date.today())
    assert (ann.total.pos_completed, ann.total.cancelled, ann.total.units) == (1, 1, v.needed)
    desk.close()


def test_a_verified_po_is_packed_shipped_and_printed_when_the_bench_ships(
    conn: Connection, sim: SimulatorServer, tmp_path: Path, journal: JournalRef
) -> None:
    no = list_to_pack(conn.client)[0].purchase_order_no
    result = job(conn, no, tmp_path, journal, ship=True)
    outcome = result.report.outcomes[no]
    assert outcome.ok and outcome.packed and outcome.shipped and outcome.printed and outcome.pickup_no
    assert calls(sim, PACK) == calls(sim, SHIP) == calls(sim, PRINT) == 1
    assert result.pdf is not None and len(PdfReader(result.pdf).pages) >= 1
    assert sorted(s["kind"] for s in journal.journal.steps()) == [
        "pack",
        "print",
        "ship",
    ]  # ship and print run side by side
    assert cancelled_events(journal) == []
    assert conn.client.find_pos([no])[no].status is POStatus.TO_PUT_AWAY
