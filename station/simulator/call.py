"""One API call of the JIT and pickup-order endpoints, after the gateway let it through."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from station.simulator.state import SimulatorState


@dataclass
class Call:
    state: SimulatorState
    params: Mapping[str, str]
    base_url: str  # http(s)://127.0.0.1:PORT, for image and file URLs
    penalize: Callable[[], None]  # count extra calls against the caller's flow limit
