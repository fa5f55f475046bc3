"""``python -m station.simulator``: run the simulated platform in the foreground until Ctrl+C."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType

from station.simulator.cli_args import add_simulator_arguments, config_from_args
from station.simulator.demo import DEMO_APP_KEY
from station.simulator.server import SimulatorServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m station.simulator", description="A local stand-in for the Lazada JIT purchase-order API."
    )
    add_simulator_arguments(parser)
    parser.add_argument("--verbose", action="store_true", help="log every request")
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
    try:
        print(f"Simulator listening: {server.url}", flush=True)
        print(f"Demo app key: {DEMO_APP_KEY} (secret and tokens: station.simulator.demo)", flush=True)
        print(f"Purchase orders: {len(server.state.pos)}; admin: {server.base_url}/_sim/stats", flush=True)
        print("Press Ctrl+C to stop.", flush=True)
        while not done.wait(0.5):
            pass
    finally:
        server.stop()
        print("Simulator stopped.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
