"""``station-cli`` subcommands for the sellers' ERPs: QianYi purchase orders and Shoplazza procurements.

Hooked into ``station.cli.main`` with :func:`add_erp_commands` (building the parser) and
:func:`dispatch_erp` (running one; ``None`` when the command is not an ERP one).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import asdict, is_dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

from station.cli import commands
from station.cli.parsing import Choice, add_command
from station.cli.text import plural, printable
from station.credentials import NoKeyringError
from station.erp.keystore import QIANYI_DEFAULT_URL, ErpCredentialStore, QianYiSettings, ShoplazzaSettings
from station.erp.labels import procurement_labels
from station.erp.qianyi.client import QianYiClient
from station.erp.qianyi.models import PAGE_SIZE_MAX, PurchaseOrder, PurchaseOrderQuery, PurchaseType
from station.erp.replenish import Replenisher, ReplenishmentDefaults, ReplenishmentPlan, ReplenishmentStore
from station.erp.shoplazza.client import ShoplazzaClient
from station.erp.shoplazza.models import LIMIT_MAX, Procurement, ProcurementQuery, parse_ids
from station.lazada.errors import RequestValidationError
from station.simulator import qianyi as qianyi_sim
from station.simulator import shoplazza as shoplazza_sim
from station.simulator.erp_base import HttpSimulator

ERP_COMMANDS = ("erp-login", "qianyi-list", "qianyi-replenish", "shoplazza-list", "shoplazza-labels")


def _erp_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("ERP")
    group.add_argument("--erp-url", metavar="URL", help="use a running ERP simulator (demo credentials)")
    group.add_argument(
        "--erp-profile",
        default=None,
        help="profile whose ERP secrets are in the keyring (default: --profile, else 'default')",
    )
    return parent


def add_erp_commands(subparsers: Any, parents: Sequence[argparse.ArgumentParser]) -> None:
    """Add the ERP subcommands; ``parents`` are the connection options (``--demo``, ``--json``, ``--profile``...)."""
    erp = _erp_options()
    common = [*parents, erp]

    login = add_command(subparsers, "erp-login", "Store an ERP's settings and secret in the OS keyring.")
    login.add_argument("erp", action=Choice, options=("qianyi", "shoplazza"), metavar="ERP", help="qianyi or shoplazza")
    login.add_argument("--erp-profile", default="default")
    login.add_argument("--app-id", help="QianYi app ID")
    login.add_argument("--base-url", help=f"QianYi host (default {QIANYI_DEFAULT_URL}) or Shoplazza origin override")
    login.add_argument("--store", help="Shoplazza store domain (mystore or mystore.myshoplaza.com)")
    login.add_argument(
        "--secret-from-stdin",
        action="store_true",
        help="read the app secret / access token from standard input instead of prompting",
    )

    qlist = add_command(subparsers, "qianyi-list", "List QianYi purchase orders.", parents=common)
    qlist.add_argument("--purchase-number", default="")
    qlist.add_argument("--custom-number", default="")
    qlist.add_argument("--status", default="")
    qlist.add_argument("--updated-from", default="", help="yyyy-MM-dd")
    qlist.add_argument("--updated-to", default="", help="yyyy-MM-dd")
    qlist.add_argument("--page", type=int, default=0, help="only this page (default: every page)")
    qlist.add_argument("--page-size", type=int, default=PAGE_SIZE_MAX, help=f"1-{PAGE_SIZE_MAX}")
    qlist.add_argument("--limit", type=int, default=0, help="at most this many orders (0: all)")

    rep = add_command(
        subparsers,
        "qianyi-replenish",
        "Create a QianYi purchase order for the SKUs of JIT POs (once per set of POs).",
        parents=common,
    )
    rep.add_argument("--from-jit", nargs="+", required=True, metavar="PO", help="JIT purchase order numbers")
    rep.add_argument("--dry-run", action="store_true", help="show the purchase order; send nothing")
    rep.add_argument("--warehouse", default=ReplenishmentDefaults.warehouse_name)
    rep.add_argument("--transfer-warehouse", default="", help="makes it a TRANSFER purchase order")
    rep.add_argument("--supplier", default=ReplenishmentDefaults.supplier_name)
    rep.add_argument("--purchaser", default=ReplenishmentDefaults.purchaser_name)
    rep.add_argument("--currency", default="CNY")
    rep.add_argument("--default-price", default="0", help="unit price of SKUs without --price")
    rep.add_argument("--price", action="append", default=[], metavar="SKU=PRICE")
    rep.add_argument("--record", default=None, help="replenishment record (default: in the user data folder)")

    slist = add_command(subparsers, "shoplazza-list", "List Shoplazza procurement orders.", parents=common)
    slist.add_argument("--state", default="")
    slist.add_argument("--created-min", default="", help="e.g. 2024-06-01T00:00:00Z")
    slist.add_argument("--created-max", default="")
    slist.add_argument("--updated-min", default="")
    slist.add_argument("--updated-max", default="")
    slist.add_argument("--ids", nargs="*", default=[], help="procurement ids (space- or comma-separated)")
    slist.add_argument("--page", type=int, default=0, help="only this page (default: every page)")
    slist.add_argument("--limit", type=int, default=50, help=f"per page, 1-{LIMIT_MAX}")

    labels = add_command(
        subparsers,
        "shoplazza-labels",
        "Write 60x30 mm barcode labels for the received units of a procurement.",
        parents=common,
    )
    labels.add_argument("procurement_id", metavar="ID")
    labels.add_argument("-o", "--output", required=True, help="PDF to write")


def dispatch_erp(args: argparse.Namespace) -> int | None:
    handlers = {
        "erp-login": cmd_erp_login,
        "qianyi-list": cmd_qianyi_list,
        "qianyi-replenish": cmd_qianyi_replenish,
        "shoplazza-list": cmd_shoplazza_list,
        "shoplazza-labels": cmd_shoplazza_labels,
    }
    handler = handlers.get(getattr(args, "command", ""))
    if handler is None:
        return None
    try:
        return handler(args)
    except (RequestValidationError, NoKeyringError, ValueError) as exc:
        message = exc.operator_message if isinstance(exc, RequestValidationError) else str(exc)
        raise commands.UsageError(message) from None


# ---------------------------------------------------------------------- helpers
def _profile(args: argparse.Namespace) -> str:
    return str(getattr(args, "erp_profile", None) or getattr(args, "profile", None) or "default")


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if hasattr(value, "value"):
        return value.value
    return str(value)


def _print_json(data: Any) -> None:
    print(json.dumps(data, default=_json_default, ensure_ascii=False, indent=2))


Settings = TypeVar("Settings", QianYiSettings, ShoplazzaSettings)
Client = TypeVar("Client", QianYiClient, ShoplazzaClient)


@contextmanager
def _erp_client(
    args: argparse.Namespace,
    simulator: Callable[[int], HttpSimulator],
    demo_settings: Callable[[str], Settings],
    load: Callable[[ErpCredentialStore], Settings | None],
    make_client: Callable[[Settings], Client],
    not_set_up: str,
) -> Iterator[Client]:
    """A client on the ERP's demo simulator (``--demo``), a running one (``--erp-url``), or the
    profile's keyring settings; the simulator is stopped with the client."""
    sim: HttpSimulator | None = None
    if getattr(args, "demo", False):
        sim = simulator(getattr(args, "demo_seed", 1) or 1)
        sim.start()
        settings: Settings | None = demo_settings(sim.base_url)
    elif args.erp_url:
        settings = demo_settings(args.erp_url)
    else:
        settings = load(ErpCredentialStore(_profile(args)))
        if settings is None:
            raise commands.UsageError(not_set_up.format(profile=_profile(args)))
    assert settings is not None
    client = make_client(settings)
    try:
        yield client
    finally:
        client.close()
        if sim is not None:
            sim.stop()


