"""The day's figures per operator and hour, read from the journal's verification events: units
verified, POs completed, wrong items and extra units caught, forced completions, cancelled POs
caught (at a verifying bench or right before packing or printing).

A PO counts once a day for each way it ended (completed, forced, cancelled), in the hour and for the
operator of the first such event: a PO completed, taken apart and completed again is one PO packed.
Units are net (a unit taken back out of the carton is taken off). Hours are local time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta

from station.journal import VerifyEvent, VerifyEventKind, VerifyRecords

HOURS = 24
NOT_SIGNED_IN = ""  # the operator of events recorded while no one was signed in


@dataclass(frozen=True)
class HourFigures:
    """One hour's figures (``hour`` 0-23, local time; -1 for a whole day's total)."""

    hour: int
    units: int = 0
    pos_completed: int = 0
    wrong_items: int = 0  # scans refused: a barcode of no item of the PO
    extra_units: int = 0  # units refused: more than the line needed
    forced: int = 0
    cancelled: int = 0

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "hour")

    def plus(self, other: HourFigures, hour: int | None = None) -> HourFigures:
        return HourFigures(
            self.hour if hour is None else hour,
            *(getattr(self, f.name) + getattr(other, f.name) for f in fields(self) if f.name != "hour"),
        )


@dataclass(frozen=True)
class OperatorDay:
    operator: str  # '' for events recorded while no one was signed in
    hours: tuple[HourFigures, ...]  # 24, hour 0 to 23
    total: HourFigures  # hour -1


def day_bounds(day: date) -> tuple[float, float]:
    """The day's start and end (epoch seconds) in local time: 23 or 25 hours on a clock change."""
    start = datetime.combine(day, time()).astimezone()
    end = datetime.combine(day + timedelta(days=1), time()).astimezone()
    return start.timestamp(), end.timestamp()


def day_figures(journal: VerifyRecords, day: date) -> list[OperatorDay]:
    """Each operator's figures for ``day`` (local time), operators sorted by name."""
    return figures_of(journal.verify_events(*day_bounds(day)))


_ENDINGS = {
    VerifyEventKind.COMPLETE: "pos_completed",
    VerifyEventKind.FORCED: "forced",
    VerifyEventKind.CANCELLED: "cancelled",
}


def figures_of(events: Iterable[VerifyEvent]) -> list[OperatorDay]:
    """The figures of ``events`` (one day's, in the order they happened) per operator and local hour."""
    counts: dict[str, list[dict[str, int]]] = {}
    ended: set[tuple[VerifyEventKind, str]] = set()
    for event in sorted(events, key=lambda e: e.at):
        hours = counts.setdefault(event.operator, [{} for _ in range(HOURS)])
        slot = hours[datetime.fromtimestamp(event.at).hour]
        if event.kind is VerifyEventKind.UNIT:
            _add(slot, "units", event.units)
        elif event.kind is VerifyEventKind.WRONG_ITEM:
            _add(slot, "wrong_items", 1)
        elif event.kind is VerifyEventKind.TOO_MANY:
            _add(slot, "extra_units", event.units)
        elif (event.kind, event.purchase_order_no) not in ended:
            ended.add((event.kind, event.purchase_order_no))
            _add(slot, _ENDINGS[event.kind], 1)
    days: list[OperatorDay] = []
    for operator in sorted(counts):
        by_hour = tuple(HourFigures(hour, **slot) for hour, slot in enumerate(counts[operator]))
        total = HourFigures(-1)
        for figures in by_hour:
            total = total.plus(figures)
        days.append(OperatorDay(operator, by_hour, total))
    return days


def _add(slot: dict[str, int], name: str, amount: int) -> None:
    slot[name] = slot.get(name, 0) + amount
