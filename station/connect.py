"""Builds a ready JIT client on a seller profile whose secrets are in the keyring.

The demo's connections (the embedded simulator, a running one) are built by :mod:`station.demo`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from station.connector.http import HttpOptions
from station.credentials import CredentialStore
from station.lazada.jit import JitClient
from station.lazada.ratelimit import RateLimiter
from station.lazada.regions import AUTH_GATEWAY, Region, region_timezone
from station.lazada.tokens import TokenManager
from station.lazada.transport import Transport
from station.shop_connect import Endpoints

# The platform publishes no rate numbers; this keeps a bench well under any sensible limit.
DEFAULT_CALLS_PER_SECOND = 40.0


class NotConfiguredError(RuntimeError):
    pass


class Stoppable(Protocol):
    def stop(self) -> None: ...


@dataclass
class Connection:
    client: JitClient
    region: Region
    simulator: Stoppable | None = None  # the demo's embedded simulator (station.demo), stopped with the client
    demo: bool = False
    # Where the shop is authorised again from this window: the platform, or the simulator it runs on.
    endpoints: Endpoints = field(default_factory=Endpoints.platform)

    def close(self) -> None:
        self.client.close()
        if self.simulator is not None:
            self.simulator.stop()


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
        gateway_url or creds.region.gateway,
        creds.app_key,
        creds.app_secret,
        auth_url=gateway_url or AUTH_GATEWAY,
        limiter=RateLimiter(calls_per_second),
        options=HttpOptions(pool_size=max(16, workers * 2), read_timeout=read_timeout),
    )
    tokens = TokenManager(transport, store)
    client = JitClient(transport, tokens, tz=region_timezone(creds.region), workers=workers)
    endpoints = Endpoints.simulator(gateway_url) if gateway_url else Endpoints.platform()
    return Connection(client=client, region=creds.region, endpoints=endpoints)
