"""Draw a pickup order's carton labels as the platform's ``/pickup_order/print`` file: one page a
carton, with the pickup order number as Code 128, "box i of N", the destination warehouse and the seller."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from station.printing.pdfgen import BOLD, FONT, draw_barcode, fit, latin

LABEL_MM = 100.0  # PICKUP_1010: 100 x 100 mm
A4_MM = (210.0, 297.0)
A4_SCALE = 1.9  # the same label, drawn 190 mm wide at the top of an A4 sheet


@dataclass(frozen=True)
class CartonLabel:
    """What every carton label of one pickup order shows."""

    pickup_order_no: str
    store_name: str
    store_code: str
    store_address: str
    seller_name: str


def _line(c: Canvas, y_mm: float, text: str, font: str, size: float, *, centre: bool = False) -> None:
    width = (LABEL_MM - 10) * mm
    shown = fit(latin(text), font, size, width)
    c.setFont(font, size)
    if centre:
        c.drawCentredString(LABEL_MM / 2 * mm, y_mm * mm, shown)
    else:
        c.drawString(5 * mm, y_mm * mm, shown)


def _label(c: Canvas, label: CartonLabel, box: int, boxes: int) -> None:
    """One 100 x 100 mm label, origin at its bottom left."""
    c.setLineWidth(0.6)
    c.rect(2 * mm, 2 * mm, (LABEL_MM - 4) * mm, (LABEL_MM - 4) * mm)
    _line(c, 91, "LAZADA PICKUP ORDER", BOLD, 12, centre=True)
    draw_barcode(c, label.pickup_order_no, 5, 60, LABEL_MM - 10, 26)
    _line(c, 54, label.pickup_order_no, BOLD, 12, centre=True)
    _line(c, 38, f"BOX {box} OF {boxes}", BOLD, 26, centre=True)
    c.line(2 * mm, 33 * mm, (LABEL_MM - 2) * mm, 33 * mm)
    _line(c, 27, f"TO: {label.store_name}", BOLD, 10)
    _line(c, 22, label.store_code, FONT, 9)
    _line(c, 17, label.store_address, FONT, 8)
    _line(c, 8, f"FROM: {label.seller_name}", FONT, 9)


def render_carton_labels(pdf_size: str, label: CartonLabel, boxes: int) -> bytes:
    """``boxes`` pages, box 1 of N to N of N, 100 x 100 mm (``PICKUP_1010``) or A4 (``PICKUP_A4``)."""
    a4 = pdf_size == "PICKUP_A4"
    page = (A4_MM[0] * mm, A4_MM[1] * mm) if a4 else (LABEL_MM * mm, LABEL_MM * mm)
    out = io.BytesIO()
    c = Canvas(out, pagesize=page, pageCompression=1)
    c.setTitle("ACHOICE PICKUP ORDER")
    c.setCreator("Station simulator")
    for box in range(1, boxes + 1):
        if a4:
            c.translate((A4_MM[0] - LABEL_MM * A4_SCALE) / 2 * mm, (A4_MM[1] - 10 - LABEL_MM * A4_SCALE) * mm)
            c.scale(A4_SCALE, A4_SCALE)
        _label(c, label, box, boxes)
        c.showPage()
    c.save()
    return out.getvalue()