def qianyi_client(args: argparse.Namespace) -> AbstractContextManager[QianYiClient]:
    return _erp_client(
        args,
        lambda seed: qianyi_sim.QianYiSimulator(seed=seed),
        qianyi_sim.demo_settings,
        ErpCredentialStore.load_qianyi,
        QianYiClient,
        "No QianYi settings for profile {profile!r}: run "
        "'station-cli erp-login qianyi --app-id ...' first, or use --demo.",
    )


def shoplazza_client(args: argparse.Namespace) -> AbstractContextManager[ShoplazzaClient]:
    return _erp_client(
        args,
        lambda seed: shoplazza_sim.ShoplazzaSimulator(seed=seed),
        shoplazza_sim.demo_settings,
        ErpCredentialStore.load_shoplazza,
        ShoplazzaClient,
        "No Shoplazza settings for profile {profile!r}: run "
        "'station-cli erp-login shoplazza --store ...' first, or use --demo.",
    )


def _read_secret(args: argparse.Namespace, prompt: str) -> str:
    secret = sys.stdin.readline().strip() if args.secret_from_stdin else getpass.getpass(prompt)
    if not secret:
        raise commands.UsageError("No secret given.")
    return secret


# ---------------------------------------------------------------------- commands
def cmd_erp_login(args: argparse.Namespace) -> int:
    store = ErpCredentialStore(args.erp_profile)
    if args.erp == "qianyi":
        if not args.app_id:
            raise commands.UsageError("QianYi needs --app-id.")
        secret = _read_secret(args, "QianYi app secret: ")
        store.save_qianyi(QianYiSettings(args.app_id, secret, args.base_url or QIANYI_DEFAULT_URL))
    else:
        if not args.store:
            raise commands.UsageError("Shoplazza needs --store.")
        token = _read_secret(args, "Shoplazza access token: ")
        store.save_shoplazza(ShoplazzaSettings(args.store, token, args.base_url))
    print(f"Saved the {args.erp} settings of profile {args.erp_profile!r} in the OS keyring.")
    return 0


