"""A pickup date the platform refuses: the POs fail with the dates it allows (kept in the journal),
and shipping them again with one of those dates ships each once. The CLI says which dates and
exits 1; its JSON carries them per PO."""

from __future__ import annotations

import dataclasses
import json
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from station.cli import commands
from station.cli.main import build_parser
from station.connect import Connection
from station.demo import DEMO_CONTACT
from station.journal import Journal
from station.lazada.models import POStatus, PurchaseOrder
from station.outcomes import Step, offered_pickup_dates
from station.simulator import region_timezone
from station.simulator.server import SimulatorServer
from station.workflow.batch import list_to_pack
from station.workflow.jobs import Folders, Job, JournalRef, PrintChoice, run_job, ship_job

SHIP_PATH = "/jit/purchase_order/batch_pickup_deliver"


def region_today() -> datetime:
    return datetime.now(region_timezone("PH"))


def week() -> list[str]:
    """The dates the simulator allows outside China: today and the next six days."""
    today = region_today().date()
    return [(today + timedelta(days=d)).isoformat() for d in range(7)]


def too_late() -> str:
    return (region_today().date() + timedelta(days=10)).isoformat()


def some_pos(conn: Connection, count: int) -> list[PurchaseOrder]:
    """``count`` POs of one store and warehouse: one ship call for all of them."""
    groups: dict[tuple[str, str], list[PurchaseOrder]] = {}
    for po in list_to_pack(conn.client):
        groups.setdefault(po.ship_group, []).append(po)
    biggest = max(groups.values(), key=len)
    assert len(biggest) >= count
    return biggest[:count]


def test_refused_pos_carry_the_allowed_dates_and_ship_once_with_one_of_them(
    sim: SimulatorServer, conn: Connection, tmp_path: Path
) -> None:
    pos = some_pos(conn, 4)
    numbers = [po.purchase_order_no for po in pos]
    folders = Folders(tmp_path / "cache", tmp_path / "prints")
    journal = Journal(tmp_path / "journal.sqlite3")
    late = dataclasses.replace(DEMO_CONTACT, estimated_pickup_date=too_late())
    try:
        ref = JournalRef(journal, "default")
        result = run_job(
            conn.client,
            pos,
            late,
            PrintChoice(),
            folders,
            lambda *_: None,
            threading.Event(),
            first_poll_after=0.2,
            poll_interval=0.2,
            journal=ref,
        )
        report = result.report
        assert sorted(o.purchase_order_no for o in report.date_refused()) == sorted(numbers)
        for outcome in report.outcomes.values():
            assert outcome.failed_step is Step.SHIP and not outcome.shipped
            assert outcome.allowed_pickup_dates == tuple(week())
            assert outcome.refused_pickup_date == too_late()
            assert outcome.problem is not None and outcome.problem.kind == "po.pickup_date_refused"
            assert outcome.error == (
                f"The platform does not take pickups on {too_late()}; it allows "
                f"{', '.join(week())}. Ship again with one of these dates."
            )
            assert "estimatedPickupDate" in outcome.detail  # what the platform said
        # A refused date is an answer: one call, not re-sent (it would be refused again).
        assert sim.stats()["calls"][SHIP_PATH] == 1
        found = conn.client.find_pos(numbers)
        assert all(found[no].status is POStatus.READY_TO_SHIP for no in numbers)
        # The journal keeps the dates with the problem: the window restored after a restart knows them.
        since = time.time() - 3600
        kept = {o.purchase_order_no: o for o, _, _ in journal.recent_outcomes("default", since)}
        assert all(kept[no].allowed_pickup_dates == tuple(week()) for no in numbers)
        assert offered_pickup_dates(kept.values()) == tuple(week())

        chosen = dataclasses.replace(DEMO_CONTACT, estimated_pickup_date=week()[1])
        again = ship_job(
            conn.client, list(found.values()), chosen, lambda *_: None, threading.Event(), folders, ref
        ).report
        assert not again.failed() and not again.date_refused()
        assert again.counts()["shipped"] == len(numbers)
        stats = sim.stats()
        assert all(stats["purchase_orders"][no]["ship_successes"] == 1 for no in numbers)
        assert stats["calls"][SHIP_PATH] == 2
    finally:
        journal.close()


