"""A lost journal loses no POs silently: the station says it started a new journal, and lists the
POs the platform shows shipped today whose labels were not printed here, with one command to print
them (found from the platform and the print history, not the journal)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from station.demo import connect_simulator
from station.simulator.server import SimulatorServer
from station.workflow.unprinted import shipped_today
from tests.support import wait_until

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX-only")


def station(*args: str) -> list[str]:
    return [sys.executable, "-m", "station.cli.main", *args]


def ship_steps(journal: Path) -> int:
    try:
        db = sqlite3.connect(f"file:{journal}?mode=ro", uri=True, timeout=5)
        try:
            return int(db.execute("SELECT COUNT(*) FROM steps WHERE kind = 'ship' AND state = 'done'").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def test_a_lost_journal_lists_the_shipped_pos_without_labels_and_prints_them(
    make_sim: Callable[..., SimulatorServer], tmp_path: Path
) -> None:
    sim = make_sim(pos=40, history=0, pack_delay_min=0.2, pack_delay_max=3.0)
    journal, history = tmp_path / "journal.sqlite3", tmp_path / "prints"
    common = ["--simulator-url", sim.url, "--journal", str(journal), "--history-dir", str(history)]
    fast = ["--first-poll-after", "0.3", "--poll-interval", "0.3"]
    with (tmp_path / "first.log").open("w") as log:
        first = subprocess.Popen(
            station("run", *common, *fast, "-o", str(tmp_path / "first.pdf")), stdout=log, stderr=log
        )
    wait_until(
        lambda: first.poll() is not None or ship_steps(journal) >= 1, timeout=120, interval=0.005, what="a ship step"
    )
    assert first.poll() is None, "the run ended before it could be killed"
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=20)
    Path(f"{journal}-wal").unlink()
    Path(f"{journal}-shm").unlink(missing_ok=True)
    conn = connect_simulator(sim.url, read_timeout=10)
    try:
        shipped = {po.purchase_order_no for po in shipped_today(conn.client)}
    finally:
        conn.close()
    assert shipped  # shipped, and their labels never merged

    second = subprocess.run(
        station("run", *common, *fast, "-o", str(tmp_path / "second.pdf")),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert second.returncode in (0, 1), second.stderr
    out = second.stdout
    assert f"The journal {journal} was damaged" in out and "set aside as journal.sqlite3.damaged-" in out
    assert "a new one was started. Check today's shipped POs below." in out
    assert f"{len(shipped)} POs shipped, labels not printed at this station:" in out
    assert all(no in out for no in shipped)
    assert "station-cli unprinted --print -o FILE" in out
    assert list(tmp_path.glob("journal.sqlite3.damaged-*"))

    listed = subprocess.run(
        station("unprinted", *common, "--json"), capture_output=True, text=True, timeout=120, check=False
    )
    assert listed.returncode == 0, listed.stderr
    assert {po["purchase_order_no"] for po in json.loads(listed.stdout)} == shipped  # the second run's are printed

    printed = subprocess.run(
        station("unprinted", *common, "--print", "-o", str(tmp_path / "missing.pdf")),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert printed.returncode == 0, printed.stdout + printed.stderr
    assert len(PdfReader(tmp_path / "missing.pdf").pages) > len(shipped)
    after = subprocess.run(station("unprinted", *common), capture_output=True, text=True, timeout=120, check=False)
    assert "No PO shipped today is without labels printed at this station." in after.stdout


def test_unprinted_print_needs_a_file(sim: SimulatorServer, tmp_path: Path) -> None:
    result = subprocess.run(
        station("unprinted", "--simulator-url", sim.url, "--journal", str(tmp_path / "j"), "--print"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2 and "unprinted --print -o FILE" in result.stderr
