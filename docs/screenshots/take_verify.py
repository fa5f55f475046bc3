"""Takes the pack verification screenshots: the verify panel mid-way (a refused scan showing) and
the Stats tab, at a bench laptop's 1366x768.

Run under Xvfb from the repository root:

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take_verify.py [--lang zh_CN]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

import keyring  # noqa: E402
from take import MemoryKeyring, grab, scan, settle, wait  # noqa: E402

from station.demo import DEMO_CONTACT, connect_demo  # noqa: E402
from station.journal import open_journal  # noqa: E402
from station.lazada.models import POStatus  # noqa: E402
from station.simulator.config import SimulatorConfig  # noqa: E402
from station.ui.app import install_translations, make_app  # noqa: E402
from station.ui.main_window import MainWindow, default_folders  # noqa: E402
from station.ui.ui_settings import UiSettings  # noqa: E402
from station.workflow.jobs import JournalRef  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    suffix = ("" if args.lang == "en" else f"-{args.lang}") + "-1366x768"
    temp = Path(tempfile.mkdtemp(prefix="station-shots-"))
    os.environ["HOME"] = str(temp)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(temp / "config"))
    keyring.set_keyring(MemoryKeyring())
    app = make_app(["station"])
    install_translations(app, args.lang)
    settings = UiSettings()
    settings.sounds = False
    settings.base.set_pickup_contact(settings.active_profile, DEMO_CONTACT)
    connection = connect_demo(SimulatorConfig(pos=60, seed=7, pack_delay_min=1.0, pack_delay_max=2.0))
    journal = JournalRef(open_journal(temp / "journal.sqlite3"), "default")
    window = MainWindow(connection, settings, default_folders(temp / "data"), journal=journal)
    window.show()
    wait(lambda: window.jit.po_list.barcodes_ready, 120)
    verify, items = window.jit.verify, window.jit.po_list.items
    verify.sign_in("Ana Cruz")
    window.jit.view.verify.setChecked(True)
    candidates = [
        po.purchase_order_no
        for po in window.jit.view.proxy.visible_pos()
        if po.status is POStatus.TO_PACK and len(items.get(po.purchase_order_no, [])) >= 2
    ]
    no, other = candidates[0], candidates[1]
    opened: list[str] = []
    verify.opened.connect(opened.append)
    scan(window, no)
    wait(lambda: opened, 60)
    lines = items[no]
    for item in lines[:-1]:
        for _ in range(item.buyer_qty):
            scan(window, item.barcodes[0])
    scan(window, lines[-1].barcodes[0])
    ours = {code for item in lines for code in item.barcodes}
    foreign = next(code for item in items[other] for code in item.barcodes if code not in ours)
    scan(window, foreign)  # a wrong item: the panel's answer in red
    settle(1.5)  # product pictures
    grab(window, "verify-panel", suffix)

    # The PO finished, a second one started: the Stats tab has figures and bars.
    for item in lines[-1:]:
        for _ in range(item.buyer_qty - 1):
            scan(window, item.barcodes[0])
    wait(lambda: verify.current is not None and not verify.current.is_open, 30)
    settle(2.0)
    verify.desk.flush()
    window.views.tabs.setCurrentWidget(window.views.stats)
    wait(lambda: window.views.stats.reads > 0, 30)
    grab(window, "stats-tab", suffix)
    window.close()
    connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
