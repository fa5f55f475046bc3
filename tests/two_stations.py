"""Two ``station-cli run`` processes on one PC (the same bench name: the host name) and one journal,
against a simulator in a process of its own: the scenario of the SQLite and the PostgreSQL tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
from pypdf import PdfReader

from tests.support import wait_until

ROOT = Path(__file__).resolve().parents[1]
HELD = "Another Station on this PC is running this batch (pid {pid})"


def station(*args: str) -> list[str]:
    return [sys.executable, "-m", "station.cli.main", *args]


@dataclass
class Sim:
    process: subprocess.Popen[str]
    url: str

    @property
    def base(self) -> str:
        return self.url.removesuffix("/rest")

    def stats(self) -> dict[str, Any]:
        return dict(requests.get(self.base + "/_sim/stats", timeout=30).json())

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


def start_sim(*flags: str) -> Sim:
    process = subprocess.Popen(
        station("simulator", *flags), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT
    )
    assert process.stdout is not None
    return Sim(process, process.stdout.readline().split(" on ", 1)[1].split()[0])


@dataclass
class Run:
    """One ``station-cli run`` process; its output in files (a pipe nobody reads would block it)."""

    process: subprocess.Popen[str]
    out: Path
    err: Path
    pdf: Path
    env: dict[str, str] = field(default_factory=dict)

    @property
    def pid(self) -> int:
        return self.process.pid

    def wait(self, timeout: float = 240) -> int:
        return self.process.wait(timeout=timeout)

    def text(self) -> str:
        return self.out.read_text() + self.err.read_text()

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=20)


def start_run(sim: Sim, journal: str, folder: Path, name: str, *extra: str) -> Run:
    """``station-cli run`` with the PO sheets (they carry the PO number) and the barcodes, as a bench runs it."""
    out, err, pdf = folder / f"{name}.out", folder / f"{name}.err", folder / f"{name}.pdf"
    env = {key: value for key, value in os.environ.items() if key != "STATION_BENCH"}  # the host name for both
    env["PYTHONPATH"] = str(ROOT)
    with out.open("w") as out_file, err.open("w") as err_file:
        process = subprocess.Popen(
            station(
                "run",
                "--simulator-url",
                sim.url,
                "--journal",
                journal,
                "--order",
                "--barcode",
                "-o",
                str(pdf),
                "--first-poll-after",
                "0.5",
                "--poll-interval",
                "0.5",
                *extra,
            ),
            stdout=out_file,
            stderr=err_file,
            text=True,
            cwd=ROOT,
            env=env,
        )
    return Run(process, out, err, pdf, env)


def pdf_pos(path: Path) -> set[str]:
    """The PO numbers whose PO sheet is in the merged PDF."""
    if not path.exists():
        return set()
    found: set[str] = set()
    for page in PdfReader(path).pages:
        lines = (page.extract_text() or "").splitlines()
        if len(lines) > 1 and lines[0].strip() == "JIT Purchase Order":
            found.add(lines[1].strip())
    return found


def second_station_is_refused(sim: Sim, journal: str, folder: Path, journal_steps: Callable[[], int]) -> None:
    """The second process on this PC does not resume the batch the first one is running: it says so,
    exits non-zero and sends nothing; the first finishes its batch alone."""
    to_pack = sim.stats()["by_status"].get("10", 0)
    first = start_run(sim, journal, folder, "a")
    # The first has started its batch and sent its packs; the platform takes seconds to pack them.
    wait_until(
        lambda: first.process.poll() is not None or journal_steps() >= 1,
        timeout=120,
        what="the first station's first step",
    )
    assert first.process.poll() is None, first.text()
    second = start_run(sim, journal, folder, "b")
    code = second.wait()
    assert first.wait() == 0, first.text()

    per_po = sim.stats()["purchase_orders"]
    assert len(per_po) == to_pack > 0
    twice = {
        no: c
        for no, c in per_po.items()
        if c["ship_attempts"] != 1 or c["pack_accepted"] != 1 or c["print_requests"] != 1
    }
    in_a, in_b = pdf_pos(first.pdf), pdf_pos(second.pdf)
    print(
        f"\ntwo stations on one PC: {len(per_po)} POs; second station exit {code}; POs with a second call: "
        f"{len(twice)} (ship attempts {sum(c['ship_attempts'] for c in per_po.values())}); labels in both PDFs: "
        f"{len(in_a & in_b)}"
    )
    assert not twice, f"{len(twice)} of {len(per_po)} POs got a second call, e.g. {next(iter(twice.items()))}"
    assert not in_a & in_b, f"the labels of {len(in_a & in_b)} POs are in both PDFs"
    assert in_a == set(per_po) and not in_b and not second.pdf.exists()
    assert code != 0, second.text()
    assert HELD.format(pid=first.pid) in second.text(), second.text()
    assert "Resuming" not in second.text()


def killed_holder_is_resumed(sim: Sim, journal: str, folder: Path, journal_steps: Callable[[], int]) -> None:
    """The first process is SIGKILLed mid-batch: the next one on this PC resumes its batch at once
    (no waiting for a lease to run out) and nothing is done twice."""
    to_pack = sim.stats()["by_status"].get("10", 0)
    first = start_run(sim, journal, folder, "a")
    wait_until(
        lambda: first.process.poll() is not None or journal_steps() >= 1,
        timeout=120,
        what="the first station's first step",
    )
    first.kill()
    started = time.monotonic()
    second = start_run(sim, journal, folder, "b")
    assert second.wait() == 0, second.text()
    assert "Resuming the batch" in second.text(), second.text()
    assert time.monotonic() - started < 50  # well before the claims' 60 s life
    per_po = sim.stats()["purchase_orders"]
    assert len(per_po) == to_pack > 0
    assert all(
        c["ship_attempts"] == 1 and c["ship_successes"] == 1 and c["pack_accepted"] == 1 for c in per_po.values()
    ), per_po
    assert pdf_pos(second.pdf) == set(per_po)
