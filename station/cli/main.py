"""``station-cli``: list, pack, ship, print and run a day's JIT POs from a terminal.

Exit codes (listed by ``--help``, :data:`station.cli.parsing.EXIT_CODES`): 0 all done, 1 some POs
failed, 2 bad input or set-up, 3 interrupted.
"""

from __future__ import annotations

import argparse
import errno
import logging
import multiprocessing
import sqlite3
import sys
from collections.abc import Sequence

from station import __version__
from station.cli import commands, pickups_cmd, printing_cmd, session, stats_cmd
from station.cli.erp import add_erp_commands, dispatch_erp
from station.cli.orders import add_orders_commands, dispatch_orders
from station.lazada.errors import StationApiError
from station.lazada.models import PdfSize, POStatus
from station.lazada.redact import install_redaction
from station.lazada.regions import Region
from station.simulator.cli_args import add_simulator_arguments

from .login_cmd import DEFAULT_CALLBACK
from .parsing import Choice, CommandParser, StationParser, add_command, exit_codes_epilog
from .text import printable

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 3
PROG = "station-cli"
DESCRIPTION = "List, pack, ship and print a day's Lazada JIT purchase orders (POs) from a terminal."
DEMO_POS = 120  # To Pack POs of the CLI's demo day: what --demo-pos promises, exactly
LIST_STATUSES: dict[str, POStatus | None] = {**{status.value: status for status in POStatus}, "all": None}


def _connection_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("connection")
    group.add_argument(
        "--demo", action="store_true", help="start an embedded simulator with a realistic day; no account needed"
    )
    group.add_argument("--simulator-url", metavar="URL", help="use a running simulator (demo credentials)")
    group.add_argument(
        "--profile",
        default=None,
        metavar="NAME",
        help="seller profile whose credentials are in the keyring (default: the last logged in)",
    )
    group.add_argument("--json", action="store_true", help="machine-readable output")
    group.add_argument(
        "--calls-per-second", type=float, default=40.0, metavar="N", help="ceiling on API calls per second (default 40)"
    )
    group.add_argument("--workers", type=int, default=8, metavar="N", help="concurrent API calls (default 8)")
    group.add_argument(
        "--read-timeout", type=float, default=30.0, metavar="SECONDS", help="seconds to wait for an answer (default 30)"
    )
    # A profile's credentials against another gateway (a staging host, the simulator in tests).
    group.add_argument("--gateway-url", default=None, help=argparse.SUPPRESS)
    group.add_argument("-v", "--verbose", action="store_true", help="log every API call (never secrets)")
    demo = parent.add_argument_group("embedded simulator (with --demo)")
    demo.add_argument(
        "--demo-pos",
        type=int,
        default=DEMO_POS,
        metavar="N",
        help=f"To Pack POs in the demo day, exactly (default {DEMO_POS}); older POs in the "
        "other statuses come with them",
    )
    demo.add_argument("--demo-seed", type=int, default=7, metavar="N", help="seed of the demo day (default 7)")
    demo.add_argument(
        "--demo-pack-delay", default="5-10", metavar="MIN-MAX", help="seconds from pack to ready (default 5-10)"
    )
    demo.add_argument(
        "--demo-latency-ms", type=float, default=0.0, metavar="MS", help="delay added to every API call (default 0)"
    )
    demo.add_argument("--demo-state-file", default=None, metavar="FILE", help="keep the demo's state in this file")
    return parent


def _pickup_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("pickup contact (defaults: the saved settings, or the demo's)")
    group.add_argument("--area-code", metavar="CODE", help="CN, VN, TH, PH, ID or MY")
    group.add_argument("--address-id", type=int, metavar="ID", help="last-level division id")
    group.add_argument("--address", metavar="TEXT", help="pickup address")
    group.add_argument("--phone", help="contact phone")
    group.add_argument("--name", help="contact name")
    group.add_argument("--pickup-date", metavar="DATE", help="yyyy-MM-dd (required for CN)")


