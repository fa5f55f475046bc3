"""The simulator's records: products, warehouses and purchase orders, with their JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

TO_PACK = "10"
READY = "20"
TO_PUT_AWAY = "22"
ARRIVED = "25"
COMPLETED = "40"
CANCELLED_TIMEOUT = "-100610"
CANCELLED_BUYER = "-100"
CANCELLED = (CANCELLED_TIMEOUT, CANCELLED_BUYER)
SHIPPED = (TO_PUT_AWAY, ARRIVED, COMPLETED)


@dataclass(slots=True)
class Product:
    sku_id: str
    seller_sku: str
    product_title: str
    product_id: str
    sc_item_id: int
    sc_item_code: str
    sc_item_name: str
    barcodes: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "sku_id": self.sku_id,
            "seller_sku": self.seller_sku,
            "product_title": self.product_title,
            "product_id": self.product_id,
            "sc_item_id": self.sc_item_id,
            "sc_item_code": self.sc_item_code,
            "sc_item_name": self.sc_item_name,
            "barcodes": list(self.barcodes),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Product:
        return cls(
            sku_id=str(d["sku_id"]),
            seller_sku=str(d["seller_sku"]),
            product_title=str(d["product_title"]),
            product_id=str(d["product_id"]),
            sc_item_id=int(d["sc_item_id"]),
            sc_item_code=str(d["sc_item_code"]),
            sc_item_name=str(d["sc_item_name"]),
            barcodes=[str(b) for b in d["barcodes"]],
        )


@dataclass(slots=True)
class Warehouse:
    store_name: str
    store_code: str
    store_address: str
    store_contact_name: str
    store_contact_phone: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "store_name": self.store_name,
            "store_code": self.store_code,
            "store_address": self.store_address,
            "store_contact_name": self.store_contact_name,
            "store_contact_phone": self.store_contact_phone,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Warehouse:
        phone = d.get("store_contact_phone")
        return cls(
            store_name=str(d["store_name"]),
            store_code=str(d["store_code"]),
            store_address=str(d["store_address"]),
            store_contact_name=str(d["store_contact_name"]),
            store_contact_phone=None if phone is None else str(phone),
        )


@dataclass(slots=True)
class Supplier:
    seller_id: str
    supplier_id: int
    supplier_name: str
    supplier_code: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "seller_id": self.seller_id,
            "supplier_id": self.supplier_id,
            "supplier_name": self.supplier_name,
            "supplier_code": self.supplier_code,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Supplier:
        return cls(str(d["seller_id"]), int(d["supplier_id"]), str(d["supplier_name"]), str(d["supplier_code"]))


# Names of the PO fields stored as they are in JSON (everything but the items).
_PO_FIELDS = (
    "purchase_order_no",
    "warehouse",
    "status",
    "gmt_create",
    "gmt_modified",
    "gmt_except_arrive_time",
    "gmt_arrive_time",
    "trade_order_id_list",
    "logistics_no_list",
    "pickup_order_no",
    "delivery_method",
    "packed_at",
    "ready_at",
    "shipped_at",
    "arrive_at",
    "complete_at",
)


@dataclass(slots=True)
class PurchaseOrder:
    """One JIT PO. Times are epoch milliseconds; ``warehouse`` is an index into the catalogue."""

    purchase_order_no: str
    warehouse: int
    status: str
    gmt_create: int
    gmt_modified: int
    gmt_except_arrive_time: int
    items: list[tuple[str, int]]  # (sku_id, buyer_qty), in item order
    trade_order_id_list: list[str]
    logistics_no_list: list[str] = field(default_factory=list)
    gmt_arrive_time: int | None = None
    pickup_order_no: str | None = None
    delivery_method: str | None = None
    packed_at: int | None = None  # a pack call was accepted
    ready_at: int | None = None  # becomes 20 at this time
    shipped_at: int | None = None
    arrive_at: int | None = None  # 22 -> 25
    complete_at: int | None = None  # 25 -> 40

    @property
    def total_quantity(self) -> int:
        return sum(qty for _, qty in self.items)

    def next_due(self) -> int | None:
        """When this PO moves on by itself next, if it does."""
        if self.status == TO_PACK:
            return self.ready_at
        if self.status == TO_PUT_AWAY:
            return self.arrive_at
        if self.status == ARRIVED:
            return self.complete_at
        return None

    def advance(self, now_ms: int) -> bool:
        """Apply every transition due by ``now_ms``; return whether anything changed."""
        changed = False
        if self.status == TO_PACK and self.ready_at is not None and self.ready_at <= now_ms:
            self.status = READY
            self.gmt_modified = self.ready_at
            changed = True
        if self.status == TO_PUT_AWAY and self.arrive_at is not None and self.arrive_at <= now_ms:
            self.status = ARRIVED
            self.gmt_arrive_time = self.arrive_at
            self.gmt_modified = self.arrive_at
            changed = True
        if self.status == ARRIVED and self.complete_at is not None and self.complete_at <= now_ms:
            self.status = COMPLETED
            self.gmt_modified = self.complete_at
            changed = True
        return changed

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {name: getattr(self, name) for name in _PO_FIELDS}
        d["items"] = [[sku, qty] for sku, qty in self.items]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PurchaseOrder:
        kwargs: dict[str, Any] = {name: d.get(name) for name in _PO_FIELDS}
        kwargs["trade_order_id_list"] = list(d.get("trade_order_id_list") or [])
        kwargs["logistics_no_list"] = list(d.get("logistics_no_list") or [])
        po = cls(items=[(str(sku), int(qty)) for sku, qty in d["items"]], **kwargs)
        return po
