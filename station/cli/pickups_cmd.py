"""``station-cli pickups`` (today's pickup orders), ``pickup-labels`` (a pickup's carton labels) and
the carton labels of ``run --boxes-per-pickup``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from station.cli import printing_cmd, session, text
from station.cli.parsing import Choice, add_command
from station.cli.session import emit
from station.connect import Connection
from station.journal import JournalStore
from station.lazada.errors import StationApiError
from station.lazada.pickups import BOXES_MAX, PickupLabelSize
from station.paths import cache_dir
from station.printing.merge import MergeError, append_pdfs
from station.printing.spooler import BACKENDS
from station.workflow.cartons import CartonError, CartonLabels, CartonRequest, CartonResult
from station.workflow.pickups import TodaysPickup, booked_by_todays_runs, todays_pickups

SIZES = {"1010": PickupLabelSize.LABEL_100X100, "A4": PickupLabelSize.A4}


def box_count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 1 <= number <= BOXES_MAX:
        raise argparse.ArgumentTypeError(f"the number of cartons must be between 1 and {BOXES_MAX}, not {number}")
    return number


def add_pickup_commands(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    add_command(sub, "pickups", "Today's pickup orders: status, POs, cartons, weight, driver and car.", parents=parents)
    labels = add_command(
        sub,
        "pickup-labels",
        "Print (or write) the carton labels of a pickup order: one label a carton, box 1 of N to N of N.",
        parents=parents,
    )
    labels.add_argument("pickup", metavar="PUO", help="the pickup order number")
    labels.add_argument("--boxes", type=box_count, required=True, metavar="N", help="how many cartons (1-100)")
    add_size_option(labels, "--size")
    where = labels.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="FILE", help="write the labels to this PDF instead of printing")
    where.add_argument(
        "--printer", metavar="QUEUE", help="print on this printer (default: the printer set for the size in Settings)"
    )
    labels.add_argument("--reprint", action="store_true", help="print them again although they were printed")
    labels.add_argument(
        "--print-backend",
        action=Choice,
        options=BACKENDS,
        default=None,
        help="auto (CUPS on Linux/macOS, Qt on Windows), cups or qt (default: the saved setting)",
    )
    labels.add_argument("--history-dir", default=None, help=argparse.SUPPRESS)
    labels.add_argument(
        "--journal",
        default=None,
        metavar="FILE|URL",
        help="journal file (default: in the user data folder) or postgresql:// URL",
    )


def add_size_option(parser: argparse._ActionsContainer, flag: str) -> None:
    parser.add_argument(
        flag,
        action=Choice,
        options=SIZES,
        default=PickupLabelSize.LABEL_100X100,
        dest="carton_size",
        help="1010 (100x100 mm labels, the default) or A4",
    )


def add_run_options(run: argparse.ArgumentParser) -> None:
    group = run.add_argument_group("carton labels (after the run)")
    group.add_argument(
        "--boxes-per-pickup",
        type=box_count,
        default=None,
        metavar="N",
        help="then print N carton labels for each pickup order today's runs booked that has none "
        "yet (written beside the output unless --carton-printer is given)",
    )
    add_size_option(group, "--carton-size")
    where = group.add_mutually_exclusive_group()
    where.add_argument("--carton-printer", metavar="QUEUE", default=None, help="print the carton labels here")
    where.add_argument(
        "--cartons-in-output",
        action="store_true",
        help="also put the carton labels at the end of the merged PDF (-o), the day's one file",
    )


# ---------------------------------------------------------------------- pickups
def pickup_json(row: TodaysPickup) -> dict[str, Any]:
    order = row.order
    data: dict[str, Any] = {
        "pickup_order_no": row.pickup_order_no,
        "purchase_order_nos": list(row.purchase_order_nos),
        "error": row.error or None,
    }
    if order is not None:
        data.update(
            {
                "status": order.status_code,
                "status_label": order.status.label,
                "final": order.status.is_final,
                "reason": order.reason,
                "logistics_nos": list(order.logistics_nos),
                "estimated_boxes": order.estimated_box_number,
                "estimated_weight": order.estimated_weight,
                "actual_weight": order.actual_weight,
                "car_number": order.car_number,
                "driver": order.car_driver_name,
                "driver_phone": order.car_driver_phone,
                "estimated_pickup_time": order.estimated_pickup_time.isoformat()
                if order.estimated_pickup_time
                else None,
                "warehouse": order.receive_store_code,
            }
        )
    return data


def pickup_lines(row: TodaysPickup) -> list[str]:
    order = row.order
    if order is None:
        return [f"{row.pickup_order_no}  could not be read: {row.error}", f"  POs: {', '.join(row.purchase_order_nos)}"]
    status = order.status.label if order.status.value else f"{order.status.label} ({order.status_code})"
    weight = order.actual_weight or order.estimated_weight
    head = (
        f"{row.pickup_order_no}  {status}  {text.plural(len(row.purchase_order_nos), 'PO')}  "
        f"{text.plural(order.estimated_box_number, 'carton')} (estimated)"
        + (f"  {weight} kg{'' if order.actual_weight else ' (estimated)'}" if weight else "")
    )
    lines = [head, f"  POs: {', '.join(row.purchase_order_nos)}"]
    if order.logistics_nos:
        lines.append(f"  logistics: {', '.join(order.logistics_nos)}")
    if order.car_number or order.car_driver_name:
        lines.append(
            f"  car {order.car_number or '?'}, driver {order.car_driver_name or '?'}"
            + (f" ({order.car_driver_phone})" if order.car_driver_phone else "")
        )
    if order.reason:
        lines.append(f"  reason: {order.reason}")
    return lines


def cmd_pickups(args: argparse.Namespace) -> int:
    with session.connection(args) as conn:
        rows = todays_pickups(conn.client)
    lines = [line for row in rows for line in pickup_lines(row)] or ["No pickup orders today."]
    emit(args, [pickup_json(row) for row in rows], "\n".join(lines))
    return 0 if all(row.order is not None for row in rows) else 1


# ---------------------------------------------------------------------- carton labels
def _cartons(args: argparse.Namespace, conn: Connection, journal: JournalStore) -> CartonLabels:
    settings = printing_cmd.saved_settings(args)
    return CartonLabels(
        conn.client, journal, cache_dir(), service=printing_cmd.service(args, settings), printers=settings
    )


def result_json(result: CartonResult) -> dict[str, Any]:
    job = result.job
    return {
        "pickup_order_no": result.pickup_order_no,
        "ok": True,
        "boxes": result.boxes,
        "size": result.size.value,
        "file": str(result.file),
        "output": str(result.output) if result.output else None,
        "printer": job.printer if job else None,
        "job": job.id if job else None,
        "status": job.status.value if job else "written",
        "resumed": result.resumed,
        "downloaded": result.downloaded,
    }


def result_line(result: CartonResult) -> str:
    labels = text.plural(result.boxes, "carton label")
    if result.output is not None:
        return f"{result.pickup_order_no}: wrote {labels} to {result.output}."
    job = result.job
    assert job is not None
    how = "taken by the printer before the station stopped" if result.resumed else job.status.value
    return f"{result.pickup_order_no}: {labels} sent to {job.printer} (job #{job.id}, {how})."


def cmd_pickup_labels(args: argparse.Namespace) -> int:
    journal, profile = session.batch_journal(args)
    try:
        with session.connection(args) as conn, session.shop_budget(journal, profile, conn):
            cartons = _cartons(args, conn, journal)
            try:
                result = cartons.make(
                    CartonRequest(args.pickup.strip(), args.boxes, args.carton_size, args.reprint),
                    output=Path(args.output) if args.output else None,
                    printer=args.printer,
                )
            finally:
                cartons.close()
    finally:
        journal.close()
    emit(args, result_json(result), result_line(result))
    return 0


def run_cartons(
    args: argparse.Namespace, conn: Connection, journal: JournalStore, profile: str, output: Path
) -> list[dict[str, Any]]:
    """After ``run``: carton labels for every pickup today's runs booked (and any a crash left
    half done) that has none yet; one result each (``ok`` False with the sentence when it failed)."""
    cartons = _cartons(args, conn, journal)
    results: list[dict[str, Any]] = []
    try:
        open_now = cartons.open_steps()
        numbers = list(dict.fromkeys([*open_now, *booked_by_todays_runs(journal, profile)]))
        for number in numbers:
            if number not in open_now and cartons.printed(number) is not None:
                continue  # labelled already (by an earlier run, the window or pickup-labels)
            target = None if args.carton_printer else output.with_name(f"{output.stem}-cartons-{number}.pdf")
            try:
                result = cartons.make(
                    CartonRequest(number, args.boxes_per_pickup, args.carton_size),
                    output=target,
                    printer=args.carton_printer,
                )
            except (CartonError, StationApiError, OSError) as exc:
                message = exc.operator_message if isinstance(exc, StationApiError) else str(exc)
                results.append({"pickup_order_no": number, "ok": False, "error": message})
                session.say(args, f"{number}: carton labels FAILED: {message}")
                continue
            results.append(result_json(result))
            session.say(args, result_line(result))
    finally:
        cartons.close()
    if not results:
        session.say(args, "No pickup order needs carton labels.")
    written = [Path(r["output"]) for r in results if r.get("ok") and r.get("output")]
    if args.cartons_in_output and written:
        try:
            summary = append_pdfs(output, written)
        except MergeError as exc:  # the day file stays as it was; the carton files are there on their own
            session.say(args, f"The carton labels could not be added to {output} ({exc}); they are in their own files.")
        else:
            session.say(args, f"{output}: the carton labels added at its end ({summary.pages} pages in all).")
    return results


HANDLERS = {"pickups": cmd_pickups, "pickup-labels": cmd_pickup_labels}
