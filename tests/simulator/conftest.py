"""Fixtures for the simulator tests: a real server on a free port and a signing client."""

from __future__ import annotations

from typing import Any

import pytest

from station.simulator import SimulatorServer

from ._support import SMALL_CONFIG, Api


@pytest.fixture
def sim_defaults() -> dict[str, Any]:
    """The simulator tests run on SMALL_CONFIG (more history, to test the filters)."""
    return dict(SMALL_CONFIG)


@pytest.fixture
def api(sim: SimulatorServer) -> Api:
    return Api(sim)
