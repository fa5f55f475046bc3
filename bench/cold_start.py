"""Cold start of the window: process start to the window shown and the list filled (offscreen).

    python -m bench.cold_start [--runs 5] [--latency-ms 150] [--json]

Each run starts a fresh ``python -m bench.cold_start --child`` process (its clock starts just
before the parent's ``Popen``). The child calls the app's own ``station.ui.app.main(["--demo"])``
unchanged, with three wrappers installed first (the app has no flag that reports these moments):
``make_app`` (QApplication creation), ``connect_demo`` (adds the simulator latency for the
150 ms variant) and ``MainWindow`` (a subclass that notes ``showEvent`` and, on the ``loaded``
signal, repaints the whole window synchronously, notes the time, and quits). So "list filled"
means the listing arrived, the model holds it and the table has been painted once.

Two variants per run: the demo as shipped (the embedded simulator answers at once) and the same
with ``--latency-ms`` per API call. Home, XDG folders and QSettings point at a temporary folder.
Target: under 2 s. The page cache is warm (each variant runs once unmeasured first).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench._common import emit, machine, median, parser

TARGET_S = 2.0
MARKS = ("entered", "imported", "app_created", "connected", "window_built", "shown", "listed", "painted")


def child(latency_ms: float, home: Path) -> None:
    """Runs in the fresh process: the app's main() with the timing wrappers; prints one JSON line."""
    marks: dict[str, float] = {"entered": time.time()}
    from bench._qt import isolate

    isolate(home)
    from PySide6.QtWidgets import QApplication

    import station.demo as demo_module
    import station.ui.app as app_module
    from station.ui.main_window import MainWindow

    marks["imported"] = time.time()
    original_make_app = app_module.make_app
    original_connect_demo = demo_module.connect_demo
    extra: dict[str, Any] = {}

    def make_app(argv: Any) -> Any:
        app = original_make_app(argv)
        marks["app_created"] = time.time()
        return app

    def connect_demo(config: Any = None, **kwargs: Any) -> Any:
        import dataclasses

        if config is not None and latency_ms:
            config = dataclasses.replace(config, latency_ms=latency_ms)
        connection = original_connect_demo(config, **kwargs)
        marks["connected"] = time.time()
        return connection

    class TimedWindow(MainWindow):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            marks["window_built"] = time.time()
            self.jit.po_list.loaded.connect(self._bench_loaded)

        def showEvent(self, event: Any) -> None:
            super().showEvent(event)
            marks.setdefault("shown", time.time())

        def _bench_loaded(self, count: int) -> None:
            marks["listed"] = time.time()
            self.repaint()  # paint the filled table now (offscreen: into the backing store)
            marks["painted"] = time.time()
            extra.update(rows=self.jit.view.proxy.rowCount(), pos=count, visible=self.isVisible())
            instance = QApplication.instance()
            if instance is not None:
                instance.quit()

    app_module.make_app = make_app
    demo_module.connect_demo = connect_demo
    vars(app_module)["MainWindow"] = TimedWindow  # the name app.main() builds the window from
    code = app_module.main(["--demo"])
    marks["exited_main"] = time.time()
    print("BENCH " + json.dumps({"marks": marks, "code": code, **extra}), flush=True)
    os._exit(0)  # PySide6 may crash while the interpreter finalises after a window ("bool_dealloc")


def one_run(latency_ms: float) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-cold-") as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        cmd = [sys.executable, "-m", "bench.cold_start", "--child", "--latency-ms", str(latency_ms), "--home", tmp]
        started = time.time()
        out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, check=False)
        ended = time.time()
    lines = [line for line in out.stdout.splitlines() if line.startswith("BENCH ")]
    if not lines:
        raise RuntimeError(f"the child printed nothing (exit {out.returncode}):\n{out.stderr[-3000:]}")
    data = json.loads(lines[-1][len("BENCH ") :])
    result: dict[str, Any] = {name: at - started for name, at in data["marks"].items()}
    result["process_exit"] = ended - started
    result.update(rows=data.get("rows"), pos=data.get("pos"), visible=data.get("visible"))
    return result


def interpreter_only() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - started


def main() -> None:
    p = parser(__doc__.splitlines()[0] if __doc__ else "", runs=5)
    p.add_argument("--latency-ms", type=float, default=150.0)
    p.add_argument("--child", action="store_true", help=argparse_suppress())
    p.add_argument("--home", type=Path, help=argparse_suppress())
    args = p.parse_args()
    if args.child:
        child(args.latency_ms, args.home)
        return
    variants = {"demo": 0.0, "latency": args.latency_ms}
    results: dict[str, list[dict[str, Any]]] = {}
    for name, latency in variants.items():
        one_run(latency)  # warm the page cache; not counted
        results[name] = [one_run(latency) for _ in range(args.runs)]
    bare = median([interpreter_only() for _ in range(args.runs)])
    med = {
        name: {k: median([r[k] for r in runs if isinstance(r.get(k), float)]) for k in (*MARKS, "process_exit")}
        for name, runs in results.items()
    }
    met = all(m["painted"] < TARGET_S for m in med.values())
    payload = {
        "bench": "cold_start",
        "settings": {"latency_ms": args.latency_ms, "runs": args.runs},
        "median": med,
        "runs": results,
        "interpreter_only_s": bare,
        "target_s": TARGET_S,
        "target_met": met,
        "machine": machine(),
    }
    lines = [
        f"cold_start: python -m bench.cold_start --child -> station.ui.app.main(['--demo']), {args.runs} runs "
        f"per variant (warm page cache); a bare 'python -c pass' takes {bare:.3f} s"
    ]
    for name, runs in results.items():
        m = med[name]
        label = "demo as shipped (no latency)" if name == "demo" else f"demo + {args.latency_ms:.0f} ms per API call"
        spread = ", ".join(f"{r['painted']:.2f}" for r in runs)
        lines += [
            f"  {label}: list filled and painted {m['painted']:.3f} s (runs: {spread}); {runs[0]['rows']} rows",
            f"      imports done {m['imported']:.3f}, QApplication {m['app_created']:.3f}, simulator up and connected "
            f"{m['connected']:.3f}, window built {m['window_built']:.3f}, shown {m['shown']:.3f}, listing in "
            f"{m['listed']:.3f}, painted {m['painted']:.3f} s (child's main() entered {m['entered']:.3f} s)",
        ]
    lines.append(f"  target < {TARGET_S:g} s: {'met' if met else 'MISSED'}")
    emit(args.json, payload, lines)


def argparse_suppress() -> str:
    import argparse

    return argparse.SUPPRESS


if __name__ == "__main__":
    main()
