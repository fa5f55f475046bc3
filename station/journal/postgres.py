"""The journal on a PostgreSQL server that every bench of a warehouse shares (psycopg 3).

Same logical schema and the same SQL as the SQLite journal (:class:`~station.journal.sql.SqlJournal`);
what differs: claims lock their rows with ``FOR UPDATE SKIP LOCKED``, the clock is the server's,
and a lost server raises :class:`~station.journal.errors.JournalUnreachableError` (an operator
sentence; the batch stays open) instead of an unreadable traceback. The connection is opened again
on the next call, so a bench carries on as soon as the server is back.

**Batch leases.** A process running a batch holds a session advisory lock on it
(``pg_try_advisory_lock(LEASE_LOCK, batch id)``, never waited for) on its connection. The server
drops it when that connection ends: the process died (even by SIGKILL: its socket closes) or lost
the server. A second station on this PC (the same bench name) resumes only a batch whose lock it
can take, so never one a live station runs; a lease lost with the connection is taken again when
the connection is opened again, and a bench that lost its batch meanwhile finds it out at its next
step (the batch and the claims carry this process's instance id).

The password is never logged: it comes from the URL or, when the URL has none, from the keyring
entry ``station`` / ``journal:<host>`` (:func:`station.credentials.journal_password`); messages show
the URL with it masked.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from station.credentials import journal_password
from station.journal.errors import JournalUnreachableError
from station.journal.schema import PG_MIGRATIONS
from station.journal.sql import SqlJournal
from station.journal.tx import Tx

log = logging.getLogger(__name__)

_MIGRATION_LOCK = 0x57A710  # pg_advisory_xact_lock key: benches starting together migrate one at a time
LEASE_LOCK = 0x57A711  # first key of a batch's lease (pg_try_advisory_lock(int, int)); the second is its id
_TRY_LEASE = "SELECT pg_try_advisory_lock(CAST(%s AS INTEGER), CAST(%s AS INTEGER))"


def is_postgres_url(target: object) -> bool:
    text = str(target)
    return text.startswith(("postgresql://", "postgres://", "postgresql:/", "postgres:/"))


def masked(url: str) -> str:
    """The URL as it may be shown: host, port, database and user; never the password."""
    try:
        params = conninfo_to_dict(_normalized(url))
    except psycopg.ProgrammingError:
        return "postgresql://(unreadable URL)"
    user = f"{params['user']}@" if params.get("user") else ""
    port = f":{params['port']}" if params.get("port") else ""
    return f"postgresql://{user}{params.get('host', '')}{port}/{params.get('dbname', '')}"


def _normalized(url: str) -> str:
    # ``Path("postgresql://h/db")`` turns the URL into ``postgresql:/h/db``: accept that too.
    for scheme in ("postgresql:", "postgres:"):
        if url.startswith(scheme) and not url.startswith(scheme + "//"):
            return scheme + "//" + url[len(scheme) :].lstrip("/")
    return url


class _PgTx(Tx):
    def __init__(self, cursor: psycopg.Cursor[tuple[Any, ...]]) -> None:
        self._cursor = cursor

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        self._cursor.execute(sql.replace("?", "%s"), tuple(params))
        return list(self._cursor.fetchall()) if self._cursor.description else []

    def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        self._cursor.execute(sql.replace("?", "%s"), tuple(params))
        return int(self._cursor.rowcount)

    def many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = [tuple(r) for r in rows]
        if batch:
            self._cursor.executemany(sql.replace("?", "%s"), batch)


class PostgresJournal(SqlJournal):
    """The shared journal. ``url``: ``postgresql://user[:password]@host:port/dbname``."""

    skip_locked = " FOR UPDATE SKIP LOCKED"

    def __init__(
        self, url: str, *, bench: str | None = None, ttl: float | None = None, connect_timeout: float = 5.0
    ) -> None:
        super().__init__(bench, ttl)
        self.url = masked(url)
        params = conninfo_to_dict(_normalized(url))
        if not params.get("password"):
            password = journal_password(str(params.get("host", "")))
            if password:
                params["password"] = password
        params.setdefault("connect_timeout", str(max(1, int(connect_timeout))))
        params.setdefault("application_name", f"station {self.bench}"[:60])
        self._conninfo = make_conninfo(**{k: str(v) for k, v in params.items()})
        self._lock = threading.Lock()
        self._conn: psycopg.Connection[tuple[Any, ...]] | None = None
        self._closed = False
        self._leases: set[int] = set()  # batches whose advisory lock this process holds
        with self._lock:
            self._connection()
        self._migrate()

    def __repr__(self) -> str:
        return f"PostgresJournal({self.url!r}, bench={self.bench!r})"

    # ------------------------------------------------------------------ connection
    def _unreachable(self, exc: BaseException) -> JournalUnreachableError:
        self._drop()
        # psycopg's message names the host and port, never the password
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        log.warning("shared journal %s unreachable: %s", self.url, detail)
        return JournalUnreachableError(f"{self.url}: {detail}")

    def _drop(self) -> None:
        if self._conn is not None:
            with suppress(Exception):
                self._conn.close()
        self._conn = None

    def _connection(self) -> psycopg.Connection[tuple[Any, ...]]:
        if self._closed:
            raise JournalUnreachableError(f"{self.url}: the journal was closed")
        if self._conn is None or self._conn.closed or self._conn.broken:
            try:
                self._conn = psycopg.connect(self._conninfo, autocommit=True)
                # The leases went with the old connection: take them again (a batch another process
                # took meanwhile is its own now; this one's next step finds that out).
                for batch_id in sorted(self._leases):
                    row = self._conn.execute(_TRY_LEASE, (LEASE_LOCK, batch_id)).fetchone()
                    if not (row and row[0]):
                        self._leases.discard(batch_id)
                        log.warning("the lease on batch %s was lost with the connection", batch_id)
            except psycopg.Error as exc:
                raise self._unreachable(exc) from None
        return self._conn

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._drop()

    @contextmanager
    def _tx(self) -> Iterator[Tx]:
        with self._lock:
            conn = self._connection()
            try:
                with conn.transaction(), conn.cursor() as cursor:
                    yield _PgTx(cursor)
            except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
                if isinstance(exc, psycopg.errors.TransactionRollback) and not conn.broken:
                    raise  # a deadlock or serialization failure: the server is there
                raise self._unreachable(exc) from None

    # ------------------------------------------------------------------ batch leases
    def _take_lease(self, tx: Tx, batch_id: int) -> bool:
        if batch_id in self._leases:
            return True
        row = tx.one(_TRY_LEASE.replace("%s", "?"), (LEASE_LOCK, batch_id))
        if row and row[0]:
            self._leases.add(batch_id)
            return True
        return False

    def _drop_lease(self, batch_id: int, finished: bool) -> None:
        with self._lock:
            if batch_id not in self._leases:
                return
            self._leases.discard(batch_id)
            conn = self._conn
            if conn is not None and not conn.closed and not conn.broken:
                with suppress(psycopg.Error):  # a connection gone took the lock with it
                    conn.execute(
                        "SELECT pg_advisory_unlock(CAST(%s AS INTEGER), CAST(%s AS INTEGER))", (LEASE_LOCK, batch_id)
                    )

    def _now(self, tx: Tx) -> float:
        row = tx.one("SELECT extract(epoch FROM clock_timestamp())::float8")
        assert row is not None
        return float(row[0])

    # ------------------------------------------------------------------ migrations
    def _migrate(self) -> None:
        with self._tx() as tx:
            tx.run("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))
            tx.run("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        for number in range(1, len(PG_MIGRATIONS) + 1):
            # One transaction per migration, under a lock: a crash midway leaves the previous
            # version intact, and benches starting together do not apply it twice.
            with self._tx() as tx:
                tx.run("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))
                row = tx.one("SELECT value FROM meta WHERE key = 'schema_version'")
                if (int(row[0]) if row else 0) >= number:
                    continue
                for statement in PG_MIGRATIONS[number - 1].split(";"):
                    if statement.strip():
                        tx.run(statement)
                tx.run(
                    "INSERT INTO meta(key, value) VALUES ('schema_version', ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(number),),
                )

    def schema_version(self) -> int:
        with self._tx() as tx:
            row = tx.one("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(row[0]) if row else 0
