"""``raw_send``: a label PDF as the printer's language, sent down a route (the network port here; the CUPS
raw queue in ``test_raw_cups.py``); the Windows RAW sequence against a recording spooler (no Windows here)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from station.lazada.models import PdfSize
from station.printing.label_route import PrinterRoute, PrintPath
from station.printing.label_settings import LabelPrinterSettings, Language
from station.printing.merge import merge_pdfs
from station.printing.raw_send import RawPayload, last_command, pdf_to_payload, send_raw, spool_raw
from station.printing.raw_socket import RawPrinterError
from station.simulator.label_printer import VirtualLabelPrinter
from tests.printing.conftest import SimLabels
from tests.printing.dots import decode


@pytest.fixture
def printer() -> Iterator[VirtualLabelPrinter]:
    with VirtualLabelPrinter(dpi=203) as virtual:
        yield virtual


def _route(virtual: VirtualLabelPrinter, language: Language) -> PrinterRoute:
    return PrinterRoute(PrintPath.SOCKET, f"127.0.0.1:{virtual.port}", LabelPrinterSettings(language))


@pytest.fixture
def labels_100150(sim_labels: SimLabels, tmp_path: Path) -> tuple[Path, int]:
    merged = tmp_path / "batch.pdf"
    return merged, merge_pdfs(sim_labels.files[PdfSize.LABEL_100X150], merged).pages


@pytest.mark.parametrize("language", list(Language))
def test_a_pdf_goes_down_the_socket_route_and_each_label_is_handed_before_it_can_print(
    printer: VirtualLabelPrinter, labels_100150: tuple[Path, int], sim_labels: SimLabels, language: Language
) -> None:
    pdf, pages = labels_100150
    handed: list[tuple[int, int]] = []  # (n, labels printed when n was handed)
    result = send_raw(
        _route(printer, language),
        "Bench",
        pdf_to_payload(pdf, LabelPrinterSettings(language)),
        handed=lambda n: handed.append((n, printer.printed)),
    )
    assert result.path is PrintPath.SOCKET and result.labels == pages == printer.printed
    assert result.after is not None and result.after.waiting == 0
    assert [n for n, _ in handed] == list(range(1, pages + 1))
    assert all(printed_then < n for n, printed_then in handed)  # label n not out yet when n was stored
    read = [code for label in printer.labels for code in decode(label.page)]
    assert set(sim_labels.po_numbers) <= set(read)
    for label in printer.labels:
        assert abs(label.page.width - 799) <= 2 and abs(label.page.height - 1199) <= 2


@pytest.mark.parametrize("language", list(Language))
def test_a_resumed_payload_starts_at_the_label_asked(
    printer: VirtualLabelPrinter, labels_100150: tuple[Path, int], language: Language
) -> None:
    pdf, pages = labels_100150
    settings = LabelPrinterSettings(language)
    whole = list(pdf_to_payload(pdf, settings).labels)
    rest = pdf_to_payload(pdf, settings, start=2)
    assert list(rest.labels) == whole[2:] and len(whole) == pages
    send_raw(_route(printer, language), "Bench", pdf_to_payload(pdf, settings, start=pages - 1))
    assert printer.printed == 1


@pytest.mark.parametrize("language", list(Language))
def test_the_last_command_alone_makes_a_label(language: Language, labels_100150: tuple[Path, int]) -> None:
    label = next(iter(pdf_to_payload(labels_100150[0], LabelPrinterSettings(language)).labels))
    tail = label[last_command(label) :]
    assert tail == (b"^XZ\n" if language is Language.ZPL else b"PRINT 1\r\n")


def test_a_printer_out_of_labels_is_refused_before_any_byte(
    printer: VirtualLabelPrinter, labels_100150: tuple[Path, int]
) -> None:
    printer.set_paper_out(True)
    handed: list[int] = []
    with pytest.raises(RawPrinterError) as caught:
        send_raw(
            _route(printer, Language.ZPL),
            "Bench",
            pdf_to_payload(labels_100150[0], LabelPrinterSettings()),
            handed=handed.append,
        )
    assert caught.value.problem.kind == "print.raw_paper_out"
    assert handed == [] and printer.bytes_received == 3  # the status query alone


def test_the_pdf_route_is_not_a_raw_one(labels_100150: tuple[Path, int]) -> None:
    with pytest.raises(ValueError, match="PDF path"):
        send_raw(PrinterRoute(), "Office", RawPayload(Language.ZPL, b"", []))


class RecordingSpooler:
    """The winspool calls as made, and a spooler that takes at most 7 bytes a WritePrinter."""

    def __init__(self, fail_on: str = "") -> None:
        self.calls: list[tuple[str, object]] = []
        self.data = b""
        self.fail_on = fail_on

    def _call(self, name: str, arg: object = None) -> None:
        self.calls.append((name, arg))
        if name == self.fail_on:
            raise OSError(5, f"{name} failed")

    def open(self, printer: str) -> object:
        self._call("open", printer)
        return "handle"

    def start_doc(self, handle: object, title: str, datatype: str) -> None:
        self._call("start_doc", (title, datatype))

    def start_page(self, handle: object) -> None:
        self._call("start_page")

    def write(self, handle: object, data: bytes) -> int:
        self._call("write", len(data))
        self.data += data[:7]
        return min(7, len(data))

    def end_page(self, handle: object) -> None:
        self._call("end_page")

    def end_doc(self, handle: object) -> None:
        self._call("end_doc")

    def close(self, handle: object) -> None:
        self._call("close")


def test_windows_raw_is_one_raw_document_written_whole() -> None:
    spooler = RecordingSpooler()
    payload = RawPayload(Language.TSPL, b"SIZE 100 mm,150 mm\r\n", [b"CLS\r\nPRINT 1\r\n", b"CLS\r\nPRINT 1\r\n"])
    labels, sent = spool_raw(spooler, "ZDesigner", payload, "labels-3")
    names = [name for name, _ in spooler.calls]
    assert names[:3] == ["open", "start_doc", "start_page"] and names[-3:] == ["end_page", "end_doc", "close"]
    assert spooler.calls[1] == ("start_doc", ("labels-3", "RAW"))
    assert (labels, sent) == (2, len(spooler.data)) and spooler.data == b"SIZE 100 mm,150 mm\r\n" + 2 * (
        b"CLS\r\nPRINT 1\r\n"
    )


def test_windows_raw_ends_the_document_and_closes_when_a_write_fails() -> None:
    spooler = RecordingSpooler(fail_on="write")
    with pytest.raises(OSError):
        spool_raw(spooler, "ZDesigner", RawPayload(Language.ZPL, b"", [b"^XA^XZ\n"]), "")
    assert [name for name, _ in spooler.calls][-2:] == ["end_doc", "close"]
