"""The JIT purchase-order endpoints, typed, with limits checked before anything is sent.

Batches larger than an endpoint takes are split; listings fetch their pages concurrently,
within the transport's call rate.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from station.lazada import limits, pickups
from station.lazada.errors import (
    InvalidStatusError,
    MalformedResponseError,
    OutcomeUnknownError,
    RequestValidationError,
    StationApiError,
    TokenExpiredError,
    classify_result,
)
from station.lazada.models import (
    Page,
    PdfSize,
    PickupContact,
    POQuery,
    POStatus,
    PurchaseOrder,
    PurchaseOrderItem,
    ShipResult,
)
from station.lazada.pickups import PickupLabelFile, PickupLabelSize, PickupOrder
from station.lazada.tokens import TokenManager
from station.lazada.transport import JsonObject, Transport

log = logging.getLogger(__name__)

QUERY_LIST_PATH = "/jit/purchase_order/query_list"
QUERY_ITEMS_PATH = "/jit/purchase_order/query_list_purchase_item"
PACK_PATH = "/jit/purchase_order/package"
SHIP_PATH = "/jit/purchase_order/batch_pickup_deliver"
PRINT_PATH = "/jit/purchase_order/print"

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class ChunkOutcome:
    """One call of a split batch: which POs it carried and the error, if it failed as a whole."""

    purchase_order_nos: tuple[str, ...]
    error: StationApiError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class PrintFile:
    purchase_order_nos: tuple[str, ...]
    size: PdfSize
    print_order: bool
    print_barcode: bool
    url: str


class JitClient:
    def __init__(
        self,
        transport: Transport,
        tokens: TokenManager,
        *,
        tz: timezone = timezone.utc,
        workers: int = 8,
    ) -> None:
        self.transport = transport
        self.tokens = tokens
        self.tz = tz
        self.workers = max(1, workers)
        self._pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="jit")

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self.transport.close()

    def now(self) -> datetime:
        """Now in the seller country's local time, naive, as the query dates expect."""
        return datetime.now(self.tz).replace(tzinfo=None, microsecond=0)

    # ----------------------------------------------------------------- low level
    def call(self, api_path: str, params: dict[str, Any], *, state_changing: bool = False) -> JsonObject:
        """One call; returns the inner ``result`` once it says ``success``.

        An expired access token is refreshed once and the call sent again; the gateway refused
        the first one, so this is safe for state-changing calls too.
        """
        token = self.tokens.access_token()
        try:
            body = self.transport.call(api_path, params, access_token=token, state_changing=state_changing)
        except TokenExpiredError:
            tokens = self.tokens.tokens
            if tokens is None or not tokens.can_refresh:
                raise
            log.info("access token refused by the platform; refreshing once")
            token = self.tokens.refresh(stale_access_token=token).access_token
            body = self.transport.call(api_path, params, access_token=token, state_changing=state_changing)
        result = body.get("result")
        if not isinstance(result, dict):
            error = MalformedResponseError(f"{api_path}: no result object", request_id=_opt(body.get("request_id")))
            raise _unknown(error) if state_changing else error
        if result.get("success") is not True:
            raise classify_result(
                _opt(result.get("error_code")), str(result.get("error_message") or ""), _opt(body.get("request_id"))
            )
        return result

    # ----------------------------------------------------------------- listing
    def query_po_page(
        self, query: POQuery, page_index: int = 1, page_size: int = limits.PO_PAGE_SIZE_MAX
    ) -> Page[PurchaseOrder]:
        limits.check_window(query.created_from, query.created_to)
        limits.check_list("The PO number list", query.purchase_order_nos, limits.QUERY_PO_NUMBERS_MAX)
        limits.check_list("The logistics number list", query.logistics_nos, limits.QUERY_LOGISTICS_NUMBERS_MAX)
        limits.check_page(page_index, page_size, limits.PO_PAGE_SIZE_MAX)
        params: dict[str, Any] = {
            "gmt_create_begin": limits.format_datetime(query.created_from),
            "gmt_create_end": limits.format_datetime(query.created_to),
            "page_index": page_index,
            "page_size": page_size,
        }
        if query.status is not None:
            params["order_status"] = query.status.value
        if query.purchase_order_nos:
            params["purchase_order_no_list"] = list(query.purchase_order_nos)
        if query.logistics_nos:
            params["logistics_no_list"] = list(query.logistics_nos)
        result = self.call(QUERY_LIST_PATH, params)
        return _page(result, [PurchaseOrder.from_api(r) for r in _records(result)])

    def list_pos(
        self, query: POQuery, *, page_size: int = limits.PO_PAGE_SIZE_MAX, progress: ProgressCallback | None = None
    ) -> list[PurchaseOrder]:
        """Every PO of a listing: the first page, then the rest concurrently."""
        first = self.query_po_page(query, 1, page_size)
        pages = [first]
        if progress:
            progress(1, max(first.total_page, 1))
        if first.total_page > 1:
            indexes = range(2, first.total_page + 1)
            done = 1
            for page in self._pool.map(lambda i: self.query_po_page(query, i, page_size), indexes):
                pages.append(page)
                done += 1
                if progress:
                    progress(done, first.total_page)
        return _unique(po for page in pages for po in page.records)

    def window_ending_now(self, days: float = 90) -> tuple[datetime, datetime]:
        """The widest window the platform allows, ending a little after now (clocks differ)."""
        end = self.now() + timedelta(hours=1)
        return end - min(timedelta(days=days), limits.MAX_WINDOW), end

    def find_pos(self, purchase_order_nos: Sequence[str]) -> dict[str, PurchaseOrder]:
        """Look POs up by number (20 per call, concurrently). POs not found are left out."""
        begin, end = self.window_ending_now()
        queries = [
            POQuery(created_from=begin, created_to=end, purchase_order_nos=tuple(chunk))
            for chunk in limits.chunks(list(dict.fromkeys(purchase_order_nos)), limits.QUERY_PO_NUMBERS_MAX)
        ]
        found: dict[str, PurchaseOrder] = {}
        for pos in self._pool.map(self.list_pos, queries):
            for po in pos:
                found[po.purchase_order_no] = po
        return found

    def find_by_logistics_nos(self, logistics_nos: Sequence[str]) -> list[PurchaseOrder]:
        begin, end = self.window_ending_now()
        queries = [
            POQuery(created_from=begin, created_to=end, logistics_nos=tuple(chunk))
            for chunk in limits.chunks(list(dict.fromkeys(logistics_nos)), limits.QUERY_LOGISTICS_NUMBERS_MAX)
        ]
        return _unique(po for pos in self._pool.map(self.list_pos, queries) for po in pos)

    def list_items(
        self, purchase_order_no: str, *, page_size: int = limits.ITEM_PAGE_SIZE_MAX
    ) -> list[PurchaseOrderItem]:
        limits.check_list("The PO number", [purchase_order_no], 1, required=True)
        limits.check_page(1, page_size, limits.ITEM_PAGE_SIZE_MAX)
        items: list[PurchaseOrderItem] = []
        page_index = 1
        while True:
            result = self.call(
                QUERY_ITEMS_PATH,
                {
                    "purchase_order_no": purchase_order_no,
                    "page_index": page_index,
                    "page_size": page_size,
                },
            )
            page = _page(result, [PurchaseOrderItem.from_api(purchase_order_no, r) for r in _records(result)])
            items.extend(page.records)
            if page_index >= page.total_page or not page.records:
                return items
            page_index += 1

    def list_items_many(self, purchase_order_nos: Iterable[str]) -> dict[str, list[PurchaseOrderItem]]:
        numbers = list(dict.fromkeys(purchase_order_nos))
        return dict(zip(numbers, self._pool.map(self.list_items, numbers), strict=True))

    # ----------------------------------------------------------------- state changes
    def pack_chunk(self, purchase_order_nos: Sequence[str]) -> None:
        """Ask the platform to pack up to 100 POs. Packing is asynchronous: 10 -> 20 in 5-10 s."""
        limits.check_list("The PO list to pack", purchase_order_nos, limits.PACK_MAX, required=True)
        self.call(PACK_PATH, {"purchase_order_no_list": list(purchase_order_nos)}, state_changing=True)

    def pack(self, purchase_order_nos: Sequence[str]) -> list[ChunkOutcome]:
        outcomes = []
        for chunk in limits.chunks(list(dict.fromkeys(purchase_order_nos)), limits.PACK_MAX):
            try:
                self.pack_chunk(chunk)
                outcomes.append(ChunkOutcome(tuple(chunk)))
            except StationApiError as exc:
                outcomes.append(ChunkOutcome(tuple(chunk), exc))
        return outcomes

    def ship_chunk(self, purchase_order_nos: Sequence[str], contact: PickupContact) -> list[ShipResult]:
        """Book the pickup of up to 100 ready POs (``limits.SHIP_MAX``) of one store and warehouse.

        Per-PO refusals come back as failed :class:`ShipResult`; a refusal of the whole call
        raises (and for a status refusal, every PO failed).
        """
        limits.check_list("The PO list to ship", purchase_order_nos, limits.SHIP_MAX, required=True)
        contact.validate()
        params: dict[str, Any] = {
            "purchaseOrderNoList": list(purchase_order_nos),
            "shipperAreaCode": contact.area_code,
            "shipperAddressId": contact.address_id,
            "shipperAddressDetail": contact.address_detail,
            "shipperMobilePhone": contact.mobile_phone,
            "shipperName": contact.name,
            "estimatedPickupDate": contact.estimated_pickup_date or None,
        }
        try:
            result = self.call(SHIP_PATH, params, state_changing=True)
        except InvalidStatusError as exc:
            return [ShipResult(no, False, error_message=exc.detail) for no in purchase_order_nos]
        try:
            return _ship_results(purchase_order_nos, result.get("data"))
        except MalformedResponseError as exc:
            raise _unknown(exc, SHIP_PATH) from exc

    def print_file(
        self, purchase_order_nos: Sequence[str], size: PdfSize, *, print_order: bool, print_barcode: bool
    ) -> PrintFile:
        limits.check_list("The PO list to print", purchase_order_nos, limits.PRINT_MAX, required=True)
        if size is PdfSize.A4 and print_barcode:
            raise RequestValidationError(
                "Product barcodes cannot be printed on A4; choose the 60x30 mm label or the 100x150 mm label."
            )
        if not (print_order or print_barcode):
            raise RequestValidationError("Choose the PO sheet, the product barcodes, or both.")
        result = self.call(
            PRINT_PATH,
            {
                "pdf_size": size.value,
                "purchase_order_no_list": list(purchase_order_nos),
                "print_order": print_order,
                "print_barcode": print_barcode,
            },
        )
        data = result.get("data")
        url = data.get("file") if isinstance(data, dict) else None
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise MalformedResponseError(f"{PRINT_PATH}: no file URL in the answer")
        return PrintFile(tuple(purchase_order_nos), size, print_order, print_barcode, url)

    def print_files(
        self, purchase_order_nos: Sequence[str], size: PdfSize, *, print_order: bool, print_barcode: bool
    ) -> list[PrintFile]:
        chunks = list(limits.chunks(list(dict.fromkeys(purchase_order_nos)), limits.PRINT_MAX))
        return list(
            self._pool.map(
                lambda chunk: self.print_file(chunk, size, print_order=print_order, print_barcode=print_barcode),
                chunks,
            )
        )

    # ----- pickup orders (lazada-choice-reference.md) ------------------------------------------

    def query_pickup(self, pickup_order_no: str) -> PickupOrder:
        """Where a pickup order stands: its status, POs, cartons, weights, driver and car."""
        number = pickups.check_pickup_no(pickup_order_no)
        result = self.call(pickups.QUERY_PATH, {"pickup_order_no": number})
        return PickupOrder.from_api(result.get("data"))

    def pickup_label_file(self, pickup_order_no: str, size: PickupLabelSize, boxes: int) -> PickupLabelFile:
        """The URL of ``boxes`` carton labels (box 1 of N … N of N) for a pickup order. Asking is
        harmless (nothing changes on the platform), so a lost answer is simply asked again."""
        number = pickups.check_pickup_no(pickup_order_no)
        pickups.check_boxes(boxes)
        result = self.call(
            pickups.PRINT_PATH, {"pickup_order_no": number, "pdf_size": size.value, "box_number": str(boxes)}
        )
        return pickups.label_file_from_api(number, size, boxes, result.get("data"))


