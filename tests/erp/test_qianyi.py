"""QianYi client against its simulator over real sockets: every service, limit, settlement rule and error."""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
import requests

from station.erp.keystore import ErpCredentialStore, QianYiSettings
from station.erp.qianyi.client import QianYiClient, sign
from station.erp.qianyi.errors import (
    QianYiAuthError,
    QianYiClockError,
    QianYiInputError,
    QianYiNetworkError,
    QianYiServerError,
    QianYiValidationError,
)
from station.erp.qianyi.models import (
    AccountPeriod,
    NewPurchaseOrderSku,
    Purchase1688Ext,
    PurchaseOrderQuery,
    PurchaseOrderRequest,
    PurchaseType,
    SettlementType,
)
from station.lazada.redact import SECRETS
from station.simulator.erp_base import FaultConfig
from station.simulator.qianyi import DEMO_APP_ID, DEMO_APP_SECRET, QianYiSimulator


def order(**changes: Any) -> PurchaseOrderRequest:
    base = PurchaseOrderRequest(
        purchase_type=PurchaseType.DIRECT,
        warehouse_name="Shenzhen Main Warehouse",
        purchaser_name="Ana",
        purchase_date="2026-11-23",
        supplier_name="Yiwu Daily Goods",
        sku_list=(
            NewPurchaseOrderSku("BD-0001-RED", Decimal("12.50"), 10),
            NewPurchaseOrderSku("BD-0002-BLU", Decimal("3"), 4, tax_rate=Decimal("0.1"), remark="fragile"),
        ),
    )
    return replace(base, **changes)


def raw_call(
    sim: QianYiSimulator,
    service: str,
    biz: dict[str, Any],
    *,
    secret: str = DEMO_APP_SECRET,
    app_id: str = DEMO_APP_ID,
    timestamp: int | None = None,
) -> dict[str, Any]:
    params = {
        "appId": app_id,
        "serviceType": service,
        "bizParam": json.dumps(biz),
        "timestamp": str(timestamp if timestamp is not None else int(time.time() * 1000)),
    }
    params["sign"] = sign(params, secret)
    response = requests.post(
        sim.base_url + "/api/v1/purchase", files={k: (None, v) for k, v in params.items()}, timeout=10
    )
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


# ----- signing --------------------------------------------------------------------------------------


def test_sign_is_md5_of_sorted_pairs_then_secret() -> None:
    params = {
        "timestamp": "1662448537275",
        "appId": "openApi_TEST",
        "serviceType": "CREATE_ASN_ORDER",
        "bizParam": '{"a":1}',
    }
    expected = hashlib.md5(
        b'appId=openApi_TESTbizParam={"a":1}serviceType=CREATE_ASN_ORDERtimestamp=1662448537275SECRET'
    ).hexdigest()
    assert sign(params, "SECRET") == expected
    assert sign({**params, "sign": "ignored"}, "SECRET") == expected


def test_client_sends_multipart_form_with_public_params(qianyi: QianYiClient) -> None:
    params = qianyi.public_params("QUERY_PURCHASE_ORDER_LIST", {"page": 1, "pageSize": 10})
    assert set(params) == {"appId", "serviceType", "bizParam", "timestamp", "sign"}
    assert json.loads(params["bizParam"]) == {"page": 1, "pageSize": 10}
    assert SECRETS.redact(DEMO_APP_SECRET) == "***"  # registered by the client: never in a log


# ----- query ----------------------------------------------------------------------------------------


def test_query_page_and_all_pages(qianyi: QianYiClient, qianyi_sim: QianYiSimulator) -> None:
    page = qianyi.query_page(PurchaseOrderQuery(page=1, page_size=10))
    assert page.total == 45 and len(page.orders) == 10 and page.has_more
    first = page.orders[0]
    assert first.purchase_number.startswith("P") and first.sku_list and first.status
    assert isinstance(first.prepay_rate, Decimal) and first.purchase_price_unit == "CNY"
    before = qianyi_sim.calls.get("/api/v1/purchase", 0)
    everything = qianyi.list_orders(PurchaseOrderQuery(page_size=7))
    assert len(everything) == 45 and len({o.purchase_number for o in everything}) == 45
    assert qianyi_sim.calls["/api/v1/purchase"] - before == 7  # ceil(45 / 7)
    assert len(qianyi.list_orders(PurchaseOrderQuery(page_size=200))) == 45
    assert len(qianyi.list_orders(limit=5)) == 5


