"""Connecting a shop: the authorisation code exchanged for tokens, kept in the keyring, and the
check that the authorisation covers Choice (JIT purchase orders).

The CLI's ``login`` and the window's "Connect shop" both go through :func:`connect_shop`, so the
owner gets the same steps and the same sentences in both. Against the simulator the same path runs
with its address (``simulator_url``): its authorise page, its token endpoints, its ``E1001``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from station.connector.http import HttpOptions
from station.credentials import CredentialStore, ShopCredentials
from station.lazada.authorize import AUTHORIZE_URL
from station.lazada.errors import NotChoiceSellerError
from station.lazada.jit import JitClient
from station.lazada.models import POQuery, TokenInfo
from station.lazada.ratelimit import RateLimiter
from station.lazada.regions import AUTH_GATEWAY, region_timezone
from station.lazada.tokens import TokenManager
from station.lazada.transport import Transport

# A week before the refresh token ends the owner is asked to authorise again: a refresh cannot
# extend it, and once it has ended every call stops until the shop is connected again.
REAUTHORISE_WARNING = timedelta(days=7)


@dataclass(frozen=True)
class Endpoints:
    """Where a shop's calls and its authorisation go: the platform's, or a simulator's."""

    gateway: str | None  # None: the region's gateway
    auth_gateway: str
    authorize_page: str

    @classmethod
    def platform(cls) -> Endpoints:
        return cls(None, AUTH_GATEWAY, AUTHORIZE_URL)

    @classmethod
    def simulator(cls, base_url: str) -> Endpoints:
        base = base_url.rstrip("/").removesuffix("/rest")
        return cls(f"{base}/rest", f"{base}/rest", f"{base}/oauth/authorize")


@dataclass(frozen=True)
class ConnectedShop:
    """What the platform answered for the authorisation, and whether it covers Choice."""

    account: str
    country: str
    seller_ids: tuple[str, ...]
    expires_at: datetime
    refresh_expires_at: datetime | None  # None: the tokens cannot be refreshed
    choice: bool


def token_life(tokens: TokenInfo) -> tuple[datetime, datetime | None]:
    """When the access token and the refresh token end (local time)."""
    refresh = datetime.fromtimestamp(tokens.refresh_expires_at) if tokens.can_refresh else None
    return datetime.fromtimestamp(tokens.expires_at), refresh


def needs_reauthorising(tokens: TokenInfo, now: datetime | None = None) -> bool:
    """Whether the authorisation ends within :data:`REAUTHORISE_WARNING` (or cannot be refreshed)."""
    _, refresh_end = token_life(tokens)
    moment = now or datetime.now()
    return refresh_end is None or refresh_end - moment <= REAUTHORISE_WARNING


def covers_choice(client: JitClient) -> bool:
    """One cheap JIT call (a page of one PO over the last day): ``E1001`` means the seller authorised
    without the "<country> - Choice" option. Any other failure is raised as it is."""
    start, end = client.window_ending_now(days=1)
    try:
        client.query_po_page(POQuery(start, end), page_index=1, page_size=1)
    except NotChoiceSellerError:
        return False
    return True


def connect_shop(
    creds: ShopCredentials, store: CredentialStore, code: str, endpoints: Endpoints | None = None
) -> ConnectedShop:
    """Exchange ``code`` for tokens, keep the credentials and tokens in the keyring, and check Choice.

    The credentials are saved only once the platform took the code: a refused code leaves the
    profile as it was."""
    where = endpoints or Endpoints.platform()
    transport = Transport(
        where.gateway or creds.region.gateway,
        creds.app_key,
        creds.app_secret,
        auth_url=where.auth_gateway,
        limiter=RateLimiter(0),
        options=HttpOptions(read_timeout=30.0),
    )
    tokens_manager = TokenManager(transport, store)
    client = JitClient(transport, tokens_manager, tz=region_timezone(creds.region), workers=1)
    try:
        tokens = tokens_manager.create(code)
        store.save(creds)
        choice = covers_choice(client)
    finally:
        client.close()
    expires, refresh_end = token_life(tokens)
    return ConnectedShop(tokens.account, tokens.country, tokens.seller_ids, expires, refresh_end, choice)
