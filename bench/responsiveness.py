"""Event-loop stalls of the window while a 500-PO Pack + Ship + Print batch runs.

    python -m bench.responsiveness [--runs 3] [--latency-ms 150] [--sim-in-process] [--json]

The real window (``MainWindow``, offscreen, default settings) lists 500 To Pack POs from a
simulator with 150 ms per API call and the 5-10 s pack delay, waits until their items are
indexed, then runs ``start_job(Job.RUN, <the 500 POs>, DEMO_CONTACT)``: pack, wait, ship per
group, print 100x150 labels, merge, then the window's ``BatchControl._job_done`` (results table, last
actions, the merged PDF loaded into the preview) and its status poll. A ``QTimer`` (precise,
every 5 ms) on the same UI thread notes each firing; a gap between two firings is how long the
loop could not react. Recording runs from ``start_job`` until 2 s after ``job_finished``.
The UI-thread slots the window runs meanwhile are timed too, to name what stalls.

By default the simulator runs in its own process (as the real platform is elsewhere); with
``--sim-in-process`` it shares this process (and the GIL) as in the tests.
Target: longest gap under 50 ms.
"""

from __future__ import annotations

import itertools
import os
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench._common import emit, machine, median, parser
from bench._qt import application, isolate, percentile, wait_until

POS = 500
TICK_MS = 5
TARGET_MS = 50.0
AFTER_S = 2.0


class Recorder:
    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.slots: list[tuple[str, float, float]] = []  # (name, start, seconds)
        self.steps: list[tuple[float, str]] = []  # (time, step) as progress reached the UI thread
        self.samples: list[tuple[float, str]] = []  # (last tick before a stall, the UI thread's stack then)

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.slots.append((name, started, time.perf_counter() - started))

        return timed

    def watch(self, stop: threading.Event, main_ident: int, late_s: float = 0.03) -> None:
        """A sampler thread: while the 5 ms tick is late by more than ``late_s``, note every 10 ms where
        the UI thread is (its innermost Python frames; none when it is inside Qt's C++ or waiting for the GIL)."""
        while not stop.wait(0.01):
            last = self.ticks[-1] if self.ticks else 0.0
            if last and time.perf_counter() - last > late_s:
                frame = sys._current_frames().get(main_ident)
                stack = traceback.extract_stack(frame) if frame is not None else []
                inner = [
                    f"{Path(f.filename).name}:{f.lineno} {f.name}"
                    for f in stack
                    if not f.filename.endswith(("_qt.py", "responsiveness.py", "runpy>"))
                ]
                if inner:
                    self.samples.append((last, " < ".join(reversed(inner[-3:]))))
                else:  # in Qt's C++, or waiting for the GIL: note what the other threads run
                    self.samples.append((last, "Qt/C++ or GIL wait; others: " + busy_threads(main_ident)))

    def phase(self, at: float) -> str:
        current = "start"
        for when, step in self.steps:
            if when > at:
                break
            current = step
        return current


IDLE = (
    "threading.py",
    "queue.py",
    "selectors.py",
    "socket.py",
    "ssl.py",
    "thread.py",
    "responsiveness.py",
    "connection.py",
    "connectionpool.py",
    "client.py",
)


def busy_threads(main_ident: int) -> str:
    """The innermost frame of every other thread that is not waiting (a guess at who holds the GIL)."""
    busy = []
    for ident, frame in sys._current_frames().items():
        if ident in (main_ident, threading.get_ident()):
            continue
        top = traceback.extract_stack(frame)[-1:]
        if top and not top[0].filename.endswith(IDLE):
            busy.append(f"{Path(top[0].filename).name}:{top[0].lineno} {top[0].name}")
    return ", ".join(sorted(busy)) or "none"


def where(samples: list[tuple[float, str]], last_tick: float) -> str:
    """What the sampler saw the UI thread doing during the stall that began after ``last_tick``."""
    seen: dict[str, int] = {}
    for at, stack in samples:
        if abs(at - last_tick) < 1e-9:
            seen[stack] = seen.get(stack, 0) + 1
    if not seen:
        return "(not sampled)"
    return " | ".join(f"{n}x {stack}" for stack, n in sorted(seen.items(), key=lambda kv: -kv[1]))