def test_query_filters(qianyi: QianYiClient) -> None:
    orders = qianyi.list_orders()
    target = orders[3]
    assert [
        o.purchase_number for o in qianyi.list_orders(PurchaseOrderQuery(purchase_number=target.purchase_number))
    ] == [target.purchase_number]
    assert [o.purchase_number for o in qianyi.list_orders(PurchaseOrderQuery(custom_number=target.custom_number))] == [
        target.purchase_number
    ]
    by_status = qianyi.list_orders(PurchaseOrderQuery(status=target.status))
    assert by_status and all(o.status == target.status for o in by_status)
    day = target.update_time[:10]
    same_day = qianyi.list_orders(PurchaseOrderQuery(update_time_from=day, update_time_to=day))
    assert target.purchase_number in {o.purchase_number for o in same_day}
    assert all(o.update_time[:10] == day for o in same_day)


@pytest.mark.parametrize(
    "query, words",
    [
        (PurchaseOrderQuery(page_size=201), "1 to 200"),
        (PurchaseOrderQuery(page_size=0), "1 to 200"),
        (PurchaseOrderQuery(page=0), "starts at 1"),
        (PurchaseOrderQuery(purchase_number="P" * 51), "50"),
        (PurchaseOrderQuery(update_time_from="31/08/2021"), "date"),
        (PurchaseOrderQuery(update_time_from="2021-09-02", update_time_to="2021-09-01"), "ends before"),
    ],
)
def test_query_limits_checked_before_sending(
    qianyi: QianYiClient, qianyi_sim: QianYiSimulator, query: PurchaseOrderQuery, words: str
) -> None:
    with pytest.raises(QianYiValidationError) as info:
        qianyi.query_page(query)
    assert words in info.value.operator_message
    assert qianyi_sim.calls == {}


@pytest.mark.parametrize(
    "biz, words",
    [
        ({"page": 1, "pageSize": 201}, "no more than 200"),
        ({"page": 1}, "required"),
        ({"page": 1, "pageSize": 10, "purchaseNumber": "P" * 51}, "maximum of 50"),
        ({"page": 1, "pageSize": 10, "updateTimeFrom": "yesterday"}, "not a date"),
    ],
)
def test_simulator_rejects_bad_queries(qianyi_sim: QianYiSimulator, biz: dict[str, Any], words: str) -> None:
    body = raw_call(qianyi_sim, "QUERY_PURCHASE_ORDER_LIST", biz)
    assert body["state"] == "fail" and body["errorCode"] == "DATA_INPUT_ERROR" and words in body["errorMsg"]


# ----- authentication errors ----------------------------------------------------------------------


def test_wrong_secret_is_an_auth_error(qianyi_sim: QianYiSimulator) -> None:
    client = QianYiClient(QianYiSettings(DEMO_APP_ID, "not-the-secret", qianyi_sim.base_url))
    with pytest.raises(QianYiAuthError) as info:
        client.query_page(PurchaseOrderQuery())
    assert info.value.code == "SIGN_ERROR" and "app ID, secret" in info.value.describe()


def test_unknown_app_is_an_auth_error(qianyi_sim: QianYiSimulator) -> None:
    client = QianYiClient(QianYiSettings("someone-else", DEMO_APP_SECRET, qianyi_sim.base_url))
    with pytest.raises(QianYiAuthError) as info:
        client.query_page(PurchaseOrderQuery())
    assert info.value.code == "APP_ID_ERROR"


def test_clock_far_off_is_a_clock_error(qianyi_sim: QianYiSimulator) -> None:
    client = QianYiClient(
        QianYiSettings(DEMO_APP_ID, DEMO_APP_SECRET, qianyi_sim.base_url), clock=lambda: time.time() - 3600
    )
    with pytest.raises(QianYiClockError):
        client.query_page(PurchaseOrderQuery())


