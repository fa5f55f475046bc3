"""Pack verification at 200 scans a minute: the longest UI gap while units are counted.

    python -m bench.bench_verify_scans [--minutes 3] [--rate 200] [--latency-ms 150] [--json]

The real window (``MainWindow``, offscreen) on an embedded simulator (150 ms per API call), with a
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

import itertools
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

from bench._common import emit, machine, parser
from bench._qt import application, isolate, percentile, wait_until

TICK_MS = 5
TARGET_MS = 50.0


def time_reached(due: float) -> bool:
    return time.perf_counter() >= due


def grown(values: list[int], before: int) -> bool:
    return len(values) > before


def run(args: Any, home: Path) -> dict[str, Any]:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest

    from station.demo import connect_demo
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
    connection = connect_demo(SimulatorConfig(pos=40, history=0, latency_ms=args.latency_ms, seed=7))
    server = connection.simulator
    assert isinstance(server, SimulatorServer)
    state = server.state
    with state.lock:  # one To Pack PO with units for the whole run: each line needs plenty
        po = next(p for p in state.pos.values() if p.status == POStatus.TO_PACK.value and len(p.items) >= 2)
        per_line = scans // len(po.items) + 10
        po.items = [(sku, per_line) for sku, _ in po.items]
        state.changed()
    no = po.purchase_order_no
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

    ticks: list[float] = []
    tick = QTimer()
    tick.setTimerType(Qt.TimerType.PreciseTimer)
    tick.setInterval(TICK_MS)
    tick.timeout.connect(lambda: ticks.append(time.perf_counter()))
    answers: list[float] = []
    counted: list[int] = []
    window.jit.verify.counted.connect(lambda result: counted.append(result.counted))
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
    unwritten = window.jit.verify.desk.unwritten
    flushed = window.jit.verify.desk.flush(10)
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
    total = sum(counted)
    window.close()
    journal.close()
    connection.close()
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
    emit(args.json, {"result": result, "target_ms": TARGET_MS, "machine": machine()}, lines)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
