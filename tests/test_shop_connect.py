"""Connecting a shop through the platform's authorisation, against the simulator's page: the code
caught on a loopback callback or pasted, the Choice check, codes good once, token life."""

from __future__ import annotations

import io
import sys
import threading
import time
from collections.abc import Callable
from html.parser import HTMLParser

import pytest
import requests

from station.connect import connect_profile
from station.credentials import CredentialStore, ShopCredentials
from station.lazada.authorize import LoopbackCatcher, authorize_url, code_from, is_loopback
from station.lazada.errors import (
    AuthCodeError,
    NotChoiceSellerError,
    RefreshTokenError,
    RequestValidationError,
)
from station.lazada.models import POQuery, TokenInfo
from station.lazada.regions import Region
from station.lazada.tokens import MemoryTokenStore, TokenManager
from station.lazada.transport import Transport
from station.shop_connect import Endpoints, connect_shop, needs_reauthorising
from station.simulator import demo
from station.simulator.server import SimulatorServer
from tests.conftest import MemoryKeyring
from tests.support import wait_until

CREDS = ShopCredentials(Region.PH, demo.DEMO_APP_KEY, demo.DEMO_APP_SECRET)


class _Form(HTMLParser):
    """The authorise page's form, read the way a browser would: its hidden fields and choices."""

    def __init__(self) -> None:
        super().__init__()
        self.action = ""
        self.fields: dict[str, str] = {}
        self.sites: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.action = a.get("action", "")
        elif tag == "input" and a.get("type") == "hidden":
            self.fields[a["name"]] = a.get("value", "")
        elif tag == "input" and a.get("type") == "radio":
            self.sites.append(a.get("value", ""))


def browse(url: str, *, site: str = "choice", action: str = "authorize") -> requests.Response:
    """Open the authorise page, pick ``site`` and press a button; follow the redirect to the callback."""
    with requests.Session() as browser:
        page = browser.get(url, timeout=10)
        assert page.status_code == 200, page.text
        form = _Form()
        form.feed(page.text)
        assert set(form.sites) == {"marketplace", "choice"}
        target = requests.compat.urljoin(url, form.action)
        return browser.post(target, data={**form.fields, "site": site, "action": action}, timeout=10)


def authorise(sim: SimulatorServer, *, site: str = "choice") -> str:
    catcher = LoopbackCatcher("http://127.0.0.1:0/callback")
    catcher.start()
    url = authorize_url(demo.DEMO_APP_KEY, catcher.redirect_uri, base=Endpoints.simulator(sim.base_url).authorize_page)
    landed = browse(url, site=site)
    assert "go back to Station" in landed.text
    code = catcher.wait(10)
    assert code
    return code


def test_authorised_with_choice_the_new_profile_lists_pos(
    sim: SimulatorServer, isolated_environment: MemoryKeyring
) -> None:
    code = authorise(sim)
    store = CredentialStore("shop")
    shop = connect_shop(CREDS, store, code, Endpoints.simulator(sim.base_url))
    assert shop.choice and shop.account == demo.DEMO_ACCOUNT and shop.country == "ph"
    assert shop.refresh_expires_at is not None and shop.refresh_expires_at > shop.expires_at
    saved = store.load_tokens()
    assert saved is not None and saved.access_token not in (demo.DEMO_ACCESS_TOKEN, "")
    conn = connect_profile("shop", gateway_url=sim.url)
    try:
        start, end = conn.client.window_ending_now(days=7)
        assert conn.client.list_pos(POQuery(start, end)), "the new profile reads the shop's POs"
    finally:
        conn.close()


def test_without_choice_the_station_says_to_authorise_again(
    sim: SimulatorServer, isolated_environment: MemoryKeyring
) -> None:
    code = authorise(sim, site="marketplace")
    shop = connect_shop(CREDS, CredentialStore("shop"), code, Endpoints.simulator(sim.base_url))
    assert not shop.choice
    conn = connect_profile("shop", gateway_url=sim.url)
    try:
        start, end = conn.client.window_ending_now(days=7)
        with pytest.raises(NotChoiceSellerError) as raised:
            conn.client.list_pos(POQuery(start, end))
        assert raised.value.code == "E1001"
        assert '"- Choice"' in raised.value.operator_message and "Traceback" not in raised.value.operator_message
    finally:
        conn.close()


def test_a_code_is_good_once_and_a_refused_code_saves_nothing(
    sim: SimulatorServer, isolated_environment: MemoryKeyring
) -> None:
    code = authorise(sim)
    connect_shop(CREDS, CredentialStore("first"), code, Endpoints.simulator(sim.base_url))
    second = CredentialStore("second")
    with pytest.raises(AuthCodeError) as raised:
        connect_shop(CREDS, second, code, Endpoints.simulator(sim.base_url))
    assert raised.value.problem.kind == "lazada.code_refused"
    assert second.load() is None and second.load_tokens() is None


