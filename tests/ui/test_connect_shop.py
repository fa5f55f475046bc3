"""The Connect shop dialog against the simulator's authorise page: the code caught on the loopback
callback or pasted, E1001 said plainly with the way out, a code used twice refused, Esc stops the listening."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from station.credentials import CredentialStore, ShopCredentials
from station.lazada.authorize import LoopbackCatcher
from station.lazada.regions import Region
from station.shop_connect import Endpoints
from station.simulator import demo
from station.simulator.server import SimulatorServer
from station.ui.connect_shop import ConnectShopDialog
from tests.conftest import MemoryKeyring
from tests.test_shop_connect import browse

from .browser import UrlRecorder, opened_urls
from .conftest import WAIT_MS
from .test_zh_cn import chinese  # noqa: F401  (the fixture)

CREDS = ShopCredentials(Region.PH, demo.DEMO_APP_KEY, demo.DEMO_APP_SECRET)
FREE_CALLBACK = "http://127.0.0.1:0/callback"  # a free port: tests run side by side


@pytest.fixture
def browser() -> Iterator[UrlRecorder]:
    with opened_urls() as recorder:
        yield recorder


def make_dialog(qtbot: QtBot, sim: SimulatorServer, profile: str = "shop") -> ConnectShopDialog:
    dialog = ConnectShopDialog(profile, Endpoints.simulator(sim.base_url), creds=CREDS, callback=FREE_CALLBACK)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def connect(qtbot: QtBot, dialog: ConnectShopDialog, browser: UrlRecorder, *, site: str = "choice") -> None:
    """Press Connect shop; the scripted browser picks ``site`` and authorises; wait for the verdict."""
    browser.then = lambda url: browse(url, site=site).raise_for_status()
    with qtbot.waitSignal(dialog.connected, timeout=WAIT_MS):
        dialog.connect_button.click()


def test_the_loopback_callback_connects_a_choice_shop(
    qtbot: QtBot, sim: SimulatorServer, browser: UrlRecorder, isolated_environment: MemoryKeyring
) -> None:
    dialog = make_dialog(qtbot, sim)
    connect(qtbot, dialog, browser)
    assert len(browser.urls) == 1 and "/oauth/authorize?" in browser.urls[0]
    assert "client_id=100001" in browser.urls[0] and "force_auth=true" in browser.urls[0]
    assert dialog.verdict.text() == "Ready for Choice purchase orders."
    assert dialog.account.text() == f"Connected: {demo.DEMO_ACCOUNT}, PH"
    assert "the authorisation ends" in dialog.life.text()
    assert not dialog.again_button.isVisible()
    tokens = CredentialStore("shop").load_tokens()
    creds = CredentialStore("shop").load()
    assert tokens is not None and creds == CREDS
    shown = " ".join(w.text() for w in (dialog.status, dialog.account, dialog.life, dialog.verdict))
    for secret in (demo.DEMO_APP_SECRET, tokens.access_token, tokens.refresh_token):
        assert secret not in shown
    assert dialog.app_secret.echoMode() == dialog.app_secret.EchoMode.Password


def test_without_choice_the_dialog_says_to_authorise_again(
    qtbot: QtBot, sim: SimulatorServer, browser: UrlRecorder, isolated_environment: MemoryKeyring
) -> None:
    dialog = make_dialog(qtbot, sim)
    connect(qtbot, dialog, browser, site="marketplace")
    assert "E1001" in dialog.verdict.text() and "\u201cPhilippines - Choice\u201d" in dialog.verdict.text()
    assert "b71c1c" in dialog.verdict.styleSheet()
    assert dialog.again_button.isVisible()
    # Authorise again, this time choosing Choice: ready.
    connect(qtbot, dialog, browser, site="choice")
    assert dialog.verdict.text() == "Ready for Choice purchase orders."
    assert not dialog.again_button.isVisible()


def test_the_pasted_address_connects_and_a_code_is_good_once(
    qtbot: QtBot, sim: SimulatorServer, browser: UrlRecorder, isolated_environment: MemoryKeyring
) -> None:
    # The app's callback is a website: the browser lands there, the owner copies the address.
    dialog = ConnectShopDialog(
        "shop", Endpoints.simulator(sim.base_url), creds=CREDS, callback="https://shop.example.com/lazada/callback"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.connect_button.click()
    assert dialog.paste_row.isVisible() and dialog.connect_button.isEnabled()
    landed = browse_without_following(browser.urls[-1])
    assert landed.startswith("https://shop.example.com/lazada/callback?code=")
    dialog.paste.setText(landed)
    with qtbot.waitSignal(dialog.connected, timeout=WAIT_MS):
        dialog.use_paste.click()
    assert dialog.verdict.text() == "Ready for Choice purchase orders."

    again = ConnectShopDialog("other", Endpoints.simulator(sim.base_url), creds=CREDS)
    qtbot.addWidget(again)
    again.show()
    again.paste.setText(landed)
    again.use_pasted()
    qtbot.waitUntil(lambda: again.connect_button.isEnabled() and "refused" in again.status.text(), timeout=WAIT_MS)
    assert "used already" in again.status.text() and again.shop is None
    assert CredentialStore("other").load() is None


def test_a_paste_without_a_code_is_said_plainly(qtbot: QtBot, sim: SimulatorServer) -> None:
    dialog = make_dialog(qtbot, sim)
    dialog.paste.setText("https://shop.example.com/callback?state=1")
    dialog.use_pasted()
    assert "whole address" in dialog.status.text()


def test_escape_stops_the_listening(qtbot: QtBot, sim: SimulatorServer, browser: UrlRecorder) -> None:
    dialog = make_dialog(qtbot, sim)
    dialog.connect_button.click()
    catcher = dialog._catcher
    assert catcher is not None and not dialog.connect_button.isEnabled()
    callback = catcher.redirect_uri
    assert requests.get(callback.replace("/callback", "/elsewhere"), timeout=5).status_code == 404
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.runner.busy and refused(callback), timeout=WAIT_MS)
    # The same callback can be listened on again at once.
    again = LoopbackCatcher(callback)
    again.start()
    again.stop()


def refused(url: str) -> bool:
    try:
        requests.get(url, timeout=2)
    except requests.ConnectionError:
        return True
    return False


def browse_without_following(url: str) -> str:
    """The authorise page, Choice and Authorise; the address the browser would land on."""
    from tests.test_shop_connect import _Form

    with requests.Session() as session:
        page = session.get(url, timeout=10)
        form = _Form()
        form.feed(page.text)
        answer = session.post(
            requests.compat.urljoin(url, form.action),
            data={**form.fields, "site": "choice", "action": "authorize"},
            allow_redirects=False,
            timeout=10,
        )
    assert answer.status_code == 302
    return str(answer.headers["Location"])


@pytest.mark.usefixtures("chinese")
def test_the_dialog_and_the_bar_speak_chinese(
    qtbot: QtBot, sim: SimulatorServer, browser: UrlRecorder, isolated_environment: MemoryKeyring
) -> None:
    from station.ui.shop_life import ShopAuthBar

    from .test_zh_cn import english

    dialog = make_dialog(qtbot, sim)
    seen = english(dialog, ["shop"])
    connect(qtbot, dialog, browser, site="marketplace")  # E1001: the sentence and Authorise again
    seen += english(dialog, ["shop", demo.DEMO_ACCOUNT, "Philippines - Choice", "not jit seller"])
    connect(qtbot, dialog, browser)
    assert dialog.verdict.text() == "已可处理 Choice 采购单。"
    seen += english(dialog, ["shop", demo.DEMO_ACCOUNT])
    bar = ShopAuthBar()
    qtbot.addWidget(bar)
    bar.warn(datetime.now() + timedelta(days=3))
    seen += english(bar, [])
    bar.warn(None)
    seen += english(bar, [])
    assert not seen, seen
