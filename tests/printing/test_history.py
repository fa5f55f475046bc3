"""Print job history in SQLite."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from station.printing.history import DB_NAME, JobStatus, PrintHistory


def test_jobs_are_recorded_and_listed_by_day(tmp_path: Path) -> None:
    history = PrintHistory(tmp_path / "state")
    assert (tmp_path / "state" / DB_NAME).exists()
    first = history.record(Path("/labels/a.pdf"), ["POJ1", "POJ2"], "6030", "Label6030", pages=4)
    second = history.record(Path("/labels/b.pdf"), ["POJ3"], "100150", "Label100150", backend="qt")
    history.mark_sent(first, "Label6030-12")
    history.mark_printed(first)
    history.mark_failed(second, "The printer 'Label100150' is paused.")
    today = history.jobs_on(date.today())
    assert [j.id for j in today] == [first, second]
    done, failed = today
    assert done.status is JobStatus.PRINTED and done.spool_id == "Label6030-12" and done.pages == 4
    assert done.po_numbers == ("POJ1", "POJ2") and done.file_path == Path("/labels/a.pdf")
    assert failed.status is JobStatus.FAILED and "paused" in failed.error and failed.backend == "qt"
    assert failed.created_at.date() == date.today() and failed.updated_at >= failed.created_at
    assert history.jobs_on(date.today() - timedelta(days=1)) == []
    # a second instance on the same folder sees the same table
    assert PrintHistory(tmp_path / "state").get(first).status is JobStatus.PRINTED


def test_failed_jobs_are_marked_to_retry(tmp_path: Path) -> None:
    history = PrintHistory(tmp_path)
    ok = history.record(Path("a.pdf"), ["POJ1"], "A4", "Office")
    bad1 = history.record(Path("b.pdf"), ["POJ2"], "A4", "Office")
    bad2 = history.record(Path("c.pdf"), ["POJ3"], "A4", "Office")
    history.mark_printed(ok)
    history.mark_failed(bad1, "paused")
    history.mark_failed(bad2, "missing")
    assert history.mark_retry([ok, bad1]) == 1  # only failed jobs can be marked
    assert [j.id for j in history.to_retry()] == [bad1]
    assert history.mark_retry() == 1
    assert [j.id for j in history.to_retry()] == [bad1, bad2]
    history.mark_sent(bad1, "Office-3")
    assert [j.id for j in history.to_retry()] == [bad2]


def test_unknown_job_raises(tmp_path: Path) -> None:
    history = PrintHistory(tmp_path)
    with pytest.raises(KeyError):
        history.get(42)
    with pytest.raises(KeyError):
        history.mark_failed(42, "x")
