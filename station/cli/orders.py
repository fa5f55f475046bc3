"""``station-cli`` subcommands for marketplace orders: list, pack, print AWBs, ready to ship.

Hook-in: ``add_orders_commands(sub, [conn])`` in ``build_parser`` and ``ORDERS_HANDLERS`` in the
dispatcher (see docs/orders.md). Each handler returns the exit code: 0 all done, 1 some items or
packages failed.
"""

from __future__ import annotations

import argparse
import io
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter

from station.cli.commands import connection, emit
from station.cli.parsing import Choice, add_command
from station.cli.text import plural
from station.connect import Connection
from station.lazada.limits import chunks
from station.lazada.orders import limits
from station.lazada.orders.client import OrdersClient
from station.lazada.orders.flow import awb_pdf
from station.lazada.orders.models import (
    RTS_ABLE,
    STATUS_FILTERS,
    DocType,
    ItemResult,
    OrderItem,
    OrdersQuery,
    PackageResult,
    order_items_map,
)

PRINTABLE = frozenset({"packed", "ready_to_ship", "shipped"})


def add_orders_commands(subparsers: Any, parents: Sequence[argparse.ArgumentParser]) -> None:
    """Add ``orders-list``, ``orders-pack``, ``orders-awb`` and ``orders-rts`` to ``station-cli``."""
    lst = add_command(subparsers, "orders-list", "List marketplace orders.", parents=list(parents))
    lst.add_argument("--days", type=float, default=7.0, help="orders created in the last N days (default 7)")
    lst.add_argument(
        "--status",
        default="all",
        action=Choice,
        options=STATUS_FILTERS,
        metavar="STATUS",
        help=f"item status: {', '.join(STATUS_FILTERS)} (default all)",
    )
    lst.add_argument("--max", dest="max_orders", type=int, default=0, help="stop after this many orders (0: all)")
    lst.add_argument("--items", action="store_true", help="also list each order's items")

    pack = add_command(
        subparsers, "orders-pack", "Pack the pending items of marketplace orders.", parents=list(parents)
    )
    pack.add_argument("orders", nargs="+", metavar="ORDER")
    pack.add_argument("--provider", help="shipment provider (name or id) when the seller must choose")

    awb = add_command(
        subparsers, "orders-awb", "Write the AWBs (shipping labels) of packed orders to a PDF.", parents=list(parents)
    )
    awb.add_argument("ids", nargs="+", metavar="ORDER", help="order ids (or package ids with --packages)")
    awb.add_argument("--packages", action="store_true", help="the ids are package ids")
    awb.add_argument(
        "--doc-type",
        action=Choice,
        options={d.value: d for d in DocType},
        default=DocType.PDF,
        help="ask the platform for PDF or HTML (HTML becomes a 100x150 mm PDF); default PDF",
    )
    awb.add_argument("-o", "--output", required=True, help="PDF to write")

    rts = add_command(subparsers, "orders-rts", "Mark packed orders ready to ship.", parents=list(parents))
    rts.add_argument("ids", nargs="+", metavar="ORDER", help="order ids (or package ids with --packages)")
    rts.add_argument("--packages", action="store_true", help="the ids are package ids")


def orders_client(conn: Connection) -> OrdersClient:
    return OrdersClient(conn.client.transport, conn.client.tokens, workers=conn.client.workers)


def _item_json(item: OrderItem) -> dict[str, Any]:
    return asdict(item)


def cmd_orders_list(args: argparse.Namespace) -> int:
    with connection(args) as conn:
        client = orders_client(conn)
        try:
            since = datetime.now(timezone.utc) - timedelta(days=args.days)
            orders = client.list_orders(
                OrdersQuery(created_after=since, status=args.status), max_orders=args.max_orders or None
            )
            items = client.get_items_many(o.order_id for o in orders) if args.items else {}
        finally:
            client.close()
    payload = [{**asdict(o), "items": [_item_json(i) for i in items.get(o.order_id, [])]} for o in orders]
    lines = [plural(len(orders), "order")]
    for o in orders:
        created = o.created_at.strftime("%Y-%m-%d %H:%M") if o.created_at else "?"
        lines.append(f"{o.order_number}  {created}  {plural(o.items_count, 'item'):<9}  {o.price:>10}  {o.status_text}")
        for i in items.get(o.order_id, []):
            extra = f"  {i.package_id} {i.tracking_code}" if i.package_id else ""
            lines.append(f"    {i.order_item_id}  {i.status:<15} {i.sku}  {i.name[:40]}{extra}")
    emit(args, payload, "\n".join(lines))
    return 0


