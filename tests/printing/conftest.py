"""Printing fixtures: a real CUPS server with one cups-pdf queue per paper size, and real simulator labels.

The CUPS fixture needs root, ``cupsd``/``lpadmin`` and the cups-pdf backend (Debian: ``cups
printer-driver-cups-pdf``). Without them the tests that use it are skipped with the reason; with
``STATION_REQUIRE_CUPS=1`` (set it in CI) they fail instead, so a broken setup can never pass quietly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from station.connect import Connection
from station.lazada.models import PdfSize, POStatus
from station.printing.download import Downloader
from station.workflow.batch import list_to_pack
from tests.support import wait_until

CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")
CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_PPDS = (Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd"), Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"))
TOLERANCE_MM = 0.5


def _unavailable(reason: str) -> None:
    if os.environ.get("STATION_REQUIRE_CUPS") == "1":
        pytest.fail(f"CUPS printing tests required (STATION_REQUIRE_CUPS=1) but: {reason}")
    pytest.skip(f"no real CUPS test printers: {reason}")


def _run(*args: str, timeout: float = 20) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args), capture_output=True, text=True, timeout=timeout, check=False, env={**os.environ, "LC_ALL": "C"}
    )


def _scheduler_running() -> bool:
    return "scheduler is running" in _run("lpstat", "-r").stdout


@dataclass
class CupsTestServer:
    queues: dict[PdfSize, str]  # one cups-pdf queue per paper size
    out_dir: Path  # where cups-pdf writes what the queues "print"

    def output_for(self, title: str, deadline_s: float = 60.0) -> Path:
        """The PDF cups-pdf wrote for the job titled ``title``, once complete (polled up to ``deadline_s``)."""
        end = time.monotonic() + deadline_s
        while True:
            for candidate in sorted(self.out_dir.glob(f"{title}*.pdf")):
                try:
                    if len(PdfReader(candidate).pages) > 0:
                        return candidate
                except Exception:  # still being written
                    pass
            if time.monotonic() >= end:
                files = sorted(p.name for p in self.out_dir.iterdir())
                raise AssertionError(f"no output for {title!r} within {deadline_s:g} s; {self.out_dir}: {files}")
            time.sleep(0.2)

    def outputs(self) -> list[Path]:
        return sorted(self.out_dir.glob("*.pdf"))

    def jobs(self, queue: str) -> list[str]:
        """Every job CUPS knows for ``queue`` (completed or not)."""
        return [line.split()[0] for line in _run("lpstat", "-W", "all", "-o", queue).stdout.splitlines() if line]


def ensure_scheduler() -> None:
    """Start cupsd if it is not running (skip, or fail under ``STATION_REQUIRE_CUPS=1``, if it cannot)."""
    if _scheduler_running():
        return
    cupsd = shutil.which("cupsd") or "/usr/sbin/cupsd"
    if not Path(cupsd).exists():
        _unavailable("cupsd is not installed")
    _run(cupsd)
    end = time.monotonic() + 15
    while not _scheduler_running() and time.monotonic() < end:
        time.sleep(0.2)
    if not _scheduler_running():
        _unavailable("cupsd did not start")


@pytest.fixture(scope="session")
def cups_server() -> Iterator[CupsTestServer]:
    missing = [
        tool
        for tool in ("lpadmin", "lpstat", "lp", "cupsenable", "cupsdisable", "cupsaccept", "cupsreject")
        if shutil.which(tool) is None and not Path("/usr/sbin", tool).exists()
    ]
    if missing:
        _unavailable(f"missing {', '.join(missing)} (apt-get install cups)")
    if not CUPS_PDF_BACKEND.exists() or not any(p.exists() for p in CUPS_PDF_PPDS) or not CUPS_PDF_CONF.exists():
        _unavailable("the cups-pdf backend is not installed (apt-get install printer-driver-cups-pdf)")
    if os.geteuid() != 0:
        _unavailable("creating test queues and pointing cups-pdf's output to a temp folder needs root")
    ensure_scheduler()
    out_dir = Path(tempfile.mkdtemp(prefix="station-cups-pdf-"))
    out_dir.chmod(0o1777)
    original = CUPS_PDF_CONF.read_text()
    lines = [line for line in original.splitlines() if not line.startswith("Out ")]
    CUPS_PDF_CONF.write_text("\n".join([*lines, f"Out {out_dir}", ""]))  # cups-pdf reads it at every job
    ppd = next(p for p in CUPS_PDF_PPDS if p.exists())
    tag = uuid.uuid4().hex[:6]
    queues = {size: f"StationTest_{size.value}_{tag}" for size in PdfSize}
    try:
        for queue in queues.values():
            result = _run("lpadmin", "-p", queue, "-v", "cups-pdf:/", "-E", "-P", str(ppd))
            if result.returncode != 0:
                _unavailable(f"lpadmin could not create {queue}: {result.stderr.strip()}")
        yield CupsTestServer(queues=queues, out_dir=out_dir)
    finally:
        for queue in queues.values():
            _run("cancel", "-a", queue)
            _run("lpadmin", "-x", queue)
        CUPS_PDF_CONF.write_text(original)
        shutil.rmtree(out_dir, ignore_errors=True)


@pytest.fixture
def scratch_queue(cups_server: CupsTestServer) -> Iterator[str]:
    """A fresh cups-pdf queue that a test may pause, reject or delete."""
    ppd = next(p for p in CUPS_PDF_PPDS if p.exists())
    queue = f"StationScratch_{uuid.uuid4().hex[:6]}"
    assert _run("lpadmin", "-p", queue, "-v", "cups-pdf:/", "-E", "-P", str(ppd)).returncode == 0
    yield queue
    _run("cancel", "-a", queue)
    _run("lpadmin", "-x", queue)


def job_title() -> str:
    return f"stn-{uuid.uuid4().hex[:10]}"


def sizes_mm(pdf: Path) -> list[tuple[float, float]]:
    reader = PdfReader(pdf)
    return [(float(p.mediabox.width) * 25.4 / 72, float(p.mediabox.height) * 25.4 / 72) for p in reader.pages]


def assert_pages(pdf: Path, pages: int, size_mm: tuple[float, float]) -> None:
    found = sizes_mm(pdf)
    assert len(found) == pages, f"{pdf.name}: {len(found)} pages, expected {pages}"
    for width, height in found:
        assert abs(width - size_mm[0]) <= TOLERANCE_MM and abs(height - size_mm[1]) <= TOLERANCE_MM, (
            f"{pdf.name}: page {width:.1f}x{height:.1f} mm, expected {size_mm[0]:g}x{size_mm[1]:g} mm"
        )


@dataclass
class SimLabels:
    files: dict[PdfSize, list[Path]]  # one downloaded file per PO, per size
    po_numbers: list[str]
    item_barcodes: set[str]


@pytest.fixture
def sim_labels(conn: Connection, tmp_path: Path) -> SimLabels:
    """Real label PDFs from the simulator: one file per PO (3 POs), for every paper size."""
    pos = [po.purchase_order_no for po in list_to_pack(conn.client)][:3]
    assert len(pos) == 3
    conn.client.pack(pos)  # the platform prints labels only for packed POs (packing takes ~0.5 s here)
    wait_until(
        lambda: all(po.status is not POStatus.TO_PACK for po in conn.client.find_pos(pos).values()),
        timeout=30,
        interval=0.2,
        what="the POs to be packed",
    )
    downloader = Downloader(conn.client, tmp_path / "labels")
    files: dict[PdfSize, list[Path]] = {}
    for size in PdfSize:
        barcode = size is not PdfSize.A4
        prints = [conn.client.print_file([po], size, print_order=True, print_barcode=barcode) for po in pos]
        files[size] = downloader.fetch_all(prints)
    items = conn.client.list_items_many(pos)
    barcodes = {code for its in items.values() for item in its for code in item.barcodes}
    return SimLabels(files=files, po_numbers=pos, item_barcodes=barcodes)
