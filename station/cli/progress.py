"""A one-line progress bar on a terminal; silent when the output is not a terminal."""

from __future__ import annotations

import sys
import threading
from typing import TextIO

from station.outcomes import Step

LABELS = {
    Step.LIST: "Listing",
    Step.PACK: "Packing",
    Step.WAIT: "Waiting until ready",
    Step.SHIP: "Booking pickup",
    Step.PRINT: "Fetching labels",
    Step.MERGE: "Merging",
}


class TerminalProgress:
    def __init__(self, stream: TextIO | None = None, width: int = 30) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.width = width
        self._lock = threading.Lock()
        self._last_step: Step | None = None

    def __call__(self, step: Step, done: int, total: int) -> None:
        if not self.enabled:
            return
        with self._lock:
            if self._last_step is not None and step != self._last_step:
                self.stream.write("\n")
            self._last_step = step
            fraction = done / total if total else 1.0
            filled = int(self.width * fraction)
            bar = "#" * filled + "-" * (self.width - filled)
            self.stream.write(f"\r{LABELS[step]:<20} [{bar}] {done}/{total}")
            self.stream.flush()

    def finish(self) -> None:
        if self.enabled and self._last_step is not None:
            self.stream.write("\n")
            self.stream.flush()
