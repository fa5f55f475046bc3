"""Pickup orders on the simulated platform: created by a ship call, queried, and their carton labels.

A pickup order's status moves by itself with time, one step every ``pickup_step_seconds``:
10 waiting → 20 vehicle dispatched → 30 picked up → 40 delivered to the warehouse → 50 completed.
With ``pickup_fail_rate`` some fail instead of being picked up (-20, with a reason). Everything a
query answers is derived from the record and the clock, so a restart from the state file agrees.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from station.simulator.records import PurchaseOrder
    from station.simulator.state import SimulatorState

PROGRESS = (10, 20, 30, 40, 50)  # one step per pickup_step_seconds
FAILED, CANCELLED, DELETED = -20, -10, -30
KG_PER_UNIT = 0.35
M3_PER_UNIT = 0.0025
UNITS_PER_BOX = 12  # how the platform estimates cartons from the units booked

FAIL_REASONS = (
    "The driver could not reach the pickup address",
    "No one was at the pickup address",
    "The cartons were not ready at the booked time",
)
DRIVERS = ("Ramon Cruz", "Ahmad Faizal", "Somchai Prasert", "Nguyen Van Binh", "Budi Santoso")


@dataclass
class PickupRecord:
    """What one ship call booked. Times are epoch milliseconds."""

    pickup_order_no: str
    purchase_order_nos: list[str]
    created: int
    estimated_pickup: int
    shipper_name: str = ""
    shipper_phone: str = ""
    shipper_address: str = ""
    fails: bool = False  # drawn at booking: this pickup will fail instead of being collected
    draw: int = 0  # picks the reason, the driver and the car, so a restart tells the same story
    cancelled_at: int | None = None  # set by the admin endpoint

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PickupRecord:
        return cls(**{**d, "purchase_order_nos": [str(n) for n in d["purchase_order_nos"]]})

    def status(self, now: int, step_seconds: float) -> int:
        if self.cancelled_at is not None and self.cancelled_at <= now:
            return CANCELLED
        step = max(step_seconds, 0.001) * 1000
        stage = min(len(PROGRESS) - 1, int((now - self.created) // step))
        if self.fails and stage >= 2:  # it never gets picked up
            return FAILED
        return PROGRESS[stage]

    def stage_time(self, stage: int, step_seconds: float) -> int:
        return self.created + int(stage * max(step_seconds, 0.001) * 1000)


def book(state: SimulatorState, pickup_no: str, pos: list[PurchaseOrder], params: Mapping[str, str], now: int,
         estimated_pickup: int) -> None:
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


def adopt_history(state: SimulatorState) -> None:
    """Give the seeded history's shipped POs their pickup orders, so that they can be queried too."""
    grouped: dict[str, list[PurchaseOrder]] = {}
    for po in state.pos.values():
        if po.pickup_order_no and po.pickup_order_no not in state.pickups:
            grouped.setdefault(po.pickup_order_no, []).append(po)
    for number, pos in grouped.items():
        shipped = min(p.shipped_at or p.gmt_modified for p in pos)
        state.pickups[number] = PickupRecord(number, [p.purchase_order_no for p in pos], shipped, shipped,
                                             draw=random.Random(number).randrange(1_000_000))


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
        data.update(car_number=f"{rng.choice('ABCNPTW')}{rng.choice('ABCKLMX')}{rng.randint(1000, 9999)}",
                    car_driver_name=driver, car_driver_phone=f"09{rng.randint(10**8, 10**9 - 1)}",
                    update_time=record.stage_time(1, step))
    if status == FAILED:
        data.update(reason=rng.choice(FAIL_REASONS), update_time=record.stage_time(2, step))
    elif status == CANCELLED:
        data.update(reason="Cancelled by the seller", update_time=record.cancelled_at)
    if picked:
        data.update(actual_weight=f"{units * KG_PER_UNIT * rng.uniform(0.9, 1.1):.3f}",
                    actual_pickup_time=str(record.stage_time(2, step)),
                    actual_logistics_no_list=[f"TRK{rng.randint(10**9, 10**10 - 1)}"],
                    update_time=record.stage_time(PROGRESS.index(status), step))
    if status in (40, 50):
        data["actual_arrive_time"] = str(record.stage_time(3, step))
    return data
