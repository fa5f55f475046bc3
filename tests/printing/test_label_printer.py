"""Raw label printing end to end: the simulator's label files sent over TCP to the virtual label printer in
ZPL and in TSPL, read back from what it printed; a printer out of paper, paused, head open or offline."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from station.lazada.models import PdfSize
from station.printing import zpl
from station.printing.label_settings import LabelPrinterSettings, Language
from station.printing.merge import merge_pdfs
from station.printing.raster import render_pages
from station.printing.raw_socket import RawPrinter, RawPrinterError, print_pdf, query_status, send
from station.simulator.label_printer import VirtualLabelPrinter
from tests.printing.conftest import SimLabels
from tests.printing.dots import CARTON, carton_pdf, decode

SIZES_MM = {
    PdfSize.LABEL_100X150: (100.0, 150.0),
    PdfSize.LABEL_60X30: (60.0, 30.0),
    PdfSize.A4: (210.0, 297.0),
}
DOTS_203 = {PdfSize.LABEL_100X150: (799, 1199), PdfSize.LABEL_60X30: (479, 239), PdfSize.A4: (1678, 2374)}


@pytest.fixture
def printer() -> Iterator[VirtualLabelPrinter]:
    with VirtualLabelPrinter(dpi=203) as virtual:
        yield virtual


def _raw(virtual: VirtualLabelPrinter, language: Language, size_mm: tuple[float, float]) -> RawPrinter:
    return RawPrinter("Bench label printer", "127.0.0.1", virtual.port, LabelPrinterSettings(language, size_mm=size_mm))


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("size", list(PdfSize))
def test_every_label_prints_at_its_size_and_every_barcode_reads(
    printer: VirtualLabelPrinter, sim_labels: SimLabels, tmp_path: Path, size: PdfSize, language: Language
) -> None:
    merged = tmp_path / "batch.pdf"
    pages = merge_pdfs(sim_labels.files[size], merged).pages
    result = print_pdf(merged, _raw(printer, language, SIZES_MM[size]))
    assert result.labels == pages == printer.printed
    assert result.after.waiting == 0 and printer.errors == []
    decoded: list[str] = []
    for label in printer.labels:
        assert label.language is language
        width, height = DOTS_203[size]
        assert abs(label.page.width - width) <= 2 and abs(label.page.height - height) <= 2
        found = decode(label.page)
        assert len(found) == 1, found
        decoded += found
    assert set(sim_labels.po_numbers) <= set(decoded)
    assert set(decoded) <= set(sim_labels.po_numbers) | sim_labels.item_barcodes
    if size is not PdfSize.A4:
        assert set(decoded) - set(sim_labels.po_numbers), "no product label read"


@pytest.mark.parametrize("language", list(Language))
def test_carton_labels_print_and_read(printer: VirtualLabelPrinter, tmp_path: Path, language: Language) -> None:
    result = print_pdf(carton_pdf(tmp_path, boxes=4), _raw(printer, language, (100.0, 100.0)))
    assert result.labels == printer.printed == 4
    for label in printer.labels:
        assert abs(label.page.width - 799) <= 2 and abs(label.page.height - 799) <= 2
        assert decode(label.page) == [CARTON.pickup_order_no]


def test_what_the_printer_received_is_what_was_rendered(printer: VirtualLabelPrinter, sim_labels: SimLabels) -> None:
    pdf = sim_labels.files[PdfSize.LABEL_60X30][0]
    rendered = list(render_pages(pdf, LabelPrinterSettings(size_mm=(60, 30)).raster_setup()))
    for language in Language:
        printer.clear()
        print_pdf(pdf, _raw(printer, language, (60.0, 30.0)))
        assert [label.page for label in printer.labels] == rendered, language


def test_labels_are_written_as_png(printer: VirtualLabelPrinter, sim_labels: SimLabels, tmp_path: Path) -> None:
    print_pdf(sim_labels.files[PdfSize.LABEL_60X30][0], _raw(printer, Language.ZPL, (60.0, 30.0)))
    written = printer.write_pngs(tmp_path / "out")
    assert len(written) == printer.printed > 0
    image = QImage(str(written[0]))
    assert (image.width(), image.height()) == (printer.labels[0].page.width, printer.labels[0].page.height)


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize(
    ("state", "words"),
    [
        ("paper_out", "is out of labels. Load a new roll"),
        ("paused", "is paused. Press its pause or feed button"),
        ("head_open", "has its print head open. Close the head"),
    ],
)
def test_a_printer_that_cannot_print_is_refused_in_words_and_nothing_is_sent(
    printer: VirtualLabelPrinter, sim_labels: SimLabels, language: Language, state: str, words: str
) -> None:
    getattr(printer, f"set_{state}")(True)
    raw = _raw(printer, language, (60.0, 30.0))
    with pytest.raises(RawPrinterError) as caught:
        print_pdf(sim_labels.files[PdfSize.LABEL_60X30][0], raw)
    assert caught.value.problem.kind == f"print.raw_{state}"
    assert words in caught.value.operator_message
    assert caught.value.operator_message.endswith("Nothing was printed.")
    assert "'Bench label printer'" in caught.value.operator_message
    assert printer.printed == 0 and printer.waiting == 0 and printer.bytes_received == 3 * 1  # the status query
    getattr(printer, f"set_{state}")(False)
    assert query_status(raw).trouble() is None


@pytest.mark.parametrize("language", list(Language))
def test_an_offline_printer_refuses_and_comes_back(
    printer: VirtualLabelPrinter, sim_labels: SimLabels, language: Language
) -> None:
    raw = _raw(printer, language, (60.0, 30.0))
    printer.set_offline(True)
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(printer.address, timeout=2).close()
    with pytest.raises(RawPrinterError) as caught:
        print_pdf(sim_labels.files[PdfSize.LABEL_60X30][0], raw)
    assert caught.value.problem.kind == "print.raw_offline"
    assert "does not answer: it is off, unplugged or offline" in caught.value.operator_message
    assert printer.printed == 0 and printer.bytes_received == 0
    printer.set_offline(False)
    assert print_pdf(sim_labels.files[PdfSize.LABEL_60X30][0], raw).labels == printer.printed > 0


@pytest.mark.parametrize("language", list(Language))
def test_labels_waiting_behind_paper_out_are_reported_and_print_once_with_a_new_roll(
    printer: VirtualLabelPrinter, sim_labels: SimLabels, tmp_path: Path, language: Language
) -> None:
    merged = tmp_path / "batch.pdf"
    pages = merge_pdfs(sim_labels.files[PdfSize.LABEL_60X30], merged).pages
    assert pages > 3
    printer.load_roll(3)  # the roll runs out during the job
    with pytest.raises(RawPrinterError) as caught:
        print_pdf(merged, _raw(printer, language, (60.0, 30.0)))
    assert caught.value.problem.kind == "print.raw_waiting_paper_out"
    if language is Language.ZPL:  # ~HS counts the formats waiting; TSPL's status byte has no count
        assert caught.value.problem.params["count"] == pages - 3
    assert "ran out of labels before printing them all. Load a new roll" in caught.value.operator_message
    assert printer.printed == 3 and printer.waiting == pages - 3
    printer.load_roll(None)
    assert printer.printed == pages and printer.waiting == 0  # each label once, none twice


def test_a_line_that_breaks_mid_job_says_some_may_have_printed(printer: VirtualLabelPrinter) -> None:
    raw = _raw(printer, Language.ZPL, (60.0, 30.0))

    def chunks() -> Iterator[bytes]:
        yield b"^XA^PW8^LL1^FO0,0^GFA,1,1,1,FF^FS^XZ"
        printer.stop()
        yield b"x" * (8 * 1024 * 1024)  # more than the socket buffers hold, to a closed port

    with pytest.raises(RawPrinterError) as caught:
        send(raw, chunks(), timeout=5)
    assert caught.value.problem.kind == "print.raw_send_failed"
    assert "some may have printed" in caught.value.operator_message


def test_a_port_that_is_no_label_printer_gives_no_status(printer: VirtualLabelPrinter) -> None:
    silent = socket.create_server(("127.0.0.1", 0))
    try:
        raw = RawPrinter("Not a printer", "127.0.0.1", silent.getsockname()[1])
        with pytest.raises(RawPrinterError) as caught:
            query_status(raw, timeout=0.5)
        assert caught.value.problem.kind == "print.raw_no_status"
        assert "Check that it is set to ZPL" in caught.value.operator_message
    finally:
        silent.close()


def test_a_damaged_graphic_is_not_printed(printer: VirtualLabelPrinter) -> None:
    raw = _raw(printer, Language.ZPL, (60.0, 30.0))
    field = zpl.z64(b"\xff")
    damaged = field[:-4] + f"{int(field[-4:], 16) ^ 1:04x}"
    send(raw, [f"^XA^PW8^LL1^FO0,0^GFA,1,1,1,{damaged}^FS^XZ".encode()])
    assert query_status(raw).waiting == 0
    assert printer.printed == 0 and any("CRC" in error for error in printer.errors)


def test_simulator_flag_runs_a_label_printer(sim_labels: SimLabels, tmp_path: Path) -> None:
    out = tmp_path / "printed"
    command = [sys.executable, "-m", "station.simulator", "--pos", "2", "--port", "0"]
    process = subprocess.Popen(
        [*command, "--label-printer", "0", "--label-printer-out", str(out)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines: list[str] = []
        while not lines or "Press Ctrl+C" not in lines[-1]:
            line = process.stdout.readline()
            assert line, f"the simulator stopped: {lines}"
            lines.append(line)
        port = int(next(line for line in lines if line.startswith("Label printer")).rsplit(":", 1)[1])
        raw = RawPrinter("Demo", "127.0.0.1", port, LabelPrinterSettings(Language.TSPL, size_mm=(60, 30)))
        labels = print_pdf(sim_labels.files[PdfSize.LABEL_60X30][0], raw).labels
        process.send_signal(signal.SIGINT)
        rest, _ = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0
    assert f"Label printer: {labels} labels written to {out}" in rest
    assert len(list(out.glob("*.png"))) == labels
