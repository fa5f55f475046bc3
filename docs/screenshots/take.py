"""Takes the screenshots of docs/ui.md: the real window on the demo simulator.

Run under Xvfb from the repository root:

    xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots/take.py [--lang zh_CN]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from station.credentials import CredentialStore, ShopCredentials  # noqa: E402
from station.demo import DEMO_CONTACT, connect_demo  # noqa: E402
from station.journal import open_journal  # noqa: E402
from station.lazada.models import POStatus, TokenInfo  # noqa: E402
from station.lazada.regions import Region  # noqa: E402
from station.simulator import demo  # noqa: E402
from station.simulator.config import SimulatorConfig  # noqa: E402
from station.ui.app import install_translations, make_app  # noqa: E402
from station.ui.main_window import MainWindow, default_folders  # noqa: E402
from station.ui.settings_dialog import SettingsDialog  # noqa: E402
from station.ui.ui_settings import UiSettings  # noqa: E402
from station.workflow.jobs import Job, JournalRef  # noqa: E402


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


def wait(predicate: Callable[[], object], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("screenshot step timed out")
        QCoreApplication.processEvents()
        time.sleep(0.02)


def settle(seconds: float = 0.4) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def grab(widget: QWidget, name: str, suffix: str) -> None:
    settle()
    path = HERE / f"{name}{suffix}.png"
    widget.grab().save(str(path))
    print("wrote", path)


def scan(window: MainWindow, code: str) -> None:
    results: list[bool] = []
    window.scan.handled.connect(lambda _c, ok: results.append(ok))
    QTest.keyClicks(window.jit.view.table, code)
    QTest.keyClick(window.jit.view.table, Qt.Key.Key_Return)
    wait(lambda: results)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    parser.add_argument("--screen", default="", metavar="WxH",
                        help="the Xvfb screen's size: the window sizes itself to it, as on a bench PC, and the "
                             "files are named ...-WxH")
    args = parser.parse_args()
    suffix = ("" if args.lang == "en" else f"-{args.lang}") + (f"-{args.screen}" if args.screen else "")
    temp = Path(tempfile.mkdtemp(prefix="station-shots-"))
    os.environ["HOME"] = str(temp)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(temp / "config"))
    keyring.set_keyring(MemoryKeyring())
    app = make_app(["station"])
    install_translations(app, args.lang)
    settings = UiSettings()
    settings.sounds = False
    settings.active_profile = "bench-1"
    settings.base.set_pickup_contact("bench-1", DEMO_CONTACT)
    store = CredentialStore("bench-1")
    store.save(ShopCredentials(Region.PH, demo.DEMO_APP_KEY, demo.DEMO_APP_SECRET))
    store.save_tokens(TokenInfo(demo.DEMO_ACCESS_TOKEN, demo.DEMO_REFRESH_TOKEN, time.time() + 86400,
                                time.time() + 30 * 86400, country="PH"))
    # Pickups move on in seconds here (the platform takes hours), and some fail: the Pickups view shows each kind.
    connection = connect_demo(SimulatorConfig(pos=300, seed=7, pack_delay_min=1.0, pack_delay_max=2.0,
                                              pickup_step_seconds=6.0, pickup_fail_rate=0.3))
    journal = JournalRef(open_journal(temp / "journal.sqlite3"), "bench-1")
    window = MainWindow(connection, settings, default_folders(temp / "data"), first_poll_after=0.8,
                        poll_interval=0.5, journal=journal)
    if not args.screen:
        window.resize(1600, 1000)
    window.show()
    indexed: list[bool] = []
    window.jit.po_list.items_indexed.connect(lambda: indexed.append(True))
    wait(lambda: indexed, 120)

    # 1. The day at a glance, a PO scanned: its items beside the list.
    target = window.jit.view.proxy.visible_pos()[4].purchase_order_no
    scan(window, target)
    wait(lambda: window.jit.view.items_panel.table.rowCount() > 0)
    settle(1.5)  # product pictures
    grab(window, "main-window", suffix)

    # 2. An unknown scan.
    scan(window, "LBX9999999999999")
    grab(window, "scan-unknown", suffix)

    # 3. The ship dialog.
    numbers = [po.purchase_order_no for po in window.jit.view.proxy.visible_pos()[10:34]]
    window.jit.po_list.select_numbers(numbers)
    window.jit.batches.ship()
    grab(window.jit.batches.ship_dialog, "ship-dialog", suffix)
    window.jit.batches.ship_dialog.reject()

    # 4. A whole run with a cancelled PO: per-PO results, retry.
    connection.simulator.state.cancel(numbers[3])  # type: ignore[union-attr]
    window.jit.po_list.select_numbers(numbers)
    finished: list[object] = []
    window.jit.batches.job_finished.connect(finished.append)
    window.jit.batches.run_all()
    wait(lambda: finished, 120)
    polled: list[bool] = []
    window.jit.po_list.polled.connect(lambda: polled.append(True))
    window.jit.po_list.poll()
    wait(lambda: polled)
    window.jit.view.tabs.setCurrentWidget(window.jit.view.batch_panel)
    results = window.jit.view.batch_panel.results
    failed_row = next(r for r in range(results.rowCount()) if results.text(r, 0) == numbers[3])
    window.jit.view.batch_panel.table.selectRow(failed_row)
    grab(window, "batch-results", suffix)

    # 5. The labels, previewed.
    window.jit.view.tabs.setCurrentWidget(window.jit.view.print_panel)
    window.jit.view.filters.set_status(POStatus.TO_PUT_AWAY)
    grab(window, "print-preview", suffix)

    # 6. The other views: marketplace orders (one selected) and the ERPs.
    window.views.tabs.setCurrentWidget(window.views.orders)
    wait(lambda: window.views.orders.model.rowCount() > 0)
    window.views.orders.table.selectRow(0)
    settle(1.5)
    grab(window, "orders-view", suffix)
    window.views.tabs.setCurrentWidget(window.views.erp)
    settle(2.5)
    grab(window, "erp-view", suffix)
    window.views.tabs.setCurrentIndex(0)

    # 7. A run whose pickup date the platform refuses: the dates it allows, offered.
    window.jit.view.filters.set_status(POStatus.TO_PACK)
    late = dataclasses.replace(DEMO_CONTACT, estimated_pickup_date=(date.today() + timedelta(days=12)).isoformat())
    refused = window.jit.view.proxy.visible_pos()[:6]
    finished.clear()
    window.jit.batches.start_job(Job.RUN, refused, late)
    wait(lambda: finished and window.jit.batches.pickup_date_dialog is not None, 120)
    offer = window.jit.batches.pickup_date_dialog
    assert offer is not None
    window.jit.view.batch_panel.table.selectRow(0)  # the platform's refusal, in the detail box
    settle(0.6)
    shot = window.screen().grabWindow(0)  # the whole screen: the results behind the offer
    shot.save(str(HERE / f"pickup-date-offer{suffix}.png"))
    print("wrote", HERE / f"pickup-date-offer{suffix}.png")
    offer.reject()

    # 8. Settings, and the first run.
    dialog = SettingsDialog(settings, parent=window)
    dialog.show()
    grab(dialog, "settings-dialog", suffix)
    dialog.close()
    first = SettingsDialog(UiSettings(), first_run=True)
    first.profile.setCurrentText("new-shop")
    first.show()
    grab(first, "first-run", suffix)
    first.close()

    # 8. End of the day: the run's pickup orders moving on, and the carton-label dialog.
    pickups = window.views.pickups
    pickups.poll_ms = 1000
    window.views.tabs.setCurrentWidget(pickups)
    wait(lambda: pickups.ever_loaded and pickups.model.rowCount() > 0, 60)
    wait(lambda: any(line.pickup.order is not None and line.pickup.order.car_driver_name
                     for line in pickups.model.lines), 60)
    pickups.select(pickups.model.lines[0].pickup.pickup_order_no)
    grab(window, "pickups-view", suffix)
    cartons = pickups.open_cartons()
    assert cartons is not None
    cartons.boxes.setValue(6)
    grab(cartons, "carton-dialog", suffix)
    cartons.reject()

    window.shutdown()
    window.close()
    connection.close()
    for widget in (first, dialog, window):
        widget.deleteLater()
    settle(0.2)
    sys.stdout.flush()
    os._exit(0)  # a screenshot tool: skip the interpreter's teardown of Qt objects


if __name__ == "__main__":
    sys.exit(main())
