"""Takes the screenshots of calibrating a label printer (docs/printing.md, "Calibration"): Settings' label
printers with the 100x150 mm size on a network label printer (the virtual one, raw ZPL at 203 dpi), right after
its test label printed, and the calibration label as the virtual printer rendered it from the ZPL it received.

Run under Xvfb from the repository root:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take_label_printer.py [--lang zh_CN]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import keyring
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QScrollArea

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from take import MemoryKeyring, grab, settle, wait  # noqa: E402

from station.printing.label_route import PrinterRoute, PrintPath  # noqa: E402
from station.printing.label_settings import LabelPrinterSettings, Language  # noqa: E402
from station.simulator.label_printer import VirtualLabelPrinter  # noqa: E402
from station.ui.app import install_translations, make_app  # noqa: E402
from station.ui.settings_dialog import SettingsDialog  # noqa: E402
from station.ui.ui_settings import UiSettings  # noqa: E402


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
    with VirtualLabelPrinter(dpi=203) as printer:
        settings = UiSettings()
        settings.active_profile = "bench-1"
        label = LabelPrinterSettings(Language.ZPL, 203, (100.0, 150.0), darkness=8, speed=4, offset_x=8, offset_y=-4)
        settings.set_route("LABEL_100X150", PrinterRoute(PrintPath.SOCKET, f"127.0.0.1:{printer.port}", label))
        dialog = SettingsDialog(settings)
        dialog.show()
        box = dialog.label_printers
        scroll = dialog.findChild(QScrollArea)
        assert scroll is not None
        settle(0.5)
        scroll.ensureWidgetVisible(box.test_result, 0, 0)
        box.test_button.setFocus()
        box.test_button.click()
        wait(lambda: printer.printed == 1 and box.test_button.isEnabled(), 30)
        scroll.ensureWidgetVisible(box.test_result, 0, 0)
        grab(dialog, "label-printer-settings", suffix)
        if not suffix:  # the label is the same in every language: the printer's own dots
            path = HERE / "calibration-label.png"
            printer.labels[0].save_png(path)
            print("wrote", path)
        dialog.reject()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
