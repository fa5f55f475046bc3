"""The documented limits of the JIT endpoints, checked before anything is sent."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from typing import TypeVar

from station.lazada.errors import RequestValidationError

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

T = TypeVar("T")


def chunks(values: Sequence[T], size: int) -> Iterator[list[T]]:
    """Split ``values`` into lists of at most ``size``, keeping order."""
    if size < 1:
        raise ValueError("chunk size must be positive")
    for start in range(0, len(values), size):
        yield list(values[start : start + size])


def format_datetime(value: datetime) -> str:
    return value.strftime(DATETIME_FORMAT)


def parse_datetime(text: str) -> datetime:
    try:
        return datetime.strptime(text.strip(), DATETIME_FORMAT)
    except ValueError:
        raise RequestValidationError(
            f"The date {text!r} is not in the form yyyy-MM-dd HH:mm:ss (for example 2026-11-23 08:00:00)."
        ) from None


def check_window(begin: datetime, end: datetime) -> None:
    if end < begin:
        raise RequestValidationError("The end of the date range is before its start; swap the two dates.")
    if end - begin > MAX_WINDOW:
        raise RequestValidationError(
            f"The date range is {(end - begin).days} days long; the platform allows at most 90 days."
        )


def check_list(name: str, values: Sequence[str], maximum: int, *, required: bool = False) -> None:
    if required and not values:
        raise RequestValidationError(f"{name} needs at least one value.")
    if len(values) > maximum:
        raise RequestValidationError(f"{name} holds {len(values)} values; the platform takes at most {maximum}.")
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise RequestValidationError(f"{name} holds an empty value.")


def check_page(page_index: int, page_size: int, maximum: int) -> None:
    if page_index < 1:
        raise RequestValidationError("Page numbers start at 1.")
    if not 1 <= page_size <= maximum:
        raise RequestValidationError(f"The page size must be between 1 and {maximum}, not {page_size}.")
