"""Print job history in SQLite."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from station.printing.history import DB_NAME, JobStatus, PrintHistory
from station.problems import Problem, Sentence, say


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


def test_a_failure_keeps_its_problem_beside_its_sentence(tmp_path: Path) -> None:
    history = PrintHistory(tmp_path)
    job = history.record(Path("/labels/a.pdf"), ["POJ1"], "6030", "Zebra_1")
    history.mark_failed(job, say("print.queue_paused", printer="Zebra_1"))
    failed = history.get(job)
    assert failed.error.startswith("The printer 'Zebra_1' is paused. Fix the printer")
    assert isinstance(failed.error, Sentence) and failed.error.problem == Problem(
        "print.queue_paused", {"printer": "Zebra_1"}
    )
    history.mark_retry([job])
    history.mark_sent(job)
    assert history.get(job).error == "" and not isinstance(history.get(job).error, Sentence)


def test_a_history_written_before_the_problems_opens_with_its_sentences(tmp_path: Path) -> None:
    old = sqlite3.connect(tmp_path / DB_NAME)
    old.execute(
        "CREATE TABLE print_jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL,"
        " updated_at TEXT NOT NULL, file_path TEXT NOT NULL, po_numbers TEXT NOT NULL, size TEXT NOT NULL,"
        " pages INTEGER, printer TEXT NOT NULL, backend TEXT NOT NULL, spool_id TEXT NOT NULL DEFAULT '',"
        " status TEXT NOT NULL, error TEXT NOT NULL DEFAULT '')"
    )
    old.execute(
        "INSERT INTO print_jobs (created_at, updated_at, file_path, po_numbers, size, printer, backend,"
        " status, error) VALUES ('2026-11-20T10:00:00+00:00', '2026-11-20T10:00:00+00:00', '/a.pdf',"
        " '[\"POJ1\"]', '6030', 'Zebra_1', 'cups', 'failed', 'The label file is missing.')"
    )
    old.commit()
    old.close()
    history = PrintHistory(tmp_path)
    (job,) = history.jobs_on(date(2026, 11, 20))
    assert job.error == "The label file is missing." and type(job.error) is str
    history.mark_failed(job.id, say("print.file_missing"))
    error = history.get(job.id).error
    assert isinstance(error, Sentence) and error.problem == Problem("print.file_missing")


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
