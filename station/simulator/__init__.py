"""A local HTTP server that behaves like the Lazada Open Platform's JIT purchase-order API.

Used by demo mode, the tests and the benchmarks. Start it with :class:`SimulatorServer`::

    with SimulatorServer(SimulatorConfig(pos=40)) as sim:
        client = make_client(base_url=sim.url, app_key=DEMO_APP_KEY, ...)

or from a shell with ``python -m station.simulator --help``.
"""

from typing import TYPE_CHECKING, Any

from station.simulator.config import SimulatorConfig, region_timezone
from station.simulator.demo import (
    DEMO_ACCESS_TOKEN,
    DEMO_APP_KEY,
    DEMO_APP_SECRET,
    DEMO_AUTH_CODE,
    DEMO_REFRESH_TOKEN,
    DEMO_SELLER_ID,
)

if TYPE_CHECKING:
    from station.simulator.server import SimulatorServer


def __getattr__(name: str) -> Any:
    # The server (and reportlab behind it) loads on first use, not whenever a demo constant is read.
    if name == "SimulatorServer":
        from station.simulator.server import SimulatorServer

        return SimulatorServer
    raise AttributeError(name)


__all__ = [
    "DEMO_ACCESS_TOKEN",
    "DEMO_APP_KEY",
    "DEMO_APP_SECRET",
    "DEMO_AUTH_CODE",
    "DEMO_REFRESH_TOKEN",
    "DEMO_SELLER_ID",
    "SimulatorConfig",
    "SimulatorServer",
    "region_timezone",
]
