"""What pack verification and the bench's cancellation check raise (the station's error family:
each carries its :class:`~station.problems.Problem`, which the window says in its language)."""

from __future__ import annotations

from station.lazada.errors import StationApiError
from station.problems import Problem


class VerifyHeldError(StationApiError):
    """Another bench (or another Station on this PC) is verifying this PO: it is not opened here."""

    kind = "verify.held"

    def __init__(self, no: str, bench: str) -> None:
        self.purchase_order_no = no
        self.bench = bench
        super().__init__(problem=Problem(self.kind, {"no": no, "bench": bench}))


class PoCancelledError(StationApiError):
    """The PO read cancelled right before it was to be packed or printed: nothing was sent for it."""

    kind = "po.cancelled_at_bench"

    def __init__(self, no: str, status: str) -> None:
        self.purchase_order_no = no
        self.status = status
        super().__init__(problem=Problem(self.kind, {"no": no, "status": status}))
