"""The call budget's records in SQL common to SQLite and PostgreSQL (:class:`SqlBudgetRecords`), on the
driver's transaction and clock that :class:`~station.journal.sql.SqlJournal` supplies. One short
transaction a beat: the heartbeat, a ban if one was given, the expired heartbeats removed, the budget read.
"""

from __future__ import annotations

from abc import abstractmethod
from contextlib import AbstractContextManager

from station.journal.budget_records import BudgetBeat, BudgetRecords
from station.journal.tx import Tx


class SqlBudgetRecords(BudgetRecords):
    bench: str
    instance: str

    @abstractmethod
    def _tx(self) -> AbstractContextManager[Tx]: ...

    @abstractmethod
    def _now(self, tx: Tx) -> float: ...

    def budget_beat(self, shop: str, total: float, ttl: float, ban_seconds: float = 0.0) -> BudgetBeat:
        with self._tx() as tx:
            now = self._now(tx)
            tx.run(
                "INSERT INTO budget_benches(shop, instance, bench, total, beat_at, expires_at)"
                " VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (shop, instance) DO UPDATE SET bench = excluded.bench, total = excluded.total,"
                " beat_at = excluded.beat_at, expires_at = excluded.expires_at",
                (shop, self.instance, self.bench, total, now, now + ttl),
            )
            if ban_seconds > 0:
                # A longer ban already written stands: a ban only ever ends later, never sooner.
                tx.run(
                    "INSERT INTO shop_bans(shop, until, bench, seen_at) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (shop) DO UPDATE SET until = excluded.until, bench = excluded.bench,"
                    " seen_at = excluded.seen_at WHERE excluded.until > shop_bans.until",
                    (shop, now + ban_seconds, self.bench, now),
                )
            tx.run("DELETE FROM budget_benches WHERE shop = ? AND expires_at < ?", (shop, now))
            alive = tx.one("SELECT COUNT(*), MIN(total) FROM budget_benches WHERE shop = ?", (shop,))
            ban = tx.one("SELECT until, bench FROM shop_bans WHERE shop = ?", (shop,))
        benches = int(alive[0]) if alive else 0
        lowest = float(alive[1]) if alive and alive[1] is not None else total
        left, banned_by = (max(0.0, float(ban[0]) - now), str(ban[1])) if ban else (0.0, "")
        return BudgetBeat(benches=max(1, benches), total=lowest, ban_left=left, banned_by=banned_by if left else "")

    def budget_leave(self, shop: str) -> None:
        with self._tx() as tx:
            tx.run("DELETE FROM budget_benches WHERE shop = ? AND instance = ?", (shop, self.instance))
