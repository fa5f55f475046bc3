"""``station-cli`` printing: ``--printer QUEUE`` on ``print``/``run``, ``printers``, ``print-history``.

Everything goes through :class:`station.printing.spooler.PrintService`, with the same history as the
window (``<user data>/prints/print-history.sqlite3``) so the operator sees every job in both.
"""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from station.cli import session
from station.cli.parsing import Choice, add_command
from station.cli.text import plural, printable
from station.journal import JournalStore, open_journal
from station.lazada.models import PdfSize
from station.lazada.pickups import PickupLabelSize
from station.printing.history import JobStatus, PrintJobRecord
from station.printing.spooler import (
    BACKENDS,
    PrinterSettings,
    PrintService,
    default_history_folder,
    list_printers,
)
from station.workflow.print_journal import PrintJournal

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--print-backend",
        action=Choice,
        options=BACKENDS,
        default=None,
        help="how to print: auto (CUPS on Linux/macOS, Qt on Windows), cups or qt (default: the saved setting)",
    )
    parser.add_argument("--history-dir", default=None, help=argparse.SUPPRESS)


def add_printer_option(parser: argparse.ArgumentParser) -> None:
    """``--printer QUEUE`` (and ``--print-backend``) for ``print`` and ``run``."""
    group = parser.add_argument_group("printer")
    group.add_argument(
        "--printer",
        metavar="QUEUE",
        default=None,
        help="after writing the merged PDF, print it on this printer (see 'printers')",
    )
    group.add_argument(
        "--print-backend",
        action=Choice,
        options=BACKENDS,
        default=None,
        help="auto (CUPS on Linux/macOS, Qt on Windows), cups or qt (default: the saved setting)",
    )
    group.add_argument("--history-dir", default=None, help=argparse.SUPPRESS)


def add_printing_commands(sub: Any) -> None:
    """The ``printers`` and ``print-history`` subcommands (``sub``: the parser's ``add_subparsers()``)."""
    printers = add_command(sub, "printers", "List the printers (CUPS queues) with their state.")
    printers.add_argument("--json", action="store_true", help="machine-readable output")
    _common(printers)
    history = add_command(sub, "print-history", "The day's print jobs; retry a failed one or reprint one.")
    history.add_argument("--day", default=None, metavar="YYYY-MM-DD", help="the day to list (default today)")
    action = history.add_mutually_exclusive_group()
    action.add_argument("--retry", type=int, metavar="ID", help="send failed job ID again")
    action.add_argument("--retry-failed", action="store_true", help="send every failed job of the day again")
    action.add_argument("--reprint", type=int, metavar="ID", help="print job ID again (a new job, same file)")
    history.add_argument(
        "--printer",
        metavar="QUEUE",
        default=None,
        help="with --retry/--reprint: use this printer instead of the one set for the size",
    )
    history.add_argument("--json", action="store_true", help="machine-readable output")
    _common(history)


class _Settings:
    """The saved settings, with the backend overridden by ``--print-backend``."""

    def __init__(self, backend: str | None) -> None:
        self.saved = PrinterSettings()
        self.override = backend

    def printer(self, size: PdfSize) -> str:
        return self.saved.printer(size)

    def carton_printer(self, size: PickupLabelSize) -> str:
        return self.saved.carton_printer(size)

    @property
    def backend(self) -> str:
        return self.override or self.saved.backend


def history_folder(args: argparse.Namespace) -> Path:
    return Path(args.history_dir) if getattr(args, "history_dir", None) else default_history_folder()


def saved_settings(args: argparse.Namespace) -> _Settings:
    return _Settings(getattr(args, "print_backend", None))


def service(args: argparse.Namespace, settings: _Settings | None = None) -> PrintService:
    return PrintService(history_folder(args), settings or saved_settings(args))


@contextmanager
def journaled(spool: PrintService, open_journal: Callable[[], JournalStore]) -> Iterator[PrintService]:
    """``spool`` with each job's end state written to the journal too, as the window's are (a
    ``print_job`` step). The journal is opened for the print and closed after it; one that cannot be
    opened costs the print nothing (the print history still has every job)."""
    try:
        journal = open_journal()
    except Exception as exc:
        log.warning("print jobs not journaled (the journal did not open): %s", exc)
        yield spool
        return
    spool.on_state = PrintJournal(journal)
    try:
        yield spool
    finally:
        spool.on_state = None
        journal.close()


def job_json(job: PrintJobRecord) -> dict[str, Any]:
    return {
        "id": job.id,
        "created_at": job.created_at.isoformat(),
        "updated_at": job.updated_at.isoformat(),
        "file": str(job.file_path),
        "pos": list(job.po_numbers),
        "size": job.size,
        "pages": job.pages,
        "printer": job.printer,
        "backend": job.backend,
        "spool_id": job.spool_id,
        "status": job.status.value,
        "error": job.error,
    }


