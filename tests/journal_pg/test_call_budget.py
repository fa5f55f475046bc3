"""One call budget per shop across its benches, on both stores (a SQLite file and the shared PostgreSQL
journal): the benches alive split the shop's total, a bench that stops beating gives its share back, a
flow-limit ban one bench is given holds the others; and migration 6 on journals of version 5."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from station.cli.session import shop_budget
from station.connector.ratelimit import RateLimiter
from station.demo import connect_simulator
from station.journal import Journal, JournalStore, open_journal
from station.journal.schema import MIGRATIONS, PG_MIGRATIONS
from station.workflow.call_budget import ShopBudget
from tests.support import wait_until

OpenJournal = Callable[..., JournalStore]
SHOP = "simulator http://127.0.0.1:1"


@pytest.fixture(params=["sqlite", "postgres"])
def open_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[OpenJournal]:
    """Open journals (one per bench) on the same store: a SQLite file or a PostgreSQL database."""
    target: str | Path = request.getfixturevalue("pg_url") if request.param == "postgres" else tmp_path / "j.sqlite3"
    opened: list[JournalStore] = []

    def open_(bench: str) -> JournalStore:
        journal = open_journal(target, bench=bench)
        opened.append(journal)
        return journal

    yield open_
    for journal in opened:
        journal.close()


@pytest.fixture
def budgets() -> Iterator[list[ShopBudget]]:
    started: list[ShopBudget] = []
    yield started
    for budget in started:
        budget.stop()


def start(
    journal: JournalStore,
    budgets: list[ShopBudget],
    *,
    total: float = 30.0,
    ceiling: float = 40.0,
    shop: str = SHOP,
    beat: float = 60.0,
    ttl: float = 60.0,
) -> ShopBudget:
    """A bench's budget; a long beat unless said otherwise, so that the test decides when it beats."""
    budget = ShopBudget(journal, shop, RateLimiter(ceiling), total=total, beat=beat, ttl=ttl).start()
    budgets.append(budget)
    return budget


def test_the_benches_alive_split_the_shops_total(open_store: OpenJournal, budgets: list[ShopBudget]) -> None:
    first = start(open_store("bench-1"), budgets)
    assert first.limiter.calls_per_second == pytest.approx(30.0)  # alone: the whole total
    others = [start(open_store(f"bench-{n}"), budgets) for n in (2, 3)]
    another_shop = start(open_store("bench-9"), budgets, shop="profile other-shop")
    for budget in (first, *others):
        beat = budget.beat_once()
        assert beat is not None and beat.benches == 3
    rates = [b.limiter.calls_per_second for b in (first, *others)]
    assert rates == pytest.approx([10.0] * 3) and sum(rates) == pytest.approx(30.0)
    assert another_shop.limiter.calls_per_second == pytest.approx(30.0)  # its own shop, alone
    # The lowest total any bench has set is the one split: never more than any bench allows.
    careful = start(open_store("bench-4"), budgets, total=8.0)
    assert careful.limiter.calls_per_second == pytest.approx(2.0)
    first.beat_once()
    assert first.limiter.calls_per_second == pytest.approx(2.0)
    # This bench's own ceiling (--calls-per-second) still caps its share.
    slow = start(open_store("bench-5"), budgets, total=100.0, ceiling=1.0)
    assert slow.limiter.calls_per_second == pytest.approx(1.0)


def test_a_bench_that_stops_beating_gives_its_share_back(open_store: OpenJournal, budgets: list[ShopBudget]) -> None:
    dead = open_store("bench-dead")
    dead.budget_beat(SHOP, 30.0, ttl=1.0)  # a station killed right after its beat: it never leaves
    closing = start(open_store("bench-closing"), budgets)
    alive = start(open_store("bench-alive"), budgets, beat=0.1)
    assert alive.last is not None and alive.last.benches == 3
    assert alive.limiter.calls_per_second == pytest.approx(10.0)
    closing.stop()  # closed: its share is back at the next beat
    budgets.remove(closing)
    wait_until(lambda: alive.last is not None and alive.last.benches == 1, timeout=15, what="the dead bench expires")
    assert alive.limiter.calls_per_second == pytest.approx(30.0)
    assert closing.limiter.calls_per_second == pytest.approx(40.0)  # a stopped budget leaves the bench its own rate


