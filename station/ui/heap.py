"""Keeps Python's cycle collector from stalling the window.

A full collection walks every tracked object; with PySide6, the client and a day's listing that
is ~90,000 objects and 40-70 ms with the interpreter lock held: a frozen window and a lost
keystroke, at a moment nobody chose (often in the middle of a batch, from a worker thread).
Once the window is up and the first listing is in, one collection runs and the survivors (the
modules, the classes, the widgets: what lives as long as the process) are frozen out of every
later collection, which then only walks what the day adds.
"""

from __future__ import annotations

import gc
import logging
import time

log = logging.getLogger(__name__)
_settled = False


def settle_once() -> None:
    """Collect once and freeze what survives; later calls do nothing."""
    global _settled
    if _settled:
        return
    _settled = True
    started = time.perf_counter()
    gc.collect()
    gc.freeze()
    log.info(
        "heap settled: %d objects frozen in %.0f ms", gc.get_freeze_count(), (time.perf_counter() - started) * 1000
    )