def test_missing_public_parameter(qianyi_sim: QianYiSimulator) -> None:
    response = requests.post(qianyi_sim.base_url + "/api/v1/purchase", files={"appId": (None, DEMO_APP_ID)}, timeout=10)
    assert response.json()["errorCode"] == "DATA_INPUT_ERROR"


# ----- create / update ----------------------------------------------------------------------------


def test_create_cash_on_delivery(qianyi: QianYiClient) -> None:
    saved = qianyi.save(
        order(
            custom_number="REF-1",
            remark="bench",
            shipping_cost=Decimal("8.5"),
            pre_receive_time="2026-11-30",
            company_name="Co",
            buyer_title="Ana",
            tracking_number="SF1",
        )
    )
    assert saved.purchase_number and saved.warehouse_name == "Shenzhen Main Warehouse"
    assert [(s.sku, s.purchase_quantity, s.purchase_price) for s in saved.sku_list] == [
        ("BD-0001-RED", 10, Decimal("12.5")),
        ("BD-0002-BLU", 4, Decimal("3")),
    ]
    listed = qianyi.find_by_custom_number("REF-1")
    assert [o.purchase_number for o in listed] == [saved.purchase_number]
    assert listed[0].status == "NEW" and listed[0].remark == "bench" and listed[0].shipping_cost == Decimal("8.5")


def test_create_dynamic_account_period_adds_up_to_100(qianyi: QianYiClient) -> None:
    request = order(
        settlement_type=SettlementType.DYNAMIC_ACCOUNT_PERIOD,
        prepay_rate=Decimal(15),
        effective_node="RECEIVE",
        account_period_list=(AccountPeriod(1, Decimal(50)), AccountPeriod(2, Decimal(35))),
    )
    wire = request.to_api()
    assert json.loads(wire["accountPeriodList"]) == [{"days": "1", "percent": 50}, {"days": "2", "percent": 35}]
    assert qianyi.save(request).purchase_number


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"prepay_rate": Decimal(20)}, "add up to 105%"),
        ({"prepay_rate": Decimal(10)}, "add up to 95%"),
        ({"effective_node": ""}, "effective node"),
        ({"account_period_list": ()}, "at least one instalment"),
        ({"account_period_opt": "MONTHLY"}, "not a fixed billing date"),
        ({"prepay_rate": Decimal(101)}, "between 0 and 100"),
    ],
)
def test_dynamic_period_rules(
    qianyi: QianYiClient, qianyi_sim: QianYiSimulator, changes: dict[str, Any], words: str
) -> None:
    request = order(
        settlement_type=SettlementType.DYNAMIC_ACCOUNT_PERIOD,
        prepay_rate=Decimal(15),
        effective_node="RECEIVE",
        account_period_list=(AccountPeriod(30, Decimal(50)), AccountPeriod(60, Decimal(35))),
    )
    with pytest.raises(QianYiValidationError) as info:
        qianyi.save(replace(request, **changes))
    assert words in info.value.operator_message
    assert qianyi_sim.calls == {}


def test_simulator_enforces_the_100_percent_rule(qianyi: QianYiClient, qianyi_sim: QianYiSimulator) -> None:
    biz = order().to_api()
    biz.update(
        settlementType="DYNAMIC_ACCOUNT_PERIOD",
        prepayRate="15",
        effectiveNode="RECEIVE",
        accountPeriodList='[{"days":"1","percent":50},{"days":"2","percent":30}]',
    )
    body = raw_call(qianyi_sim, "CREATE_PURCHASE_ORDER", biz)
    assert body["errorCode"] == "DATA_INPUT_ERROR" and "100" in body["errorMsg"]
    biz["accountPeriodList"] = [{"days": "1", "percent": 50}, {"days": "2", "percent": 35}]  # as a list, too
    assert raw_call(qianyi_sim, "CREATE_PURCHASE_ORDER", biz)["state"] == "success"


