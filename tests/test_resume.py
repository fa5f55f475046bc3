"""Kill the station mid-batch, again and again: nothing is shipped twice, nothing is skipped.

The simulator runs in its own process (it is the platform: it survives the station's crashes);
``station-cli run`` is killed with SIGKILL right after the journal records new steps, at a
different point each time, and started again until the batch is through.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from station.demo import connect_simulator
from station.lazada.errors import StationApiError
from tests.support import set_faults, wait_until

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX-only")


def station(*args: str) -> list[str]:
    return [sys.executable, "-m", "station.cli.main", *args]


@dataclass
class SimProcess:
    url: str
    base: str

    def stats(self) -> dict[str, Any]:
        return dict(requests.get(self.base + "/_sim/stats", timeout=10).json())


@pytest.fixture
def start_sim() -> Iterator[Callable[..., SimProcess]]:
    """Simulators in processes of their own."""
    processes: list[subprocess.Popen[str]] = []

    def start(*flags: str) -> SimProcess:
        process = subprocess.Popen(
            station("simulator", *flags), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        processes.append(process)
        assert process.stdout is not None
        url = process.stdout.readline().split(" on ", 1)[1].split()[0]
        return SimProcess(url, url.removesuffix("/rest"))

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=20)


def journal_steps(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return int(db.execute("SELECT COUNT(*) FROM steps").fetchone()[0])
        finally:
            db.close()
    except sqlite3.OperationalError:
        return 0  # the schema is being created right now


def run_with_kills(
    run_args: list[str],
    journal: Path,
    *,
    seed: int,
    max_kills: int,
    stride: int = 1,
    after_kill: Callable[[int], None] = lambda kills: None,
) -> tuple[dict[str, Any], int]:
    """Run the batch, SIGKILL it up to ``max_kills`` times, then let it finish; return its report."""
    rng = random.Random(seed)
    kills = 0
    log = journal.with_name("station-cli.log")
    for attempt in range(max_kills * 3):
        # Each run gets a little further before it dies (a resumed run redoes its reads and the
        # step it was killed in); after max_kills one is let through to the end.
        steps_before = journal_steps(journal)
        new_steps = rng.randint(1, 2 + attempt * stride // 2)
        # Output goes to files: a pipe nobody reads fills up and would block the station.
        with log.open("w") as err_file, log.with_suffix(".json").open("w") as out_file:
            process = subprocess.Popen(run_args, stdout=out_file, stderr=err_file, text=True)
        target = steps_before + new_steps
        wait_until(
            lambda p=process, t=target: p.poll() is not None or journal_steps(journal) >= t,  # type: ignore[misc]
            timeout=300,
            interval=0.005,
            what="new journal steps or the end of the run",
        )
        if process.poll() is None and kills < max_kills:
            time.sleep(rng.choice([0, 0, 0.005, 0.02, 0.05]))  # vary the kill point: before, during, after the call
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=20)
            kills += 1
            after_kill(kills)
            continue
        process.wait(timeout=600)
        assert process.returncode in (0, 1), log.read_text()
        return json.loads(log.with_suffix(".json").read_text()), kills
    raise AssertionError("the batch never finished")


def journal_summary(journal: Path) -> tuple[list[tuple[str, int, int, str]], dict[str, int]]:
    db = sqlite3.connect(journal)
    rows = db.execute("SELECT purchase_order_no, shipped, printed, error FROM batch_pos").fetchall()
    cut_short = dict(db.execute("SELECT kind, COUNT(*) FROM steps WHERE state = 'reconciled' GROUP BY kind"))
    db.close()
    return rows, cut_short


def test_killed_at_many_points_every_po_shipped_exactly_once(
    start_sim: Callable[..., SimProcess], tmp_path: Path
) -> None:
    sim = start_sim(
        "--pos",
        "60",
        "--history",
        "0",
        "--seed",
        "21",
        "--pack-delay",
        "0.3-0.8",
        "--latency-ms",
        "15",
        "--latency-jitter-ms",
        "10",
    )
    journal = tmp_path / "journal.sqlite3"
    to_pack_before = sim.stats()["by_status"].get("10", 0)
    report, kills = run_with_kills(
        station(
            "run",
            "--simulator-url",
            sim.url,
            "--journal",
            str(journal),
            "--json",
            "-o",
            str(tmp_path / "labels.pdf"),
            "--first-poll-after",
            "0.2",
            "--poll-interval",
            "0.2",
        ),
        journal,
        seed=4,
        max_kills=15,
    )
    assert kills >= 5, f"only {kills} kills: the batch is too short to test resuming"

    stats = sim.stats()
    per_po = stats["purchase_orders"]
    assert all(c["ship_successes"] <= 1 for c in per_po.values()), "a PO was shipped twice"
    assert all(c["pack_accepted"] <= 1 for c in per_po.values()), "a PO was packed twice"
    shipped_once = {no for no, c in per_po.items() if c["ship_successes"] == 1}
    assert stats["by_status"].get("10", 0) == 0 and len(shipped_once) == to_pack_before
    rows, cut_short = journal_summary(journal)
    assert {r[0] for r in rows} == shipped_once
    assert all(r[1] == 1 and r[2] == 1 for r in rows)
    assert report["counts"]["failed"] == 0
    # a kill leaves the step it interrupted open; the next run settles it by reading the status
    assert sum(cut_short.values()) >= 1
    print(
        f"\nkill test: {to_pack_before} POs, {kills} SIGKILLs, steps cut short and reconciled: {cut_short}, "
        f"ship attempts {sum(c['ship_attempts'] for c in per_po.values())}, "
        f"print requests {sum(c['print_requests'] for c in per_po.values())} for {len(per_po)} POs "
        f"(a kill between a request and its file costs one more), duplicates found: 0"
    )


@pytest.mark.slow
def test_soak_thousands_of_pos_under_faults_and_kills(start_sim: Callable[..., SimProcess], tmp_path: Path) -> None:
    sim = start_sim(
        "--pos",
        "2000",
        "--history",
        "0",
        "--seed",
        "33",
        "--pack-delay",
        "0.3-1.0",
        "--latency-ms",
        "10",
        "--latency-jitter-ms",
        "10",
        "--timeout-seconds",
        "1.5",
    )
    set_faults(sim.base, error_rate=0.03, timeout_rate=0.02, drop_rate=0.02, flow_limit_per_second=15)
    journal = tmp_path / "journal.sqlite3"
    cancelled: list[str] = []

    other_bench = connect_simulator(sim.url)
    raced: list[str] = []

    def mischief(kills: int) -> None:
        # Between two crashes: the token expires, a buyer cancels a PO the batch holds, and
        # another bench packs a few of its POs first (the station then meets "Has packed").
        requests.post(sim.base + "/_sim/expire-tokens", timeout=10)
        db = sqlite3.connect(journal)
        row = db.execute(
            "SELECT purchase_order_no FROM batch_pos WHERE shipped = 0 ORDER BY position DESC LIMIT 1 OFFSET ?",
            (kills * 7,),
        ).fetchone()
        unpacked = [
            r[0]
            for r in db.execute(
                "SELECT purchase_order_no FROM batch_pos WHERE packed = 0 ORDER BY position DESC LIMIT 3"
            )
        ]
        db.close()
        if row and requests.post(sim.base + "/_sim/cancel", json={"purchase_order_no": row[0]}, timeout=10).json().get(
            "ok"
        ):
            cancelled.append(row[0])
        for no in unpacked:
            if no in cancelled:
                continue
            try:
                other_bench.client.pack_chunk([no])
                raced.append(no)
            except StationApiError:
                pass  # the station had packed it already

    report, kills = run_with_kills(
        station(
            "run",
            "--simulator-url",
            sim.url,
            "--journal",
            str(journal),
            "--json",
            "-o",
            str(tmp_path / "sheets.pdf"),
            "--size",
            "A4",
            "--first-poll-after",
            "0.3",
            "--poll-interval",
            "0.5",
            "--read-timeout",
            "1.0",
            "--calls-per-second",
            "25",
        ),
        journal,
        seed=9,
        max_kills=6,
        stride=16,
        after_kill=mischief,
    )
    other_bench.close()
    stats = sim.stats()
    per_po = stats["purchase_orders"]
    assert all(c["ship_successes"] <= 1 for c in per_po.values()), "a PO was shipped twice"
    assert all(c["pack_accepted"] <= 1 for c in per_po.values()), "a PO was packed twice"
    rows, cut_short = journal_summary(journal)
    by_no = {r[0]: r for r in rows}
    assert len(rows) >= 2000
    for no, shipped, printed, error in rows:
        if no in cancelled:
            assert not shipped and "cancel" in error.lower()
        else:
            assert shipped == 1 and printed == 1 and per_po[no]["ship_successes"] == 1, (no, error)
    assert set(cancelled) <= set(by_no)
    assert report["counts"]["failed"] == len(cancelled)
    faults = stats["faults"]
    print(
        f"\nsoak: {len(rows)} POs, {kills} SIGKILLs, {len(cancelled)} cancelled by the buyer mid-batch, "
        f"{len(raced)} packed first by another bench, "
        f"faults injected {faults}, steps reconciled {cut_short}, "
        f"API calls {stats['total_calls']}, duplicates found: 0"
    )
