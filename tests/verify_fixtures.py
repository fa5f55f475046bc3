"""A PO and its items for the pack verification tests (no platform needed): SKU-A x5 (barcodes
BC-A, BC-A2), SKU-B x3 (BC-B)."""

from __future__ import annotations

from datetime import datetime, timezone

from station.lazada.models import POStatus, PurchaseOrder, PurchaseOrderItem


def a_po(no: str = "PO1") -> PurchaseOrder:
    return PurchaseOrder(
        purchase_order_no=no,
        status=POStatus.TO_PACK,
        store_name="Store",
        store_code="W1",
        seller_id="1",
        total_quantity=8,
        total_sku_count=2,
        created_at=datetime(2026, 11, 30, 8, tzinfo=timezone.utc),
    )


def items_of(no: str = "PO1") -> list[PurchaseOrderItem]:
    return [
        PurchaseOrderItem(no, "SKU-A", "A-1", "Item A", 5, ("BC-A", "BC-A2")),
        PurchaseOrderItem(no, "SKU-B", "B-1", "Item B", 3, ("BC-B",)),
    ]
