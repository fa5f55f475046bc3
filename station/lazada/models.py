"""Typed models for the JIT purchase-order endpoints and the tokens.

Parsing is forgiving where the platform is (nulls, a list sent as a string) and strict where a
wrong value would mislead the operator (a PO without a number is a malformed answer).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum
from typing import Any, Generic, TypeVar

from station.connector.values import build, record, text, whole
from station.lazada.errors import MalformedResponseError, RequestValidationError
from station.lazada.limits import AREA_CODES, invalid


class POStatus(str, Enum):
    """``biz_status`` values; the platform sends them as strings."""

    TO_PACK = "10"
    READY_TO_SHIP = "20"
    TO_PUT_AWAY = "22"
    ARRIVED = "25"
    COMPLETED = "40"
    CANCELLED_TIMEOUT = "-100610"
    CANCELLED_BUYER = "-100"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def is_shipped(self) -> bool:
        """The PO has left the bench (pickup booked or later)."""
        return self in (POStatus.TO_PUT_AWAY, POStatus.ARRIVED, POStatus.COMPLETED)

    @property
    def is_cancelled(self) -> bool:
        return self in (POStatus.CANCELLED_TIMEOUT, POStatus.CANCELLED_BUYER)


STATUS_LABELS: dict[POStatus, str] = {
    POStatus.TO_PACK: "To Pack",
    POStatus.READY_TO_SHIP: "Ready To Ship",
    POStatus.TO_PUT_AWAY: "To Put Away",
    POStatus.ARRIVED: "Arrived at Warehouse",
    POStatus.COMPLETED: "Completed",
    POStatus.CANCELLED_TIMEOUT: "Cancelled (timeout)",
    POStatus.CANCELLED_BUYER: "Cancelled (buyer)",
}


def parse_status(value: Any) -> POStatus:
    try:
        return POStatus(str(value).strip())
    except ValueError:
        raise MalformedResponseError(f"unknown biz_status {value!r}") from None


class PdfSize(str, Enum):
    A4 = "A4"
    LABEL_60X30 = "6030"
    LABEL_100X150 = "100150"

    @property
    def millimetres(self) -> tuple[float, float]:
        """Width and height of one page, portrait."""
        return PDF_SIZES_MM[self]

    @property
    def display_name(self) -> str:
        """The size as the operator knows it ("100x150 mm label"), never the code ("100150")."""
        return PDF_SIZE_NAMES[self]


PDF_SIZES_MM: dict[PdfSize, tuple[float, float]] = {
    PdfSize.A4: (210.0, 297.0),
    PdfSize.LABEL_60X30: (60.0, 30.0),
    PdfSize.LABEL_100X150: (100.0, 150.0),
}

# The one place a paper size gets its name: the window translates these ("size" context), the
# operator's sentences and the CLI use them as they are.
PDF_SIZE_NAMES: dict[PdfSize, str] = {
    PdfSize.A4: "A4",
    PdfSize.LABEL_60X30: "60x30 mm label",
    PdfSize.LABEL_100X150: "100x150 mm label",
}


def pdf_size_name(code: str) -> str:
    """The name of a paper size given by its code ("6030"), or the text itself for another size ("62x100mm")."""
    known = {size.value: size for size in PdfSize}
    return known[code].display_name if code in known else code


def parse_pdf_size(text: str) -> PdfSize:
    cleaned = text.strip().upper().replace("X", "").replace("MM", "")
    for size in PdfSize:
        if cleaned == size.value:
            return size
    raise RequestValidationError(f"Unknown paper size {text!r}: choose A4, 6030 or 100150.")


def _ms_to_datetime(value: Any) -> datetime | None:
    if value in (None, "", 0):
        return None
    try:
        return datetime.fromtimestamp(int(value) / 1000, tz=timezone.utc)
    except (TypeError, ValueError, OverflowError, OSError):
        raise MalformedResponseError(f"not a time in milliseconds: {value!r}") from None


def _str_list(value: Any) -> tuple[str, ...]:
    """A list of strings, also when the platform sends a JSON string, a comma list or null."""
    if value in (None, ""):
        return ()
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                value = json.loads(text)
            except (json.JSONDecodeError, RecursionError):
                raise MalformedResponseError(f"not a list: {text[:80]!r}") from None
        else:
            return tuple(part.strip() for part in text.split(",") if part.strip())
    if not isinstance(value, list):
        raise MalformedResponseError(f"not a list: {value!r}")
    return tuple(str(v) for v in value if v not in (None, ""))


def _require_str(data: Mapping[str, Any], name: str) -> str:
    value = data.get(name)
    if value in (None, ""):
        raise MalformedResponseError(f"field {name} is missing")
    return str(value)


@dataclass(frozen=True)
class PurchaseOrder:
    purchase_order_no: str
    status: POStatus
    store_name: str
    store_code: str
    seller_id: str
    total_quantity: int
    total_sku_count: int
    created_at: datetime | None
    modified_at: datetime | None = None
    expected_arrival_at: datetime | None = None
    arrived_at: datetime | None = None
    supplier_id: str = ""
    supplier_name: str = ""
    supplier_code: str = ""
    delivery_method: str = ""
    store_address: str = ""
    store_contact_name: str = ""
    store_contact_phone: str = ""
    site_id: str = ""
    creator: str = ""
    pickup_order_no: str = ""
    trade_order_ids: tuple[str, ...] = ()
    logistics_nos: tuple[str, ...] = ()

    @property
    def ship_group(self) -> tuple[str, str]:
        """POs may only be shipped together when they go to the same store and warehouse."""
        return (self.store_name, self.store_code)

    @classmethod
    def from_api(cls, data: Any) -> PurchaseOrder:
        data = record(data, "a purchase order", error=MalformedResponseError)
        return build(
            cls,
            data,
            error=MalformedResponseError,
            purchase_order_no=_require_str(data, "purchase_order_no"),
            status=parse_status(data.get("biz_status")),
            created_at=_ms_to_datetime(data.get("gmt_create")),
            modified_at=_ms_to_datetime(data.get("gmt_modified")),
            expected_arrival_at=_ms_to_datetime(data.get("gmt_except_arrive_time")),
            arrived_at=_ms_to_datetime(data.get("gmt_arrive_time")),
            trade_order_ids=_str_list(data.get("trade_order_id_list")),
            logistics_nos=_str_list(data.get("logistics_no_list")),
        )


@dataclass(frozen=True)
class PurchaseOrderItem:
    purchase_order_no: str
    sku_id: str
    seller_sku: str
    product_title: str
    buyer_qty: int
    barcodes: tuple[str, ...]
    product_id: str = ""
    sc_item_id: str = ""
    sc_item_code: str = ""
    sc_item_name: str = ""
    img_url: str = ""
    received_normal_qty: int = 0
    received_defective_qty: int = 0

    @classmethod
    def from_api(cls, purchase_order_no: str, data: Any) -> PurchaseOrderItem:
        data = record(data, "an item", error=MalformedResponseError)
        return build(
            cls,
            data,
            error=MalformedResponseError,
            purchase_order_no=purchase_order_no,
            barcodes=_str_list(data.get("barcodes")),
        )


T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    records: list[T]
    page_index: int
    page_size: int
    total_page: int
    total_count: int


@dataclass(frozen=True)
class POQuery:
    """The filters of ``/jit/purchase_order/query_list``; times are the region's local time."""

    created_from: datetime
    created_to: datetime
    status: POStatus | None = None
    purchase_order_nos: tuple[str, ...] = ()
    logistics_nos: tuple[str, ...] = ()


