"""Replenishment: from a set of JIT POs, one QianYi purchase order for the SKUs and quantities they need.

Never created twice for the same POs: a small SQLite record (in the user data folder) maps the account
and the sorted PO numbers to the QianYi purchase number, and the purchase order carries a reference
number (``customNumber``) derived from the same PO numbers, which is looked up in QianYi before creating
(so a lost record or a lost answer does not lead to a second order either).
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path

import platformdirs

from station.erp.qianyi.client import QianYiClient
from station.erp.qianyi.errors import QianYiError, QianYiNetworkError, QianYiValidationError
from station.erp.qianyi.models import (
    AccountPeriod,
    NewPurchaseOrderSku,
    PaymentType,
    Purchase1688Ext,
    PurchaseOrderRequest,
    PurchaseType,
    SettlementType,
    TransportMode,
    TransportParty,
)
from station.lazada.jit import JitClient
from station.lazada.models import PurchaseOrderItem
from station.problems import Problem

REMARK_MAX = 500  # not documented; long PO lists are cut with "…"


def default_record_path() -> Path:
    return Path(platformdirs.user_data_dir("Station", "Station")) / "erp-replenishments.sqlite3"


def replenishment_key(po_numbers: Iterable[str]) -> str:
    numbers = sorted({n.strip() for n in po_numbers if n.strip()})
    if not numbers:
        raise QianYiValidationError("Choose at least one JIT purchase order to replenish.")
    return ",".join(numbers)


def custom_number_for(key: str) -> str:
    """The QianYi reference number of a set of POs: short, stable, well under the 50-character limit."""
    return "STN-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20].upper()


@dataclass(frozen=True)
class ReplenishmentDefaults:
    """What the JIT POs do not say: where, from whom, at what price and on what terms."""

    warehouse_name: str = "Shenzhen Main Warehouse"
    supplier_name: str = "Default supplier"
    purchaser_name: str = "Station"
    purchase_type: PurchaseType = PurchaseType.DIRECT
    transfer_warehouse_name: str = ""
    currency: str = "CNY"
    default_price: Decimal = Decimal(0)
    prices: Mapping[str, Decimal] = field(default_factory=dict)
    tax_rate: Decimal = Decimal(0)
    payment_type: PaymentType = PaymentType.TRANSFER
    transport_mode: TransportMode = TransportMode.EXPRESS
    transport_party: TransportParty = TransportParty.SUPPLIER
    settlement_type: SettlementType = SettlementType.DELIVERY_ON_CASH
    prepay_rate: Decimal | None = None
    effective_node: str = ""
    account_period_list: tuple[AccountPeriod, ...] = ()
    account_period_opt: str = ""
    billing_date: int | None = None
    purchase_ext: Purchase1688Ext | None = None


@dataclass(frozen=True)
class ReplenishmentLine:
    sku: str
    title: str
    quantity: int
    price: Decimal
    po_numbers: tuple[str, ...]


@dataclass(frozen=True)
class ReplenishmentRecord:
    account: str
    key: str
    custom_number: str
    purchase_number: str
    created_at: str

    @property
    def po_numbers(self) -> tuple[str, ...]:
        return tuple(self.key.split(","))


@dataclass(frozen=True)
class ReplenishmentPlan:
    key: str
    custom_number: str
    lines: tuple[ReplenishmentLine, ...]
    request: PurchaseOrderRequest
    existing: ReplenishmentRecord | None = None

    @property
    def po_numbers(self) -> tuple[str, ...]:
        return tuple(self.key.split(","))

    @property
    def total_units(self) -> int:
        return sum(line.quantity for line in self.lines)


@dataclass(frozen=True)
class ReplenishmentResult:
    purchase_number: str
    created: bool  # False: it existed already (recorded here, or found in QianYi by its reference)
    record: ReplenishmentRecord


def aggregate(
    items: Mapping[str, Sequence[PurchaseOrderItem]], defaults: ReplenishmentDefaults
) -> list[ReplenishmentLine]:
    """One line per seller SKU: the units the POs ask for, in SKU order."""
    quantities: dict[str, int] = {}
    titles: dict[str, str] = {}
    pos: dict[str, list[str]] = {}
    for po_no, rows in items.items():
        for row in rows:
            sku = row.seller_sku.strip()
            if not sku or row.buyer_qty <= 0:
                continue
            quantities[sku] = quantities.get(sku, 0) + row.buyer_qty
            titles.setdefault(sku, row.product_title)
            if po_no not in pos.setdefault(sku, []):
                pos[sku].append(po_no)
    return [
        ReplenishmentLine(
            sku, titles[sku], quantities[sku], defaults.prices.get(sku, defaults.default_price), tuple(sorted(pos[sku]))
        )
        for sku in sorted(quantities)
    ]


class ReplenishmentStore:
    """``(account, sorted PO numbers) -> QianYi purchase number`` in SQLite."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_record_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS replenishment (account TEXT NOT NULL, po_key TEXT NOT NULL, "
                "custom_number TEXT NOT NULL, purchase_number TEXT NOT NULL, created_at TEXT NOT NULL, "
                "PRIMARY KEY (account, po_key))"
            )

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def get(self, account: str, key: str) -> ReplenishmentRecord | None:
        with self._lock, self._connect() as db:
            row = db.execute(
                "SELECT account, po_key, custom_number, purchase_number, created_at FROM replenishment "
                "WHERE account = ? AND po_key = ?",
                (account, key),
            ).fetchone()
        return None if row is None else ReplenishmentRecord(*row)

    def put(self, record: ReplenishmentRecord) -> ReplenishmentRecord:
        """Keep ``record`` unless one exists for the same POs; the record that stays."""
        with self._lock, self._connect() as db:
            db.execute(
                "INSERT OR IGNORE INTO replenishment VALUES (?, ?, ?, ?, ?)",
                (record.account, record.key, record.custom_number, record.purchase_number, record.created_at),
            )
            row = db.execute(
                "SELECT account, po_key, custom_number, purchase_number, created_at FROM replenishment "
                "WHERE account = ? AND po_key = ?",
                (record.account, record.key),
            ).fetchone()
        return ReplenishmentRecord(*row)

    def all(self) -> list[ReplenishmentRecord]:
        with self._lock, self._connect() as db:
            rows = db.execute(
                "SELECT account, po_key, custom_number, purchase_number, created_at FROM replenishment "
                "ORDER BY created_at"
            ).fetchall()
        return [ReplenishmentRecord(*r) for r in rows]


