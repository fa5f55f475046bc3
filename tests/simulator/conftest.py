"""Fixtures for the simulator tests: a real server on a free port and a signing client."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from station.simulator import SimulatorServer

from ._support import Api, small_config


@pytest.fixture
def make_sim() -> Iterator[Callable[..., SimulatorServer]]:
    """Start simulators with :func:`small_config` overrides; all are stopped at the end."""
    started: list[SimulatorServer] = []

    def _make(**overrides: Any) -> SimulatorServer:
        server = SimulatorServer(small_config(**overrides)).start()
        started.append(server)
        return server

    yield _make
    for server in started:
        server.stop()


@pytest.fixture
def sim(make_sim: Callable[..., SimulatorServer]) -> SimulatorServer:
    return make_sim()


@pytest.fixture
def api(sim: SimulatorServer) -> Api:
    return Api(sim)
