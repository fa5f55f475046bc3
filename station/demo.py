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
from station.printing.label_route import PrinterRoute, PrintPath
from station.printing.label_settings import LabelPrinterSettings, Language
from station.printing.raster import MonoPage
from station.shop_connect import Endpoints
from station.simulator import demo
from station.simulator.config import SimulatorConfig

if TYPE_CHECKING:
    from station.simulator.erp_base import HttpSimulator
    from station.simulator.label_printer import VirtualLabelPrinter

__all__ = [
    "DEMO_CONTACT",
    "Connection",
    "DemoLabelPrinter",
    "ErpDemo",
    "SimulatorConfig",
    "connect_demo",
    "connect_simulator",
    "start_erp_demo",
    "start_label_printer",
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


DEMO_LABEL_SIZE = "LABEL_100X150"  # the paper size the demo routes to its virtual label printer
DEMO_LABELS_KEPT = 50  # what the viewer can show; the printer counts every label


@dataclass
class DemoLabelPrinter:
    """The demo's virtual label printer on 127.0.0.1: the route to it, and what it printed."""

    printer: VirtualLabelPrinter
    size: str = DEMO_LABEL_SIZE

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.printer.port}"

    @property
    def route(self) -> PrinterRoute:
        """ZPL at 203 dpi to its port, as a Zebra on the bench's network would be set up."""
        return PrinterRoute(PrintPath.SOCKET, self.address, LabelPrinterSettings(Language.ZPL, 203, (100.0, 150.0)))

    @property
    def printed(self) -> int:
        return self.printer.printed

    def pages(self) -> list[MonoPage]:
        """The labels it printed (the last ``DEMO_LABELS_KEPT``), newest first."""
        return [label.page for label in reversed(self.printer.labels)]

    def stop(self) -> None:
        self.printer.stop()


def start_label_printer() -> DemoLabelPrinter:
    """Start the virtual label printer on a free port of 127.0.0.1."""
    from station.simulator.label_printer import VirtualLabelPrinter

    return DemoLabelPrinter(VirtualLabelPrinter(dpi=203, keep=DEMO_LABELS_KEPT).start())
