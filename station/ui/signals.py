"""Emitting a Qt signal from Python without losing a reference to ``True``.

PySide6 6.12.0's ``SignalInstance.emit()`` hands back ``True`` without the reference that goes
with it. Before Python 3.12, ``True`` is an ordinary object with a reference count, so every emit
lowers it by one for good; after enough emits (a day of batches, scans and log lines) the
interpreter aborts with "bool_dealloc: deallocating True or False". Every emit in the station goes
through :func:`emit_signal`, which gives the reference back when a probe at import shows it is
lost (a fixed PySide6, or Python 3.12 and later, where ``True`` is immortal, need nothing).

The same release loses a reference to ``None`` on every call that returns nothing, which no
wrapper can cover: ``pyproject.toml`` keeps PySide6 below 6.12 (docs/ui.md). With those releases
the probe finds nothing to fix, and this helper stays as a guard.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def emit_loses_a_reference() -> bool:
    """Whether ``emit()`` here returns a value whose reference it did not take (measured, not assumed)."""
    if sys.version_info >= (3, 12):
        return False  # True is immortal: its count means nothing and cannot run out
    probe = _Probe()
    result: Any = probe.ping.emit()  # type: ignore[func-returns-value]  # the stubs say None; it is True
    if result is None:
        return False
    before = sys.getrefcount(result)
    for _ in range(16):
        probe.ping.emit()
    if sys.getrefcount(result) != before - 16:
        return False
    for _ in range(17):  # the probe's own losses
        _incref(result)
    return True


_LOSES_A_REFERENCE = emit_loses_a_reference()


def emit_signal(signal: SignalInstance, *args: Any) -> None:
    """``signal.emit(*args)``, giving back the reference the PySide6 in use loses."""
    result: Any = signal.emit(*args)  # type: ignore[func-returns-value]
    if _LOSES_A_REFERENCE and result is not None:
        _incref(result)
