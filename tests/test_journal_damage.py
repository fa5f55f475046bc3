"""A damaged or lost journal is set aside (renamed, never deleted) and a new one started; a path
that cannot hold a journal is refused before anything is sent."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from station.journal import Journal, JournalPathError
from station.outcomes import PoOutcome

# A station that wrote a batch and two ship steps, then died without closing the journal.
_KILLED = r"""
import os, sys
from pathlib import Path
from station.journal import Journal
from station.outcomes import PoOutcome
journal = Journal(Path(sys.argv[1]))
log = journal.start_batch("default", [PoOutcome(f"PO{i}", "Store", "WH") for i in range(150)], {"job": "run"})
journal.step_sent(log.batch_id, "ship", [f"PO{i}" for i in range(100)])
journal.step_sent(log.batch_id, "ship", [f"PO{i}" for i in range(100, 150)])
os._exit(9)
"""


def killed_station(path: Path) -> None:
    subprocess.run([sys.executable, "-c", _KILLED, str(path)], check=False, timeout=60)
    assert Path(f"{path}-wal").exists()


def damaged_copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".damaged-*"))


def test_a_killed_station_resumes_from_its_journal(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    killed_station(path)
    journal = Journal(path)
    try:
        assert journal.set_aside is None
        batch = journal.unfinished_batch("default")
        assert batch is not None and len(batch.outcomes) == 150 and len(batch.open_steps) == 2
    finally:
        journal.close()
    assert not damaged_copies(path)


def test_a_clean_close_is_not_taken_for_damage(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    journal = Journal(path)
    journal.start_batch("default", [PoOutcome("PO1", "Store", "WH")], {})
    journal.close()
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-open").exists()
    again = Journal(path)
    assert again.set_aside is None and again.unfinished_batch("default") is not None
    again.close()


def test_a_lost_write_ahead_log_is_set_aside_not_read_as_an_empty_journal(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    killed_station(path)
    Path(f"{path}-wal").unlink()
    Path(f"{path}-shm").unlink()
    journal = Journal(path)
    try:
        assert journal.set_aside is not None
        message = journal.set_aside.message()
        assert "write-ahead log" in message and "set aside as journal.sqlite3.damaged-" in message
        assert "Check today's shipped POs below." in message
        assert journal.unfinished_batch("default") is None  # a new journal, and it works
        journal.start_batch("default", [PoOutcome("PO9", "Store", "WH")], {})
    finally:
        journal.close()
    (kept,) = damaged_copies(path)
    assert kept.stat().st_size > 0  # renamed, never deleted
    assert Journal(path).set_aside is None  # the new journal opens cleanly next time


@pytest.mark.parametrize("damage", ["garbled", "truncated"])
def test_a_damaged_file_is_set_aside_with_its_side_files(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "journal.sqlite3"
    journal = Journal(path)
    for day in range(40):
        journal.start_batch("default", [PoOutcome(f"PO{day}-{i}", "Store", "WH") for i in range(200)], {})
    journal.close()
    data = path.read_bytes()
    assert len(data) > 200_000
    if damage == "garbled":
        path.write_bytes(os.urandom(4096) + data[4096:])
    else:
        path.write_bytes(data[: len(data) // 2])
    journal = Journal(path)
    try:
        assert journal.set_aside is not None and journal.set_aside.moved_to is not None
        assert journal.set_aside.moved_to.exists()
        assert journal.unfinished_batch("default") is None
    finally:
        journal.close()
    assert len(damaged_copies(path)) == 1


def test_a_journal_file_lost_after_a_kill_is_said(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    killed_station(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink()
    journal = Journal(path)
    assert journal.set_aside is not None and "missing" in journal.set_aside.message()
    journal.close()


def test_a_path_that_cannot_hold_a_journal_is_refused(tmp_path: Path) -> None:
    created = [Path(f"/dev/null{s}") for s in ("-journal", "-wal", "-shm", "-open")]
    before = {p for p in created if p.exists()}
    try:
        with pytest.raises(JournalPathError, match="is a device, not a file"):
            Journal(Path("/dev/null"))
        assert {p for p in created if p.exists()} == before
    finally:
        for p in created:
            if p not in before:
                p.unlink(missing_ok=True)
    with pytest.raises(JournalPathError, match="is a folder"):
        Journal(tmp_path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(JournalPathError, match="cannot be used: Not a directory"):
        Journal(blocker / "journal.sqlite3")


def test_cli_refuses_dev_null_as_journal(tmp_path: Path) -> None:
    created = [Path(f"/dev/null{s}") for s in ("-journal", "-wal", "-shm", "-open")]
    before = {p for p in created if p.exists()}
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "station.cli.main",
                "run",
                "--demo",
                "--demo-pos",
                "3",
                "--journal",
                "/dev/null",
                "-o",
                str(tmp_path / "l.pdf"),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 2, result.stderr
        assert "The journal /dev/null is a device, not a file" in result.stderr
        assert "Traceback" not in result.stderr
        assert {p for p in created if p.exists()} == before
    finally:
        for p in created:
            if p not in before:
                p.unlink(missing_ok=True)
