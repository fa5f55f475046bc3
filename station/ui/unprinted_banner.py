"""A bar above the PO list when POs shipped today have no labels printed at this station (for
example after a damaged journal was set aside): one button selects them and starts a Print batch.

It is found from the platform and the print history (:mod:`station.workflow.unprinted`), once when
the window opens, never from the journal alone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from station.lazada.jit import JitClient
from station.lazada.models import PurchaseOrder
from station.ui.worker import TaskRunner
from station.workflow.jobs import JournalRef
from station.workflow.unprinted import find_unprinted

log = logging.getLogger(__name__)


class UnprintedBanner(QFrame):
    print_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("UnprintedBanner")
        self.setStyleSheet(
            "QFrame#UnprintedBanner { background: #fff3cd; border: 1px solid #d39e00;"
            " border-radius: 6px; } QLabel { font-size: 12pt; }"
        )
        self.notice = QLabel()  # the journal set aside, when it was
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Print them"))
        self.button.clicked.connect(self.print_requested)
        row = QHBoxLayout()
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(row)
        self.unprinted: list[PurchaseOrder] = []
        self.hide()

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()
        self.show()

    def show_pos(self, pos: list[PurchaseOrder]) -> None:
        self.unprinted = list(pos)
        self.label.setText(
            self.tr("Shipped, no labels printed here: %n PO(s)", "", len(pos))
            if pos
            else self.tr("No PO shipped today is without labels printed here.")
        )
        self.button.setVisible(bool(pos))
        self.setVisible(bool(pos) or not self.notice.isHidden())


def watch_unprinted(
    banner: UnprintedBanner,
    runner: TaskRunner,
    client: JitClient,
    history: Path,
    journal: JournalRef | None,
    start_print: Callable[[list[PurchaseOrder]], bool],
) -> None:
    """Say why the journal was set aside (if it was), look for such POs now, and let the button
    start a Print batch of them (``start_print`` says whether it started)."""
    set_aside = getattr(journal.journal, "set_aside", None) if journal is not None else None
    if set_aside is not None:
        banner.show_notice(set_aside.message().replace(" below.", ": the list below."))

    def print_them() -> None:
        if start_print(banner.unprinted):
            banner.show_pos([])

    banner.print_requested.connect(print_them)
    runner.run(
        lambda: find_unprinted(
            client, history, journal.journal if journal else None, journal.profile if journal else ""
        ),
        banner.show_pos,
        lambda exc: log.warning("shipped POs without labels not read: %s", exc),
    )
