"""Deterministic seeding: the demo seller, its stores and warehouses, products and POs."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from station.simulator.config import SimulatorConfig, region_timezone
from station.simulator.demo import DEMO_SELLER_ID
from station.simulator.records import (
    ARRIVED,
    CANCELLED_BUYER,
    CANCELLED_TIMEOUT,
    COMPLETED,
    READY,
    TO_PACK,
    TO_PUT_AWAY,
    Product,
    PurchaseOrder,
    Supplier,
    Warehouse,
)

HOUR_MS = 3_600_000
DAY_MS = 24 * HOUR_MS

_CITIES: dict[str, list[tuple[str, str, str]]] = {
    "PH": [("Manila", "MNL", "Pasig City"), ("Cebu", "CEB", "Mandaue City"), ("Davao", "DVO", "Panacan")],
    "MY": [("Kuala Lumpur", "KUL", "Shah Alam"), ("Penang", "PEN", "Bayan Lepas"), ("Johor", "JHB", "Pasir Gudang")],
    "SG": [("Singapore", "SIN", "Tuas"), ("Jurong", "JUR", "Jurong West"), ("Changi", "CHG", "Loyang")],
    "TH": [("Bangkok", "BKK", "Bang Na"), ("Chiang Mai", "CNX", "San Sai"), ("Phuket", "HKT", "Thalang")],
    "VN": [("Ho Chi Minh", "SGN", "Thu Duc"), ("Hanoi", "HAN", "Long Bien"), ("Da Nang", "DAD", "Lien Chieu")],
    "ID": [("Jakarta", "CGK", "Cakung"), ("Surabaya", "SUB", "Rungkut"), ("Medan", "KNO", "Deli Serdang")],
}
_GS1_PREFIX = {"PH": "480", "MY": "955", "SG": "888", "TH": "885", "VN": "893", "ID": "899"}
_PHONE_PREFIX = {"PH": "+63 9", "MY": "+60 1", "SG": "+65 8", "TH": "+66 8", "VN": "+84 9", "ID": "+62 8"}
_CONTACTS = ["Maria Santos", "Jose Reyes", "Ana Cruz", "Mark Tan", "Liza Lim", "Ramon Garcia"]
_ADJECTIVES = ["Portable", "Stainless", "Wireless", "Foldable", "Waterproof", "Mini", "Premium", "Eco", "Smart"]
_NOUNS = [
    "Water Bottle 750ml",
    "Phone Holder",
    "LED Desk Lamp",
    "Bluetooth Earbuds",
    "Storage Box",
    "Kitchen Scale",
    "Yoga Mat",
    "Lunch Box",
    "USB-C Cable 1m",
    "Hair Dryer",
    "Backpack 20L",
    "Umbrella",
    "Mouse Pad XL",
    "Cutting Board",
    "Night Light",
    "Travel Pillow",
    "Phone Case",
]
_COLOURS = ["Black", "White", "Blue", "Pink", "Grey", "Green"]
# The SKU suffix of each colour (one code per colour: "GRE" would be Green and Grey).
COLOUR_CODES = {"Black": "BLK", "White": "WHT", "Blue": "BLU", "Pink": "PNK", "Grey": "GRY", "Green": "GRN"}
# Some sellers list in local scripts; the labels must cope with them.
_LOCAL_TITLES = [
    "儿童保温杯 Kids Thermos 350ml",
    "กระเป๋าเป้ Backpack กันน้ำ",
    "Bình giữ nhiệt inox 500ml",
    "Café crème Kaffeebecher – 350ml",
    "防水手机袋 Waterproof Pouch",
]


def sku_code(index: int, colour: str | None) -> str:
    """The seller SKU of the ``index``-th product: ``BD-0038-PNK`` for a pink one, ``BD-0006`` without a colour."""
    return f"BD-{index + 1:04d}" + (f"-{COLOUR_CODES[colour]}" if colour else "")


def ean13(first12: str) -> str:
    """Append the EAN-13 check digit to 12 digits."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return first12 + str((10 - total % 10) % 10)


