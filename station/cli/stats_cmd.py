"""``station-cli stats``: the day's pack-verification figures per operator (and hour), from the
journal; a text table or ``--json``."""

from __future__ import annotations

import argparse
import dataclasses
from datetime import date
from typing import Any

from station.cli import session
from station.cli.parsing import add_command
from station.cli.session import emit
from station.journal import open_journal
from station.workflow.stats import NOT_SIGNED_IN, HourFigures, OperatorDay, day_figures

NO_NAME = "(not signed in)"
COLUMNS = (
    ("units", "units"),
    ("pos_completed", "POs done"),
    ("wrong_items", "wrong"),
    ("extra_units", "extra"),
    ("forced", "forced"),
    ("cancelled", "cancelled"),
)


def a_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD (e.g. 2026-11-30)") from None


def add_stats_command(sub: Any) -> None:
    stats = add_command(
        sub,
        "stats",
        "The day's pack-verification figures per operator and hour: units verified, POs completed, "
        "wrong items and extra units caught, forced completions, cancelled POs caught.",
    )
    stats.add_argument("--date", type=a_date, default=None, metavar="YYYY-MM-DD", help="the day (default: today)")
    stats.add_argument("--json", action="store_true", help="machine-readable output")
    stats.add_argument(
        "--journal",
        default=None,
        metavar="FILE|URL",
        help="journal file (default: in the user data folder) or postgresql:// URL (every bench's figures)",
    )


def cmd_stats(args: argparse.Namespace) -> int:
    day: date = args.date or date.today()
    journal = open_journal(session.journal_target(args))
    try:
        days = day_figures(journal, day)
    finally:
        journal.close()
    emit(args, {"date": day.isoformat(), "operators": [_json(d) for d in days]}, table(day, days))
    return 0


def _json(day: OperatorDay) -> dict[str, Any]:
    return {
        "operator": day.operator,
        "total": _figures(day.total),
        "hours": [_figures(h) for h in day.hours if h.active],
    }


def _figures(figures: HourFigures) -> dict[str, int]:
    data = dataclasses.asdict(figures)
    if figures.hour < 0:
        del data["hour"]
    return data


def table(day: date, days: list[OperatorDay]) -> str:
    if not days:
        return f"No verification recorded on {day.isoformat()}."
    widths = [max(len(title), 6) for _, title in COLUMNS]
    header = "  hour  " + "  ".join(title.rjust(w) for (_, title), w in zip(COLUMNS, widths, strict=True))
    lines = [f"Pack verification on {day.isoformat()}"]
    for operator in days:
        lines += ["", operator.operator if operator.operator != NOT_SIGNED_IN else NO_NAME, header]
        rows = [(f"{h.hour:02d}:00", h) for h in operator.hours if h.active] + [("total", operator.total)]
        for label, figures in rows:
            cells = "  ".join(
                str(getattr(figures, name)).rjust(w) for (name, _), w in zip(COLUMNS, widths, strict=True)
            )
            lines.append(f"  {label:<5} " + " " + cells)
    return "\n".join(lines)


HANDLERS = {"stats": cmd_stats}
