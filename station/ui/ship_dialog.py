"""The pickup contact form (shared with Settings) and the Ship dialog that books the pickup."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station.lazada.errors import RequestValidationError
from station.lazada.limits import AREA_CODES
from station.lazada.models import PickupContact
from station.ui.locale_format import date_format
from station.ui.operator_text import translate_operator


class ContactForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = QComboBox()
        self.area.addItems(AREA_CODES)  # the platform's list (station.lazada.limits)
        self.division = QLineEdit()
        self.division.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.division.setPlaceholderText(self.tr("last-level division id, e.g. 1000123"))
        self.detail = QLineEdit()
        self.detail.setPlaceholderText(self.tr("street, building, city"))
        self.phone = QLineEdit()
        self.name = QLineEdit()
        self.use_date = QCheckBox(self.tr("Pickup date"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(date_format())
        self.date.setEnabled(False)
        self.use_date.toggled.connect(self.date.setEnabled)
        self.area.currentTextChanged.connect(self._area_changed)
        date_row = QHBoxLayout()
        date_row.addWidget(self.use_date)
        date_row.addWidget(self.date, 1)
        form = QFormLayout(self)
        form.addRow(self.tr("Area code"), self.area)
        form.addRow(self.tr("Division id"), self.division)
        form.addRow(self.tr("Address"), self.detail)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Date"), date_row)

    def _area_changed(self, area: str) -> None:
        if area == "CN":  # the platform requires a pickup date for China
            self.use_date.setChecked(True)

    def set_contact(self, contact: PickupContact | None) -> None:
        if contact is None:
            for field in (self.division, self.detail, self.phone, self.name):
                field.clear()
            self.use_date.setChecked(False)
            return
        self.area.setCurrentText(contact.area_code)
        self.division.setText(str(contact.address_id) if contact.address_id else "")
        self.detail.setText(contact.address_detail)
        self.phone.setText(contact.mobile_phone)
        self.name.setText(contact.name)
        if contact.estimated_pickup_date:
            self.use_date.setChecked(True)
            self.date.setDate(QDate.fromString(contact.estimated_pickup_date, "yyyy-MM-dd"))

    def contact(self) -> PickupContact:
        """The contact as typed; raises RequestValidationError with a sentence when incomplete."""
        text = self.division.text().strip()
        contact = PickupContact(
            area_code=self.area.currentText(),
            address_id=int(text) if text.isdigit() else 0,
            address_detail=self.detail.text().strip(),
            mobile_phone=self.phone.text().strip(),
            name=self.name.text().strip(),
            estimated_pickup_date=self.date.date().toString("yyyy-MM-dd") if self.use_date.isChecked() else "",
        )
        contact.validate()
        return contact

    def is_blank(self) -> bool:
        return not any(w.text().strip() for w in (self.division, self.detail, self.phone, self.name))


class ShipDialog(QDialog):
    """Book the pickup of the chosen POs: the contact comes from Settings and may be edited here."""

    def __init__(self, contact: PickupContact | None, count: int, groups: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ship: book the pickup"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "Book the pickup of %n PO(s) ({groups}, one pickup each). POs not packed yet are skipped and reported.",
                "",
                count,
            ).format(groups=self.tr("%n store/warehouse group(s)", "", groups))
        )
        intro.setWordWrap(True)
        self.form = ContactForm()
        self.form.set_contact(contact)
        self.save_default = QCheckBox(self.tr("Save as the default pickup contact"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Book pickup"))
        ok.setMinimumHeight(36)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.save_default)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.result_contact: PickupContact | None = None

    def _accept(self) -> None:
        try:
            self.result_contact = self.form.contact()
        except RequestValidationError as exc:
            self.error.setText(translate_operator(exc.operator_message))
            self.error.show()
            return
        self.accept()
