"""The demo: the station on its built-in simulators, no account needed.

Everything that wires the product to a simulator is here: the Lazada connection on the embedded
simulator (or a running one, with the demo shop's credentials), the demo's pickup contact, and the
ERP tab's QianYi and Shoplazza simulators. The CLI imports it; the window imports it only when it
runs as a demo (``station --demo``, ``--simulator-url``), so a shop's station never loads a simulator.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from station.connect import DEFAULT_CALLS_PER_SECOND, Connection
from station.connector.http import HttpOptions
from station.erp.keystore import QianYiSettings, ShoplazzaSettings
from station.lazada.jit import JitClient
from station.lazada.models import PickupContact, TokenInfo
from station.lazada.ratelimit import RateLimiter
from station.lazada.regions import Region, region_timezone
from station.lazada.tokens import MemoryTokenStore, TokenManager
from station.lazada.transport import Transport
from station.shop_connect import Endpoints
from station.simulator import demo
from station.simulator.config import SimulatorConfig

if TYPE_CHECKING:
    from station.simulator.erp_base import HttpSimulator

__all__ = [
    "DEMO_CONTACT",
    "Connection",
    "ErpDemo",
    "SimulatorConfig",
    "connect_demo",
    "connect_simulator",
    "start_erp_demo",
]

DEMO_CONTACT = PickupContact(
    area_code="PH",
    address_id=1_000_123,
    address_detail="Unit 5, Bench Street Warehouse, Pasig City, Metro Manila",
    mobile_phone="+639171234567",
    name="Demo Bench",
)


def _demo_tokens() -> TokenInfo:
    return TokenInfo(
        access_token=demo.DEMO_ACCESS_TOKEN,
        refresh_token=demo.DEMO_REFRESH_TOKEN,
        # Unknown real expiry: assume a day; a refused token is refreshed once anyway.
        expires_at=time.time() + 86400,
        refresh_expires_at=time.time() + 30 * 86400,
        account=demo.DEMO_ACCOUNT,
        country="PH",
    )


def connect_simulator(
    url: str,
    *,
    region: Region = Region.PH,
    calls_per_second: float = DEFAULT_CALLS_PER_SECOND,
    workers: int = 8,
    verify: bool | str = True,
    read_timeout: float = 30.0,
) -> Connection:
    """A client on a running simulator, with the demo shop's credentials."""
    transport = Transport(
        url,
        demo.DEMO_APP_KEY,
        demo.DEMO_APP_SECRET,
        limiter=RateLimiter(calls_per_second),
        options=HttpOptions(verify=verify, pool_size=max(16, workers * 2), read_timeout=read_timeout),
    )
    tokens = TokenManager(transport, MemoryTokenStore(_demo_tokens()))
    client = JitClient(transport, tokens, tz=region_timezone(region), workers=workers)
    return Connection(client=client, region=region, demo=True, endpoints=Endpoints.simulator(url))


def connect_demo(
    config: SimulatorConfig | None = None,
    *,
    calls_per_second: float = DEFAULT_CALLS_PER_SECOND,
    workers: int = 8,
    read_timeout: float = 30.0,
) -> Connection:
    """Start an embedded simulator and connect to it."""
    # Imported here: the simulator's server draws PDFs with reportlab, loaded only when a demo starts.
    from station.simulator.server import SimulatorServer

    server = SimulatorServer(config or SimulatorConfig())
    server.start()
    region = Region(server.config.region)
    connection = connect_simulator(
        server.url, region=region, calls_per_second=calls_per_second, workers=workers, read_timeout=read_timeout
    )
    connection.simulator = server
    # The embedded simulator ends with the window: a shop connected from its Settings is a real one.
    connection.endpoints = Endpoints.platform()
    return connection


@dataclass
class ErpDemo:
    """The ERP tab's demo: QianYi and Shoplazza simulators on 127.0.0.1 and the settings to reach them."""

    qianyi: QianYiSettings
    shoplazza: ShoplazzaSettings
    simulators: tuple[HttpSimulator, ...]

    def stop(self) -> None:
        for sim in self.simulators:
            sim.stop()


def start_erp_demo() -> ErpDemo:
    """Start both ERP simulators with their demo data."""
    from station.simulator.qianyi import QianYiSimulator
    from station.simulator.qianyi import demo_settings as qianyi_settings
    from station.simulator.shoplazza import ShoplazzaSimulator
    from station.simulator.shoplazza import demo_settings as shoplazza_settings

    q_sim, s_sim = QianYiSimulator(), ShoplazzaSimulator()
    q_sim.start()
    try:
        s_sim.start()
    except BaseException:
        q_sim.stop()
        raise
    return ErpDemo(qianyi_settings(q_sim.base_url), shoplazza_settings(s_sim.base_url), (q_sim, s_sim))
