"""The marketplace-order endpoints, typed, with limits checked before anything is sent.

GetOrders and GetOrderItems answer with ``data`` at the top level of the body; the fulfilment
endpoints put ``{success, data, errorCode, errorMsg}`` in ``result``. Batch calls report each
item or package on its own (``item_err_code``/``msg``): a call that succeeds as a whole can still
hold failed items, and those come back as failed :class:`ItemResult`/:class:`PackageResult`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime
from typing import Any

from station.lazada.errors import MalformedResponseError, RequestValidationError, TokenExpiredError, classify_result
from station.lazada.orders import limits
from station.lazada.orders.models import (
    STATUS_FILTERS,
    AllocateType,
    AwbDocument,
    DocType,
    ItemResult,
    Order,
    OrderItem,
    OrdersPage,
    OrdersQuery,
    PackageResult,
    ProviderChoice,
    decode_file,
    format_iso,
)
from station.lazada.tokens import TokenManager
from station.lazada.transport import JsonObject, Transport

log = logging.getLogger(__name__)

GET_ORDERS_PATH = "/orders/get"
GET_ORDER_ITEMS_PATH = "/order/items/get"
PROVIDERS_PATH = "/order/shipment/providers/get"
PACK_PATH = "/order/fulfill/pack"
REPACK_PATH = "/order/package/repack"
DOCUMENT_PATH = "/order/package/document/get"
RTS_PATH = "/order/package/rts"
DBS_DELIVERED_PATH = "/order/package/sof/delivered"
DBS_FAILED_PATH = "/order/package/sof/failed_delivery"
DIGITAL_DELIVERED_PATH = "/order/digital/delivered"

ProgressCallback = Callable[[int, int], None]
NOT_IN_ANSWER = "not in the platform's answer"


class OrdersClient:
    """Shares the transport and the token manager of the JIT client (one rate limit, one token)."""

    def __init__(self, transport: Transport, tokens: TokenManager, *, workers: int = 8) -> None:
        self.transport = transport
        self.tokens = tokens
        self._pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="orders")

    def close(self) -> None:
        """Stop the worker pool; the transport belongs to the connection and stays open."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    # ----------------------------------------------------------------- low level
    def send(self, api_path: str, params: Mapping[str, Any], *, state_changing: bool = False) -> JsonObject:
        """One call with the seller's token; an expired token is refreshed once and the call resent."""
        token = self.tokens.access_token()
        try:
            return self.transport.call(api_path, params, access_token=token, state_changing=state_changing)
        except TokenExpiredError:
            tokens = self.tokens.tokens
            if tokens is None or not tokens.can_refresh:
                raise
            log.info("access token refused by the platform; refreshing once")
            token = self.tokens.refresh(stale_access_token=token).access_token
            return self.transport.call(api_path, params, access_token=token, state_changing=state_changing)

    def call_result(self, api_path: str, params: Mapping[str, Any], *, state_changing: bool = False) -> Any:
        """A fulfilment call: returns ``result.data`` once ``result.success`` is true."""
        body = self.send(api_path, params, state_changing=state_changing)
        request_id = _opt(body.get("request_id"))
        result = body.get("result")
        if not isinstance(result, dict):
            raise MalformedResponseError(f"{api_path}: no result object", request_id=request_id)
        if result.get("success") is not True:
            code = result.get("errorCode", result.get("error_code"))
            message = result.get("errorMsg", result.get("error_message", result.get("error_msg")))
            raise classify_result(_opt(code), str(message or ""), request_id)
        return result.get("data")

    # ----------------------------------------------------------------- orders
    def get_orders_page(
        self, query: OrdersQuery, *, offset: int = 0, limit: int = limits.ORDERS_LIMIT_MAX
    ) -> OrdersPage:
        limits.check_paging(limit, offset)
        if query.created_after is None and query.update_after is None:
            raise RequestValidationError("GetOrders needs created_after or update_after.")
        if query.status not in STATUS_FILTERS:
            raise RequestValidationError(
                f"Unknown order status {query.status!r}: use one of {', '.join(STATUS_FILTERS)}."
            )
        params: dict[str, Any] = {
            "status": query.status,
            "limit": limit,
            "offset": offset,
            "sort_by": "created_at",
            "sort_direction": "ASC",
        }
        for name in ("created_after", "created_before", "update_after", "update_before"):
            value = getattr(query, name)
            if value is not None:
                try:
                    params[name] = format_iso(value)
                except ValueError:
                    raise RequestValidationError(f"{name} needs a time zone.") from None
        params.update(query.extra)
        body = self.send(GET_ORDERS_PATH, params)
        data = body.get("data")
        if not isinstance(data, dict):
            raise MalformedResponseError(f"{GET_ORDERS_PATH}: no data object", request_id=_opt(body.get("request_id")))
        raw = data.get("orders") or []
        if not isinstance(raw, list):
            raise MalformedResponseError(f"{GET_ORDERS_PATH}: orders is not a list")
        orders = [Order.from_api(o) for o in raw]
        return OrdersPage(orders, _int(data.get("count"), len(orders)), _int(data.get("countTotal"), len(orders)))

    def list_orders(
        self,
        query: OrdersQuery,
        *,
        limit: int = limits.ORDERS_LIMIT_MAX,
        max_orders: int | None = None,
        progress: ProgressCallback | None = None,
    ) -> list[Order]:
        """Every order of a query, oldest first.

        Pages by ``offset`` up to 5,000; past that, ``created_after`` moves to the creation time of
        the last order fetched and ``offset`` starts again at 0 (the guide's continuation). Orders
        seen twice across the seam are kept once.
        """
        if query.created_after is None:
            raise RequestValidationError("Listing every order needs created_after (the continuation moves it).")
        seen: dict[str, Order] = {}
        current = query
        offset = 0
        total = 0
        while True:
            page = self.get_orders_page(current, offset=offset, limit=limit)
            total = max(total, len(seen) + page.count_total - offset)
            for order in page.orders:
                seen.setdefault(order.order_id, order)
            if progress:
                progress(len(seen), max(total, len(seen)))
            if max_orders is not None and len(seen) >= max_orders:
                return list(seen.values())[:max_orders]
            if len(page.orders) < limit or offset + len(page.orders) >= page.count_total:
                return list(seen.values())
            offset += limit
            if offset > limits.ORDERS_OFFSET_MAX:
                last = page.orders[-1].created_at
                if last is None or (current.created_after is not None and last <= current.created_after):
                    raise MalformedResponseError(
                        "more than 5,100 orders share one creation time; the listing cannot go on"
                    )
                log.info("offset limit reached; continuing from created_after=%s", last.isoformat())
                current = replace(current, created_after=last)
                offset = 0

    def get_order_items(self, order_id: str) -> list[OrderItem]:
        limits.check_ids("The order id", [order_id], 1)
        body = self.send(GET_ORDER_ITEMS_PATH, {"order_id": order_id})
        data = body.get("data")
        if data is None:
            return []
        if not isinstance(data, list):
            raise MalformedResponseError(f"{GET_ORDER_ITEMS_PATH}: data is not a list")
        return [OrderItem.from_api(d, order_id) for d in data]

    def get_items_many(self, order_ids: Iterable[str]) -> dict[str, list[OrderItem]]:
        """Items of several orders, concurrently (within the transport's call rate)."""
        ids = list(dict.fromkeys(order_ids))
        return dict(zip(ids, self._pool.map(self.get_order_items, ids), strict=True))

    # ----------------------------------------------------------------- fulfilment
    def get_shipment_providers(
        self, orders: Mapping[str, Sequence[str]], allocate_type: AllocateType = AllocateType.TFS
    ) -> ProviderChoice:
        limits.check_orders("The order list", orders, limits.PROVIDER_ORDERS_MAX)
        req = {
            "orders": [{"order_id": o, "order_item_ids": list(ids)} for o, ids in orders.items()],
            "shipping_allocate_type": allocate_type.value,
        }
        return ProviderChoice.from_api(self.call_result(PROVIDERS_PATH, {"getShipmentProvidersReq": req}))

    def pack(
        self,
        orders: Mapping[str, Sequence[str]],
        *,
        shipment_provider_id: str | None = None,
        allocate_type: AllocateType = AllocateType.TFS,
        delivery_type: str = "dropship",
    ) -> list[ItemResult]:
        """Pack the given items (items left out stay pending); one result per item sent."""
        limits.check_orders("The order list to pack", orders, limits.PACK_ORDERS_MAX)
        req: dict[str, Any] = {
            "pack_order_list": [{"order_id": o, "order_item_list": list(ids)} for o, ids in orders.items()],
            "delivery_type": delivery_type,
            "shipping_allocate_type": allocate_type.value,
        }
        if shipment_provider_id:
            req["shipment_provider_id"] = shipment_provider_id
        data = self.call_result(PACK_PATH, {"packReq": req}, state_changing=True)
        return _item_results(orders, data, "pack_order_list", "order_item_list")

    def pack_choosing_provider(
        self,
        orders: Mapping[str, Sequence[str]],
        *,
        preferred: str | None = None,
        allocate_type: AllocateType = AllocateType.TFS,
    ) -> list[ItemResult]:
        """Ask which provider to use, then pack: none when the platform allocates, else the preferred
        provider (by name or id) or the first one offered."""
        choice = self.get_shipment_providers(orders, allocate_type)
        provider: str | None = None
        if not choice.platform_default:
            if not choice.providers:
                raise RequestValidationError("The platform offers no shipment provider for these orders.")
            chosen = next((p for p in choice.providers if preferred in (p.name, p.provider_id)), choice.providers[0])
            provider = chosen.pack_id
        return self.pack(orders, shipment_provider_id=provider, allocate_type=allocate_type)

    def recreate_package(self, package_ids: Sequence[str]) -> list[PackageResult]:
        ids = _unique(package_ids)
        limits.check_ids("The package list to repack", ids, limits.REPACK_PACKAGES_MAX)
        data = self.call_result(REPACK_PATH, {"rePackReq": {"packages": _packages(ids)}}, state_changing=True)
        return _package_results(ids, data)

    def print_awb(
        self, package_ids: Sequence[str], doc_type: DocType = DocType.PDF, *, print_item_list: bool = True
    ) -> AwbDocument:
        """One document with the AWBs of up to 20 packages (base64 ``file`` decoded)."""
        ids = _unique(package_ids)
        limits.check_ids("The package list to print", ids, limits.DOCUMENT_PACKAGES_MAX)
        req = {"doc_type": doc_type.value, "packages": _packages(ids), "print_item_list": print_item_list}
        data = self.call_result(DOCUMENT_PATH, {"getDocumentReq": req})
        if not isinstance(data, dict):
            raise MalformedResponseError(f"{DOCUMENT_PATH}: no data object")
        content = decode_file(data.get("file"), DOCUMENT_PATH)
        kind = str(data.get("doc_type") or doc_type.value).upper()
        if kind == DocType.PDF.value and not content.startswith(b"%PDF"):
            raise MalformedResponseError(f"{DOCUMENT_PATH}: the PDF file is not a PDF")
        return AwbDocument(
            tuple(ids), DocType(kind) if kind in ("PDF", "HTML") else doc_type, content, str(data.get("pdf_url") or "")
        )

    def ready_to_ship(self, package_ids: Sequence[str]) -> list[PackageResult]:
        ids = _unique(package_ids)
        limits.check_ids("The package list to mark ready to ship", ids, limits.RTS_PACKAGES_MAX)
        data = self.call_result(RTS_PATH, {"readyToShipReq": {"packages": _packages(ids)}}, state_changing=True)
        return _package_results(ids, data)

    def confirm_delivery_dbs(self, package_ids: Sequence[str]) -> list[PackageResult]:
        ids = _unique(package_ids)
        limits.check_ids("The package list delivered", ids, limits.DBS_PACKAGES_MAX)
        data = self.call_result(
            DBS_DELIVERED_PATH, {"dbsDeliveryReq": {"packages": _packages(ids)}}, state_changing=True
        )
        return _package_results(ids, data)

    def failed_delivery_dbs(self, package_ids: Sequence[str]) -> list[PackageResult]:
        ids = _unique(package_ids)
        limits.check_ids("The package list not delivered", ids, limits.DBS_PACKAGES_MAX)
        data = self.call_result(
            DBS_FAILED_PATH, {"dbsFailedDeliveryReq": {"packages": _packages(ids)}}, state_changing=True
        )
        return _package_results(ids, data)

    def deliver_digital(self, orders: Mapping[str, Sequence[str]]) -> list[ItemResult]:
        limits.check_orders("The digital order list", orders, limits.DIGITAL_ORDERS_MAX)
        req = {"orders": [{"order_id": o, "order_item_list": list(ids)} for o, ids in orders.items()]}
        data = self.call_result(DIGITAL_DELIVERED_PATH, {"digitalDeliveryReq": req}, state_changing=True)
        return _item_results(orders, data, "orders", "order_id_list")


