"""Where the station keeps its files: one place, so the window, the CLI and the journal agree."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "Station"


def data_dir() -> Path:
    """The journal, merged label PDFs, print history."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_NAME))


def cache_dir() -> Path:
    """Downloaded print files, kept so that a reprint does not download them again."""
    return Path(platformdirs.user_cache_dir(APP_NAME, APP_NAME)) / "print-files"
