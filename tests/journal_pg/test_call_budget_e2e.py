"""End to end: the simulator's flow limit bans one bench (this test's process), the ban goes to the
shared journal, and another bench (a ``station-cli run`` process of the same shop) makes no call to
the platform until the ban ends, though nothing refuses it."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from contextlib import suppress
from pathlib import Path

import psycopg
import pytest

from station.demo import connect_simulator
from station.journal import open_journal
from station.lazada import pickups
from station.lazada.errors import StationApiError
from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from station.workflow.call_budget import ShopBudget
from tests.support import wait_until

ROOT = Path(__file__).resolve().parents[2]
BAN = 8  # seconds the simulator's ApiCallLimit answer states


def _calls_but_pickups(server: SimulatorServer) -> int:
    calls = server.state.stats()["calls"]
    return sum(n for path, n in calls.items() if path != pickups.QUERY_PATH)


@pytest.mark.timeout(180)
def test_a_ban_one_bench_is_given_holds_another_benchs_process(pg_url: str, tmp_path: Path) -> None:
    config = SimulatorConfig(pos=3, pack_delay_min=0.2, pack_delay_max=0.4, flow_limit_per_second=2)
    config.flow_ban_seconds = BAN
    server = SimulatorServer(config)
    server.start()
    journal = open_journal(pg_url, bench="bench-a")
    conn = connect_simulator(server.url)
    shop = f"simulator {server.url}"  # the profile station-cli files a --simulator-url batch under
    budget = ShopBudget(journal, shop, conn.client.transport.limiter, total=40.0).start()
    callers: list[threading.Thread] = []
    try:
        # Bench A calls faster than the shop may: the platform refuses some with ApiCallLimit.
        def ask() -> None:
            # An unknown pickup order: the call was made, that is all that counts here.
            with suppress(StationApiError):
                conn.client.query_pickup("PUO000000001")  # a path bench B's run never calls

        callers = [threading.Thread(target=ask) for _ in range(6)]
        for caller in callers:
            caller.start()
        wait_until(lambda: budget.last is not None and budget.last.ban_left > 0, timeout=20, what="bench A's ban")
        assert server.state.stats()["faults"].get("flow_limited", 0) >= 1
        server.state.config.update_runtime({"flow_limit_per_second": 0})  # nothing refuses bench B now
        refused = server.state.stats()["faults"].get("flow_limited", 0)
        with psycopg.connect(pg_url) as db:
            row = db.execute(
                "SELECT until - extract(epoch FROM clock_timestamp()), bench FROM shop_bans WHERE shop = %s", (shop,)
            ).fetchone()
        assert row is not None and row[1] == "bench-a"
        ban_ends = time.monotonic() + float(row[0])
        before = _calls_but_pickups(server)

        env = {**os.environ, "STATION_BENCH": "bench-b", "PYTHONPATH": str(ROOT)}
        started = time.monotonic()
        bench_b = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "station.cli.main",
                "run",
                "--simulator-url",
                server.url,
                "--journal",
                pg_url,
                "--json",
                "-v",
                "--limit",
                "1",
                "-o",
                str(tmp_path / "labels-b.pdf"),
                "--first-poll-after",
                "0.2",
                "--poll-interval",
                "0.3",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        wait_until(lambda: _calls_but_pickups(server) > before, timeout=90, interval=0.02, what="bench B's first call")
        first_call = time.monotonic()
        out, err = bench_b.communicate(timeout=90)
        assert bench_b.returncode == 0, err[-3000:]
        assert started < ban_ends - 2  # bench B was there well before the ban ended: it waited for it
        assert first_call >= ban_ends - 0.3, (first_call - started, ban_ends - started)
        assert "banned" in err and "seen by bench-a" in err
        assert server.state.stats()["faults"].get("flow_limited", 0) == refused  # bench B was never refused
        assert '"printed": true' in out or '"printed":true' in out
    finally:
        budget.stop()
        for caller in callers:
            caller.join(timeout=60)
        conn.close()
        journal.close()
        server.stop()
