"""One order from the bench's point of view: pack what can be packed, print its AWB, ready to ship.

Used by the window's "scan to print" and by ``station-cli``. Each step reports per item or per
package; a step that fails as a whole raises, and the steps already done stay done (the platform
keeps them), so running the flow again picks up where it stopped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from station.lazada.errors import StationApiError
from station.lazada.orders.awb import html_to_pdf
from station.lazada.orders.client import OrdersClient
from station.lazada.orders.models import (
    RTS_ABLE,
    AwbDocument,
    DocType,
    ItemResult,
    ItemStatus,
    OrderItem,
    PackageResult,
    order_items_map,
)
from station.problems import say

PrintPdf = Callable[[bytes], object]  # sends a 100x150 mm PDF to the label printer


@dataclass
class FlowResult:
    order_id: str
    items: list[OrderItem] = field(default_factory=list)
    packed: list[ItemResult] = field(default_factory=list)
    printed_packages: list[str] = field(default_factory=list)
    ready: list[PackageResult] = field(default_factory=list)
    error: StationApiError | None = None
    note: str = ""

    @property
    def ok(self) -> bool:
        return (
            self.error is None
            and bool(self.printed_packages)
            and all(r.ok for r in self.packed)
            and all(r.ok for r in self.ready)
        )

    def lines(self) -> list[tuple[str, str, bool, str]]:
        """(what, id, ok, message) rows for a results table."""
        rows = [
            (
                "pack",
                f"{r.order_id}/{r.order_item_id}",
                r.ok,
                r.message
                or (
                    say("orders.package", package=r.package_id, tracking=r.tracking_number)
                    if r.ok
                    else say("orders.code", code=r.code)
                ),
            )
            for r in self.packed
        ]
        rows += [("print", p, True, "AWB printed") for p in self.printed_packages]
        rows += [
            ("ready to ship", r.package_id, r.ok, r.message or ("ready" if r.ok else say("orders.code", code=r.code)))
            for r in self.ready
        ]
        if self.error is not None:
            rows.append(("error", self.order_id, False, self.error.operator_message))
        if self.note:
            rows.append(("note", self.order_id, not self.error, self.note))
        return rows


def awb_pdf(document: AwbDocument) -> bytes:
    return document.content if document.doc_type is DocType.PDF else html_to_pdf(document.html)


def pack_print_ready(
    client: OrdersClient,
    order_id: str,
    print_pdf: PrintPdf,
    *,
    doc_type: DocType = DocType.PDF,
    provider: str | None = None,
) -> FlowResult:
    """Pack the order's pending items, print the AWB of its packed packages, mark them ready to ship."""
    result = FlowResult(order_id)
    try:
        items = client.get_order_items(order_id)
        result.items = items
        packable = [i for i in items if i.packable]
        if packable:
            result.packed = client.pack_choosing_provider(order_items_map(packable), preferred=provider)
            items = client.get_order_items(order_id)
            result.items = items
        packages = list(dict.fromkeys(i.package_id for i in items if i.package_id and i.status in RTS_ABLE))
        if not packages:
            shipped = [i for i in items if i.status == ItemStatus.READY_TO_SHIP.value and i.package_id]
            result.note = "already ready to ship" if shipped else "nothing to pack or ship in this order"
            return result
        document = client.print_awb(packages, doc_type)
        print_pdf(awb_pdf(document))
        result.printed_packages = packages
        result.ready = client.ready_to_ship(packages)
        result.items = client.get_order_items(order_id)
    except StationApiError as exc:
        result.error = exc
    return result