def test_fixed_account_period(qianyi: QianYiClient) -> None:
    request = order(
        settlement_type=SettlementType.FIXED_ACCOUNT_PERIOD,
        prepay_rate=Decimal(30),
        effective_node="RECEIVE",
        account_period_opt="MONTHLY",
        billing_date=20,
    )
    wire = request.to_api()
    assert wire["accountPeriodOpt"] == "MONTHLY" and wire["billingDate"] == 20 and wire["prepayRate"] == "30"
    assert qianyi.save(request).purchase_number
    for changes, words in (
        ({"billing_date": None}, "billing date"),
        ({"billing_date": 32}, "billing date"),
        ({"account_period_opt": ""}, "period option"),
        ({"prepay_rate": Decimal(100)}, "100%"),
        ({"account_period_list": (AccountPeriod(1, Decimal(70)),)}, "no list"),
    ):
        with pytest.raises(QianYiValidationError) as info:
            replace(request, **changes).validate()
        assert words in info.value.operator_message


def test_simulator_fixed_period_needs_billing_date(qianyi_sim: QianYiSimulator) -> None:
    biz = order().to_api()
    biz.update(settlementType="FIXED_ACCOUNT_PERIOD", effectiveNode="RECEIVE", accountPeriodOpt="MONTHLY")
    body = raw_call(qianyi_sim, "CREATE_PURCHASE_ORDER", biz)
    assert body["errorCode"] == "DATA_INPUT_ERROR" and "billingDate" in body["errorMsg"]


def test_cash_on_delivery_takes_no_period() -> None:
    with pytest.raises(QianYiValidationError):
        order(billing_date=3).validate()


def test_transfer_needs_transfer_warehouse(qianyi: QianYiClient, qianyi_sim: QianYiSimulator) -> None:
    with pytest.raises(QianYiValidationError, match="transfer warehouse"):
        order(purchase_type=PurchaseType.TRANSFER).validate()
    saved = qianyi.save(order(purchase_type=PurchaseType.TRANSFER, transfer_warehouse_name="Manila Overseas"))
    assert saved.purchase_number
    biz = order().to_api()
    biz["purchaseType"] = "TRANSFER"
    assert "transferWarehouseName" in raw_call(qianyi_sim, "CREATE_PURCHASE_ORDER", biz)["errorMsg"]


def test_1688_extension_fields(qianyi: QianYiClient, qianyi_sim: QianYiSimulator) -> None:
    ext = Purchase1688Ext("buyer-1688", "No. 1 Road, Yiwu", "general", "please hurry", "FXASSURE")
    wire = order(purchase_ext=ext).to_api()
    assert wire["purchaseExtVO"] == {
        "open1688AccountName": "buyer-1688",
        "open1688Address": "No. 1 Road, Yiwu",
        "open1688OrderType": "general",
        "open1688BuyerMsg": "please hurry",
        "open1688TradeType": "FXASSURE",
    }
    assert qianyi.save(order(purchase_ext=ext)).purchase_number
    with pytest.raises(QianYiValidationError, match="open1688Address"):
        order(purchase_ext=Purchase1688Ext("buyer", "")).validate()
    biz = order().to_api()
    biz["purchaseExtVO"] = {"open1688AccountName": "x"}
    assert "open1688Address" in raw_call(qianyi_sim, "CREATE_PURCHASE_ORDER", biz)["errorMsg"]


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"sku_list": ()}, "at least one SKU"),
        ({"sku_list": (NewPurchaseOrderSku("A", Decimal(1), 0),)}, "at least 1"),
        ({"sku_list": (NewPurchaseOrderSku("A", Decimal(-1), 1),)}, "negative"),
        ({"sku_list": (NewPurchaseOrderSku("A", Decimal(1), 1), NewPurchaseOrderSku("A", Decimal(1), 2))}, "twice"),
        ({"warehouse_name": " "}, "warehouse"),
        ({"purchase_date": "23/11/2026"}, "date"),
        ({"purchase_number": "P1"}, "must not carry"),
        ({"is_update": True}, "needs its purchase number"),
        ({"custom_number": "X" * 51}, "50"),
    ],
)
def test_request_rules(changes: dict[str, Any], words: str) -> None:
    with pytest.raises(QianYiValidationError) as info:
        order(**changes).to_api()
    assert words in info.value.operator_message


