"""The demo prints its 100x150 mm labels to the virtual label printer and shows what came out, without writing
the route into the settings file (a shop's)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from station.lazada.models import PdfSize
from station.printing.history import JobStatus
from station.printing.label_route import PrintPath, load_route
from station.printing.pdfgen import render_pdf
from station.printing.print_items import PrintItem, PrintPO
from station.printing.spooler import PrintService
from station.ui.app import start_demo_label_printer
from station.ui.label_viewer import add_label_viewer
from station.ui.print_panel import PrintPanel
from station.ui.ui_settings import UiSettings
from station.ui.worker import TaskRunner
from tests.printing.dots import decode

POS = [
    PrintPO(f"POJ26113000{n}", "Demo Store", "WH-01", "1 Dock Road", (PrintItem(f"SKU-{n}", "Mug", f"88{n}000111", 1),))
    for n in range(1, 4)
]


def test_the_demo_prints_to_its_virtual_label_printer_and_shows_the_labels(qtbot: QtBot, tmp_path: Path) -> None:
    ui = UiSettings()
    printer = start_demo_label_printer(ui)
    try:
        route = ui.route("LABEL_100X150")
        assert route.path is PrintPath.SOCKET and route.address == printer.address
        pdf = tmp_path / "labels.pdf"
        pdf.write_bytes(render_pdf(PdfSize.LABEL_100X150.value, POS, print_order=True, print_barcode=False))

        window = QMainWindow()
        qtbot.addWidget(window)
        button = add_label_viewer(window, printer)
        assert button.text() == "Label printer (demo): 0 label(s) printed"

        job = PrintService(tmp_path / "prints", ui.printing).print_file(
            pdf, PdfSize.LABEL_100X150, [po.purchase_order_no for po in POS]
        )
        assert job.status is JobStatus.PRINTED, job.error
        assert printer.printed == 3
        qtbot.waitUntil(lambda: button.text() == "Label printer (demo): 3 label(s) printed", timeout=5_000)

        button.click()
        viewer = button.viewer
        assert viewer is not None and viewer.isVisible()
        assert viewer.labels.count() == 3
        assert [viewer.labels.item(row).text() for row in range(3)] == ["Label 3", "Label 2", "Label 1"]
        # "label(s)": the English plurals are the app's translator, not loaded here
        assert "3 label(s) printed" in viewer.summary.text() and printer.address in viewer.summary.text()
        assert decode(printer.pages()[0]) == [POS[-1].purchase_order_no]  # newest first

        ui.sync()
        assert load_route(ui.q, "LABEL_100X150").path is PrintPath.PDF  # nothing written for the shop
        assert not any(key.startswith("label_printers") for key in ui.q.allKeys())
        viewer.close()
    finally:
        printer.stop()


def test_the_print_panel_names_a_network_label_printer(qtbot: QtBot, tmp_path: Path) -> None:
    ui = UiSettings()
    printer = start_demo_label_printer(ui)
    try:
        runner = TaskRunner()
        panel = PrintPanel(runner, ui, tmp_path / "prints")
        qtbot.addWidget(panel)
        panel.size_combo.setCurrentIndex(panel.size_combo.findData(PdfSize.LABEL_100X150))
        assert printer.address in panel.printer_label.text()
        runner.close()
    finally:
        printer.stop()
