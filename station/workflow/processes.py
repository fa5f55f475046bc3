"""Whether a process of this PC is still running (a Station of this bench that held a PO may have
been killed): asked without signalling it."""

from __future__ import annotations

import os
import sys


def process_alive(pid: int) -> bool:
    """True unless ``pid`` is certainly not running here (a reused pid reads as alive: the caller
    then waits, as for any live holder)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: the permission check only
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _windows_alive(pid: int) -> bool:
    import ctypes

    synchronize, wait_timeout = 0x00100000, 0x102
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.OpenProcess(synchronize, False, pid)
    if not handle:
        return False
    try:
        return bool(kernel32.WaitForSingleObject(handle, 0) == wait_timeout)
    finally:
        kernel32.CloseHandle(handle)