def one_run(args: Any, seed: int, home: Path) -> dict[str, Any]:
    from PySide6.QtCore import Qt, QTimer

    from bench.day_500 import ExternalSimulator
    from station.demo import DEMO_CONTACT, connect_demo, connect_simulator
    from station.lazada.models import PdfSize, POStatus
    from station.simulator.config import SimulatorConfig
    from station.ui.app import keep_keys_quick
    from station.ui.main_window import MainWindow, default_folders
    from station.ui.ui_settings import UiSettings
    from station.workflow.jobs import Job

    app = application()
    keep_keys_quick()  # as the app does at its start
    config = SimulatorConfig(
        pos=POS, history=0, latency_ms=args.latency_ms, pack_delay_min=5.0, pack_delay_max=10.0, seed=seed
    )
    external = None
    if args.sim_in_process:
        connection = connect_demo(config)
    else:
        run_dir = home / f"sim-{seed}"  # its own state file: a saved one would be loaded
        run_dir.mkdir(exist_ok=True)
        external = ExternalSimulator(config, run_dir, nice=args.sim_nice)
        connection = connect_simulator(external.url)
    settings = UiSettings()
    settings.sounds = False
    settings.print_size = PdfSize.LABEL_100X150
    rec = Recorder()
    try:
        options = {"poll_ms": args.poll_ms} if args.poll_ms else {}
        window = MainWindow(connection, settings, default_folders(home / f"data-{seed}"), **options)
        window.resize(1580, 960)  # a bench monitor's room (the offscreen screen is 800x600)
        window.show()
        indexed = [False]
        window.jit.po_list.items_indexed.connect(lambda: indexed.__setitem__(0, True))
        wait_until(lambda: indexed[0], 120, "the listing and its items")
        view, po_list, batches = window.jit.view, window.jit.po_list, window.jit.batches
        pos = [po for po in view.model.pos if po.status is POStatus.TO_PACK]
        # Time the UI-thread work (bound before start_job takes its references).
        for owner, label, name in (
            (batches, "batches", "_job_done"),
            (po_list, "po_list", "_polled"),
            (po_list, "po_list", "update_counts"),
            (po_list, "po_list", "show_items"),
        ):
            setattr(owner, name, rec.wrap(f"{label}.{name}", getattr(owner, name)))
        progress = view.batch_panel.on_progress

        def on_progress(step: Any, done: int, total: int) -> None:
            rec.steps.append((time.perf_counter(), step.value))
            progress(step, done, total)

        view.batch_panel.on_progress = rec.wrap("batch_panel.on_progress", on_progress)  # type: ignore[method-assign]
        view.batch_panel.finish = rec.wrap("batch_panel.finish", view.batch_panel.finish)  # type: ignore[method-assign]
        view.print_panel.show_pdf = rec.wrap("print_panel.show_pdf", view.print_panel.show_pdf)  # type: ignore[method-assign]
        view.model.set_last_action = rec.wrap("model.set_last_action", view.model.set_last_action)  # type: ignore[method-assign]
        results: list[Any] = []
        batches.job_finished.connect(results.append)
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(TICK_MS)
        timer.timeout.connect(lambda: rec.ticks.append(time.perf_counter()))
        app.processEvents()
        timer.start()
        stop = threading.Event()
        sampler = threading.Thread(target=rec.watch, args=(stop, threading.get_ident()), daemon=True)
        sampler.start()
        started = time.perf_counter()
        threads_before = threading.active_count()
        if len(pos) != POS or not batches.start_job(Job.RUN, pos, DEMO_CONTACT):
            raise RuntimeError(f"the batch did not start ({len(pos)} To Pack POs listed)")
        wait_until(lambda: bool(results), 300, "the batch")
        finished = time.perf_counter()
        wait_until(lambda: time.perf_counter() - finished > AFTER_S, AFTER_S + 5, "the quiet period")
        timer.stop()
        stop.set()
        sampler.join()
        result = results[0]
        window.shutdown()
        window.close()
    finally:
        connection.close()
        if external is not None:
            external.stop()
    ticks = [t for t in rec.ticks if t >= started]
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
    worst = sorted(zip(gaps, ticks[1:], strict=False), reverse=True)[:5]
    slots: dict[str, dict[str, float]] = {}
    for name, _at, seconds in rec.slots:
        if _at < started:
            continue
        entry = slots.setdefault(name, {"count": 0, "max_ms": 0.0, "total_ms": 0.0})
        entry["count"] += 1
        entry["max_ms"] = max(entry["max_ms"], seconds * 1000)
        entry["total_ms"] += seconds * 1000
    report = result.report if result is not None else None
    return {
        "pos": len(pos),
        "failed": len(report.failed()) if report else -1,
        "pages": report.output_pages if report else 0,
        "batch_s": finished - started,
        "ticks": len(gaps),
        "max_gap_ms": max(gaps),
        "p99_gap_ms": percentile(gaps, 99),
        "p999_gap_ms": percentile(gaps, 99.9),
        "median_gap_ms": percentile(gaps, 50),
        "gaps_over_50ms": sum(g > TARGET_MS for g in gaps),
        "worst": [
            {
                "gap_ms": g,
                "at_s": at - started,
                "phase": rec.phase(at - g / 1000),
                "after_finish": at > finished,
                "ui_thread": where(rec.samples, at - g / 1000),
            }
            for g, at in worst
        ],
        "slots": slots,
        "threads_before": threads_before,
    }


