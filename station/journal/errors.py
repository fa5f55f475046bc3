"""What the journal raises: a shared journal out of reach, a batch another process runs, a claim lost."""

from __future__ import annotations

from station.lazada.errors import StationApiError
from station.problems import Problem


class JournalUnreachableError(StationApiError):
    """The shared journal server cannot be reached: nothing more is sent until it is back."""

    kind = "journal.unreachable"
    retryable = True


class BatchHeldError(StationApiError):
    """Another Station process on this PC (the same bench name) is running the open batch: it is
    neither resumed nor touched here."""

    kind = "journal.batch_held"

    def __init__(self, batch_id: int, pid: int) -> None:
        self.batch_id = batch_id
        self.pid = pid
        super().__init__(f"batch {batch_id}", problem=Problem("journal.batch_held_pid", {"pid": pid}))


class ClaimLostError(StationApiError):
    """Another bench took over a PO (or a batch) this bench held: this bench stops sending."""

    kind = "journal.claim_lost"
