"""``station-cli`` on bad limits and on a full or read-only disk: one line that says what and
where, never a traceback."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest

from station.cli import commands, session
from station.cli.main import main
from station.lazada.jit import PrintFile
from station.printing import download

FAST_DEMO = [
    "--demo",
    "--demo-pos",
    "3",
    "--demo-pack-delay",
    "0.1-0.2",
    "--first-poll-after",
    "0.1",
    "--poll-interval",
    "0.1",
]


@pytest.mark.parametrize("limit", ["-5", "0"])
def test_a_limit_below_one_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], limit: str) -> None:
    with pytest.raises(SystemExit) as info:
        main(["run", *FAST_DEMO, "--limit", limit, "-o", str(tmp_path / "labels.pdf")])
    code = info.value.code
    err = capsys.readouterr().err
    assert code == 2, err
    assert "--limit" in err and "at least 1" in err and "Traceback" not in err
    assert not (tmp_path / "labels.pdf").exists()


def test_a_journal_on_a_full_disk_is_one_line_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(session, "open_journal", full)
    journal = tmp_path / "journal.sqlite3"
    code = main(["run", *FAST_DEMO, "--journal", str(journal), "-o", str(tmp_path / "labels.pdf")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(journal) in err and "the disk is full" in err


def test_a_journal_that_cannot_roll_back_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("cannot rollback - no transaction is active")

    monkeypatch.setattr(session, "open_journal", broken)
    code = main(["pack", "POJ1", "--demo", "--journal", str(tmp_path / "j.sqlite3")])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1
    assert str(tmp_path / "j.sqlite3") in err and "free disk space" in err


def test_an_os_error_is_one_line_naming_the_path_and_the_cause(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    where = tmp_path / "cache"

    def read_only() -> Path:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(where))

    monkeypatch.setattr(commands, "cache_dir", read_only)
    code = main(["run", *FAST_DEMO, "-o", str(tmp_path / "labels.pdf")])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert str(where) in err and "read-only" in err


def test_a_label_cache_on_a_full_disk_fails_the_pos_with_the_path_and_the_cause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real ENOSPC: the cache file being written is /dev/full."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    cache = tmp_path / "cache"
    monkeypatch.setattr(commands, "cache_dir", lambda: cache)
    original = download.Downloader.cache_path

    def full_disk(self: download.Downloader, file: PrintFile) -> Path:
        path = original(self, file)
        part = path.with_suffix(".part")
        if not part.is_symlink():
            part.symlink_to("/dev/full")
        return path

    monkeypatch.setattr(download.Downloader, "cache_path", full_disk)
    code = main(["run", *FAST_DEMO, "--json", "-o", str(tmp_path / "labels.pdf")])
    captured = capsys.readouterr()
    assert code == 1 and "Traceback" not in captured.err
    assert "the disk is full" in captured.out and str(cache) in captured.out
