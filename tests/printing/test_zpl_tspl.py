"""ZPL II and TSPL encoding of label dots, and the raw printer's settings."""

from __future__ import annotations

import base64
import binascii
import zlib
from pathlib import Path

import pytest

from station.lazada.models import PdfSize
from station.printing import tspl, zpl
from station.printing.label_settings import LabelPrinterSettings, Language, MediaSensing
from station.printing.merge import merge_pdfs
from station.printing.raster import MonoPage, RasterSetup, Rotation, render_pages
from station.printing.raw_socket import parse_host_status, parse_tspl_status
from station.simulator.label_printer import JobError, decode_graphic_data, render_zpl
from tests.printing.conftest import SimLabels

PAGE = MonoPage(width=12, height=2, row_bytes=2, data=bytes([0b10000000, 0b00010000, 0xFF, 0xF0]))


def test_z64_is_zlib_base64_and_the_crc_of_the_base64_text() -> None:
    assert binascii.crc_hqx(b"123456789", 0) == 0x31C3  # CRC-16/XMODEM check value, as Z64 uses
    field = zpl.z64(PAGE.data)
    assert field.startswith(":Z64:")
    encoded, crc = field[5:].split(":")
    assert zlib.decompress(base64.b64decode(encoded)) == PAGE.data
    assert crc == f"{binascii.crc_hqx(encoded.encode(), 0):04x}"
    assert decode_graphic_data(field, len(PAGE.data)) == PAGE.data
    with pytest.raises(JobError, match="CRC"):
        decode_graphic_data(field[:-4] + f"{int(field[-4:], 16) ^ 1:04x}", 4)


def test_zpl_format_carries_size_settings_and_graphic() -> None:
    settings = LabelPrinterSettings(darkness=5, speed=4, upside_down=True, media=MediaSensing.BLACK_MARK)
    text = zpl.label(PAGE, settings).decode()
    assert text.startswith("^XA") and text.rstrip().endswith("^XZ")
    for command in ("^PW12", "^LL2", "^LH0,0", "^MNM", "^MD5", "^PR4", "^POI", "^FO0,0^GFA,4,4,2,:Z64:", "^PQ1"):
        assert command in text, command
    plain = zpl.label(PAGE, LabelPrinterSettings()).decode()
    assert "^MNY" in plain and "^PON" in plain and "^MD" not in plain and "^PR" not in plain
    page, copies = render_zpl(text, (0, 0))
    assert (page, copies) == (PAGE, 1)


def test_tspl_setup_and_bitmap_with_inverted_bits() -> None:
    settings = LabelPrinterSettings(Language.TSPL, size_mm=(60, 30), darkness=8, speed=3)
    setup = tspl.setup(settings).decode()
    assert setup.splitlines() == [
        "SIZE 60 mm,30 mm",
        "GAP 2 mm,0 mm",
        "DENSITY 8",
        "SPEED 3",
        "DIRECTION 0,0",
        "REFERENCE 0,0",
    ]
    black_mark = LabelPrinterSettings(Language.TSPL, media=MediaSensing.BLACK_MARK, gap_mm=3, upside_down=True)
    assert "BLINE 3 mm,0 mm" in tspl.setup(black_mark).decode()
    assert "DIRECTION 1,0" in tspl.setup(black_mark).decode()
    job = tspl.label(PAGE)
    header = b"CLS\r\nBITMAP 0,0,2,2,0,"
    assert job.startswith(header) and job.endswith(b"\r\nPRINT 1\r\n")
    assert job[len(header) : len(header) + 4] == bytes(255 - b for b in PAGE.data)  # TSPL: a 0 bit is a dot


@pytest.mark.parametrize(
    "settings",
    [
        {"dpi": 250},
        {"darkness": 31},
        {"language": Language.TSPL, "darkness": -1},
        {"speed": 1},
        {"language": Language.TSPL, "speed": 13},
        {"size_mm": (0, 30)},
    ],
)
def test_settings_out_of_range_are_refused(settings: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        LabelPrinterSettings(**settings)  # type: ignore[arg-type]


def test_settings_give_the_raster_setup() -> None:
    settings = LabelPrinterSettings(dpi=300, rotation=Rotation.CW90, offset_x=4, offset_y=-2)
    assert settings.raster_setup() == RasterSetup(dpi=300, rotation=Rotation.CW90, offset_x=4, offset_y=-2)


def test_a_100x150_label_is_at_most_30_kb_of_zpl(sim_labels: SimLabels, tmp_path: Path) -> None:
    merged = tmp_path / "batch.pdf"
    merge_pdfs(sim_labels.files[PdfSize.LABEL_100X150], merged)
    settings = LabelPrinterSettings()
    sizes = [len(chunk) for chunk in zpl.encode(render_pages(merged, settings.raster_setup()), settings)]
    assert sizes and max(sizes) <= 30 * 1024, max(sizes)
    tspl_sizes = [len(chunk) for chunk in tspl.encode(render_pages(merged, settings.raster_setup()), settings)]
    assert len(tspl_sizes) == len(sizes) + 1  # the setup, then a label each
    assert max(tspl_sizes) == 100 * 1198 + len(b"CLS\r\nBITMAP 0,0,100,1198,0,\r\nPRINT 1\r\n")


def test_status_answers_are_read() -> None:
    answer = (
        b"\x02030,1,0,1199,002,0,0,0,000,0,0,0\x03\r\n\x02001,0,1,0,0,2,4,0,00000003,1,000\x03\r\n\x021234,0\x03\r\n"
    )
    status = parse_host_status(answer)
    assert (status.paper_out, status.paused, status.head_open, status.waiting) == (True, False, True, 5)
    assert status.trouble() == "head_open"
    assert parse_tspl_status(b"\x10").trouble() == "paused"
    assert parse_tspl_status(b"\x04").trouble() == "paper_out"
    assert parse_tspl_status(b"\x20").waiting == 1
    assert parse_tspl_status(b"\x00").trouble() is None
    with pytest.raises(ValueError):
        parse_host_status(b"garbage")