def job_line(job: PrintJobRecord) -> str:
    pos = ", ".join(job.po_numbers[:3]) + (f" +{len(job.po_numbers) - 3}" if len(job.po_numbers) > 3 else "")
    line = (
        f"#{job.id:<4} {job.created_at:%H:%M:%S}  {job.size:<7} {job.pages if job.pages is not None else '?':>4} p"
        f"  {job.printer or '(no printer)'}  {job.status.value.upper()}  {pos}  {job.file_path.name}"
    )
    said = job.error and job.status in (JobStatus.FAILED, JobStatus.WAITING)
    return f"{line}\n      {job.error}" if said else line


def _out(args: argparse.Namespace, payload: Any, text: str) -> None:
    print(json.dumps(payload, indent=2) if getattr(args, "json", False) else printable(text), flush=True)


def send_output(args: argparse.Namespace, output: Path, size: PdfSize | None, po_numbers: Sequence[str]) -> int:
    """After ``print``/``run`` wrote ``output``: print it on ``--printer`` if given; the exit code.

    Prints one line per job (on stderr with ``--json``, so stdout stays one JSON document).
    """
    queue = getattr(args, "printer", None)
    if not queue or not Path(output).is_file():
        return EXIT_OK
    import sys

    with journaled(service(args), lambda: session.batch_journal(args)[0]) as spool:
        records = spool.print_jobs(Path(output), size, po_numbers, queue)
    stream = sys.stderr if getattr(args, "json", False) else sys.stdout
    for job in records:
        if job.status is JobStatus.FAILED:
            print(
                f"Not printed (job #{job.id}, retry with 'station-cli print-history --retry {job.id}'): {job.error}",
                file=stream,
                flush=True,
            )
        else:
            pages = plural(job.pages, "page") if job.pages is not None else "the PDF"
            said = f" {job.error}" if job.status is JobStatus.WAITING else ""  # it prints once the printer can
            print(f"Sent {pages} to {job.printer} (job #{job.id}, {job.status.value}).{said}", file=stream, flush=True)
    return EXIT_FAILED if any(j.status is JobStatus.FAILED for j in records) else EXIT_OK


def cmd_printers(args: argparse.Namespace) -> int:
    found = list_printers(args.print_backend or PrinterSettings().backend)
    saved = PrinterSettings()
    chosen = {size.value: saved.printer(size) for size in PdfSize}
    lines = [f"{'*' if p.is_default else ' '} {p.name:<32} {p.state}" for p in found] or ["No printers found."]
    lines += [f"Printer for {size}: {name or '(none)'}" for size, name in chosen.items()]
    _out(
        args,
        {
            "printers": [{"name": p.name, "ready": p.ready, "state": p.state, "default": p.is_default} for p in found],
            "chosen": chosen,
        },
        "\n".join(lines),
    )
    return EXIT_OK


def cmd_print_history(args: argparse.Namespace) -> int:
    with journaled(service(args), lambda: open_journal(session.journal_target(args))) as spool:
        return _print_history(args, spool)


def _print_history(args: argparse.Namespace, spool: PrintService) -> int:
    try:
        day = date.fromisoformat(args.day) if args.day else date.today()
    except ValueError:
        raise ValueError(f"--day must be YYYY-MM-DD, not {args.day!r}") from None
    done: list[PrintJobRecord] = []
    try:
        if args.retry is not None:
            done = [spool.retry(args.retry, args.printer)]
        elif args.reprint is not None:
            done = [spool.reprint(args.reprint, args.printer)]
        elif args.retry_failed:
            done = spool.retry_failed(day)
    except KeyError:
        raise ValueError(f"no print job {args.retry if args.retry is not None else args.reprint}") from None
    jobs = spool.refresh() if day == date.today() else spool.jobs_on(day)
    if args.json:
        _out(
            args, {"day": day.isoformat(), "done": [job_json(j) for j in done], "jobs": [job_json(j) for j in jobs]}, ""
        )
    else:
        lines = [job_line(j) for j in jobs] or [f"No print jobs on {day.isoformat()}."]
        if done:
            lines += ["", *(f"Job #{j.id}: {j.status.value}{': ' + j.error if j.error else ''}" for j in done)]
        print("\n".join(lines), flush=True)
    return EXIT_FAILED if any(j.status is JobStatus.FAILED for j in done) else EXIT_OK


HANDLERS = {"printers": cmd_printers, "print-history": cmd_print_history}
