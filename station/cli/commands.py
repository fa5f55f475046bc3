"""The subcommands of ``station-cli``; each returns the process exit code."""

from __future__ import annotations

import argparse
import threading
from dataclasses import asdict
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from station.connect import Connection, NotConfiguredError
from station.credentials import NoKeyringError
from station.demo import DEMO_CONTACT
from station.lazada import limits
from station.lazada.errors import RequestValidationError
from station.lazada.models import (
    PdfSize,
    PickupContact,
    POQuery,
    POStatus,
    PurchaseOrder,
    PurchaseOrderItem,
)
from station.outcomes import BatchReport, Step, offered_pickup_dates
from station.paths import cache_dir
from station.printing.merge_child import ChildProcessMerge
from station.printing.output_check import check_output
from station.settings import Settings
from station.simulator.cli_args import config_from_args
from station.simulator.demo import DEMO_APP_KEY
from station.simulator.server import SimulatorServer
from station.workflow.batch import BatchOptions, BatchRunner, list_to_pack
from station.workflow.jobs import Job, JobSpec, PrintChoice
from station.workflow.resume import describe as describe_resume
from station.workflow.resume import prepare_resume
from station.workflow.unprinted import HEADING as UNPRINTED_HEADING
from station.workflow.unprinted import find_unprinted

from . import pickups_cmd, printing_cmd, stats_cmd, text
from .login_cmd import cmd_login
from .progress import TerminalProgress
from .session import UsageError, batch_journal, connection, emit, say, shop_budget


def dispatch(args: argparse.Namespace) -> int:
    handlers = {
        "simulator": cmd_simulator,
        "login": cmd_login,
        "list": cmd_list,
        "pack": cmd_pack,
        "ship": cmd_ship,
        "print": cmd_print,
        "run": cmd_run,
        "unprinted": cmd_unprinted,
        **printing_cmd.HANDLERS,
        **pickups_cmd.HANDLERS,
        **stats_cmd.HANDLERS,
    }
    try:
        return handlers[args.command](args)
    except (RequestValidationError, NoKeyringError, NotConfiguredError, ValueError) as exc:
        raise UsageError(str(exc)) from None


# ---------------------------------------------------------------------- helpers
def po_json(po: PurchaseOrder) -> dict[str, Any]:
    data = asdict(po)
    data["status"] = po.status.value
    data["status_label"] = po.status.label
    return data


def pickup_contact(args: argparse.Namespace, conn: Connection) -> PickupContact:
    saved = None if conn.demo else Settings().pickup_contact(args.profile or Settings().active_profile)
    base = saved or (DEMO_CONTACT if conn.demo else None)
    if base is None and not (args.area_code and args.address_id and args.address and args.phone and args.name):
        raise UsageError("No pickup contact is saved: give --area-code, --address-id, --address, --phone and --name.")
    contact = PickupContact(
        area_code=(args.area_code or (base.area_code if base else "")).upper(),
        address_id=args.address_id or (base.address_id if base else 0),
        address_detail=args.address or (base.address_detail if base else ""),
        mobile_phone=args.phone or (base.mobile_phone if base else ""),
        name=args.name or (base.name if base else ""),
        estimated_pickup_date=args.pickup_date or (base.estimated_pickup_date if base else ""),
    )
    contact.validate()
    return contact


def print_flags(size: PdfSize, order: bool | None, barcode: bool | None) -> tuple[bool, bool]:
    is_a4 = size is PdfSize.A4
    print_order = is_a4 if order is None else order
    print_barcode = (not is_a4) if barcode is None else barcode
    return print_order, print_barcode


