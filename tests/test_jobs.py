"""The job API (:mod:`station.workflow.jobs`): what a batch was started to do, as the journal keeps
it. Journals written before :class:`JobSpec` hold the same options dict, and still resume."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from station.cli import commands
from station.cli.main import build_parser
from station.connect import Connection
from station.demo import DEMO_CONTACT
from station.journal import Journal
from station.lazada.models import PdfSize
from station.outcomes import BatchReport, Step
from station.simulator.server import SimulatorServer
from station.workflow.batch import ALL_STEPS, list_to_pack
from station.workflow.jobs import Folders, Job, JobSpec, JournalRef, PrintChoice, resume_job

# The batch options as the code before JobSpec wrote them, place by place.
WINDOW_PACK = {"job": "pack", "steps": ["pack"], "size": "100150", "print_order": False, "print_barcode": True}
WINDOW_RUN = {
    "job": "run",
    "steps": ["pack", "print", "ship"],
    "size": "6030",
    "print_order": False,
    "print_barcode": True,
}
WINDOW_SCAN = {"job": "print", "steps": ["pack", "print"], "size": "100150", "print_order": True, "print_barcode": True}
CLI_SHIP = {"job": "ship", "steps": ["ship"], "size": "100150", "print_order": False, "print_barcode": True}
CLI_PRINT = {"job": "print", "steps": ["print"], "size": "A4", "print_order": True, "print_barcode": False}
CLI_RUN = {
    "job": "run",
    "steps": ["pack", "print", "ship"],
    "size": "100150",
    "print_order": False,
    "print_barcode": True,
    "output": "/srv/labels/station-20260101-080000-100150.pdf",
}


@pytest.mark.parametrize(
    "spec, written",
    [
        (JobSpec.of(Job.PACK), WINDOW_PACK),
        (JobSpec.of(Job.RUN, PrintChoice(PdfSize.LABEL_60X30)), WINDOW_RUN),
        (JobSpec(Job.PRINT, frozenset({Step.PACK, Step.PRINT}), PrintChoice(print_order=True)), WINDOW_SCAN),
        (JobSpec.of(Job.SHIP), CLI_SHIP),
        (JobSpec.of(Job.PRINT, PrintChoice(PdfSize.A4, True, False)), CLI_PRINT),
        (JobSpec.of(Job.RUN, output=Path("/srv/labels/station-20260101-080000-100150.pdf")), CLI_RUN),
    ],
)
def test_the_spec_writes_and_reads_the_options_the_journal_always_held(spec: JobSpec, written: dict[str, Any]) -> None:
    assert spec.to_json() == written
    assert json.loads(json.dumps(spec.to_json())) == written  # as the journal stores it
    assert JobSpec.from_json(written) == spec


def test_missing_keys_read_as_a_full_run() -> None:
    assert JobSpec.from_json({}) == JobSpec(Job.RUN, ALL_STEPS, PrintChoice(PdfSize.LABEL_100X150, False, True))
    assert JobSpec.from_json({"job": "pack"}).steps == ALL_STEPS  # as before: the steps say, not the job
    assert Job.RUN.steps == ALL_STEPS and Job.PRINT.steps == {Step.PRINT}


def _open_batch(journal: Journal, conn: Connection, options: dict[str, Any], profile: str, count: int) -> list[str]:
    """A batch started with ``options`` and cut short before anything was sent."""
    pos = list_to_pack(conn.client)[:count]
    journal.start_batch(profile, list(BatchReport.for_pos(pos).outcomes.values()), options)
    return [po.purchase_order_no for po in pos]


def test_an_old_run_batch_resumes_in_the_window_through_the_spec(
    sim: SimulatorServer, conn: Connection, tmp_path: Path
) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    try:
        numbers = _open_batch(journal, conn, dict(WINDOW_RUN), "default", 4)
        batch = journal.unfinished_batch("default")
        assert batch is not None and batch.options == WINDOW_RUN
        result = resume_job(
            conn.client,
            JournalRef(journal, "default"),
            batch,
            DEMO_CONTACT,
            Folders(tmp_path / "cache", tmp_path / "prints"),
            lambda *_: None,
            threading.Event(),
            first_poll_after=0.2,
            poll_interval=0.2,
        )
        assert result.job is Job.RUN and result.choice == PrintChoice(PdfSize.LABEL_60X30, False, True)
        counts = result.report.counts()
        assert counts == {"total": 4, "packed": 4, "shipped": 4, "printed": 4, "failed": 0, "elsewhere": 0}
        assert result.pdf is not None and len(PdfReader(result.pdf).pages) == result.report.output_pages
        assert journal.unfinished_batch("default") is None
        assert sorted(result.report.outcomes) == sorted(numbers)
    finally:
        journal.close()


def test_an_old_pack_batch_resumes_as_a_pack_only(sim: SimulatorServer, conn: Connection, tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    try:
        _open_batch(journal, conn, dict(WINDOW_PACK), "default", 3)
        batch = journal.unfinished_batch("default")
        assert batch is not None
        result = resume_job(
            conn.client,
            JournalRef(journal, "default"),
            batch,
            DEMO_CONTACT,
            Folders(tmp_path / "cache", tmp_path / "prints"),
            lambda *_: None,
            threading.Event(),
            first_poll_after=0.2,
            poll_interval=0.2,
        )
        assert result.job is Job.PACK and result.choice is None and result.pdf is None
        assert result.report.counts()["packed"] == 3 and result.report.counts()["shipped"] == 0
        assert not list(tmp_path.rglob("*.pdf"))
    finally:
        journal.close()


def test_an_old_cli_run_batch_resumes_in_the_cli_into_its_file(
    capsys: pytest.CaptureFixture[str], sim: SimulatorServer, conn: Connection, tmp_path: Path
) -> None:
    path = tmp_path / "journal.sqlite3"
    output = tmp_path / "started.pdf"
    journal = Journal(path)
    try:
        _open_batch(journal, conn, dict(CLI_RUN, output=str(output)), f"simulator {sim.url}", 3)
    finally:
        journal.close()
    args = build_parser().parse_args(
        [
            "run",
            "--simulator-url",
            sim.url,
            "--journal",
            str(path),
            "--json",
            "--first-poll-after",
            "0.2",
            "--poll-interval",
            "0.2",
        ]
    )
    code = commands.dispatch(args)
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["resumed_batch"] is not None
    assert report["counts"]["printed"] == 3 and report["output"] == str(output)
    assert len(PdfReader(output).pages) == report["pages"]


def test_a_window_batch_resumed_by_the_cli_gets_a_new_file(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    sim: SimulatorServer,
    conn: Connection,
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "journal.sqlite3"
    journal = Journal(path)
    try:
        _open_batch(journal, conn, dict(WINDOW_RUN), f"simulator {sim.url}", 2)  # the window names no file
    finally:
        journal.close()
    args = build_parser().parse_args(
        [
            "run",
            "--simulator-url",
            sim.url,
            "--journal",
            str(path),
            "--json",
            "--first-poll-after",
            "0.2",
            "--poll-interval",
            "0.2",
        ]
    )
    code = commands.dispatch(args)
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["resumed_batch"] is not None and report["counts"]["printed"] == 2
    written = Path(report["output"])
    assert written.parent == tmp_path and written.name.endswith("-6030.pdf")  # the batch's own label size