# ----------------------------------------------------------------- parsing helpers
def _opt(value: Any) -> str | None:
    return None if value is None else str(value)


def _int(value: Any, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except (TypeError, ValueError, OverflowError):
        raise MalformedResponseError(f"not a number: {value!r}") from None


def _unique(values: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _packages(ids: Sequence[str]) -> list[dict[str, str]]:
    return [{"package_id": i} for i in ids]


def _ok(entry: Mapping[str, Any]) -> tuple[bool, str, str]:
    code = entry.get("item_err_code", entry.get("code"))
    code_text = "0" if code is None else str(code)
    return code_text == "0", code_text, str(entry.get("msg") or "")


def _item_results(sent: Mapping[str, Sequence[str]], data: Any, list_key: str, items_key: str) -> list[ItemResult]:
    if not isinstance(data, dict) or not isinstance(data.get(list_key), list):
        raise MalformedResponseError(f"the answer has no per-item list ({list_key})")
    found: dict[tuple[str, str], ItemResult] = {}
    for order in data[list_key]:
        if not isinstance(order, dict):
            raise MalformedResponseError("an order result is not an object")
        order_id = str(order.get("order_id") or "")
        items = order.get(items_key) or order.get("order_item_list") or []
        for entry in items if isinstance(items, list) else []:
            if not isinstance(entry, dict) or entry.get("order_item_id") is None:
                raise MalformedResponseError("an item result has no order_item_id")
            ok, code, message = _ok(entry)
            item_id = str(entry["order_item_id"])
            found[(order_id, item_id)] = ItemResult(
                order_id,
                item_id,
                ok,
                code,
                message,
                str(entry.get("package_id") or ""),
                str(entry.get("tracking_number") or ""),
                str(entry.get("shipment_provider") or ""),
            )
    # An item the answer does not mention is not known to be done: report it so it is checked.
    return [found.get((o, i), ItemResult(o, i, False, "", NOT_IN_ANSWER)) for o, ids in sent.items() for i in ids]


def _package_results(sent: Sequence[str], data: Any) -> list[PackageResult]:
    if not isinstance(data, dict) or not isinstance(data.get("packages"), list):
        raise MalformedResponseError("the answer has no per-package list")
    found: dict[str, PackageResult] = {}
    for entry in data["packages"]:
        if not isinstance(entry, dict) or not entry.get("package_id"):
            raise MalformedResponseError("a package result has no package_id")
        ok, code, message = _ok(entry)
        found[str(entry["package_id"])] = PackageResult(str(entry["package_id"]), ok, code, message)
    return [found.get(p, PackageResult(p, False, "", NOT_IN_ANSWER)) for p in sent]


def as_json(value: Any) -> str:
    """How a complex parameter travels (for tests and logs)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def latest(orders: Sequence[Order]) -> datetime | None:
    times = [o.created_at for o in orders if o.created_at is not None]
    return max(times) if times else None
