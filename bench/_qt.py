"""Shared helpers of the window benchmarks: an isolated home, the offscreen QApplication, waiting on the loop."""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def isolate(home: Path) -> None:
    """Point HOME, the XDG folders and QSettings at ``home`` (never the real settings) and go offscreen.
    Call before the first PySide6 import."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for var, sub in (
        ("HOME", ""),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        os.environ[var] = str(home / sub) if sub else str(home)
        (home / sub).mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / ".config"))


def application() -> Any:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    return app if app is not None else QApplication(["bench"])


def wait_until(predicate: Callable[[], bool], timeout: float, what: str = "condition") -> None:
    """Run the Qt event loop (really blocking in it, not a busy loop) until ``predicate()`` holds."""
    from PySide6.QtCore import QEventLoop, QTimer

    if predicate():
        return
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout
    timer = QTimer()
    timer.setInterval(1)

    def check() -> None:
        if predicate() or time.perf_counter() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if not predicate():
        raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]
