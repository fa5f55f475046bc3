"""The calibration label: a test label that shows where a raw label printer really puts its dots.

Millimetre ruler marks run along the top and the left edge of the label (every millimetre, longer every 5
and 10, numbered every 10), with a Code 128, the printer's name, its resolution and the label size. It is
drawn at the label's size for the printer's resolution, then goes the way every label of that printer
goes: rasterised with the route's rotation and X/Y offsets and encoded in its language. Reading it tells
the owner what to change: a 10 mm mark that prints at 11 mm from the label's left edge means an X offset
of one millimetre less (8 dots at 203 dpi); faint or smudged marks mean less or more darkness.

Each tick is drawn on the printer's dot grid (its left or top edge on a whole dot, its width whole dots),
so the raster has it exactly there: the tick of ``k`` mm starts at dot ``round(k * dpi / 25.4)`` plus the
offset, and tests can hold it to the dot.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from station.printing.label_settings import LabelPrinterSettings
from station.printing.pdfgen import BOLD, FONT, QUIET_MODULES, barcode_modules, fit
from station.printing.raster import Rotation

MM_PER_INCH = 25.4
TICK_MM = 0.25  # a tick's width: 2 dots at 203 dpi, 3 at 300, 6 at 600
SHORT_MM, MIDDLE_MM, LONG_MM = 2.0, 3.5, 5.0  # every 1, 5 and 10 mm
RULER_MM = 9.0  # what the rulers (ticks and numbers) take from the top and the left edge
MODULE_MM = 0.25  # the barcode's narrowest bar, before snapping to whole dots


def mm_to_dot(value_mm: float, dpi: int) -> int:
    """The dot a millimetre position falls on (the nearest)."""
    return round(value_mm * dpi / MM_PER_INCH)


def tick_width_dots(dpi: int) -> int:
    return max(1, mm_to_dot(TICK_MM, dpi))


def tick_mm(tick: int) -> float:
    """How long the tick at ``tick`` mm is."""
    if tick % 10 == 0:
        return LONG_MM
    return MIDDLE_MM if tick % 5 == 0 else SHORT_MM


def page_size_mm(settings: LabelPrinterSettings) -> tuple[float, float]:
    """The page as drawn: the stock's size, turned back when the route rotates pages onto the stock
    (``size_mm`` is the label on the printer: width across the head, length fed)."""
    width, length = settings.size_mm
    return (length, width) if settings.rotation in (Rotation.CW90, Rotation.CW270) else (width, length)


def calibration_code(settings: LabelPrinterSettings) -> str:
    """What the label's Code 128 holds: short enough for a 60x30 label."""
    return f"CAL{settings.dpi}"


def describe(printer: str, settings: LabelPrinterSettings) -> list[str]:
    """The label's lines of text, most telling first (a 60x30 label shows the first three)."""
    width, length = settings.size_mm
    darkness = "printer's own" if settings.darkness is None else str(settings.darkness)
    per_mm = settings.dpi / MM_PER_INCH
    return [
        printer or "Label printer",
        f"{settings.dpi} dpi · {width:g} x {length:g} mm · {settings.language.name}",
        f"Offset X {settings.offset_x} · Y {settings.offset_y} dots · darkness {darkness}",
        "The marks are millimetres from the label's top and left edges.",
        f"Print sits too far right or low: lower X or Y by {per_mm:.1f} dots a mm.",
        "Faint or broken bars: more darkness. Smudged bars: less.",
    ]


class _Grid:
    """Drawing in printer dots on a reportlab canvas: x from the left, y from the top of the page."""

    def __init__(self, canvas: Canvas, dpi: int, height_pt: float) -> None:
        self.canvas, self.dpi, self.height_pt = canvas, dpi, height_pt

    def pt(self, dots: float) -> float:
        return dots * 72.0 / self.dpi

    def rect(self, x: int, y: int, width: int, height: int) -> None:
        """Whole dots, filled: pdfium renders it onto exactly these dots."""
        self.canvas.rect(
            self.pt(x), self.height_pt - self.pt(y + height), self.pt(width), self.pt(height), stroke=0, fill=1
        )


def _rulers(grid: _Grid, width_mm: float, height_mm: float) -> None:
    dpi = grid.dpi
    thick = tick_width_dots(dpi)
    canvas = grid.canvas
    canvas.setFont(FONT, 6)
    for tick in range(math.floor(width_mm) + 1):  # along the top edge: vertical ticks down from it
        x = mm_to_dot(tick, dpi)
        grid.rect(x, 0, thick, mm_to_dot(tick_mm(tick), dpi))
        if tick % 10 == 0 and 0 < tick < width_mm - 2:
            canvas.drawCentredString(grid.pt(x + thick / 2), grid.height_pt - (LONG_MM + 2.6) * mm, str(tick))
    for tick in range(math.floor(height_mm) + 1):  # along the left edge: horizontal ticks right from it
        y = mm_to_dot(tick, dpi)
        grid.rect(0, y, mm_to_dot(tick_mm(tick), dpi), thick)
        if tick % 10 == 0 and 0 < tick < height_mm - 2:
            canvas.drawString((LONG_MM + 0.6) * mm, grid.height_pt - grid.pt(y + thick / 2) - 1.0 * mm, str(tick))