def _print_options(parser: argparse.ArgumentParser, *, output_required: bool) -> None:
    parser.add_argument(
        "--size",
        action=Choice,
        options={size.value: size for size in PdfSize},
        default=PdfSize.LABEL_100X150,
        help="paper size: A4, 6030 (60x30 mm labels) or 100150 (100x150 mm labels); default 100150",
    )
    parser.add_argument(
        "--order",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="print the PO sheet (default: on for A4, off for labels)",
    )
    parser.add_argument(
        "--barcode",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="print product barcodes (default: off for A4, on for labels)",
    )
    parser.add_argument(
        "-o", "--output", required=output_required, default=None, metavar="FILE", help="merged PDF to write"
    )


def build_parser() -> StationParser:
    parser = StationParser(prog=PROG, description=DESCRIPTION, epilog=exit_codes_epilog(PROG))
    parser.add_argument("--version", action="version", version=f"station {__version__}")
    sub = parser.add_subparsers(
        dest="command", required=True, title="commands", metavar="COMMAND", parser_class=CommandParser
    )
    conn = _connection_options()

    sim = add_command(sub, "simulator", "Run the platform simulator (demo shop) until Ctrl+C.")
    add_simulator_arguments(sim)

    login = add_command(sub, "login", "Store a shop's credentials in the OS keyring.")
    login.add_argument(
        "--profile", default="default", metavar="NAME", help="profile to store them under (default 'default')"
    )
    login.add_argument(
        "--region",
        required=True,
        action=Choice,
        options=[region.value for region in Region],
        help="the shop's country: " + ", ".join(region.value for region in Region),
    )
    login.add_argument("--app-key", required=True, metavar="KEY", help="the app key of the Lazada Open Platform app")
    login.add_argument(
        "--auth-code", metavar="CODE", help="authorisation code from the OAuth redirect (else: paste tokens)"
    )
    login.add_argument(
        "--secrets-from-stdin",
        action="store_true",
        help="read the secret (and tokens) as lines on standard input instead of prompting",
    )
    login.add_argument(
        "--authorize",
        action="store_true",
        help="open the platform's authorise page and take the code back (from the callback, or pasted)",
    )
    login.add_argument(
        "--redirect-uri",
        default=DEFAULT_CALLBACK,
        metavar="URI",
        help=f"the app's registered callback (default {DEFAULT_CALLBACK}); on 127.0.0.1 the code is caught here",
    )
    login.add_argument("--no-browser", action="store_true", help="print the authorise address; do not open it")
    login.add_argument(
        "--wait", type=float, default=300.0, metavar="SECONDS", help="how long to wait for the callback (default 300)"
    )
    login.add_argument(
        "--simulator-url", metavar="URL", help="authorise against a running simulator (http://127.0.0.1:PORT)"
    )
    login.add_argument("--gateway-url", help=argparse.SUPPRESS)

    lst = add_command(sub, "list", "List POs (default: To Pack, created in the last 7 days).", parents=[conn])
    lst.add_argument("--days", type=float, default=7.0, help="look back this many days (default 7, max 90)")
    lst.add_argument("--from", dest="date_from", metavar="TIME", help="yyyy-MM-dd HH:mm:ss (instead of --days)")
    lst.add_argument("--to", dest="date_to", metavar="TIME", help="yyyy-MM-dd HH:mm:ss")
    lst.add_argument(
        "--status",
        action=Choice,
        options=LIST_STATUSES,
        default=POStatus.TO_PACK,
        metavar="STATUS",
        help=", ".join(f"{status.value} {status.label}" for status in POStatus) + ", or all (default 10)",
    )
    lst.add_argument("--items", action="store_true", help="also list each PO's items")

    pack = add_command(
        sub, "pack", "Pack POs (the platform makes them Ready To Ship in a few seconds).", parents=[conn]
    )
    pack.add_argument("pos", nargs="+", metavar="PO", help="PO number")
    _journal_option(pack)

    ship = add_command(sub, "ship", "Book the pickup of Ready To Ship POs.", parents=[conn])
    ship.add_argument("pos", nargs="+", metavar="PO", help="PO number")
    _pickup_options(ship)
    _journal_option(ship)

    prt = add_command(sub, "print", "Download the print files of POs and merge them into one PDF.", parents=[conn])
    prt.add_argument("pos", nargs="+", metavar="PO", help="PO number")
    _print_options(prt, output_required=True)
    printing_cmd.add_printer_option(prt)
    _journal_option(prt)

    run = add_command(
        sub, "run", "The day's To Pack POs end to end: pack, wait until ready, ship, print, merge.", parents=[conn]
    )
    run.add_argument("--days", type=float, default=7.0, help="look back this many days for To Pack POs (default 7)")
    run.add_argument(
        "--limit", type=_at_least_one, default=None, metavar="N", help="handle at most this many POs (default: all)"
    )
    _print_options(run, output_required=False)
    printing_cmd.add_printer_option(run)
    _pickup_options(run)
    run.add_argument("--poll-interval", type=float, default=1.5, help=argparse.SUPPRESS)
    run.add_argument("--first-poll-after", type=float, default=4.0, help=argparse.SUPPRESS)
    run.add_argument(
        "--ready-timeout",
        type=float,
        default=180.0,
        metavar="SECONDS",
        help="seconds before a PO counts as stuck (default 180)",
    )
    pickups_cmd.add_run_options(run)
    _journal_option(run)

    unprinted = add_command(
        sub,
        "unprinted",
        "POs the platform shows shipped today whose labels were not printed at "
        "this station (found without the journal); --print prints them.",
        parents=[conn],
    )
    unprinted.add_argument(
        "--print", dest="print_them", action="store_true", help="print their labels into -o FILE (and on --printer)"
    )
    _print_options(unprinted, output_required=False)
    printing_cmd.add_printer_option(unprinted)
    _journal_option(unprinted)
    printing_cmd.add_printing_commands(sub)
    pickups_cmd.add_pickup_commands(sub, [conn])
    stats_cmd.add_stats_command(sub)
    add_erp_commands(sub, [conn])
    add_orders_commands(sub, [conn])
    parser.commands = dict(sub.choices)
    return parser