def _order_row(o: PurchaseOrder) -> str:
    return (
        f"{o.purchase_number:<16} {o.status:<13} {o.update_time:<19} {o.supplier_name[:22]:<22} "
        f"{len(o.sku_list):>4} {o.total_quantity:>7}  {o.custom_number}"
    )


def cmd_qianyi_list(args: argparse.Namespace) -> int:
    query = PurchaseOrderQuery(
        args.purchase_number,
        args.custom_number,
        args.status,
        args.updated_from,
        args.updated_to,
        max(args.page, 1),
        args.page_size,
    )
    with qianyi_client(args) as client:
        if args.page:
            page = client.query_page(query)
            orders, total = list(page.orders), page.total
        else:
            orders = client.list_orders(query, limit=args.limit)
            total = len(orders)
    if args.json:
        _print_json({"total": total, "orders": orders})
        return 0
    print(f"{'PURCHASE NO':<16} {'STATUS':<13} {'UPDATED':<19} {'SUPPLIER':<22} {'SKUS':>4} {'UNITS':>7}  REFERENCE")
    for order in orders:
        print(printable(_order_row(order)))
    print(f"{len(orders)} of {plural(total, 'purchase order')}")
    return 0


def _defaults(args: argparse.Namespace) -> ReplenishmentDefaults:
    try:
        default_price = Decimal(args.default_price)
        prices: dict[str, Decimal] = {}
        for item in args.price:
            sku, sep, value = item.partition("=")
            if not sep or not sku.strip():
                raise commands.UsageError(f"--price takes SKU=PRICE, not {item!r}.")
            prices[sku.strip()] = Decimal(value)
    except InvalidOperation:
        raise commands.UsageError("Prices must be numbers such as 12.50.") from None
    return ReplenishmentDefaults(
        warehouse_name=args.warehouse,
        supplier_name=args.supplier,
        purchaser_name=args.purchaser,
        purchase_type=PurchaseType.TRANSFER if args.transfer_warehouse else PurchaseType.DIRECT,
        transfer_warehouse_name=args.transfer_warehouse,
        currency=args.currency,
        default_price=default_price,
        prices=prices,
    )