@dataclass
class Numbers:
    """Counters behind the numbers the platform hands out (logistics and pickup numbers)."""

    lbx: int = 4_098_450_800_000
    puo: int = 20_250_000_000_000

    def next_lbx(self) -> str:
        self.lbx += 1
        return f"LBX{self.lbx % 10**13:013d}"

    def next_puo(self) -> str:
        self.puo += 1
        return f"PUO{self.puo:014d}"

    def to_dict(self) -> dict[str, Any]:
        return {"lbx": self.lbx, "puo": self.puo}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Numbers:
        return cls(int(d["lbx"]), int(d["puo"]))


@dataclass
class Catalogue:
    supplier: Supplier
    warehouses: list[Warehouse]
    products: list[Product]
    by_sku: dict[str, Product] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_sku = {p.sku_id: p for p in self.products}

    def to_dict(self) -> dict[str, Any]:
        return {
            "supplier": self.supplier.to_dict(),
            "warehouses": [w.to_dict() for w in self.warehouses],
            "products": [p.to_dict() for p in self.products],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Catalogue:
        return cls(
            Supplier.from_dict(d["supplier"]),
            [Warehouse.from_dict(w) for w in d["warehouses"]],
            [Product.from_dict(p) for p in d["products"]],
        )


def _phone(rng: random.Random, region: str) -> str:
    return _PHONE_PREFIX[region] + str(rng.randint(10**8, 10**9 - 1))


def build_catalogue(rng: random.Random, region: str, products: int | None = None) -> Catalogue:
    supplier = Supplier(DEMO_SELLER_ID, 1000000000351423, "Bench Demo Trading Co.", "12981579")
    warehouses: list[Warehouse] = []
    for city, code, district in _CITIES[region]:
        for n in range(1, rng.randint(1, 2) + 1):
            warehouses.append(
                Warehouse(
                    store_name=f"Lazada Choice {region} {city} Store",
                    store_code=f"RMCW-CHOICE-{region}-{code}-{n}",
                    store_address=f"Warehouse {n}, {rng.randint(1, 300)} Logistics Avenue, {district}, {city}",
                    store_contact_name=rng.choice(_CONTACTS),
                    store_contact_phone=None if rng.random() < 0.3 else _phone(rng, region),
                )
            )
    count = products if products is not None else rng.randint(150, 300)
    items: list[Product] = []
    prefix = _GS1_PREFIX[region]
    for i in range(count):
        colour: str | None = None  # local titles name no colour; their SKU has no colour suffix
        if i % 17 == 5:
            title = _LOCAL_TITLES[(i // 17) % len(_LOCAL_TITLES)]
        else:
            adjective, noun, colour = rng.choice(_ADJECTIVES), rng.choice(_NOUNS), rng.choice(_COLOURS)
            title = f"{adjective} {noun} - {colour}"
        barcodes = [ean13(prefix + f"{rng.randint(0, 10**9 - 1):09d}")]
        if rng.random() < 0.12:
            barcodes.append(ean13(prefix + f"{rng.randint(0, 10**9 - 1):09d}"))
        sc_code = f"{1694487800000 + i * 37}"
        # The SKU's suffix was once drawn here on its own (so "BD-0038-WHI" could be a pink one). It now
        # follows the title's colour; the draw stays so that a seed still gives the same day as before.
        rng.choice(_COLOURS)
        items.append(
            Product(
                sku_id=str(11853722000 + i * 7),
                seller_sku=sku_code(i, colour),
                product_title=title,
                product_id=str(2413692000 + i * 3),
                sc_item_id=722815306000 + i * 11,
                sc_item_code=sc_code,
                sc_item_name=title[:40],
                barcodes=barcodes,
            )
        )
    return Catalogue(supplier, warehouses, items)


def _po_number(created_ms: int, region: str, seq: int) -> str:
    local = datetime.fromtimestamp(created_ms / 1000, region_timezone(region))
    return f"POJ{local:%y%m%d%H%M}{(seq * 7919 + 123457) % 10**6:06d}"


def seed_purchase_orders(
    rng: random.Random, catalogue: Catalogue, config: SimulatorConfig, numbers: Numbers, now_ms: int
) -> list[PurchaseOrder]:
    """The To Pack POs of today (``config.pos``, exactly), then the history of the previous 14 days in
    every other status: Ready To Ship, To Put Away, Arrived, Completed and cancelled.

    No history PO is To Pack, so a listing of To Pack POs over any look-back shows exactly
    ``config.pos`` of them: the number the demo promises (``--demo-pos``).
    """
    pos: list[PurchaseOrder] = []
    statuses = [READY, TO_PUT_AWAY, ARRIVED, COMPLETED, CANCELLED_TIMEOUT, CANCELLED_BUYER]
    weights = [15, 15, 15, 30, 8, 8]
    total = config.pos + config.history_count
    history_statuses = rng.choices(statuses, weights, k=config.history_count)
    for seq in range(total):
        if seq < config.pos:
            created = now_ms - int(rng.uniform(0, 20 * HOUR_MS))
            status = TO_PACK
        else:
            created = now_ms - int(rng.uniform(DAY_MS, 14 * DAY_MS))
            status = history_statuses[seq - config.pos]
        created -= created % 1000
        wh = rng.randrange(len(catalogue.warehouses))
        chosen = rng.sample(catalogue.products, rng.randint(1, 4))
        po = PurchaseOrder(
            purchase_order_no=_po_number(created, config.region, seq),
            warehouse=wh,
            status=TO_PACK,
            gmt_create=created,
            gmt_modified=created + rng.randint(1, 60) * 1000,
            gmt_except_arrive_time=created + 2 * DAY_MS,
            items=[(p.sku_id, rng.randint(1, 5)) for p in chosen],
            trade_order_id_list=[str(726365100000000 + seq * 13 + k) for k in range(rng.choice((1, 1, 1, 2)))],
        )
        if status != TO_PACK:
            _age(po, status, rng, config, numbers, now_ms)
        pos.append(po)
    return pos


def _age(
    po: PurchaseOrder, status: str, rng: random.Random, config: SimulatorConfig, numbers: Numbers, now_ms: int
) -> None:
    """Move a history PO to ``status`` with times that fit it."""
    span = now_ms - po.gmt_create
    if status in (CANCELLED_TIMEOUT, CANCELLED_BUYER):
        po.status = status
        po.gmt_modified = po.gmt_create + int(span * rng.uniform(0.05, 0.5))
        return
    po.packed_at = po.gmt_create + int(span * rng.uniform(0.05, 0.3))
    po.ready_at = po.packed_at + rng.randint(5, 10) * 1000
    po.logistics_no_list = [numbers.next_lbx()]
    po.status = READY
    po.gmt_modified = po.ready_at
    if status == READY:
        return
    po.shipped_at = po.ready_at + int(span * rng.uniform(0.05, 0.3))
    po.pickup_order_no = numbers.next_puo()
    po.delivery_method = "pickup"
    po.status = TO_PUT_AWAY
    po.gmt_modified = po.shipped_at
    arrive = int(config.arrive_after_seconds * 1000)
    complete = int(config.complete_after_seconds * 1000)
    if status == TO_PUT_AWAY:
        po.arrive_at = now_ms + int(rng.uniform(0.2, 1.0) * arrive)
        po.complete_at = po.arrive_at + complete
        return
    po.arrive_at = po.shipped_at + int((now_ms - po.shipped_at) * rng.uniform(0.1, 0.6))
    if status == ARRIVED:
        po.complete_at = now_ms + int(rng.uniform(0.2, 1.0) * complete)
    else:
        po.complete_at = po.arrive_at + int((now_ms - po.arrive_at) * rng.uniform(0.1, 0.9))
    po.advance(now_ms)
