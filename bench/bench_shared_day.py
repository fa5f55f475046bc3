"""Several benches on one day: 1, 4, 8 and 16 ``station-cli run`` processes (distinct ``STATION_BENCH``
names) on one simulator day of 1,000 POs, against one PostgreSQL journal.

    python -m bench.bench_shared_day [--trials 3] [--benches 1,4,8,16] [--pos 1000] [--pack-delay 5-10]
        [--latency-ms 0] [--journal postgresql://...] [--json]

Each trial has a fresh simulator (its own process) and a fresh journal database. Reports per bench
count (medians of the wall time over the trials, the worst of the rest): the wall time from the first
bench started to the last one ended; the POs each bench printed (from the journal: min–max over the
benches); the benches' exit codes; the duplicates: POs the simulator accepted a pack of more than once,
POs with more than one ship attempt, POs whose labels are in two benches' PDFs (each PO's sheet, printed
before its labels, names it: read from the PDFs); the
POs of the day in no PDF; and the journal's statement times on the server (``pg_stat_statements``):
the claims' statements, the batches' writes (batches, batch_pos, steps) and the call budget's beats.

Without ``--journal`` a throwaway PostgreSQL server is started (Debian's ``postgresql`` package, as
the tests' ``tests/journal_pg/pg.py``), with ``pg_stat_statements`` loaded; with ``--journal`` the
server given must load it too for the latencies (else they are left out).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import psycopg
from pypdf import PdfReader

from bench._common import emit, machine, median
from bench.day_500 import ExternalSimulator
from station.simulator.cli_args import parse_pack_delay
from station.simulator.config import SimulatorConfig
from tests.journal_pg.pg import PgServer, pg_bindir

ROOT = Path(__file__).resolve().parents[1]
PO_NUMBER = re.compile(r"POJ\d+")

# The journal's statements, by the table they work on (pg_stat_statements' normalised text).
STATEMENT_KINDS = {
    "claims": ("claims",),
    "batch writes": ("batch_pos", "steps", "batches"),
    "budget": ("budget_benches", "shop_bans"),
}


class StatsServer(PgServer):
    """The tests' throwaway server, with ``pg_stat_statements`` loaded and room for many benches."""

    settings = PgServer.settings + " -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all"


