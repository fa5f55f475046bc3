"""Is the labels' file a place the merged PDF can be written? Checked before anything is sent, so
a batch never packs and ships 150 POs only to fail all of them at the last step.

Refused: a folder, anything that is not a regular file (``/dev/full``, a pipe: never replaced),
a folder that cannot take a new file (read-only, or a file where a folder should be), and a disk
with less free space than the labels need by a generous estimate.
"""

from __future__ import annotations

import shutil
import stat
import tempfile
from pathlib import Path

from station.lazada.errors import RequestValidationError
from station.paths import file_kind

# Room kept per PO for its labels, in the merged file and again in the label cache. The
# simulator's 100x150 labels with product barcodes take about 5 KB a PO; real print files with
# images are larger: this allows fifty times that.
BYTES_PER_PO = 256 * 1024


class OutputPathError(RequestValidationError):
    """The labels' file cannot be written there: bad input (exit code 2), nothing sent."""


def _megabytes(count: int) -> str:
    return f"{count / 1e6:,.0f} MB" if count >= 10e6 else f"{count / 1e6:,.1f} MB"


def check_output(path: Path, pos: int = 0, *, cache: Path | None = None) -> None:
    """Raise :class:`OutputPathError` with the sentence to fix it unless the labels of ``pos`` POs
    can be written to ``path`` (its folder is created if missing). ``cache``: the label cache,
    whose disk needs the room too."""
    path = Path(path)
    try:
        mode: int | None = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise OutputPathError(f"The labels cannot be written to {path}: {exc.strerror or exc}.") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputPathError(f"{path} is a folder; give the labels a file name, e.g. {path / 'labels.pdf'}.")
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputPathError(
            f"{path} is {file_kind(mode)}, not a file; the labels are only written to a file "
            "(e.g. labels.pdf), never over it."
        )
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder, prefix=".station-probe-") as probe:
            probe.write(b"%PDF-")
            probe.flush()
    except OSError as exc:
        raise OutputPathError(
            f"The labels cannot be written to {path} ({exc.strerror or exc}); choose a file "
            "in a folder this user can write."
        ) from None
    if pos <= 0:
        return
    need = pos * BYTES_PER_PO
    for where in (folder, cache):
        if where is None:
            continue
        try:
            free = shutil.disk_usage(where).free
        except OSError:
            continue  # not there yet (the cache is made on first use): the output's disk was checked
        if free < need:
            raise OutputPathError(
                f"Only {_megabytes(free)} free on the disk of {where}; the labels of {pos} POs need about "
                f"{_megabytes(need)}. Free some space or choose another place, then run again."
            )
