"""Two stations started on one PC (the same bench name) on one shared PostgreSQL journal: the second
never resumes the batch the first is running, and resumes it at once when the first was killed."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from tests.test_two_stations import SIM_FLAGS
from tests.two_stations import Sim, killed_holder_is_resumed, second_station_is_refused, start_sim

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX-only")


@pytest.fixture
def sim() -> Iterator[Sim]:
    server = start_sim(*SIM_FLAGS)
    yield server
    server.stop()


def steps_of(url: str) -> int:
    try:
        with psycopg.connect(url) as db:
            row = db.execute("SELECT COUNT(*) FROM steps").fetchone()
    except psycopg.errors.UndefinedTable:
        return 0  # the first station is creating the schema right now
    return int(row[0]) if row else 0


def test_second_station_on_this_pc_does_not_resume_the_live_batch_pg(sim: Sim, pg_url: str, tmp_path: Path) -> None:
    second_station_is_refused(sim, pg_url, tmp_path, lambda: steps_of(pg_url))


def test_batch_of_a_killed_station_is_resumed_by_the_next_one_at_once_pg(sim: Sim, pg_url: str, tmp_path: Path) -> None:
    killed_holder_is_resumed(sim, pg_url, tmp_path, lambda: steps_of(pg_url))
