"""Several benches (``station-cli run`` processes under their own bench names) on one simulator day
and one shared PostgreSQL journal: they claim the day chunk by chunk, so each gets part of it; a PO
another bench did is reported as done by that bench, not failed, and every bench exits 0. A bench
SIGKILLed in the middle of a chunk loses it to another bench once its claims expire. Nothing is
packed or shipped twice and no PO is in two PDFs (the simulator counts every call per PO)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from tests.support import wait_until
from tests.two_stations import ROOT, Run, Sim, pdf_pos, start_sim, station

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX-only")

TTL = "3"  # seconds: a dead bench's claims expire quickly in the test


@pytest.fixture
def sim_day(request: pytest.FixtureRequest) -> Iterator[Sim]:
    pos, delay = request.param
    sim = start_sim("--pos", str(pos), "--history", "0", "--seed", "22", "--pack-delay", delay, "--latency-ms", "5")
    yield sim
    sim.stop()


def start_bench(sim: Sim, journal: str, folder: Path, bench: str, ttl: str = TTL) -> Run:
    """``station-cli run`` as bench ``bench``, with the PO sheets (they carry the PO number) and its JSON report."""
    out, err, pdf = folder / f"{bench}.json", folder / f"{bench}.err", folder / f"{bench}.pdf"
    env = {**os.environ, "STATION_BENCH": bench, "STATION_CLAIM_TTL": ttl, "PYTHONPATH": str(ROOT)}
    with out.open("w") as out_file, err.open("w") as err_file:
        process = subprocess.Popen(
            station(
                "run",
                "--simulator-url",
                sim.url,
                "--journal",
                journal,
                "--json",
                "--order",
                "--barcode",
                "-o",
                str(pdf),
                "--first-poll-after",
                "0.5",
                "--poll-interval",
                "0.5",
            ),
            stdout=out_file,
            stderr=err_file,
            text=True,
            cwd=ROOT,
            env=env,
        )
    return Run(process, out, err, pdf, env)


def report(run: Run) -> dict[str, Any]:
    return dict(json.loads(run.out.read_text()))


def printed_by(run: Run) -> set[str]:
    return {p["purchase_order_no"] for p in report(run)["pos"] if p["printed"]}


def journal_rows(journal: str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with psycopg.connect(journal) as db:
        return list(db.execute(sql, params or None))


def nothing_twice(sim: Sim, runs: list[Run], journal: str) -> dict[str, Any]:
    """Every PO of the day packed once, shipped in one attempt, its sheet in exactly one PDF and
    printed in exactly one batch of the journal; no refused PO written to the journal."""
    per_po = sim.stats()["purchase_orders"]
    twice = {no: c for no, c in per_po.items() if c["pack_accepted"] != 1 or c["ship_attempts"] != 1}
    assert not twice, f"{len(twice)} POs packed or shipped twice (or never), e.g. {next(iter(twice.items()))}"
    assert all(c["ship_successes"] == 1 for c in per_po.values())
    sheets = Counter(no for run in runs for no in pdf_pos(run.pdf))
    assert set(sheets) == set(per_po), f"{len(set(per_po) - set(sheets))} POs in no PDF"
    assert set(sheets.values()) == {1}, f"{sum(n > 1 for n in sheets.values())} POs in two PDFs"
    printed = Counter(
        no for (no,) in journal_rows(journal, "SELECT purchase_order_no FROM batch_pos WHERE printed = 1")
    )
    assert set(printed) == set(per_po) and set(printed.values()) == {1}
    refused = journal_rows(journal, "SELECT COUNT(*) FROM batch_pos WHERE error LIKE '%bench%'")
    assert refused == [(0,)], "a refused PO was written to the journal"
    return dict(per_po)


@pytest.mark.slow
@pytest.mark.timeout(600)
@pytest.mark.parametrize("sim_day", [(1000, "1-2")], indirect=True)
def test_four_benches_share_the_day_and_all_exit_0(sim_day: Sim, pg_url: str, tmp_path: Path) -> None:
    benches = [f"bench-{n}" for n in range(1, 5)]
    started = time.monotonic()
    runs = [start_bench(sim_day, pg_url, tmp_path, bench) for bench in benches]
    codes = [run.wait(timeout=400) for run in runs]
    elapsed = time.monotonic() - started
    assert codes == [0, 0, 0, 0], "\n".join(run.err.read_text()[-2000:] for run in runs)
    per_po = nothing_twice(sim_day, runs, pg_url)
    split = {bench: len(printed_by(run)) for bench, run in zip(benches, runs, strict=True)}
    print(f"\nfour benches, {len(per_po)} POs in {elapsed:.1f} s: printed per bench {split}")
    assert sum(split.values()) == len(per_po) == 1000
    assert all(split.values()), f"a bench got no POs: {split}"
    printed = {bench: printed_by(run) for bench, run in zip(benches, runs, strict=True)}
    for bench, run in zip(benches, runs, strict=True):
        body = report(run)
        # A bench that lists the day after another's first POs turned ready does not list those: it is
        # asked for the POs it listed. What the others did of them is said as theirs, not failed:
        # counted per bench, each PO once.
        listed = {p["purchase_order_no"] for p in body["pos"]}
        assert body["counts"]["total"] == len(listed) > len(per_po) / 2
        assert body["counts"]["failed"] == 0
        assert body["counts"]["elsewhere"] == len(listed) - split[bench]
        others = {b: len(listed & printed[b]) for b in benches if b != bench}
        assert body["done_by_other_benches"] == {b: n for b, n in others.items() if n}
        assert all(p["ok"] for p in body["pos"])
    # A bench writes nothing for a PO another bench has: only its own POs' rows say packed.
    saves = journal_rows(
        pg_url,
        "SELECT b.bench, COUNT(*) FROM batch_pos p JOIN batches b ON b.id = p.batch_id"
        " WHERE p.packed = 1 GROUP BY b.bench",
    )
    assert dict(saves) == {b: n for b, n in split.items() if n}


@pytest.mark.slow
@pytest.mark.timeout(600)
@pytest.mark.parametrize("sim_day", [(1000, "5-10")], indirect=True)
def test_four_benches_on_a_slow_packing_day_end_together_soon_after_the_last_ship(
    sim_day: Sim, pg_url: str, tmp_path: Path
) -> None:
    """The platform's real pack delay and the default claim life: every bench ends holding only POs
    the others hold, and leaves them to them as soon as it sees them renew their claims, not after a
    claim's life; with the shop's call budget shared, the day is split within a factor of two."""
    ttl = 60.0
    benches = [f"bench-{n}" for n in range(1, 5)]
    runs = [start_bench(sim_day, pg_url, tmp_path, bench, ttl=str(ttl)) for bench in benches]
    ended: dict[str, float] = {}

    def all_ended() -> bool:
        for bench, run in zip(benches, runs, strict=True):
            if bench not in ended and run.process.poll() is not None:
                ended[bench] = time.time()
        return len(ended) == len(runs)

    wait_until(all_ended, timeout=400, interval=0.2, what="the four benches to end")
    codes = [run.process.returncode for run in runs]
    assert codes == [0, 0, 0, 0], "\n".join(run.err.read_text()[-2000:] for run in runs)
    per_po = nothing_twice(sim_day, runs, pg_url)
    ((last_ship,),) = journal_rows(pg_url, "SELECT MAX(answered_at) FROM steps WHERE kind = 'ship'")
    tail = max(ended.values()) - float(last_ship)
    split = {bench: len(printed_by(run)) for bench, run in zip(benches, runs, strict=True)}
    print(f"\nslow packing day: last bench ended {tail:.1f} s after the last ship; printed per bench {split}")
    assert tail < ttl / 3, f"the benches waited {tail:.1f} s on each other after the day's last ship"
    assert sum(split.values()) == len(per_po) == 1000
    assert max(split.values()) <= 2 * min(split.values()), f"the day is not split within a factor of two: {split}"
    for run in runs:
        assert report(run)["counts"]["failed"] == 0


@pytest.mark.slow
@pytest.mark.timeout(600)
@pytest.mark.parametrize("sim_day", [(600, "2-3")], indirect=True)
def test_a_bench_killed_mid_chunk_loses_it_to_another_bench(sim_day: Sim, pg_url: str, tmp_path: Path) -> None:
    def packed_not_shipped(bench: str) -> set[str]:
        """The POs of ``bench``'s pack steps, once none of its ship steps has been sent: a chunk in the middle."""
        try:
            steps = journal_rows(
                pg_url,
                "SELECT s.kind, s.purchase_order_nos FROM steps s JOIN batches b ON b.id = s.batch_id"
                " WHERE b.bench = %s AND s.kind IN ('pack', 'ship')",
                (bench,),
            )
        except psycopg.errors.UndefinedTable:  # the bench has not made the journal's tables yet
            return set()
        if any(kind == "ship" for kind, _ in steps):
            return set()
        return {no for kind, numbers in steps for no in json.loads(numbers)}

    killed = start_bench(sim_day, pg_url, tmp_path, "bench-k")
    packed = wait_until(lambda: packed_not_shipped("bench-k"), timeout=120, what="bench-k's first pack")
    others = [start_bench(sim_day, pg_url, tmp_path, f"bench-{n}") for n in (1, 2)]
    killed.process.send_signal(signal.SIGKILL)
    assert killed.process.wait(timeout=20) == -signal.SIGKILL
    codes = [run.wait(timeout=400) for run in others]
    assert codes == [0, 0], "\n".join(run.err.read_text()[-2000:] for run in others)
    per_po = nothing_twice(sim_day, [killed, *others], pg_url)
    assert len(per_po) == 600 and not pdf_pos(killed.pdf)
    taken = {no for run in others for no in printed_by(run)}
    assert packed <= taken, "the killed bench's chunk was not finished by another bench"
    # Packed by the dead bench, shipped and printed by a live one: its pack was never sent again.
    assert all(per_po[no]["pack_accepted"] == 1 for no in packed)
    print(
        f"\nbench killed mid-chunk: {len(packed)} POs it had packed finished by {[len(printed_by(r)) for r in others]}"
    )
