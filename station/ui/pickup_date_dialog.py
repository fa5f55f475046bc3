"""The platform refused the pickup date of some POs: the dates it allows, one of them chosen (the
first, ready for Enter), and the POs shipped again with it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from station.ui.locale_format import ISO_DATE, date_format


def date_label(iso: str, locale: QLocale | None = None) -> str:
    """``2026-11-30`` as the operator reads it, with its weekday: "30/11/2026 (Monday)"."""
    locale = locale or QLocale()
    day = QDate.fromString(iso, ISO_DATE)
    if not day.isValid():
        return iso
    return f"{locale.toString(day, date_format(locale))} ({locale.dayName(day.dayOfWeek())})"


class PickupDateDialog(QDialog):
    """Offer the allowed dates for the POs refused for their pickup date; accepted: :meth:`chosen`."""

    def __init__(self, refused: str, dates: Sequence[str], count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose another pickup date"))
        self.setMinimumWidth(460)
        if refused:
            text = self.tr(
                "The platform does not take pickups on {date} for %n PO(s). Choose one of the dates it "
                "allows and ship them again.",
                "",
                count,
            ).format(date=date_label(refused))
        else:
            text = self.tr(
                "The platform needs a pickup date for %n PO(s). Choose one of the dates it allows and ship them again.",
                "",
                count,
            )
        self.intro = QLabel(text)
        self.intro.setWordWrap(True)
        self.dates = QListWidget()
        for iso in dates:
            item = QListWidgetItem(date_label(iso))
            item.setData(Qt.ItemDataRole.UserRole, iso)
            self.dates.addItem(item)
        self.dates.setCurrentRow(0)
        if dates:  # every date in sight, no scrolling and no empty space (a week at most, as platforms allow)
            self.dates.setFixedHeight(self.dates.sizeHintForRow(0) * len(dates) + 2 * self.dates.frameWidth() + 4)
        # Enter reaches the default button (the list passes it on); a double click chooses too.
        self.dates.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ship_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ship_button.setText(self.tr("Ship again"))
        self.ship_button.setMinimumHeight(36)
        self.ship_button.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Not now"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.dates)
        layout.addWidget(buttons)
        self.dates.setFocus()

    def chosen(self) -> str:
        """The date chosen, yyyy-MM-dd ("" when none is)."""
        item = self.dates.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""
