"""The soak through a hostile gateway: ``station-cli run`` against a simulator (in its own process)
behind the hostile server of ``tests/hostile_server.py``, SIGKILLed a few times, run again until
its batch is through.

On some calls the gateway answers a redirect to another host (the signed form, access token
included, would go there if it were followed), garbles the answer to a pack or a ship it passed
on (the platform acted), and on some label downloads sends a damaged PDF, drips the real file
slowly, or drips it slower than the download cap allows. No PO may be shipped twice; every PO
is printed exactly once (its sheet once in the output) or failed with a sentence for the
operator; the other host receives nothing; every run ends.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.hostile_server import HostileServer, _Handler, damaged_pdf, drip, redirect
from tests.hostile_server import proxy as proxy_to  # passed on to the simulator as it came
from tests.support import wait_until
from tests.test_hostile import GARBLED
from tests.test_kill_merge import sheets_per_po
from tests.test_resume import SimProcess, journal_steps
from tests.test_resume import start_sim as start_sim  # the fixture: simulators in processes of their own

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX-only")

REPO = Path(__file__).resolve().parents[1]
DOWNLOAD_CAP = 3.0  # seconds per label file (120 s in the product): the drips past it end here

# station-cli with a shorter download cap, nothing else changed (and its stacks on SIGUSR1).
_CAPPED_CLI = """
import faulthandler, signal, sys
faulthandler.register(signal.SIGUSR1, all_threads=True)  # the test asks for the stacks of a run that hangs
from station.printing import download
from station.workflow import batch

class CappedDownloader(download.Downloader):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("total_seconds", float(sys.argv[1]))
        super().__init__(*args, **kwargs)

