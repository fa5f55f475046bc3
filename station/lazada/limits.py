"""The documented limits of the JIT endpoints, checked before anything is sent."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from typing import TypeVar

from station.lazada.errors import RequestValidationError
from station.problems import Param, Problem

DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"  # the platform's {yyyy-MM-dd HH:mm:ss}
DATE_FORMAT = "%Y-%m-%d"  # {yyyy-MM-dd}

MAX_WINDOW = timedelta(days=90)
PO_PAGE_SIZE_MAX = 50
PO_PAGE_SIZE_DEFAULT = 20
ITEM_PAGE_SIZE_MAX = 200
QUERY_PO_NUMBERS_MAX = 20
QUERY_LOGISTICS_NUMBERS_MAX = 10
PACK_MAX = 100
# The guide says 500, the API reference 100: the stricter one wins (docs/api-decisions.md), so a
# group of more than 100 ready POs is booked in several calls.
SHIP_MAX = 100
PRINT_MAX = 20
# shipperAreaCode: "one of CN, VN, TH, PH, ID, MY (CN for sellers shipping from China)"
AREA_CODES = ("CN", "VN", "TH", "PH", "ID", "MY")

T = TypeVar("T")


def chunks(values: Sequence[T], size: int) -> Iterator[list[T]]:
    """Split ``values`` into lists of at most ``size``, keeping order."""
    if size < 1:
        raise ValueError("chunk size must be positive")
    for start in range(0, len(values), size):
        yield list(values[start : start + size])


def invalid(kind: str, **params: Param) -> RequestValidationError:
    """The error for a request that breaks a rule: ``kind`` (``request.*``) with ``params``."""
    return RequestValidationError(Problem(kind, params))


def format_datetime(value: datetime) -> str:
    return value.strftime(DATETIME_FORMAT)


def parse_datetime(text: str) -> datetime:
    try:
        return datetime.strptime(text.strip(), DATETIME_FORMAT)
    except ValueError:
        raise invalid("request.date_format", text=text) from None


def check_window(begin: datetime, end: datetime) -> None:
    if end < begin:
        raise invalid("request.range_reversed")
    if end - begin > MAX_WINDOW:
        raise invalid("request.range_too_long", days=(end - begin).days)


def check_list(name: str, values: Sequence[str], maximum: int, *, required: bool = False) -> None:
    if required and not values:
        raise invalid("request.list_empty", name=name)
    if len(values) > maximum:
        raise invalid("request.list_too_long", name=name, count=len(values), maximum=maximum)
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise invalid("request.list_blank", name=name)


def check_page(page_index: int, page_size: int, maximum: int) -> None:
    if page_index < 1:
        raise invalid("request.page_start")
    if not 1 <= page_size <= maximum:
        raise invalid("request.page_size", maximum=maximum, size=page_size)
