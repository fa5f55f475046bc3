"""One transaction of a journal driver (:class:`Tx`) and the helpers its SQL is written with."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

_CHUNK = 400  # numbers per IN (...) list


class Tx(ABC):
    """One transaction of a driver; SQL is written with ``?`` placeholders."""

    @abstractmethod
    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    @abstractmethod
    def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Execute; the number of rows changed."""

    @abstractmethod
    def many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        rows = self.all(sql, params)
        return rows[0] if rows else None


def marks(count: int) -> str:
    return ", ".join("?" * count)


def chunks(numbers: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(numbers), _CHUNK):
        yield list(numbers[start : start + _CHUNK])
