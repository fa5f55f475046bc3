"""``station-cli pickups``, ``pickup-labels`` and ``run --boxes-per-pickup`` on the real simulator."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from station.cli.main import main
from station.journal.sqlite import Journal
from station.simulator.server import SimulatorServer


@pytest.fixture
def sim_defaults() -> dict[str, Any]:
    return {
        "pos": 8,
        "history": 0,
        "seed": 3,
        "pack_delay_min": 0.2,
        "pack_delay_max": 0.5,
        "pickup_step_seconds": 60.0,
    }


def station(capsys: pytest.CaptureFixture[str], sim: SimulatorServer, *argv: str) -> tuple[int, Any, str]:
    command, *rest = argv
    code = main([command, "--simulator-url", sim.url, "--json", *rest])
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if captured.out.strip() else None, captured.err


def pages_mm(path: Path) -> list[tuple[float, float]]:
    return [
        (round(float(p.mediabox.width) * 25.4 / 72), round(float(p.mediabox.height) * 25.4 / 72))
        for p in PdfReader(path).pages
    ]


def test_a_day_ends_with_carton_labels_for_each_pickup_once(
    capsys: pytest.CaptureFixture[str], sim: SimulatorServer, tmp_path: Path
) -> None:
    journal = tmp_path / "journal.sqlite3"
    output = tmp_path / "day.pdf"
    code, report, err = station(
        capsys,
        sim,
        "run",
        "--journal",
        str(journal),
        "-o",
        str(output),
        "--size",
        "A4",
        "--first-poll-after",
        "0.2",
        "--poll-interval",
        "0.2",
        "--boxes-per-pickup",
        "2",
    )
    assert code == 0, err
    pickups = {po["pickup_no"] for po in report["pos"]}
    assert len(pickups) >= 2 and "" not in pickups
    cartons = report["cartons"]
    assert {c["pickup_order_no"] for c in cartons} == pickups and all(c["ok"] for c in cartons)
    for carton in cartons:
        assert pages_mm(Path(carton["output"])) == [(100, 100)] * 2
        assert Path(carton["output"]).parent == tmp_path

    # the next run has nothing left to pack and no pickup without labels: nothing printed twice
    code, again, err = station(
        capsys, sim, "run", "--journal", str(journal), "-o", str(tmp_path / "d2.pdf"), "--boxes-per-pickup", "2"
    )
    assert code == 0, err
    assert again["cartons"] == [] and "No pickup order needs carton labels." in err
    store = Journal(journal)
    try:
        done = Counter(
            s["purchase_order_nos"][0] for s in store.steps() if s["kind"] == "carton_labels" and s["state"] == "done"
        )
    finally:
        store.close()
    assert done == dict.fromkeys(pickups, 1)

    # today's pickups: read from the platform, with their POs and status in words
    code, listed, err = station(capsys, sim, "pickups")
    assert code == 0, err
    by_no = {row["pickup_order_no"]: row for row in listed}
    assert set(by_no) == pickups
    for po in report["pos"]:
        assert po["purchase_order_no"] in by_no[po["pickup_no"]]["purchase_order_nos"]
    assert all(row["status_label"] == "Waiting for pickup" and row["estimated_boxes"] >= 1 for row in listed)
    assert all(len(row["logistics_nos"]) == len(row["purchase_order_nos"]) for row in listed)

    # one pickup's labels again: refused, then reprinted on request (from the cache, in A4)
    number = sorted(pickups)[0]
    code, _, err = station(
        capsys, sim, "pickup-labels", number, "--boxes", "2", "--journal", str(journal), "-o", str(tmp_path / "x.pdf")
    )
    assert code == 1 and "already printed (2 cartons)" in err and "Reprint" in err
    assert not (tmp_path / "x.pdf").exists()
    code, reprinted, err = station(
        capsys,
        sim,
        "pickup-labels",
        number,
        "--boxes",
        "2",
        "--journal",
        str(journal),
        "-o",
        str(tmp_path / "x.pdf"),
        "--reprint",
    )
    assert code == 0, err
    assert reprinted["ok"] and not reprinted["downloaded"] and pages_mm(tmp_path / "x.pdf") == [(100, 100)] * 2
    code, a4, err = station(
        capsys,
        sim,
        "pickup-labels",
        number,
        "--boxes",
        "3",
        "--size",
        "A4",
        "--journal",
        str(journal),
        "-o",
        str(tmp_path / "a4.pdf"),
        "--reprint",
    )
    assert code == 0 and a4["downloaded"] and pages_mm(tmp_path / "a4.pdf") == [(210, 297)] * 3


def test_pickups_text_and_an_unknown_pickup(
    capsys: pytest.CaptureFixture[str], sim: SimulatorServer, tmp_path: Path
) -> None:
    assert main(["pickups", "--simulator-url", sim.url]) == 0
    assert capsys.readouterr().out.strip() == "No pickup orders today."
    code, _, err = station(
        capsys,
        sim,
        "pickup-labels",
        "PUO00000000000009",
        "--boxes",
        "1",
        "--journal",
        str(tmp_path / "j.sqlite3"),
        "-o",
        str(tmp_path / "x.pdf"),
    )
    assert code == 1 and "not found" in err, err


@pytest.mark.parametrize("boxes", ["0", "101", "two"])
def test_a_box_count_outside_1_to_100_is_a_usage_error(capsys: pytest.CaptureFixture[str], boxes: str) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["pickup-labels", "PUO1", "--boxes", boxes, "-o", "x.pdf", "--demo"])
    assert exited.value.code == 2
    assert "--boxes" in capsys.readouterr().err


def test_the_day_file_can_carry_the_carton_labels(
    capsys: pytest.CaptureFixture[str], sim: SimulatorServer, tmp_path: Path
) -> None:
    """``--cartons-in-output``: the merged PDF ends with every pickup's carton labels, so the day is one
    file (the spooler splits it by paper size when it is printed)."""
    output = tmp_path / "day.pdf"
    args = ["run", "--journal", str(tmp_path / "j.sqlite3"), "-o", str(output), "--size", "A4"]
    fast = ["--first-poll-after", "0.2", "--poll-interval", "0.2"]
    code, report, err = station(capsys, sim, *args, *fast, "--boxes-per-pickup", "3", "--cartons-in-output")
    assert code == 0, err
    pickups = {po["pickup_no"] for po in report["pos"]}
    assert report["cartons"] and {c["pickup_order_no"] for c in report["cartons"]} == pickups
    sheets = [size for size in pages_mm(output) if size == (210, 297)]
    assert len(sheets) == len(report["pos"])  # one PO sheet each, as before
    assert pages_mm(output) == sheets + [(100, 100)] * (3 * len(pickups))  # then the cartons, at the end
    texts = [page.extract_text() for page in PdfReader(output).pages[len(sheets) :]]
    for number in pickups:
        assert sum(number in text for text in texts) == 3
    assert "the carton labels added at its end" in err


def test_the_carton_labels_go_to_a_printer_or_the_day_file_not_both(capsys: pytest.CaptureFixture[str]) -> None:
    both = ["--boxes-per-pickup", "1", "--carton-printer", "Q", "--cartons-in-output"]
    with pytest.raises(SystemExit) as exited:
        main(["run", "--demo", "-o", "x.pdf", *both])
    assert exited.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
