"""The marketplace-order endpoints of the simulator.

GetOrders and GetOrderItems answer ``{"code": "0", "data": ..., "request_id"}``; their refusals
are gateway-style (``code`` != "0"). The fulfilment endpoints answer ``result{success, data,
errorCode, errorMsg}`` as the fulfilment pages show, and report each item or package with
``item_err_code``/``msg``. Item error codes are the simulator's own (see docs/orders.md).
"""

from __future__ import annotations

import base64
import json
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from station.lazada.orders import limits
from station.simulator.gateway import GatewayError, request_id, trace_suffix
from station.simulator.orders.awb import render_awb_html, render_awb_pdf
from station.simulator.orders.book import (
    CANCELED,
    DELIVERED,
    FAILED_DELIVERY,
    ITEM_STATUSES,
    PACKED,
    PENDING,
    PROVIDERS,
    READY_TO_SHIP,
    REPACKED,
    SHIPPED,
    Item,
    Order,
    OrderBook,
    Package,
)
from station.simulator.params import BusinessError, invalid

# item_err_code values (the platform documents only "0 = success, other = fail")
ERR_ORDER_NOT_FOUND = "20"
ERR_ITEM_NOT_FOUND = "21"
ERR_ITEM_STATUS = "22"
ERR_ITEM_CANCELED = "23"
ERR_DIGITAL_ITEM = "24"
ERR_PACKAGE_NOT_FOUND = "30"
ERR_PACKAGE_STATUS = "31"
ERR_NOT_DBS = "33"
ERR_NOT_DIGITAL = "35"

MAX_DOCUMENTS = 64


@dataclass
class OrderCall:
    book: OrderBook
    params: Mapping[str, str]
    base_url: str


# ----- envelopes -----------------------------------------------------------------------------


def data_body(data: Any) -> dict[str, Any]:
    return {"code": "0", "data": data, "request_id": request_id()}


def result_body(data: Any) -> dict[str, Any]:
    return {
        "code": "0",
        "request_id": request_id(),
        "result": {"success": True, "data": data, "errorCode": None, "errorMsg": None},
    }


def result_failure(error: BusinessError) -> dict[str, Any]:
    return {
        "code": "0",
        "request_id": request_id(),
        "result": {
            "success": False,
            "data": None,
            "errorCode": error.error_code,
            "errorMsg": error.message + trace_suffix(),
        },
    }


def _bad(message: str) -> GatewayError:
    return GatewayError("InvalidParameter", "ISV", message)


def _missing(name: str) -> GatewayError:
    return GatewayError(
        "MissingParameter",
        "ISV",
        f"The input parameter '{name}' that is mandatory for processing this request is not supplied.",
    )


def _json_req(params: Mapping[str, str], name: str) -> dict[str, Any]:
    text = params.get(name, "").strip()
    if not text:
        raise _missing(name)
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        raise invalid(f"the input param {name} is not valid JSON") from None
    if not isinstance(value, dict):
        raise invalid(f"the input param {name} must be a JSON object")
    return value


def _list(req: Mapping[str, Any], name: str, maximum: int) -> list[Any]:
    value = req.get(name)
    if not isinstance(value, list) or not value:
        raise invalid(f"{name} can not be empty")
    if len(value) > maximum:
        raise invalid(f"{name} size is : {len(value)}, max support {maximum}")
    return value


def _package_ids(req: Mapping[str, Any], maximum: int) -> list[str]:
    raw = req.get("packages", req.get("pacakges"))  # the doc spells it both ways
    if not isinstance(raw, list) or not raw:
        raise invalid("packages can not be empty")
    if len(raw) > maximum:
        raise invalid(f"packages size is : {len(raw)}, max support {maximum}")
    ids = []
    for entry in raw:
        value = entry.get("package_id", entry.get("pacakge_id")) if isinstance(entry, dict) else None
        if not value:
            raise invalid("package_id can not be empty")
        ids.append(str(value))
    return list(dict.fromkeys(ids))


def _order_lines(req: Mapping[str, Any], list_name: str, items_name: str, maximum: int) -> list[tuple[str, list[str]]]:
    lines = []
    for entry in _list(req, list_name, maximum):
        if not isinstance(entry, dict) or not entry.get("order_id"):
            raise invalid("order_id can not be empty")
        items = entry.get(items_name)
        if not isinstance(items, list) or not items:
            raise invalid(f"{items_name} of order {entry['order_id']} can not be empty")
        lines.append((str(entry["order_id"]), [str(i) for i in items]))
    return lines


