"""``python -m station.simulator``: run the simulated platform in the foreground until Ctrl+C."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from station.simulator.cli_args import add_simulator_arguments, config_from_args
from station.simulator.demo import DEMO_APP_KEY
from station.simulator.label_printer import VirtualLabelPrinter
from station.simulator.server import SimulatorServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m station.simulator", description="A local stand-in for the Lazada JIT purchase-order API."
    )
    add_simulator_arguments(parser)
    parser.add_argument("--verbose", action="store_true", help="log every request")
    parser.add_argument(
        "--label-printer",
        type=int,
        metavar="PORT",
        default=None,
        help="also run a virtual ZPL/TSPL label printer on 127.0.0.1:PORT (0: any free port)",
    )
    parser.add_argument(
        "--label-printer-out",
        type=Path,
        metavar="DIR",
        default=None,
        help="write what the virtual label printer printed to DIR as PNG files when stopping",
    )
    args = parser.parse_args(argv)
    try:
        config = config_from_args(args)
    except ValueError as error:
        parser.error(str(error))
    config.verbose = args.verbose
    done = threading.Event()

    def _stop(signum: int, frame: FrameType | None) -> None:
        done.set()

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    server = SimulatorServer(config).start()
    printer = VirtualLabelPrinter(port=args.label_printer).start() if args.label_printer is not None else None
    try:
        if printer is not None:
            print(f"Label printer (ZPL/TSPL, {printer.dpi} dpi): 127.0.0.1:{printer.port}", flush=True)
        print(f"Simulator listening: {server.url}", flush=True)
        print(f"Demo app key: {DEMO_APP_KEY} (secret and tokens: station.simulator.demo)", flush=True)
        print(f"Purchase orders: {len(server.state.pos)}; admin: {server.base_url}/_sim/stats", flush=True)
        print("Press Ctrl+C to stop.", flush=True)
        while not done.wait(0.5):
            pass
    finally:
        server.stop()
        if printer is not None:
            printer.stop()
            if args.label_printer_out is not None:
                written = printer.write_pngs(args.label_printer_out)
                print(f"Label printer: {len(written)} labels written to {args.label_printer_out}", flush=True)
        print("Simulator stopped.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