# ---------------------------------------------------------------------- simulator
def cmd_simulator(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    server = SimulatorServer(config)
    server.start()
    print(f"Simulator listening on {server.url}  (demo app key {DEMO_APP_KEY}; Ctrl+C stops it)", flush=True)
    stop = threading.Event()
    try:
        while not stop.wait(3600):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


# ---------------------------------------------------------------------- list / pack / ship / print
def cmd_list(args: argparse.Namespace) -> int:
    status: POStatus | None = args.status  # None: every status
    with connection(args) as conn:
        client = conn.client
        if args.date_from or args.date_to:
            begin = limits.parse_datetime(args.date_from) if args.date_from else client.now() - timedelta(days=7)
            end = limits.parse_datetime(args.date_to) if args.date_to else client.now()
        else:
            if not 0 < args.days <= 90:
                raise UsageError("--days must be between 1 and 90.")
            end = client.now() + timedelta(minutes=5)
            begin = end - timedelta(days=args.days)
        limits.check_window(begin, end)
        progress = TerminalProgress() if not args.json else None
        pos = client.list_pos(
            POQuery(begin, end, status=status), progress=(lambda d, t: progress(Step.LIST, d, t)) if progress else None
        )
        if progress:
            progress.finish()
        items = client.list_items_many(po.purchase_order_no for po in pos) if args.items else {}
        payload = [dict(po_json(po), items=[asdict(i) for i in items.get(po.purchase_order_no, [])]) for po in pos]
        emit(args, payload, list_text(pos, items))
    return 0


def list_text(pos: list[PurchaseOrder], items: dict[str, list[PurchaseOrderItem]]) -> str:
    """``station-cli list`` as a table: every column as wide as its widest cell (store names whole)."""
    header = ("PO", "STATUS", "STORE", "WAREHOUSE", "SKUS", "UNITS")
    rows = [
        (
            po.purchase_order_no,
            po.status.label,
            po.store_name,
            po.store_code,
            str(po.total_sku_count),
            str(po.total_quantity),
        )
        for po in pos
    ]
    widths = [max(text.width(row[column]) for row in (header, *rows)) for column in range(len(header))]

    def line(row: tuple[str, ...]) -> str:
        cells = [
            text.pad(row[c], widths[c]) if c < 4 else " " * (widths[c] - text.width(row[c])) + row[c]
            for c in range(len(header))
        ]
        return "  ".join(cells)

    lines = [line(header)] if rows else []
    for po, row in zip(pos, rows, strict=True):
        lines.append(line(row))
        for item in items.get(po.purchase_order_no, []):
            lines.append(
                f"    {text.pad(item.seller_sku, 16)} {item.buyer_qty:>3} x "
                f"{text.pad(','.join(item.barcodes), 28)} {item.product_title}"
            )
    lines.append(text.plural(len(pos), "purchase order"))
    return "\n".join(lines)


def single_step(
    args: argparse.Namespace, spec: JobSpec, output: Path | None = None
) -> tuple[BatchReport, list[str], dict[str, PurchaseOrder]]:
    """One step for the POs named on the command line, as a journaled batch: the same code path as
    ``run`` and the window (statuses read before anything is sent, a lost answer settled by a
    fresh read, never a second ship). The report, the POs the platform does not list, and what
    it said of the others before the step."""
    journal, profile = batch_journal(args)
    try:
        with connection(args) as conn, shop_budget(journal, profile, conn):
            contact = pickup_contact(args, conn) if spec.shipping else None
            journal.settle_open_refreshes()
            conn.client.tokens.observer = journal
            numbers = list(dict.fromkeys(args.pos))
            found = conn.client.find_pos(numbers)
            pos = [found[no] for no in numbers if no in found]
            if spec.printing:  # before the batch is written down and anything sent
                assert output is not None
                check_output(output, len(pos), cache=cache_dir())
            log = spec.start_batch(journal, profile, pos)
            batch = spec.batch_options(
                BatchOptions(
                    cache_dir=cache_dir(),
                    contact=contact,
                    output=output,
                    merge=ChildProcessMerge,
                    history_dir=printing_cmd.history_folder(args),
                )
            )
            report = BatchRunner(conn.client, batch, log=log).run(pos)
    finally:
        journal.close()
    return report, [no for no in numbers if no not in found], {po.purchase_order_no: po for po in pos}


def _not_listed(missing: list[str]) -> list[dict[str, Any]]:
    return [{"purchase_order_no": no, "ok": False, "message": "The platform does not list this PO."} for no in missing]


def cmd_pack(args: argparse.Namespace) -> int:
    report, missing, before = single_step(args, JobSpec.of(Job.PACK))
    results = _not_listed(missing)
    for no, outcome in report.outcomes.items():
        if not outcome.ok:
            message = outcome.error
        elif before[no].status is POStatus.TO_PACK:
            message = "pack requested (the platform packs in a few seconds)"
        else:
            message = f"already packed ({before[no].status.label})"
        results.append({"purchase_order_no": no, "ok": outcome.ok and outcome.packed, "message": message})
    emit(
        args,
        results,
        "\n".join(f"{r['purchase_order_no']}: {'ok' if r['ok'] else 'FAILED'} {r['message']}" for r in results),
    )
    return 0 if all(r["ok"] for r in results) else 1


def cmd_ship(args: argparse.Namespace) -> int:
    report, missing, before = single_step(args, JobSpec.of(Job.SHIP))  # with the pickup contact of the settings
    results = _not_listed(missing)
    for no, outcome in report.outcomes.items():
        message = outcome.error or ("" if not before[no].status.is_shipped else "already shipped")
        results.append(
            {
                "purchase_order_no": no,
                "ok": outcome.ok and outcome.shipped,
                "pickup_no": outcome.pickup_no,
                "message": message,
                "allow_date_range": list(outcome.allowed_pickup_dates),
            }
        )
    lines = [
        f"{r['purchase_order_no']}: {'shipped, pickup ' + r.get('pickup_no', '') if r['ok'] else 'FAILED'} "
        f"{r['message']}"
        for r in results
    ]
    emit(args, results, "\n".join(lines + pickup_date_hint(report)))
    return 0 if all(r["ok"] for r in results) else 1


def cmd_print(args: argparse.Namespace) -> int:
    print_order, print_barcode = print_flags(args.size, args.order, args.barcode)
    output = Path(args.output)
    check_output(output)
    report, missing, _ = single_step(
        args, JobSpec.of(Job.PRINT, PrintChoice(args.size, print_order, print_barcode)), output
    )
    results = _not_listed(missing) + [
        {"purchase_order_no": no, "ok": outcome.ok and outcome.printed, "message": outcome.error}
        for no, outcome in report.outcomes.items()
    ]
    failed = [r for r in results if not r["ok"]]
    lines = [
        f"Wrote {text.plural(report.output_pages, 'page')} to {output}" if report.output_pages else "No labels written."
    ]
    lines += [f"{r['purchase_order_no']}: FAILED {r['message']}" for r in failed]
    emit(
        args,
        {
            "output": str(output),
            "pages": report.output_pages,
            "page_sizes_mm": report.page_sizes_mm,
            "results": results,
        },
        "\n".join(lines),
    )
    printed = [no for no, outcome in report.outcomes.items() if outcome.printed]
    sent = printing_cmd.send_output(args, output, args.size, printed) if report.output_pages else 0
    return 0 if not failed and sent == 0 else 1


# ---------------------------------------------------------------------- run
def cmd_run(args: argparse.Namespace) -> int:
    print_order, print_barcode = print_flags(args.size, args.order, args.barcode)
    progress = TerminalProgress() if not args.json else None
    if args.output:
        check_output(Path(args.output))  # a folder, /dev/full, a read-only place: refused before anything else
    journal, profile = batch_journal(args)
    try:
        with connection(args) as conn, shop_budget(journal, profile, conn):
            contact = pickup_contact(args, conn)
            journal.settle_open_refreshes()
            conn.client.tokens.observer = journal
            if getattr(journal, "set_aside", None) is not None:
                # The journal that knew today's batches is gone: what the platform shipped without labels here.
                say(args, unprinted_text(find_unprinted(conn.client, printing_cmd.history_folder(args))))
            unfinished = journal.unfinished_batch(profile)
            resumption = None
            fetched: list[list[str]] = []
            if unfinished is not None:
                say(args, describe_resume(unfinished))
                resumption = prepare_resume(conn.client, journal, unfinished)
                spec = JobSpec.from_json(unfinished.options)
                pos, log, resumed = resumption.pos, resumption.log, unfinished.outcomes
                fetched = resumption.fetched
            else:
                pos = list_to_pack(conn.client, args.days, progress=progress)
                if args.limit is not None:  # at least 1: the parser refuses less
                    pos = pos[: args.limit]
                named = Path(args.output or default_output(args.size)).resolve()
                spec = JobSpec.of(Job.RUN, PrintChoice(args.size, print_order, print_barcode), output=named)
                # Room for this many POs' labels, before the batch is written down and anything sent.
                check_output(named, len(pos), cache=cache_dir())
                log = spec.start_batch(journal, profile, pos)
                resumed = []
            # A batch started in the window names no file: a new one, as for a new run.
            output = Path(args.output) if args.output else spec.output or default_output(spec.choice.size).resolve()
            # The steps and labels it was started with: one started in the window may be a pack or a print only.
            options = spec.batch_options(
                BatchOptions(
                    contact=contact,
                    output=output,
                    cache_dir=cache_dir(),
                    poll_interval=args.poll_interval,
                    first_poll_after=args.first_poll_after,
                    ready_timeout=args.ready_timeout,
                    merge=ChildProcessMerge,  # the merge's parsing on another core, beside the batch
                    history_dir=printing_cmd.history_folder(args),
                )
            )
            cancel = threading.Event()
            runner = BatchRunner(
                conn.client, options, progress=progress, cancel=cancel, log=log, resumed=resumed, fetched=fetched
            )
            try:
                report = runner.run(pos)
            except KeyboardInterrupt:
                cancel.set()
                raise
            if resumption is not None:
                resumption.add_missing(report.outcomes)
            if progress:
                progress.finish()
            cartons = None
            if args.boxes_per_pickup is not None and not report.cancelled:
                cartons = pickups_cmd.run_cartons(args, conn, journal, profile, output)
    finally:
        journal.close()
    payload = report_json(report, output, resumed_batch=unfinished.id if unfinished else None)
    if cartons is not None:
        payload["cartons"] = cartons
    emit(args, payload, report_text(report, output))
    if report.cancelled:
        return 3
    printed = [o.purchase_order_no for o in report.outcomes.values() if o.printed]
    sent = printing_cmd.send_output(args, output, spec.choice.size, printed) if report.output_pages else 0
    cartons_failed = any(not c["ok"] for c in cartons or [])
    return 0 if not report.failed() and sent == 0 and not cartons_failed else 1


def default_output(size: PdfSize) -> Path:
    """The merged file of a run that names none: in the current folder, stamped with the time."""
    return Path(f"station-{datetime.now():%Y%m%d-%H%M%S}-{size.value}.pdf")


# ---------------------------------------------------------------------- unprinted
def unprinted_text(pos: list[PurchaseOrder]) -> str:
    if not pos:
        return "No PO shipped today is without labels printed at this station."
    lines = [f"{text.plural(len(pos), 'PO')} {UNPRINTED_HEADING}:"]
    lines += [f"  {po.purchase_order_no}  {po.status.label}  {po.store_name} {po.store_code}" for po in pos]
    lines.append("Print them: station-cli unprinted --print -o FILE")
    return "\n".join(lines)


def cmd_unprinted(args: argparse.Namespace) -> int:
    """List the POs shipped today without labels printed here; with --print, print them."""
    if args.print_them and not args.output:
        raise UsageError("Give the file to write their labels to: station-cli unprinted --print -o FILE")
    if args.output:
        check_output(Path(args.output))
    journal, profile = batch_journal(args)
    try:
        with connection(args) as conn, shop_budget(journal, profile, conn):
            pos = find_unprinted(conn.client, printing_cmd.history_folder(args), journal, profile)
    finally:
        journal.close()
    if not args.print_them or not pos:
        emit(args, [dict(po_json(po), reason=UNPRINTED_HEADING) for po in pos], unprinted_text(pos))
        return 0
    args.pos = [po.purchase_order_no for po in pos]
    return cmd_print(args)


def report_json(report: BatchReport, output: Path, resumed_batch: int | None = None) -> dict[str, Any]:
    return {
        "resumed_batch": resumed_batch,
        "counts": report.counts(),
        "output": str(output) if report.output_pages else None,
        "pages": report.output_pages,
        "page_sizes_mm": sorted(set(report.page_sizes_mm)),
        "api_calls": report.api_calls,
        "cancelled": report.cancelled,
        "done_by_other_benches": report.by_bench(),
        "pos": [
            {
                "purchase_order_no": o.purchase_order_no,
                "store": o.store_name,
                "warehouse": o.store_code,
                "packed": o.packed,
                "shipped": o.shipped,
                "printed": o.printed,
                "pickup_no": o.pickup_no,
                # Done (or being done) by another bench: handled, not failed; ``done_by`` names it.
                "ok": o.ok or bool(o.elsewhere),
                "failed_step": o.failed_step.value if o.failed_step and not o.elsewhere else None,
                "error": o.error,
                "done_by": o.elsewhere or None,
                "allow_date_range": list(o.allowed_pickup_dates),
            }
            for o in report.outcomes.values()
        ],
    }


def pickup_date_hint(report: BatchReport) -> list[str]:
    """For the POs refused for their pickup date: the dates the platform allows, and the command
    that ships them with the first."""
    refused = report.date_refused()
    dates = offered_pickup_dates(refused)
    if not dates:
        return []
    numbers = " ".join(o.purchase_order_no for o in refused)
    return [
        f"The platform refused the pickup date of {text.plural(len(refused), 'PO')}; it allows "
        f"{', '.join(dates)}. Ship them with one of these dates:",
        f"  station-cli ship {numbers} --pickup-date {dates[0]}",
    ]


def report_text(report: BatchReport, output: Path) -> str:
    counts = report.counts()
    lines = [
        f"{text.plural(counts['total'], 'PO')}: {counts['packed']} packed, {counts['shipped']} shipped, "
        f"{counts['printed']} printed, "
        + (f"{counts['elsewhere']} done by other benches, " if counts["elsewhere"] else "")
        + f"{counts['failed']} failed ({text.plural(report.api_calls, 'API call')})."
    ]
    if by_bench := report.by_bench():
        done = ", ".join(f"{bench} {count}" for bench, count in sorted(by_bench.items()))
        lines.append(f"Done by other benches: {done}.")
    if report.output_pages:
        lines.append(f"Labels: {output} ({text.plural(report.output_pages, 'page')}).")
    for o in report.failed():
        lines.append(f"  FAILED {o.purchase_order_no} at {o.failed_step.value if o.failed_step else '?'}: {o.error}")
    lines += pickup_date_hint(report)
    if report.cancelled:
        lines.append("Cancelled: run it again to finish the rest.")
    return "\n".join(lines)