def new_journal(base_url: str, name: str) -> str:
    """A fresh database on the server of ``base_url``; its URL."""
    with psycopg.connect(base_url, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')
    url = base_url.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(url, autocommit=True) as db:
        try:
            db.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
            db.execute("SELECT pg_stat_statements_reset()")
        except psycopg.Error:
            pass  # not loaded on that server: no latencies
    return url


def statement_times(url: str) -> dict[str, dict[str, float]]:
    """Calls, mean and max milliseconds of the journal's statements in this database, by kind."""
    try:
        with psycopg.connect(url) as db:
            rows = db.execute(
                "SELECT query, calls, total_exec_time, max_exec_time FROM pg_stat_statements"
                " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
            ).fetchall()
    except psycopg.Error:
        return {}
    times: dict[str, dict[str, float]] = {}
    for kind, tables in STATEMENT_KINDS.items():
        mine = [r for r in rows if any(re.search(rf"\b{t}\b", r[0]) for t in tables) and "meta" not in r[0]]
        if kind != "claims":  # a statement joining claims counts as a claim's
            mine = [r for r in mine if not re.search(r"\bclaims\b", r[0])]
        calls = sum(int(r[1]) for r in mine)
        total = sum(float(r[2]) for r in mine)
        times[kind] = {
            "calls": calls,
            "mean_ms": total / calls if calls else 0.0,
            "max_ms": max((float(r[3]) for r in mine), default=0.0),
        }
    return times


def printed_per_bench(url: str, benches: Sequence[str]) -> dict[str, int]:
    with psycopg.connect(url) as db:
        rows = db.execute(
            "SELECT b.bench, COUNT(DISTINCT p.purchase_order_no) FROM batch_pos p JOIN batches b ON b.id = p.batch_id"
            " WHERE p.printed = 1 GROUP BY b.bench"
        ).fetchall()
    counts = {str(bench): int(n) for bench, n in rows}
    return {bench: counts.get(bench, 0) for bench in benches}


def pos_in_pdf(path: Path) -> set[str]:
    if not path.exists() or path.stat().st_size == 0:
        return set()
    return {no for page in PdfReader(path).pages for no in PO_NUMBER.findall(page.extract_text() or "")}


def one_trial(args: Any, benches: int, trial: int, base_url: str, workdir: Path) -> dict[str, Any]:
    low, high = args.pack_delay
    config = SimulatorConfig(
        pos=args.pos, history=0, latency_ms=args.latency_ms, pack_delay_min=low, pack_delay_max=high, seed=trial
    )
    folder = workdir / f"b{benches}-t{trial}"
    folder.mkdir()
    journal = new_journal(base_url, f"shared_day_b{benches}_t{trial}")
    simulator = ExternalSimulator(config, folder)
    names = [f"bench-{n}" for n in range(1, benches + 1)]
    day: set[str] = set()
    try:
        processes = []
        started = time.perf_counter()
        for name in names:
            env = {**os.environ, "STATION_BENCH": name, "PYTHONPATH": str(ROOT)}
            command = [
                sys.executable,
                "-m",
                "station.cli.main",
                "run",
                "--simulator-url",
                simulator.url,
                "--journal",
                journal,
                "--json",
                "--order",  # the PO sheet before its labels: it names the PO, so the PDFs can be checked
                "-o",
                str(folder / f"{name}.pdf"),
                "--first-poll-after",
                str(args.first_poll_after),
                "--poll-interval",
                str(args.poll_interval),
            ]
            with (folder / f"{name}.out").open("w") as out, (folder / f"{name}.err").open("w") as err:
                processes.append(subprocess.Popen(command, stdout=out, stderr=err, cwd=ROOT, env=env))
        exits = [process.wait(timeout=args.timeout) for process in processes]
        wall = time.perf_counter() - started
        stats = simulator.stats()
    finally:
        day = set(simulator.stop())  # every PO of the day (no history: all were To Pack)
    per_po = stats["purchase_orders"]
    in_pdfs: Counter[str] = Counter()
    for name in names:
        in_pdfs.update(pos_in_pdf(folder / f"{name}.pdf"))
    printed = printed_per_bench(journal, names)
    crashed = [name for name, code in zip(names, exits, strict=True) if code not in (0, 1)]
    return {
        "benches": benches,
        "trial": trial,
        "wall_s": wall,
        "printed_min": min(printed.values()),
        "printed_max": max(printed.values()),
        "printed": printed,
        "exits": dict(Counter(str(code) for code in exits)),
        "crashed": crashed,
        "dup_packs": sum(1 for c in per_po.values() if c.get("pack_accepted", 0) > 1),
        "dup_ship_attempts": sum(1 for c in per_po.values() if c.get("ship_attempts", 0) > 1),
        "dup_pdfs": sum(1 for n in in_pdfs.values() if n > 1),
        "in_no_pdf": len(day - set(in_pdfs)),
        "flow_limited": int(stats["faults"].get("flow_limited", 0)),
        "api_calls": int(stats["total_calls"]),
        "statements": statement_times(journal),
    }


def summary(trials: list[dict[str, Any]]) -> dict[str, Any]:
    """One row of the table: the median wall time, the worst of everything else."""
    statements: dict[str, dict[str, float]] = {}
    for kind in STATEMENT_KINDS:
        seen = [t["statements"][kind] for t in trials if kind in t["statements"]]
        if seen:
            calls = sum(s["calls"] for s in seen)
            statements[kind] = {
                "calls": calls / len(seen),
                "mean_ms": sum(s["mean_ms"] * s["calls"] for s in seen) / calls if calls else 0.0,
                "max_ms": max(s["max_ms"] for s in seen),
            }
    exits: Counter[str] = Counter()
    for t in trials:
        exits.update(t["exits"])
    return {
        "benches": trials[0]["benches"],
        "wall_s": median([t["wall_s"] for t in trials]),
        "walls": [t["wall_s"] for t in trials],
        "printed_min": min(t["printed_min"] for t in trials),
        "printed_max": max(t["printed_max"] for t in trials),
        "exits": dict(exits),
        "dup_packs": max(t["dup_packs"] for t in trials),
        "dup_ship_attempts": max(t["dup_ship_attempts"] for t in trials),
        "dup_pdfs": max(t["dup_pdfs"] for t in trials),
        "in_no_pdf": max(t["in_no_pdf"] for t in trials),
        "flow_limited": max(t["flow_limited"] for t in trials),
        "statements": statements,
    }


def _ms(statements: dict[str, dict[str, float]], kind: str) -> str:
    s = statements.get(kind)
    if not s or not s["calls"]:
        return "–"
    return f"{s['mean_ms']:.2f} / {s['max_ms']:.0f} ({s['calls']:.0f})"


def table(rows: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| Benches | Wall time (s) | POs printed per bench (min–max) | Exit codes | Duplicate packs | "
        "Duplicate ship attempts | POs in two PDFs | POs in no PDF | Flow-limited calls | "
        "Claim statements: mean / max ms (calls) | Batch writes: mean / max ms (calls) | "
        "Budget beats: mean / max ms (calls) |",
        "|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        exits = ", ".join(f"{code}×{n}" for code, n in sorted(r["exits"].items()))
        lines.append(
            f"| {r['benches']} | {r['wall_s']:.1f} ({', '.join(f'{w:.1f}' for w in r['walls'])}) | "
            f"{r['printed_min']}–{r['printed_max']} | {exits} | {r['dup_packs']} | {r['dup_ship_attempts']} | "
            f"{r['dup_pdfs']} | {r['in_no_pdf']} | {r['flow_limited']} | {_ms(r['statements'], 'claims')} | "
            f"{_ms(r['statements'], 'batch writes')} | {_ms(r['statements'], 'budget')} |"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    import argparse

    p = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    p.add_argument("--trials", type=int, default=3, help="trials per bench count (default 3)")
    p.add_argument("--benches", default="1,4,8,16", help="bench counts, comma-separated (default 1,4,8,16)")
    p.add_argument("--pos", type=int, default=1000, help="To Pack POs of the day (default 1000)")
    p.add_argument("--pack-delay", type=parse_pack_delay, default=(5.0, 10.0), help="MIN-MAX seconds (5-10)")
    p.add_argument("--latency-ms", type=float, default=0.0)
    p.add_argument("--first-poll-after", type=float, default=4.0)
    p.add_argument("--poll-interval", type=float, default=1.5)
    p.add_argument("--timeout", type=float, default=900.0, help="seconds a bench may take before the trial fails")
    p.add_argument("--journal", help="a postgresql:// URL of a server to make the journals on (default: a throwaway)")
    p.add_argument("--keep", type=Path, help="keep each trial's PDFs and the benches' output in this folder")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    args = p.parse_args(argv)
    counts = [int(n) for n in args.benches.split(",") if n.strip()]
    server = None
    if args.journal:
        base_url = args.journal
    else:
        bindir = pg_bindir()
        if bindir is None:
            sys.exit("PostgreSQL is not installed (apt-get install postgresql), and no --journal was given.")
        server = StatsServer(bindir)
        base_url = server.url()
    rows: list[dict[str, Any]] = []
    trials: list[dict[str, Any]] = []
    try:
        with tempfile.TemporaryDirectory(prefix="bench-shared-day-") as tmp:
            workdir = Path(args.keep or tmp)
            workdir.mkdir(parents=True, exist_ok=True)
            for benches in counts:
                mine = [one_trial(args, benches, t, base_url, workdir) for t in range(1, args.trials + 1)]
                trials += mine
                rows.append(summary(mine))
                print(f"# {benches} benches done: {rows[-1]['walls']} s", file=sys.stderr, flush=True)
    finally:
        if server is not None:
            server.destroy()
    settings = {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items() if k != "journal"}
    payload = {"machine": machine(), "settings": settings, "rows": rows}
    payload["trials"] = trials
    lines = [
        f"bench_shared_day: {args.pos} POs, {args.trials} trial(s) per row, pack delay "
        f"{args.pack_delay[0]:g}-{args.pack_delay[1]:g} s, latency {args.latency_ms:g} ms, "
        f"{os.cpu_count()} cores",
        *table(rows),
        "",
        "Wall time: median (the trials). Everything else: the worst trial. Statement times are the "
        "server's execution times (pg_stat_statements), not the round trip.",
    ]
    emit(args.json, payload, lines)


if __name__ == "__main__":
    main()
