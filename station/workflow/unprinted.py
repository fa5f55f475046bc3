"""Shipped today, labels not printed at this station: found from the platform and the print
history alone, so that it still works when the journal was lost or damaged.

A PO counts as shipped today when the platform shows it shipped (To Put Away or later) and its
last change is from today (the region's local day). Its labels count as made here when the print
history has it in a label file a batch wrote or in a job a printer took, since yesterday (a
batch may run past midnight); with a journal, what its batches printed counts too.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from datetime import time as day_start
from pathlib import Path

from station.journal import JournalStore
from station.lazada.jit import JitClient
from station.lazada.models import POQuery, POStatus, PurchaseOrder
from station.printing.history import PrintHistory

LOOK_BACK_DAYS = 14  # a PO shipped today was created at most this many days ago
SHIPPED = tuple(status for status in POStatus if status.is_shipped)
HEADING = "shipped, labels not printed at this station"


def shipped_today(client: JitClient) -> list[PurchaseOrder]:
    now = client.now()
    start = datetime.combine(now.date(), day_start())
    found: list[PurchaseOrder] = []
    for status in SHIPPED:
        query = POQuery(now - timedelta(days=LOOK_BACK_DAYS), now + timedelta(minutes=5), status=status)
        for po in client.list_pos(query):
            changed = po.modified_at.astimezone(client.tz).replace(tzinfo=None) if po.modified_at else None
            if changed is not None and changed >= start:
                found.append(po)
    return found


def find_unprinted(
    client: JitClient, history_dir: Path, journal: JournalStore | None = None, profile: str = ""
) -> list[PurchaseOrder]:
    """The POs shipped today whose labels this station has no record of making."""
    since = datetime.now() - timedelta(days=1)
    made = PrintHistory(history_dir).pos_with_labels(since.date())
    if journal is not None:
        made.update(
            outcome.purchase_order_no
            for outcome, _, _ in journal.recent_outcomes(profile, since.timestamp())
            if outcome.printed
        )
    return [po for po in shipped_today(client) if po.purchase_order_no not in made]