def _allocate(req: Mapping[str, Any]) -> None:
    kind = str(req.get("shipping_allocate_type") or "TFS").upper()
    if kind == "NTFS":
        raise invalid("shipping_allocate_type NTFS is available to cross-border sellers only")
    if kind != "TFS":
        raise invalid(f"shipping_allocate_type '{kind}' is not supported, only TFS/NTFS")


def _order(book: OrderBook, order_id: str) -> Order | None:
    try:
        return book.orders.get(int(order_id))
    except ValueError:
        return None


def _item(order: Order, item_id: str) -> Item | None:
    return next((i for i in order.items if str(i.order_item_id) == item_id), None)


def _now() -> int:
    return int(time.time() * 1000)


# ----- GetOrders / GetOrderItems ----------------------------------------------------------------


def _time_param(params: Mapping[str, str], name: str) -> int | None:
    text = params.get(name, "").strip()
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise _bad(f"Invalid {name}: '{text}' is not ISO 8601 (e.g. 2018-02-10T16:00:00+08:00)") from None
    if moment.tzinfo is None:
        raise _bad(f"Invalid {name}: '{text}' has no time zone offset")
    return int(moment.timestamp() * 1000)


def _int_param(params: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    text = params.get(name, "").strip()
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        raise _bad(f"Invalid {name}: '{text}' is not a number") from None
    if not low <= value <= high:
        raise _bad(f"Invalid {name}: {value}, it must be between {low} and {high}")
    return value


def get_orders(call: OrderCall) -> dict[str, Any]:
    params = call.params
    created_after = _time_param(params, "created_after")
    update_after = _time_param(params, "update_after")
    if created_after is None and update_after is None:
        raise _missing("created_after")
    created_before = _time_param(params, "created_before")
    update_before = _time_param(params, "update_before")
    limit = _int_param(params, "limit", limits.ORDERS_LIMIT_MAX, 1, limits.ORDERS_LIMIT_MAX)
    offset = _int_param(params, "offset", 0, 0, limits.ORDERS_OFFSET_MAX)
    status = params.get("status", "").strip().lower() or "all"
    if status != "all" and status not in ITEM_STATUSES:
        raise _bad(f"Invalid status: '{status}'")
    sort_by = params.get("sort_by", "").strip() or "created_at"
    if sort_by not in ("created_at", "updated_at"):
        raise _bad(f"Invalid sort_by: '{sort_by}', only created_at/updated_at")
    direction = (params.get("sort_direction", "").strip() or "DESC").upper()
    if direction not in ("ASC", "DESC"):
        raise _bad(f"Invalid sort_direction: '{direction}', only ASC/DESC")
    book = call.book
    with book.lock:
        found = book.select(
            created_after,
            created_before,
            update_after,
            update_before,
            None if status == "all" else status,
            sort_by,
            direction == "DESC",
        )
        page = [book.order_json(o) for o in found[offset : offset + limit]]
    return data_body({"count": len(page), "countTotal": len(found), "orders": page})


def get_order_items(call: OrderCall) -> dict[str, Any]:
    order_id = call.params.get("order_id", "").strip()
    if not order_id:
        raise _missing("order_id")
    with call.book.lock:
        order = _order(call.book, order_id)
        if order is None:
            raise GatewayError("InvalidOrderId", "ISV", f"Order {order_id} not found")
        return data_body([call.book.item_json(order, i) for i in order.items])


# ----- fulfilment -----------------------------------------------------------------------------


def _fulfilment(handler: Callable[[OrderCall], Any]) -> Callable[[OrderCall], dict[str, Any]]:
    def run(call: OrderCall) -> dict[str, Any]:
        try:
            with call.book.lock:
                return result_body(handler(call))
        except BusinessError as error:
            return result_failure(error)

    run.__name__ = handler.__name__
    return run


def shipment_providers(call: OrderCall) -> Any:
    req = _json_req(call.params, "getShipmentProvidersReq")
    lines = _order_lines(req, "orders", "order_item_ids", limits.PROVIDER_ORDERS_MAX)
    _allocate(req)
    choose = False
    for order_id, _ in lines:
        order = _order(call.book, order_id)
        if order is None:
            raise invalid(f"order {order_id} not found")
        choose = choose or order.seller_choice
    data: dict[str, Any] = {"platform_default": 0 if choose else 1, "shipping_allocate_type": "TFS"}
    if choose:
        data["shipment_providers"] = [{"name": name, "shipment_provider_id": pid} for pid, name, _ in PROVIDERS]
    return data


def _provider(req: Mapping[str, Any]) -> tuple[str, str, str] | None:
    value = str(req.get("shipment_provider_id") or "").strip()
    if not value:
        return None
    for provider in PROVIDERS:
        if value in (provider[0], provider[1]):
            return provider
    raise invalid(f"shipment_provider_id '{value}' is not an active shipment provider")


def pack(call: OrderCall) -> Any:
    book = call.book
    req = _json_req(call.params, "packReq")
    lines = _order_lines(req, "pack_order_list", "order_item_list", limits.PACK_ORDERS_MAX)
    if str(req.get("delivery_type") or "").strip().lower() != "dropship":
        raise invalid(f"delivery_type '{req.get('delivery_type') or ''}' is not supported, only dropship")
    _allocate(req)
    provider = _provider(req)
    if provider is None:
        for order_id, _ in lines:
            order = _order(book, order_id)
            if order is not None and order.seller_choice:
                raise invalid(f"shipment_provider_id is required for order {order_id}: platform_default is not 1")
    now = _now()
    out = []
    for order_id, item_ids in lines:
        order = _order(book, order_id)
        results: list[dict[str, Any]] = []
        good: list[Item] = []
        for item_id in item_ids:
            entry: dict[str, Any] = {"order_item_id": item_id}
            item = None if order is None else _item(order, item_id)
            if order is None:
                entry.update(item_err_code=ERR_ORDER_NOT_FOUND, msg=f"order {order_id} not found")
            elif item is None:
                entry.update(item_err_code=ERR_ITEM_NOT_FOUND, msg=f"order item {item_id} not in order {order_id}")
            elif item.is_digital:
                entry.update(
                    item_err_code=ERR_DIGITAL_ITEM, msg="digital items are delivered with DeliverDigital, not packed"
                )
            elif item.status == CANCELED:
                entry.update(item_err_code=ERR_ITEM_CANCELED, msg=f"order item {item_id} has been canceled")
            elif item.status not in (PENDING, REPACKED):
                entry.update(
                    item_err_code=ERR_ITEM_STATUS,
                    msg=f"order item status is {item.status}, only pending or repacked can be packed",
                )
            else:
                good.append(item)
            results.append(entry)
        if order is not None and good:
            package = book.new_package(order, good, provider or PROVIDERS[0])
            for item in good:
                item.status = PACKED
                item.updated_ms = now
            order.updated_ms = now
            done = {str(i.order_item_id) for i in good}
            for entry in results:
                if entry["order_item_id"] in done:
                    entry.update(
                        item_err_code="0",
                        package_id=package.package_id,
                        tracking_number=package.tracking,
                        shipment_provider=package.provider,
                    )
        out.append({"order_id": order_id, "order_item_list": results})
    return {"pack_order_list": out}


def _per_package(call: OrderCall, name: str, maximum: int, act: Callable[[Package, list[Item]], str | None]) -> Any:
    """Run ``act`` on each package; it returns ``"code:message"`` for a refusal or ``None``."""
    ids = _package_ids(_json_req(call.params, name), maximum)
    out = []
    for package_id in ids:
        package = call.book.packages.get(package_id)
        entry: dict[str, Any] = {"package_id": package_id, "item_err_code": "0"}
        if package is None:
            entry.update(item_err_code=ERR_PACKAGE_NOT_FOUND, msg=f"package {package_id} not found")
        else:
            problem = act(package, call.book.package_items(package))
            if problem is not None:
                code, _, message = problem.partition(":")
                entry.update(item_err_code=code, msg=message)
            else:
                call.book.orders[package.order_id].updated_ms = _now()
        out.append(entry)
    return {"packages": out}


def _set(items: list[Item], status: str) -> None:
    now = _now()
    for item in items:
        item.status = status
        item.updated_ms = now


def repack(call: OrderCall) -> Any:
    def act(package: Package, items: list[Item]) -> str | None:
        live = [i for i in items if i.status in (PACKED, READY_TO_SHIP)]
        if not live:
            return (
                f"{ERR_PACKAGE_STATUS}:package status is {items[0].status if items else 'empty'}, only packed "
                "or ready_to_ship can be repacked"
            )
        _set(live, REPACKED)
        for item in live:
            item.package_id = item.tracking = item.provider = ""
        call.book.drop_package(package)
        return None

    return _per_package(call, "rePackReq", limits.REPACK_PACKAGES_MAX, act)


def ready_to_ship(call: OrderCall) -> Any:
    def act(package: Package, items: list[Item]) -> str | None:
        if not items or any(i.status != PACKED for i in items):
            status = next((i.status for i in items if i.status != PACKED), "empty")
            return f"{ERR_PACKAGE_STATUS}:package status is {status}, only packed can be ready to ship"
        _set(items, READY_TO_SHIP)
        return None

    return _per_package(call, "readyToShipReq", limits.RTS_PACKAGES_MAX, act)


def _dbs(target: str, request: str) -> Callable[[OrderCall], Any]:
    """ConfirmDeliveryForDBS / FailedDeliveryForDBS. The live platform reads only its own request
    object (``dbsDeliveryReq`` / ``dbsFailedDeliveryReq``): anything else, such as the old
    ``packageReq``, is a missing parameter."""

    def handler(call: OrderCall) -> Any:
        def act(package: Package, items: list[Item]) -> str | None:
            if not any(i.sof for i in items):
                return f"{ERR_NOT_DBS}:package {package.package_id} is not delivered by the seller"
            if any(i.status not in (READY_TO_SHIP, SHIPPED) for i in items):
                status = next(i.status for i in items if i.status not in (READY_TO_SHIP, SHIPPED))
                return f"{ERR_PACKAGE_STATUS}:package status is {status}, only ready_to_ship or shipped"
            _set(items, target)
            return None

        return _per_package(call, request, limits.DBS_PACKAGES_MAX, act)

    handler.__name__ = f"dbs_{target}"
    return handler


def deliver_digital(call: OrderCall) -> Any:
    req = _json_req(call.params, "digitalDeliveryReq")
    lines = _order_lines(req, "orders", "order_item_list", limits.DIGITAL_ORDERS_MAX)
    out = []
    for order_id, item_ids in lines:
        order = _order(call.book, order_id)
        results = []
        for item_id in item_ids:
            entry: dict[str, Any] = {"order_item_id": item_id, "item_err_code": "0"}
            item = None if order is None else _item(order, item_id)
            if order is None:
                entry.update(item_err_code=ERR_ORDER_NOT_FOUND, msg=f"order {order_id} not found")
            elif item is None:
                entry.update(item_err_code=ERR_ITEM_NOT_FOUND, msg=f"order item {item_id} not in order {order_id}")
            elif not item.is_digital:
                entry.update(item_err_code=ERR_NOT_DIGITAL, msg=f"order item {item_id} is not a digital item")
            elif item.status != PENDING:
                entry.update(
                    item_err_code=ERR_ITEM_STATUS,
                    msg=f"order item status is {item.status}, only pending can be delivered",
                )
            else:
                _set([item], DELIVERED)
                order.updated_ms = _now()
            results.append(entry)
        out.append({"order_id": order_id, "order_id_list": results})
    return {"orders": out}


def document(call: OrderCall) -> Any:
    book = call.book
    req = _json_req(call.params, "getDocumentReq")
    kind = str(req.get("doc_type") or "").strip().upper()
    if kind not in ("PDF", "HTML"):
        raise invalid(f"doc_type '{kind}' is not supported, only PDF/HTML")
    ids = _package_ids(req, limits.DOCUMENT_PACKAGES_MAX)
    packages = []
    for package_id in ids:
        package = book.packages.get(package_id)
        if package is None:
            raise invalid(f"package {package_id} not found")
        items = book.package_items(package)
        if not items or any(i.status not in (PACKED, READY_TO_SHIP, SHIPPED) for i in items):
            raise BusinessError(
                "INVALID_STATUS",
                f"package {package_id} status is {items[0].status if items else 'empty'}, can not print the AWB",
            )
        packages.append(package)
    print_items = req.get("print_item_list", True) not in (False, "false", "0", 0)
    if kind == "HTML":
        content = render_awb_html(book, packages, print_items=print_items).encode("utf-8")
        return {"doc_type": "HTML", "file": base64.b64encode(content).decode("ascii")}
    content = render_awb_pdf(book, packages, print_items=print_items)
    name = f"AWB_{ids[0]}_{secrets.token_hex(6)}.pdf"
    book.documents[name] = content
    while len(book.documents) > MAX_DOCUMENTS:
        book.documents.pop(next(iter(book.documents)))
    return {
        "doc_type": "PDF",
        "file": base64.b64encode(content).decode("ascii"),
        "pdf_url": f"{call.base_url}/awb/{name}",
    }


# API path -> handler; each returns the whole body. Every one needs the seller's access token.
ORDER_HANDLERS: dict[str, Callable[[OrderCall], dict[str, Any]]] = {
    "/orders/get": get_orders,
    "/order/items/get": get_order_items,
    "/order/shipment/providers/get": _fulfilment(shipment_providers),
    "/order/fulfill/pack": _fulfilment(pack),
    "/order/package/repack": _fulfilment(repack),
    "/order/package/document/get": _fulfilment(document),
    "/order/package/rts": _fulfilment(ready_to_ship),
    "/order/package/sof/delivered": _fulfilment(_dbs(DELIVERED, "dbsDeliveryReq")),
    "/order/package/sof/failed_delivery": _fulfilment(_dbs(FAILED_DELIVERY, "dbsFailedDeliveryReq")),
    "/order/digital/delivered": _fulfilment(deliver_digital),
}
