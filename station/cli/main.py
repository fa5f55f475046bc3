"""``station-cli``: list, pack, ship, print and run a day's JIT POs from a terminal.

Exit codes: 0 all done, 1 some POs failed, 2 bad input or set-up, 3 interrupted.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import sys
from collections.abc import Sequence

from station import __version__
from station.cli import commands, printing_cmd
from station.cli.erp import add_erp_commands, dispatch_erp
from station.cli.orders import add_orders_commands, dispatch_orders
from station.lazada.errors import StationApiError
from station.lazada.models import PdfSize
from station.lazada.redact import install_redaction
from station.simulator.cli_args import add_simulator_arguments

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 3


def _connection_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("connection")
    group.add_argument("--demo", action="store_true", help="start an embedded simulator with a realistic day")
    group.add_argument("--simulator-url", metavar="URL", help="use a running simulator (demo credentials)")
    group.add_argument("--profile", default=None, help="seller profile whose credentials are in the keyring")
    group.add_argument("--json", action="store_true", help="machine-readable output")
    group.add_argument("--calls-per-second", type=float, default=40.0, help="ceiling on API calls per second")
    group.add_argument("--workers", type=int, default=8, help="concurrent API calls")
    group.add_argument("--read-timeout", type=float, default=30.0, help="seconds to wait for an answer")
    # A profile's credentials against another gateway (a staging host, the simulator in tests).
    group.add_argument("--gateway-url", default=None, help=argparse.SUPPRESS)
    group.add_argument("-v", "--verbose", action="store_true", help="log every API call (never secrets)")
    demo = parent.add_argument_group("embedded simulator (with --demo)")
    demo.add_argument("--demo-pos", type=int, default=120, help="To Pack POs in the demo day")
    demo.add_argument("--demo-seed", type=int, default=7)
    demo.add_argument("--demo-pack-delay", default="5-10", help="seconds from pack to ready, MIN-MAX")
    demo.add_argument("--demo-latency-ms", type=float, default=0.0)
    demo.add_argument("--demo-state-file", default=None, help="keep the demo's state in this file")
    return parent


def _pickup_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("pickup contact (defaults: the saved settings, or the demo's)")
    group.add_argument("--area-code", help="CN, VN, TH, PH, ID or MY")
    group.add_argument("--address-id", type=int, help="last-level division id")
    group.add_argument("--address", help="pickup address")
    group.add_argument("--phone", help="contact phone")
    group.add_argument("--name", help="contact name")
    group.add_argument("--pickup-date", help="yyyy-MM-dd (required for CN)")


def _print_options(parser: argparse.ArgumentParser, *, output_required: bool) -> None:
    parser.add_argument("--size", type=PdfSize, choices=list(PdfSize), default=PdfSize.LABEL_100X150,
                        metavar="{A4,6030,100150}", help="paper size (default 100150)")
    parser.add_argument("--order", action=argparse.BooleanOptionalAction, default=None,
                        help="print the PO sheet (default: on for A4, off for labels)")
    parser.add_argument("--barcode", action=argparse.BooleanOptionalAction, default=None,
                        help="print product barcodes (default: off for A4, on for labels)")
    parser.add_argument("-o", "--output", required=output_required, default=None, help="merged PDF to write")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="station-cli", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--version", action="version", version=f"station {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    conn = _connection_options()

    sim = sub.add_parser("simulator", help="run the platform simulator until Ctrl+C")
    add_simulator_arguments(sim)

    login = sub.add_parser("login", help="store a shop's credentials in the OS keyring")
    login.add_argument("--profile", default="default")
    login.add_argument("--region", required=True, help="MY, PH, SG, TH, VN or ID")
    login.add_argument("--app-key", required=True)
    login.add_argument("--auth-code", help="authorisation code from the OAuth redirect (else: paste tokens)")
    login.add_argument("--secrets-from-stdin", action="store_true",
                       help="read the secret (and tokens) as lines on standard input instead of prompting")
    login.add_argument("--gateway-url", help=argparse.SUPPRESS)

    lst = sub.add_parser("list", parents=[conn], help="list POs (default: To Pack, last 7 days)")
    lst.add_argument("--days", type=float, default=7.0, help="look back this many days (max 90)")
    lst.add_argument("--from", dest="date_from", help="yyyy-MM-dd HH:mm:ss (instead of --days)")
    lst.add_argument("--to", dest="date_to", help="yyyy-MM-dd HH:mm:ss")
    lst.add_argument("--status", default="10", help="10, 20, 22, 25, 40, -100610, -100 or 'all'")
    lst.add_argument("--items", action="store_true", help="also list each PO's items")

    pack = sub.add_parser("pack", parents=[conn], help="pack POs")
    pack.add_argument("pos", nargs="+", metavar="PO")
    _journal_option(pack)

    ship = sub.add_parser("ship", parents=[conn], help="book the pickup of ready POs")
    ship.add_argument("pos", nargs="+", metavar="PO")
    _pickup_options(ship)
    _journal_option(ship)

    prt = sub.add_parser("print", parents=[conn], help="download and merge the print files of POs")
    prt.add_argument("pos", nargs="+", metavar="PO")
    _print_options(prt, output_required=True)
    printing_cmd.add_printer_option(prt)
    _journal_option(prt)

    run = sub.add_parser("run", parents=[conn], help="today's To Pack POs: pack, wait, ship, print, merge")
    run.add_argument("--days", type=float, default=7.0, help="look back this many days for To Pack POs")
    run.add_argument("--limit", type=int, default=0, help="handle at most this many POs (0: all)")
    _print_options(run, output_required=False)
    printing_cmd.add_printer_option(run)
    _pickup_options(run)
    run.add_argument("--poll-interval", type=float, default=1.5, help=argparse.SUPPRESS)
    run.add_argument("--first-poll-after", type=float, default=4.0, help=argparse.SUPPRESS)
    run.add_argument("--ready-timeout", type=float, default=180.0, help="seconds before a PO counts as stuck")
    _journal_option(run)
    printing_cmd.add_printing_commands(sub)
    add_erp_commands(sub, [conn])
    add_orders_commands(sub, [conn])
    return parser


def _journal_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--journal", default=None,
                         help="journal file (default: in the user data folder), or postgresql://user@host:port/db "
                              "for one shared by the warehouse's benches")


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
    except commands.UsageError as exc:
        print(f"station-cli: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except StationApiError as exc:
        print(f"station-cli: {exc.describe()}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    raise SystemExit(main())
