"""The simulator's marketplace orders: seeded deterministically, held in memory with their packages.

Orders are kept sorted by creation time. Each order has one to five units (two of the same product
are two items), statuses are per item and can differ inside one order; some orders are digital
(delivered with DeliverDigital) and some are delivered by the seller (DBS, ``delivery_option_sof``).
"""

from __future__ import annotations

import bisect
import random
import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from station.simulator.catalogue import Catalogue
from station.simulator.config import SimulatorConfig, region_timezone

HOUR_MS = 3_600_000
DAY_MS = 24 * HOUR_MS

UNPAID, PENDING, PACKED, REPACKED = "unpaid", "pending", "packed", "repacked"
READY_TO_SHIP, SHIPPED, DELIVERED = "ready_to_ship", "shipped", "delivered"
FAILED_DELIVERY, CANCELED, RETURNED = "failed_delivery", "canceled", "returned"
ITEM_STATUSES = (
    UNPAID,
    PENDING,
    PACKED,
    REPACKED,
    READY_TO_SHIP,
    SHIPPED,
    DELIVERED,
    FAILED_DELIVERY,
    CANCELED,
    RETURNED,
)
WITH_PACKAGE = (PACKED, READY_TO_SHIP, SHIPPED, DELIVERED, FAILED_DELIVERY, RETURNED)

# (id, name, tracking prefix); the platform allocates the first one unless the seller chooses.
PROVIDERS = (
    ("FM40", "LEX", "LEX"),
    ("FM52", "J&T Express", "JT"),
    ("FM61", "Ninja Van", "NV"),
    ("FM77", "Flash Express", "FL"),
)
_FIRST = ["Maria", "Jose", "Ana", "Mark", "Liza", "Ramon", "Nur", "Thao", "Somchai", "Putri", "Wei", "Arjun"]
_LAST = ["Santos", "Reyes", "Cruz", "Tan", "Lim", "Garcia", "Rahman", "Nguyen", "Suksawat", "Wijaya", "Chen"]
_STREETS = ["12 Shaw Blvd", "88 Ortigas Ave", "5 Jalan Ampang", "101 Sukhumvit Soi 11", "23 Le Loi", "7 Orchard Rd"]
_PAYMENTS = ["COD", "COD", "MIXEDCARD", "GCASH", "PAYPAL"]


@dataclass
class Item:
    order_item_id: int
    sku: str
    shop_sku: str
    name: str
    variation: str
    price: float
    status: str
    is_digital: bool = False
    sof: bool = False
    package_id: str = ""
    tracking: str = ""
    provider: str = ""
    reason: str = ""
    updated_ms: int = 0


@dataclass
class Order:
    order_id: int
    created_ms: int
    updated_ms: int
    first_name: str
    last_name: str
    phone: str
    street: str
    city: str
    state: str
    post_code: str
    payment_method: str
    shipping_fee: float
    voucher: float
    seller_choice: bool  # the seller must choose the shipment provider
    items: list[Item] = field(default_factory=list)

    @property
    def statuses(self) -> list[str]:
        return list(dict.fromkeys(i.status for i in self.items))


@dataclass
class Package:
    package_id: str
    order_id: int
    item_ids: list[int]
    tracking: str
    provider: str


