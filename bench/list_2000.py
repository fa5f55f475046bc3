"""Listing 2,000 To Pack POs (``list_to_pack``: 40 pages of 50) against one call's latency.

    python -m bench.list_2000 [--runs 5] [--latency-ms 150] [--calls-per-second 40] [--workers 8] [--json]

Target: the whole listing in under 1.5 s with 150 ms per call.
"""

from __future__ import annotations

import time
from datetime import timedelta

from bench._common import emit, machine, median, parser
from station.connect import DEFAULT_CALLS_PER_SECOND
from station.demo import connect_demo
from station.lazada import limits
from station.lazada.jit import QUERY_LIST_PATH
from station.lazada.models import POQuery, POStatus
from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from station.workflow.batch import list_to_pack

POS = 2000
TARGET_S = 1.5


def main() -> None:
    p = parser(__doc__.splitlines()[0] if __doc__ else "", runs=5)
    p.add_argument("--latency-ms", type=float, default=150.0)
    p.add_argument(
        "--calls-per-second",
        type=float,
        default=DEFAULT_CALLS_PER_SECOND,
        help="the station's own default unless given",
    )
    p.add_argument("--workers", type=int, default=8)
    args = p.parse_args()
    config = SimulatorConfig(pos=POS, history=0, latency_ms=args.latency_ms, seed=1)
    conn = connect_demo(config, calls_per_second=args.calls_per_second, workers=args.workers)
    assert isinstance(conn.simulator, SimulatorServer)
    try:
        client = conn.client
        end = client.now() + timedelta(minutes=5)  # the window list_to_pack asks for
        one_page = POQuery(created_from=end - timedelta(days=7), created_to=end, status=POStatus.TO_PACK)
        singles, walls, counts, calls = [], [], [], []
        for _ in range(args.runs):
            started = time.perf_counter()
            client.query_po_page(one_page, 1, limits.PO_PAGE_SIZE_MAX)
            singles.append(time.perf_counter() - started)
            before = conn.simulator.stats()["calls"].get(QUERY_LIST_PATH, 0)
            sent = client.transport.calls_sent
            started = time.perf_counter()
            pos = list_to_pack(client)
            walls.append(time.perf_counter() - started)
            counts.append(len(pos))
            calls.append(client.transport.calls_sent - sent)
            assert conn.simulator.stats()["calls"].get(QUERY_LIST_PATH, 0) - before == calls[-1]
    finally:
        conn.close()
    wall, single = median(walls), median(singles)
    payload = {
        "bench": "list_2000",
        "settings": {
            "latency_ms": args.latency_ms,
            "calls_per_second": args.calls_per_second,
            "workers": args.workers,
            "runs": args.runs,
        },
        "median": {
            "wall_s": wall,
            "one_call_s": single,
            "pos": median(counts),
            "calls": median(calls),
            "ratio_to_one_call": wall / single,
        },
        "runs": {"wall_s": walls, "one_call_s": singles},
        "target_s": TARGET_S,
        "target_met": wall < TARGET_S,
        "machine": machine(),
    }
    lines = [
        f"list_2000: {median(counts):.0f} To Pack POs, {median(calls):.0f} calls, {args.runs} runs, latency "
        f"{args.latency_ms:.0f} ms, {args.calls_per_second:g} calls/s, {args.workers} workers",
        f"  wall time   {wall:.3f} s (runs: {', '.join(f'{w:.3f}' for w in walls)})",
        f"  one call    {single:.3f} s (one page of 50)",
        f"  ratio       {wall / single:.1f} x one call",
        f"  target      < {TARGET_S} s: {'met' if wall < TARGET_S else 'MISSED'}",
    ]
    emit(args.json, payload, lines)


if __name__ == "__main__":
    main()
