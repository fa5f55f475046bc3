"""What a print file shows: POs and their items (no drawing here).

Apart from :mod:`station.printing.pdfgen` so that code that only builds these (the ERP labels
in the window) does not load reportlab (~0.15 s) until it draws.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PrintItem:
    seller_sku: str
    title: str
    barcode: str
    qty: int


@dataclass(frozen=True)
class PrintPO:
    purchase_order_no: str
    store_name: str
    store_code: str
    store_address: str
    items: tuple[PrintItem, ...]
