"""Pickup orders on the simulator: booked by a ship call, queried as they move on, carton labels printed."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import requests
from pypdf import PdfReader

from station.simulator import SimulatorServer

from ._support import PICKUP, Api, wait_for

QUERY = "/pickup_order/query"
PRINT = "/pickup_order/print"


def _ship_group(api: Api, count: int) -> tuple[str, list[dict[str, Any]]]:
    """Pack and ship ``count`` POs of one store and warehouse; their pickup order number and records."""
    records = api.to_pack()
    first = records[0]
    group = [r for r in records if (r["store_name"], r["store_code"]) == (first["store_name"], first["store_code"])]
    group = group[:count]
    numbers = [r["purchase_order_no"] for r in group]
    api.pack(numbers)
    for no in numbers:
        api.wait_status(no, "20")
    answer = api.ship(numbers)
    assert all(e["status"] == "success" for e in answer["data"]), answer
    pickups = {e["pickup_no"] for e in answer["data"]}
    assert len(pickups) == 1 and None not in pickups  # one pickup order per call
    return pickups.pop(), group


def _query(api: Api, number: str) -> dict[str, Any]:
    result = api.result(QUERY, {"pickup_order_no": number})
    assert result["success"] is True, result
    data: dict[str, Any] = result["data"]
    return data


def _fail(result: dict[str, Any], code: str, message: str) -> None:
    assert result["success"] is False and result["data"] is None, result
    assert result["error_code"] == code and message in result["error_message"], result


def test_a_ship_call_books_a_pickup_order_that_moves_on_by_itself(make_sim: Callable[..., SimulatorServer]) -> None:
    sim = make_sim(pickup_step_seconds=0.3)
    api = Api(sim)
    number, group = _ship_group(api, 3)
    data = _query(api, number)
    assert data["pickup_order_no"] == number and data["status"] == "10"
    assert data["purchase_order_no_list"] == [r["purchase_order_no"] for r in group]
    logistics = [
        n
        for r in group
        for n in api.list_pos(purchase_order_no_list=[r["purchase_order_no"]])["data"][0]["logistics_no_list"]
    ]
    assert data["logistics_no_list"] == logistics and logistics
    assert data["receive_store_code"] == group[0]["store_code"]
    assert data["shipper_name"] == PICKUP["shipperName"] and data["shipper_phone"] == PICKUP["shipperMobilePhone"]
    assert data["estimated_box_number"] >= 1 and float(data["estimated_weight"]) > 0
    assert data["car_number"] is None and data["actual_weight"] is None  # nothing dispatched yet

    seen: list[str] = []

    def completed() -> bool:
        status = str(_query(api, number)["status"])
        if not seen or seen[-1] != status:
            seen.append(status)
        return status == "50"

    wait_for(completed, 10, f"pickup {number} never completed; seen {seen}")
    assert seen == sorted(seen, key=int)  # never backwards
    done = _query(api, number)
    assert done["car_number"] and done["car_driver_name"] and done["car_driver_phone"]
    assert float(done["actual_weight"]) > 0 and done["actual_pickup_time"] and done["actual_arrive_time"]
    assert done["reason"] is None


def test_under_fault_injection_some_pickups_fail_with_a_reason(make_sim: Callable[..., SimulatorServer]) -> None:
    sim = make_sim(pickup_step_seconds=0.1, pickup_fail_rate=1.0)
    api = Api(sim)
    number, _ = _ship_group(api, 1)
    wait_for(lambda: _query(api, number)["status"] == "-20", 5, "the pickup never failed")
    failed = _query(api, number)
    assert failed["reason"] and failed["car_driver_name"]  # a vehicle came, and could not collect
    assert failed["actual_pickup_time"] is None


def test_carton_labels_one_page_per_box(api: Api) -> None:
    number, group = _ship_group(api, 2)
    for size, millimetres in (("PICKUP_1010", (100, 100)), ("PICKUP_A4", (210, 297))):
        result = api.result(PRINT, {"pickup_order_no": number, "pdf_size": size, "box_number": "3"})
        assert result["success"] is True, result
        url = result["data"]["file"]
        assert "ACHOICE_PICKUP_ORDER_" + number in url
        response = requests.get(url, timeout=10)
        assert response.status_code == 200 and response.content.startswith(b"%PDF")
        reader = PdfReader(io.BytesIO(response.content))
        assert len(reader.pages) == 3
        for box, page in enumerate(reader.pages, start=1):
            assert (
                round(float(page.mediabox.width) * 25.4 / 72),
                round(float(page.mediabox.height) * 25.4 / 72),
            ) == millimetres
            text = page.extract_text()
            assert f"BOX {box} OF 3" in text and number in text
            assert group[0]["store_code"] in text


def test_print_refusals_in_the_documented_envelope(api: Api) -> None:
    number, _ = _ship_group(api, 1)
    good = {"pickup_order_no": number, "pdf_size": "PICKUP_1010", "box_number": "1"}
    for change, message in (
        ({"box_number": "0"}, "box_number"),
        ({"box_number": "101"}, "box_number"),
        ({"box_number": "two"}, "box_number"),
        ({"pdf_size": "A4"}, "pdf_size"),
        ({"pickup_order_no": "PUO00000000000001"}, "not found"),
        ({"pickup_order_no": ""}, "pickup_order_no"),
    ):
        _fail(api.result(PRINT, {**good, **change}), "INVALID_PARAM", message)
    assert api.result(PRINT, {**good, "box_number": "100"})["success"] is True
    _fail(api.result(QUERY, {"pickup_order_no": "PUO00000000000001"}), "INVALID_PARAM", "not found")


def test_the_history_s_pickups_can_be_queried(api: Api) -> None:
    shipped = [r for r in api.list_pos(page_size=50)["data"] if r["biz_status"] in ("22", "25", "40")]
    assert shipped
    record = shipped[0]
    number = api.list_pos(purchase_order_no_list=[record["purchase_order_no"]])["data"][0].get("pickup_order_no")
    data = _query(api, number)
    assert record["purchase_order_no"] in data["purchase_order_no_list"]


def test_pickups_survive_a_restart(make_sim: Callable[..., SimulatorServer], tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    sim = make_sim(state_file=state, pickup_step_seconds=0.2)
    number, _ = _ship_group(Api(sim), 1)
    wait_for(lambda: _query(Api(sim), number)["status"] == "50", 5, "the pickup never completed")
    before = _query(Api(sim), number)
    sim.stop()
    again = make_sim(state_file=state, pickup_step_seconds=0.2)
    assert _query(Api(again), number) == before
