"""Carton labels of a pickup order (workflow): fetched and checked, cached, written or printed,
journaled, refused a second time unless reprinted, and settled after a crash; on the real simulator."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from station.connect import Connection
from station.journal import JournalStore, open_journal
from station.lazada.pickups import PickupLabelSize
from station.printing.download import PrintFileError, UrlExpiredError
from station.printing.spooler import FixedPrinters, PrintService
from station.simulator.server import SimulatorServer
from station.workflow.cartons import STEP_KIND, CartonError, CartonLabels, CartonRequest
from tests.test_pickups import _shipped_pickup


@pytest.fixture
def sim_defaults() -> dict[str, Any]:
    return {
        "pos": 8,
        "history": 0,
        "seed": 11,
        "pack_delay_min": 0.2,
        "pack_delay_max": 0.4,
        "pickup_step_seconds": 30.0,
    }


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[JournalStore]:
    store = open_journal(tmp_path / "journal.sqlite3")
    yield store
    store.close()


def _pages_mm(path: Path) -> list[tuple[float, float]]:
    return [
        (round(float(p.mediabox.width) * 25.4 / 72, 1), round(float(p.mediabox.height) * 25.4 / 72, 1))
        for p in PdfReader(path).pages
    ]


def _print_calls(sim: SimulatorServer) -> int:
    return int(sim.stats()["calls"].get("/pickup_order/print", 0))


def _carton_steps(journal: JournalStore) -> list[dict[str, Any]]:
    return [s for s in journal.steps() if s["kind"] == STEP_KIND]


def test_written_once_refused_again_reprinted_from_the_cache(
    conn: Connection, sim: SimulatorServer, journal: JournalStore, tmp_path: Path
) -> None:
    number, _ = _shipped_pickup(conn, tmp_path)
    cartons = CartonLabels(conn.client, journal, tmp_path / "cache")
    out = tmp_path / "out" / "cartons.pdf"
    result = cartons.make(CartonRequest(number, 3), output=out)
    assert result.downloaded and result.output == out
    assert _pages_mm(out) == [(100.0, 100.0)] * 3
    steps = _carton_steps(journal)
    assert [(s["purchase_order_nos"], s["state"]) for s in steps] == [([number], "done")]
    assert cartons.printed(number) is not None and cartons.printed(number).boxes == 3  # type: ignore[union-attr]
    calls = _print_calls(sim)

    with pytest.raises(CartonError) as refused:
        cartons.make(CartonRequest(number, 3), output=out)
    assert refused.value.problem.kind == "carton.already_printed"
    assert refused.value.problem.params == {"pickup": number, "boxes": 3}
    assert len(_carton_steps(journal)) == 1, "a refused print writes no step"

    again = cartons.make(CartonRequest(number, 3, reprint=True), output=tmp_path / "again.pdf")
    assert not again.downloaded and _print_calls(sim) == calls, "a reprint needs no download"
    assert [s["state"] for s in _carton_steps(journal)] == ["done", "done"]


def test_a4_and_another_box_count_is_another_file(conn: Connection, journal: JournalStore, tmp_path: Path) -> None:
    number, _ = _shipped_pickup(conn, tmp_path)
    cartons = CartonLabels(conn.client, journal, tmp_path / "cache")
    result = cartons.make(CartonRequest(number, 2, PickupLabelSize.A4), output=tmp_path / "a4.pdf")
    assert _pages_mm(tmp_path / "a4.pdf") == [(210.0, 297.0)] * 2
    other = cartons.make(CartonRequest(number, 5, reprint=True), output=tmp_path / "five.pdf")
    assert other.file != result.file and len(_pages_mm(tmp_path / "five.pdf")) == 5


def test_an_expired_link_is_asked_for_again(make_sim: Any, journal: JournalStore, tmp_path: Path) -> None:
    from station.demo import connect_simulator

    sim = make_sim(file_ttl_seconds=-5.0)  # every link has expired when it comes
    conn = connect_simulator(sim.url, read_timeout=10)
    try:
        number, _ = _shipped_pickup(conn, tmp_path)
        with pytest.raises(PrintFileError) as raised:
            CartonLabels(conn.client, journal, tmp_path / "cache").make(
                CartonRequest(number, 1), output=tmp_path / "x.pdf"
            )
        # The last expired link ends it as a file that could not be used, not "asking for a new one".
        assert raised.value.problem.kind == "file.unusable"
        assert isinstance(raised.value.__cause__, UrlExpiredError)
        assert _print_calls(sim) == 3, "asked again for a fresh link after each expired one"
        assert not (tmp_path / "x.pdf").exists()
        assert [s["state"] for s in _carton_steps(journal)] == ["failed"]
    finally:
        conn.close()


def test_no_printer_for_the_size_is_refused_before_anything(
    conn: Connection, sim: SimulatorServer, journal: JournalStore, tmp_path: Path
) -> None:
    service = PrintService(tmp_path / "prints", FixedPrinters({}))
    cartons = CartonLabels(conn.client, journal, tmp_path / "cache", service=service)
    with pytest.raises(CartonError) as refused:
        cartons.make(CartonRequest("PUO20260000000001", 2))
    assert refused.value.problem.kind == "carton.no_printer"
    assert refused.value.problem.params == {"size": "100x100 mm label"}
    assert _carton_steps(journal) == [] and _print_calls(sim) == 0


def test_a_crash_after_the_spooler_took_it_counts_as_printed(
    conn: Connection, sim: SimulatorServer, journal: JournalStore, tmp_path: Path
) -> None:
    number, _ = _shipped_pickup(conn, tmp_path)
    service = PrintService(tmp_path / "prints", FixedPrinters({}))
    cartons = CartonLabels(conn.client, journal, tmp_path / "cache", service=service)
    # what a station killed right after ``lp`` answered leaves: the step sent, the job sent
    journal.step_sent(None, STEP_KIND, [number])
    path, _ = cartons.fetch(number, PickupLabelSize.LABEL_100X100, 4)
    job_id = service.history.record(path, [number], "100x100mm", "Cartons", backend="cups", pages=4)
    service.history.mark_sent(job_id, "Cartons-7")
    result = cartons.make(CartonRequest(number, 4))
    assert result.resumed and result.job is not None and result.job.id == job_id
    assert [s["state"] for s in _carton_steps(journal)] == ["done"]
    assert len(service.history.jobs_on(result.job.created_at.date())) == 1, "not sent a second time"
    with pytest.raises(CartonError, match="already printed"):
        cartons.make(CartonRequest(number, 4))


def test_a_crash_before_the_spooler_took_it_prints_it_then(
    conn: Connection, journal: JournalStore, tmp_path: Path
) -> None:
    number, _ = _shipped_pickup(conn, tmp_path)
    service = PrintService(tmp_path / "prints", FixedPrinters({}))
    cartons = CartonLabels(conn.client, journal, tmp_path / "cache", service=service)
    journal.step_sent(None, STEP_KIND, [number])  # killed before the job was recorded
    assert cartons.open_steps() == [number]
    result = cartons.make(CartonRequest(number, 2), output=tmp_path / "c.pdf")
    assert not result.resumed and len(_pages_mm(tmp_path / "c.pdf")) == 2
    assert [s["state"] for s in _carton_steps(journal)] == ["failed", "done"]
    assert cartons.open_steps() == []
    assert service.history.jobs_on(date.today()) == [], "written to a file: no print job"
