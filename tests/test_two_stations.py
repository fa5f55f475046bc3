"""Two stations started on one PC (the same bench name) on one SQLite journal: the second never
resumes the batch the first is running, and resumes it at once when the first was killed."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_resume import journal_steps
from tests.two_stations import Sim, killed_holder_is_resumed, second_station_is_refused, start_sim

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX-only")

# 40 POs that the platform packs in 4-6 s, 60 ms a call: the first station is mid-batch when the second starts.
SIM_FLAGS = ("--pos", "40", "--history", "0", "--seed", "16", "--pack-delay", "4-6", "--latency-ms", "60")


@pytest.fixture
def sim() -> Iterator[Sim]:
    server = start_sim(*SIM_FLAGS)
    yield server
    server.stop()


def test_second_station_on_this_pc_does_not_resume_the_live_batch(sim: Sim, tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite3"
    second_station_is_refused(sim, str(journal), tmp_path, lambda: journal_steps(journal))
    assert not list(tmp_path.glob("journal.sqlite3-batch-*.lock"))  # a finished batch's lock file is gone


def test_batch_of_a_killed_station_is_resumed_by_the_next_one_at_once(sim: Sim, tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite3"
    killed_holder_is_resumed(sim, str(journal), tmp_path, lambda: journal_steps(journal))
    assert not list(tmp_path.glob("journal.sqlite3-batch-*.lock"))