def _item_lines(results: Sequence[ItemResult]) -> str:
    return "\n".join(
        f"{r.order_id}/{r.order_item_id}: "
        + (f"ok {r.package_id} {r.tracking_number} {r.shipment_provider}" if r.ok else f"FAILED [{r.code}] {r.message}")
        for r in results
    )


def _package_lines(results: Sequence[PackageResult]) -> str:
    return "\n".join(f"{r.package_id}: " + ("ok" if r.ok else f"FAILED [{r.code}] {r.message}") for r in results)


def cmd_orders_pack(args: argparse.Namespace) -> int:
    with connection(args) as conn:
        client = orders_client(conn)
        try:
            items = client.get_items_many(args.orders)
            packable = [i for rows in items.values() for i in rows if i.packable]
            results: list[ItemResult] = []
            for chunk in chunks(list(order_items_map(packable).items()), limits.PACK_ORDERS_MAX):
                results += client.pack_choosing_provider(dict(chunk), preferred=args.provider)
        finally:
            client.close()
    nothing = [o for o in args.orders if not any(i.packable for i in items.get(o, []))]
    payload = {"results": [asdict(r) for r in results], "nothing_to_pack": nothing}
    text = _item_lines(results)
    if nothing:
        text += ("\n" if text else "") + "nothing to pack: " + ", ".join(nothing)
    emit(args, payload, text)
    return 0 if results and all(r.ok for r in results) and not nothing else 1


def _packages_of(client: OrdersClient, args: argparse.Namespace, keep: Callable[[OrderItem], bool]) -> list[str]:
    if args.packages:
        return list(dict.fromkeys(args.ids))
    items = client.get_items_many(args.ids)
    return list(dict.fromkeys(i.package_id for rows in items.values() for i in rows if i.package_id and keep(i)))


def cmd_orders_awb(args: argparse.Namespace) -> int:
    output = Path(args.output)
    with connection(args) as conn:
        client = orders_client(conn)
        try:
            packages = _packages_of(client, args, lambda i: i.status in PRINTABLE)
            if not packages:
                emit(args, {"packages": [], "output": None}, "No packed package to print.")
                return 1
            writer = PdfWriter()
            for chunk in chunks(packages, limits.DOCUMENT_PACKAGES_MAX):
                document = client.print_awb(chunk, args.doc_type)
                for page in PdfReader(io.BytesIO(awb_pdf(document))).pages:
                    writer.add_page(page)
        finally:
            client.close()
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as handle:
        writer.write(handle)
    emit(
        args,
        {"packages": packages, "output": str(output), "pages": len(writer.pages)},
        f"{plural(len(packages), 'AWB')}, {plural(len(writer.pages), 'page')} written to {output}",
    )
    return 0


def cmd_orders_rts(args: argparse.Namespace) -> int:
    with connection(args) as conn:
        client = orders_client(conn)
        try:
            packages = _packages_of(client, args, lambda i: i.status in RTS_ABLE)
            results: list[PackageResult] = []
            for chunk in chunks(packages, limits.RTS_PACKAGES_MAX):
                results += client.ready_to_ship(chunk)
        finally:
            client.close()
    if not packages:
        emit(args, [], "No packed package to mark ready to ship.")
        return 1
    emit(args, [asdict(r) for r in results], _package_lines(results))
    return 0 if all(r.ok for r in results) else 1


ORDERS_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "orders-list": cmd_orders_list,
    "orders-pack": cmd_orders_pack,
    "orders-awb": cmd_orders_awb,
    "orders-rts": cmd_orders_rts,
}


def dispatch_orders(args: argparse.Namespace) -> int | None:
    """The exit code of an orders subcommand, or ``None`` when ``args.command`` is not one."""
    handler = ORDERS_HANDLERS.get(args.command)
    return None if handler is None else handler(args)
