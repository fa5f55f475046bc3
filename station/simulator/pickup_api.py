"""``/pickup_order/query`` and ``/pickup_order/print`` (``lazada-choice-reference.md``); each returns
the ``result`` object, refusals in the JIT endpoints' envelope."""

from __future__ import annotations

import math
import random
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from station.simulator.files import PICKUP_FILE_PREFIX, FileRecord, new_file_name, signed_url
from station.simulator.params import BusinessError, failure, invalid, ok
from station.simulator.pickups import (
    CANCELLED,
    DELETED,
    DRIVERS,
    FAIL_REASONS,
    FAILED,
    KG_PER_UNIT,
    M3_PER_UNIT,
    PROGRESS,
    UNITS_PER_BOX,
    PickupRecord,
)

if TYPE_CHECKING:
    from station.simulator.call import Call
    from station.simulator.records import PurchaseOrder
    from station.simulator.state import SimulatorState

SIZES = ("PICKUP_A4", "PICKUP_1010")
BOXES_MAX = 100


def book(
    state: SimulatorState,
    pickup_no: str,
    pos: list[PurchaseOrder],
    params: Mapping[str, str],
    now: int,
    estimated_pickup: int,
) -> None:
    """Record the pickup order a successful ship call created (caller holds the lock)."""
    state.pickups[pickup_no] = PickupRecord(
        pickup_order_no=pickup_no,
        purchase_order_nos=[p.purchase_order_no for p in pos],
        created=now,
        estimated_pickup=estimated_pickup,
        shipper_name=params.get("shipperName", "").strip(),
        shipper_phone=params.get("shipperMobilePhone", "").strip(),
        shipper_address=params.get("shipperAddressDetail", "").strip(),
        fails=state.rng.random() < state.config.pickup_fail_rate,
        draw=state.rng.randrange(1_000_000),
    )


def answer(state: SimulatorState, record: PickupRecord, now: int) -> dict[str, Any]:
    """``/pickup_order/query``'s ``data`` for ``record`` at ``now`` (caller holds the lock)."""
    step = state.config.pickup_step_seconds
    status = record.status(now, step)
    pos = [state.pos[n] for n in record.purchase_order_nos if n in state.pos]
    units = sum(p.total_quantity for p in pos)
    warehouse = state.warehouse(pos[0]) if pos else None
    picked = status in (30, 40, 50)
    dispatched = picked or status == 20 or status == FAILED
    rng = random.Random(record.draw)
    driver = rng.choice(DRIVERS)
    data: dict[str, Any] = {
        "pickup_order_no": record.pickup_order_no,
        "status": str(status),
        "reason": None,
        "purchase_order_no_list": list(record.purchase_order_nos),
        "logistics_no_list": [n for p in pos for n in p.logistics_no_list],
        "estimated_box_number": max(1, math.ceil(units / UNITS_PER_BOX)),
        "estimated_weight": f"{units * KG_PER_UNIT:.3f}",
        "actual_weight": None,
        "estimated_volume": f"{units * M3_PER_UNIT:.3f}",
        "estimated_pickup_time": record.estimated_pickup,
        "actual_pickup_time": None,
        "actual_arrive_time": None,
        "shipper_name": record.shipper_name,
        "shipper_phone": record.shipper_phone,
        "shipper_address": record.shipper_address,
        "car_number": None,
        "car_driver_name": None,
        "car_driver_phone": None,
        "receive_store_code": warehouse.store_code if warehouse else None,
        "receive_store_address": warehouse.store_address if warehouse else None,
        "create_time": record.created,
        "update_time": record.created,
    }
    if dispatched:
        data.update(
            car_number=f"{rng.choice('ABCNPTW')}{rng.choice('ABCKLMX')}{rng.randint(1000, 9999)}",
            car_driver_name=driver,
            car_driver_phone=f"09{rng.randint(10**8, 10**9 - 1)}",
            update_time=record.stage_time(1, step),
        )
    if status == FAILED:
        data.update(reason=rng.choice(FAIL_REASONS), update_time=record.stage_time(2, step))
    elif status == CANCELLED:
        data.update(reason="Cancelled by the seller", update_time=record.cancelled_at)
    if picked:
        data.update(
            actual_weight=f"{units * KG_PER_UNIT * rng.uniform(0.9, 1.1):.3f}",
            actual_pickup_time=str(record.stage_time(2, step)),
            actual_logistics_no_list=[f"TRK{rng.randint(10**9, 10**10 - 1)}"],
            update_time=record.stage_time(PROGRESS.index(status), step),
        )
    if status in (40, 50):
        data["actual_arrive_time"] = str(record.stage_time(3, step))
    return data


def _pickup(state: SimulatorState, params: Mapping[str, str]) -> PickupRecord:
    number = params.get("pickup_order_no", "").strip()
    if not number:
        raise invalid("the input param pickup_order_no can not be null")
    record = state.pickups.get(number)
    if record is None:
        raise invalid(f"pickup order {number} not found")
    return record


def query(call: Call) -> dict[str, Any]:
    state = call.state
    try:
        with state.lock:
            return ok(answer(state, _pickup(state, call.params), _now_ms()))
    except BusinessError as error:
        return failure(error, paged=False)


def print_labels(call: Call) -> dict[str, Any]:
    """``/pickup_order/print``: a URL of ``box_number`` carton labels, expiring like every print file."""
    state = call.state
    params = call.params
    try:
        size = params.get("pdf_size", "").strip()
        if size not in SIZES:
            raise invalid(f"the input param pdf_size '{size}' is not supported, only {'/'.join(SIZES)}")
        text = params.get("box_number", "").strip()
        try:
            boxes = int(text)
        except ValueError:
            raise invalid(f"the input param box_number '{text}', can not format to Number") from None
        if not 1 <= boxes <= BOXES_MAX:
            raise invalid(f"the input param box_number '{boxes}' must be between 1 and {BOXES_MAX}")
        with state.lock:
            record = _pickup(state, params)
            status = record.status(_now_ms(), state.config.pickup_step_seconds)
            if status in (CANCELLED, DELETED):
                raise BusinessError(
                    "INVALID_STATUS", f"pickup order {record.pickup_order_no} status is {status}, can not print"
                )
            expires = int(_now_ms() / 1000 + state.config.file_ttl_seconds)
            name = new_file_name(record.pickup_order_no, PICKUP_FILE_PREFIX)
            file = FileRecord(
                name,
                list(record.purchase_order_nos),
                size,
                False,
                False,
                expires,
                pickup_order_no=record.pickup_order_no,
                box_number=boxes,
            )
            state.files[file.name] = file
            state.changed()
            url = signed_url(call.base_url, file, state.file_secret)
    except BusinessError as error:
        return failure(error, paged=False)
    return ok({"file": url})


def _now_ms() -> int:
    return int(time.time() * 1000)


PICKUP_HANDLERS = {
    "/pickup_order/query": query,
    "/pickup_order/print": print_labels,
}
