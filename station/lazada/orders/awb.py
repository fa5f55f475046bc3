"""Turn an HTML AWB into a printable PDF of the label size (100 x 150 mm by default).

The platform's HTML labels are meant for a browser. A bench printer wants a PDF page of the label
size, so the HTML is read for its text blocks and barcodes and laid out again with reportlab:
block elements become lines, ``<h1>``-``<h3>`` bigger lines, and each element carrying a
``data-barcode`` attribute (or an ``<img>`` whose ``alt`` is ``barcode:VALUE``) a Code 128 symbol.
Text shrinks to fit the page width; what does not fit the height goes on a following page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from html.parser import HTMLParser

LABEL_MM = (100.0, 150.0)
MARGIN_MM = 4.0
FONT = "Helvetica"
BOLD = "Helvetica-Bold"
_BLOCKS = {"p", "div", "tr", "li", "br", "h1", "h2", "h3", "h4", "table", "section", "header", "footer", "hr"}
_SKIP = {"script", "style", "head", "title"}


@dataclass(frozen=True)
class Block:
    kind: str  # "text", "heading", "barcode" or "rule"
    text: str


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._line: list[str] = []
        self._skip = 0
        self._heading = 0

    def _flush(self) -> None:
        text = " ".join(" ".join(self._line).split())
        self._line = []
        if text:
            self.blocks.append(Block("heading" if self._heading else "text", text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag in _SKIP:
            self._skip += 1
            return
        if tag in _BLOCKS or tag == "td":
            if tag == "td" and self._line:
                self._line.append(" ")
            else:
                self._flush()
        if tag in ("h1", "h2", "h3"):
            self._heading += 1
        if tag == "hr":
            self.blocks.append(Block("rule", ""))
        barcode = values.get("data-barcode", "")
        if not barcode and tag == "img" and values.get("alt", "").startswith("barcode:"):
            barcode = values["alt"][len("barcode:") :]
        if barcode.strip():
            self._flush()
            self.blocks.append(Block("barcode", barcode.strip()))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if tag in _BLOCKS:
            self._flush()
        if tag in ("h1", "h2", "h3"):
            self._heading = max(0, self._heading - 1)

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self._line.append(data.strip())

    def close(self) -> None:
        super().close()
        self._flush()


def read_blocks(html: str) -> list[Block]:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.blocks


def _latin(text: str) -> str:
    return text.encode("cp1252", errors="replace").decode("cp1252")


def _fit_size(text: str, font: str, size: float, width_pt: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    while size > 5 and stringWidth(text, font, size) > width_pt:
        size -= 0.5
    return size


def html_to_pdf(html: str, *, page_mm: tuple[float, float] = LABEL_MM) -> bytes:
    """A PDF of ``page_mm`` pages (portrait) showing the HTML label's text and barcodes."""
    # reportlab here, not at the top: the window starts ~0.15 s sooner without it.
    from reportlab.graphics.barcode.code128 import Code128
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    w_mm, h_mm = page_mm
    inner = (w_mm - 2 * MARGIN_MM) * mm
    out = io.BytesIO()
    c = Canvas(out, pagesize=(w_mm * mm, h_mm * mm), pageCompression=1)
    c.setTitle("AWB")
    c.setCreator("Station")
    top = (h_mm - MARGIN_MM) * mm
    y = top
    blocks = read_blocks(html) or [Block("text", "(empty label)")]
    for block in blocks:
        needed = {"barcode": 26 * mm, "heading": 7 * mm, "rule": 2 * mm}.get(block.kind, 4.5 * mm)
        if y - needed < MARGIN_MM * mm and y < top:
            c.showPage()
            y = top
        if block.kind == "rule":
            y -= 1 * mm
            c.line(MARGIN_MM * mm, y, MARGIN_MM * mm + inner, y)
            y -= 1 * mm
        elif block.kind == "barcode":
            value = block.text
            module = min(0.5 * mm, inner / (Code128(value, barWidth=1, quiet=0).width + 20))
            symbol = Code128(value, barWidth=module, barHeight=18 * mm, quiet=1, lquiet=10 * module, rquiet=10 * module)
            x = MARGIN_MM * mm + (inner - symbol.width) / 2
            y -= 19 * mm
            symbol.drawOn(c, max(MARGIN_MM * mm, x), y)
            text = _latin(value)
            size = _fit_size(text, BOLD, 10, inner)
            c.setFont(BOLD, size)
            y -= 5 * mm
            c.drawCentredString(w_mm * mm / 2, y, text)
            y -= 2 * mm
        else:
            font, size = (BOLD, 13.0) if block.kind == "heading" else (FONT, 8.5)
            text = _latin(block.text)
            size = _fit_size(text, font, size, inner)
            if stringWidth(text, font, size) > inner:
                while text and stringWidth(text + "…", font, size) > inner:
                    text = text[:-1]
                text += "…"
            y -= size * 1.3
            c.setFont(font, size)
            c.drawString(MARGIN_MM * mm, y, text)
    c.showPage()
    c.save()
    return out.getvalue()
