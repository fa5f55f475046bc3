"""Pack verification at 200 scans a minute: the longest UI gap while units are counted.

    python -m bench.bench_verify_scans [--minutes 3] [--rate 200] [--latency-ms 150] [--json]

The real window (``MainWindow``, offscreen) on a simulator in its own process (150 ms per API call), with a
SQLite journal file as the app has. One To Pack PO is given enough units for the whole run (its
lines' quantities raised in the simulator before the window reads them); Verify mode is ticked and
the PO's number scanned. Then its product barcodes are scanned at ``--rate`` a minute for
``--minutes``, each scan a burst of key events with no delay between them and Enter, through the
application-wide scanner filter as a wedge scanner's keys go. Between scans the Qt event loop runs
(the window polls, images load, the journal writer writes). A ``QTimer`` every 5 ms on the UI
thread notes each firing; a gap between two firings is how long the loop could not react. Also
timed: each scan from its first key to the panel's answer (the ``counted`` signal).

Target: longest gap under 50 ms.
"""

from __future__ import annotations

import dataclasses
import gc
import itertools
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path
from typing import Any

from bench._common import emit, machine, parser
from bench._qt import application, isolate, percentile, wait_until
from bench.responsiveness import Recorder, where

TICK_MS = 5
TARGET_MS = 50.0


def time_reached(due: float) -> bool:
    return time.perf_counter() >= due


def grown(values: list[int], before: int) -> bool:
    return len(values) > before


def run(args: Any, home: Path) -> dict[str, Any]:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest

    from bench.day_500 import ExternalSimulator
    from station.demo import connect_simulator
    from station.journal import Journal
    from station.lazada.models import POStatus
    from station.simulator.config import SimulatorConfig
    from station.simulator.server import SimulatorServer
    from station.ui.app import keep_keys_quick
    from station.ui.main_window import MainWindow, default_folders
    from station.ui.ui_settings import UiSettings
    from station.workflow.jobs import JournalRef

    app = application()
    keep_keys_quick()
    scans = int(args.minutes * args.rate)
    config = SimulatorConfig(pos=40, history=0, latency_ms=args.latency_ms, seed=7)
    run_dir = home / "sim"
    run_dir.mkdir()
    # The PO's units are raised in the simulator's saved state, then the simulator runs in its own
    # process (as the platform is elsewhere: its threads do not take this process's GIL).
    seeding = SimulatorServer(dataclasses.replace(config, state_file=run_dir / "sim-state.json"))
    seeding.start()
    state = seeding.state
    with state.lock:  # one To Pack PO with units for the whole run: each line needs plenty
        po = next(p for p in state.pos.values() if p.status == POStatus.TO_PACK.value and len(p.items) >= 2)
        per_line = scans // len(po.items) + 10
        po.items = [(sku, per_line) for sku, _ in po.items]
        state.changed()
    no = po.purchase_order_no
    seeding.stop()
    external = ExternalSimulator(config, run_dir)
    connection = connect_simulator(external.url)
    settings = UiSettings()
    settings.sounds = False
    journal = Journal(home / "journal.sqlite3")
    window = MainWindow(connection, settings, default_folders(home / "data"), journal=JournalRef(journal, "default"))
    window.resize(1366, 768)
    window.show()
    wait_until(lambda: window.jit.po_list.barcodes_ready, 60, "the listing and its barcodes")
    window.jit.view.verify.setChecked(True)
    opened: list[str] = []
    window.jit.verify.opened.connect(opened.append)
    table = window.jit.view.table
    QTest.keyClicks(table, no)
    QTest.keyClick(table, Qt.Key.Key_Return)
    wait_until(lambda: bool(opened), 30, "the verification to open")
    v = window.jit.verify.current
    assert v is not None and v.needed >= scans, (v.needed if v else None, scans)
    codes = [line.barcodes[0] for line in v.lines]

    rec = Recorder()  # the ticks, and where the UI thread was while one came late
    ticks = rec.ticks
    tick = QTimer()
    tick.setTimerType(Qt.TimerType.PreciseTimer)
    tick.setInterval(TICK_MS)
    tick.timeout.connect(lambda: ticks.append(time.perf_counter()))
    stop = threading.Event()
    sampler = threading.Thread(target=rec.watch, args=(stop, threading.get_ident()), daemon=True)
    sampler.start()
    answers: list[float] = []
    counted: list[int] = []
    window.jit.verify.counted.connect(lambda result: counted.append(result.counted))
    collections: list[tuple[float, int, float]] = []  # (start, generation, ms) of each cycle collection
    gc_started: list[float] = [0.0]

    def gc_watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            gc_started[0] = time.perf_counter()
        else:
            collections.append((gc_started[0], info["generation"], (time.perf_counter() - gc_started[0]) * 1000))

    gc.callbacks.append(gc_watch)
    polls: list[float] = []
    window.jit.po_list.polled.connect(lambda: polls.append(time.perf_counter()))
    interval = 60.0 / args.rate
    tick.start()
    started = time.perf_counter()
    for index in range(scans):
        due = started + index * interval
        wait_until(partial(time_reached, due), interval * 3 + 5, "the next scan's time")
        before = len(counted)
        sent = time.perf_counter()
        QTest.keyClicks(table, codes[index % len(codes)])
        QTest.keyClick(table, Qt.Key.Key_Return)
        wait_until(partial(grown, counted, before), 10, "the scan's answer")
        answers.append((time.perf_counter() - sent) * 1000)
    wait_until(lambda: time.perf_counter() >= started + scans * interval + 1.0, 10, "the last second")
    tick.stop()
    gc.callbacks.remove(gc_watch)
    stop.set()
    sampler.join(5)
    unwritten = window.jit.verify.desk.unwritten
    flushed = window.jit.verify.desk.flush(10)
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
    worst = sorted(((b - a) * 1000, a) for a, b in itertools.pairwise(ticks))[-3:]
    stalls = [
        {
            "gap_ms": round(g, 1),
            "ui_thread": where(rec.samples, at),
            "after_poll_ms": round(min((at - t for t in polls if t <= at + g / 1000), default=-1) * 1000, 1),
            "since_start_s": round(at - started, 2),
            "collections_ms": [
                f"gen{gen} {ms:.0f}" for when, gen, ms in collections if at - 0.001 <= when <= at + g / 1000
            ],
        }
        for g, at in reversed(worst)
    ]
    total = sum(counted)
    window.close()
    journal.close()
    connection.close()
    external.stop()
    app.processEvents()
    return {
        "scans": scans,
        "units_counted": total,
        "rate_per_minute": args.rate,
        "seconds": round(scans * interval, 1),
        "longest_gap_ms": round(max(gaps), 1),
        "gap_p50_ms": round(percentile(gaps, 50), 2),
        "gap_p99_ms": round(percentile(gaps, 99), 2),
        "gap_p999_ms": round(percentile(gaps, 99.9), 2),
        "answer_p50_ms": round(percentile(answers, 50), 2),
        "answer_p99_ms": round(percentile(answers, 99), 2),
        "answer_max_ms": round(max(answers), 2),
        "journal_writes_queued_at_end": unwritten,
        "journal_flushed": flushed,
        "longest_stalls": stalls,
    }


