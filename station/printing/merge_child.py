"""The label merge in a child process, for the window.

Parsing thousands of pages is pure Python that holds the interpreter lock for long stretches;
in the window's process that would stall the event loop (the operator's keystrokes) by a tenth
of a second at a time. The child gets each label file as the batch saves it, so it merges while
the batch is still fetching the rest. A frozen build needs ``multiprocessing.freeze_support()``
at start (done in the entry points).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from station.printing.merge import MergeError, MergeKey, MergeOutputError, MergeSummary, StreamingMerge

# Starting a child costs a few tenths of a second (a fresh interpreter importing pypdf): a scan's
# single file is merged in this process, a batch's files from the second one on in the child.
_START_AT = 2
_STOP_TIMEOUT = 10.0
_STOPPED = "The label merge stopped unexpectedly; print the labels again."


def _lower_priority() -> None:
    """Below the window's process: on a two-core bench PC the operator's keystrokes come first."""
    try:
        if sys.platform == "win32":
            import ctypes

            below_normal = 0x4000  # BELOW_NORMAL_PRIORITY_CLASS
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), below_normal)
        else:
            os.nice(10)
    except OSError:
        pass  # not allowed here: merge at the normal priority


def _serve(conn: Connection, output: str) -> None:
    """The child: one :class:`StreamingMerge`, fed by messages until finish, abort or EOF.

    It never raises: an error goes back as a message, and a parent that went away (killed, or
    the power cut) ends it quietly, its unfinished file dropped."""
    _lower_priority()
    merge = StreamingMerge(Path(output))
    try:
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                return  # the parent went away
            op = message[0]
            try:
                if op == "add":
                    merge.add(message[1], Path(message[2]))
                    reply: tuple[str, object] = ("ok", None)
                elif op == "finish":
                    reply = ("ok", merge.finish())
                else:
                    reply = ("ok", None)
            except MergeOutputError as exc:  # the output, not the label file: the parent keeps the file
                reply = ("output-error", str(exc))
            except OSError as exc:
                reply = ("output-error", f"{output}: {exc.strerror or exc}")
            except Exception as exc:  # sent back as a message: the parent raises it
                reply = ("error", str(exc) if isinstance(exc, MergeError) else f"{type(exc).__name__}: {exc}")
            try:
                conn.send(reply)
            except OSError:  # BrokenPipeError and the like: nobody is listening any more
                return
            if op != "add":
                return
    finally:
        merge.abort()  # after finish: nothing left to drop


class ChildProcessMerge:
    """A :class:`~station.printing.merge.LabelMerge` whose parsing runs in a child process."""

    def __init__(self, output: Path) -> None:
        self.output = Path(output)
        self._lock = threading.Lock()
        self._held: list[tuple[MergeKey, Path]] = []
        self._conn: Connection | None = None
        self._process: Any = None  # multiprocessing's SpawnProcess
        self._broken = False  # the child died: what it had merged is gone, so is this merge

    def add(self, key: MergeKey, source: Path) -> None:
        with self._lock:
            self._check()
            if self._conn is None:
                self._held.append((key, Path(source)))
                if len(self._held) < _START_AT:
                    return
                self._start()
                held, self._held = self._held, []
                for held_key, held_source in held:
                    self._call("add", held_key, str(held_source))
            else:
                self._call("add", key, str(source))

    def finish(self) -> MergeSummary:
        with self._lock:
            self._check()
            if self._conn is None:
                local = StreamingMerge(self.output)  # nothing or one file: not worth a process
                try:
                    for key, source in self._held:
                        local.add(key, source)
                    return local.finish()
                finally:
                    local.abort()
            summary = self._call("finish")
            self._stop()
            assert isinstance(summary, MergeSummary)
            return summary

    def abort(self) -> None:
        with self._lock:
            self._held = []
            if self._conn is not None:
                with contextlib.suppress(MergeError):  # a dead child has nothing left to drop
                    self._call("abort")
                self._stop()

    # ------------------------------------------------------------------ the child
    def _check(self) -> None:
        if self._broken:
            raise MergeOutputError(_STOPPED)

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(child, str(self.output)), daemon=True, name="station-merge"
        )
        self._process.start()
        child.close()
        self._conn = parent

    def _call(self, *message: Any) -> Any:
        assert self._conn is not None
        try:
            self._conn.send(message)
            status, value = self._conn.recv()
        except (EOFError, OSError) as exc:
            self._broken = True
            self._stop()
            raise MergeOutputError(_STOPPED) from exc  # the child died: the label files are not to blame
        if status == "output-error":
            raise MergeOutputError(value)
        if status == "error":
            raise MergeError(value)
        return value

    def _stop(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process is not None:
            self._process.join(_STOP_TIMEOUT)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
            self._process = None
        # A child that was killed leaves its unfinished file; one that finished has moved it.
        self.output.with_name(self.output.name + ".part").unlink(missing_ok=True)
