"""``station-cli login``: a shop's app key and secret, and its tokens, into the OS keyring.

With ``--authorize`` the owner goes through the platform's authorisation (:mod:`station.shop_connect`):
the authorise page opens in the browser, the code comes back to a loopback callback by itself or is
pasted (the whole address the browser landed on will do), and the station says whether the
authorisation covers Choice. ``--auth-code`` takes a code got some other way; without either, tokens
are pasted by hand (advanced).
"""

from __future__ import annotations

import argparse
import getpass
import sys
import time
import webbrowser
from collections.abc import Callable
from datetime import datetime

from station.credentials import CredentialStore, ShopCredentials
from station.lazada.authorize import DEFAULT_CALLBACK, LoopbackCatcher, authorize_url, code_from, is_loopback
from station.lazada.models import TokenInfo
from station.lazada.regions import parse_region
from station.settings import Settings
from station.shop_connect import ConnectedShop, Endpoints, connect_shop

from .session import UsageError

__all__ = ["DEFAULT_CALLBACK", "cmd_login"]

NOT_CHOICE = (
    "This authorisation does not cover Choice: JIT purchase orders cannot be read (the platform answers E1001 "
    "'not jit seller'). Run 'station-cli login --authorize' again and pick the option that ends in '- Choice'."
)


def _when(moment: datetime | None) -> str:
    return f"{moment:%Y-%m-%d %H:%M}" if moment else "never (it cannot be refreshed)"


def _endpoints(args: argparse.Namespace) -> Endpoints:
    if args.simulator_url:
        return Endpoints.simulator(args.simulator_url)
    if args.gateway_url:  # the tests' and benches' simulators, by their gateway address
        return Endpoints.simulator(args.gateway_url)
    return Endpoints.platform()


def _authorise(args: argparse.Namespace, app_key: str, endpoints: Endpoints, read_line: Callable[[], str]) -> str:
    """The code, from the callback caught here or from what the owner pastes."""
    redirect = args.redirect_uri
    catcher: LoopbackCatcher | None = None
    if is_loopback(redirect):
        catcher = LoopbackCatcher(redirect)
        try:
            catcher.start()
        except OSError as exc:
            raise UsageError(
                f"Cannot listen on {redirect} ({exc.strerror or exc}); is another login running?"
            ) from None
        redirect = catcher.redirect_uri
    url = authorize_url(app_key, redirect, base=endpoints.authorize_page)
    print("Open this address in a browser, log in as the shop, pick '<country> - Choice' and press Authorise:")
    print(url, flush=True)
    if not args.no_browser:
        webbrowser.open(url)
    if catcher is not None:
        print(f"Waiting for the browser to come back to {redirect} ...", flush=True)
        code = catcher.wait(args.wait)
        if code is None:
            raise UsageError(f"No answer from the browser within {args.wait:g} s. Run the login again.")
        return code
    print("Paste the whole address the browser landed on (or the code), then Enter:", flush=True)
    return code_from(read_line())


def _report(profile: str, shop: ConnectedShop) -> int:
    where = ", ".join(part for part in (shop.account, shop.country.upper()) if part) or "the shop"
    print(f"Connected {where} for profile {profile!r}; credentials and tokens are in the system keyring.")
    print(
        f"Access token valid until {_when(shop.expires_at)}; the authorisation ends {_when(shop.refresh_expires_at)}."
    )
    if not shop.choice:
        print(NOT_CHOICE, file=sys.stderr)
        return 1
    print("Ready for Choice purchase orders.")
    return 0


def cmd_login(args: argparse.Namespace) -> int:
    region = parse_region(args.region)
    lines = sys.stdin.read().splitlines() if args.secrets_from_stdin else []

    def secret(prompt: str, index: int) -> str:
        if args.secrets_from_stdin:
            return lines[index].strip() if index < len(lines) else ""
        return getpass.getpass(prompt).strip()

    app_secret = secret("App secret: ", 0)
    if not app_secret:
        raise UsageError("The app secret is empty.")
    store = CredentialStore(args.profile)
    store.check_backend()
    creds = ShopCredentials(region, args.app_key.strip(), app_secret)
    endpoints = _endpoints(args)
    code = args.auth_code
    if args.authorize:
        code = _authorise(args, creds.app_key, endpoints, lambda: lines[1] if len(lines) > 1 else input())
    if code:
        shop = connect_shop(creds, store, code, endpoints)
        Settings().active_profile = args.profile
        return _report(args.profile, shop)
    access = secret("Access token: ", 1)
    refresh = secret("Refresh token: ", 2)
    if not access:
        raise UsageError("Give --authorize (or --auth-code), or paste the access token when asked.")
    now = time.time()
    # Unknown expiry: assume the shortest (7 days) so the refresh happens in time.
    tokens = TokenInfo(access, refresh, now + 7 * 86400, now + 30 * 86400 if refresh else 0)
    store.save_tokens(tokens)
    store.save(creds)
    Settings().active_profile = args.profile
    print(
        f"Saved the shop's credentials for profile {args.profile!r} in the system keyring"
        f" (token valid until {datetime.fromtimestamp(tokens.expires_at):%Y-%m-%d %H:%M})."
    )
    return 0
