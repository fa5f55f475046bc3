"""``/pickup_order/query`` and ``/pickup_order/print`` (``lazada-choice-reference.md``); each returns
the ``result`` object, refusals in the JIT endpoints' envelope."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from station.simulator.files import PICKUP_FILE_PREFIX, FileRecord, new_file_name, signed_url
from station.simulator.params import BusinessError, failure, invalid, ok
from station.simulator.pickups import CANCELLED, DELETED, PickupRecord, answer

if TYPE_CHECKING:
    from station.simulator.jit_api import Call
    from station.simulator.state import SimulatorState

SIZES = ("PICKUP_A4", "PICKUP_1010")
BOXES_MAX = 100


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
                raise BusinessError("INVALID_STATUS", f"pickup order {record.pickup_order_no} status is {status}, "
                                    "can not print")
            expires = int(_now_ms() / 1000 + state.config.file_ttl_seconds)
            name = new_file_name(record.pickup_order_no, PICKUP_FILE_PREFIX)
            file = FileRecord(name, list(record.purchase_order_nos), size, False, False, expires,
                              pickup_order_no=record.pickup_order_no, box_number=boxes)
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
