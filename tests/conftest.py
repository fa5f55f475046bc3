"""Shared fixtures: every test gets its own folders and an in-memory keyring, never the real ones."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import pytest
from hypothesis import HealthCheck, settings
from keyring.backend import KeyringBackend

from station.connect import Connection
from station.demo import connect_simulator
from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from tests.hostile_server import HostileServer

# The CI machine has 2 cores shared with simulators and Qt: judge the properties, not the speed.
settings.register_profile("station", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("station")


class MemoryKeyring(KeyringBackend):
    """A real keyring backend (through keyring's interface) that keeps secrets in memory."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring leaves it unannotated; untyped_calls_exclude misses super()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.entries:
            import keyring.errors

            raise keyring.errors.PasswordDeleteError(username)
        del self.entries[(service, username)]


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """Redirect every standard folder to a temp dir and swap in a memory keyring."""
    home = tmp_path / "home"
    home.mkdir()
    for var, sub in (
        ("HOME", ""),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        monkeypatch.setenv(var, str(home / sub) if sub else str(home))
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / ".config"))
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def sim_defaults() -> dict[str, Any]:
    """The simulator settings of a test, before its own overrides: a small day, a fast pack."""
    return {"pos": 30, "history": 20, "seed": 5, "pack_delay_min": 0.2, "pack_delay_max": 0.5}


@pytest.fixture
def make_sim(sim_defaults: dict[str, Any]) -> Iterator[Callable[..., SimulatorServer]]:
    """Start simulators (real HTTP servers on 127.0.0.1) for a test; all stopped afterwards."""
    servers: list[SimulatorServer] = []

    def start(**overrides: Any) -> SimulatorServer:
        server = SimulatorServer(SimulatorConfig(**{**sim_defaults, **overrides}))
        server.start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def sim(make_sim: Callable[..., SimulatorServer]) -> SimulatorServer:
    return make_sim()


@pytest.fixture
def conn(sim: SimulatorServer) -> Iterator[Connection]:
    connection = connect_simulator(sim.url, read_timeout=10)
    yield connection
    connection.client.close()


@pytest.fixture
def hostile() -> Iterator[Callable[..., HostileServer]]:
    """Start hostile HTTP servers (tests/hostile_server.py) for a test; all stopped afterwards."""
    servers: list[HostileServer] = []

    def start(upstream: str | None = None) -> HostileServer:
        server = HostileServer(upstream=upstream).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
