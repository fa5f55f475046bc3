"""Today's pickup orders: the ones today's shipped POs name (``pickup_order_no``), each read with
``/pickup_order/query``; and the ones this station's runs booked today (from the journal)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from datetime import time as day_start

from station.journal import JournalStore
from station.lazada.errors import BadParameterError, StationApiError
from station.lazada.jit import JitClient
from station.lazada.models import PurchaseOrder
from station.lazada.pickups import PickupOrder
from station.problems import say
from station.workflow.unprinted import shipped_today


@dataclass(frozen=True)
class TodaysPickup:
    """A pickup order of the day: its POs as listed, and where it stands (None if it could not be read)."""

    pickup_order_no: str
    purchase_order_nos: tuple[str, ...]
    order: PickupOrder | None = None
    error: str = ""  # why it could not be read: the operator's sentence

    @property
    def is_final(self) -> bool:
        return self.order is not None and self.order.status.is_final


def group_by_pickup(pos: Iterable[PurchaseOrder]) -> dict[str, list[str]]:
    """Pickup order number -> its POs, in the order the POs come; POs with none are left out."""
    groups: dict[str, list[str]] = {}
    for po in pos:
        if po.pickup_order_no:
            groups.setdefault(po.pickup_order_no, []).append(po.purchase_order_no)
    return groups


def read_pickup(client: JitClient, number: str, pos: Sequence[str] = ()) -> TodaysPickup:
    try:
        order = client.query_pickup(number)
    except BadParameterError as exc:
        # The platform refuses a number it does not know as a bad parameter: say which, plainly.
        unknown = "not found" in exc.detail.lower() or "not exist" in exc.detail.lower()
        return TodaysPickup(
            number, tuple(pos), None, say("pickup.unknown", no=number) if unknown else exc.operator_message
        )
    except StationApiError as exc:
        return TodaysPickup(number, tuple(pos), None, exc.operator_message)
    return TodaysPickup(number, tuple(pos) or order.purchase_order_nos, order)


def read_pickups(client: JitClient, groups: Mapping[str, Sequence[str]]) -> list[TodaysPickup]:
    return [read_pickup(client, number, pos) for number, pos in groups.items()]


def todays_pickups(client: JitClient) -> list[TodaysPickup]:
    """The pickup orders of the POs the platform shows shipped today, each read as it stands now."""
    return read_pickups(client, group_by_pickup(shipped_today(client)))


def booked_by_todays_runs(journal: JournalStore, profile: str) -> list[str]:
    """The pickup orders the POs shipped by today's runs of ``profile`` belong to (oldest first)."""
    since = datetime.combine(datetime.now().date(), day_start()).timestamp()
    return list(
        dict.fromkeys(
            outcome.pickup_no
            for outcome, job, _ in journal.recent_outcomes(profile, since)
            if job == "run" and outcome.shipped and outcome.pickup_no
        )
    )
