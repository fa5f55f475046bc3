"""1,000 100x150 labels rendered, encoded (ZPL and TSPL) and sent to the virtual label printer: labels/s, KB a
label, peak memory.

    python -m bench.bench_raw_labels [--runs 3] [--labels 1000] [--json]

The labels are one PDF drawn with the simulator's generator (a PO label and a product label per PO, as the
platform's files are). The virtual printer runs in its own process (as a real printer is another machine;
it keeps only the last few images); each run is a fresh client process that checks the printer's status,
streams the job page by page (render at 203 dpi, threshold, encode, send) and waits until the printer says
nothing waits, so the time is "on paper", not "sent". Memory: the client's peak RSS for 1,000 labels against
100 (flat means the same), and the peak of Python allocations (``tracemalloc``, a separate run).
Targets: >= 20 labels/s on 2 cores, <= 30 KB of ZPL a label, memory flat.
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

TARGET_LABELS_S = 20.0
TARGET_ZPL_KB = 30.0


def generate(path: Path, labels: int) -> Path:
    """``labels`` pages of 100x150: per PO its PO label and one product label."""
    from station.lazada.models import PdfSize
    from station.printing.pdfgen import render_pdf
    from station.printing.print_items import PrintItem, PrintPO

    pos = [
        PrintPO(
            f"POJ{index:010d}",
            "Bench Store Makati",
            "ST01",
            "Unit 5, 123 Ayala Avenue, Makati City",
            (PrintItem(f"SKU-{index:05d}", f"Bench product {index} cotton tee", f"48{index:011d}", 1),),
        )
        for index in range((labels + 1) // 2)
    ]
    pdf = render_pdf(PdfSize.LABEL_100X150.value, pos, print_order=True, print_barcode=True)
    path.write_bytes(pdf)
    return path


def printer_child() -> None:
    """The virtual printer until stdin closes; prints its port."""
    from station.simulator.label_printer import VirtualLabelPrinter

    with VirtualLabelPrinter(keep=5) as printer:
        print(printer.port, flush=True)
        sys.stdin.read()
        print(json.dumps({"printed": printer.printed, "errors": printer.errors[:3]}), flush=True)


def client_child(pdf: Path, port: int, language: str, mode: str) -> None:
    """One job in this (fresh) process; prints a JSON line."""
    from station.printing.label_settings import LabelPrinterSettings, Language
    from station.printing.raw_socket import RawPrinter, print_pdf

    printer = RawPrinter("bench", "127.0.0.1", port, LabelPrinterSettings(Language(language)))
    baseline = max_rss_mb()
    if mode == "tracemalloc":
        tracemalloc.start()
    started = time.perf_counter()
    result = print_pdf(pdf, printer, confirm_s=60)
    wall = time.perf_counter() - started
    out = {
        "wall_s": wall,
        "labels": result.labels,
        "bytes": result.bytes_sent,
        "maxrss_mb": max_rss_mb(),
        "baseline_rss_mb": baseline,
    }
    if mode == "tracemalloc":
        out["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    print(json.dumps(out))


def run_client(pdf: Path, port: int, language: str, mode: str = "time") -> dict[str, float]:
    command = [sys.executable, "-m", "bench.bench_raw_labels", "--client", str(pdf), "--port", str(port)]
    out = subprocess.run([*command, "--language", language, "--mode", mode], capture_output=True, text=True, check=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    p = parser(__doc__.splitlines()[0] if __doc__ else "", runs=3)
    p.add_argument("--labels", type=int, default=1000)
    p.add_argument("--printer-child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--client", type=Path, default=None, help=argparse.SUPPRESS)
    p.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    p.add_argument("--language", default="zpl", help=argparse.SUPPRESS)
    p.add_argument("--mode", default="time", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.printer_child:
        printer_child()
        return
    if args.client is not None:
        client_child(args.client, args.port, args.language, args.mode)
        return

    with tempfile.TemporaryDirectory(prefix="bench-raw-") as folder:
        pdf = generate(Path(folder) / "labels.pdf", args.labels)
        small = generate(Path(folder) / "labels-100.pdf", 100)
        printer = subprocess.Popen(
            [sys.executable, "-m", "bench.bench_raw_labels", "--printer-child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert printer.stdin is not None and printer.stdout is not None
        port = int(printer.stdout.readline())
        results: dict[str, dict[str, float]] = {}
        try:
            for language in ("zpl", "tspl"):
                runs = [run_client(pdf, port, language) for _ in range(args.runs)]
                hundred = run_client(small, port, language)
                traced = run_client(pdf, port, language, "tracemalloc")
                wall = median([r["wall_s"] for r in runs])
                labels = runs[0]["labels"]
                results[language] = {
                    "labels": labels,
                    "wall_s": wall,
                    "labels_per_s": labels / wall,
                    "kb_per_label": runs[0]["bytes"] / labels / 1024,
                    "maxrss_mb": median([r["maxrss_mb"] for r in runs]),
                    "maxrss_100_labels_mb": hundred["maxrss_mb"],
                    "baseline_rss_mb": runs[0]["baseline_rss_mb"],
                    "tracemalloc_peak_mb": traced["tracemalloc_peak_mb"],
                }
        finally:
            printer.stdin.close()
            summary = json.loads(printer.stdout.readline() or "{}")
            printer.wait(timeout=30)
    expected = 2 * ((args.runs + 1) * args.labels + 100)  # per language: the timed runs, the traced one, 100
    lines = [
        f"{args.labels} labels of 100x150 mm at 203 dpi, {args.runs} runs (medians); printer printed "
        f"{summary.get('printed')} of {expected}, errors {summary.get('errors')}"
    ]
    for language, r in results.items():
        lines.append(
            f"{language.upper()}: {r['labels_per_s']:.1f} labels/s ({r['wall_s']:.1f} s), {r['kb_per_label']:.1f} KB a "
            f"label, peak RSS {r['maxrss_mb']:.0f} MB (100 labels: {r['maxrss_100_labels_mb']:.0f} MB; Python at "
            f"start {r['baseline_rss_mb']:.0f} MB), tracemalloc peak {r['tracemalloc_peak_mb']:.1f} MB"
        )
    zpl = results["zpl"]
    ok = (
        min(r["labels_per_s"] for r in results.values()) >= TARGET_LABELS_S
        and zpl["kb_per_label"] <= TARGET_ZPL_KB
        and summary.get("printed") == expected
    )
    lines.append(
        f"targets (>= {TARGET_LABELS_S:g} labels/s, <= {TARGET_ZPL_KB:g} KB ZPL a label): {'met' if ok else 'NOT met'}"
    )
    emit(args.json, {"machine": machine(), "results": results, "printer": summary, "targets_met": ok}, lines)


if __name__ == "__main__":
    main()