def test_a_ban_one_bench_is_given_holds_the_others(open_store: OpenJournal, budgets: list[ShopBudget]) -> None:
    banned = start(open_store("bench-a"), budgets)
    other = start(open_store("bench-b"), budgets)
    elsewhere = start(open_store("bench-c"), budgets, shop="profile other-shop")
    assert other.limiter.held_for() == 0.0
    banned.limiter.pause(5.0)  # what the connector does on ApiCallLimit; the budget writes it at once

    def ban_seen() -> float:
        beat = other.beat_once()
        return beat.ban_left if beat is not None else 0.0

    left = wait_until(ban_seen, timeout=10, what="the ban in the journal")
    assert 3.0 < left <= 5.0 and other.last is not None and other.last.banned_by == "bench-a"
    assert 3.0 < other.limiter.held_for() <= 5.0  # its next call waits for the ban's end
    assert elsewhere.beat_once() is not None and elsewhere.limiter.held_for() == 0.0  # another shop is not banned
    # A shorter ban seen later does not end the longer one sooner.
    shorter = other.records.budget_beat(SHOP, 30.0, 60.0, ban_seconds=0.5)
    assert shorter.ban_left > 2.0 and shorter.banned_by == "bench-a"


def test_a_bench_without_a_journal_to_share_keeps_its_own_rate(tmp_path: Path) -> None:
    conn = connect_simulator("http://127.0.0.1:9", calls_per_second=100.0)  # no call is made
    throwaway, own_file = open_journal(":memory:"), open_journal(tmp_path / "j.sqlite3", bench="b")
    try:
        with shop_budget(throwaway, "demo", conn):  # the demo's journal: nobody to share with
            assert conn.client.transport.limiter.calls_per_second == 100.0
        with shop_budget(own_file, "p", conn):  # a journal another bench may open: the shop's total
            assert conn.client.transport.limiter.calls_per_second == 40.0
        assert conn.client.transport.limiter.calls_per_second == 100.0
    finally:
        conn.close()
        throwaway.close()
        own_file.close()


def test_a_journal_of_version_5_gets_the_budget_tables(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    old = sqlite3.connect(path)  # schema 5, as the station wrote it before the shared call budget
    old.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    for script in MIGRATIONS[:5]:
        old.executescript(script)
    old.execute("INSERT INTO meta VALUES ('schema_version', '5')")
    old.execute(
        "INSERT INTO batches (profile, started_at, state, options, bench) VALUES ('p', 1.0, 'running', '{}', 'b')"
    )
    old.commit()
    old.close()
    journal = Journal(path, bench="b")
    try:
        assert journal.schema_version() == len(MIGRATIONS) == 6
        batch = journal.unfinished_batch("p")
        assert batch is not None and batch.id == 1
        beat = journal.budget_beat("p", 12.0, ttl=5.0, ban_seconds=2.0)
        assert (beat.benches, beat.share, beat.banned_by) == (1, 12.0, "b") and 1.0 < beat.ban_left <= 2.0
    finally:
        journal.close()


def test_a_shared_journal_of_version_5_gets_the_budget_tables(pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as conn:  # schema 5, as benches wrote it before
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        for script in PG_MIGRATIONS[:5]:
            for statement in script.split(";"):
                if statement.strip():
                    conn.execute(statement)
        conn.execute("INSERT INTO meta VALUES ('schema_version', '5')")
    first, second = open_journal(pg_url, bench="b1"), open_journal(pg_url, bench="b2")
    try:
        assert first.schema_version() == len(PG_MIGRATIONS) == 6
        first.budget_beat("p", 12.0, ttl=5.0)
        beat = second.budget_beat("p", 12.0, ttl=5.0)
        assert (beat.benches, beat.share, beat.ban_left) == (2, 6.0, 0.0)
        second.budget_leave("p")
        assert first.budget_beat("p", 12.0, ttl=5.0).benches == 1
    finally:
        first.close()
        second.close()
