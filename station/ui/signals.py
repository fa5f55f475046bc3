"""``emit_signal(signal, *args)``: ``signal.emit(*args)``, kept only for the modules that still call it.

It used to give back a reference to ``True`` that PySide6 6.12.0's ``emit()`` loses. The pin in
``pyproject.toml`` keeps PySide6 between 6.10 and 6.11, whose emits lose nothing (on Python 3.12 and
later ``True`` is immortal anyway), so there is nothing left to give back: new code calls
``signal.emit(...)`` directly. ``tests/ui/test_pyside_refcounts.py`` fails if a PySide6 that loses
these references is installed (docs/ui.md, "PySide6 6.12.0").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import SignalInstance


def emit_signal(signal: SignalInstance, *args: Any) -> None:
    signal.emit(*args)