def _show_plan(plan: ReplenishmentPlan) -> None:
    print(
        printable(
            f"QianYi purchase order for JIT {'PO' if len(plan.po_numbers) == 1 else 'POs'} "
            f"{', '.join(plan.po_numbers)} (reference {plan.custom_number})"
        )
    )
    print(f"{'SKU':<24} {'UNITS':>6} {'PRICE':>9}  TITLE")
    for line in plan.lines:
        print(printable(f"{line.sku:<24} {line.quantity:>6} {format(line.price, 'f'):>9}  {line.title[:50]}"))
    print(f"{plural(len(plan.lines), 'SKU')}, {plural(plan.total_units, 'unit')}")


def cmd_qianyi_replenish(args: argparse.Namespace) -> int:
    defaults = _defaults(args)
    with ExitStack() as stack:
        if args.record:
            store = ReplenishmentStore(Path(args.record))
        elif args.demo:  # the demo's orders live only as long as its simulator: keep its record with it
            store = ReplenishmentStore(Path(stack.enter_context(tempfile.TemporaryDirectory())) / "demo.sqlite3")
        else:
            store = ReplenishmentStore()
        conn = stack.enter_context(commands.connection(args))
        client = stack.enter_context(qianyi_client(args))
        replenisher = Replenisher(client, store, defaults, jit=conn.client)
        plan = replenisher.plan(args.from_jit)
        if args.dry_run:
            if args.json:
                _print_json({"dry_run": True, "plan": plan, "request": plan.request.to_api()})
            else:
                _show_plan(plan)
                if plan.existing is not None:
                    print(f"Already created: QianYi purchase order {plan.existing.purchase_number}.")
                print("Dry run: nothing was sent.")
            return 0
        result = replenisher.execute(plan)
    if args.json:
        _print_json(
            {"dry_run": False, "purchase_number": result.purchase_number, "created": result.created, "plan": plan}
        )
        return 0
    _show_plan(plan)
    if result.created:
        print(f"Created QianYi purchase order {result.purchase_number}.")
    else:
        print(f"Not created again: these POs already have QianYi purchase order {result.purchase_number}.")
    return 0


def _procurement_row(p: Procurement) -> str:
    return (
        f"{p.id:<20} {p.procurement_no:<12} {p.state_name:<19} {p.created_at:<21} {p.supplier_name[:20]:<20} "
        f"{p.received_quantity:>5}/{p.transfer_quantity:<5}"
    )


def cmd_shoplazza_list(args: argparse.Namespace) -> int:
    query = ProcurementQuery(
        args.state,
        args.created_min,
        args.created_max,
        args.updated_min,
        args.updated_max,
        max(args.page, 1),
        args.limit,
        parse_ids(args.ids),
    )
    with shoplazza_client(args) as client:
        rows = list(client.list_page(query).procurements) if args.page else client.list_procurements(query)
    if args.json:
        _print_json({"count": len(rows), "procurements": rows})
        return 0
    print(f"{'ID':<20} {'NUMBER':<12} {'STATE':<19} {'CREATED':<21} {'SUPPLIER':<20} RECEIVED")
    for row in rows:
        print(printable(_procurement_row(row)))
    print(plural(len(rows), "procurement order"))
    return 0


def cmd_shoplazza_labels(args: argparse.Namespace) -> int:
    with shoplazza_client(args) as client:
        if args.demo and args.procurement_id == "received":
            received = [p for p in client.list_procurements() if p.received_quantity > 0]
            if not received:
                raise commands.UsageError("The demo has no received procurement.")
            args.procurement_id = received[0].id
        labels = procurement_labels(client, args.procurement_id)
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(labels.pdf)
    if args.json:
        _print_json(
            {
                "procurement_id": labels.procurement_id,
                "output": str(output),
                "pages": labels.units,
                "skus": [{"sku": i.seller_sku, "barcode": i.barcode, "units": i.qty} for i in labels.items],
            }
        )
    else:
        print(
            printable(
                f"{plural(labels.units, 'label')} (60x30 mm) for {plural(len(labels.items), 'SKU')} of "
                f"procurement {labels.procurement_id} written to {output}"
            )
        )
    return 0
