"""Country gateways of the Lazada Open Platform."""

from __future__ import annotations

from datetime import timedelta, timezone
from enum import Enum

AUTH_GATEWAY = "https://auth.lazada.com/rest"


class Region(str, Enum):
    MY = "MY"
    PH = "PH"
    SG = "SG"
    TH = "TH"
    VN = "VN"
    ID = "ID"

    @property
    def gateway(self) -> str:
        return GATEWAYS[self]


GATEWAYS: dict[Region, str] = {
    Region.SG: "https://api.lazada.sg/rest",
    Region.MY: "https://api.lazada.com.my/rest",
    Region.VN: "https://api.lazada.vn/rest",
    Region.TH: "https://api.lazada.co.th/rest",
    Region.PH: "https://api.lazada.com.ph/rest",
    Region.ID: "https://api.lazada.co.id/rest",
}


def parse_region(text: str) -> Region:
    try:
        return Region(text.strip().upper())
    except ValueError:
        choices = ", ".join(r.value for r in Region)
        raise ValueError(f"Unknown region {text!r}: choose one of {choices}.") from None


# The JIT query dates are read in the seller country's local time (docs/api-decisions.md).
UTC_OFFSET_HOURS: dict[Region, int] = {
    Region.SG: 8,
    Region.MY: 8,
    Region.PH: 8,
    Region.TH: 7,
    Region.VN: 7,
    Region.ID: 7,
}


def region_timezone(region: Region) -> timezone:
    return timezone(timedelta(hours=UTC_OFFSET_HOURS[region]), region.value)
