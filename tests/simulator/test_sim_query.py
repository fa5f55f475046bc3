"""query_list and query_list_purchase_item: fields, paging, limits and error bodies."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from station.simulator import SimulatorServer, region_timezone

from ._support import Api

QUERY = "/jit/purchase_order/query_list"
ITEMS = "/jit/purchase_order/query_list_purchase_item"
PO_FIELDS = {
    "supplier_name",
    "gmt_modified",
    "creator",
    "supplier_id",
    "delivery_method",
    "store_contact_name",
    "supplier_code",
    "gmt_create",
    "gmt_except_arrive_time",
    "purchase_order_no",
    "gmt_arrive_time",
    "trade_order_id_list",
    "pickup_order_no",
    "store_contact_phone",
    "logistics_no_list",
    "seller_id",
    "total_quantity",
    "store_address",
    "total_sku_count",
    "site_id",
    "store_name",
    "biz_status",
    "store_code",
}
PAGED = {
    "current_page_count",
    "data",
    "page_index",
    "need_pagination",
    "total_page",
    "success",
    "error_message",
    "page_size",
    "error_code",
    "total_count",
}


def _fail(result: dict[str, Any], code: str | None, message: str) -> None:
    assert result["success"] is False and result["data"] is None, result
    assert result["error_code"] == code
    assert result["error_message"].startswith(message), result["error_message"]
    assert re.search(r" lzd_trace:[0-9a-f]+$", result["error_message"])


def test_record_fields(api: Api) -> None:
    result = api.list_pos(page_size=50)
    assert set(result) == PAGED
    for record in result["data"]:
        assert set(record) == PO_FIELDS
        assert isinstance(record["biz_status"], str)
        assert isinstance(record["logistics_no_list"], list)
        assert re.fullmatch(r"POJ\d{16}", record["purchase_order_no"])
        assert record["site_id"] == "PH"
        assert record["total_quantity"] >= record["total_sku_count"] >= 1
        if record["biz_status"] == "10":
            assert record["delivery_method"] is None and record["pickup_order_no"] is None
        if record["biz_status"] in ("22", "25", "40"):
            assert record["delivery_method"] == "pickup" and record["pickup_order_no"].startswith("PUO")
            assert re.fullmatch(r"LBX\d{13}", record["logistics_no_list"][0])


def test_paging_and_order(api: Api) -> None:
    first = api.list_pos(page_size=7)
    total = first["total_count"]
    assert total == 90
    assert first["total_page"] == (total + 6) // 7 and first["page_size"] == 7
    seen: list[dict[str, Any]] = []
    for page in range(1, first["total_page"] + 1):
        result = api.list_pos(page_size=7, page_index=page)
        assert result["page_index"] == page
        assert result["current_page_count"] == len(result["data"])
        seen.extend(result["data"])
    assert len(seen) == total == len({r["purchase_order_no"] for r in seen})
    keys = [(-r["gmt_create"], r["purchase_order_no"]) for r in seen]
    assert keys == sorted(keys)
    beyond = api.list_pos(page_size=7, page_index=first["total_page"] + 1)
    assert beyond["success"] and beyond["data"] == [] and beyond["total_count"] == total


def test_defaults(api: Api) -> None:
    result = api.result(QUERY, api.window(days_back=30))
    assert result["page_index"] == 1 and result["page_size"] == 20 and len(result["data"]) == 20


def test_filters(api: Api) -> None:
    to_pack = api.list_pos(order_status="10", page_size=50)
    assert to_pack["data"] and all(r["biz_status"] == "10" for r in to_pack["data"])
    wanted = [r["purchase_order_no"] for r in to_pack["data"][:3]]
    by_number = api.list_pos(purchase_order_no_list=wanted)
    assert sorted(r["purchase_order_no"] for r in by_number["data"]) == sorted(wanted)
    shipped = api.list_pos(order_status="40", page_size=1)["data"][0]
    by_lbx = api.list_pos(logistics_no_list=shipped["logistics_no_list"])
    assert [r["purchase_order_no"] for r in by_lbx["data"]] == [shipped["purchase_order_no"]]


def test_time_window_is_region_local(sim: SimulatorServer, api: Api) -> None:
    newest = api.list_pos(page_size=1)["data"][0]
    local = datetime.fromtimestamp(newest["gmt_create"] / 1000, region_timezone("PH"))
    fmt = "%Y-%m-%d %H:%M:%S"
    exact = {"gmt_create_begin": local.strftime(fmt), "gmt_create_end": local.strftime(fmt)}
    hits = api.result(QUERY, exact)["data"]
    assert newest["purchase_order_no"] in [r["purchase_order_no"] for r in hits]
    # Read as UTC the same text is eight hours off and misses the PO.
    utc = datetime.fromtimestamp(newest["gmt_create"] / 1000, region_timezone("PH")) - timedelta(hours=8)
    wrong = {"gmt_create_begin": utc.strftime(fmt), "gmt_create_end": utc.strftime(fmt)}
    assert newest["purchase_order_no"] not in [r["purchase_order_no"] for r in api.result(QUERY, wrong)["data"]]
    assert region_timezone("TH").utcoffset(None) == timedelta(hours=7)
    assert region_timezone("SG").utcoffset(None) == timedelta(hours=8)


def test_bad_date_format(api: Api) -> None:
    params = api.window()
    params["gmt_create_begin"] = "2023-10-01 00:00:00:00"
    result = api.result(QUERY, params)
    assert set(result) == PAGED
    _fail(
        result,
        "INVALID_PARAM",
        "the input param gmt_create_begin '2023-10-01 00:00:00:00', can not format to {yyyy-MM-dd HH:mm:ss}",
    )


def test_missing_dates(api: Api) -> None:
    _fail(
        api.result(QUERY, {"gmt_create_end": "2024-01-01 00:00:00"}),
        "INVALID_PARAM",
        "the input param gmt_create_begin",
    )


def test_window_over_90_days(api: Api) -> None:
    result = api.result(QUERY, api.window(days_back=91))
    _fail(result, None, "CG_CC_ILLEGAL_ARGUMENT:gmtCreateLeft和gmtCreateRight的时间间隔不能超过90天")
    assert api.result(QUERY, api.window(days_back=89.9))["success"] is True


def test_list_limits(api: Api) -> None:
    _fail(api.list_pos(page_size=51), "INVALID_PARAM", "the input param page_size is : 51, max support 50")
    assert api.list_pos(page_size=50)["success"]
    pos = [f"POJ{n:016d}" for n in range(21)]
    _fail(api.list_pos(purchase_order_no_list=pos), "INVALID_PARAM", "the input param purchase_order_no_list")
    assert api.list_pos(purchase_order_no_list=pos[:20])["success"]
    lbx = [f"LBX{n:013d}" for n in range(11)]
    _fail(api.list_pos(logistics_no_list=lbx), "INVALID_PARAM", "the input param logistics_no_list")
    _fail(api.list_pos(order_status="11"), "INVALID_PARAM", "the input param order_status")


def test_items(api: Api) -> None:
    po = api.to_pack()[0]
    result = api.result(ITEMS, {"purchase_order_no": po["purchase_order_no"]})
    assert set(result) == PAGED and result["success"]
    assert len(result["data"]) == po["total_sku_count"] == result["total_count"]
    assert sum(i["buyer_qty"] for i in result["data"]) == po["total_quantity"]
    for item in result["data"]:
        assert isinstance(item["barcodes"], list) and item["barcodes"]
        for code in item["barcodes"]:
            digits = [int(d) for d in code]
            assert len(digits) == 13
            assert (sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits[:12])) + digits[12]) % 10 == 0
        image = api.session.get(item["img_url"], timeout=5)
        assert image.status_code == 200 and image.content.startswith(b"\x89PNG")


def test_items_paging_and_errors(api: Api) -> None:
    po = max(api.to_pack(), key=lambda r: r["total_sku_count"])
    page = api.result(ITEMS, {"purchase_order_no": po["purchase_order_no"], "page_size": 1, "page_index": 2})
    assert page["total_count"] == po["total_sku_count"] and page["total_page"] == po["total_sku_count"]
    assert len(page["data"]) == (1 if po["total_sku_count"] >= 2 else 0)
    _fail(
        api.result(ITEMS, {"purchase_order_no": po["purchase_order_no"], "page_size": 2000}),
        "INVALID_PARAM",
        "the input param page_size is : 2000, max support 200",
    )
    assert api.result(ITEMS, {"purchase_order_no": po["purchase_order_no"], "page_size": 200})["success"]
    _fail(api.result(ITEMS, {"purchase_order_no": "POJ0000000000000000"}), "INVALID_PARAM", "purchase order")
    _fail(api.result(ITEMS, {}), "INVALID_PARAM", "the input param purchase_order_no")
