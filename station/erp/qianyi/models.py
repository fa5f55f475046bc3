"""QianYi purchase orders at the boundary: dataclasses, the documented limits and the settlement rules.

Field names on the wire are the documented camelCase ones; :meth:`to_api` / :meth:`from_api` convert.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from station.connector.paging import check_page
from station.connector.values import build, camel, record
from station.erp.qianyi.errors import QianYiMalformedError, QianYiValidationError

SERVICE_QUERY = "QUERY_PURCHASE_ORDER_LIST"
SERVICE_CREATE = "CREATE_PURCHASE_ORDER"
PAGE_SIZE_MAX = 200
PURCHASE_NUMBER_MAX = 50
CUSTOM_NUMBER_MAX = 50  # not documented; assumed the same as the purchase number
HUNDRED = Decimal(100)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$")


class PurchaseType(str, Enum):
    TRANSFER = "TRANSFER"  # overseas warehouse purchase
    DIRECT = "DIRECT"  # domestic warehouse purchase


class SettlementType(str, Enum):
    DELIVERY_ON_CASH = "DELIVERY_ON_CASH"
    FIXED_ACCOUNT_PERIOD = "FIXED_ACCOUNT_PERIOD"
    DYNAMIC_ACCOUNT_PERIOD = "DYNAMIC_ACCOUNT_PERIOD"


class PaymentType(str, Enum):
    CASH = "CASH"
    TRANSFER = "TRANSFER"


class TransportMode(str, Enum):
    SELF = "SELF"
    EXPRESS = "EXPRESS"
    LOGISTICS = "LOGISTICS"
    DELIVERY = "DELIVERY"


class TransportParty(str, Enum):
    SUPPLIER = "SUPPLIER"
    PURCHASER = "PURCHASER"


def _num(value: Decimal) -> str:
    """A decimal as the API writes it (no exponent, no trailing zeros)."""
    text = format(value.normalize(), "f")
    return text


def _check_date(value: str, name: str, *, with_time: bool = False) -> None:
    pattern = _DATETIME if with_time else _DATE
    if not pattern.match(value):
        raise QianYiValidationError(f"{name} must be a date like 2022-01-01, not {value!r}.")
    try:
        datetime.strptime(value[:10], "%Y-%m-%d")
    except ValueError:
        raise QianYiValidationError(f"{name} is not a real date: {value!r}.") from None


# ----- query --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PurchaseOrderQuery:
    """Filters of ``QUERY_PURCHASE_ORDER_LIST``; dates are ``yyyy-MM-dd``."""

    purchase_number: str = ""
    custom_number: str = ""
    status: str = ""
    update_time_from: str = ""
    update_time_to: str = ""
    page: int = 1
    page_size: int = 100

    def validate(self) -> None:
        if len(self.purchase_number) > PURCHASE_NUMBER_MAX:
            raise QianYiValidationError(f"A purchase number has at most {PURCHASE_NUMBER_MAX} characters.")
        check_page(self.page, self.page_size, PAGE_SIZE_MAX, what="purchase orders", error=QianYiValidationError)
        for name, value in (("updateTimeFrom", self.update_time_from), ("updateTimeTo", self.update_time_to)):
            if value:
                _check_date(value, name, with_time=True)
        if self.update_time_from and self.update_time_to and self.update_time_from > self.update_time_to:
            raise QianYiValidationError("The update-time range ends before it starts.")

    def to_api(self) -> dict[str, Any]:
        self.validate()
        out: dict[str, Any] = {"page": self.page, "pageSize": self.page_size}
        for key, value in (
            ("purchaseNumber", self.purchase_number),
            ("customNumber", self.custom_number),
            ("status", self.status),
            ("updateTimeFrom", self.update_time_from),
            ("updateTimeTo", self.update_time_to),
        ):
            if value:
                out[key] = value
        return out


# ----- responses ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PurchaseOrderSku:
    sku: str
    title: str
    purchase_price: Decimal
    purchase_quantity: int
    pack_specification: int
    tax_rate: Decimal

    @classmethod
    def from_api(cls, data: Any) -> PurchaseOrderSku:
        return build(
            cls,
            record(data, "a SKU line", error=QianYiMalformedError),
            key=camel,
            error=QianYiMalformedError,
            decimals=True,
        )


@dataclass(frozen=True)
class PurchaseOrder:
    """A purchase order as ``QUERY_PURCHASE_ORDER_LIST`` returns it (create returns the first three fields)."""

    purchase_number: str
    warehouse_name: str
    sku_list: tuple[PurchaseOrderSku, ...]
    asn_number: str = ""
    custom_number: str = ""
    transfer_warehouse_name: str = ""
    purchase_type: str = ""
    supplier_name: str = ""
    settlement_type: str = ""
    prepay_rate: Decimal = Decimal(0)
    purchase_price_unit: str = ""
    payment_type: str = ""
    shipping_cost: Decimal = Decimal(0)
    transport_mode: str = ""
    buyer_title: str = ""
    company_name: str = ""
    transport_party: str = ""
    create_time: str = ""
    update_time: str = ""
    order_time: str = ""
    pre_receive_time: str = ""
    status: str = ""
    purchase_mode: str = ""
    remark: str = ""

    @property
    def total_quantity(self) -> int:
        return sum(s.purchase_quantity for s in self.sku_list)

    @classmethod
    def from_api(cls, data: Any) -> PurchaseOrder:
        data = record(data, "a purchase order", error=QianYiMalformedError)
        skus = data.get("skuList") or []
        if not isinstance(skus, list):
            raise QianYiMalformedError("skuList is not a list")
        return build(
            cls, data, key=camel, error=QianYiMalformedError, sku_list=tuple(PurchaseOrderSku.from_api(s) for s in skus)
        )


@dataclass(frozen=True)
class PurchaseOrderPage:
    total: int
    orders: tuple[PurchaseOrder, ...]
    page: int
    page_size: int

    @property
    def has_more(self) -> bool:
        return self.page * self.page_size < self.total and bool(self.orders)


# ----- create / update ----------------------------------------------------------------------------


@dataclass(frozen=True)
class NewPurchaseOrderSku:
    sku: str
    purchase_price: Decimal
    purchase_quantity: int
    purchase_price_unit: str = "CNY"
    tax_rate: Decimal = Decimal(0)
    remark: str = ""

    def validate(self) -> None:
        if not self.sku.strip():
            raise QianYiValidationError("Every purchase line needs a SKU.")
        if self.purchase_quantity < 1:
            raise QianYiValidationError(f"The quantity of {self.sku} must be at least 1.")
        if self.purchase_price < 0:
            raise QianYiValidationError(f"The purchase price of {self.sku} cannot be negative.")
        if self.tax_rate < 0:
            raise QianYiValidationError(f"The tax rate of {self.sku} cannot be negative.")
        if not self.purchase_price_unit.strip():
            raise QianYiValidationError(f"The currency of {self.sku} is missing.")

    def to_api(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "sku": self.sku,
            "purchasePrice": _num(self.purchase_price),
            "purchasePriceUnit": self.purchase_price_unit,
            "purchaseQuantity": self.purchase_quantity,
            "taxRate": _num(self.tax_rate),
        }
        if self.remark:
            out["remark"] = self.remark
        return out


@dataclass(frozen=True)
class AccountPeriod:
    """One instalment of a dynamic account period: ``percent`` % paid ``days`` days after the node."""

    days: int
    percent: Decimal

    def to_api(self) -> dict[str, Any]:
        return {"days": str(self.days), "percent": float(self.percent) if self.percent % 1 else int(self.percent)}


@dataclass(frozen=True)
class Purchase1688Ext:
    """``purchaseExtVO``: the 1688 extension fields."""

    open1688_account_name: str
    open1688_address: str
    open1688_order_type: str = "general"
    open1688_buyer_msg: str = ""
    open1688_trade_type: str = ""

    def validate(self) -> None:
        for name, value in (
            ("open1688AccountName", self.open1688_account_name),
            ("open1688Address", self.open1688_address),
            ("open1688OrderType", self.open1688_order_type),
        ):
            if not value.strip():
                raise QianYiValidationError(f"The 1688 field {name} is required when 1688 details are given.")

    def to_api(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "open1688AccountName": self.open1688_account_name,
            "open1688Address": self.open1688_address,
            "open1688OrderType": self.open1688_order_type,
        }
        if self.open1688_buyer_msg:
            out["open1688BuyerMsg"] = self.open1688_buyer_msg
        if self.open1688_trade_type:
            out["open1688TradeType"] = self.open1688_trade_type
        return out


@dataclass(frozen=True)
class PurchaseOrderRequest:
    """``CREATE_PURCHASE_ORDER``: a new purchase order, or (``is_update``) a change to ``purchase_number``.

    Settlement rules (checked by :meth:`validate` before anything is sent):

    * ``DELIVERY_ON_CASH``: no account periods; ``prepay_rate`` 0-100.
    * ``FIXED_ACCOUNT_PERIOD``: ``account_period_opt`` (e.g. ``MONTHLY``) and ``billing_date`` (1-31) and
      ``effective_node``; ``prepay_rate`` below 100 (the rest is paid on the fixed date).
    * ``DYNAMIC_ACCOUNT_PERIOD``: ``effective_node`` and ``account_period_list``, whose percentages plus
      ``prepay_rate`` add up to exactly 100.
    """

    purchase_type: PurchaseType
    warehouse_name: str
    purchaser_name: str
    purchase_date: str
    supplier_name: str
    sku_list: tuple[NewPurchaseOrderSku, ...]
    purchase_price_unit: str = "CNY"
    transport_party: TransportParty = TransportParty.SUPPLIER
    transport_mode: TransportMode = TransportMode.EXPRESS
    payment_type: PaymentType = PaymentType.TRANSFER
    settlement_type: SettlementType = SettlementType.DELIVERY_ON_CASH
    purchase_number: str = ""
    is_update: bool = False
    custom_number: str = ""
    transfer_warehouse_name: str = ""
    pre_receive_time: str = ""
    shipping_cost: Decimal | None = None
    company_name: str = ""
    buyer_title: str = ""
    tracking_number: str = ""
    remark: str = ""
    prepay_rate: Decimal | None = None
    effective_node: str = ""
    account_period_list: tuple[AccountPeriod, ...] = field(default_factory=tuple)
    account_period_opt: str = ""
    billing_date: int | None = None
    purchase_ext: Purchase1688Ext | None = None

    def validate(self) -> None:
        if self.is_update and not self.purchase_number:
            raise QianYiValidationError("Updating a purchase order needs its purchase number.")
        if not self.is_update and self.purchase_number:
            raise QianYiValidationError("A new purchase order must not carry a purchase number.")
        if len(self.purchase_number) > PURCHASE_NUMBER_MAX:
            raise QianYiValidationError(f"A purchase number has at most {PURCHASE_NUMBER_MAX} characters.")
        if len(self.custom_number) > CUSTOM_NUMBER_MAX:
            raise QianYiValidationError(f"A reference number has at most {CUSTOM_NUMBER_MAX} characters.")
        for name, value in (
            ("warehouse", self.warehouse_name),
            ("purchaser", self.purchaser_name),
            ("supplier", self.supplier_name),
            ("currency", self.purchase_price_unit),
        ):
            if not value.strip():
                raise QianYiValidationError(f"The purchase order needs a {name}.")
        if self.purchase_type is PurchaseType.TRANSFER and not self.transfer_warehouse_name.strip():
            raise QianYiValidationError("A TRANSFER purchase order needs a transfer warehouse.")
        _check_date(self.purchase_date, "purchaseDate", with_time=True)
        if self.pre_receive_time:
            _check_date(self.pre_receive_time, "preReceiveTime", with_time=True)
        if self.shipping_cost is not None and self.shipping_cost < 0:
            raise QianYiValidationError("The carriage cannot be negative.")
        if not self.sku_list:
            raise QianYiValidationError("A purchase order needs at least one SKU.")
        seen: set[str] = set()
        for line in self.sku_list:
            line.validate()
            if line.sku in seen:
                raise QianYiValidationError(f"SKU {line.sku} appears twice; put its quantities on one line.")
            seen.add(line.sku)
        if self.purchase_ext is not None:
            self.purchase_ext.validate()
        self._validate_settlement()

    def _validate_settlement(self) -> None:
        prepay = self.prepay_rate if self.prepay_rate is not None else Decimal(0)
        if not Decimal(0) <= prepay <= HUNDRED:
            raise QianYiValidationError("The prepaid percentage must be between 0 and 100.")
        kind = self.settlement_type
        if kind is SettlementType.DELIVERY_ON_CASH:
            if self.account_period_list or self.account_period_opt or self.billing_date is not None:
                raise QianYiValidationError("Cash on delivery takes no account period.")
            return
        if not self.effective_node.strip():
            raise QianYiValidationError("An account-period settlement needs the effective node (e.g. RECEIVE).")
        if kind is SettlementType.FIXED_ACCOUNT_PERIOD:
            if self.account_period_list:
                raise QianYiValidationError("A fixed account period takes no list of instalments.")
            if not self.account_period_opt.strip():
                raise QianYiValidationError("A fixed account period needs its period option (e.g. MONTHLY).")
            if self.billing_date is None or not 1 <= self.billing_date <= 31:
                raise QianYiValidationError("A fixed account period needs a billing date from 1 to 31.")
            if prepay >= HUNDRED:
                raise QianYiValidationError("With 100% prepaid there is nothing left for the fixed account period.")
            return
        if self.account_period_opt or self.billing_date is not None:
            raise QianYiValidationError("A dynamic account period takes instalments, not a fixed billing date.")
        if not self.account_period_list:
            raise QianYiValidationError("A dynamic account period needs at least one instalment.")
        for period in self.account_period_list:
            if period.days < 0:
                raise QianYiValidationError("An instalment's days cannot be negative.")
            if not Decimal(0) < period.percent <= HUNDRED:
                raise QianYiValidationError("An instalment's percentage must be above 0 and at most 100.")
        total = prepay + sum((p.percent for p in self.account_period_list), Decimal(0))
        if total != HUNDRED:
            raise QianYiValidationError(
                f"The prepaid percentage and the instalments add up to {_num(total)}%, not 100%."
            )

    def to_api(self) -> dict[str, Any]:
        self.validate()
        out: dict[str, Any] = {
            "purchaseType": self.purchase_type.value,
            "warehouseName": self.warehouse_name,
            "purchaserName": self.purchaser_name,
            "purchaseDate": self.purchase_date,
            "purchasePriceUnit": self.purchase_price_unit,
            "transportParty": self.transport_party.value,
            "transportMode": self.transport_mode.value,
            "supplierName": self.supplier_name,
            "paymentType": self.payment_type.value,
            "settlementType": self.settlement_type.value,
            "skuList": [s.to_api() for s in self.sku_list],
        }
        if self.is_update:
            out["isUpdate"] = True
            out["purchaseNumber"] = self.purchase_number
        optional: Sequence[tuple[str, Any]] = (
            ("customNumber", self.custom_number),
            ("transferWarehouseName", self.transfer_warehouse_name),
            ("preReceiveTime", self.pre_receive_time),
            ("companyName", self.company_name),
            ("buyerTitle", self.buyer_title),
            ("trackingNumber", self.tracking_number),
            ("remark", self.remark),
            ("effectiveNode", self.effective_node),
            ("accountPeriodOpt", self.account_period_opt),
        )
        for key, value in optional:
            if value:
                out[key] = value
        if self.shipping_cost is not None:
            out["shippingCost"] = _num(self.shipping_cost)
        if self.prepay_rate is not None:
            out["prepayRate"] = _num(self.prepay_rate)
        if self.account_period_list:
            # Documented as a String holding a JSON array.
            out["accountPeriodList"] = json.dumps([p.to_api() for p in self.account_period_list], separators=(",", ":"))
        if self.billing_date is not None:
            out["billingDate"] = self.billing_date
        if self.purchase_ext is not None:
            out["purchaseExtVO"] = self.purchase_ext.to_api()
        return out
