"""The calibration label, printed over TCP to the virtual label printer in ZPL and TSPL and read back from its
dots: the Code 128 scans at 203 dpi, every ruler tick is on its dot at 203 and 300 dpi, and an X/Y offset
moves the ticks by exactly that many dots."""

from __future__ import annotations

import os
import re
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from station.printing.calibration import (
    calibration_code,
    mm_to_dot,
    tick_mm,
    tick_width_dots,
    write_calibration_pdf,
)
from station.printing.calibration_print import CalibrationState, print_test_label
from station.printing.label_route import PrinterRoute, PrintPath
from station.printing.label_settings import LabelPrinterSettings, Language
from station.printing.raster import MonoPage, Rotation
from station.printing.raw_socket import RawPrinter, RawPrinterError, print_pdf
from station.simulator.label_printer import VirtualLabelPrinter
from tests.printing.conftest import _run, _unavailable, ensure_scheduler
from tests.printing.dots import decode, leftmost_and_top

NAME = "Zebra ZD421 bench 2"


def _bits(page: MonoPage, row: int) -> str:
    return "".join(f"{byte:08b}" for byte in page.data[row * page.row_bytes : (row + 1) * page.row_bytes])[: page.width]


def _column(page: MonoPage, x: int) -> str:
    return "".join(_bits(page, row)[x] for row in range(page.height))


def _runs(line: str) -> list[tuple[int, int]]:
    """(first dot, length) of each run of dots."""
    return [(match.start(), match.end() - match.start()) for match in re.finditer("1+", line)]


def _expected(length_mm: float, dpi: int, shift: int, limit: int) -> list[tuple[int, int]]:
    """The ticks of a ruler ``length_mm`` long moved by ``shift`` dots, as they show within ``limit`` dots."""
    width = tick_width_dots(dpi)
    runs = []
    for tick in range(int(length_mm) + 1):
        if mm_to_dot(tick, dpi) >= limit:
            continue  # off the label as drawn: nothing to shift in
        start, end = mm_to_dot(tick, dpi) + shift, mm_to_dot(tick, dpi) + shift + width
        start, end = max(start, 0), min(end, limit)
        if start < end:
            runs.append((start, end - start))
    return runs


def _print(tmp_path: Path, settings: LabelPrinterSettings) -> MonoPage:
    with VirtualLabelPrinter(dpi=settings.dpi) as virtual:
        pdf = write_calibration_pdf(tmp_path, NAME, settings)
        result = print_pdf(pdf, RawPrinter(NAME, "127.0.0.1", virtual.port, settings))
        assert result.labels == virtual.printed == 1 and virtual.errors == []
        (label,) = virtual.labels
        assert label.language is settings.language
        return label.page


@pytest.fixture(params=list(Language), ids=lambda language: language.name)
def language(request: pytest.FixtureRequest) -> Iterator[Language]:
    yield request.param


@pytest.mark.parametrize("size_mm", [(100.0, 150.0), (60.0, 30.0), (100.0, 100.0)])
def test_the_code_128_scans_at_203_dpi_on_a_label_of_its_size(
    tmp_path: Path, language: Language, size_mm: tuple[float, float]
) -> None:
    settings = LabelPrinterSettings(language, dpi=203, size_mm=size_mm)
    page = _print(tmp_path, settings)
    assert decode(page) == [calibration_code(settings)] == ["CAL203"]
    width, height = (round(side * 203 / 25.4) for side in size_mm)
    assert abs(page.width - width) <= 2 and abs(page.height - height) <= 2


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("size_mm", [(100.0, 150.0), (60.0, 30.0)])
def test_every_ruler_tick_lands_on_its_dot(
    tmp_path: Path, language: Language, dpi: int, size_mm: tuple[float, float]
) -> None:
    page = _print(tmp_path, LabelPrinterSettings(language, dpi=dpi, size_mm=size_mm))
    below_short_ticks = mm_to_dot(1.5, dpi)  # every tick is longer; the other ruler's 1 mm tick is above
    top = _runs(_bits(page, below_short_ticks))
    left = _runs(_column(page, below_short_ticks))
    assert top == _expected(size_mm[0], dpi, 0, page.width)
    assert left == _expected(size_mm[1], dpi, 0, page.height)
    assert len(top) >= size_mm[0] and len(left) >= size_mm[1]  # a tick a millimetre, edge to edge
    # the 5 and 10 mm ticks are longer: at 3 mm below the edge only they show, at 4.5 mm the 10s alone
    assert [start for start, _ in _runs(_bits(page, mm_to_dot(3.0, dpi)))][:3] == [
        0,
        mm_to_dot(5, dpi),
        mm_to_dot(10, dpi),
    ]
    tens = [start for start, _ in _runs(_bits(page, mm_to_dot(4.5, dpi)))]
    assert tens == [
        mm_to_dot(tick, dpi) for tick in range(0, int(size_mm[0]) + 1, 10) if mm_to_dot(tick, dpi) < page.width
    ]
    assert tick_mm(10) > tick_mm(5) > tick_mm(1)