def _barcode(grid: _Grid, value: str, left_mm: float, top_mm: float, width_mm: float, height_mm: float) -> None:
    """A Code 128 with its modules whole dots of this printer, its left edge on a dot."""
    dpi = grid.dpi
    modules = barcode_modules(value) + 2 * QUIET_MODULES
    narrowest = max(1, mm_to_dot(MODULE_MM, dpi))
    fits = math.floor(width_mm * dpi / MM_PER_INCH / modules)
    dots = max(1, min(2 * narrowest, fits))  # up to twice the narrowest where there is room: scans sooner
    module_pt = grid.pt(dots)
    quiet = QUIET_MODULES * module_pt
    symbol = Code128(value, barWidth=module_pt, barHeight=height_mm * mm, quiet=1, lquiet=quiet, rquiet=quiet)
    x = mm_to_dot(left_mm, dpi)
    symbol.drawOn(grid.canvas, grid.pt(x), grid.height_pt - (top_mm + height_mm) * mm)


def calibration_pdf(printer: str, settings: LabelPrinterSettings, *, whole_dots: bool = True) -> bytes:
    """The calibration label as a one-page PDF, drawn for ``settings`` (size, resolution).

    ``whole_dots``: the page is whole dots (60 mm at 203 dpi: 479 dots, 59.93 mm), for the raw paths:
    QtPdf then renders it at exactly the printer's dpi, and a tick far from the edge lands on its dot, not
    half a dot off. Without it the page is the label's exact size (the PDF path: the driver rasterises).
    """
    dpi = settings.dpi
    width_mm, height_mm = page_size_mm(settings)
    page_pt = (width_mm * mm, height_mm * mm)
    if whole_dots:
        width_dots, height_dots = (math.floor(side * dpi / MM_PER_INCH + 1e-6) for side in (width_mm, height_mm))
        width_mm, height_mm = width_dots * MM_PER_INCH / dpi, height_dots * MM_PER_INCH / dpi
        # A fiftieth of a dot more, so that the MediaBox as written (a few decimals) never floors a dot short.
        page_pt = ((width_dots + 0.02) * 72 / dpi, (height_dots + 0.02) * 72 / dpi)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=page_pt, pageCompression=1)
    canvas.setTitle("Station calibration label")
    canvas.setCreator("Station")
    grid = _Grid(canvas, dpi, page_pt[1])
    _rulers(grid, width_mm, height_mm)
    left, top = RULER_MM + 1.0, RULER_MM + 1.0
    room_w, room_h = width_mm - left - 2.0, height_mm - top - 2.0
    small = room_h < 30  # a 60x30 label: everything smaller, the last line left out
    title, *lines = describe(printer, settings)
    title_pt, line_pt = (7.0, 6.0) if small else (12.0, 9.0)
    line_mm = line_pt * 0.3528 * 1.25
    y = top + title_pt * 0.3528
    canvas.setFont(BOLD, title_pt)
    canvas.drawString(left * mm, (height_mm - y) * mm, fit(title, BOLD, title_pt, room_w * mm))
    text_mm = line_mm * (2 if small else 2 + len(lines) * 0.8)
    bar_h = max(4.0, min(20.0, room_h - (y - top) - text_mm - 2.0))
    _barcode(grid, calibration_code(settings), left, y + 1.0, room_w, bar_h)
    y += 1.0 + bar_h + line_mm
    facts, help_lines = lines[:2], lines[2:]
    canvas.setFont(FONT, line_pt)
    for line in facts:
        canvas.drawString(left * mm, (height_mm - y) * mm, fit(line, FONT, line_pt, room_w * mm))
        y += line_mm
    if not small:  # how to read it, where there is room
        help_pt = 7.5
        canvas.setFont(FONT, help_pt)
        y += line_mm / 2
        for line in help_lines:
            canvas.drawString(left * mm, (height_mm - y) * mm, fit(line, FONT, help_pt, room_w * mm))
            y += help_pt * 0.3528 * 1.3
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def write_calibration_pdf(
    folder: Path, printer: str, settings: LabelPrinterSettings, *, whole_dots: bool = True
) -> Path:
    """The calibration label's PDF in ``folder`` (see :func:`calibration_pdf`)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"calibration-{settings.dpi}dpi-{settings.size_mm[0]:g}x{settings.size_mm[1]:g}.pdf"
    path.write_bytes(calibration_pdf(printer, settings, whole_dots=whole_dots))
    return path
