"""Opening the SQLite journal safely: a path that is not a file is refused, and a journal that
was damaged or lost is set aside (renamed, never deleted) so the station starts a fresh one and
says so, instead of failing with a database error or silently forgetting its batches.

How damage is known at open:

- ``PRAGMA quick_check`` every time (a year of a busy bench, 20 MB, takes 25 ms warm and about
  0.25 s from a cold disk): a truncated or garbled file fails it, or fails to open at all.
- A marker file ``<journal>-open`` exists while the journal is open and is removed by the last
  clean close. After a crash SQLite leaves the write-ahead log ``<journal>-wal`` beside it; a
  marker without the log (or without the journal) means the log or the file was lost: the
  batches written since the last checkpoint are gone, and the main file alone would read as an
  older, or empty, journal.
"""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from station.paths import file_kind

MARKER_SUFFIX = "-open"
SIDE_FILES = ("-wal", "-shm")


class JournalPathError(ValueError):
    """The journal path cannot hold a journal (a device, a folder, a read-only place): refused
    before anything is sent."""


@dataclass(frozen=True)
class SetAside:
    """A damaged or lost journal the station replaced with a new one."""

    path: Path  # the journal's path (a new journal is there now)
    moved_to: Path | None  # where the damaged file went; None when there was no file left to move
    reason: str

    def message(self) -> str:
        if self.moved_to is None:
            return (
                f"The journal {self.path} was lost ({self.reason}); a new one was started. "
                "Check today's shipped POs below."
            )
        return (
            f"The journal {self.path} was damaged ({self.reason}) and set aside as {self.moved_to.name}; "
            "a new one was started. Check today's shipped POs below."
        )


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def marker(path: Path) -> Path:
    return _side(path, MARKER_SUFFIX)


def check_journal_path(path: Path) -> None:
    """Refuse a journal path that is not (or cannot become) a regular, writable file; creates its folder."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise JournalPathError(f"The journal {path} cannot be used: {exc.strerror or exc}.") from None
    if mode is not None and not stat.S_ISREG(mode):
        raise JournalPathError(
            f"The journal {path} is {file_kind(mode)}, not a file; give the path of a journal "
            "file (e.g. journal.sqlite3 in a folder this user can write)."
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # SQLite writes the -wal and -shm files beside the journal: the folder must take new files.
        with tempfile.TemporaryFile(dir=path.parent, prefix=".station-probe-"):
            pass
        if mode is not None:
            with path.open("r+b"):
                pass
    except OSError as exc:
        raise JournalPathError(
            f"The journal {path} cannot be written ({exc.strerror or exc}); give a journal "
            "file in a folder this user can write."
        ) from None


def lost_since_last_open(path: Path) -> str:
    """Why the journal must be set aside before it is even opened ('' when nothing says so)."""
    if not marker(path).exists():
        return ""  # closed cleanly last time (or never opened by this version)
    if not path.exists():
        return "the journal file was missing after the station stopped without closing it"
    if not _side(path, "-wal").exists():
        return "its write-ahead log (-wal) was missing after the station stopped without closing it"
    return ""


def was_open(path: Path) -> bool:
    return marker(path).exists()


def set_aside(path: Path, reason: str) -> SetAside:
    """Rename the journal and its -wal/-shm to ``<name>.damaged-<time>`` (never delete them)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while any(_side(target, suffix).exists() for suffix in ("", *SIDE_FILES)):
        number += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    moved: Path | None = None
    if path.exists():
        path.replace(target)
        moved = target
    for suffix in SIDE_FILES:
        if _side(path, suffix).exists():
            _side(path, suffix).replace(_side(target, suffix))
            moved = moved or _side(target, suffix)
    marker(path).unlink(missing_ok=True)
    return SetAside(path=path, moved_to=moved, reason=reason)


def mark_open(path: Path) -> None:
    marker(path).write_text(f"{os.getpid()} {datetime.now().isoformat(timespec='seconds')}\n")


def mark_closed(path: Path) -> None:
    """After closing: drop the marker once SQLite removed the -wal, i.e. this was the last
    connection and everything is in the main file."""
    if not _side(path, "-wal").exists():
        marker(path).unlink(missing_ok=True)
