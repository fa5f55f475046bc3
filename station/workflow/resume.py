"""Resuming a batch the journal left open: read the platform first, then carry on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from station.journal import BatchLog, JournalBatch, JournalStore
from station.lazada.jit import JitClient
from station.lazada.models import PurchaseOrder
from station.outcomes import PoOutcome, Step
from station.problems import Problem, say


@dataclass
class Resumption:
    batch: JournalBatch
    pos: list[PurchaseOrder]  # as the platform shows them now, in the batch's order
    missing: list[PoOutcome]  # POs the platform no longer lists
    log: BatchLog
    # The POs of each print call answered before the crash: their files may be in the cache.
    fetched: list[list[str]]

    def add_missing(self, outcomes: dict[str, PoOutcome]) -> None:
        for outcome in self.missing:
            outcome.fail(Step.LIST, Problem("po.gone"))
            outcomes[outcome.purchase_order_no] = outcome


def prepare_resume(client: JitClient, journal: JournalStore, batch: JournalBatch) -> Resumption:
    """Read every PO of the open batch before anything is sent, and close the steps a crash left
    open: the fresh statuses say what became of them."""
    found = client.find_pos(batch.purchase_order_nos)
    log = journal.resume_batch(batch.id)
    log.reconciled(step_id for step_id, _, _ in batch.open_steps)
    fetched = [
        list(step["purchase_order_nos"])
        for step in journal.steps(batch.id)
        if step["kind"] == Step.PRINT.value and step["state"] == "done"
    ]
    return Resumption(
        batch=batch,
        pos=[found[no] for no in batch.purchase_order_nos if no in found],
        missing=[o for o in batch.outcomes if o.purchase_order_no not in found],
        log=log,
        fetched=fetched,
    )


def describe(batch: JournalBatch) -> str:
    """What resuming ``batch`` will do, in English (a Sentence the window says in its language)."""
    outcomes = batch.outcomes
    return say(
        "batch.resuming",
        when=f"{datetime.fromtimestamp(batch.started_at):%Y-%m-%d %H:%M}",
        count=len(outcomes),
        packed=sum(o.packed for o in outcomes),
        shipped=sum(o.shipped for o in outcomes),
        printed=sum(o.printed for o in outcomes),
    )
