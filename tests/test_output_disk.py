"""An output the labels cannot be written to never costs good labels: it is refused before
anything is sent (a folder, a device, a read-only place, too little room), and a merge that fails
midway (a full disk) keeps the label files and leaves the batch open to be resumed."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import requests
from pypdf import PdfReader

from station.printing.merge import MergeOutputError, merge_pdfs
from station.printing.output_check import BYTES_PER_PO, OutputPathError, check_output
from station.simulator.server import SimulatorServer

REPO = Path(__file__).resolve().parents[1]


def cli(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "station.cli.main", *args], capture_output=True, text=True, timeout=timeout, check=False
    )


def device_like_dev_full(tmp_path: Path) -> Path:
    """A character device that answers writes with ENOSPC: a private /dev/full node when root
    (so a bug could only replace this one), else /dev/full itself (its folder is not writable)."""
    if os.geteuid() == 0:
        node = tmp_path / "full"
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 7))
        return node
    return Path("/dev/full")


def stats(sim: SimulatorServer) -> dict[str, int]:
    return dict(requests.get(sim.url.removesuffix("/rest") + "/_sim/stats", timeout=10).json()["totals"])


@pytest.mark.parametrize("where", ["folder", "device", "under a file", "fifo"])
def test_run_refuses_an_output_it_cannot_write_before_sending_anything(
    sim: SimulatorServer, tmp_path: Path, where: str
) -> None:
    if where == "folder":
        output = tmp_path / "labels"
        output.mkdir()
        said = "is a folder; give the labels a file name"
    elif where == "device":
        output = device_like_dev_full(tmp_path)
        said = "is a device, not a file"
    elif where == "fifo":
        output = tmp_path / "pipe.pdf"
        os.mkfifo(output)
        said = "is a pipe, not a file"
    else:  # a file where the folder should be: cannot be written whoever runs it, root too
        (tmp_path / "day").write_text("not a folder")
        output = tmp_path / "day" / "labels.pdf"
        said = "cannot be written to"
    kind = stat.S_IFMT(output.stat().st_mode) if output.exists() else None
    result = cli(
        "run",
        "--simulator-url",
        sim.url,
        "--journal",
        str(tmp_path / "j.sqlite3"),
        "-o",
        str(output),
        "--first-poll-after",
        "0.2",
        "--poll-interval",
        "0.2",
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert said in result.stderr and "Traceback" not in result.stderr
    assert stats(sim)["pack_accepted"] == stats(sim)["ship_attempts"] == stats(sim)["print_requests"] == 0
    if kind is not None:
        assert stat.S_IFMT(output.stat().st_mode) == kind  # never replaced


def test_print_refuses_a_device_before_asking_for_labels(sim: SimulatorServer, tmp_path: Path) -> None:
    output = device_like_dev_full(tmp_path)
    result = cli(
        "print",
        "--simulator-url",
        sim.url,
        "--journal",
        str(tmp_path / "j.sqlite3"),
        "-o",
        str(output),
        "POJ0000000001",
    )
    assert result.returncode == 2 and "is a device, not a file" in result.stderr, result.stderr
    assert stat.S_ISCHR(output.stat().st_mode) and stats(sim)["print_requests"] == 0


def test_too_little_free_space_is_refused_with_the_figures(tmp_path: Path) -> None:
    free = shutil.disk_usage(tmp_path).free
    check_output(tmp_path / "labels.pdf", 150)  # room for a day's labels here
    with pytest.raises(
        OutputPathError,
        match=r"Only [\d,.]+ [MG]B free on the disk of .*; the labels of \d+ POs "
        r"need about [\d,.]+ MB\. Free some space",
    ):
        check_output(tmp_path / "labels.pdf", free // BYTES_PER_PO + 10)
    assert [p.name for p in tmp_path.iterdir()] == ["home"]  # the check leaves nothing behind


def test_a_merge_never_replaces_a_pipe_or_a_device(tmp_path: Path, sim_label_files: list[Path]) -> None:
    pipe = tmp_path / "labels.pdf"
    os.mkfifo(pipe)
    with pytest.raises(MergeOutputError, match="not a regular file"):
        merge_pdfs(sim_label_files, pipe)
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert not (tmp_path / "labels.pdf.part").exists()


@pytest.fixture
def sim_label_files(tmp_path: Path) -> list[Path]:
    """Two label files as the simulator renders them."""
    from tests.printing.test_merge import _label_files

    return _label_files(tmp_path / "cache", 2)


# A batch in a process whose files may not grow past 200 KB (RLIMIT_FSIZE): each label file fits,
# the merged file of 100 POs does not, as on a full disk. Then the limit is lifted and the batch,
# left open, is resumed from the journal.
_FULL_DISK = r"""
import json, resource, sys
from pathlib import Path
from station.demo import DEMO_CONTACT, connect_simulator
from station.journal import Journal
from station.printing.merge_child import ChildProcessMerge
from station.workflow.batch import BatchOptions, BatchRunner, list_to_pack
from station.outcomes import BatchReport
from station.workflow.resume import prepare_resume

url, folder = sys.argv[1], Path(sys.argv[2])
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, hard))
conn = connect_simulator(url, read_timeout=10)
journal = Journal(Path(":memory:"))
options = BatchOptions(cache_dir=folder / "cache", contact=DEMO_CONTACT, output=folder / "labels.pdf",
                       first_poll_after=0.3, poll_interval=0.3, merge=ChildProcessMerge)
pos = list_to_pack(conn.client)
log = journal.start_batch("default", list(BatchReport.for_pos(pos).outcomes.values()), {})
first = BatchRunner(conn.client, options, log=log).run(pos)
result = {"first": first.counts(), "errors": sorted({o.error for o in first.failed()}),
          "state": journal.batch_state(log.batch_id), "cached": len(list((folder / "cache").glob("*.pdf"))),
          "output": (folder / "labels.pdf").exists()}
resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
batch = journal.unfinished_batch("default")
if batch is not None:
    resumption = prepare_resume(conn.client, journal, batch)
    second = BatchRunner(conn.client, options, log=resumption.log, resumed=batch.outcomes,
                         fetched=resumption.fetched).run(resumption.pos)
    result.update(second=second.counts(), pages=second.output_pages, state2=journal.batch_state(log.batch_id))
print(json.dumps(result))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_disk_at_the_merge_keeps_the_labels_and_the_batch_open(
    make_sim: Callable[..., SimulatorServer], tmp_path: Path
) -> None:
    sim = make_sim(pos=100, history=0, pack_delay_min=0.2, pack_delay_max=0.4)
    run = subprocess.run(
        [sys.executable, "-c", _FULL_DISK, sim.url, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=REPO,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.splitlines()[-1])
    first = result["first"]
    assert first["shipped"] == 100 and first["printed"] == 0 and first["failed"] == 100
    (error,) = result["errors"]
    assert "The labels could not be written to" in error and "They are kept" in error, error
    assert result["state"] == "running"  # left open, not closed as done
    assert result["cached"] >= 5 and not result["output"]  # every fetched file kept (20 POs or fewer each)
    # Resumed with room on the disk: the kept files are merged, none asked for again, none shipped twice.
    assert result["second"]["printed"] == 100 and result["second"]["failed"] == 0
    assert result["state2"] == "done"
    totals = stats(sim)
    assert totals["ship_successes"] == totals["ship_attempts"] == 100
    assert totals["print_requests"] == 100  # each PO's labels fetched once across both runs
    assert len(PdfReader(tmp_path / "labels.pdf").pages) == result["pages"] > 100
