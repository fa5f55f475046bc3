"""The verify panel's small dialogs: the operator's sign-in, a short finish's reason, an inner pack."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from station.workflow.verify import InnerPack, ShortReason, Verification

BIG = "font-size: 13pt;"


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    for button in box.buttons():
        button.setMinimumHeight(40)
    return box


class SignInDialog(QDialog):
    """The operator's name, typed (a badge scan signs in without it)."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Operator sign-in"))
        self.name = QLineEdit(current)
        self.name.setStyleSheet(BIG)
        self.name.setMaxLength(60)
        self.buttons = _buttons(self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(current.strip()))
        self.name.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Your name (or scan your badge):")))
        layout.addWidget(self.name)
        layout.addWidget(self.buttons)

    def chosen(self) -> str:
        return " ".join(self.name.text().split())


class ShortDialog(QDialog):
    """Finish a carton with units missing: the reason (a note with "Other"), the missing units listed."""

    def __init__(self, verification: Verification, operator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Finish short"))
        missing = verification.missing()
        lines = [
            self.tr("{sku}: %n unit(s) missing", "", left).format(sku=verification.line(sku).seller_sku or sku)
            for sku, left in missing.items()
        ]
        header = QLabel(
            self.tr("{no}: %n unit(s) not scanned.", "", sum(missing.values())).format(
                no=verification.purchase_order_no
            )
        )
        header.setStyleSheet(BIG + " font-weight: bold;")
        listing = QLabel("\n".join(lines))
        listing.setTextFormat(Qt.TextFormat.PlainText)
        self.reasons = QButtonGroup(self)
        self.out_of_stock = QRadioButton(self.tr("Out of stock"))
        self.damaged = QRadioButton(self.tr("Damaged"))
        self.other = QRadioButton(self.tr("Other"))
        for button, reason in ((self.out_of_stock, 0), (self.damaged, 1), (self.other, 2)):
            button.setStyleSheet(BIG)
            self.reasons.addButton(button, reason)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What happened (needed with Other)"))
        self.note.setMaxLength(200)
        self.who = QLabel(self.tr("Recorded as finished short by {name}.").format(name=operator))
        self.buttons = _buttons(self)
        self.reasons.buttonToggled.connect(lambda _b, _on: self._check())
        self.note.textChanged.connect(lambda _t: self._check())
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(listing)
        layout.addWidget(QLabel(self.tr("Reason:")))
        for button in (self.out_of_stock, self.damaged, self.other):
            layout.addWidget(button)
        layout.addWidget(self.note)
        layout.addWidget(self.who)
        layout.addWidget(self.buttons)
        self._check()

    def reason(self) -> ShortReason | None:
        return {0: ShortReason.OUT_OF_STOCK, 1: ShortReason.DAMAGED, 2: ShortReason.OTHER}.get(self.reasons.checkedId())

    def _check(self) -> None:
        reason = self.reason()
        ok = reason is not None and (reason is not ShortReason.OTHER or bool(self.note.text().strip()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class InnerPackDialog(QDialog):
    """A barcode on a sealed inner pack of one item, and how many units the pack holds."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inner pack"))
        self.barcode = QLineEdit()
        self.units = QLineEdit()
        self.units.setValidator(QIntValidator(2, 9999, self.units))
        self.buttons = _buttons(self)
        self.barcode.textChanged.connect(lambda _t: self._check())
        self.units.textChanged.connect(lambda _t: self._check())
        form = QFormLayout()
        form.addRow(self.tr("Pack barcode:"), self.barcode)
        form.addRow(self.tr("Units in the pack:"), self.units)
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._check()

    def pack(self) -> InnerPack | None:
        text = self.units.text().strip()
        if not self.barcode.text().strip() or not text.isdigit() or int(text) < 2:
            return None
        return InnerPack(self.barcode.text().strip(), int(text))

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.pack() is not None)
