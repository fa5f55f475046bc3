"""Takes the screenshots of calibrating a label printer (docs/printing.md, "Calibration"): Settings' label
printers with the 100x150 mm size on a network label printer (the virtual one, raw ZPL at 203 dpi), right after
its test label printed, and the calibration label as the virtual printer rendered it from the ZPL it received;
then the demo's window, its 100x150 mm labels sent from the Print tab to the demo's virtual label printer, and
"What the label printer printed".

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

from station.demo import connect_demo  # noqa: E402
from station.lazada.models import PdfSize  # noqa: E402
from station.printing.label_route import PrinterRoute, PrintPath  # noqa: E402
from station.printing.label_settings import LabelPrinterSettings, Language  # noqa: E402
from station.printing.pdfgen import render_pdf  # noqa: E402
from station.printing.print_items import PrintItem, PrintPO  # noqa: E402
from station.simulator.config import SimulatorConfig  # noqa: E402
from station.simulator.label_printer import VirtualLabelPrinter  # noqa: E402
from station.ui.app import install_translations, make_app, start_demo_label_printer  # noqa: E402
from station.ui.label_viewer import add_label_viewer  # noqa: E402
from station.ui.main_window import MainWindow, default_folders  # noqa: E402
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
    demo_window(temp, suffix)
    return 0


def demo_window(temp: Path, suffix: str) -> None:
    """As ``station --demo`` does: the printer started and routed before the window, the status bar's button."""
    settings = UiSettings()
    settings.sounds = False
    printer = start_demo_label_printer(settings)
    connection = connect_demo(SimulatorConfig(pos=30, seed=7))
    window = MainWindow(connection, settings, default_folders(temp / "data"), first_poll_after=0.5, poll_interval=0.5)
    button = add_label_viewer(window, printer)
    window.show()
    wait(lambda: window.jit.view.proxy.rowCount() > 0, 60)
    pos = [
        PrintPO(
            po.purchase_order_no, po.store_name, po.store_code, "Lazada JIT warehouse", (PrintItem("SKU", "", "0", 1),)
        )
        for po in window.jit.view.proxy.visible_pos()[:4]
    ]
    pdf = temp / "demo-labels.pdf"
    pdf.write_bytes(render_pdf(PdfSize.LABEL_100X150.value, pos, print_order=True, print_barcode=False))
    panel = window.jit.view.print_panel
    window.jit.view.tabs.setCurrentWidget(panel)
    panel.show_pdf(pdf, PdfSize.LABEL_100X150, [po.purchase_order_no for po in pos], len(pos))
    wait(lambda: panel.send_button.isEnabled(), 30)
    panel.send_current()
    wait(lambda: printer.printed == len(pos), 60)
    settle(1.0)
    button.click()
    assert button.viewer is not None
    wait(lambda: button.viewer is not None and button.viewer.labels.count() == len(pos), 10)
    grab(button.viewer, "demo-label-viewer", suffix)
    button.viewer.close()
    window.shutdown()
    window.close()
    connection.close()
    printer.stop()


if __name__ == "__main__":
    sys.exit(main())
