"""Shoplazza procurement orders at the boundary: the list filters (with their limits) and the records."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from station.connector.paging import check_page
from station.connector.values import build, record
from station.erp.shoplazza.errors import ShoplazzaMalformedError, ShoplazzaValidationError

LIMIT_MAX = 250  # not documented for this endpoint; Shoplazza's other list endpoints stop at 250
IDS_MAX = 250
_ID = re.compile(r"^\d{1,19}$")

# ``state`` values are not documented beyond "1"; the simulator uses these and the view shows the names.
STATE_NAMES: dict[str, str] = {"1": "Pending", "2": "Partially received", "3": "Received", "4": "Cancelled"}


def parse_time(value: str, name: str) -> datetime:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ShoplazzaValidationError(f"{name} must be a time like 2024-06-26T11:52:00Z, not {value!r}.") from None


@dataclass(frozen=True)
class ProcurementQuery:
    state: str = ""
    created_at_min: str = ""
    created_at_max: str = ""
    updated_at_min: str = ""
    updated_at_max: str = ""
    page: int = 1
    limit: int = 50
    ids: tuple[str, ...] = field(default_factory=tuple)

    def validate(self) -> None:
        check_page(self.page, self.limit, LIMIT_MAX, what="procurement orders", error=ShoplazzaValidationError)
        if len(self.ids) > IDS_MAX:
            raise ShoplazzaValidationError(f"Ask for at most {IDS_MAX} procurement ids at once.")
        for pid in self.ids:
            if not _ID.match(pid):
                raise ShoplazzaValidationError(f"A procurement id is a whole number, not {pid!r}.")
        if self.state and not self.state.isdigit():
            raise ShoplazzaValidationError(f"A procurement state is a number such as 1, not {self.state!r}.")
        for low_name, high_name in (("created_at_min", "created_at_max"), ("updated_at_min", "updated_at_max")):
            low, high = getattr(self, low_name), getattr(self, high_name)
            low_t = parse_time(low, low_name) if low else None
            high_t = parse_time(high, high_name) if high else None
            if low_t is not None and high_t is not None:
                try:
                    backwards = low_t > high_t
                except TypeError:  # one with a zone, one without
                    raise ShoplazzaValidationError(f"Give {low_name} and {high_name} both with a zone.") from None
                if backwards:
                    raise ShoplazzaValidationError(f"{low_name} is after {high_name}.")

    def to_params(self) -> dict[str, str]:
        self.validate()
        params = {"page": str(self.page), "limit": str(self.limit)}
        for key in ("state", "created_at_min", "created_at_max", "updated_at_min", "updated_at_max"):
            value = getattr(self, key)
            if value:
                params[key] = value
        if self.ids:
            params["ids"] = ",".join(self.ids)
        return params

    def with_page(self, page: int) -> ProcurementQuery:
        return ProcurementQuery(
            self.state,
            self.created_at_min,
            self.created_at_max,
            self.updated_at_min,
            self.updated_at_max,
            page,
            self.limit,
            self.ids,
        )


@dataclass(frozen=True)
class Procurement:
    id: str  # int64 on the wire; kept as text so no JSON reader loses digits
    procurement_sn: str
    source_id: str
    location_id: str
    note: str
    state: str
    pending_quantity: int
    received_quantity: int
    rejected_quantity: int
    transfer_quantity: int
    created_by: str
    created_at: str
    updated_at: str
    source_type: int
    procurement_no: str
    supplier_name: str
    tracking_number: str
    estimated_delivery_time: str

    @property
    def state_name(self) -> str:
        return STATE_NAMES.get(self.state, f"State {self.state}")

    @classmethod
    def from_api(cls, data: Any) -> Procurement:
        data = record(data, "a procurement", error=ShoplazzaMalformedError)
        if data.get("id") in (None, ""):
            raise ShoplazzaMalformedError("a procurement has no id")
        return build(cls, data, error=ShoplazzaMalformedError)


@dataclass(frozen=True)
class ProcurementPage:
    count: int
    procurements: tuple[Procurement, ...]
    page: int
    limit: int

    @property
    def has_more(self) -> bool:
        # ``count`` is "returned in the response": a full page means there may be another.
        return len(self.procurements) >= self.limit


@dataclass(frozen=True)
class ProcurementLine:
    """A SKU of a procurement (from the detail endpoint, which the list page does not document)."""

    sku: str
    barcode: str
    title: str
    quantity: int
    received_quantity: int

    @classmethod
    def from_api(cls, data: Any) -> ProcurementLine:
        return build(
            cls, record(data, "a procurement line", error=ShoplazzaMalformedError), error=ShoplazzaMalformedError
        )


def parse_ids(values: Sequence[str]) -> tuple[str, ...]:
    """Ids from arguments that may themselves be comma-separated."""
    out: list[str] = []
    for value in values:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return tuple(out)
