"""Several benches (``station-cli run`` processes) on one simulator and one shared journal, killed
with SIGKILL at random moments and started again, some under a new name (a bench that died for
good: its claims and its open batch expire and are taken over). In the end every PO of the day
is shipped exactly once, packed once, and printed in exactly one batch of the journal."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import psycopg
import pytest
import requests

from tests.journal_pg.pg import PgServer

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX-only")

ROOT = Path(__file__).resolve().parents[2]
POS = 1500
BENCHES = 4
LIMITS: list[list[str]] = [["--limit", "400"], ["--limit", "700"], ["--limit", "1000"], []]  # [] all; they overlap
TTL = "3"  # seconds: a dead bench's claims are taken over quickly in the test


def _sim(*flags: str) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "station.cli.main", "simulator", *flags],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    assert process.stdout is not None
    return process, process.stdout.readline().split(" on ", 1)[1].split()[0]


def diagnose(journal_url: str) -> list[Any]:
    with psycopg.connect(journal_url) as db:
        return [
            *db.execute("SELECT id, bench, state, lease_until FROM batches ORDER BY id"),
            *db.execute(
                "SELECT batch_id, error, COUNT(*), SUM(shipped), SUM(printed) FROM batch_pos"
                " GROUP BY batch_id, error ORDER BY batch_id"
            ),
        ]


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_benches_share_the_day_killed_at_random_nothing_done_twice(pg_server: PgServer, tmp_path: Path) -> None:
    journal_url = pg_server.new_database("multibench")
    sim, url = _sim(
        "--pos",
        str(POS),
        "--history",
        "0",
        "--seed",
        "41",
        "--pack-delay",
        "0.3-0.8",
        "--latency-ms",
        "5",
        "--latency-jitter-ms",
        "5",
    )
    base = url.removesuffix("/rest")

    def stats() -> dict[str, Any]:
        return dict(requests.get(base + "/_sim/stats", timeout=30).json())

    def open_batches() -> int:
        with psycopg.connect(journal_url) as db:
            row = db.execute("SELECT COUNT(*) FROM batches WHERE state = 'running'").fetchone()
        return int(row[0]) if row else 0

    to_pack_before = stats()["by_status"].get("10", 0)
    rng = random.Random(7)
    started = time.monotonic()
    processes: dict[int, subprocess.Popen[str] | None] = dict.fromkeys(range(BENCHES))
    names = {slot: f"bench-{slot + 1}" for slot in range(BENCHES)}
    idle: set[int] = set()
    runs = kills = renamed = 0
    exits: Counter[int] = Counter()
    next_kill = time.monotonic() + rng.uniform(1, 4)
    try:
        while len(idle) < BENCHES:
            assert time.monotonic() - started < 1000, f"not done: {stats()['by_status']}, {open_batches()} open"
            for slot in range(BENCHES):
                process = processes[slot]
                if process is not None and process.poll() is None:
                    continue
                if process is not None and process.returncode != -signal.SIGKILL:
                    exits[process.returncode] += 1
                    err = (tmp_path / f"{slot}.err").read_text()
                    assert process.returncode in (0, 1) and "Traceback" not in err, err
                if process is not None and stats()["by_status"].get("10", 0) == 0 and open_batches() == 0:
                    idle.add(slot)
                    processes[slot] = None
                    continue
                if slot in idle:
                    continue
                env = {**os.environ, "STATION_BENCH": names[slot], "STATION_CLAIM_TTL": TTL, "PYTHONPATH": str(ROOT)}
                with (
                    (tmp_path / f"{slot}.err").open("w") as err_file,
                    (tmp_path / f"{slot}.json").open("w") as out_file,
                ):
                    processes[slot] = subprocess.Popen(
                        [
                            sys.executable,
                            "-m",
                            "station.cli.main",
                            "run",
                            "--simulator-url",
                            url,
                            "--journal",
                            journal_url,
                            "--json",
                            "-o",
                            str(tmp_path / f"labels-{slot}-{runs}.pdf"),
                            "--first-poll-after",
                            "0.3",
                            "--poll-interval",
                            "0.4",
                            *LIMITS[slot],
                        ],
                        stdout=out_file,
                        stderr=err_file,
                        text=True,
                        cwd=ROOT,
                        env=env,
                    )
                runs += 1
            if kills < 12 and time.monotonic() >= next_kill:
                running = [s for s, p in processes.items() if p is not None and p.poll() is None]
                if running:
                    slot = rng.choice(running)
                    victim = processes[slot]
                    assert victim is not None
                    victim.send_signal(signal.SIGKILL)
                    victim.wait(timeout=20)
                    kills += 1
                    if rng.random() < 0.3:  # this bench is gone for good; a new one takes its place
                        renamed += 1
                        names[slot] = f"bench-{slot + 1}-r{renamed}"
                next_kill = time.monotonic() + rng.uniform(1, 5)
            time.sleep(0.1)
        elapsed = time.monotonic() - started

        final = stats()
        per_po = final["purchase_orders"]
        assert len(per_po) == to_pack_before == POS
        assert all(c["ship_successes"] == 1 for c in per_po.values()), [
            (no, c) for no, c in per_po.items() if c["ship_successes"] != 1
        ][:5]
        assert all(c["pack_accepted"] == 1 for c in per_po.values()), "a PO was packed twice (or never)"
        assert all(c["print_requests"] >= 1 for c in per_po.values())
        with psycopg.connect(journal_url) as db:
            printed = Counter(no for (no,) in db.execute("SELECT purchase_order_no FROM batch_pos WHERE printed = 1"))
            shipped_rows = {no for (no,) in db.execute("SELECT purchase_order_no FROM batch_pos WHERE shipped = 1")}
            held = db.execute("SELECT COUNT(*) FROM batch_pos WHERE error LIKE 'Held by bench%'").fetchone()
            done_elsewhere = db.execute("SELECT COUNT(*) FROM batch_pos WHERE error LIKE 'Already done%'").fetchone()
            batches = db.execute("SELECT COUNT(*), COUNT(DISTINCT bench) FROM batches").fetchone()
            reconciled: dict[str, int] = dict(
                db.execute("SELECT kind, COUNT(*) FROM steps WHERE state = 'reconciled' GROUP BY kind")
            )
            claims_left = db.execute("SELECT COUNT(*) FROM claims").fetchone()
        assert set(printed.values()) <= {1}, "a PO printed in two batches"
        if set(printed) != set(per_po):
            print("\n".join(map(str, diagnose(journal_url))))
        assert set(printed) == set(per_po), f"{len(per_po) - len(printed)} POs not printed in any batch"
        assert shipped_rows == set(per_po)
        # A bench refused a PO (held by another bench, or done by one) writes nothing for it (issue 22).
        assert held == (0,) and done_elsewhere == (0,), (held, done_elsewhere)
        assert batches and claims_left is not None
        print_requests = sum(c["print_requests"] for c in per_po.values())
        figures = {
            "pos": POS,
            "benches": BENCHES,
            "runs": runs,
            "sigkills": kills,
            "benches_replaced": renamed,
            "exit_codes": dict(exits),
            "batches": batches[0],
            "bench_names": batches[1],
            "refusals_written_to_the_journal": held[0] + done_elsewhere[0],
            "steps_reconciled": reconciled,
            "ship_attempts": sum(c["ship_attempts"] for c in per_po.values()),
            "print_requests": print_requests,
            "pos_printed_more_than_once_by_the_platform": sum(c["print_requests"] > 1 for c in per_po.values()),
            "api_calls": final["total_calls"],
            "seconds": round(elapsed),
            "duplicates": 0,
        }
        print("\nmulti-bench: " + json.dumps(figures))
    finally:
        for process in processes.values():
            if process is not None and process.poll() is None:
                process.kill()
                process.wait(timeout=20)
        sim.terminate()
        sim.wait(timeout=20)
