"""Walking a paged list the same way for every connector: page after page until the service says there is
no more, stopping early at ``limit`` records (0: all) or ``max_pages`` pages (0: no bound); and checking a
page's number and size before asking for it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from station.connector.errors import RequestValidationError

Q = TypeVar("Q")  # a page's query
P = TypeVar("P")  # a page
R = TypeVar("R")  # a record


def walk(
    first: Q,
    fetch: Callable[[Q], P],
    records: Callable[[P], Iterable[R]],
    following: Callable[[Q, P], Q | None],
    *,
    limit: int = 0,
    max_pages: int = 0,
) -> Iterator[R]:
    """The records of ``fetch(first)``, then of ``fetch(following(query, page))`` while that is not None."""
    query: Q | None = first
    count = pages = 0
    while query is not None and (not max_pages or pages < max_pages):
        page = fetch(query)
        pages += 1
        for item in records(page):
            yield item
            count += 1
            if limit and count >= limit:
                return
        query = following(query, page)


def check_page(page: int, size: int, maximum: int, *, what: str, error: type[RequestValidationError]) -> None:
    """Page numbers start at 1; a page holds 1 to ``maximum`` ``what`` (purchase orders, say)."""
    if page < 1:
        raise error("The page number starts at 1.")
    if not 1 <= size <= maximum:
        raise error(f"A page holds 1 to {maximum} {what}.")
