"""station.cli.printing_cmd: --printer after print/run, `printers`, `print-history` (retry, reprint)."""

from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path

import pytest

from station.cli import printing_cmd
from station.journal import open_journal
from station.lazada.models import PdfSize
from station.printing.merge import merge_pdfs
from tests.printing.conftest import CupsTestServer, SimLabels, assert_pages, job_title


def parser() -> argparse.ArgumentParser:
    """The hooks as station.cli.main adds them."""
    root = argparse.ArgumentParser(prog="station-cli")
    sub = root.add_subparsers(dest="command", required=True)
    prt = sub.add_parser("print")
    prt.add_argument("-o", "--output")
    prt.add_argument("--json", action="store_true")
    prt.set_defaults(demo=False, demo_state_file=None, journal=None, simulator_url=None, profile=None)
    printing_cmd.add_printer_option(prt)
    printing_cmd.add_printing_commands(sub)
    return root


def run(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    return printing_cmd.HANDLERS[args.command](args)


def test_printers_lists_the_queues_with_their_state(
    cups_server: CupsTestServer, scratch_queue: str, capsys: pytest.CaptureFixture[str]
) -> None:
    subprocess.run(["cupsdisable", "-r", "lid open", scratch_queue], check=True, timeout=20)
    assert run(["printers", "--json", "--print-backend", "cups"]) == 0
    found = {p["name"]: p for p in json.loads(capsys.readouterr().out)["printers"]}
    assert found[cups_server.queues[PdfSize.A4]]["ready"]
    assert not found[scratch_queue]["ready"] and "paused" in found[scratch_queue]["state"]
    assert run(["printers", "--print-backend", "cups"]) == 0
    assert scratch_queue in capsys.readouterr().out


def test_print_option_history_retry_and_reprint(
    cups_server: CupsTestServer,
    scratch_queue: str,
    sim_labels: SimLabels,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    size = PdfSize.LABEL_60X30
    journal_file = tmp_path / "journal.sqlite3"
    monkeypatch.setenv("STATION_JOURNAL", str(journal_file))  # the bench's journal, as Settings would name it
    output = tmp_path / f"{job_title()}.pdf"
    summary = merge_pdfs(sim_labels.files[size], output)
    history = str(tmp_path / "history")
    subprocess.run(["cupsdisable", "-r", "out of labels", scratch_queue], check=True, timeout=20)
    args = parser().parse_args(
        ["print", "-o", str(output), "--printer", scratch_queue, "--history-dir", history, "--print-backend", "cups"]
    )
    assert printing_cmd.send_output(args, output, size, sim_labels.po_numbers) == 1
    said = capsys.readouterr().out
    assert "Not printed" in said and "paused" in said and "--retry 1" in said
    assert cups_server.jobs(scratch_queue) == []

    assert run(["print-history", "--history-dir", history, "--json"]) == 0
    [job] = json.loads(capsys.readouterr().out)["jobs"]
    assert job["status"] == "failed" and job["printer"] == scratch_queue and job["pos"] == sim_labels.po_numbers

    subprocess.run(["cupsenable", scratch_queue], check=True, timeout=20)
    assert run(["print-history", "--history-dir", history, "--retry", "1"]) == 0
    assert "Job #1: " in capsys.readouterr().out
    assert_pages(cups_server.output_for(f"{output.stem}-1"), summary.pages, size.millimetres)

    assert (
        run(
            [
                "print-history",
                "--history-dir",
                history,
                "--reprint",
                "1",
                "--printer",
                cups_server.queues[size],
                "--json",
            ]
        )
        == 0
    )
    done = json.loads(capsys.readouterr().out)["done"]
    assert done[0]["id"] == 2 and done[0]["printer"] == cups_server.queues[size]
    assert_pages(cups_server.output_for(f"{output.stem}-2"), summary.pages, size.millimetres)
    assert run(["print-history", "--history-dir", history]) == 0
    listing = capsys.readouterr().out
    assert "#1" in listing and "#2" in listing and "FAILED" not in listing
    assert run(["print-history", "--history-dir", history, "--day", "2001-01-01"]) == 0
    assert "No print jobs on 2001-01-01." in capsys.readouterr().out
    with pytest.raises(ValueError):
        run(["print-history", "--history-dir", history, "--retry", "42"])

    # Each job's end is in the journal too, as the window's are: the refused one failed, its retry and
    # the reprint done, each with the job, the printer and the POs.
    journal = open_journal(journal_file)
    try:
        ends = [(json.loads(s["detail"]), s) for s in journal.steps() if s["kind"] == "print_job"]
    finally:
        journal.close()
    assert [(d["job"], d["status"], s["state"]) for d, s in ends] == [
        (1, "failed", "failed"),
        (1, "printed", "done"),
        (2, "printed", "done"),
    ]
    assert ends[0][0]["printer"] == scratch_queue and ends[0][0]["problem"].startswith("print.")
    assert all(list(s["purchase_order_nos"]) == sim_labels.po_numbers for _, s in ends)


def test_no_printer_option_sends_nothing(tmp_path: Path) -> None:
    args = parser().parse_args(["print", "-o", str(tmp_path / "x.pdf")])
    assert printing_cmd.send_output(args, tmp_path / "x.pdf", PdfSize.A4, []) == 0