def main() -> None:
    p = parser(__doc__.splitlines()[0] if __doc__ else "", runs=1)
    p.add_argument("--minutes", type=float, default=3.0)
    p.add_argument("--rate", type=int, default=200, help="scans a minute")
    p.add_argument("--latency-ms", type=int, default=150)
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-verify-") as folder:
        home = Path(folder)
        isolate(home)
        result = run(args, home)
    ok = result["longest_gap_ms"] < TARGET_MS
    lines = [
        f"{result['scans']} scans at {args.rate}/min over {result['seconds']} s, "
        f"{result['units_counted']} units counted",
        f"longest UI gap {result['longest_gap_ms']} ms (p50 {result['gap_p50_ms']}, p99 {result['gap_p99_ms']}, "
        f"p99.9 {result['gap_p999_ms']}); target < {TARGET_MS:.0f} ms: {'met' if ok else 'NOT met'}",
        f"scan to answer: p50 {result['answer_p50_ms']} ms, p99 {result['answer_p99_ms']} ms, "
        f"max {result['answer_max_ms']} ms",
        f"journal writes queued at the end: {result['journal_writes_queued_at_end']}, "
        f"flushed: {result['journal_flushed']}",
    ]
    lines += [
        f"  stall {s['gap_ms']} ms at {s['since_start_s']} s ({s['after_poll_ms']} ms after a status poll's answer): "
        f"{s['ui_thread']}; cycle collections in it: {', '.join(s['collections_ms']) or 'none'}"
        for s in result["longest_stalls"]
    ]
    emit(args.json, {"result": result, "target_ms": TARGET_MS, "machine": machine()}, lines)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
