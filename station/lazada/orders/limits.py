"""The documented limits of the marketplace-order endpoints, checked before anything is sent."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from station.lazada.errors import RequestValidationError
from station.lazada.limits import invalid

ORDERS_LIMIT_MAX = 100  # GetOrders ``limit``
ORDERS_OFFSET_MAX = 5000  # GetOrders ``offset``; beyond it move ``created_after`` on
PACK_ORDERS_MAX = 20  # Pack: orders per call
DOCUMENT_PACKAGES_MAX = 20  # PrintAWB: packages per call
RTS_PACKAGES_MAX = 20  # ReadyToShip
REPACK_PACKAGES_MAX = 20  # RecreatePackage
# Not documented for these three; the same 20 as their siblings (docs/orders.md).
DBS_PACKAGES_MAX = 20
DIGITAL_ORDERS_MAX = 20
PROVIDER_ORDERS_MAX = 20


def check_paging(limit: int, offset: int) -> None:
    if not 1 <= limit <= ORDERS_LIMIT_MAX:
        raise invalid("request.page_size", maximum=ORDERS_LIMIT_MAX, size=limit)
    if not 0 <= offset <= ORDERS_OFFSET_MAX:
        raise RequestValidationError(
            f"The offset must be between 0 and {ORDERS_OFFSET_MAX}, not {offset}; "
            "move created_after to the last order's creation time instead."
        )


def check_ids(name: str, values: Sequence[str], maximum: int) -> None:
    if not values:
        raise invalid("request.list_empty", name=name)
    if len(values) > maximum:
        raise invalid("request.list_too_long", name=name, count=len(values), maximum=maximum)
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise invalid("request.list_blank", name=name)


def check_orders(name: str, orders: Mapping[str, Sequence[str]], maximum: int) -> None:
    check_ids(name, list(orders), maximum)
    for order_id, item_ids in orders.items():
        check_ids(f"The items of order {order_id}", list(item_ids), 10_000)
