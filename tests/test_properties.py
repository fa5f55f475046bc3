"""Property-based tests: whatever the platform sends, the parsers answer with a model or a clear
MalformedResponseError, never a crash; whatever the station sends is signed and encoded right."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import requests
from hypothesis import given, settings
from hypothesis import strategies as st

from station.lazada.errors import MalformedResponseError
from station.lazada.jit import _page, _records, _ship_results
from station.lazada.models import PurchaseOrder, PurchaseOrderItem, TokenInfo
from station.lazada.signing import encode_params, sign, signed_params
from station.lazada.transport import _decode
from tests.test_models_limits import DOC_PO
from tests.test_signing import reference_sign

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


@given(st.dictionaries(st.sampled_from(sorted(DOC_PO)), json_values))
@settings(max_examples=300)
def test_po_parser_never_crashes(changes: dict[str, Any]) -> None:
    try:
        po = PurchaseOrder.from_api({**DOC_PO, **changes})
    except MalformedResponseError:
        return
    assert po.purchase_order_no and isinstance(po.total_quantity, int)
    assert all(isinstance(no, str) for no in po.logistics_nos)


@given(json_values)
def test_po_parser_on_anything(value: Any) -> None:
    with contextlib.suppress(MalformedResponseError):
        PurchaseOrder.from_api(value)


@given(
    st.dictionaries(
        st.sampled_from(
            ["sku_id", "seller_sku", "buyer_qty", "barcodes", "product_title", "received_normal_qty", "img_url"]
        ),
        json_values,
    )
)
def test_item_parser_never_crashes(data: dict[str, Any]) -> None:
    try:
        item = PurchaseOrderItem.from_api("POJ1", data)
    except MalformedResponseError:
        return
    assert isinstance(item.buyer_qty, int) and all(isinstance(b, str) for b in item.barcodes)


@given(
    st.dictionaries(
        st.sampled_from(
            [
                "access_token",
                "refresh_token",
                "expires_in",
                "refresh_expires_in",
                "country_user_info",
                "country_user_info_list",
                "account",
            ]
        ),
        json_values,
    )
)
def test_token_parser_never_crashes(body: dict[str, Any]) -> None:
    try:
        tokens = TokenInfo.from_token_response(body, now=1000.0)
    except MalformedResponseError:
        return
    assert tokens.access_token


@given(json_values)
def test_listing_and_ship_parsers_never_crash(data: Any) -> None:
    result = {"data": data, "page_index": data if isinstance(data, int) else 1, "total_page": 1}
    try:
        records = _records(result)
        _page(result, records)
    except MalformedResponseError:
        pass
    try:
        results = _ship_results(["POJ1", "POJ2"], data)
    except MalformedResponseError:
        return
    assert [r.purchase_order_no for r in results] == ["POJ1", "POJ2"]


@given(st.binary(max_size=200), st.sampled_from([200, 400, 403, 500, 502]))
def test_truncated_or_garbage_bodies_are_malformed_not_crashes(body: bytes, status: int) -> None:
    response = requests.Response()
    response.status_code = status
    response._content = body
    try:
        decoded = _decode("/x", response)
    except Exception as exc:  # the point is which exceptions come out
        assert type(exc).__name__ in ("MalformedResponseError", "ServerError"), repr(exc)
        return
    assert isinstance(decoded, dict)


def test_a_truncated_real_answer_is_malformed() -> None:
    full = json.dumps({"code": "0", "result": {"success": True, "data": [DOC_PO]}}).encode()
    response = requests.Response()
    response.status_code = 200
    response._content = full[: len(full) // 2]
    try:
        _decode("/jit/purchase_order/query_list", response)
    except MalformedResponseError as exc:
        assert "not JSON" in exc.detail
    else:
        raise AssertionError("a truncated answer was accepted")


param_values = st.one_of(
    st.text(max_size=30),
    st.integers(),
    st.booleans(),
    st.none(),
    st.lists(st.text(min_size=1, max_size=12), max_size=5),
)


@given(
    st.dictionaries(st.from_regex(r"[a-zA-Z_]{1,16}", fullmatch=True), param_values, max_size=8),
    st.text(min_size=1, max_size=40),
)
def test_request_builder(params: dict[str, Any], secret: str) -> None:
    params.pop("sign", None)
    for system in ("app_key", "timestamp", "sign_method", "access_token"):
        params.pop(system, None)
    encoded = encode_params(params)
    assert all(isinstance(v, str) and v != "" for v in encoded.values())
    for name, value in params.items():
        if isinstance(value, list):
            assert json.loads(encoded[name]) == value  # lists travel as JSON strings
        if value is None or value == "":
            assert name not in encoded  # no empty parameter is ever sent
    full = signed_params(
        "/jit/purchase_order/query_list", params, app_key="k", app_secret=secret, access_token="t", timestamp_ms=1
    )
    unsigned = {k: v for k, v in full.items() if k != "sign"}
    assert full["sign"] == reference_sign("/jit/purchase_order/query_list", unsigned, secret)
    assert full["sign"] == sign("/jit/purchase_order/query_list", full, secret)
