"""Pickup orders on the simulated platform: the record a ship call books, and how its status moves.
(The endpoints that answer about them are in :mod:`station.simulator.pickup_api`.)

A pickup order's status moves by itself with time, one step every ``pickup_step_seconds``:
10 waiting → 20 vehicle dispatched → 30 picked up → 40 delivered to the warehouse → 50 completed.
With ``pickup_fail_rate`` some fail instead of being picked up (-20, with a reason). Everything a
query answers is derived from the record and the clock, so a restart from the state file agrees.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

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