def _at_least_one(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number} (leave --limit out to handle every PO)")
    return number


def _journal_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--journal",
        default=None,
        metavar="FILE|URL",
        help="journal file (default: in the user data folder), or postgresql://user@host:port/db "
        "for one shared by the warehouse's benches",
    )


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # the window merges labels in a child process
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if getattr(args, "verbose", False) else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    install_redaction()
    try:
        code = dispatch_erp(args)
        if code is None:
            code = dispatch_orders(args)
        return commands.dispatch(args) if code is None else code
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except session.UsageError as exc:
        # Messages quote what the operator typed (text.quoted, or repr): a line feed in it stays escaped.
        print(f"{PROG}: {printable(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except StationApiError as exc:
        print(f"{PROG}: {printable(exc.describe())}", file=sys.stderr)
        return EXIT_FAILED
    except sqlite3.Error as exc:  # the journal's SQLite file: a full or read-only disk
        path = session.journal_target(args)
        print(f"{PROG}: {printable(describe_database_error(path, exc), newlines=False)}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:  # a folder or file of the station's own (cache, data, output)
        print(f"{PROG}: {printable(describe_os_error(exc), newlines=False)}", file=sys.stderr)
        return EXIT_FAILED


_CAUSES = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EIO: "the disk reported an input/output error",
}


def describe_os_error(exc: OSError) -> str:
    """One line: what could not be written or read, where, and why."""
    cause = _CAUSES.get(exc.errno or 0) or exc.strerror or type(exc).__name__
    where = exc.filename if exc.filename is not None else "a file of the station"
    return f"could not use {where}: {cause}."


def describe_database_error(path: object, exc: sqlite3.Error) -> str:
    text = str(exc)
    lower = text.lower()
    if "disk is full" in lower:
        cause = "the disk is full"
    elif "readonly" in lower or "read-only" in lower:
        cause = "the disk or the file is read-only"
    elif "unable to open" in lower:
        cause = "the file cannot be opened (check the folder exists and may be written)"
    else:
        cause = f"a write to it failed ({text}); check the free disk space and that the disk may be written"
    return f"the journal {path} could not be used: {cause}."


if __name__ == "__main__":
    raise SystemExit(main())
