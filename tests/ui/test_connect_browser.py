"""End to end in a real browser: the window's Connect shop opens the simulator's authorise page in
headless Chromium (Debian's ``chromium`` and ``chromium-driver``, driven by Selenium), the browser
picks "<Country> - Choice" and presses Authorise, the simulator sends it to the station's loopback
callback, the dialog says "Ready for Choice", and ``station --simulator-url URL --profile NAME``
then lists the shop's POs as that profile.

CI installs the browser (``.ci/run``) and sets ``STATION_REQUIRE_BROWSER=1``: there a missing one fails.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from station.credentials import CredentialStore
from station.demo import connect_simulator
from station.shop_connect import Endpoints
from station.simulator import demo
from station.simulator.server import SimulatorServer
from station.ui import app
from station.ui.connect_shop import ConnectShopDialog
from station.ui.main_window import MainWindow, default_folders
from station.ui.ui_settings import UiSettings
from tests.conftest import MemoryKeyring
from tests.test_shop_connect import CREDS

from .browser import UrlRecorder, opened_urls
from .conftest import WAIT_MS

REQUIRED = os.environ.get("STATION_REQUIRE_BROWSER") == "1"  # .ci/run installs it: a missing one fails there
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
PROFILE = "bench-2"


def need_browser() -> None:
    missing = [tool for tool in ("chromium", "chromedriver") if shutil.which(tool) is None]
    if missing:
        message = f"{', '.join(missing)} not installed (apt-get install chromium chromium-driver)"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def chromium() -> Iterator[Any]:
    need_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or CHROMIUM
    # As root in a container: no sandbox, and /dev/shm is small.
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(argument)
    # The driver from Debian's package, named: Selenium must not go looking for one on the network.
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def browser() -> Iterator[UrlRecorder]:
    with opened_urls() as recorder:
        yield recorder


def authorise_in(driver: Any, url: str) -> str:
    """What an owner does on the platform's page: "<Country> - Choice", then Authorise."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url)
    assert "Philippines - Choice" in driver.find_element(By.TAG_NAME, "body").text
    driver.find_element(By.ID, "site-choice").click()
    driver.find_element(By.ID, "authorize").click()
    # The form posts, the simulator redirects to the callback: wait for the station's landing page. While
    # the browser is between pages, reading the body fails in several ways (a stale or missing element,
    # Chromium's "unhandled inspector error"): every WebDriverException there means "not landed yet";
    # a browser that never lands ends in the wait's timeout.
    landing = WebDriverWait(driver, 20, ignored_exceptions=(WebDriverException,))
    landing.until(lambda d: "go back to Station" in d.find_element(By.TAG_NAME, "body").text)
    return str(driver.find_element(By.TAG_NAME, "body").text)


def test_connect_shop_in_a_real_browser_then_list_as_the_new_profile(
    qtbot: QtBot,
    sim: SimulatorServer,
    chromium: Any,
    browser: UrlRecorder,
    tmp_path: Path,
    settings: UiSettings,
    isolated_environment: MemoryKeyring,
) -> None:
    started = time.monotonic()
    dialog = ConnectShopDialog(
        PROFILE, Endpoints.simulator(sim.base_url), creds=CREDS, callback="http://127.0.0.1:0/callback"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.connect_button.click()
    assert len(browser.urls) == 1, "the authorise page went to the browser"
    landed = authorise_in(chromium, browser.urls[0])
    assert "go back to Station" in landed, landed
    assert chromium.current_url.startswith("http://127.0.0.1:") and "code=" in chromium.current_url
    qtbot.waitUntil(lambda: dialog.shop is not None, timeout=WAIT_MS)
    assert dialog.verdict.text() == "Ready for Choice purchase orders."
    tokens = CredentialStore(PROFILE).load_tokens()
    assert tokens is not None and tokens.access_token != demo.DEMO_ACCESS_TOKEN
    dialog.close()

    # station --simulator-url URL --profile bench-2: the shop just connected, on the simulator.
    args = app.parse_args(["--simulator-url", sim.base_url, "--profile", PROFILE])
    connection = app.connect(args, settings)
    assert connection is not None and not connection.demo
    window = MainWindow(connection, settings, default_folders(tmp_path / "data"), profile=PROFILE, poll_ms=60_000)
    qtbot.addWidget(window)
    try:
        window.show()
        with qtbot.waitSignal(window.jit.po_list.items_indexed, timeout=WAIT_MS):
            pass
        assert window.jit.view.proxy.visible_pos(), "the new profile lists the shop's POs"
        assert window.windowTitle().endswith(PROFILE)
        assert connection.client.tokens.tokens == tokens
        assert not window.shop_bar.isVisible()
    finally:
        window.shutdown()
        window.close()
        connection.close()
    print(f"connect in a real browser and list: {time.monotonic() - started:.1f} s")


def test_a_profile_without_a_shop_stays_the_demo_on_the_simulator(sim: SimulatorServer, settings: UiSettings) -> None:
    args = app.parse_args(["--simulator-url", sim.base_url, "--profile", "nobody"])
    connection = app.connect(args, settings)
    assert connection is not None
    try:
        assert connection.demo and connection.endpoints == Endpoints.simulator(sim.base_url)
    finally:
        connection.close()
    reference = connect_simulator(sim.url)
    assert reference.demo
    reference.close()
