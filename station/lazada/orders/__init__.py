"""Lazada marketplace orders: listing, items, and fulfilment (pack, AWB, ready to ship, delivery)."""

from station.lazada.orders.client import OrdersClient
from station.lazada.orders.models import (
    AllocateType,
    AwbDocument,
    DocType,
    ItemResult,
    ItemStatus,
    Order,
    OrderItem,
    OrdersPage,
    OrdersQuery,
    PackageResult,
    ProviderChoice,
    ShipmentProvider,
)

__all__ = [
    "AllocateType",
    "AwbDocument",
    "DocType",
    "ItemResult",
    "ItemStatus",
    "Order",
    "OrderItem",
    "OrdersClient",
    "OrdersPage",
    "OrdersQuery",
    "PackageResult",
    "ProviderChoice",
    "ShipmentProvider",
]
