"""What the journal raises: a shared journal out of reach, a batch another process runs, a claim lost."""

from __future__ import annotations

from station.lazada.errors import StationApiError


class JournalUnreachableError(StationApiError):
    """The shared journal server cannot be reached: nothing more is sent until it is back."""

    operator_message = "The shared journal is unreachable; the batch stopped and will resume when it is back."
    retryable = True


class BatchHeldError(StationApiError):
    """Another Station process on this PC (the same bench name) is running the open batch: it is
    neither resumed nor touched here."""

    operator_message = ("Another Station on this PC is running this batch; wait for it to finish or close it, "
                        "then start again.")

    def __init__(self, batch_id: int, pid: int) -> None:
        self.batch_id = batch_id
        self.pid = pid
        super().__init__(f"batch {batch_id}", operator_message=(
            f"Another Station on this PC is running this batch (pid {pid}); wait for it to finish or close it, "
            "then start again."))


class ClaimLostError(StationApiError):
    """Another bench took over a PO (or a batch) this bench held: this bench stops sending."""

    operator_message = ("Another bench took over POs this bench was working on (its claim had expired); "
                        "the batch stopped without sending anything more for them.")
