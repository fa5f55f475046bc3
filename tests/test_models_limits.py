"""Typed models parse what the platform sends (nulls included) and limits are checked before sending."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from station.lazada import limits
from station.lazada.errors import (
    AlreadyPackedError,
    BadParameterError,
    FlowLimitError,
    InvalidStatusError,
    MalformedResponseError,
    RequestValidationError,
    SignatureError,
    TokenExpiredError,
    classify_gateway,
    classify_result,
)
from station.lazada.models import PickupContact, POStatus, PurchaseOrder, PurchaseOrderItem, TokenInfo

DOC_PO = {
    "supplier_name": "yuyin test company123",
    "gmt_modified": 1697772940000,
    "creator": "500403648032",
    "supplier_id": 1000000000351423,
    "delivery_method": None,
    "store_contact_name": "test11",
    "supplier_code": "12981579",
    "gmt_create": 1697772919000,
    "gmt_except_arrive_time": 1697945719000,
    "purchase_order_no": "POJ2310202023123807",
    "gmt_arrive_time": None,
    "trade_order_id_list": ["726365100368364"],
    "pickup_order_no": None,
    "store_contact_phone": None,
    "logistics_no_list": [],
    "seller_id": "500403648032",
    "total_quantity": 3,
    "store_address": "Dummy, Fuyuan 1 Road",
    "total_sku_count": 1,
    "site_id": "PH",
    "store_name": "Lazada Vmi Test",
    "biz_status": "10",
    "store_code": "RMCW-CHOICE-CN-TEST-1",
}


def test_po_from_the_documented_example() -> None:
    po = PurchaseOrder.from_api(DOC_PO)
    assert po.purchase_order_no == "POJ2310202023123807"
    assert po.status is POStatus.TO_PACK and po.status.label == "To Pack"
    assert po.arrived_at is None and po.pickup_order_no == "" and po.logistics_nos == ()
    assert po.created_at is not None and po.created_at.year == 2023
    assert po.ship_group == ("Lazada Vmi Test", "RMCW-CHOICE-CN-TEST-1")


def test_logistics_list_sent_as_a_string_is_read() -> None:
    po = PurchaseOrder.from_api({**DOC_PO, "logistics_no_list": '["LBX1","LBX2"]'})
    assert po.logistics_nos == ("LBX1", "LBX2")
    po = PurchaseOrder.from_api({**DOC_PO, "logistics_no_list": "LBX1, LBX2"})
    assert po.logistics_nos == ("LBX1", "LBX2")


@pytest.mark.parametrize(
    "broken",
    [
        {**DOC_PO, "purchase_order_no": None},
        {**DOC_PO, "biz_status": "77"},
        {**DOC_PO, "total_quantity": "three"},
        {**DOC_PO, "gmt_create": "yesterday"},
        "not an object",
    ],
)
def test_malformed_po_is_refused_clearly(broken: object) -> None:
    with pytest.raises(MalformedResponseError):
        PurchaseOrder.from_api(broken)


def test_item_from_the_documented_example() -> None:
    item = PurchaseOrderItem.from_api(
        "POJ1",
        {
            "product_id": "2413692053",
            "sc_item_code": "1694487877029",
            "buyer_qty": 2,
            "sc_item_id": 722815306851,
            "barcodes": ["408405000606005"],
            "received_normal_qty": 2,
            "product_title": "UVCUVCUVC",
            "img_url": "https://x/y.jpg",
            "sc_item_name": "bala test 234",
            "seller_sku": "test1234",
            "sku_id": "11853722049",
            "received_defective_qty": None,
        },
    )
    assert item.barcodes == ("408405000606005",) and item.buyer_qty == 2 and item.received_defective_qty == 0


def test_window_limits() -> None:
    begin = datetime(2026, 1, 1)
    limits.check_window(begin, begin + timedelta(days=90))
    with pytest.raises(RequestValidationError, match="90 days"):
        limits.check_window(begin, begin + timedelta(days=90, seconds=1))
    with pytest.raises(RequestValidationError, match="before its start"):
        limits.check_window(begin, begin - timedelta(seconds=1))


@pytest.mark.parametrize("text", ["2023-10-01 00:00:00:00", "2023-10-01", "01/10/2023 00:00:00", ""])
def test_bad_datetime_format(text: str) -> None:
    with pytest.raises(RequestValidationError, match="yyyy-MM-dd HH:mm:ss"):
        limits.parse_datetime(text)


def test_list_and_page_limits() -> None:
    limits.check_list("x", ["a"] * 20, 20)
    with pytest.raises(RequestValidationError, match="at most 20"):
        limits.check_list("x", ["a"] * 21, 20)
    with pytest.raises(RequestValidationError, match="empty"):
        limits.check_list("x", ["a", " "], 20)
    with pytest.raises(RequestValidationError):
        limits.check_page(1, 51, 50)
    with pytest.raises(RequestValidationError):
        limits.check_page(0, 10, 50)
    assert [len(c) for c in limits.chunks(list(range(205)), 100)] == [100, 100, 5]


def test_pickup_contact_validation() -> None:
    good = PickupContact("PH", 123, "Street 1", "+63917", "Ana")
    good.validate()
    with pytest.raises(RequestValidationError, match="area code"):
        PickupContact("XX", 123, "a", "b", "c").validate()
    with pytest.raises(RequestValidationError, match="pickup date"):
        PickupContact("CN", 123, "a", "b", "c").validate()
    with pytest.raises(RequestValidationError, match="yyyy-MM-dd"):
        PickupContact("CN", 123, "a", "b", "c", "2026/11/23").validate()


def test_error_classification() -> None:
    assert isinstance(classify_result(None, "Has packed. Plz refresh lzd_trace:1", "r"), AlreadyPackedError)
    assert isinstance(classify_result("INVALID_PARAM", "the input param page_size", "r"), BadParameterError)
    assert isinstance(classify_result(None, "CG_CC_ILLEGAL_ARGUMENT:gmtCreateLeft", "r"), BadParameterError)
    assert isinstance(classify_result("INVALID_STATUS_FORBIDDEN_PICK_UP", "x", "r"), InvalidStatusError)
    assert isinstance(classify_gateway("IllegalAccessToken", "ISV", "expired", "r"), TokenExpiredError)
    assert isinstance(classify_gateway("IncompleteSignature", "ISV", "bad", "r"), SignatureError)
    flow = classify_gateway(
        "ApiCallLimit", "ISP", "Api access frequency exceeds the limit. this ban will last 3 seconds", "r"
    )
    assert isinstance(flow, FlowLimitError) and flow.retry_after == 3.0


def test_token_response_parses_both_user_info_shapes() -> None:
    body = {
        "access_token": "A" * 10,
        "refresh_token": "R" * 10,
        "expires_in": 3600,
        "refresh_expires_in": 7200,
        "account": "x@y",
        "country": "ph",
        "country_user_info": [{"seller_id": "1"}],
    }
    tokens = TokenInfo.from_token_response(body, now=1000.0)
    assert tokens.expires_at == 4600.0 and tokens.refresh_expires_at == 8200.0 and tokens.seller_ids == ("1",)
    body2 = {**body, "country_user_info": None, "country_user_info_list": {"seller_id": "2"}, "refresh_expires_in": 0}
    tokens2 = TokenInfo.from_token_response(body2, now=0.0)
    assert tokens2.seller_ids == ("2",) and not tokens2.can_refresh
    assert "A" * 10 not in repr(tokens)


def test_an_infinite_number_is_malformed_not_a_crash() -> None:
    with pytest.raises(MalformedResponseError):
        PurchaseOrderItem.from_api("POJ1", {"buyer_qty": float("inf")})
    with pytest.raises(MalformedResponseError):
        PurchaseOrder.from_api({**DOC_PO, "total_quantity": float("inf")})
