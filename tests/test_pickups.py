"""The client's pickup orders: query and carton-label files over real sockets, limits checked before sending."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import requests

from station.connect import Connection
from station.demo import DEMO_CONTACT
from station.lazada.errors import BadParameterError, MalformedResponseError, RequestValidationError
from station.lazada.pickups import PickupLabelSize, PickupOrder, PickupStatus
from station.outcomes import Step
from station.simulator.server import SimulatorServer
from station.workflow.batch import BatchOptions, BatchRunner, list_to_pack
from tests.support import wait_until


@pytest.fixture
def sim_defaults() -> dict[str, Any]:
    return {
        "pos": 12,
        "history": 10,
        "seed": 5,
        "pack_delay_min": 0.2,
        "pack_delay_max": 0.4,
        "pickup_step_seconds": 0.3,
    }


def _shipped_pickup(conn: Connection, tmp_path: Path) -> tuple[str, list[str]]:
    """Pack and ship one store and warehouse's POs with the batch; their pickup order and PO numbers."""
    pos = list_to_pack(conn.client)
    group = [p for p in pos if p.ship_group == pos[0].ship_group]
    options = BatchOptions(
        cache_dir=tmp_path,
        contact=DEMO_CONTACT,
        steps=frozenset({Step.PACK, Step.SHIP}),
        first_poll_after=0.2,
        poll_interval=0.2,
        ready_timeout=30,
    )
    report = BatchRunner(conn.client, options).run(group)
    assert report.counts()["shipped"] == len(group)
    numbers = [p.purchase_order_no for p in group]
    after = conn.client.find_pos(numbers)
    pickups = {after[n].pickup_order_no for n in numbers}
    assert len(pickups) == 1
    return str(pickups.pop()), numbers


def test_query_a_pickup_order_as_it_moves_on(conn: Connection, tmp_path: Path) -> None:
    number, pos = _shipped_pickup(conn, tmp_path)
    pickup = conn.client.query_pickup(number)
    assert pickup.pickup_order_no == number and pickup.status is PickupStatus.WAITING
    assert pickup.purchase_order_nos == tuple(pos) and len(pickup.logistics_nos) == len(pos)
    assert pickup.estimated_pickup_time is not None and pickup.estimated_box_number >= 1
    assert pickup.status.is_open and not pickup.status.is_final
    done = wait_until(
        lambda: (p := conn.client.query_pickup(number)).status is PickupStatus.COMPLETED and p, timeout=10
    )
    assert done and done.car_driver_name and done.actual_weight and done.status.is_final


def test_carton_label_file(conn: Connection, tmp_path: Path) -> None:
    number, _ = _shipped_pickup(conn, tmp_path)
    file = conn.client.pickup_label_file(f"  {number} ", PickupLabelSize.LABEL_100X100, 4)
    assert file.pickup_order_no == number and file.boxes == 4
    response = requests.get(file.url, timeout=10)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


@pytest.mark.parametrize("boxes", [0, 101, -1, True])
def test_box_count_is_checked_before_anything_is_sent(conn: Connection, sim: SimulatorServer, boxes: int) -> None:
    before = sim.stats()["calls"].get("/pickup_order/print", 0)
    with pytest.raises(RequestValidationError, match="between 1 and 100"):
        conn.client.pickup_label_file("PUO20250000000001", PickupLabelSize.A4, boxes)
    with pytest.raises(RequestValidationError):
        conn.client.query_pickup("  ")
    assert sim.stats()["calls"].get("/pickup_order/print", 0) == before


def test_an_unknown_pickup_order_is_refused(conn: Connection) -> None:
    with pytest.raises(BadParameterError):
        conn.client.query_pickup("PUO00000000000009")


def test_reading_a_pickup_order() -> None:
    base = {
        "pickup_order_no": "PUO1",
        "status": "20",
        "purchase_order_no_list": ["POJ1", "POJ2"],
        "logistics_no_list": ["LBX1"],
        "estimated_box_number": 3,
        "estimated_weight": "1.250",
        "estimated_pickup_time": 1764374400000,
        "car_number": "AB1234",
        "reason": None,
    }
    pickup = PickupOrder.from_api(base)
    assert pickup.status is PickupStatus.DISPATCHED and pickup.purchase_order_nos == ("POJ1", "POJ2")
    assert pickup.estimated_weight == "1.250" and pickup.reason == "" and pickup.actual_logistics_nos == ()
    assert pickup.estimated_pickup_time is not None and pickup.estimated_pickup_time.year == 2025
    odd = PickupOrder.from_api({**base, "status": "60"})
    assert odd.status is PickupStatus.UNKNOWN and odd.status_code == 60  # a new status is shown, not guessed
    broken: object
    for broken in (
        {**base, "status": "soon"},
        {**base, "pickup_order_no": ""},
        {**base, "purchase_order_no_list": "POJ1"},
        {**base, "estimated_box_number": "many"},
        [],
    ):
        with pytest.raises(MalformedResponseError):
            PickupOrder.from_api(broken)