@dataclass(frozen=True)
class PickupContact:
    """Who hands the parcels over and where: the fields of ``batch_pickup_deliver``."""

    area_code: str  # CN, VN, TH, PH, ID, MY
    address_id: int  # the last-level division id of the country's division sheet
    address_detail: str
    mobile_phone: str
    name: str
    estimated_pickup_date: str = ""  # yyyy-MM-dd, required when area_code is CN

    def validate(self) -> None:
        if self.area_code not in AREA_CODES:
            raise invalid("request.area_code", code=repr(self.area_code))
        if self.address_id <= 0:
            raise invalid("request.no_division")
        for kind, value in (
            ("request.contact_address_empty", self.address_detail),
            ("request.contact_phone_empty", self.mobile_phone),
            ("request.contact_name_empty", self.name),
        ):
            if not value.strip():
                raise invalid(kind)
        if self.area_code == "CN" and not self.estimated_pickup_date:
            raise invalid("request.no_pickup_date")
        if self.estimated_pickup_date:
            try:
                datetime.strptime(self.estimated_pickup_date, "%Y-%m-%d")
            except ValueError:
                raise invalid("request.pickup_date_format", date=repr(self.estimated_pickup_date)) from None


@dataclass(frozen=True)
class ShipResult:
    purchase_order_no: str
    ok: bool
    pickup_no: str = ""
    error_message: str = ""
    allow_date_range: tuple[str, ...] = ()


@dataclass(frozen=True)
class TokenInfo:
    access_token: str = field(repr=False)
    refresh_token: str = field(repr=False)
    expires_at: float  # epoch seconds
    refresh_expires_at: float  # epoch seconds; 0 when it cannot be refreshed
    account: str = ""
    country: str = ""
    seller_ids: tuple[str, ...] = ()

    def expires_within(self, seconds: float, now: float) -> bool:
        return self.expires_at - now <= seconds

    @property
    def can_refresh(self) -> bool:
        return bool(self.refresh_token) and self.refresh_expires_at > 0

    def to_json(self) -> dict[str, Any]:
        return {
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "expires_at": self.expires_at,
            "refresh_expires_at": self.refresh_expires_at,
            "account": self.account,
            "country": self.country,
            "seller_ids": list(self.seller_ids),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TokenInfo:
        return cls(
            access_token=str(data.get("access_token", "")),
            refresh_token=str(data.get("refresh_token", "")),
            expires_at=float(data.get("expires_at", 0)),
            refresh_expires_at=float(data.get("refresh_expires_at", 0)),
            account=str(data.get("account", "")),
            country=str(data.get("country", "")),
            seller_ids=tuple(str(s) for s in data.get("seller_ids", ())),
        )

    @classmethod
    def from_token_response(cls, body: Mapping[str, Any], now: float) -> TokenInfo:
        """Parse the answer of ``/auth/token/create`` or ``/auth/token/refresh`` (fields at the top level)."""
        access = body.get("access_token")
        if not access:
            raise MalformedResponseError("the token answer has no access_token")
        refresh_in = whole(body.get("refresh_expires_in"), error=MalformedResponseError)
        users = body.get("country_user_info")
        if users is None:
            users = body.get("country_user_info_list")
        if isinstance(users, Mapping):  # the refresh page shows it both as an object and a list
            users = [users]
        if not isinstance(users, list):
            users = []
        seller_ids = tuple(
            str(u.get("seller_id")) for u in (users or []) if isinstance(u, Mapping) and u.get("seller_id")
        )
        return cls(
            access_token=str(access),
            refresh_token=text(body.get("refresh_token")),
            expires_at=now + whole(body.get("expires_in"), error=MalformedResponseError),
            refresh_expires_at=(now + refresh_in) if refresh_in > 0 else 0.0,
            account=text(body.get("account")),
            country=text(body.get("country")),
            seller_ids=seller_ids,
        )
