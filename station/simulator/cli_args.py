"""Command-line flags of the simulator, shared by ``python -m station.simulator`` and the station CLI."""

from __future__ import annotations

import argparse
from pathlib import Path

from station.simulator.config import REGIONS, SimulatorConfig


def parse_pack_delay(text: str) -> tuple[float, float]:
    """``"5-10"`` -> (5, 10); ``"0.2"`` -> (0.2, 0.2)."""
    try:
        low, sep, high = text.strip().partition("-")
        a = float(low)
        b = float(high) if sep else a
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a delay in seconds or a MIN-MAX range: {text!r}") from None
    if a < 0 or b < a:
        raise argparse.ArgumentTypeError(f"the pack delay range {text!r} must be MIN-MAX with 0 <= MIN <= MAX")
    return a, b


def _rate(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"a rate is between 0 and 1, not {text}")
    return value


def add_simulator_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the simulator's flags to ``parser`` (all optional; defaults as in :class:`SimulatorConfig`)."""
    d = SimulatorConfig()
    g = parser.add_argument_group("simulator")
    g.add_argument("--port", type=int, default=d.port, help="port on 127.0.0.1 (0: any free port)")
    g.add_argument(
        "--pos", type=int, default=d.pos, help="To Pack POs, created in the last 20 hours (default %(default)s)"
    )
    g.add_argument(
        "--history", type=int, default=None, help="older POs over the last 14 days, none To Pack (default: --pos)"
    )
    g.add_argument("--seed", type=int, default=d.seed, help="seed of the catalogue and the faults")
    g.add_argument("--region", choices=REGIONS, default=d.region, help="site of the seller (default %(default)s)")
    g.add_argument("--latency-ms", type=float, default=d.latency_ms, help="delay added to every API call")
    g.add_argument("--latency-jitter-ms", type=float, default=d.latency_jitter_ms, help="+/- random part of it")
    g.add_argument(
        "--pack-delay",
        type=parse_pack_delay,
        default=(d.pack_delay_min, d.pack_delay_max),
        metavar="MIN[-MAX]",
        help="seconds from an accepted pack to status 20 (default 5-10)",
    )
    g.add_argument("--error-rate", type=_rate, default=d.error_rate, help="fraction of calls answered 500/502/503")
    g.add_argument(
        "--timeout-rate",
        type=_rate,
        default=d.timeout_rate,
        help="fraction of calls applied, then answered only after --timeout-seconds",
    )
    g.add_argument("--timeout-seconds", type=float, default=d.timeout_seconds, help="see --timeout-rate")
    g.add_argument(
        "--drop-rate",
        type=_rate,
        default=d.drop_rate,
        help="fraction of calls applied, then the connection closed without an answer",
    )
    g.add_argument(
        "--flow-limit",
        type=int,
        default=d.flow_limit_per_second,
        help="calls per second per app key before ApiCallLimit (0: no limit)",
    )
    g.add_argument(
        "--pickup-step",
        type=float,
        default=d.pickup_step_seconds,
        help="seconds per step of a pickup order's status, 10 → 20 → … → 50 (default %(default)s)",
    )
    g.add_argument(
        "--pickup-fail-rate",
        type=_rate,
        default=d.pickup_fail_rate,
        help="fraction of pickup orders that fail (-20) instead of being collected",
    )
    g.add_argument("--token-ttl", type=float, default=d.token_ttl_seconds, help="access token lifetime, seconds")
    g.add_argument(
        "--refresh-ttl",
        type=float,
        default=d.refresh_ttl_seconds,
        help="refresh token lifetime, seconds (a refresh does not extend it)",
    )
    g.add_argument("--file-ttl", type=float, default=d.file_ttl_seconds, help="print file URL lifetime, seconds")
    g.add_argument("--state-file", type=Path, default=None, help="JSON file keeping the state across restarts")
    g.add_argument("--certfile", type=Path, default=None, help="serve HTTPS with this certificate (PEM)")
    g.add_argument("--keyfile", type=Path, default=None, help="private key of --certfile (PEM)")


def config_from_args(args: argparse.Namespace) -> SimulatorConfig:
    pack_min, pack_max = args.pack_delay
    return SimulatorConfig(
        port=args.port,
        pos=args.pos,
        history=args.history,
        seed=args.seed,
        region=args.region,
        latency_ms=args.latency_ms,
        latency_jitter_ms=args.latency_jitter_ms,
        pack_delay_min=pack_min,
        pack_delay_max=pack_max,
        error_rate=args.error_rate,
        timeout_rate=args.timeout_rate,
        timeout_seconds=args.timeout_seconds,
        drop_rate=args.drop_rate,
        flow_limit_per_second=args.flow_limit,
        pickup_step_seconds=args.pickup_step,
        pickup_fail_rate=args.pickup_fail_rate,
        token_ttl_seconds=args.token_ttl,
        refresh_ttl_seconds=args.refresh_ttl,
        file_ttl_seconds=args.file_ttl,
        state_file=args.state_file,
        certfile=args.certfile,
        keyfile=args.keyfile,
    )
