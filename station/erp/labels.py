"""60x30 mm Code 128 labels for the SKUs of a received Shoplazza procurement: one page per received unit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from station.erp.shoplazza.client import ShoplazzaClient
from station.erp.shoplazza.errors import ShoplazzaError
from station.erp.shoplazza.models import ProcurementLine
from station.lazada.models import PdfSize
from station.printing.print_items import PrintItem, PrintPO
from station.problems import Problem


@dataclass(frozen=True)
class LabelFile:
    procurement_id: str
    pdf: bytes
    items: tuple[PrintItem, ...]

    @property
    def units(self) -> int:
        return sum(i.qty for i in self.items)


def label_items(lines: Sequence[ProcurementLine]) -> tuple[PrintItem, ...]:
    """One entry per SKU with its received units (the barcode, else the SKU, goes into the Code 128)."""
    merged: dict[str, PrintItem] = {}
    for line in lines:
        if line.received_quantity <= 0 or not (line.sku or line.barcode):
            continue
        sku = line.sku or line.barcode
        previous = merged.get(sku)
        qty = line.received_quantity + (previous.qty if previous else 0)
        merged[sku] = PrintItem(sku, line.title, line.barcode or sku, qty)
    return tuple(merged.values())


def render_labels(items: Sequence[PrintItem], reference: str = "") -> bytes:
    from station.printing.pdfgen import render_pdf  # reportlab: loaded when labels are drawn

    return render_pdf(
        PdfSize.LABEL_60X30.value, [PrintPO(reference, "", "", "", tuple(items))], print_order=False, print_barcode=True
    )


def procurement_labels(client: ShoplazzaClient, procurement_id: str) -> LabelFile:
    lines = client.procurement_lines(procurement_id)
    items = label_items(lines)
    if not items:
        raise ShoplazzaError(
            f"procurement {procurement_id}: no received units",
            problem=Problem("shoplazza.nothing_received", {"id": procurement_id}),
        )
    return LabelFile(procurement_id, render_labels(items, procurement_id), items)