def test_a_date_inside_the_range_ships(sim: SimulatorServer, conn: Connection, tmp_path: Path) -> None:
    pos = some_pos(conn, 2)
    inside = dataclasses.replace(DEMO_CONTACT, estimated_pickup_date=week()[-1])
    result = run_job(
        conn.client,
        pos,
        inside,
        PrintChoice(),
        Folders(tmp_path / "cache", tmp_path / "prints"),
        lambda *_: None,
        threading.Event(),
        first_poll_after=0.2,
        poll_interval=0.2,
    )
    assert result.job is Job.RUN and not result.report.failed()
    assert result.report.counts()["shipped"] == 2 and not result.report.date_refused()


def offered_the_same(outcomes: list[tuple[str, ...]]) -> tuple[str, ...]:
    from station.outcomes import PoOutcome, pickup_date_problem

    made = []
    for dates in outcomes:
        outcome = PoOutcome("PO", "store", "code")
        outcome.fail(Step.SHIP, pickup_date_problem("2026-12-09", dates))
        made.append(outcome)
    return offered_pickup_dates(made)


def test_the_dates_offered_for_several_pos() -> None:
    assert offered_the_same([("2026-11-29", "2026-11-30"), ("2026-11-30", "2026-12-01")]) == ("2026-11-30",)
    # ranges with nothing in common (asked either side of midnight): every date, in order
    assert offered_the_same([("2026-11-30",), ("2026-11-29",)]) == ("2026-11-29", "2026-11-30")
    assert offered_the_same([]) == ()


# ---------------------------------------------------------------------- the CLI
def cli(
    capsys: pytest.CaptureFixture[str], sim: SimulatorServer, journal: Path, *argv: str, as_json: bool = True
) -> tuple[int, Any]:
    command, *rest = argv
    flags = ["--json"] if as_json else []
    args = build_parser().parse_args([command, "--simulator-url", sim.url, "--journal", str(journal), *flags, *rest])
    code = commands.dispatch(args)
    out = capsys.readouterr().out
    return code, json.loads(out) if as_json else out


def wait_ready(conn: Connection, numbers: list[str]) -> None:
    deadline = time.monotonic() + 20
    while any(po.status is POStatus.TO_PACK for po in conn.client.find_pos(numbers).values()):
        assert time.monotonic() < deadline, "the simulator did not finish packing"
        time.sleep(0.1)


def test_cli_ship_names_the_allowed_dates_and_exits_1(
    capsys: pytest.CaptureFixture[str], sim: SimulatorServer, conn: Connection, tmp_path: Path
) -> None:
    journal = tmp_path / "j.sqlite3"
    numbers = [po.purchase_order_no for po in some_pos(conn, 3)]
    code, _ = cli(capsys, sim, journal, "pack", *numbers)
    assert code == 0
    wait_ready(conn, numbers)
    code, results = cli(capsys, sim, journal, "ship", *numbers, "--pickup-date", too_late())
    assert code == 1
    assert [r["allow_date_range"] for r in results] == [week()] * 3
    assert all(not r["ok"] and f"does not take pickups on {too_late()}" in r["message"] for r in results)
    code, out = cli(capsys, sim, journal, "ship", *numbers, "--pickup-date", too_late(), as_json=False)
    assert code == 1
    assert f"The platform refused the pickup date of 3 POs; it allows {', '.join(week())}." in out
    assert f"station-cli ship {' '.join(numbers)} --pickup-date {week()[0]}" in out
    assert sim.stats()["calls"][SHIP_PATH] == 2  # one call each time, never re-sent
    code, results = cli(capsys, sim, journal, "ship", *numbers, "--pickup-date", week()[0])
    assert code == 0 and all(r["ok"] and r["pickup_no"] and r["allow_date_range"] == [] for r in results)
    assert all(sim.stats()["purchase_orders"][no]["ship_successes"] == 1 for no in numbers)


def test_cli_run_prints_the_allowed_dates(
    capsys: pytest.CaptureFixture[str], sim: SimulatorServer, tmp_path: Path
) -> None:
    code, report = cli(
        capsys,
        sim,
        tmp_path / "j.sqlite3",
        "run",
        "--limit",
        "3",
        "--pickup-date",
        too_late(),
        "-o",
        str(tmp_path / "labels.pdf"),
        "--first-poll-after",
        "0.2",
        "--poll-interval",
        "0.2",
    )
    assert code == 1
    refused = [p for p in report["pos"] if p["failed_step"] == "ship"]
    assert refused and all(p["allow_date_range"] == week() and not p["shipped"] for p in refused)
    assert all(p["allow_date_range"] == [] for p in report["pos"] if p["failed_step"] != "ship")
