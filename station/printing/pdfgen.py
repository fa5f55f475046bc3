"""Draw print files: PO sheets and Code 128 product labels, with reportlab's base fonts.

The station draws its Shoplazza procurement labels with it (:mod:`station.erp.labels`); the simulator
draws the platform's print files with it.
"""

from __future__ import annotations

import io
import math

from reportlab import rl_config
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from station.lazada.models import PdfSize
from station.printing.print_items import PrintItem, PrintPO

# Binary streams as the platform's files have, not ASCII85: a fifth less drawing time and size.
rl_config.useA85 = 0

DOT_MM = 25.4 / 203  # one dot of a 203 dpi label printer
MIN_MODULE_DOTS = 2  # 0.25 mm: the narrowest bar that prints reliably at 203 dpi
MAX_MODULE_DOTS = 4
QUIET_MODULES = 10  # each side
FONT = "Helvetica"
BOLD = "Helvetica-Bold"


def latin(text: str) -> str:
    """What the base fonts can show: characters outside Windows-1252 become '?'."""
    return text.encode("cp1252", errors="replace").decode("cp1252")


def fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` (made drawable), cut with an ellipsis to ``width`` points."""
    text = latin(text)
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


_MODULES: dict[str, int] = {}


def barcode_modules(value: str) -> int:
    """Width of the Code 128 symbol of ``value`` in modules, quiet zones left out."""
    if value not in _MODULES:
        if len(_MODULES) > 10_000:
            _MODULES.clear()
        _MODULES[value] = int(Code128(value, barWidth=1, quiet=0).width)
    return _MODULES[value]


def module_width_mm(value: str, max_width_mm: float) -> float:
    """The widest module that fits, snapped to whole printer dots (at least 0.25 mm where it fits)."""
    module = max_width_mm / (barcode_modules(value) + 2 * QUIET_MODULES)
    dots = math.floor(module / DOT_MM + 1e-9)
    if dots >= MIN_MODULE_DOTS:
        return min(dots, MAX_MODULE_DOTS) * DOT_MM
    return module


def draw_barcode(c: Canvas, value: str, x_mm: float, y_mm: float, width_mm: float, height_mm: float) -> None:
    """A Code 128 symbol with its quiet zones, centred in the box of ``width_mm``."""
    module = module_width_mm(value, width_mm)
    total = (barcode_modules(value) + 2 * QUIET_MODULES) * module
    quiet = QUIET_MODULES * module * mm
    symbol = Code128(value, barWidth=module * mm, barHeight=height_mm * mm, quiet=1, lquiet=quiet, rquiet=quiet)
    symbol.drawOn(c, (x_mm + (width_mm - total) / 2) * mm, y_mm * mm)


def _text(
    c: Canvas, x_mm: float, y_mm: float, text: str, font: str, size: float, width_mm: float, *, centre: bool = False
) -> None:
    shown = fit(text, font, size, width_mm * mm)
    c.setFont(font, size)
    if centre:
        c.drawCentredString((x_mm + width_mm / 2) * mm, y_mm * mm, shown)
    else:
        c.drawString(x_mm * mm, y_mm * mm, shown)


# ----- pages -----------------------------------------------------------------------------------


def _a4_sheet(c: Canvas, po: PrintPO) -> None:
    w, h = PdfSize.A4.millimetres
    left, inner = 15.0, w - 30.0
    _text(c, left, h - 20, "JIT Purchase Order", BOLD, 16, inner)
    draw_barcode(c, po.purchase_order_no, left, h - 42, 110, 16)
    _text(c, left, h - 48, po.purchase_order_no, BOLD, 11, 110, centre=True)
    y = h - 60
    for label, value in (("Store", po.store_name), ("Warehouse", po.store_code), ("Address", po.store_address)):
        _text(c, left, y, f"{label}:", BOLD, 10, 25)
        _text(c, left + 25, y, value, FONT, 10, inner - 25)
        y -= 6
    y -= 6
    columns = ((left, "Seller SKU", 35), (left + 36, "Title", 84), (left + 121, "Barcode", 38), (left + 160, "Qty", 20))
    for x, label, width in columns:
        _text(c, x, y, label, BOLD, 10, width)
    c.line(left * mm, (y - 2) * mm, (left + inner) * mm, (y - 2) * mm)
    y -= 8
    for item in po.items:
        if y < 25:
            _text(c, left, y, "(more items not shown)", FONT, 9, inner)
            break
        for (x, _, width), value in zip(
            columns, (item.seller_sku, item.title, item.barcode, str(item.qty)), strict=True
        ):
            _text(c, x, y, value, FONT, 9, width)
        y -= 6
    c.line(left * mm, (y + 2) * mm, (left + inner) * mm, (y + 2) * mm)
    _text(c, left + 121, y - 4, "Total quantity", BOLD, 10, 38)
    _text(c, left + 160, y - 4, str(sum(i.qty for i in po.items)), BOLD, 10, 20)


def _label_po(c: Canvas, po: PrintPO, size: PdfSize) -> None:
    w, h = size.millimetres
    if size is PdfSize.LABEL_60X30:
        _text(c, 2, h - 4, po.store_name, FONT, 6, w - 4)
        _text(c, 2, h - 7.5, po.store_code, BOLD, 7, w - 4)
        draw_barcode(c, po.purchase_order_no, 2, 6, w - 4, h - 15.5)
        _text(c, 2, 2, po.purchase_order_no, BOLD, 7, w - 4, centre=True)
        return
    _text(c, 5, h - 10, "JIT Purchase Order", BOLD, 12, w - 10)
    draw_barcode(c, po.purchase_order_no, 5, h - 38, w - 10, 22)
    _text(c, 5, h - 44, po.purchase_order_no, BOLD, 11, w - 10, centre=True)
    y = h - 54
    for value, font in ((po.store_name, BOLD), (po.store_code, BOLD), (po.store_address, FONT)):
        _text(c, 5, y, value, font, 9, w - 10)
        y -= 5
    y -= 4
    for item in po.items:
        if y < 12:
            break
        _text(c, 5, y, f"{item.qty} x {item.seller_sku}", BOLD, 8, 35)
        _text(c, 41, y, item.title, FONT, 8, w - 46)
        y -= 4.5
    _text(c, 5, 6, f"Total quantity: {sum(i.qty for i in po.items)}", BOLD, 9, w - 10)


def _label_item(c: Canvas, item: PrintItem, size: PdfSize) -> None:
    w, h = size.millimetres
    if size is PdfSize.LABEL_60X30:
        _text(c, 2, h - 3.5, item.seller_sku, BOLD, 7, w - 4)
        _text(c, 2, h - 6.5, item.title, FONT, 6, w - 4)
        draw_barcode(c, item.barcode, 2, 5.5, w - 4, h - 14)
        _text(c, 2, 2, item.barcode, FONT, 7, w - 4, centre=True)
        return
    _text(c, 5, h - 12, item.seller_sku, BOLD, 14, w - 10)
    _text(c, 5, h - 20, item.title, FONT, 10, w - 10)
    draw_barcode(c, item.barcode, 5, h - 80, w - 10, 45)
    _text(c, 5, h - 88, item.barcode, BOLD, 14, w - 10, centre=True)


def render_pdf(pdf_size: str, pos: list[PrintPO], *, print_order: bool, print_barcode: bool) -> bytes:
    """One page per PO sheet (if ``print_order``), then per item one label per unit (if ``print_barcode``)."""
    size = PdfSize(pdf_size)
    w, h = size.millimetres
    out = io.BytesIO()
    c = Canvas(out, pagesize=(w * mm, h * mm), pageCompression=1)
    c.setTitle("ACHOICE JIT PO BARCODE")
    c.setCreator("Station simulator")
    forms: dict[tuple[str, str, str], str] = {}
    for po in pos:
        if print_order:
            if size is PdfSize.A4:
                _a4_sheet(c, po)
            else:
                _label_po(c, po, size)
            c.showPage()
        if print_barcode and size is not PdfSize.A4:
            for item in po.items:
                # A product's label is drawn once per file as a form and placed on each unit's
                # page: the same page, a fraction of the drawing time and of the file size.
                key = (item.seller_sku, item.title, item.barcode)
                name = forms.get(key)
                if name is None:
                    name = forms[key] = f"label{len(forms)}"
                    c.beginForm(name)
                    _label_item(c, item, size)
                    c.endForm()
                for _ in range(item.qty):
                    c.doForm(name)
                    c.showPage()
    c.save()
    return out.getvalue()