class OrderBook:
    def __init__(self, config: SimulatorConfig, catalogue: Catalogue, now_ms: int) -> None:
        self.config = config
        self.lock = threading.RLock()
        self.orders: dict[int, Order] = {}
        self._sorted: list[tuple[int, int]] = []  # (created_ms, order_id), ascending
        self.packages: dict[str, Package] = {}
        self.by_tracking: dict[str, str] = {}
        self.documents: dict[str, bytes] = {}  # AWB PDFs served at /awb/<name>
        self._next_package = 0
        self._next_tracking = 0
        self._seed(catalogue, now_ms)

    # ----- seeding ---------------------------------------------------------------------------

    def _seed(self, catalogue: Catalogue, now_ms: int) -> None:
        cfg = self.config
        rng = random.Random(f"{cfg.seed}:orders")
        count = max(0, int(cfg.orders))
        span_ms = max(30 * DAY_MS, count * 10 * 60_000)  # about six orders an hour, at least 30 days
        cities = ["Pasig City", "Quezon City", "Makati", "Cebu City", "Davao City", "Taguig"]
        item_seq = 0
        orders = []
        for seq in range(count):
            created = now_ms - int(rng.uniform(0, span_ms))
            created -= created % 1000
            age_days = (now_ms - created) / DAY_MS
            roll = rng.random()
            digital, sof = roll < 0.06, 0.06 <= roll < 0.14
            order = Order(
                order_id=410_000_000_000 + seq * 7 + rng.randrange(7),
                created_ms=created,
                updated_ms=created,
                first_name=rng.choice(_FIRST),
                last_name=rng.choice(_LAST),
                phone=f"+63 9{rng.randrange(10**9):09d}",
                street=rng.choice(_STREETS),
                city=rng.choice(cities),
                state="Metro Manila",
                post_code=f"{rng.randrange(1000, 9999)}",
                payment_method=rng.choice(_PAYMENTS),
                shipping_fee=0.0 if digital else float(rng.choice((0, 38, 45, 58))),
                voucher=float(rng.choice((0, 0, 0, 20, 50))),
                seller_choice=not digital and rng.random() < 0.2,
            )
            base = self._base_status(rng, age_days, digital)
            products = rng.sample(catalogue.products, min(len(catalogue.products), rng.randint(1, 3)))
            for product in products:
                for _ in range(rng.choice((1, 1, 1, 2))):
                    item_seq += 1
                    order.items.append(
                        Item(
                            order_item_id=510_000_000_000 + item_seq * 3,
                            sku=product.seller_sku,
                            shop_sku=f"{product.product_id}_{cfg.region}-{product.sku_id}",
                            name=("e-Voucher " if digital else "") + product.product_title,
                            variation=rng.choice(("Color:Black", "Color:White", "Size:M", "")),
                            price=float(rng.choice((99, 149, 199, 299, 499, 799, 1299))),
                            status=base,
                            is_digital=digital,
                            sof=sof,
                            updated_ms=created,
                        )
                    )
                    if len(order.items) >= 5:
                        break
                if len(order.items) >= 5:
                    break
            # Mixed statuses inside one order: a unit cancelled or returned on its own.
            if len(order.items) > 1 and rng.random() < 0.15:
                odd = order.items[-1]
                odd.status = CANCELED if base in (UNPAID, PENDING) else RETURNED if base == DELIVERED else odd.status
                odd.reason = "Change of mind" if odd.status in (CANCELED, RETURNED) else ""
            self._give_packages(rng, order)
            order.updated_ms = created + int(min(age_days, 5) * rng.uniform(0, DAY_MS))
            orders.append(order)
        for order in orders:
            self.orders[order.order_id] = order
        self._sorted = sorted((o.created_ms, o.order_id) for o in orders)

    @staticmethod
    def _base_status(rng: random.Random, age_days: float, digital: bool) -> str:
        if digital:
            return rng.choices((PENDING, DELIVERED, CANCELED), (5, 4, 1))[0]
        if age_days < 2:
            return rng.choices((UNPAID, PENDING, PACKED, READY_TO_SHIP, CANCELED), (1, 8, 2, 2, 1))[0]
        if age_days < 7:
            return rng.choices((PENDING, PACKED, REPACKED, READY_TO_SHIP, SHIPPED, CANCELED), (2, 1, 1, 2, 5, 1))[0]
        return rng.choices((SHIPPED, DELIVERED, FAILED_DELIVERY, CANCELED, RETURNED), (1, 12, 1, 2, 1))[0]

    def _give_packages(self, rng: random.Random, order: Order) -> None:
        packed = [i for i in order.items if i.status in WITH_PACKAGE]
        if packed:
            provider = rng.choice(PROVIDERS) if order.seller_choice else PROVIDERS[0]
            self.new_package(order, packed, provider)

    # ----- numbers and packages -----------------------------------------------------------------

    def new_package(self, order: Order, items: list[Item], provider: tuple[str, str, str]) -> Package:
        self._next_package += 1
        self._next_tracking += 1
        package = Package(
            package_id=f"FP{self.config.seed % 100:02d}{self._next_package:010d}",
            order_id=order.order_id,
            item_ids=[i.order_item_id for i in items],
            tracking=f"{self.config.region}{provider[2]}{(order.order_id * 31 + self._next_tracking) % 10**10:010d}",
            provider=provider[1],
        )
        self.packages[package.package_id] = package
        self.by_tracking[package.tracking] = package.package_id
        for item in items:
            item.package_id, item.tracking, item.provider = package.package_id, package.tracking, package.provider
        return package

    def drop_package(self, package: Package) -> None:
        self.packages.pop(package.package_id, None)
        self.by_tracking.pop(package.tracking, None)

    def package_items(self, package: Package) -> list[Item]:
        order = self.orders[package.order_id]
        ids = set(package.item_ids)
        return [i for i in order.items if i.order_item_id in ids]

    # ----- queries -----------------------------------------------------------------------------

    def select(
        self,
        created_after: int | None,
        created_before: int | None,
        update_after: int | None,
        update_before: int | None,
        status: str | None,
        sort_by: str,
        descending: bool,
    ) -> list[Order]:
        lo = 0 if created_after is None else bisect.bisect_left(self._sorted, (created_after, -1))
        hi = len(self._sorted)
        if created_before is not None:
            hi = bisect.bisect_right(self._sorted, (created_before, 1 << 62))
        found = []
        for _, order_id in self._sorted[lo:hi]:
            order = self.orders[order_id]
            if update_after is not None and order.updated_ms < update_after:
                continue
            if update_before is not None and order.updated_ms > update_before:
                continue
            if status is not None and status not in order.statuses:
                continue
            found.append(order)
        if sort_by == "updated_at":
            found.sort(key=lambda o: (o.updated_ms, o.order_id))
        if descending:
            found.reverse()
        return found

    # ----- JSON forms ------------------------------------------------------------------------

    def local_time(self, ms: int) -> str:
        return datetime.fromtimestamp(ms / 1000, region_timezone(self.config.region)).strftime("%Y-%m-%d %H:%M:%S %z")

    def order_json(self, order: Order) -> dict[str, Any]:
        price = sum(i.price for i in order.items)
        return {
            "order_id": order.order_id,
            "order_number": order.order_id,
            "created_at": self.local_time(order.created_ms),
            "updated_at": self.local_time(order.updated_ms),
            "statuses": order.statuses,
            "items_count": len(order.items),
            "price": f"{price:,.2f}",
            "shipping_fee": order.shipping_fee,
            "voucher": order.voucher,
            "payment_method": order.payment_method,
            "customer_first_name": order.first_name,
            "customer_last_name": order.last_name,
            "remarks": "",
            "gift_option": False,
            "warehouse_code": "dropshipping",
            "address_shipping": {
                "first_name": order.first_name,
                "last_name": order.last_name,
                "phone": order.phone,
                "address1": order.street,
                "address2": "",
                "address3": order.state,
                "address4": order.city,
                "address5": order.post_code,
                "country": "Philippines" if self.config.region == "PH" else self.config.region,
            },
        }

    def item_json(self, order: Order, item: Item) -> dict[str, Any]:
        return {
            "order_item_id": item.order_item_id,
            "order_id": order.order_id,
            "name": item.name,
            "sku": item.sku,
            "shop_sku": item.shop_sku,
            "variation": item.variation,
            "status": item.status,
            "item_price": item.price,
            "paid_price": item.price,
            "currency": "PHP" if self.config.region == "PH" else "USD",
            "package_id": item.package_id or None,
            "tracking_code": item.tracking or None,
            "shipment_provider": item.provider or None,
            "shipping_type": "Dropshipping",
            "is_digital": 1 if item.is_digital else 0,
            "delivery_option_sof": 1 if item.sof else 0,
            "reason": item.reason,
            "created_at": self.local_time(order.created_ms),
            "updated_at": self.local_time(item.updated_ms or order.updated_ms),
        }
