"""Non-secret preferences (region, app key, pickup contact, printers) in QSettings.

Secrets never come here: they live in the keyring (:mod:`station.credentials`).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from station.lazada.models import PickupContact

ORGANISATION = "Station"
APPLICATION = "Station"


def open_settings() -> QSettings:
    # INI everywhere, so that the settings are a file an admin can read, on every system alike.
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or open_settings()

    @property
    def active_profile(self) -> str:
        return str(self.q.value("profiles/active", "default"))

    @active_profile.setter
    def active_profile(self, name: str) -> None:
        self.q.setValue("profiles/active", name)

    def pickup_contact(self, profile: str) -> PickupContact | None:
        prefix = f"profile.{profile}/pickup_"
        area = str(self.q.value(prefix + "area_code", ""))
        if not area:
            return None
        return PickupContact(
            area_code=area,
            address_id=int(str(self.q.value(prefix + "address_id", "0")) or 0),
            address_detail=str(self.q.value(prefix + "address_detail", "")),
            mobile_phone=str(self.q.value(prefix + "mobile_phone", "")),
            name=str(self.q.value(prefix + "name", "")),
            estimated_pickup_date=str(self.q.value(prefix + "estimated_pickup_date", "")),
        )

    def set_pickup_contact(self, profile: str, contact: PickupContact) -> None:
        prefix = f"profile.{profile}/pickup_"
        self.q.setValue(prefix + "area_code", contact.area_code)
        self.q.setValue(prefix + "address_id", str(contact.address_id))
        self.q.setValue(prefix + "address_detail", contact.address_detail)
        self.q.setValue(prefix + "mobile_phone", contact.mobile_phone)
        self.q.setValue(prefix + "name", contact.name)
        self.q.setValue(prefix + "estimated_pickup_date", contact.estimated_pickup_date)
        self.q.sync()
