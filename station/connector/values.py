"""Reading the values of an answer, the same way for every connector: forgiving where the services are
(nulls, empty strings, numbers sent as text), strict where a wrong value would mislead the operator (a
count that is not a number is a malformed answer, raised as the connector's own ``error`` class).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import MISSING, fields
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from station.connector.errors import StationApiError

T = TypeVar("T")
Malformed = type[StationApiError]


def text(value: Any) -> str:
    """A value as text; null is the empty string."""
    return "" if value is None else str(value)


def whole(value: Any, name: str = "", *, error: Malformed, decimals: bool = False) -> int:
    """A whole number; null or the empty string is 0. ``decimals``: "3.0" or 3.7 is read (as 3) too."""
    if value is None or value == "":
        return 0
    try:
        return int(Decimal(str(value))) if decimals else int(value)
    except (TypeError, ValueError, OverflowError, InvalidOperation):  # OverflowError: JSON's 1e999 is infinity
        raise error(f"{name} is not a whole number: {value!r}" if name else f"not a number: {value!r}") from None


def decimal(value: Any, name: str, *, error: Malformed) -> Decimal:
    """A decimal number; null or the empty string is 0."""
    if value is None or value == "":
        return Decimal(0)
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise error(f"{name} is not a number: {value!r}") from None


def record(data: Any, what: str, *, error: Malformed) -> Mapping[str, Any]:
    """``data`` when it is a JSON object, else the malformed answer ``what`` (a purchase order, an item)."""
    if not isinstance(data, Mapping):
        raise error(f"{what} is not an object: {str(data)[:80]!r}")
    return data


def camel(name: str) -> str:
    """``purchase_number`` → ``purchaseNumber``: a field's name on the wire of a camelCase API."""
    first, *rest = name.split("_")
    return first + "".join(word.capitalize() for word in rest)


def build(
    cls: Callable[..., T],
    data: Mapping[str, Any],
    *,
    key: Callable[[str], str] = str,
    error: Malformed,
    decimals: bool = False,
    **given: Any,
) -> T:
    """The dataclass ``cls`` from an API record: every field not ``given`` is read from ``data[key(name)]``
    by its type (text, whole number or decimal); a field of another type keeps its default."""
    values = dict(given)
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name in values:
            continue
        wire = key(f.name)
        if f.type in ("str", str):
            values[f.name] = text(data.get(wire))
        elif f.type in ("int", int):
            values[f.name] = whole(data.get(wire), wire, error=error, decimals=decimals)
        elif f.type in ("Decimal", Decimal):
            values[f.name] = decimal(data.get(wire), wire, error=error)
        elif f.default is MISSING and f.default_factory is MISSING:
            raise TypeError(f"{f.name} of {f.type} must be given")
    return cls(**values)
