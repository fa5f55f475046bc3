"""A QianYi purchase-order simulator: ``POST /api/v1/purchase`` with the documented fields, limits and errors.

Started like the Lazada simulator::

    sim = QianYiSimulator(seed=3).start()   # 127.0.0.1, a free port
    client = QianYiClient(demo_settings(sim.base_url))
    ...
    sim.stop()

Business errors come back with HTTP 200, ``state: "fail"`` and an ``errorCode`` (``DATA_INPUT_ERROR`` as
documented; ``SIGN_ERROR``, ``APP_ID_ERROR`` and ``TIMESTAMP_ERROR`` for the authentication failures,
whose codes QianYi does not publish).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from station.erp.keystore import QianYiSettings
from station.erp.qianyi.client import sign
from station.erp.qianyi.models import (
    PAGE_SIZE_MAX,
    PURCHASE_NUMBER_MAX,
    SERVICE_CREATE,
    SERVICE_QUERY,
    PaymentType,
    PurchaseType,
    SettlementType,
    TransportMode,
    TransportParty,
)
from station.simulator.erp_base import (
    FaultConfig,
    HttpSimulator,
    Request,
    Response,
    simulator_main,
)

DEMO_APP_ID = "openApi_DEMO"
DEMO_APP_SECRET = "qYdEmO5s3cr3tK9vW2pLm7Tz"
APPS = {DEMO_APP_ID: DEMO_APP_SECRET}
TIMESTAMP_TOLERANCE_MS = 10 * 60 * 1000
STATUSES = ("NEW", "AUDITED", "IN_TRANSIT", "PART_RECEIVED", "FINISHED", "CANCELLED")
WAREHOUSES = ("Shenzhen Main Warehouse", "Yiwu Warehouse")
TRANSFER_WAREHOUSES = ("Manila Overseas Warehouse", "Kuala Lumpur Overseas Warehouse")
SUPPLIERS = ("Dongguan Bright Toys", "Yiwu Daily Goods", "Guangzhou Home Textile", "Shantou Crafts")


def demo_settings(base_url: str) -> QianYiSettings:
    return QianYiSettings(DEMO_APP_ID, DEMO_APP_SECRET, base_url)


class _InputError(Exception):
    def __init__(self, message: str, code: str = "DATA_INPUT_ERROR") -> None:
        super().__init__(message)
        self.code = code


def _fail(code: str, message: str) -> Response:
    return Response(200, {"errorCode": code, "errorMsg": message, "state": "fail", "total": 0, "result": []})


def _ok(total: int, result: list[dict[str, Any]]) -> Response:
    return Response(200, {"errorCode": "", "errorMsg": "", "state": "success", "total": total, "result": result})


def _dec(data: Mapping[str, Any], key: str, *, required: bool = False) -> Decimal | None:
    value = data.get(key)
    if value is None or value == "":
        if required:
            raise _InputError(f"{key} is required")
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise _InputError(f"{key} is not a number") from None


def _req_str(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if value is None or str(value).strip() == "":
        raise _InputError(f"{key} is required")
    return str(value)


def _enum(data: Mapping[str, Any], key: str, allowed: tuple[str, ...]) -> str:
    value = _req_str(data, key)
    if value not in allowed:
        raise _InputError(f"{key} must be one of {', '.join(allowed)}")
    return value


def _date(data: Mapping[str, Any], key: str, *, required: bool) -> str:
    value = data.get(key)
    if value is None or value == "":
        if required:
            raise _InputError(f"{key} is required")
        return ""
    text = str(value)
    try:
        datetime.strptime(text[:10], "%Y-%m-%d")
    except ValueError:
        raise _InputError(f"{key} is not a date (yyyy-MM-dd)") from None
    return text


@dataclass
class _Order:
    data: dict[str, Any]  # the documented PurchaseOrder fields


class QianYiSimulator(HttpSimulator):
    name = "qianyi"

    def __init__(
        self,
        *,
        orders: int = 45,
        seed: int = 1,
        port: int = 0,
        host: str = "127.0.0.1",
        faults: FaultConfig | None = None,
        check_timestamp: bool = True,
    ) -> None:
        super().__init__(port=port, host=host, seed=seed, faults=faults)
        self.check_timestamp = check_timestamp
        self.orders: dict[str, _Order] = {}
        self._seq = 0
        self._seed(orders)

    @property
    def url(self) -> str:
        """What goes in the client's settings as the host."""
        return self.base_url

    # ----- data -------------------------------------------------------------------------------
    def _next_number(self, when: datetime) -> str:
        self._seq += 1
        return f"P{when:%y%m%d}{self._seq:06d}"

    def _seed(self, count: int) -> None:
        rng = self.rng
        now = datetime(2026, 11, 20, 9, 0, 0)
        for i in range(count):
            created = now - timedelta(days=rng.randint(0, 60), minutes=rng.randint(0, 1440))
            updated = created + timedelta(hours=rng.randint(0, 72))
            transfer = rng.random() < 0.4
            settlement = rng.choice(list(SettlementType)).value
            skus = []
            for j in range(rng.randint(1, 4)):
                skus.append(
                    {
                        "sku": f"BD-{rng.randint(1, 150):04d}-{'RBGKW'[j % 5]}{'EUTLH'[j % 5]}D",
                        "title": f"Bench item {i}-{j}",
                        "purchasePrice": str(Decimal(rng.randint(150, 9900)) / 100),
                        "purchaseQuantity": rng.randint(1, 60) * 5,
                        "packSpecification": rng.choice((1, 5, 10)),
                        "taxRate": "0.1" if rng.random() < 0.3 else "0",
                    }
                )
            number = self._next_number(created)
            self.orders[number] = _Order(
                {
                    "purchaseNumber": number,
                    "asnNumber": f"A{number[1:]}",
                    "customNumber": f"REF{i:05d}",
                    "warehouseName": rng.choice(WAREHOUSES),
                    "transferWarehouseName": rng.choice(TRANSFER_WAREHOUSES) if transfer else "",
                    "purchaseType": "TRANSFER" if transfer else "DIRECT",
                    "supplierName": rng.choice(SUPPLIERS),
                    "settlementType": settlement,
                    "prepayRate": "30" if settlement != "DELIVERY_ON_CASH" else "0",
                    "purchasePriceUnit": "CNY",
                    "paymentType": rng.choice(("CASH", "TRANSFER")),
                    "shippingCost": str(Decimal(rng.randint(0, 5000)) / 100),
                    "transportMode": rng.choice([m.value for m in TransportMode]),
                    "buyerTitle": "Station Demo Buyer",
                    "companyName": "Station Demo Co., Ltd",
                    "transportParty": rng.choice(("SUPPLIER", "PURCHASER")),
                    "createTime": f"{created:%Y-%m-%d %H:%M:%S}",
                    "updateTime": f"{updated:%Y-%m-%d %H:%M:%S}",
                    "orderTime": f"{created:%Y-%m-%d %H:%M:%S}",
                    "preReceiveTime": f"{created + timedelta(days=7):%Y-%m-%d} 00:00:00",
                    "status": rng.choice(STATUSES),
                    "purchaseMode": rng.choice(("STANDARD", "EASYWAY")),
                    "remark": "",
                    "skuList": skus,
                }
            )

    # ----- requests ---------------------------------------------------------------------------
    def handle(self, request: Request) -> Response:
        if not request.path.startswith("/api/") or not request.path.endswith("/purchase"):
            return Response(
                404, {"errorCode": "NOT_FOUND", "errorMsg": f"no such path {request.path}", "state": "fail"}
            )
        if request.method != "POST":
            return Response(405, {"errorCode": "METHOD_NOT_ALLOWED", "errorMsg": "use POST", "state": "fail"})
        if request.path != "/api/v1/purchase":
            return _fail("DATA_INPUT_ERROR", "unsupported version; use v1")
        form = request.form
        for key in ("appId", "serviceType", "bizParam", "timestamp", "sign"):
            if not form.get(key):
                return _fail("DATA_INPUT_ERROR", f"The input of Params is incorrect: {key} is required")
        secret = APPS.get(form["appId"])
        if secret is None:
            return _fail("APP_ID_ERROR", "appId does not exist")
        if sign({k: v for k, v in form.items() if k != "sign"}, secret) != form["sign"].lower():
            return _fail("SIGN_ERROR", "sign check failed")
        try:
            stamp = int(form["timestamp"])
        except ValueError:
            return _fail("TIMESTAMP_ERROR", "timestamp must be milliseconds")
        if self.check_timestamp and abs(stamp - time.time() * 1000) > TIMESTAMP_TOLERANCE_MS:
            return _fail("TIMESTAMP_ERROR", "timestamp expired")
        try:
            biz = json.loads(form["bizParam"])
        except ValueError:
            return _fail("DATA_INPUT_ERROR", "The input of Params is incorrect: bizParam is not JSON")
        if not isinstance(biz, dict):
            return _fail("DATA_INPUT_ERROR", "The input of Params is incorrect: bizParam is not an object")
        try:
            if form["serviceType"] == SERVICE_QUERY:
                return self._query(biz)
            if form["serviceType"] == SERVICE_CREATE:
                return self._create(biz)
        except _InputError as exc:
            return _fail(exc.code, f"The input of Params is incorrect: {exc}")
        return _fail("DATA_INPUT_ERROR", f"unknown serviceType {form['serviceType']}")

    def internal_error(self) -> Response:
        return Response(500, {"errorCode": "SYSTEM_ERROR", "errorMsg": "system busy", "state": "fail"})

    def _query(self, biz: Mapping[str, Any]) -> Response:
        page_value, size_value = biz.get("page"), biz.get("pageSize")
        if page_value is None or size_value is None:
            raise _InputError("page and pageSize are required")
        try:
            page, size = int(page_value), int(size_value)
        except (TypeError, ValueError):
            raise _InputError("page and pageSize must be numbers") from None
        if page < 1:
            raise _InputError("page starts at 1")
        if not 1 <= size <= PAGE_SIZE_MAX:
            raise _InputError(f"pageSize no more than {PAGE_SIZE_MAX}")
        number = str(biz.get("purchaseNumber") or "")
        if len(number) > PURCHASE_NUMBER_MAX:
            raise _InputError(f"purchaseNumber has a maximum of {PURCHASE_NUMBER_MAX} characters")
        custom, status = str(biz.get("customNumber") or ""), str(biz.get("status") or "")
        start = _date(biz, "updateTimeFrom", required=False)
        end = _date(biz, "updateTimeTo", required=False)
        with self.lock:
            rows = [o.data for o in self.orders.values()]
        matched = [
            r
            for r in rows
            if (not number or r["purchaseNumber"] == number)
            and (not custom or r["customNumber"] == custom)
            and (not status or r["status"] == status)
            and (not start or r["updateTime"] >= start[:10])
            and (not end or r["updateTime"][:10] <= end[:10])
        ]
        matched.sort(key=lambda r: (r["updateTime"], r["purchaseNumber"]), reverse=True)
        chunk = matched[(page - 1) * size : page * size]
        return _ok(len(matched), [json.loads(json.dumps(r)) for r in chunk])

    def _create(self, biz: Mapping[str, Any]) -> Response:
        is_update = biz.get("isUpdate") in (True, "true", "True")
        number = str(biz.get("purchaseNumber") or "")
        if is_update and not number:
            raise _InputError("purchaseNumber is required when isUpdate=true")
        if not is_update and number:
            raise _InputError("purchaseNumber must be empty for a new purchase order")
        purchase_type = _enum(biz, "purchaseType", tuple(t.value for t in PurchaseType))
        warehouse = _req_str(biz, "warehouseName")
        transfer = str(biz.get("transferWarehouseName") or "")
        if purchase_type == "TRANSFER" and not transfer:
            raise _InputError("transferWarehouseName is required when purchaseType=TRANSFER")
        _req_str(biz, "purchaserName")
        purchase_date = _date(biz, "purchaseDate", required=True)
        pre_receive = _date(biz, "preReceiveTime", required=False)
        currency = _req_str(biz, "purchasePriceUnit")
        shipping = _dec(biz, "shippingCost")
        if shipping is not None and shipping < 0:
            raise _InputError("shippingCost cannot be negative")
        transport_party = _enum(biz, "transportParty", tuple(t.value for t in TransportParty))
        transport_mode = _enum(biz, "transportMode", tuple(t.value for t in TransportMode))
        supplier = _req_str(biz, "supplierName")
        payment = _enum(biz, "paymentType", tuple(t.value for t in PaymentType))
        settlement = _enum(biz, "settlementType", tuple(t.value for t in SettlementType))
        prepay = _dec(biz, "prepayRate") or Decimal(0)
        self._check_settlement(biz, settlement, prepay)
        skus = self._check_skus(biz.get("skuList"))
        ext = biz.get("purchaseExtVO")
        if ext is not None:
            if not isinstance(ext, dict):
                raise _InputError("purchaseExtVO must be an object")
            for key in ("open1688AccountName", "open1688Address", "open1688OrderType"):
                _req_str(ext, key)
        custom = str(biz.get("customNumber") or "")
        now = datetime.now()
        stamp = f"{now:%Y-%m-%d %H:%M:%S}"
        fields = {
            "customNumber": custom,
            "warehouseName": warehouse,
            "transferWarehouseName": transfer,
            "purchaseType": purchase_type,
            "supplierName": supplier,
            "settlementType": settlement,
            "prepayRate": format(prepay.normalize(), "f"),
            "purchasePriceUnit": currency,
            "paymentType": payment,
            "shippingCost": format((shipping or Decimal(0)).normalize(), "f"),
            "transportMode": transport_mode,
            "buyerTitle": str(biz.get("buyerTitle") or ""),
            "companyName": str(biz.get("companyName") or ""),
            "transportParty": transport_party,
            "updateTime": stamp,
            "preReceiveTime": pre_receive,
            "remark": str(biz.get("remark") or ""),
            "skuList": skus,
            "orderTime": purchase_date if len(purchase_date) > 10 else f"{purchase_date} 00:00:00",
        }
        with self.lock:
            if is_update:
                order = self.orders.get(number)
                if order is None:
                    raise _InputError(f"purchase order {number} does not exist")
                if order.data["status"] != "NEW":
                    raise _InputError(f"purchase order {number} is {order.data['status']}; only NEW can be updated")
                order.data.update(fields)
            else:
                number = self._next_number(now)
                order = _Order(
                    {
                        "purchaseNumber": number,
                        "asnNumber": "",
                        "createTime": stamp,
                        "status": "NEW",
                        "purchaseMode": "STANDARD",
                        **fields,
                    }
                )
                self.orders[number] = order
            data = order.data
            return _ok(
                1,
                [
                    {
                        "purchaseNumber": data["purchaseNumber"],
                        "warehouseName": data["warehouseName"],
                        "skuList": json.loads(json.dumps(data["skuList"])),
                    }
                ],
            )

    @staticmethod
    def _check_settlement(biz: Mapping[str, Any], settlement: str, prepay: Decimal) -> None:
        if not Decimal(0) <= prepay <= 100:
            raise _InputError("prepayRate must be between 0 and 100")
        if settlement == "DELIVERY_ON_CASH":
            return
        _req_str(biz, "effectiveNode")
        if settlement == "FIXED_ACCOUNT_PERIOD":
            _req_str(biz, "accountPeriodOpt")
            billing = _dec(biz, "billingDate", required=True)
            if billing is None or not 1 <= billing <= 31:
                raise _InputError("billingDate must be between 1 and 31")
            return
        raw = biz.get("accountPeriodList")
        if isinstance(raw, str):
            try:
                raw = json.loads(raw)
            except ValueError:
                raise _InputError("accountPeriodList is not a JSON array") from None
        if not isinstance(raw, list) or not raw:
            raise _InputError("accountPeriodList is required when settlementType=DYNAMIC_ACCOUNT_PERIOD")
        total = prepay
        for item in raw:
            if not isinstance(item, dict):
                raise _InputError("accountPeriodList items must be objects")
            _dec(item, "days", required=True)
            percent = _dec(item, "percent", required=True) or Decimal(0)
            if percent <= 0:
                raise _InputError("percent must be above 0")
            total += percent
        if total != 100:
            raise _InputError("Percent+The upfront percentage needs to be 100")

    @staticmethod
    def _check_skus(raw: Any) -> list[dict[str, Any]]:
        if not isinstance(raw, list) or not raw:
            raise _InputError("skuList is required")
        out = []
        for item in raw:
            if not isinstance(item, dict):
                raise _InputError("skuList items must be objects")
            sku = _req_str(item, "sku")
            price = _dec(item, "purchasePrice", required=True)
            _req_str(item, "purchasePriceUnit")
            quantity = _dec(item, "purchaseQuantity", required=True)
            tax = _dec(item, "taxRate", required=True)
            if price is None or price < 0 or quantity is None or quantity < 1 or quantity % 1 or tax is None or tax < 0:
                raise _InputError(f"sku {sku}: price, quantity or taxRate out of range")
            out.append(
                {
                    "sku": sku,
                    "title": sku,
                    "purchasePrice": format(price.normalize(), "f"),
                    "purchaseQuantity": int(quantity),
                    "packSpecification": 1,
                    "taxRate": format(tax.normalize(), "f"),
                }
            )
        return out


def main(argv: Sequence[str] | None = None, stop: threading.Event | None = None) -> int:
    """``python -m station.simulator.qianyi``: serve the demo data until Ctrl+C."""
    return simulator_main(
        __doc__.splitlines()[0] if __doc__ else "",
        argv,
        stop,
        ("--orders", 45, "seeded purchase orders"),
        lambda args, faults: QianYiSimulator(
            orders=args.orders, seed=args.seed, port=args.port, host=args.host, faults=faults
        ),
    )


if __name__ == "__main__":
    raise SystemExit(main())