def test_cancel_on_the_page_comes_back_as_refused(sim: SimulatorServer) -> None:
    catcher = LoopbackCatcher("http://127.0.0.1:0/callback")
    catcher.start()
    url = authorize_url(demo.DEMO_APP_KEY, catcher.redirect_uri, base=Endpoints.simulator(sim.base_url).authorize_page)
    browse(url, action="cancel")
    with pytest.raises(AuthCodeError) as raised:
        catcher.wait(10)
    assert raised.value.problem.kind == "auth.refused"


def test_a_refresh_does_not_extend_the_authorisation(make_sim: Callable[..., SimulatorServer]) -> None:
    sim = make_sim(refresh_ttl_seconds=3600.0)
    transport = Transport(sim.url, demo.DEMO_APP_KEY, demo.DEMO_APP_SECRET, auth_url=sim.url)
    manager = TokenManager(transport, MemoryTokenStore())
    try:
        created = manager.create(demo.DEMO_AUTH_CODE)
        refreshed = manager.refresh()
        assert refreshed.refresh_token != created.refresh_token
        assert abs(refreshed.refresh_expires_at - created.refresh_expires_at) < 2.5
    finally:
        transport.close()


def test_an_ended_authorisation_stops_with_a_sentence(make_sim: Callable[..., SimulatorServer]) -> None:
    sim = make_sim(refresh_ttl_seconds=1.0)
    transport = Transport(sim.url, demo.DEMO_APP_KEY, demo.DEMO_APP_SECRET, auth_url=sim.url)
    try:
        created = TokenManager(transport, MemoryTokenStore()).create(demo.DEMO_AUTH_CODE)
        wait_until(lambda: time.time() > created.refresh_expires_at + 0.5, what="the refresh token to end")
        # The station's copy says it still holds (a clock behind): the platform's answer decides.
        hopeful = TokenInfo(created.access_token, created.refresh_token, time.time() - 1, time.time() + 3600)
        with pytest.raises(RefreshTokenError) as raised:
            TokenManager(transport, MemoryTokenStore(hopeful)).refresh()
        assert "authorise" in raised.value.operator_message
        assert needs_reauthorising(created)
    finally:
        transport.close()


@pytest.mark.parametrize(
    "pasted, code",
    [
        ("0_100001_abc", "0_100001_abc"),
        ("https://shop.example.com/callback?code=0_100001_xyz&state=1", "0_100001_xyz"),
        ("  http://127.0.0.1:8719/callback?state=s&code=C-42  ", "C-42"),
    ],
)
def test_the_code_is_read_from_what_is_pasted(pasted: str, code: str) -> None:
    assert code_from(pasted) == code


def test_a_paste_without_a_code_or_with_a_refusal_is_said_plainly() -> None:
    with pytest.raises(RequestValidationError) as missing:
        code_from("https://shop.example.com/callback?state=1")
    assert "whole address" in missing.value.operator_message
    with pytest.raises(AuthCodeError) as refused:
        code_from("https://shop.example.com/callback?error=access_denied")
    assert refused.value.problem.kind == "auth.refused"
    assert is_loopback("http://127.0.0.1:8719/cb") and is_loopback("http://localhost/cb")
    assert not is_loopback("https://shop.example.com/cb")


def test_cli_login_authorises_through_the_browser(
    sim: SimulatorServer, isolated_environment: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    from station.cli.main import main

    out = io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.StringIO(demo.DEMO_APP_SECRET + "\n"))
    monkeypatch.setattr(sys, "stdout", out)
    result: list[int] = []
    args = ["login", "--region", "PH", "--app-key", demo.DEMO_APP_KEY, "--authorize", "--no-browser"]
    args += ["--redirect-uri", "http://127.0.0.1:0/callback", "--simulator-url", sim.base_url]
    args += ["--secrets-from-stdin", "--wait", "20"]
    worker = threading.Thread(target=lambda: result.append(main(args)))
    worker.start()

    def printed_address() -> str:
        return next((line for line in out.getvalue().splitlines() if "/oauth/authorize?" in line), "")

    browse(wait_until(printed_address, what="the authorise address"))
    worker.join(20)
    assert result == [0], out.getvalue()
    assert "Ready for Choice purchase orders." in out.getvalue()
    tokens = CredentialStore("default").load_tokens()
    assert tokens is not None and tokens.access_token not in out.getvalue()
