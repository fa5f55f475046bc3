"""Takes the screenshots of connecting a shop (docs/ui.md, "Connecting a shop"): the Connect shop dialog
before, ready for Choice, and authorised without Choice (E1001); Settings' shop section and the whole
dialog; the first run; the window's bar a week before the authorisation ends. On a simulator, the authorise page driven as a
browser would (a form post), the code caught on the dialog's loopback callback.

Run under Xvfb from the repository root:

    xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots/take_connect.py [--lang zh_CN]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import keyring
import requests
from PySide6.QtCore import QCoreApplication, QObject, QSettings, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from take import MemoryKeyring, settle, wait  # noqa: E402

from station.connect import connect_profile  # noqa: E402
from station.credentials import ShopCredentials  # noqa: E402
from station.demo import DEMO_CONTACT  # noqa: E402
from station.lazada.regions import Region  # noqa: E402
from station.shop_connect import Endpoints  # noqa: E402
from station.simulator import demo  # noqa: E402
from station.simulator.config import SimulatorConfig  # noqa: E402
from station.simulator.server import SimulatorServer  # noqa: E402
from station.ui.app import install_translations, make_app  # noqa: E402
from station.ui.connect_shop import ConnectShopDialog  # noqa: E402
from station.ui.main_window import MainWindow, default_folders  # noqa: E402
from station.ui.settings_dialog import SettingsDialog  # noqa: E402
from station.ui.ui_settings import UiSettings  # noqa: E402

PROFILE = "bench-1"
CREDS = ShopCredentials(Region.PH, demo.DEMO_APP_KEY, demo.DEMO_APP_SECRET)


class _Form(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "input" and a.get("type") == "hidden":
            self.fields[a["name"]] = a.get("value", "")


class Browser(QObject):
    """Where openUrl goes: the authorise page, the site chosen, Authorise pressed (the redirect followed)."""

    site = "choice"

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        address = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
        with requests.Session() as session:
            form = _Form()
            form.feed(session.get(address, timeout=10).text)
            target = requests.compat.urljoin(address, "/oauth/authorize")
            session.post(target, data={**form.fields, "site": self.site, "action": "authorize"}, timeout=10)


def grab(widget: QWidget, name: str, suffix: str) -> None:
    settle(0.5)
    path = HERE / f"{name}{suffix}.png"
    widget.grab().save(str(path))
    print("wrote", path)


def connected(dialog: ConnectShopDialog, browser: Browser, site: str) -> None:
    browser.site = site
    dialog.shop = None
    dialog.connect_button.click()
    wait(lambda: dialog.shop is not None, 30)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    suffix = "" if args.lang == "en" else f"-{args.lang}"
    temp = Path(tempfile.mkdtemp(prefix="station-shots-"))
    os.environ["HOME"] = str(temp)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(temp / "config"))
    keyring.set_keyring(MemoryKeyring())
    app = make_app(["station"])
    install_translations(app, args.lang)
    browser = Browser()
    QDesktopServices.setUrlHandler("http", browser, "open")  # type: ignore[arg-type]
    sim = SimulatorServer(SimulatorConfig(pos=40, seed=7, refresh_ttl_seconds=10 * 86400.0))
    sim.start()
    settings = UiSettings()
    settings.sounds = False
    settings.active_profile = PROFILE
    settings.base.set_pickup_contact(PROFILE, DEMO_CONTACT)
    endpoints = Endpoints.simulator(sim.base_url)

    # 1. The dialog as it opens (the secret masked), 2. authorised without Choice, 3. ready.
    dialog = ConnectShopDialog(PROFILE, endpoints, creds=CREDS)  # the default callback, as a shop has it
    dialog.show()
    grab(dialog, "connect-shop", suffix)
    connected(dialog, browser, "marketplace")
    grab(dialog, "connect-shop-not-choice", suffix)
    connected(dialog, browser, "choice")
    grab(dialog, "connect-shop-ready", suffix)
    dialog.close()

    # 4. Settings' shop section, the shop connected; 5. the first run, Connect shop its way in.
    settings_dialog = SettingsDialog(settings, endpoints=endpoints)
    settings_dialog.show()
    shop_group = settings_dialog.shop_connect.parentWidget()
    assert shop_group is not None
    grab(shop_group, "settings-shop", suffix)
    grab(settings_dialog, "settings-dialog", suffix)
    settings_dialog.close()
    first = SettingsDialog(UiSettings(), first_run=True)
    first.profile.setCurrentText("new-shop")
    first.show()
    grab(first, "first-run", suffix)
    first.close()

    # 6. The window a week before the authorisation ends: the bar and its button.
    connection = connect_profile(PROFILE, gateway_url=endpoints.gateway)
    window = MainWindow(connection, settings, default_folders(temp / "data"), profile=PROFILE)
    window.resize(1600, 1000)
    window.show()
    indexed: list[bool] = []
    window.jit.po_list.items_indexed.connect(lambda: indexed.append(True))
    wait(lambda: indexed, 120)
    assert window.token_watch is not None
    window.token_watch.check(now=datetime.now() + timedelta(days=4))
    grab(window, "authorisation-ends", suffix)
    window.shutdown()
    window.close()
    connection.close()
    sim.stop()
    QCoreApplication.processEvents()
    time.sleep(0.1)
    sys.stdout.flush()
    os._exit(0)  # a screenshot tool: skip the interpreter's teardown of Qt objects


if __name__ == "__main__":
    sys.exit(main())
