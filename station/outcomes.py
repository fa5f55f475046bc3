"""Per-PO outcome of a batch: what was done, and why something was not.

A leaf module: the workflow that fills these records and the journal that keeps them both import
it, and it imports neither."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from station.lazada.models import POStatus, PurchaseOrder
from station.problems import Problem, Sentence, problem_of

# The platform refused the pickup date (or wanted one): the problem's ``allowed`` parameter lists the
# dates it allows, so the journal's copy of the problem keeps them for the window and a later run.
PICKUP_DATE_KINDS = frozenset({"po.pickup_date_refused", "po.pickup_date_needed"})
# Done (or being done) by another bench, or by another Station of this bench on this PC: handled, not
# failed. The bench's batch left the PO alone (it writes nothing for it); the problem names who has it.
ELSEWHERE_KINDS = frozenset({"po.done_by_bench", "po.being_done_by_bench", "po.held_here"})
DATE_SEPARATOR = ", "


def pickup_date_problem(date: str, allowed: Iterable[str]) -> Problem:
    """A PO refused for its pickup ``date`` (empty: none was sent), with the dates the platform allows."""
    dates = DATE_SEPARATOR.join(allowed)
    if date:
        return Problem("po.pickup_date_refused", {"date": date, "allowed": dates})
    return Problem("po.pickup_date_needed", {"allowed": dates})


def offered_pickup_dates(outcomes: Iterable[PoOutcome]) -> tuple[str, ...]:
    """One list of dates for POs refused for their pickup date: those every one of them allows (the
    platform answers one range per call), else every date any of them allows, in date order."""
    ranges = [o.allowed_pickup_dates for o in outcomes if o.allowed_pickup_dates]
    if not ranges:
        return ()
    common = tuple(d for d in ranges[0] if all(d in r for r in ranges[1:]))
    return common or tuple(sorted({d for r in ranges for d in r}))


class Step(str, Enum):
    LIST = "list"
    PACK = "pack"
    WAIT = "wait"
    SHIP = "ship"
    PRINT = "print"
    MERGE = "merge"


@dataclass(frozen=True)
class PoNews:
    """What a batch has just learnt or done, as it happens: for a list on screen to show at once
    rather than at its next status read."""

    statuses: Mapping[str, POStatus] = field(default_factory=dict)  # the platform's word, read or answered
    actions: Mapping[str, str] = field(default_factory=dict)  # PO number -> packed / shipped / printed


@dataclass
class PoOutcome:
    purchase_order_no: str
    store_name: str
    store_code: str
    packed: bool = False
    ready: bool = False
    shipped: bool = False
    printed: bool = False
    pickup_no: str = ""
    failed_step: Step | None = None
    error: str = ""  # the sentence for the operator, in English (a Sentence carrying ``problem`` where known)
    detail: str = ""  # what the platform said, for the "details" view and the log
    # What went wrong as data (kind, params), for the window's language; None for a row of an older
    # journal, whose ``error`` is shown as it is. It says what ``error`` says, so equality leaves it out.
    problem: Problem | None = field(default=None, compare=False)

    @property
    def ok(self) -> bool:
        return self.failed_step is None

    @property
    def elsewhere(self) -> str:
        """Who did (or is doing) this PO when another bench or Station has it ("bench-3"); else empty."""
        if self.problem is None or self.problem.kind not in ELSEWHERE_KINDS:
            return ""
        if self.problem.kind == "po.held_here":
            return f"pid {self.problem.params.get('pid', '')}"
        # done_by_bench names the batch too ("bench-3 (batch 17)"): the bench is what counts.
        return str(self.problem.params.get("bench", "")).split(" (batch ", 1)[0]

    @property
    def allowed_pickup_dates(self) -> tuple[str, ...]:
        """The dates the platform allows, when it refused this PO's pickup date; else empty."""
        if self.problem is None or self.problem.kind not in PICKUP_DATE_KINDS:
            return ()
        return tuple(d for d in str(self.problem.params.get("allowed", "")).split(DATE_SEPARATOR) if d)

    @property
    def refused_pickup_date(self) -> str:
        """The pickup date the platform refused for this PO ("" when none was sent or it was not refused)."""
        if self.problem is None or self.problem.kind not in PICKUP_DATE_KINDS:
            return ""
        return str(self.problem.params.get("date", ""))

    def fail(self, step: Step, error: Problem | str, detail: str = "") -> None:
        """Failed at ``step``: ``error`` is the problem (or an error's ``operator_message``, which carries it)."""
        problem = error if isinstance(error, Problem) else problem_of(error)
        self.failed_step = step
        self.error = error if isinstance(error, str) else Sentence(problem)
        self.problem = problem
        self.detail = detail


@dataclass
class BatchReport:
    outcomes: dict[str, PoOutcome] = field(default_factory=dict)
    output_pages: int = 0
    page_sizes_mm: tuple[tuple[float, float], ...] = ()
    cancelled: bool = False
    api_calls: int = 0

    @classmethod
    def for_pos(cls, pos: Iterable[PurchaseOrder]) -> BatchReport:
        report = cls()
        for po in pos:
            report.outcomes[po.purchase_order_no] = PoOutcome(po.purchase_order_no, po.store_name, po.store_code)
        return report

    def active(self) -> list[PoOutcome]:
        return [o for o in self.outcomes.values() if o.ok]

    def failed(self) -> list[PoOutcome]:
        """The POs that went wrong; not those another bench did or is doing (:meth:`elsewhere`)."""
        return [o for o in self.outcomes.values() if not o.ok and not o.elsewhere]

    def elsewhere(self) -> list[PoOutcome]:
        """The POs left to the bench (or Station) that did or is doing them."""
        return [o for o in self.outcomes.values() if o.elsewhere]

    def by_bench(self) -> dict[str, int]:
        """How many of this batch's POs each other bench did or is doing, by bench name."""
        counts: dict[str, int] = {}
        for o in self.elsewhere():
            counts[o.elsewhere] = counts.get(o.elsewhere, 0) + 1
        return counts

    def date_refused(self) -> list[PoOutcome]:
        """The POs the platform refused for their pickup date, each with the dates it allows."""
        return [o for o in self.outcomes.values() if o.allowed_pickup_dates]

    def counts(self) -> dict[str, int]:
        values = list(self.outcomes.values())
        return {
            "total": len(values),
            "packed": sum(o.packed for o in values),
            "shipped": sum(o.shipped for o in values),
            "printed": sum(o.printed for o in values),
            "failed": sum(not o.ok and not o.elsewhere for o in values),
            "elsewhere": sum(bool(o.elsewhere) for o in values),
        }
