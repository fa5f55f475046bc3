"""What the journal keeps of a shop's call budget (:class:`BudgetRecords`): each running station's
heartbeat, with the shop's total call rate as that station has it set, and the flow-limit ban one of
them was given. The benches alive split the total; every bench obeys a ban until it ends.

The shop is the profile batches are filed under (what resuming matches on too). The clock is the
journal's (the server's, for a shared journal), so benches whose clocks differ agree on when a ban ends.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass


@dataclass(frozen=True)
class BudgetBeat:
    """The shop's budget as one heartbeat read it."""

    benches: int  # stations of the shop whose heartbeat has not expired, this one included
    total: float  # the shop's calls per second: the lowest any of them has set
    ban_left: float  # seconds the shop's flow-limit ban still lasts (0: none)
    banned_by: str  # the bench that was given the ban ('' when there is none)

    @property
    def share(self) -> float:
        """This station's calls per second."""
        return self.total / max(1, self.benches)


class BudgetRecords(ABC):
    @abstractmethod
    def budget_beat(self, shop: str, total: float, ttl: float, ban_seconds: float = 0.0) -> BudgetBeat:
        """This station's heartbeat for ``shop`` (alive for ``ttl`` seconds, with the ``total`` it has
        set), the ban it was just given (``ban_seconds`` > 0) written for every bench, and the budget as
        it now stands."""

    @abstractmethod
    def budget_leave(self, shop: str) -> None:
        """This station stops calling for ``shop``: its share goes back to the others at their next beat."""
