"""Merging 1,000 one-page 100x150 label PDFs into one file (``merge_pdfs``): wall time and peak memory.

    python -m bench.merge_1000 [--runs 5] [--files 1000] [--json]

The labels are drawn once with the simulator's PDF generator (``station/printing/pdfgen.py``)
into a temporary folder. Each run merges them in a fresh child process, so its peak RSS
(``ru_maxrss``) belongs to that merge alone; a further child measures the peak of Python
allocations with ``tracemalloc`` (slower, so not timed). Targets: < 2 s and < 200 MB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from bench._common import emit, machine, max_rss_mb, median, parser

TARGET_S = 2.0
TARGET_MB = 200.0


def generate(folder: Path, count: int) -> list[Path]:
    from station.lazada.models import PdfSize
    from station.printing.pdfgen import render_pdf
    from station.printing.print_items import PrintItem, PrintPO

    paths = []
    for index in range(count):
        item = PrintItem(f"SKU-{index:05d}", f"Bench product {index}", f"8{index:012d}", 1)
        po = PrintPO(f"POJ{index:010d}", "Bench Store", "ST01", "Pasig City", (item,))
        path = folder / f"label-{index:04d}.pdf"
        path.write_bytes(render_pdf(PdfSize.LABEL_100X150.value, [po], print_order=False, print_barcode=True))
        paths.append(path)
    return paths


def child(folder: Path, mode: str) -> None:
    """One merge in this (fresh) process; prints a JSON line."""
    from station.printing.merge import merge_pdfs

    sources = sorted(folder.glob("label-*.pdf"))
    output = folder / "merged.pdf"
    baseline = max_rss_mb()
    if mode == "tracemalloc":
        tracemalloc.start()
    started = time.perf_counter()
    summary = merge_pdfs(sources, output)
    wall = time.perf_counter() - started
    result = {
        "wall_s": wall,
        "pages": summary.pages,
        "maxrss_mb": max_rss_mb(),
        "baseline_rss_mb": baseline,
        "output_mb": output.stat().st_size / 1e6,
    }
    if mode == "tracemalloc":
        result["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    print(json.dumps(result))


def run_child(folder: Path, mode: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.merge_1000", "--child", str(folder), "--mode", mode],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    p = parser(__doc__.splitlines()[0] if __doc__ else "", runs=5)
    p.add_argument("--files", type=int, default=1000)
    p.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--mode", default="time", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        child(args.child, args.mode)
        return
    with tempfile.TemporaryDirectory(prefix="bench-merge-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        paths = generate(folder, args.files)
        generated = time.perf_counter() - started
        input_mb = sum(path.stat().st_size for path in paths) / 1e6
        runs = [run_child(folder, "time") for _ in range(args.runs)]
        traced = run_child(folder, "tracemalloc")
    wall = median([r["wall_s"] for r in runs])
    rss = median([r["maxrss_mb"] for r in runs])
    baseline = median([r["baseline_rss_mb"] for r in runs])
    peak = traced["tracemalloc_peak_mb"]
    met = wall < TARGET_S and rss < TARGET_MB
    payload = {
        "bench": "merge_1000",
        "settings": {"files": args.files, "runs": args.runs},
        "median": {
            "wall_s": wall,
            "maxrss_mb": rss,
            "baseline_rss_mb": baseline,
            "tracemalloc_peak_mb": peak,
            "pages": runs[0]["pages"],
            "input_mb": input_mb,
            "output_mb": runs[0]["output_mb"],
            "generate_s": generated,
        },
        "runs": runs,
        "tracemalloc_run": traced,
        "targets": {"wall_s": TARGET_S, "memory_mb": TARGET_MB},
        "target_met": met,
        "machine": machine(),
    }
    walls = ", ".join(f"{r['wall_s']:.3f}" for r in runs)
    lines = [
        f"merge_1000: {args.files} one-page 100x150 PDFs ({input_mb:.1f} MB, drawn in {generated:.1f} s), "
        f"{args.runs} runs, each in a fresh process",
        f"  wall time          {wall:.3f} s (runs: {walls})",
        f"  peak RSS           {rss:.0f} MB (ru_maxrss of the merging process; {baseline:.0f} MB before the merge)",
        f"  tracemalloc peak   {peak:.0f} MB (Python allocations during the merge)",
        f"  output             {runs[0]['pages']} pages, {runs[0]['output_mb']:.1f} MB",
        f"  targets            < {TARGET_S:g} s and < {TARGET_MB:g} MB: {'met' if met else 'MISSED'}",
    ]
    emit(args.json, payload, lines)


if __name__ == "__main__":
    main()
