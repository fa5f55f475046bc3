"""``station-cli pack``, ``ship`` and ``print`` on named POs: journaled batches through the
workflow, like ``run``; a second ship of the same POs sends nothing."""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from station.cli import commands
from station.cli.main import build_parser
from station.connect import Connection
from station.journal import Journal, default_journal_path
from station.lazada.models import POStatus
from station.simulator.server import SimulatorServer
from station.workflow.batch import list_to_pack

SHIP_PATH = "/jit/purchase_order/batch_pickup_deliver"


def cli(capsys: pytest.CaptureFixture[str], sim: SimulatorServer, journal: Path, *argv: str) -> tuple[int, Any]:
    command, *rest = argv
    args = build_parser().parse_args([command, "--simulator-url", sim.url, "--journal", str(journal), "--json", *rest])
    code = commands.dispatch(args)
    return code, json.loads(capsys.readouterr().out)


def wait_ready(conn: Connection, numbers: list[str]) -> None:
    deadline = time.monotonic() + 20
    while any(po.status is POStatus.TO_PACK for po in conn.client.find_pos(numbers).values()):
        assert time.monotonic() < deadline, "the simulator did not finish packing"
        time.sleep(0.1)


def test_pack_ship_print_one_by_one_are_journaled_and_never_ship_twice(
    capsys: pytest.CaptureFixture[str], sim: SimulatorServer, conn: Connection, tmp_path: Path
) -> None:
    journal = tmp_path / "j.sqlite3"
    pos = list_to_pack(conn.client)[:4]
    numbers = [po.purchase_order_no for po in pos]
    code, packed = cli(capsys, sim, journal, "pack", *numbers, "POJ0000000000000")
    assert code == 1  # one PO the platform does not list
    by_no = {r["purchase_order_no"]: r for r in packed}
    assert all(by_no[no]["ok"] and "pack requested" in by_no[no]["message"] for no in numbers)
    assert not by_no["POJ0000000000000"]["ok"] and "does not list" in by_no["POJ0000000000000"]["message"]
    wait_ready(conn, numbers)
    code, packed_again = cli(capsys, sim, journal, "pack", *numbers)
    assert code == 0 and all("already packed" in r["message"] for r in packed_again)

    code, shipped = cli(capsys, sim, journal, "ship", *numbers)
    assert code == 0 and all(r["ok"] and r["pickup_no"] for r in shipped)
    assert sim.stats()["calls"][SHIP_PATH] == len({po.ship_group for po in pos})  # one call per store + warehouse
    code, again = cli(capsys, sim, journal, "ship", *numbers)  # a second ship reads, and sends nothing
    calls_after = sim.stats()["calls"][SHIP_PATH]
    assert code == 0 and all(r["ok"] and r["message"] == "already shipped" for r in again)
    assert calls_after == sim.stats()["calls"][SHIP_PATH]
    assert all(sim.stats()["purchase_orders"][no]["ship_successes"] == 1 for no in numbers)

    output = tmp_path / "labels.pdf"
    code, printed = cli(capsys, sim, journal, "print", *numbers, "-o", str(output), "--size", "100150")
    assert code == 0 and printed["pages"] == len(PdfReader(output).pages) > 0
    assert all(r["ok"] for r in printed["results"])

    store = Journal(journal)
    try:
        steps = store.steps()
        groups = len({po.ship_group for po in pos})
        # one pack call; a ship and a print call per store + warehouse; nothing sent twice
        assert Counter(s["kind"] for s in steps) == {"pack": 1, "ship": groups, "print": groups}
        assert all(s["state"] == "done" for s in steps)
        assert store.unfinished_batch(f"simulator {sim.url}") is None
    finally:
        store.close()


def test_ship_before_ready_says_so_and_sends_nothing(
    capsys: pytest.CaptureFixture[str], sim: SimulatorServer, conn: Connection, tmp_path: Path
) -> None:
    numbers = [po.purchase_order_no for po in list_to_pack(conn.client)[:2]]
    code, results = cli(capsys, sim, tmp_path / "j.sqlite3", "ship", *numbers)
    assert code == 1
    assert all(not r["ok"] and "pack it first" in r["message"] for r in results)
    assert sim.stats()["calls"].get(SHIP_PATH, 0) == 0


def test_without_journal_the_cli_writes_to_the_station_journal_of_the_environment(
    capsys: pytest.CaptureFixture[str],
    sim: SimulatorServer,
    conn: Connection,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """STATION_JOURNAL names the journal for the CLI as for the window (the registry's JOURNAL_URL);
    ``--journal`` still wins."""
    numbers = [po.purchase_order_no for po in list_to_pack(conn.client)[:2]]
    shared = tmp_path / "shared.sqlite3"
    monkeypatch.setenv("STATION_JOURNAL", str(shared))
    args = build_parser().parse_args(["pack", "--simulator-url", sim.url, "--json", numbers[0]])
    assert commands.dispatch(args) == 0
    capsys.readouterr()
    assert not default_journal_path().exists()
    named = tmp_path / "named.sqlite3"
    code, _ = cli(capsys, sim, named, "pack", numbers[1])
    assert code == 0
    for path, packed in ((shared, numbers[0]), (named, numbers[1])):
        store = Journal(path)
        try:
            assert [s["purchase_order_nos"] for s in store.steps() if s["kind"] == "pack"] == [[packed]]
        finally:
            store.close()
