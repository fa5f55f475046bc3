"""Builds a ready JIT client: on the embedded simulator (demo), on a running simulator, or on a
seller profile whose secrets are in the keyring."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from station.credentials import CredentialStore
from station.lazada.jit import JitClient
from station.lazada.models import PickupContact, TokenInfo
from station.lazada.ratelimit import RateLimiter
from station.lazada.regions import AUTH_GATEWAY, Region, region_timezone
from station.lazada.tokens import MemoryTokenStore, TokenManager
from station.lazada.transport import Transport
from station.simulator import demo

if TYPE_CHECKING:
    from station.simulator.config import SimulatorConfig
    from station.simulator.server import SimulatorServer

# The platform publishes no rate numbers; this keeps a bench well under any sensible limit.
DEFAULT_CALLS_PER_SECOND = 40.0

DEMO_CONTACT = PickupContact(
    area_code="PH",
    address_id=1_000_123,
    address_detail="Unit 5, Bench Street Warehouse, Pasig City, Metro Manila",
    mobile_phone="+639171234567",
    name="Demo Bench",
)


class NotConfiguredError(RuntimeError):
    pass


@dataclass
class Connection:
    client: JitClient
    region: Region
    simulator: SimulatorServer | None = None
    demo: bool = False

    def close(self) -> None:
        self.client.close()
        if self.simulator is not None:
            self.simulator.stop()


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
        url, demo.DEMO_APP_KEY, demo.DEMO_APP_SECRET, limiter=RateLimiter(calls_per_second), verify=verify,
        pool_size=max(16, workers * 2), read_timeout=read_timeout,
    )
    tokens = TokenManager(transport, MemoryTokenStore(_demo_tokens()))
    client = JitClient(transport, tokens, tz=region_timezone(region), workers=workers)
    return Connection(client=client, region=region, demo=True)


def connect_demo(
    config: SimulatorConfig | None = None,
    *,
    calls_per_second: float = DEFAULT_CALLS_PER_SECOND,
    workers: int = 8,
    read_timeout: float = 30.0,
) -> Connection:
    """Start an embedded simulator and connect to it."""
    # Imported here: the simulator draws PDFs with reportlab, which a real shop's start need not load.
    from station.simulator.config import SimulatorConfig
    from station.simulator.server import SimulatorServer

    server = SimulatorServer(config or SimulatorConfig())
    server.start()
    region = Region(server.config.region)
    connection = connect_simulator(server.url, region=region, calls_per_second=calls_per_second, workers=workers,
                                   read_timeout=read_timeout)
    connection.simulator = server
    return connection


def connect_profile(
    profile: str = "default",
    *,
    calls_per_second: float = DEFAULT_CALLS_PER_SECOND,
    workers: int = 8,
    gateway_url: str | None = None,
    read_timeout: float = 30.0,
) -> Connection:
    store = CredentialStore(profile)
    creds = store.load()
    if creds is None:
        raise NotConfiguredError(
            f"No shop is set up for profile {profile!r}. Run 'station-cli login' first (or use --demo)."
        )
    transport = Transport(
        gateway_url or creds.region.gateway, creds.app_key, creds.app_secret,
        auth_url=gateway_url or AUTH_GATEWAY, limiter=RateLimiter(calls_per_second),
        pool_size=max(16, workers * 2), read_timeout=read_timeout,
    )
    tokens = TokenManager(transport, store)
    client = JitClient(transport, tokens, tz=region_timezone(creds.region), workers=workers)
    return Connection(client=client, region=creds.region)