class Replenisher:
    def __init__(
        self,
        qianyi: QianYiClient,
        store: ReplenishmentStore | None = None,
        defaults: ReplenishmentDefaults | None = None,
        jit: JitClient | None = None,
    ) -> None:
        self.qianyi = qianyi
        self.store = store or ReplenishmentStore()
        self.defaults = defaults or ReplenishmentDefaults()
        self.jit = jit
        self._lock = threading.Lock()

    def plan(
        self,
        po_numbers: Iterable[str],
        items: Mapping[str, Sequence[PurchaseOrderItem]] | None = None,
        *,
        today: date | None = None,
    ) -> ReplenishmentPlan:
        """What would be sent (nothing is): the lines, the request, and the existing order if there is one."""
        key = replenishment_key(po_numbers)
        numbers = key.split(",")
        if items is None:
            if self.jit is None:
                raise QianYiValidationError("No JIT connection to read the POs' items from.")
            items = self.jit.list_items_many(numbers)
        missing = [n for n in numbers if not items.get(n)]
        if missing:
            raise QianYiValidationError(Problem("replenish.no_items", {"pos": ", ".join(missing)}))
        lines = aggregate({n: items[n] for n in numbers}, self.defaults)
        if not lines:
            raise QianYiValidationError("The chosen POs need no units.")
        d = self.defaults
        custom = custom_number_for(key)
        remark = "Station replenishment for JIT POs " + ", ".join(numbers)
        if len(remark) > REMARK_MAX:
            remark = remark[: REMARK_MAX - 1] + "…"
        request = PurchaseOrderRequest(
            purchase_type=d.purchase_type,
            warehouse_name=d.warehouse_name,
            purchaser_name=d.purchaser_name,
            purchase_date=(today or date.today()).isoformat(),
            supplier_name=d.supplier_name,
            sku_list=tuple(
                NewPurchaseOrderSku(line.sku, line.price, line.quantity, d.currency, d.tax_rate) for line in lines
            ),
            purchase_price_unit=d.currency,
            transport_party=d.transport_party,
            transport_mode=d.transport_mode,
            payment_type=d.payment_type,
            settlement_type=d.settlement_type,
            custom_number=custom,
            transfer_warehouse_name=d.transfer_warehouse_name,
            remark=remark,
            prepay_rate=d.prepay_rate,
            effective_node=d.effective_node,
            account_period_list=d.account_period_list,
            account_period_opt=d.account_period_opt,
            billing_date=d.billing_date,
            purchase_ext=d.purchase_ext,
        )
        request.validate()
        return ReplenishmentPlan(key, custom, tuple(lines), request, self.store.get(self.qianyi.account, key))

    def execute(self, plan: ReplenishmentPlan) -> ReplenishmentResult:
        """Create the purchase order of ``plan`` unless one exists for the same POs."""
        account = self.qianyi.account
        with self._lock:
            existing = self.store.get(account, plan.key)
            if existing is not None:
                return ReplenishmentResult(existing.purchase_number, False, existing)
            found = self.qianyi.find_by_custom_number(plan.custom_number)
            if found:
                record = self.store.put(self._record(plan, found[0].purchase_number))
                return ReplenishmentResult(record.purchase_number, False, record)
            try:
                order = self.qianyi.save(replace(plan.request, custom_number=plan.custom_number))
            except QianYiNetworkError:
                found = self.qianyi.find_by_custom_number(plan.custom_number)
                if not found:
                    raise
                record = self.store.put(self._record(plan, found[0].purchase_number))
                return ReplenishmentResult(record.purchase_number, True, record)
            if not order.purchase_number:
                raise QianYiError("no purchase number in the answer")
            record = self.store.put(self._record(plan, order.purchase_number))
            return ReplenishmentResult(record.purchase_number, record.purchase_number == order.purchase_number, record)

    def _record(self, plan: ReplenishmentPlan, purchase_number: str) -> ReplenishmentRecord:
        return ReplenishmentRecord(
            self.qianyi.account,
            plan.key,
            plan.custom_number,
            purchase_number,
            datetime.now(timezone.utc).isoformat(timespec="seconds"),
        )