@pytest.mark.parametrize(("offset_x", "offset_y"), [(16, 24), (-5, -3)])
def test_an_offset_moves_every_tick_by_exactly_that_many_dots(
    tmp_path: Path, language: Language, offset_x: int, offset_y: int
) -> None:
    size_mm = (60.0, 30.0)
    page = _print(
        tmp_path, LabelPrinterSettings(language, dpi=203, size_mm=size_mm, offset_x=offset_x, offset_y=offset_y)
    )
    row, column = mm_to_dot(1.5, 203) + offset_y, mm_to_dot(1.5, 203) + offset_x
    assert _runs(_bits(page, row)) == _expected(size_mm[0], 203, offset_x, page.width)
    assert _runs(_column(page, column)) == _expected(size_mm[1], 203, offset_y, page.height)
    assert decode(page) == ["CAL203"]  # the code moved with it and still scans


def test_a_rotated_route_gets_a_label_of_the_stocks_size(tmp_path: Path, language: Language) -> None:
    """Stock 30 mm across the head and 60 long, pages turned onto it: the label is drawn 60x30 and prints 30x60."""
    settings = LabelPrinterSettings(language, dpi=203, size_mm=(30.0, 60.0), rotation=Rotation.CW90)
    page = _print(tmp_path, settings)
    assert (page.width, page.height) == (239, 479)
    assert decode(page) == ["CAL203"]
    assert _print(tmp_path, replace(settings, rotation=Rotation.NONE)).width == 239


def test_the_label_names_the_printer_its_resolution_and_size(tmp_path: Path) -> None:
    from pypdf import PdfReader

    settings = LabelPrinterSettings(Language.TSPL, dpi=300, size_mm=(100.0, 150.0), darkness=8, offset_x=-4)
    text = PdfReader(write_calibration_pdf(tmp_path, NAME, settings)).pages[0].extract_text()
    for words in (NAME, "300 dpi", "100 x 150 mm", "TSPL", "Offset X -4", "darkness 8"):
        assert words in text


@pytest.fixture
def calibration_queue() -> Iterator[tuple[str, VirtualLabelPrinter]]:
    """A CUPS raw queue of its own (a unique name: other tests' queues are left alone) to the virtual printer."""
    missing = [tool for tool in ("lpadmin", "lpstat", "lp", "cancel") if shutil.which(tool) is None]
    if missing:
        _unavailable(f"missing {', '.join(missing)} (apt-get install cups)")
    if os.geteuid() != 0:
        _unavailable("creating a CUPS queue needs root")
    ensure_scheduler()
    with VirtualLabelPrinter(dpi=203) as virtual:
        queue = f"StationCalib_{uuid.uuid4().hex[:8]}"
        made = _run("lpadmin", "-p", queue, "-E", "-v", f"socket://127.0.0.1:{virtual.port}", "-m", "raw")
        if made.returncode != 0:
            _unavailable(f"lpadmin could not make the raw queue {queue}: {made.stderr.strip()}")
        try:
            yield queue, virtual
        finally:
            _run("cancel", "-a", queue)
            _run("lpadmin", "-x", queue)


@pytest.mark.parametrize("language", list(Language), ids=lambda language: language.name)
def test_the_test_label_through_a_cups_raw_queue_is_followed_to_printed(
    calibration_queue: tuple[str, VirtualLabelPrinter], tmp_path: Path, language: Language
) -> None:
    queue, virtual = calibration_queue
    route = PrinterRoute(PrintPath.CUPS_RAW, "", LabelPrinterSettings(language, offset_x=8, offset_y=16))
    result = print_test_label(route, queue, tmp_path, follow_s=60)
    assert result.state is CalibrationState.PRINTED and result.spool_id.startswith(f"{queue}-"), result
    assert virtual.wait_printed(1, timeout=30)
    (label,) = virtual.labels
    assert decode(label.page) == ["CAL203"] and label.language is language
    assert leftmost_and_top(label.page) == (8, 16)


def test_the_test_label_to_a_network_printer_offline_says_so(tmp_path: Path) -> None:
    with VirtualLabelPrinter(dpi=203) as virtual:
        route = PrinterRoute(PrintPath.SOCKET, f"127.0.0.1:{virtual.port}", LabelPrinterSettings())
        assert print_test_label(route, "", tmp_path).state is CalibrationState.PRINTED
        virtual.set_offline(True)
        with pytest.raises(RawPrinterError) as caught:
            print_test_label(route, "", tmp_path)
        assert caught.value.problem.kind == "print.raw_offline"
        assert f"'127.0.0.1:{virtual.port}'" in caught.value.operator_message
        assert virtual.printed == 1
