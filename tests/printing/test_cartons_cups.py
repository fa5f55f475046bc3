"""Carton labels printed to a real CUPS queue (cups-pdf): 100x100 mm pages within 0.5 mm, one a
carton, each barcode (the pickup order number) read back at 203 dpi."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from station.cli.main import main
from station.connect import Connection
from station.printing import cups, qt_backend
from station.simulator.server import SimulatorServer
from tests.printing.conftest import CupsTestServer, assert_pages
from tests.printing.test_qt_backend import _decode
from tests.test_pickups import _shipped_pickup


def test_carton_labels_on_a_cups_queue_at_100x100_mm(
    qtbot: QtBot,
    capsys: pytest.CaptureFixture[str],
    cups_server: CupsTestServer,
    scratch_queue: str,
    sim: SimulatorServer,
    conn: Connection,
    tmp_path: Path,
) -> None:
    assert cups.media_option((100.0, 100.0)) == "Custom.100x100mm"  # the 100x100 mm label's CUPS media
    number, _ = _shipped_pickup(conn, tmp_path)
    argv = [
        "pickup-labels",
        number,
        "--boxes",
        "3",
        "--printer",
        scratch_queue,
        "--print-backend",
        "cups",
        "--simulator-url",
        sim.url,
        "--json",
        "--journal",
        str(tmp_path / "j.sqlite3"),
        "--history-dir",
        str(tmp_path / "prints"),
    ]
    assert main(argv) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["printer"] == scratch_queue and result["status"] in ("sent", "printed")
    out = cups_server.output_for(f"{Path(result['file']).stem}-{result['job']}")
    assert_pages(out, 3, (100.0, 100.0))
    document = qt_backend.load_pdf(out)
    try:
        for page in range(document.pageCount()):
            assert _decode(qt_backend.render_page(document, page, 203)) == [number], f"page {page + 1}"
    finally:
        document.close()
    # the same labels again: refused, nothing sent to the queue
    jobs = cups_server.jobs(scratch_queue)
    assert main(argv) == 1
    assert "already printed" in capsys.readouterr().err
    assert cups_server.jobs(scratch_queue) == jobs