batch.Downloader = CappedDownloader
from station.cli.main import main
sys.exit(main(sys.argv[2:]))
"""

GARBLED_AFTER = {
    "/rest/jit/purchase_order/package": "garbled pack answer",
    "/rest/jit/purchase_order/batch_pickup_deliver": "garbled ship answer",
}


# The label downloads, in turn (the n-th download gets FILE_TURNS[n % len]): a few in three pass.
FILE_TURNS = (
    "pass",
    "damaged",
    "pass",
    "slow drip",
    "pass",
    "drip past the cap",
    "pass",
    "damaged",
    "slow drip",
    "pass",
    "pass",
    "pass",
)
GARBLE_EVERY = {"package": 3, "batch_pickup_deliver": 2}  # the 1st, 4th, 7th... pack; the 1st, 3rd... ship
# The API calls answered with a redirect: the n-th call of each of these (counted over every run).
# query_list: the listing, then the status reads (a batch stops on one: the next run resumes it).
REDIRECT_AT = {"query_list": (2, 40), "package": (2,), "batch_pickup_deliver": (2,), "print": (4,)}


class Mischief:
    """What the hostile gateway does to each call, at set turns (the redirects' status codes drawn)."""

    def __init__(self, seed: int, elsewhere: HostileServer) -> None:
        self.rng = random.Random(seed)
        self.elsewhere = elsewhere
        self.lock = threading.Lock()
        self.done: Counter[str] = Counter()
        self.api_calls: Counter[str] = Counter()
        self.redirected: list[str] = []  # the API paths answered with a redirect
        self.downloads = 0

    def _api_turn(self, path: str) -> str:
        with self.lock:
            name = path.rsplit("/", 1)[-1]
            self.api_calls[name] += 1
            if self.api_calls[name] in REDIRECT_AT.get(name, ()):
                kind = "api redirect"
                self.redirected.append(name)
            elif path in GARBLED_AFTER and self.api_calls[name] % GARBLE_EVERY[name] == 1:
                return GARBLED_AFTER[path]  # counted once the platform has acted on it
            else:
                return "pass"
            self.done[kind] += 1
            return kind

    def _file_turn(self) -> str:
        with self.lock:
            kind = FILE_TURNS[self.downloads % len(FILE_TURNS)]
            self.downloads += 1
            if kind == "drip past the cap" and self.done[kind] >= 2:
                kind = "pass"  # each costs the cap's seconds: two are enough
            if kind != "pass":
                self.done[kind] += 1
            return kind

    def api(self, h: _Handler) -> None:
        path = urllib.parse.urlsplit(h.path).path
        kind = self._api_turn(path)
        if kind == "api redirect":
            status = self.rng.choice([301, 302, 307, 308])
            redirect(self.elsewhere.url + path + "?from=gateway", status)(h)
        elif kind != "pass":
            # Passed on; when the platform acted on it, the answer is spoilt. A refusal ("Has
            # packed" refuses a whole pack) is passed back as it came: spoilt, it could read as a
            # pack that landed.
            answer = h.forward()
            said = answer.json()
            if said.get("code") == "0" and (said.get("result") or {}).get("success") is True:
                with self.lock:
                    self.done[kind] += 1
                    garble = self.rng.choice(GARBLED)
                h.send(200, garble, "application/json;charset=UTF-8")
            else:
                h.send(answer.status_code, answer.content, answer.headers.get("Content-Type", "application/json"))
        else:
            proxy_to()(h)

    def files(self, h: _Handler) -> None:
        kind = self._file_turn()
        if kind == "damaged":
            h.send(200, damaged_pdf(), "application/pdf")
        elif kind == "slow drip":
            self._drip(h, pieces=20, interval=0.04)  # the whole file in about 0.8 s
        elif kind == "drip past the cap":
            self._drip(h, pieces=2_000, interval=0.01)  # about 20 s: cut off at the cap
        else:
            proxy_to()(h)

    @staticmethod
    def _drip(h: _Handler, *, pieces: int, interval: float) -> None:
        data = h.forward().content
        drip(data, interval=interval, step=max(1, len(data) // pieces))(h)


@pytest.fixture
def servers() -> Iterator[list[HostileServer]]:
    started: list[HostileServer] = []
    yield started
    for server in started:
        server.stop()


def batches(journal: Path) -> list[str]:
    if not journal.exists():
        return []
    try:
        db = sqlite3.connect(f"file:{journal}?mode=ro", uri=True, timeout=5)
        try:
            return [row[0] for row in db.execute("SELECT state FROM batches ORDER BY id")]
        finally:
            db.close()
    except sqlite3.OperationalError:
        return []


def test_soak_through_a_hostile_gateway_with_kills(
    start_sim: Callable[..., SimProcess], tmp_path: Path, servers: list[HostileServer]
) -> None:
    sim = start_sim(
        "--pos",
        "250",
        "--history",
        "0",
        "--seed",
        "41",
        "--pack-delay",
        "0.3-2.0",
        "--latency-ms",
        "5",
        "--latency-jitter-ms",
        "5",
    )
    to_pack = sim.stats()["by_status"].get("10", 0)
    elsewhere = HostileServer().start()  # the host the redirects point to: it records what it gets
    gateway = HostileServer(upstream=sim.base).start()
    servers.extend([elsewhere, gateway])
    mischief = Mischief(7, elsewhere)
    gateway.on("/rest/*", mischief.api)
    gateway.on("/files/*", mischief.files)

    journal = tmp_path / "journal.sqlite3"
    output = tmp_path / "sheets.pdf"
    run_args = [
        sys.executable,
        "-c",
        _CAPPED_CLI,
        str(DOWNLOAD_CAP),
        "run",
        "--simulator-url",
        gateway.url + "/rest",
        "--journal",
        str(journal),
        "--json",
        "-o",
        str(output),
        "--size",
        "A4",
        "--first-poll-after",
        "0.3",
        "--poll-interval",
        "0.3",
    ]
    log = tmp_path / "station-cli.log"
    rng = random.Random(12)
    kills, runs, exits = 0, 0, Counter[int]()
    durations: list[float] = []
    said: list[str] = []  # what every run said on stderr
    started = time.monotonic()
    while True:
        runs += 1
        assert runs <= 15, f"the batch never finished: runs exited {exits}"
        before = journal_steps(journal)
        target = before + rng.randint(2, 12) if kills < 3 else sys.maxsize  # then let it run to the end
        with log.open("w") as err_file, log.with_suffix(".json").open("w") as out_file:
            process = subprocess.Popen(run_args, stdout=out_file, stderr=err_file, text=True, cwd=REPO)
        run_started = time.monotonic()
        try:
            wait_until(
                lambda p=process, t=target: p.poll() is not None or journal_steps(journal) >= t,  # type: ignore[misc]
                timeout=60,
                interval=0.005,
                what="the kill point or the end of the run",
            )
        except AssertionError:
            process.send_signal(signal.SIGUSR1)  # every thread's stack to its log, then away with it
            time.sleep(1)
            process.kill()
            process.wait(timeout=20)
            raise AssertionError(
                f"a run did not end within 60 s (a hang): {mischief.done}\n{log.read_text()[-20000:]}"
            ) from None
        if process.poll() is None:
            time.sleep(rng.choice([0, 0.01, 0.05]))
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=20)
            kills += 1
            said.append(log.read_text())
            continue
        process.wait(timeout=20)
        durations.append(time.monotonic() - run_started)
        said.append(log.read_text())
        exits[process.returncode] += 1
        assert process.returncode in (0, 1), said[-1]
        assert "Traceback" not in said[-1], said[-1]
        states = batches(journal)
        if states and "running" not in states:
            break
    elapsed = time.monotonic() - started
    report = json.loads(log.with_suffix(".json").read_text())

    # No PO shipped or packed twice.
    stats = sim.stats()
    per_po = stats["purchase_orders"]
    assert all(c["ship_successes"] <= 1 for c in per_po.values()), "a PO was shipped twice"
    assert all(c["pack_accepted"] <= 1 for c in per_po.values()), "a PO was packed twice"

    # Every PO printed exactly once (its sheet once in the output), or failed with a sentence.
    db = sqlite3.connect(journal)
    rows = db.execute("SELECT purchase_order_no, shipped, printed, failed_step, error FROM batch_pos").fetchall()
    db.close()
    assert batches(journal) == ["done"] and len(rows) == to_pack
    sheets = sheets_per_po(output)
    printed = {no for no, _, was_printed, _, _ in rows if was_printed}
    assert set(sheets) == printed and set(sheets.values()) == {1}, "a printed PO's sheet missing or twice"
    failures: Counter[str] = Counter()
    for no, shipped, was_printed, failed_step, error in rows:
        assert per_po[no]["ship_successes"] == shipped, (no, error)  # the journal agrees with the platform
        if was_printed and shipped:
            assert not error, (no, error)
            continue
        # Not printed, or printed but not shipped (its labels go out as soon as it is ready, before
        # the pickup is booked): failed with the reason.
        assert failed_step and error, f"{no} not printed or not shipped, and no reason given"
        assert error[0].isupper() and error.rstrip().endswith("."), f"not a sentence: {error!r}"
        assert "Traceback" not in error and "Error:" not in error and "?" not in error, error
        failures[f"{failed_step}: {error[:90]}"] += 1
    failed = sum(1 for row in rows if row[4])
    assert report["counts"]["failed"] == failed

    # The host the redirects pointed to never received anything, the access token least of all.
    tokens = {value for r in gateway.requests for value in r.form.get("access_token", [])}
    assert tokens
    assert not elsewhere.requests, [(r.method, r.path) for r in elsewhere.requests]
    for text in said:
        assert not any(token in text for token in tokens), "an access token in the station's output"

    # The mischief happened, and the runs ended (the drips past the cap within it).
    for kind in (
        "api redirect",
        "garbled pack answer",
        "garbled ship answer",
        "damaged",
        "slow drip",
        "drip past the cap",
    ):
        assert mischief.done[kind] >= 1, f"no {kind}: {mischief.done}"
    assert kills == 3
    longest = max(durations)
    assert longest < 45
    print(
        f"\nhostile soak: {to_pack} POs, {runs} runs ({kills} SIGKILLs, exits {dict(exits)}), "
        f"injected {dict(mischief.done)} (redirected: {mischief.redirected}), {len(printed)} printed once, "
        f"{failed} failed with a sentence {dict(failures)}, "
        f"ship attempts {sum(c['ship_attempts'] for c in per_po.values())}, requests to the redirect target: 0, "
        f"runs to their end {[round(d, 1) for d in durations]} s, duplicates found: 0, {elapsed:.1f} s"
    )
