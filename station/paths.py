"""Where the station keeps its files: one place, so the window, the CLI and the journal agree."""

from __future__ import annotations

import stat
from pathlib import Path

import platformdirs

APP_NAME = "Station"


def data_dir() -> Path:
    """The journal, merged label PDFs, print history."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_NAME))


def cache_dir() -> Path:
    """Downloaded print files, kept so that a reprint does not download them again."""
    return Path(platformdirs.user_cache_dir(APP_NAME, APP_NAME)) / "print-files"


def file_kind(mode: int) -> str:
    """What a path that is not a regular file is, for a sentence ("a device", "a pipe")."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"
