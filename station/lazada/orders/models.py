"""Typed models of the marketplace-order endpoints (GetOrders, GetOrderItems and fulfilment).

Lazada has no order status: every order item has its own, and an order lists the set of its
items' statuses. Parsing is forgiving where the platform is (ids as numbers or strings, nulls)
and strict where a wrong value would mislead the operator (an order without an id).
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any

from station.lazada.errors import MalformedResponseError


class ItemStatus(str, Enum):
    """Item-level statuses (also the ``status`` filter of GetOrders, with ``all``)."""

    UNPAID = "unpaid"
    PENDING = "pending"
    PACKED = "packed"
    REPACKED = "repacked"
    READY_TO_SHIP = "ready_to_ship"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    FAILED_DELIVERY = "failed_delivery"
    CANCELED = "canceled"
    RETURNED = "returned"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


STATUS_FILTER_ALL = "all"
STATUS_FILTERS: tuple[str, ...] = (STATUS_FILTER_ALL, *(s.value for s in ItemStatus))
PACKABLE = frozenset({ItemStatus.PENDING.value, ItemStatus.REPACKED.value})
RTS_ABLE = frozenset({ItemStatus.PACKED.value})
DBS_DELIVERABLE = frozenset({ItemStatus.READY_TO_SHIP.value, ItemStatus.SHIPPED.value})


class DocType(str, Enum):
    PDF = "PDF"
    HTML = "HTML"


class AllocateType(str, Enum):
    """TFS for local sellers, NTFS for cross-border ones."""

    TFS = "TFS"
    NTFS = "NTFS"


ORDER_TIME_FORMAT = "%Y-%m-%d %H:%M:%S %z"  # "2026-11-20 10:11:12 +0800"


def parse_time(value: Any) -> datetime | None:
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    for fmt in (ORDER_TIME_FORMAT, "%Y-%m-%dT%H:%M:%S%z"):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise MalformedResponseError(f"unreadable time {text!r}") from None


def format_iso(value: datetime) -> str:
    """ISO 8601 with the offset, as ``created_after``/``update_after`` take it."""
    if value.tzinfo is None:
        raise ValueError("order times need a time zone")
    return value.replace(microsecond=0).isoformat()


def _s(value: Any) -> str:
    return "" if value is None else str(value)


def _flag(value: Any) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes")


def _require(d: Mapping[str, Any], name: str, what: str) -> str:
    value = d.get(name)
    if value is None or str(value).strip() == "":
        raise MalformedResponseError(f"{what} has no {name}")
    return str(value)


@dataclass(frozen=True)
class Address:
    first_name: str = ""
    last_name: str = ""
    phone: str = ""
    address1: str = ""  # detailed address
    address3: str = ""  # state
    address4: str = ""  # city
    address5: str = ""  # post code
    country: str = ""

    @classmethod
    def from_api(cls, d: Any) -> Address:
        if not isinstance(d, Mapping):
            return cls()
        return cls(
            _s(d.get("first_name")),
            _s(d.get("last_name")),
            _s(d.get("phone")),
            _s(d.get("address1")),
            _s(d.get("address3")),
            _s(d.get("address4")),
            _s(d.get("address5") or d.get("post_code")),
            _s(d.get("country")),
        )

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def one_line(self) -> str:
        return ", ".join(p for p in (self.address1, self.address4, self.address3, self.address5) if p)


@dataclass(frozen=True)
class Order:
    order_id: str
    order_number: str
    created_at: datetime | None
    updated_at: datetime | None
    statuses: tuple[str, ...]
    items_count: int
    price: str
    shipping_fee: str
    voucher: str
    payment_method: str
    address: Address
    remarks: str = ""

    @classmethod
    def from_api(cls, d: Any) -> Order:
        if not isinstance(d, Mapping):
            raise MalformedResponseError("an order is not an object")
        order_id = _require(d, "order_id", "an order")
        statuses = d.get("statuses") or []
        if isinstance(statuses, str):
            statuses = [statuses]
        try:
            count = int(d.get("items_count") or 0)
        except (TypeError, ValueError, OverflowError):
            count = 0
        return cls(
            order_id=order_id,
            order_number=_s(d.get("order_number")) or order_id,
            created_at=parse_time(d.get("created_at")),
            updated_at=parse_time(d.get("updated_at")),
            statuses=tuple(str(s) for s in statuses),
            items_count=count,
            price=_s(d.get("price")),
            shipping_fee=_s(d.get("shipping_fee")),
            voucher=_s(d.get("voucher")),
            payment_method=_s(d.get("payment_method")),
            address=Address.from_api(d.get("address_shipping")),
            remarks=_s(d.get("remarks")),
        )

    @property
    def status_text(self) -> str:
        return ", ".join(ItemStatus(s).label if s in STATUS_FILTERS else s for s in self.statuses)


@dataclass(frozen=True)
class OrdersPage:
    orders: list[Order]
    count: int
    count_total: int


@dataclass(frozen=True)
class OrderItem:
    """One unit of an order: two of the same product are two items with their own ids."""

    order_item_id: str
    order_id: str
    status: str
    name: str
    sku: str
    shop_sku: str = ""
    variation: str = ""
    item_price: str = ""
    paid_price: str = ""
    currency: str = ""
    package_id: str = ""
    tracking_code: str = ""
    shipment_provider: str = ""
    is_digital: bool = False
    delivery_option_sof: bool = False  # delivered by the seller (DBS)
    reason: str = ""

    @classmethod
    def from_api(cls, d: Any, order_id: str = "") -> OrderItem:
        if not isinstance(d, Mapping):
            raise MalformedResponseError("an order item is not an object")
        return cls(
            order_item_id=_require(d, "order_item_id", "an order item"),
            order_id=_s(d.get("order_id")) or order_id,
            status=_s(d.get("status")),
            name=_s(d.get("name")),
            sku=_s(d.get("sku")),
            shop_sku=_s(d.get("shop_sku")),
            variation=_s(d.get("variation")),
            item_price=_s(d.get("item_price")),
            paid_price=_s(d.get("paid_price")),
            currency=_s(d.get("currency")),
            package_id=_s(d.get("package_id")),
            tracking_code=_s(d.get("tracking_code")),
            shipment_provider=_s(d.get("shipment_provider")),
            is_digital=_flag(d.get("is_digital")),
            delivery_option_sof=_flag(d.get("delivery_option_sof")),
            reason=_s(d.get("reason")),
        )

    @property
    def packable(self) -> bool:
        return self.status in PACKABLE and not self.is_digital


@dataclass(frozen=True)
class ShipmentProvider:
    name: str
    provider_id: str = ""  # what Pack's shipment_provider_id takes; the name when none is given

    @property
    def pack_id(self) -> str:
        return self.provider_id or self.name


@dataclass(frozen=True)
class ProviderChoice:
    platform_default: bool  # True: the platform allocates the provider; Pack needs none
    providers: tuple[ShipmentProvider, ...]
    shipping_allocate_type: str

    @classmethod
    def from_api(cls, d: Any) -> ProviderChoice:
        if not isinstance(d, Mapping):
            raise MalformedResponseError("the shipment provider answer has no data object")
        raw = d.get("shipment_providers") or []
        providers = []
        for p in raw if isinstance(raw, list) else []:
            if isinstance(p, Mapping) and p.get("name"):
                providers.append(ShipmentProvider(str(p["name"]), _s(p.get("shipment_provider_id") or p.get("id"))))
        return cls(str(d.get("platform_default")) == "1", tuple(providers), _s(d.get("shipping_allocate_type")))


@dataclass(frozen=True)
class ItemResult:
    """The outcome of one order item in a batch (Pack, DeliverDigital)."""

    order_id: str
    order_item_id: str
    ok: bool
    code: str = "0"
    message: str = ""
    package_id: str = ""
    tracking_number: str = ""
    shipment_provider: str = ""


@dataclass(frozen=True)
class PackageResult:
    """The outcome of one package in a batch (RecreatePackage, ReadyToShip, DBS delivery)."""

    package_id: str
    ok: bool
    code: str = "0"
    message: str = ""


@dataclass(frozen=True)
class AwbDocument:
    package_ids: tuple[str, ...]
    doc_type: DocType
    content: bytes  # the decoded ``file``: a PDF, or HTML text
    pdf_url: str = ""

    @property
    def html(self) -> str:
        return self.content.decode("utf-8", errors="replace")


@dataclass(frozen=True)
class OrdersQuery:
    """What GetOrders filters on; one of ``created_after``/``update_after`` is required."""

    created_after: datetime | None = None
    created_before: datetime | None = None
    update_after: datetime | None = None
    update_before: datetime | None = None
    status: str = STATUS_FILTER_ALL
    extra: Mapping[str, str] = field(default_factory=dict)


def decode_file(value: Any, what: str) -> bytes:
    if not isinstance(value, str) or not value:
        raise MalformedResponseError(f"{what}: no file in the answer")
    try:
        return base64.b64decode(value, validate=True)
    except ValueError:
        raise MalformedResponseError(f"{what}: the file is not base64") from None


def order_items_map(items: Sequence[OrderItem]) -> dict[str, list[str]]:
    """``{order_id: [order_item_id, ...]}`` keeping order, as Pack and DeliverDigital take them."""
    out: dict[str, list[str]] = {}
    for item in items:
        out.setdefault(item.order_id, []).append(item.order_item_id)
    return out