def statuses(pos: Iterable[PurchaseOrder]) -> dict[str, POStatus]:
    return {po.purchase_order_no: po.status for po in pos}


def _unknown(error: MalformedResponseError, api_path: str = "") -> OutcomeUnknownError:
    """An unreadable answer to a state-changing call: it may have landed. The caller reads the
    status back before sending anything again, as for a lost answer."""
    detail = f"{api_path}: {error.detail}" if api_path else error.detail
    return OutcomeUnknownError(f"unreadable answer: {detail}", request_id=error.request_id)


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)


def _records(result: JsonObject) -> list[Any]:
    data = result.get("data")
    if data is None:
        return []
    if not isinstance(data, list):
        raise MalformedResponseError("the page's data is not a list")
    return data


def _page(result: JsonObject, records: list[Any]) -> Page[Any]:
    def number(name: str, default: int) -> int:
        value = result.get(name)
        try:
            return int(value) if value is not None else default
        except (TypeError, ValueError, OverflowError):
            raise MalformedResponseError(f"{name} is not a number: {value!r}") from None

    return Page(
        records=records,
        page_index=number("page_index", 1),
        page_size=number("page_size", len(records)),
        total_page=number("total_page", 1),
        total_count=number("total_count", len(records)),
    )


def _unique(pos: Iterable[PurchaseOrder]) -> list[PurchaseOrder]:
    """Drop repeats: a PO can move between pages while a listing is read."""
    seen: dict[str, PurchaseOrder] = {}
    for po in pos:
        seen.setdefault(po.purchase_order_no, po)
    return list(seen.values())


def _ship_results(sent: Sequence[str], data: Any) -> list[ShipResult]:
    if not isinstance(data, list):
        raise MalformedResponseError("the shipment answer has no per-PO list")
    by_no: dict[str, ShipResult] = {}
    for entry in data:
        if not isinstance(entry, dict) or not entry.get("purchase_order_no"):
            raise MalformedResponseError("a shipment result has no purchase_order_no")
        allow = entry.get("allow_date_range") or []
        by_no[str(entry["purchase_order_no"])] = ShipResult(
            purchase_order_no=str(entry["purchase_order_no"]),
            ok=str(entry.get("status", "")).lower() == "success",
            pickup_no=str(entry.get("pickup_no") or ""),
            error_message=str(entry.get("error_message") or ""),
            allow_date_range=tuple(str(d) for d in allow) if isinstance(allow, list) else (),
        )
    # A PO the answer does not mention is not known to be shipped: report it so it is checked.
    return [by_no.get(no, ShipResult(no, False, error_message="not in the platform's answer")) for no in sent]
