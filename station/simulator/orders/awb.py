"""The simulator's AWB documents: 100 x 150 mm labels with the tracking number as Code 128."""

from __future__ import annotations

import html
import io

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from station.printing.pdfgen import BOLD, FONT, draw_barcode, fit
from station.simulator.orders.book import Item, Order, OrderBook, Package

W, H = 100.0, 150.0


def _line(c: Canvas, x: float, y: float, text: str, font: str, size: float, width: float) -> None:
    c.setFont(font, size)
    c.drawString(x * mm, y * mm, fit(text, font, size, width * mm))


def render_awb_pdf(book: OrderBook, packages: list[Package], *, print_items: bool) -> bytes:
    out = io.BytesIO()
    c = Canvas(out, pagesize=(W * mm, H * mm), pageCompression=1)
    c.setTitle("AWB")
    c.setCreator("Station simulator")
    for package in packages:
        order = book.orders[package.order_id]
        _line(c, 5, H - 10, package.provider, BOLD, 16, W - 10)
        _line(c, 5, H - 16, f"Order {order.order_id}   Package {package.package_id}", FONT, 8, W - 10)
        draw_barcode(c, package.tracking, 5, H - 50, W - 10, 30)
        _line(c, 5, H - 56, package.tracking, BOLD, 12, W - 10)
        y = H - 66
        for text, font in (
            (f"{order.first_name} {order.last_name}", BOLD),
            (order.phone, FONT),
            (order.street, FONT),
            (f"{order.city}, {order.state} {order.post_code}", FONT),
        ):
            _line(c, 5, y, text, font, 9, W - 10)
            y -= 5
        cod = sum(i.price for i in book.package_items(package)) if order.payment_method == "COD" else 0.0
        _line(c, 5, y - 2, f"COD: {cod:,.2f}" if cod else "PREPAID", BOLD, 11, W - 10)
        y -= 12
        if print_items:
            for item in book.package_items(package):
                if y < 8:
                    break
                _line(c, 5, y, f"1 x {item.sku}  {item.name}", FONT, 7, W - 10)
                y -= 4
        c.showPage()
    c.save()
    return out.getvalue()


def _items_html(items: list[Item]) -> str:
    rows = "".join(f"<tr><td>1 x</td><td>{html.escape(i.sku)}</td><td>{html.escape(i.name)}</td></tr>" for i in items)
    return f"<table class='items'>{rows}</table>"


def render_awb_html(book: OrderBook, packages: list[Package], *, print_items: bool) -> str:
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>AWB</title>",
        "<style>.awb{width:100mm;height:150mm;page-break-after:always;font-family:Arial}</style></head><body>",
    ]
    for package in packages:
        order: Order = book.orders[package.order_id]
        parts.append(
            f"<div class='awb'><h1>{html.escape(package.provider)}</h1>"
            f"<p>Order {order.order_id} &middot; Package {html.escape(package.package_id)}</p>"
            f"<div class='barcode' data-barcode='{html.escape(package.tracking)}'></div>"
            f"<p>{html.escape(order.first_name)} {html.escape(order.last_name)}</p>"
            f"<p>{html.escape(order.phone)}</p><p>{html.escape(order.street)}</p>"
            f"<p>{html.escape(order.city)}, {html.escape(order.state)} {html.escape(order.post_code)}</p><hr>"
            + (_items_html(book.package_items(package)) if print_items else "")
            + "</div>"
        )
    parts.append("</body></html>")
    return "".join(parts)
