"""Journal schema and its migrations, applied in order and recorded in ``meta.schema_version``."""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: batches, their POs with the last known outcome, and the steps sent to the platform
    """
    CREATE TABLE batches (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        profile TEXT NOT NULL,
        started_at REAL NOT NULL,
        finished_at REAL,
        state TEXT NOT NULL,          -- running, done, cancelled, stopped
        options TEXT NOT NULL         -- JSON of the print choices; never a secret
    );
    CREATE TABLE batch_pos (
        batch_id INTEGER NOT NULL REFERENCES batches(id),
        purchase_order_no TEXT NOT NULL,
        position INTEGER NOT NULL,
        store_name TEXT NOT NULL,
        store_code TEXT NOT NULL,
        packed INTEGER NOT NULL DEFAULT 0,
        ready INTEGER NOT NULL DEFAULT 0,
        shipped INTEGER NOT NULL DEFAULT 0,
        printed INTEGER NOT NULL DEFAULT 0,
        pickup_no TEXT NOT NULL DEFAULT '',
        failed_step TEXT,
        error TEXT NOT NULL DEFAULT '',
        updated_at REAL NOT NULL,
        PRIMARY KEY (batch_id, purchase_order_no)
    );
    CREATE TABLE steps (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        batch_id INTEGER,
        kind TEXT NOT NULL,           -- pack, ship, print, token_refresh
        purchase_order_nos TEXT NOT NULL,  -- JSON list
        state TEXT NOT NULL,          -- sent, done, failed, unknown, reconciled
        sent_at REAL NOT NULL,
        answered_at REAL,
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX steps_open ON steps(state);
    """,
)
