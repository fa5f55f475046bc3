"""Non-secret preferences (profiles, pickup contact) in QSettings, read through the registry
(:mod:`station.preferences`).

Secrets never come here: they live in the keyring (:mod:`station.credentials`).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from station import preferences as p
from station.lazada.models import PickupContact
from station.preferences import APPLICATION, ORGANISATION, Preferences, open_settings

__all__ = ["APPLICATION", "ORGANISATION", "Settings", "open_settings"]


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.prefs = Preferences(qsettings)
        self.q = self.prefs.q

    @property
    def active_profile(self) -> str:
        return self.prefs.get(p.ACTIVE_PROFILE)

    @active_profile.setter
    def active_profile(self, name: str) -> None:
        self.prefs.set(p.ACTIVE_PROFILE, name)

    def pickup_contact(self, profile: str) -> PickupContact | None:
        area = self.prefs.get(p.PICKUP_AREA_CODE, profile=profile)
        if not area:
            return None
        return PickupContact(
            area_code=area,
            address_id=self.prefs.get(p.PICKUP_ADDRESS_ID, profile=profile),
            address_detail=self.prefs.get(p.PICKUP_ADDRESS_DETAIL, profile=profile),
            mobile_phone=self.prefs.get(p.PICKUP_MOBILE_PHONE, profile=profile),
            name=self.prefs.get(p.PICKUP_NAME, profile=profile),
            estimated_pickup_date=self.prefs.get(p.PICKUP_DATE, profile=profile),
        )

    @property
    def journal_target(self) -> str:
        """The shared journal in force: ``STATION_JOURNAL`` when set, else the one saved in Settings, else ""
        (this bench's own file). The window and station-cli both open this one."""
        return self.prefs.get(p.JOURNAL_URL)

    @property
    def shop_calls_per_second(self) -> float:
        """The call rate every bench of the shop on the journal shares (``STATION_SHOP_CALLS_PER_SECOND``
        when set, else the one saved, else 40: what one bench used before the benches shared it)."""
        return self.prefs.get(p.SHOP_CALLS_PER_SECOND)

    def set_pickup_contact(self, profile: str, contact: PickupContact) -> None:
        self.prefs.set(p.PICKUP_AREA_CODE, contact.area_code, profile=profile)
        self.prefs.set(p.PICKUP_ADDRESS_ID, contact.address_id, profile=profile)
        self.prefs.set(p.PICKUP_ADDRESS_DETAIL, contact.address_detail, profile=profile)
        self.prefs.set(p.PICKUP_MOBILE_PHONE, contact.mobile_phone, profile=profile)
        self.prefs.set(p.PICKUP_NAME, contact.name, profile=profile)
        self.prefs.set(p.PICKUP_DATE, contact.estimated_pickup_date, profile=profile)
        self.prefs.sync()
