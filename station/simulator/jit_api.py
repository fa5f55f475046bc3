"""The JIT purchase-order endpoints; each returns the ``result`` object of the doc."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from station.lazada.limits import (
    AREA_CODES,
    DATE_FORMAT,
    DATETIME_FORMAT,
    ITEM_PAGE_SIZE_MAX,
    PACK_MAX,
    PO_PAGE_SIZE_MAX,
    PRINT_MAX,
    QUERY_LOGISTICS_NUMBERS_MAX,
    QUERY_PO_NUMBERS_MAX,
    SHIP_MAX,
)
from station.lazada.models import PdfSize, POStatus
from station.simulator import pickup_api
from station.simulator.call import Call
from station.simulator.config import region_timezone
from station.simulator.files import FileRecord, new_file_name, signed_url
from station.simulator.params import (
    BusinessError,
    failure,
    invalid,
    list_param,
    ok,
    paged,
    paging,
    safe_paging,
)
from station.simulator.records import ARRIVED, CANCELLED, COMPLETED, READY, TO_PACK, TO_PUT_AWAY, PurchaseOrder
from station.simulator.state import SimulatorState, now_ms

MAX_WINDOW_MS = 90 * 86_400_000
CN_PICKUP_DAYS = 3  # a pickup in China: today and the next two days (region date)
# Elsewhere the date is optional; one given must be within a week from today (docs/api-decisions.md).
LOCAL_PICKUP_DAYS = 7
STATUS_VALUES = {s.value for s in POStatus}


def _local_ms(call: Call, name: str) -> int:
    text = call.params.get(name, "")
    if not text.strip():
        raise invalid(f"the input param {name} can not be null")
    try:
        moment = datetime.strptime(text, DATETIME_FORMAT)
    except ValueError:
        raise invalid(f"the input param {name} '{text}', can not format to {{yyyy-MM-dd HH:mm:ss}}") from None
    return int(moment.replace(tzinfo=region_timezone(call.state.config.region)).timestamp() * 1000)


def _require_pos(state: SimulatorState, numbers: list[str]) -> list[PurchaseOrder]:
    missing = [n for n in numbers if n not in state.pos]
    if missing:
        raise invalid(f"purchase order {', '.join(missing[:5])} not found")
    return [state.pos[n] for n in numbers]


# ----- 1. query_list -------------------------------------------------------------------------


def po_record(state: SimulatorState, po: PurchaseOrder) -> dict[str, Any]:
    wh = state.warehouse(po)
    sup = state.catalogue.supplier
    return {
        "supplier_name": sup.supplier_name,
        "gmt_modified": po.gmt_modified,
        "creator": sup.seller_id,
        "supplier_id": sup.supplier_id,
        "delivery_method": po.delivery_method,
        "store_contact_name": wh.store_contact_name,
        "supplier_code": sup.supplier_code,
        "gmt_create": po.gmt_create,
        "gmt_except_arrive_time": po.gmt_except_arrive_time,
        "purchase_order_no": po.purchase_order_no,
        "gmt_arrive_time": po.gmt_arrive_time,
        "trade_order_id_list": list(po.trade_order_id_list),
        "pickup_order_no": po.pickup_order_no,
        "store_contact_phone": wh.store_contact_phone,
        "logistics_no_list": list(po.logistics_no_list),
        "seller_id": sup.seller_id,
        "total_quantity": po.total_quantity,
        "store_address": wh.store_address,
        "total_sku_count": len(po.items),
        "site_id": state.config.region,
        "store_name": wh.store_name,
        "biz_status": po.status,
        "store_code": wh.store_code,
    }


def query_list(call: Call) -> dict[str, Any]:
    try:
        begin = _local_ms(call, "gmt_create_begin")
        end = _local_ms(call, "gmt_create_end")
        if end - begin > MAX_WINDOW_MS:
            raise BusinessError(None, "CG_CC_ILLEGAL_ARGUMENT:gmtCreateLeft和gmtCreateRight的时间间隔不能超过90天")
        po_nos = list_param(call.params, "purchase_order_no_list", QUERY_PO_NUMBERS_MAX, required=False)
        lbx_nos = list_param(call.params, "logistics_no_list", QUERY_LOGISTICS_NUMBERS_MAX, required=False)
        status = call.params.get("order_status", "").strip() or None
        if status is not None and status not in STATUS_VALUES:
            raise invalid(f"the input param order_status '{status}' is not supported")
        page_index, page_size = paging(call.params, PO_PAGE_SIZE_MAX)
    except BusinessError as error:
        index, size = safe_paging(call.params, PO_PAGE_SIZE_MAX)
        return failure(error, paged=True, page_index=index, page_size=size)
    state = call.state
    with state.lock:
        numbers = state.query(begin, end + 999, status, po_nos, lbx_nos)
        start = (page_index - 1) * page_size
        records = [po_record(state, state.pos[n]) for n in numbers[start : start + page_size]]
    return paged(records, len(numbers), page_index, page_size)


# ----- 2. query_list_purchase_item -----------------------------------------------------------


def query_items(call: Call) -> dict[str, Any]:
    state = call.state
    try:
        po_no = call.params.get("purchase_order_no", "").strip()
        if not po_no:
            raise invalid("the input param purchase_order_no can not be null")
        page_index, page_size = paging(call.params, ITEM_PAGE_SIZE_MAX)
        with state.lock:
            state.tick()
            po = _require_pos(state, [po_no])[0]
            received = po.status in (ARRIVED, COMPLETED)
            items = po.items
            start = (page_index - 1) * page_size
            records = []
            for sku, qty in items[start : start + page_size]:
                p = state.catalogue.by_sku[sku]
                records.append(
                    {
                        "product_id": p.product_id,
                        "sc_item_code": p.sc_item_code,
                        "buyer_qty": qty,
                        "sc_item_id": p.sc_item_id,
                        "barcodes": list(p.barcodes),
                        "received_normal_qty": qty if received else None,
                        "product_title": p.product_title,
                        "img_url": f"{call.base_url}/images/{p.sku_id}.png",
                        "sc_item_name": p.sc_item_name,
                        "seller_sku": p.seller_sku,
                        "sku_id": p.sku_id,
                        "received_defective_qty": 0 if received else None,
                    }
                )
    except BusinessError as error:
        index, size = safe_paging(call.params, ITEM_PAGE_SIZE_MAX)
        return failure(error, paged=True, page_index=index, page_size=size)
    return paged(records, len(items), page_index, page_size)


# ----- 3. package ----------------------------------------------------------------------------


def package(call: Call) -> dict[str, Any]:
    """All or nothing: one unknown, cancelled or already packed PO rejects the whole call."""
    state = call.state
    cfg = state.config
    try:
        numbers = list_param(call.params, "purchase_order_no_list", PACK_MAX, required=True)
        with state.lock:
            state.tick()
            pos = _require_pos(state, numbers)
            for po in pos:
                if po.status in CANCELLED:
                    raise BusinessError(
                        "INVALID_STATUS",
                        f"purchase order {po.purchase_order_no} has been cancelled, status {po.status}",
                    )
            for po in pos:
                if po.packed_at is not None or po.status != TO_PACK:
                    raise BusinessError(None, "Has packed. Plz refresh")
            now = now_ms()
            for po in pos:
                delay = state.rng.uniform(cfg.pack_delay_min, cfg.pack_delay_max)
                po.packed_at = now
                po.ready_at = now + int(delay * 1000)
                po.gmt_modified = now
                state.add_logistics_no(po, state.numbers.next_lbx())
                state.schedule(po)
                state.count_po(po.purchase_order_no, "pack_accepted")
            state.changed()
    except BusinessError as error:
        return failure(error, paged=False)
    return ok({"status": "success"})


# ----- 4. batch_pickup_deliver ---------------------------------------------------------------


def _pickup_days(call: Call, area: str) -> list[str]:
    """The dates a pickup may be booked for from ``area``, today first (region date)."""
    today = datetime.now(region_timezone(call.state.config.region)).date()
    days = CN_PICKUP_DAYS if area == "CN" else LOCAL_PICKUP_DAYS
    return [(today + timedelta(days=d)).strftime(DATE_FORMAT) for d in range(days)]


def _refused_dates(call: Call) -> list[str] | None:
    """The allowed dates when the call's pickup date is refused, else None. China needs a date;
    elsewhere none means today, and a date given must be one of the allowed."""
    area = call.params["shipperAreaCode"].strip()
    text = call.params.get("estimatedPickupDate", "").strip()
    if not text and area != "CN":
        return None
    days = _pickup_days(call, area)
    return None if _dateok(text, days) else days


def _check_contact(params: Mapping[str, str]) -> None:
    for name in ("shipperAreaCode", "shipperAddressId", "shipperAddressDetail", "shipperMobilePhone", "shipperName"):
        if not params.get(name, "").strip():
            raise invalid(f"the input param {name} can not be null")
    if params["shipperAreaCode"].strip() not in AREA_CODES:
        raise invalid(f"the input param shipperAreaCode '{params['shipperAreaCode']}' is not supported")
    try:
        address_id = int(params["shipperAddressId"])
    except ValueError:
        raise invalid(
            f"the input param shipperAddressId '{params['shipperAddressId']}', can not format to Number"
        ) from None
    if address_id <= 0:
        raise invalid(f"the input param shipperAddressId '{address_id}' is invalid")


def _dateok(text: str, allowed: list[str]) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return text in allowed


def batch_pickup_deliver(call: Call) -> dict[str, Any]:
    state = call.state
    params = call.params
    try:
        numbers = list_param(params, "purchaseOrderNoList", SHIP_MAX, required=True)
        _check_contact(params)
        allowed = _refused_dates(call)
        with state.lock:
            state.tick()
            pos = _require_pos(state, numbers)
            groups = {(state.warehouse(p).store_name, state.warehouse(p).store_code) for p in pos}
            if len(groups) > 1:
                raise invalid("purchase orders of different stores or warehouses can not be shipped together")
            for po in pos:
                state.count_po(po.purchase_order_no, "ship_attempts")
            not_ready = [p for p in pos if p.status != READY]
            if not_ready:
                call.penalize()
            if len(not_ready) == len(pos):
                state.changed()
                first = not_ready[0]
                raise BusinessError(
                    "INVALID_STATUS_FORBIDDEN_PICK_UP",
                    f"INVALID_STATUS_FORBIDDEN_PICK_UP: purchase "
                    f"order {first.purchase_order_no} status is {first.status}, only 20 can be "
                    "picked up",
                )
            pickup_no = state.numbers.next_puo() if allowed is None else None
            now = now_ms()
            cfg = state.config
            data: list[dict[str, Any]] = []
            for po in pos:
                entry: dict[str, Any] = {
                    "purchase_order_no": po.purchase_order_no,
                    "status": "fail",
                    "pickup_no": None,
                    "error_message": None,
                    "allow_date_range": None,
                }
                if po.status != READY:
                    entry["error_message"] = (
                        f"INVALID_STATUS_FORBIDDEN_PICK_UP: purchase order status is "
                        f"{po.status}, only 20 can be picked up"
                    )
                elif allowed is not None:
                    entry["error_message"] = "estimatedPickupDate is not within the allowed pickup dates"
                    entry["allow_date_range"] = allowed
                else:
                    po.status = TO_PUT_AWAY
                    po.pickup_order_no = pickup_no
                    po.delivery_method = "pickup"
                    po.shipped_at = now
                    po.gmt_modified = now
                    po.arrive_at = now + int(cfg.arrive_after_seconds * 1000)
                    po.complete_at = po.arrive_at + int(cfg.complete_after_seconds * 1000)
                    state.schedule(po)
                    state.count_po(po.purchase_order_no, "ship_successes")
                    entry.update(status="success", pickup_no=pickup_no)
                data.append(entry)
            shipped = [p for p in pos if p.pickup_order_no == pickup_no and p.shipped_at == now]
            if pickup_no is not None and shipped:
                pickup_api.book(state, pickup_no, shipped, params, now, _pickup_time(call, now))
            state.changed()
    except BusinessError as error:
        return failure(error, paged=False)
    return ok(data)


def _pickup_time(call: Call, now: int) -> int:
    """When the pickup is booked for: the date asked (local midnight), else the moment of booking."""
    text = call.params.get("estimatedPickupDate", "").strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return now
    local = datetime(day.year, day.month, day.day, tzinfo=region_timezone(call.state.config.region))
    return int(local.timestamp() * 1000)


# ----- 5. print ------------------------------------------------------------------------------


def _bool_param(params: Mapping[str, str], name: str) -> bool:
    text = params.get(name, "").strip().lower()
    if text not in ("true", "false"):
        raise invalid(f"the input param {name} '{params.get(name, '')}', can not format to Boolean")
    return text == "true"


def print_file(call: Call) -> dict[str, Any]:
    state = call.state
    params = call.params
    try:
        size_text = params.get("pdf_size", "").strip()
        if size_text not in {s.value for s in PdfSize}:
            raise invalid(f"the input param pdf_size '{size_text}' is not supported, only A4/6030/100150")
        numbers = list_param(params, "purchase_order_no_list", PRINT_MAX, required=True)
        print_order = _bool_param(params, "print_order")
        print_barcode = _bool_param(params, "print_barcode")
        if size_text == PdfSize.A4.value and print_barcode:
            raise invalid("not support print_barcode when pdf_size is A4.")
        if not print_order and not print_barcode:
            raise invalid("print_order and print_barcode can not be both false.")
        with state.lock:
            state.tick()
            for po in _require_pos(state, numbers):
                if po.status == TO_PACK or po.status in CANCELLED:
                    raise BusinessError(
                        "INVALID_STATUS", f"purchase order {po.purchase_order_no} status is {po.status}, can not print"
                    )
            expires = int(time.time() + state.config.file_ttl_seconds)
            record = FileRecord(new_file_name(numbers[0]), numbers, size_text, print_order, print_barcode, expires)
            state.files[record.name] = record
            for n in numbers:
                state.count_po(n, "print_requests")
            state.changed()
            url = signed_url(call.base_url, record, state.file_secret)
    except BusinessError as error:
        return failure(error, paged=False)
    return ok({"file": url})


# API path -> handler; every one of them needs the seller's access token.
JIT_HANDLERS: dict[str, Callable[[Call], dict[str, Any]]] = {
    "/jit/purchase_order/query_list": query_list,
    "/jit/purchase_order/query_list_purchase_item": query_items,
    "/jit/purchase_order/package": package,
    "/jit/purchase_order/batch_pickup_deliver": batch_pickup_deliver,
    "/jit/purchase_order/print": print_file,
    **pickup_api.PICKUP_HANDLERS,
}
