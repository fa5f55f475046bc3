"""The per-PO results of a batch as a table model: failed first, then the rest.

A model, not 2,000 table items: after a 500-PO batch the window fills it in one reset and paints
only the rows on screen, so the operator's next scan does not wait behind the results.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from station.outcomes import PoOutcome
from station.ui.column_fit import shared_prefix, without_prefix
from station.ui.operator_text import translate_operator
from station.workflow.jobs import Job, JobResult

Index = QModelIndex | QPersistentModelIndex
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1  # what the platform said, for the detail box
COLUMNS = 4
STORE = 1
WHY = 3
_GREEN, _RED = QColor("#2e7d32"), QColor("#c62828")


def outcome_text(job: Job, outcome: PoOutcome) -> str:
    if outcome.elsewhere:  # done, or being done, by another bench: theirs, not a failure (the why says whose)
        return QCoreApplication.translate("BatchPanel", "Other bench")
    if not outcome.ok:
        return QCoreApplication.translate("BatchPanel", "Failed")
    done = {Job.PACK: outcome.packed, Job.SHIP: outcome.shipped, Job.PRINT: outcome.printed, Job.RUN: outcome.printed}[
        job
    ]
    if done:
        return QCoreApplication.translate("BatchPanel", "Done")
    return QCoreApplication.translate("BatchPanel", "Not done")


def _handled(outcome: PoOutcome) -> bool:
    """Done here, or left to the bench that did or is doing it."""
    return outcome.ok or bool(outcome.elsewhere)


class ResultsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, str]] = []
        self._ok: list[bool] = []
        self._details: list[str] = []
        self._stores: list[str] = []
        self._titles = [
            QCoreApplication.translate("BatchPanel", "PO number"),
            QCoreApplication.translate("BatchPanel", "Store"),
            QCoreApplication.translate("BatchPanel", "Result"),
            QCoreApplication.translate("BatchPanel", "Why"),
        ]
        self._bold = QFont()
        self._bold.setBold(True)
        self._brushes = (QBrush(_RED), QBrush(_GREEN))

    def show(self, result: JobResult | None) -> None:
        self.beginResetModel()
        # Failed first; another bench's POs are not failures.
        outcomes = sorted(result.report.outcomes.values(), key=_handled) if result else []
        job = result.job if result else Job.RUN
        self._rows = [
            (
                o.purchase_order_no,
                o.store_name,
                outcome_text(job, o),
                translate_operator(o.problem if o.problem is not None and o.error else o.error),
            )
            for o in outcomes
        ]
        self._ok = [_handled(o) for o in outcomes]
        self._details = [o.detail for o in outcomes]
        # The part every store's name shares is left out ("…Cebu Store"): the side panel is narrow.
        prefix = shared_prefix([o.store_name for o in outcomes])
        self._stores = [without_prefix(o.store_name, prefix) for o in outcomes]
        self.endResetModel()

    def shown_stores(self) -> set[str]:
        return set(self._stores)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._stores[row] if column == STORE else self._rows[row][column]
        if role == Qt.ItemDataRole.ToolTipRole and column == STORE:
            return self._rows[row][STORE]
        if role == DETAIL_ROLE:
            return self._details[row]
        if column == 2:
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._brushes[self._ok[row]]
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and column == WHY:
            return self._rows[row][WHY] or None
        return None

    def text(self, row: int, column: int) -> str:
        return self._rows[row][column]

    def detail(self, row: int) -> str:
        return self._details[row]
