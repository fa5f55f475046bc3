"""Pickup orders: what ``batch_pickup_deliver`` books, where it stands, and its carton labels.

From the platform's API reference (``lazada-choice-reference.md``): a ship call creates a pickup
order (``pickup_no`` in the ship answer, ``pickup_order_no`` on each PO); ``/pickup_order/query``
says where it stands, ``/pickup_order/print`` gives a PDF of one label per carton.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum, IntEnum
from typing import Any

from station.connector.values import build, record, whole
from station.lazada.errors import MalformedResponseError
from station.lazada.limits import invalid

QUERY_PATH = "/pickup_order/query"
PRINT_PATH = "/pickup_order/print"

BOXES_MAX = 100  # box_number: "how many cartons (labels) to print, at most 100"


class PickupStatus(IntEnum):
    """``status`` of a pickup order (the platform sends it as a string)."""

    UNKNOWN = 0  # a value the reference does not list: shown as its number, never guessed
    WAITING = 10
    DISPATCHED = 20
    PICKED_UP = 30
    DELIVERED = 40
    COMPLETED = 50
    CANCELLED = -10
    FAILED = -20
    DELETED = -30

    @property
    def label(self) -> str:
        return PICKUP_STATUS_LABELS[self]

    @property
    def is_final(self) -> bool:
        """Nothing more will happen to it: polling can stop."""
        return self in (PickupStatus.COMPLETED, PickupStatus.CANCELLED, PickupStatus.FAILED, PickupStatus.DELETED)

    @property
    def is_open(self) -> bool:
        """Its cartons are still at the bench (or on their way): carton labels make sense."""
        return self in (PickupStatus.WAITING, PickupStatus.DISPATCHED)


PICKUP_STATUS_LABELS: dict[PickupStatus, str] = {
    PickupStatus.UNKNOWN: "Unknown status",
    PickupStatus.WAITING: "Waiting for pickup",
    PickupStatus.DISPATCHED: "Vehicle dispatched",
    PickupStatus.PICKED_UP: "Picked up",
    PickupStatus.DELIVERED: "Delivered to the warehouse",
    PickupStatus.COMPLETED: "Completed",
    PickupStatus.CANCELLED: "Cancelled",
    PickupStatus.FAILED: "Pickup failed",
    PickupStatus.DELETED: "Deleted",
}


class PickupLabelSize(str, Enum):
    """``pdf_size`` of ``/pickup_order/print``."""

    A4 = "PICKUP_A4"
    LABEL_100X100 = "PICKUP_1010"

    @property
    def millimetres(self) -> tuple[float, float]:
        return (210.0, 297.0) if self is PickupLabelSize.A4 else (100.0, 100.0)


@dataclass(frozen=True)
class PickupOrder:
    """One pickup order as ``/pickup_order/query`` answers it; field names are the platform's."""

    pickup_order_no: str
    status: PickupStatus
    status_code: int  # as sent, for a status the reference does not list
    purchase_order_nos: tuple[str, ...]
    logistics_nos: tuple[str, ...]
    actual_logistics_nos: tuple[str, ...]
    estimated_pickup_time: datetime | None
    reason: str = ""
    estimated_box_number: int = 0
    estimated_weight: str = ""  # kg, "#.###"
    actual_weight: str = ""
    estimated_volume: str = ""  # m3, "#.###"
    actual_pickup_time: str = ""
    actual_arrive_time: str = ""
    shipper_name: str = ""
    shipper_phone: str = ""
    shipper_address: str = ""
    car_number: str = ""
    car_driver_name: str = ""
    car_driver_phone: str = ""
    receive_store_code: str = ""
    receive_store_address: str = ""

    @classmethod
    def from_api(cls, data: Any) -> PickupOrder:
        data = record(data, "a pickup order", error=MalformedResponseError)
        number = str(data.get("pickup_order_no") or "").strip()
        if not number:
            raise MalformedResponseError("a pickup order has no pickup_order_no")
        code = whole(data.get("status"), "status", error=MalformedResponseError)
        try:
            status = PickupStatus(code)
        except ValueError:
            status = PickupStatus.UNKNOWN
        return build(
            cls,
            data,
            error=MalformedResponseError,
            pickup_order_no=number,
            status=status,
            status_code=code,
            purchase_order_nos=_strings(data.get("purchase_order_no_list"), "purchase_order_no_list"),
            logistics_nos=_strings(data.get("logistics_no_list"), "logistics_no_list"),
            actual_logistics_nos=_strings(data.get("actual_logistics_no_list"), "actual_logistics_no_list"),
            estimated_pickup_time=_epoch_ms(data.get("estimated_pickup_time")),
        )


@dataclass(frozen=True)
class PickupLabelFile:
    """The URL of a pickup order's carton labels (it expires: ask again for a fresh one)."""

    pickup_order_no: str
    size: PickupLabelSize
    boxes: int
    url: str


def check_boxes(boxes: int) -> None:
    if isinstance(boxes, bool) or not isinstance(boxes, int) or not 1 <= boxes <= BOXES_MAX:
        raise invalid("request.boxes", maximum=BOXES_MAX, boxes=str(boxes))


def check_pickup_no(pickup_order_no: str) -> str:
    number = pickup_order_no.strip() if isinstance(pickup_order_no, str) else ""
    if not number:
        raise invalid("request.no_pickup_no")
    return number


def label_file_from_api(pickup_order_no: str, size: PickupLabelSize, boxes: int, data: Any) -> PickupLabelFile:
    url = data.get("file") if isinstance(data, dict) else None
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise MalformedResponseError(f"{PRINT_PATH}: no file URL in the answer")
    return PickupLabelFile(pickup_order_no, size, boxes, url)


def _strings(value: Any, name: str) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if not isinstance(value, Sequence) or isinstance(value, str):
        raise MalformedResponseError(f"{name} is not a list: {str(value)[:80]!r}")
    return tuple(str(v) for v in value if v is not None and str(v).strip())


def _epoch_ms(value: Any) -> datetime | None:
    ms = whole(value, "estimated_pickup_time", error=MalformedResponseError, decimals=True)
    return datetime.fromtimestamp(ms / 1000, timezone.utc) if ms > 0 else None
