"""A real X display for tests that drive the window as an operator does: Xvfb, and xdotool for keys.

``xdotool type`` presses Shift before every capital, as a keyboard-wedge scanner on a US layout
does, so what reaches the window is what a real scanner sends.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.support import wait_until

REQUIRED = os.environ.get("STATION_REQUIRE_XVFB") == "1"  # CI installs both: a missing one fails there


def need_tools() -> None:
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        message = f"{', '.join(missing)} not installed (apt-get install xvfb xdotool)"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)


@contextmanager
def xvfb(width: int = 1366, height: int = 768) -> Iterator[str]:
    """A fresh X server on a free display; yields its DISPLAY value."""
    need_tools()
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise AssertionError("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


class LogTail:
    """Collects a process's output lines in a thread, so a test can wait for a line."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self._process = process
        assert process.stdout is not None
        self._thread = threading.Thread(target=self._read, args=(process.stdout,), daemon=True)
        self._thread.start()

    def _read(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            self.lines.append(line.rstrip("\n"))

    def find(self, text: str) -> str | None:
        return next((line for line in self.lines if text in line), None)

    def wait(self, text: str, timeout: float = 60) -> str:
        def found() -> str | None:
            if self._process.poll() is not None and not self.find(text):
                raise AssertionError(
                    f"the process ended ({self._process.returncode}) before {text!r}:\n" + "\n".join(self.lines[-40:])
                )
            return self.find(text)

        try:
            return str(wait_until(found, timeout=timeout, what=repr(text)))
        except AssertionError as exc:
            raise AssertionError(f"{exc}; the last lines:\n" + "\n".join(self.lines[-40:])) from None


def xdotool(display: str, *args: str) -> str:
    result = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return result.stdout.strip()


def window_id(display: str, name: str, timeout: float = 60) -> str:
    def search() -> str:
        try:
            return xdotool(display, "search", "--onlyvisible", "--name", name).splitlines()[0]
        except (subprocess.CalledProcessError, IndexError):
            return ""

    return str(wait_until(search, timeout=timeout, what=f"a window named {name!r}"))
