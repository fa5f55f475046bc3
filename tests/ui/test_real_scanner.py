"""The real window under Xvfb, on a running simulator, scanned with real X key events (xdotool).

``xdotool type`` presses Shift before each capital, as a keyboard-wedge scanner does; the window
runs as its own process (``station --simulator-url``), so nothing here is Qt's test helpers.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import timedelta
from functools import partial
from pathlib import Path

import pytest

from station.connect import Connection
from station.demo import connect_simulator
from station.lazada.models import POQuery, POStatus
from station.simulator.server import SimulatorServer
from tests.support import wait_until
from tests.xdisplay import LogTail, window_id, xdotool, xvfb

pytestmark = pytest.mark.slow


@pytest.fixture
def station_window(
    make_sim: Callable[..., SimulatorServer], tmp_path: Path
) -> Iterator[tuple[str, LogTail, SimulatorServer]]:
    sim = make_sim(pos=12, pack_delay_min=0.3, pack_delay_max=0.6)
    with xvfb() as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PYTHONUNBUFFERED": "1"}
        process = subprocess.Popen(
            [sys.executable, "-m", "station.ui.app", "--simulator-url", sim.url, "--lang", "en"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=tmp_path,
        )
        log = LogTail(process)
        try:
            log.wait("listed ", timeout=90)
            wid = window_id(display, "Station ·")
            xdotool(display, "windowfocus", "--sync", wid)
            yield display, log, sim
        finally:
            process.terminate()
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)


def scan(display: str, code: str) -> None:
    """The code and its Enter in one xdotool call, a few ms per key, as a scanner types them ("\r" is
    typed as the Return key; "\n" would be X11's Linefeed)."""
    xdotool(display, "type", "--delay", "8", code + "\r")


def answers(log: LogTail, no: str) -> list[str]:
    """What the window answered to the product scans of ``no``'s verification, in order."""
    head = f"verify {no}: "
    return [line.split(head, 1)[1] for line in log.lines if head in line and " units to scan" not in line]


def answered(log: LogTail, no: str, count: int) -> bool:
    return len(answers(log, no)) >= count


def test_scans_typed_by_x_key_events(station_window: tuple[str, LogTail, SimulatorServer]) -> None:
    display, log, sim = station_window
    connection: Connection = connect_simulator(sim.url, read_timeout=10)
    try:
        client = connection.client
        now = client.now().replace(tzinfo=None)
        query = POQuery(created_from=now - timedelta(days=7), created_to=now, status=POStatus.TO_PACK)
        to_pack = client.list_pos(query)
        lower, upper = to_pack[0].purchase_order_no, to_pack[1].purchase_order_no
        assert upper != upper.lower(), "PO numbers have capitals: the case under test"
        items = client.list_items(to_pack[2].purchase_order_no)
        barcode = next(code for item in items for code in item.barcodes)

        # A PO number typed in lower case still finds the PO.
        scan(display, lower.lower())
        log.wait(f"scan {lower.lower()}: PO {lower} selected")
        # A product barcode selects the POs that hold it (once their items are read).
        log.wait("product barcodes read")
        scan(display, barcode)
        line = log.wait(f"scan {barcode}: product in")
        assert to_pack[2].purchase_order_no in line
        # A pickup order number (the history's, shipped days ago): the Pickups view reads and shows it.
        shipped = client.list_pos(
            POQuery(created_from=now - timedelta(days=14), created_to=now, status=POStatus.COMPLETED)
        )
        pickup = next(po.pickup_order_no for po in shipped if po.pickup_order_no)
        scan(display, pickup)
        log.wait(f"scan {pickup}")
        log.wait(f"pickup {pickup}: Completed, shown")
        # Garbage in capitals: said to be unknown, nothing sent.
        scan(display, "XYZ-NOT-A-PO")
        log.wait("scan XYZ-NOT-A-PO: unknown")

        # Scan to print (F8), then a PO number in capitals: packed, ready, labels made.
        xdotool(display, "key", "F8")
        log.wait("scan to print on")
        scan(display, upper)
        log.wait(f"scan {upper}: PO {upper} selected")
        log.wait(f"scan to print {upper}: labels ready", timeout=90)

        def packed() -> bool:
            return client.find_pos([upper])[upper].status is not POStatus.TO_PACK

        wait_until(packed, timeout=30, what=f"{upper} packed on the platform")
        assert client.find_pos([lower])[lower].status is POStatus.TO_PACK  # a selection sends nothing

        # Verify (F10): the PO number, then each unit's barcode, the last one completing the PO,
        # which then goes on as scan to print does.
        verified = to_pack[3].purchase_order_no
        units = [item.barcodes[0] for item in client.list_items(verified) for _ in range(item.buyer_qty)]
        xdotool(display, "key", "F10")
        log.wait("verify mode on")
        scan(display, verified)
        log.wait(f"verify {verified}: {len(units)} of {len(units)} units to scan")
        for index in range(1, len(units) + 1):
            scan(display, units[index - 1])
            # Each unit's own line: the n-th answer of this PO, counted (the last one complete).
            wait_until(partial(answered, log, verified, index), timeout=30, what=f"unit {index} counted")
        assert answers(log, verified) == [
            f"{code} {'complete' if n == len(units) else 'counted'} (1 of 1)" for n, code in enumerate(units, start=1)
        ]
        log.wait(f"scan to print {verified}: labels ready", timeout=90)
        assert client.find_pos([verified])[verified].status is not POStatus.TO_PACK
        assert not any("Unknown code" in line or "Traceback" in line for line in log.lines)
    finally:
        connection.client.close()
