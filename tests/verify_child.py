"""A Station process verifying a PO, for the kill test: it counts ``count`` units of SKU-A, waits
until the journal has them, says so on stdout, and waits to be killed.

    python -m tests.verify_child TARGET BENCH PO COUNT
"""

from __future__ import annotations

import sys
import threading

from station.journal import open_journal
from station.workflow.verify_desk import VerifyDesk
from tests.verify_fixtures import a_po, items_of


def main(target: str, bench: str, no: str, count: int) -> None:
    desk = VerifyDesk(open_journal(target, bench=bench), operator="kim")
    verification = desk.open(a_po(no), items_of(no))
    for _ in range(count):
        desk.count(verification, "BC-A")
    assert desk.flush(20)
    print(f"counted {verification.scanned['SKU-A']}", flush=True)
    threading.Event().wait()  # until killed


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