def main() -> None:
    p = parser(__doc__.splitlines()[0] if __doc__ else "", runs=3)
    p.add_argument("--latency-ms", type=float, default=150.0)
    p.add_argument("--poll-ms", type=int, default=0, help="the window's status poll period (default: its own)")
    p.add_argument("--sim-in-process", action="store_true", help="the simulator in this process (shares the GIL)")
    p.add_argument(
        "--sim-nice",
        type=int,
        default=0,
        help="run the simulator's process at this niceness (it stands for machines elsewhere)",
    )
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-resp-") as tmp:
        isolate(Path(tmp))
        application()
        runs = [one_run(args, seed, Path(tmp)) for seed in range(1, args.runs + 1)]
    keys = ("batch_s", "max_gap_ms", "p99_gap_ms", "p999_gap_ms", "median_gap_ms", "gaps_over_50ms", "pages", "failed")
    med = {k: median([r[k] for r in runs]) for k in keys}
    met = med["max_gap_ms"] < TARGET_MS
    payload = {
        "bench": "responsiveness",
        "settings": {
            "latency_ms": args.latency_ms,
            "runs": args.runs,
            "sim_in_process": args.sim_in_process,
            "tick_ms": TICK_MS,
        },
        "median": med,
        "runs": runs,
        "target_ms": TARGET_MS,
        "target_met": met,
        "machine": machine(),
    }
    batches = ", ".join(f"{r['batch_s']:.2f}" for r in runs)
    maxima = ", ".join(f"{r['max_gap_ms']:.1f}" for r in runs)
    lines = [
        f"responsiveness: Pack + Ship + Print of {runs[0]['pos']} POs through MainWindow.start_job(Job.RUN), "
        f"{args.runs} runs, latency {args.latency_ms:.0f} ms, simulator "
        f"{'in this process' if args.sim_in_process else 'in its own process'}; a {TICK_MS} ms QTimer's gaps",
        f"  batch              {med['batch_s']:.2f} s (runs: {batches}); "
        f"{med['pages']:.0f} pages, {med['failed']:.0f} failed",
        f"  longest gap        {med['max_gap_ms']:.1f} ms (runs: {maxima})",
        f"  p99 / p99.9 gap    {med['p99_gap_ms']:.1f} / {med['p999_gap_ms']:.1f} ms (median gap "
        f"{med['median_gap_ms']:.1f} ms); gaps over {TARGET_MS:.0f} ms: {med['gaps_over_50ms']:.0f}",
        f"  target             longest gap < {TARGET_MS:.0f} ms: {'met' if met else 'MISSED'}",
    ]
    for index, run in enumerate(runs, 1):
        worst = "; ".join(
            f"{w['gap_ms']:.0f} ms at {w['at_s']:.1f} s ({w['phase']}{', after the job' if w['after_finish'] else ''})"
            for w in run["worst"][:3]
        )
        lines.append(f"  run {index} worst gaps: {worst}")
        for w in run["worst"][:3]:
            lines.append(f"      {w['gap_ms']:.0f} ms: UI thread in {w['ui_thread']}")
        slow = sorted(run["slots"].items(), key=lambda kv: -kv[1]["max_ms"])[:4]
        lines.append(
            "      UI-thread slots (longest, count): "
            + ", ".join(f"{name} {s['max_ms']:.0f} ms x{s['count']:.0f}" for name, s in slow)
        )
    emit(args.json, payload, lines)
    sys.stdout.flush()
    # PySide6 sometimes crashes while the interpreter finalises after a window lived in this process
    # ("bool_dealloc"); the figures are out, so leave without finalising.
    os._exit(0)


if __name__ == "__main__":
    main()
