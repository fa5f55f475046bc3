"""Pack (asynchronous, all or nothing) and ship (per-PO results, one store per call)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from station.simulator import SimulatorServer, region_timezone

from ._support import Api, wait_for

SHIP = "/jit/purchase_order/batch_pickup_deliver"


def _fail(result: dict[str, Any], code: str | None, message: str) -> None:
    assert result["success"] is False and result["data"] is None, result
    assert result["error_code"] == code
    assert message in result["error_message"], result["error_message"]
    assert " lzd_trace:" in result["error_message"]


def _same_store(api: Api, count: int) -> list[str]:
    groups: dict[tuple[str, str], list[str]] = {}
    for record in api.to_pack():
        groups.setdefault((record["store_name"], record["store_code"]), []).append(record["purchase_order_no"])
    best = max(groups.values(), key=len)
    assert len(best) >= count
    return best[:count]


def test_pack_is_asynchronous(api: Api, sim: SimulatorServer) -> None:
    po = api.to_pack()[0]["purchase_order_no"]
    result = api.pack([po])
    assert result == {"data": {"status": "success"}, "success": True, "error_message": None, "error_code": None}
    record = api.list_pos(purchase_order_no_list=[po])["data"][0]
    assert record["biz_status"] == "10"  # not yet: 0.2-0.3 s in these tests
    assert re.fullmatch(r"LBX\d{13}", record["logistics_no_list"][0])
    api.wait_status(po, "20")
    assert sim.stats()["purchase_orders"][po]["pack_accepted"] == 1


def test_pack_twice_says_has_packed(api: Api) -> None:
    po = api.to_pack()[0]["purchase_order_no"]
    api.pack([po])
    _fail(api.pack([po]), None, "Has packed. Plz refresh")  # still 10, but accepted already
    api.wait_status(po, "20")
    _fail(api.pack([po]), None, "Has packed. Plz refresh")


def test_pack_rejects_the_whole_call(api: Api, sim: SimulatorServer) -> None:
    first, second, third = (r["purchase_order_no"] for r in api.to_pack()[:3])
    api.pack([first])
    _fail(api.pack([second, first]), None, "Has packed. Plz refresh")
    assert api.admin("cancel", {"purchase_order_no": third}).json()["ok"] is True
    result = api.pack([second, third])
    _fail(result, "INVALID_STATUS", third)
    _fail(api.pack([second, "POJ0000000000000000"]), "INVALID_PARAM", "POJ0000000000000000")
    assert "pack_accepted" not in sim.stats()["purchase_orders"].get(second, {"x": 0})
    assert api.pack([second])["success"] is True


def test_pack_limits(api: Api) -> None:
    _fail(api.pack([f"POJ{n:016d}" for n in range(101)]), "INVALID_PARAM", "max support 100")
    _fail(api.result("/jit/purchase_order/package", {}), "INVALID_PARAM", "purchase_order_no_list")


def test_ship_before_ready_is_refused(api: Api, sim: SimulatorServer) -> None:
    po = api.to_pack()[0]["purchase_order_no"]
    api.pack([po])
    result = api.ship([po])
    _fail(result, "INVALID_STATUS_FORBIDDEN_PICK_UP", "INVALID_STATUS_FORBIDDEN_PICK_UP")
    assert sim.stats()["purchase_orders"][po]["ship_attempts"] == 1


def test_ship_success_and_partial_failure(api: Api, sim: SimulatorServer) -> None:
    ready, waiting = _same_store(api, 2)
    api.pack([ready])
    api.wait_status(ready, "20")
    result = api.ship([ready, waiting])
    assert result["success"] is True and result["error_code"] is None
    by_po = {entry["purchase_order_no"]: entry for entry in result["data"]}
    for entry in by_po.values():
        assert set(entry) == {"purchase_order_no", "status", "pickup_no", "error_message", "allow_date_range"}
    assert by_po[ready]["status"] == "success" and by_po[ready]["pickup_no"].startswith("PUO")
    assert by_po[waiting]["status"] == "fail"
    assert by_po[waiting]["error_message"].startswith("INVALID_STATUS_FORBIDDEN_PICK_UP")
    record = api.list_pos(purchase_order_no_list=[ready])["data"][0]
    assert record["biz_status"] == "22" and record["delivery_method"] == "pickup"
    assert record["pickup_order_no"] == by_po[ready]["pickup_no"]
    counters = sim.stats()["purchase_orders"]
    assert counters[ready]["ship_successes"] == 1 and counters[waiting]["ship_successes"] == 0
    _fail(api.ship([ready]), "INVALID_STATUS_FORBIDDEN_PICK_UP", "INVALID_STATUS_FORBIDDEN_PICK_UP")


def test_ship_across_stores_is_refused(api: Api) -> None:
    records = api.to_pack()
    first = records[0]
    other = next(r for r in records if r["store_code"] != first["store_code"])
    _fail(
        api.ship([first["purchase_order_no"], other["purchase_order_no"]]),
        "INVALID_PARAM",
        "different stores or warehouses",
    )


def test_ship_parameters(api: Api) -> None:
    po = api.to_pack()[0]["purchase_order_no"]
    for name, value in (
        ("shipperAreaCode", "US"),
        ("shipperAddressId", "0"),
        ("shipperAddressId", "abc"),
        ("shipperName", " "),
    ):
        _fail(api.ship([po], **{name: value}), "INVALID_PARAM", name)
    _fail(api.result(SHIP, {"shipperAreaCode": "PH"}), "INVALID_PARAM", "purchaseOrderNoList")
    _fail(api.ship([f"POJ{n:016d}" for n in range(101)]), "INVALID_PARAM", "max support 100")


def test_ship_from_china_needs_a_near_date(api: Api) -> None:
    ready = api.to_pack()[0]["purchase_order_no"]
    api.pack([ready])
    api.wait_status(ready, "20")
    today = datetime.now(region_timezone("PH")).date()
    late = (today + timedelta(days=10)).isoformat()
    result = api.ship([ready], shipperAreaCode="CN", estimatedPickupDate=late)
    entry = result["data"][0]
    assert result["success"] is True and entry["status"] == "fail"
    assert entry["allow_date_range"] == [(today + timedelta(days=d)).isoformat() for d in range(3)]
    assert api.status_of(ready) == "20"
    result = api.ship([ready], shipperAreaCode="CN", estimatedPickupDate=today.isoformat())
    assert result["data"][0]["status"] == "success"


def test_a_pickup_date_outside_the_week_is_refused_elsewhere(api: Api, sim: SimulatorServer) -> None:
    """Outside China the date is optional; one given must be today or one of the next six days."""
    first, second, third = _same_store(api, 3)
    api.pack([first, second, third])
    for po in (first, second, third):
        api.wait_status(po, "20")
    today = datetime.now(region_timezone("PH")).date()
    week = [(today + timedelta(days=d)).isoformat() for d in range(7)]
    for refused in ((today + timedelta(days=7)).isoformat(), (today - timedelta(days=1)).isoformat()):
        result = api.ship([first, second], shipperAreaCode="PH", estimatedPickupDate=refused)
        assert result["success"] is True
        for entry in result["data"]:
            assert entry["status"] == "fail" and entry["pickup_no"] is None
            assert entry["allow_date_range"] == week
            assert "estimatedPickupDate" in entry["error_message"]
    assert api.status_of(first) == api.status_of(second) == "20"
    assert sim.stats()["purchase_orders"][first]["ship_successes"] == 0
    result = api.ship([first], shipperAreaCode="PH", estimatedPickupDate=week[-1])
    assert result["data"][0]["status"] == "success" and result["data"][0]["allow_date_range"] is None
    result = api.ship([second], shipperAreaCode="PH")  # no date: today, as before
    assert result["data"][0]["status"] == "success"
    # China keeps its three days: a date of the week beyond them is refused there
    result = api.ship([third], shipperAreaCode="CN", estimatedPickupDate=week[3])
    assert result["data"][0]["status"] == "fail" and result["data"][0]["allow_date_range"] == week[:3]
    assert api.ship([third], shipperAreaCode="CN", estimatedPickupDate=week[2])["data"][0]["status"] == "success"


def test_shipped_pos_move_on(make_sim: Callable[..., SimulatorServer]) -> None:
    sim = make_sim(arrive_after_seconds=0.3, complete_after_seconds=0.3)
    api = Api(sim)
    po = api.to_pack()[0]["purchase_order_no"]
    api.pack([po])
    api.wait_status(po, "20")
    assert api.ship([po])["data"][0]["status"] == "success"
    api.wait_status(po, "40", deadline_s=5)
    record = api.list_pos(purchase_order_no_list=[po])["data"][0]
    assert record["gmt_arrive_time"] is not None
    items = api.result("/jit/purchase_order/query_list_purchase_item", {"purchase_order_no": po})["data"]
    assert all(i["received_normal_qty"] == i["buyer_qty"] for i in items)


def test_admin_cancel(api: Api) -> None:
    po = api.to_pack()[0]["purchase_order_no"]
    assert api.admin("cancel", {"purchase_order_no": po}).json() == {"ok": True}
    assert api.status_of(po) == "-100"
    assert api.admin("cancel", {"purchase_order_no": "POJ0"}).status_code == 404
    shipped = api.list_pos(order_status="22", page_size=1)["data"][0]["purchase_order_no"]
    assert api.admin("cancel", {"purchase_order_no": shipped}).status_code == 409


def test_pack_and_wait_many(api: Api) -> None:
    numbers = [r["purchase_order_no"] for r in api.to_pack()]
    assert api.pack(numbers)["success"] is True
    wait_for(lambda: api.list_pos(order_status="10", days_back=1)["total_count"] == 0, 5, "some never got ready")
