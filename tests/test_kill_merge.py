"""Kill the station while it writes the merged labels: every PO shipped once, its labels once in
the output, and the output never half-written.

``station-cli run`` (the merge in its child process, as always) is SIGKILLed at points of the
merge found by watching the files: the unfinished ``labels.pdf.part`` appearing or grown past a
size, a print call answered, the output just moved into place. Half of the kills take the whole
process group (the merge child too, as a power cut would); the others only the station, whose
merge child then finds its parent gone. Before each run the output holds yesterday's labels.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.hostile_server import label_pdf
from tests.printing.conftest import CupsTestServer
from tests.printing.conftest import cups_server as cups_server  # the fixtures: a real CUPS queue
from tests.printing.conftest import scratch_queue as scratch_queue
from tests.support import wait_until
from tests.test_resume import SimProcess, station
from tests.test_resume import start_sim as start_sim  # the fixture: simulators in processes of their own

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX-only")

PO_NUMBER = re.compile(r"POJ\d+")


def sheets_per_po(path: Path) -> Counter[str]:
    """How many A4 PO sheets of each PO the file holds (it must parse: a half file does not)."""
    counts: Counter[str] = Counter()
    for page in PdfReader(path, strict=True).pages:
        found = set(PO_NUMBER.findall(page.extract_text()))
        assert len(found) == 1, f"a page of {path.name} names {sorted(found)}"
        counts.update(found)
    return counts


def print_steps_done(journal: Path) -> int:
    try:
        db = sqlite3.connect(f"file:{journal}?mode=ro", uri=True, timeout=5)
        try:
            return int(db.execute("SELECT COUNT(*) FROM steps WHERE kind = 'print' AND state = 'done'").fetchone()[0])
        finally:
            db.close()
    except sqlite3.OperationalError:
        return 0  # not created yet, or the schema is being written right now


def group_gone(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return True
    return False


@dataclass
class KillLog:
    points: Counter[str] = field(default_factory=Counter)
    part_sizes: list[int] = field(default_factory=list)  # of labels.pdf.part at the kill, when there was one
    whole_group: int = 0
    seen_old: int = 0  # checks that found yesterday's file still in place
    seen_complete: int = 0  # ...or this batch's, complete

    @property
    def kills(self) -> int:
        return sum(self.points.values())


def test_killed_while_writing_the_merged_labels_every_po_once_in_a_whole_file(
    start_sim: Callable[..., SimProcess], tmp_path: Path
) -> None:
    sim = start_sim(
        "--pos",
        "100",
        "--history",
        "0",
        "--seed",
        "27",
        "--pack-delay",
        "0.5-5",
        "--latency-ms",
        "20",
        "--latency-jitter-ms",
        "10",
    )
    to_pack = sim.stats()["by_status"].get("10", 0)
    assert to_pack == 100
    journal = tmp_path / "journal.sqlite3"
    output = tmp_path / "labels.pdf"
    part = output.with_name(output.name + ".part")
    yesterday = label_pdf(210, 297, pages=3)
    output.write_bytes(yesterday)
    run_args = station(
        "run",
        "--simulator-url",
        sim.url,
        "--journal",
        str(journal),
        "--json",
        "-o",
        str(output),
        "--size",
        "A4",
        "--first-poll-after",
        "0.2",
        "--poll-interval",
        "0.2",
    )
    log = tmp_path / "station-cli.log"
    rng = random.Random(16)
    seen = KillLog()

    checked: set[tuple[int, int, int]] = set()  # files already read whole: (inode, size, mtime)

    def check_output() -> None:
        """Yesterday's file, untouched, or this batch's whole: never a file cut short."""
        data = output.read_bytes()
        if data == yesterday:
            seen.seen_old += 1
            return
        info = output.stat()
        if (info.st_ino, info.st_size, info.st_mtime_ns) not in checked:
            counts = sheets_per_po(output)
            assert len(counts) == to_pack and set(counts.values()) == {1}, "a merged file without every PO once"
            checked.add((info.st_ino, info.st_size, info.st_mtime_ns))
        seen.seen_complete += 1

    # Where to kill, in turn; each a predicate on the files, made when the run starts.
    def written_by_this_run(size: int = 0) -> bool:
        """labels.pdf.part written since this run started (a power cut leaves the last one's)."""
        try:
            info = part.stat()
        except FileNotFoundError:
            return False
        return info.st_mtime_ns >= run_started and info.st_size >= size

    def part_appears() -> Callable[[], bool]:
        return written_by_this_run

    def part_grown() -> Callable[[], bool]:
        size = rng.randint(5_000, 110_000)  # the whole file is about 130 KB
        return lambda: written_by_this_run(size)

    def print_answered() -> Callable[[], bool]:
        """A print call answered (its file about to be merged); in the merge if none is left to make (a
        resumed run whose files are all cached goes straight to it: its .part lives for the whole merge,
        while a late size on it may come and go between two looks)."""
        target = print_steps_done(journal) + rng.randint(1, 2)
        return lambda: print_steps_done(journal) >= target or written_by_this_run()

    def output_replaced() -> Callable[[], bool]:
        return lambda: output.stat().st_size != len(yesterday)

    # A resumed run merges again every file fetched before (from the cache): each run writes
    # labels.pdf.part from the start, so every run has a merge to be killed in.
    plan = [
        ("print answered", print_answered),
        ("part appears", part_appears),
        ("print answered", print_answered),
        ("part grown", part_grown),
        ("part grown", part_grown),
        ("part appears", part_appears),
        ("part grown", part_grown),
        ("part grown", part_grown),
        ("part grown", part_grown),
        ("output replaced", output_replaced),
    ]
    started = time.monotonic()
    for run in range(len(plan) + 5):
        check_output()
        point, make = plan[run] if run < len(plan) else ("none", lambda: lambda: False)
        fire = make()
        run_started = time.time_ns()
        with log.open("w") as err_file, log.with_suffix(".json").open("w") as out_file:
            process = subprocess.Popen(
                run_args, stdout=out_file, stderr=err_file, text=True, start_new_session=True
            )  # its own group: the merge child is in it
        wait_until(
            lambda p=process, f=fire: p.poll() is not None or f(),  # type: ignore[misc]
            timeout=120,
            interval=0.002,
            what="the kill point or the end of the run",
        )
        if process.poll() is None:
            size = part.stat().st_size if part.exists() else -1
            if run % 2:
                os.killpg(process.pid, signal.SIGKILL)  # a power cut: the merge child goes too
                seen.whole_group += 1
            else:
                process.send_signal(signal.SIGKILL)  # the station only: its merge child finds it gone
            process.wait(timeout=20)
            seen.points[point] += 1
            if size >= 0:
                seen.part_sizes.append(size)
            check_output()
            wait_until(partial(group_gone, process.pid), timeout=20, what="the merge child to end")
            continue
        process.wait(timeout=120)
        assert process.returncode == 0, log.read_text()
        break
    else:
        raise AssertionError("the batch never finished")
    elapsed = time.monotonic() - started
    report = json.loads(log.with_suffix(".json").read_text())

    assert seen.kills >= 8, f"only {seen.kills} kills: {seen.points}"
    assert len(seen.part_sizes) >= 4, f"only {len(seen.part_sizes)} kills while labels.pdf.part was written"
    stats = sim.stats()
    per_po = stats["purchase_orders"]
    assert stats["by_status"].get("10", 0) == 0
    assert all(c["ship_successes"] == 1 and c["ship_attempts"] == 1 for c in per_po.values()), "shipped twice"
    assert all(c["pack_accepted"] <= 1 for c in per_po.values()), "packed twice"
    # a kill between a print call and its file costs at most one more call per PO
    assert all(1 <= c["print_requests"] <= 1 + seen.kills for c in per_po.values())
    extra_prints = sum(c["print_requests"] - 1 for c in per_po.values())

    counts = sheets_per_po(output)
    assert set(counts) == set(per_po) and set(counts.values()) == {1}, "a PO's labels missing or twice"
    assert not part.exists(), "an unfinished merge was left beside the output"
    assert report["counts"]["failed"] == 0 and report["counts"]["printed"] == to_pack
    db = sqlite3.connect(journal)
    rows = db.execute("SELECT printed, shipped FROM batch_pos").fetchall()
    states = [row[0] for row in db.execute("SELECT state FROM batches")]
    db.close()
    assert len(rows) == to_pack and all(row == (1, 1) for row in rows)
    assert states == ["done"]
    print(
        f"\nkills during the merge: {to_pack} POs, {seen.kills} SIGKILLs ({seen.whole_group} of the whole "
        f"process group) at {dict(seen.points)}, labels.pdf.part at the kill: "
        f"{sorted(s // 1000 for s in seen.part_sizes)} KB; the output read {seen.seen_old} times as "
        f"yesterday's, {seen.seen_complete} times complete, never cut short; ship attempts "
        f"{sum(c['ship_attempts'] for c in per_po.values())}, print requests "
        f"{sum(c['print_requests'] for c in per_po.values())} ({extra_prints} extra), "
        f"duplicates found: 0, {elapsed:.1f} s"
    )


# ---------------------------------------------------------------------- around the carton labels
def carton_steps(journal: Path) -> Counter[str]:
    """How many ``carton_labels`` steps are in each state."""
    try:
        db = sqlite3.connect(f"file:{journal}?mode=ro", uri=True, timeout=5)
        try:
            return Counter(row[0] for row in db.execute("SELECT state FROM steps WHERE kind = 'carton_labels'"))
        finally:
            db.close()
    except sqlite3.OperationalError:
        return Counter()


def carton_jobs(history: Path) -> list[tuple[str, str]]:
    """(pickup order, status) of every print job in the print history."""
    try:
        db = sqlite3.connect(f"file:{history / 'print-history.sqlite3'}?mode=ro", uri=True, timeout=5)
        try:
            return [(json.loads(row[0])[0], row[1]) for row in db.execute("SELECT po_numbers, status FROM print_jobs")]
        finally:
            db.close()
    except sqlite3.OperationalError:
        return []


def test_killed_around_the_carton_labels_every_pickup_labelled_once(
    start_sim: Callable[..., SimProcess], cups_server: CupsTestServer, scratch_queue: str, tmp_path: Path
) -> None:
    sim = start_sim(
        "--pos",
        "24",
        "--history",
        "0",
        "--seed",
        "31",
        "--pack-delay",
        "0.2-0.6",
        "--pickup-step",
        "3600",
        "--latency-ms",
        "20",
    )
    journal, history = tmp_path / "journal.sqlite3", tmp_path / "prints"
    run_args = station(
        "run",
        "--simulator-url",
        sim.url,
        "--journal",
        str(journal),
        "--json",
        "-o",
        str(tmp_path / "day.pdf"),
        "--size",
        "A4",
        "--first-poll-after",
        "0.2",
        "--poll-interval",
        "0.2",
        "--boxes-per-pickup",
        "2",
        "--carton-printer",
        scratch_queue,
        "--print-backend",
        "cups",
        "--history-dir",
        str(history),
    )
    log = tmp_path / "station-cli.log"

    # Where to kill, in turn: a carton print written down and not yet sent (its step open, no job
    # of it accepted yet), or one the spooler took whose step is not answered yet.
    def step_sent() -> Callable[[], bool]:
        before = carton_steps(journal)["sent"] + carton_steps(journal)["done"] + carton_steps(journal)["failed"]
        return lambda: sum(carton_steps(journal).values()) > before and carton_steps(journal)["sent"] > 0

    def job_sent() -> Callable[[], bool]:
        before = len(carton_jobs(history))
        return lambda: (
            len(jobs := carton_jobs(history)) > before
            and jobs[-1][1] in ("sent", "printed")
            and carton_steps(journal)["sent"] > 0
        )

    plan = [("step sent", step_sent), ("job sent", job_sent), ("step sent", step_sent), ("job sent", job_sent)]
    seen: Counter[str] = Counter()
    for run in range(len(plan) + 4):
        point, make = plan[run] if run < len(plan) else ("none", lambda: lambda: False)
        fire = make()
        with log.open("w") as err_file, log.with_suffix(".json").open("w") as out_file:
            process = subprocess.Popen(run_args, stdout=out_file, stderr=err_file, text=True, start_new_session=True)
        wait_until(
            lambda p=process, f=fire: p.poll() is not None or f(),  # type: ignore[misc]
            timeout=120,
            interval=0.002,
            what="the kill point or the end of the run",
        )
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)
            seen[point] += 1
            wait_until(partial(group_gone, process.pid), timeout=20, what="the run's processes to end")
            continue
        assert process.returncode == 0, log.read_text()
        report = json.loads(log.with_suffix(".json").read_text())
        if report["cartons"] or run >= len(plan):
            break
    assert seen["step sent"] >= 1 and seen["job sent"] >= 1, f"kills: {dict(seen)}"

    # every pickup the day booked: its labels printed exactly once, nothing left open
    stats = sim.stats()
    pickups = {po["pickup_no"] for po in report["pos"]} if report["pos"] else set()
    db = sqlite3.connect(journal)
    booked = {row[0] for row in db.execute("SELECT DISTINCT pickup_no FROM batch_pos WHERE shipped = 1")}
    db.close()
    assert len(booked) >= 3 and (not pickups or pickups <= booked)
    steps = carton_steps(journal)
    assert steps["sent"] == 0, "a carton print left open"
    assert steps["done"] == len(booked), steps
    accepted = Counter(pickup for pickup, status in carton_jobs(history) if status in ("sent", "printed"))
    assert accepted == dict.fromkeys(booked, 1), "a pickup's carton labels printed twice or not at all"
    assert len(cups_server.jobs(scratch_queue)) == len(booked), "the queue got a carton print twice"
    assert all(c["ship_successes"] == 1 for c in stats["purchase_orders"].values())
    print(f"\nkills around the carton labels: {dict(seen)}; {len(booked)} pickups, each labelled once")