def test_update_purchase_order(qianyi: QianYiClient) -> None:
    created = qianyi.save(order(custom_number="UPD-1"))
    updated = qianyi.save(
        order(
            is_update=True,
            purchase_number=created.purchase_number,
            custom_number="UPD-1",
            sku_list=(NewPurchaseOrderSku("BD-0009-GRN", Decimal(2), 7),),
        )
    )
    assert updated.purchase_number == created.purchase_number
    assert [(s.sku, s.purchase_quantity) for s in updated.sku_list] == [("BD-0009-GRN", 7)]
    assert len(qianyi.find_by_custom_number("UPD-1")) == 1


def test_update_unknown_or_closed_order_is_an_input_error(qianyi: QianYiClient) -> None:
    with pytest.raises(QianYiInputError) as info:
        qianyi.save(order(is_update=True, purchase_number="P000000000000"))
    assert "does not exist" in info.value.detail
    closed = next(o for o in qianyi.list_orders() if o.status != "NEW")
    with pytest.raises(QianYiInputError, match="only NEW"):
        qianyi.save(order(is_update=True, purchase_number=closed.purchase_number))


def test_simulator_rejects_bad_enums_and_json(qianyi_sim: QianYiSimulator) -> None:
    biz = order().to_api()
    biz["transportMode"] = "TELEPORT"
    assert "transportMode" in raw_call(qianyi_sim, "CREATE_PURCHASE_ORDER", biz)["errorMsg"]
    assert raw_call(qianyi_sim, "NO_SUCH_SERVICE", {})["errorCode"] == "DATA_INPUT_ERROR"


# ----- faults ---------------------------------------------------------------------------------------


def test_server_errors_retried_for_reads_then_raised() -> None:
    with QianYiSimulator(faults=FaultConfig(error_rate=1.0)) as sim:
        client = QianYiClient(QianYiSettings(DEMO_APP_ID, DEMO_APP_SECRET, sim.base_url), sleep=lambda _s: None)
        with pytest.raises(QianYiServerError):
            client.query_page(PurchaseOrderQuery())
        assert sim.calls["/api/v1/purchase"] == 3
        with pytest.raises(QianYiServerError):
            client.save(order())
        assert sim.calls["/api/v1/purchase"] == 4  # a create is never re-sent blindly


def test_latency_fault() -> None:
    with QianYiSimulator(faults=FaultConfig(latency_ms=150)) as sim:
        client = QianYiClient(QianYiSettings(DEMO_APP_ID, DEMO_APP_SECRET, sim.base_url))
        started = time.monotonic()
        client.query_page(PurchaseOrderQuery(page_size=1))
        assert time.monotonic() - started >= 0.14


def test_no_server_is_a_network_error(qianyi_sim: QianYiSimulator) -> None:
    url = qianyi_sim.base_url
    qianyi_sim.stop()
    client = QianYiClient(QianYiSettings(DEMO_APP_ID, DEMO_APP_SECRET, url), timeout=2, sleep=lambda _s: None)
    with pytest.raises(QianYiNetworkError) as info:
        client.query_page(PurchaseOrderQuery())
    assert DEMO_APP_SECRET not in info.value.describe()


# ----- keyring ----------------------------------------------------------------------------------------


def test_settings_live_in_the_keyring(isolated_environment: Any) -> None:
    store = ErpCredentialStore("shop1")
    assert store.load_qianyi() is None
    store.save_qianyi(QianYiSettings("app-1", "very-secret-value", "https://asia.qianyierp.com"))
    assert ("station", "shop1:qianyi") in isolated_environment.entries
    loaded = store.load_qianyi()
    assert loaded == QianYiSettings("app-1", "very-secret-value", "https://asia.qianyierp.com")
    assert "very-secret-value" not in repr(loaded)
    assert SECRETS.redact("x very-secret-value y") == "x *** y"
    store.delete("qianyi")
    assert store.load_qianyi() is None
