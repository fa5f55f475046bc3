"""A PostgreSQL server for the session (skipped with the reason when the package is missing,
unless ``STATION_REQUIRE_PG=1``, as in CI, where it fails instead), a fresh database per test."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest

from tests.journal_pg.pg import PgServer, pg_bindir


def _missing(reason: str) -> None:
    if os.environ.get("STATION_REQUIRE_PG") == "1":
        pytest.fail(f"STATION_REQUIRE_PG=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    bindir = pg_bindir()
    if bindir is None:
        _missing("PostgreSQL is not installed (apt-get install postgresql): no initdb/pg_ctl found")
    assert bindir is not None
    if os.geteuid() == 0 and os.system("id postgres >/dev/null 2>&1") != 0:
        _missing("running as root but there is no 'postgres' user to run the server as")
    server = PgServer(bindir)
    yield server
    server.destroy()


@pytest.fixture
def pg_url(pg_server: PgServer, request: pytest.FixtureRequest) -> str:
    name = "t_" + re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:50]
    return pg_server.new_database(name)
