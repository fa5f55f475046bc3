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

# 2: several benches on one journal (the shared PostgreSQL one; SQLite keeps the same schema):
# which bench runs a batch and until when its lease holds, and the PO claims.
MIGRATIONS += (
    """
    ALTER TABLE batches ADD COLUMN bench TEXT NOT NULL DEFAULT '';
    ALTER TABLE batches ADD COLUMN lease_until REAL NOT NULL DEFAULT 0;
    CREATE TABLE claims (
        purchase_order_no TEXT PRIMARY KEY,
        bench TEXT NOT NULL,
        batch_id INTEGER,
        claimed_at REAL NOT NULL,
        expires_at REAL NOT NULL
    );
    CREATE INDEX batch_pos_po ON batch_pos(purchase_order_no);
    """,
)

# 3: several stations on one PC share the bench name: which running process (instance id, pid)
# runs a batch and holds each claim, so one never resumes or counts as its own another's live work.
_INSTANCES = """
    ALTER TABLE batches ADD COLUMN instance TEXT NOT NULL DEFAULT '';
    ALTER TABLE batches ADD COLUMN pid INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE claims ADD COLUMN instance TEXT NOT NULL DEFAULT '';
    ALTER TABLE claims ADD COLUMN pid INTEGER NOT NULL DEFAULT 0;
    """
MIGRATIONS += (_INSTANCES,)

# 4: a failed PO's problem as data (JSON of its kind and parameters, station.problems), so the
# window says it in its language; '' on the rows of older journals, whose English ``error`` is
# shown as it is.
_PROBLEMS = """
    ALTER TABLE batch_pos ADD COLUMN problem TEXT NOT NULL DEFAULT '';
    """
MIGRATIONS += (_PROBLEMS,)

# 5: pack verification (issue 19): each PO's counts as scanned, every scan and finish as an event
# (the day's figures), the inner packs the benches share; and the operator's name on every step
# and batch. Old rows have '' (no operator was signed in).
_VERIFY = """
    ALTER TABLE steps ADD COLUMN operator TEXT NOT NULL DEFAULT '';
    ALTER TABLE batches ADD COLUMN operator TEXT NOT NULL DEFAULT '';
    CREATE TABLE verifications (
        purchase_order_no TEXT PRIMARY KEY,
        bench TEXT NOT NULL,
        instance TEXT NOT NULL DEFAULT '',
        operator TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL,
        started_at {real} NOT NULL,
        updated_at {real} NOT NULL,
        finished_at {real},
        reason TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        scanned TEXT NOT NULL DEFAULT '{{}}',
        missing TEXT NOT NULL DEFAULT '{{}}'
    );
    CREATE TABLE verify_events (
        id {serial},
        at {real} NOT NULL,
        bench TEXT NOT NULL DEFAULT '',
        operator TEXT NOT NULL DEFAULT '',
        purchase_order_no TEXT NOT NULL,
        kind TEXT NOT NULL,
        sku_id TEXT NOT NULL DEFAULT '',
        units INTEGER NOT NULL DEFAULT 0,
        reason TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        code TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX verify_events_at ON verify_events(at);
    CREATE TABLE inner_packs (
        sku_id TEXT NOT NULL,
        barcode TEXT NOT NULL,
        units INTEGER NOT NULL,
        PRIMARY KEY (sku_id, barcode)
    );
    """
MIGRATIONS += (_VERIFY.format(real="REAL", serial="INTEGER PRIMARY KEY AUTOINCREMENT"),)

# 6: one call budget per shop across its benches (issue 22): each running station's heartbeat with
# the shop's total rate as it has it set (the benches alive split it), and the flow-limit ban one of
# them was given, which all of them obey until it ends. ``shop`` is the profile batches are filed under.
_BUDGET = """
    CREATE TABLE budget_benches (
        shop TEXT NOT NULL,
        instance TEXT NOT NULL,
        bench TEXT NOT NULL,
        total {real} NOT NULL,
        beat_at {real} NOT NULL,
        expires_at {real} NOT NULL,
        PRIMARY KEY (shop, instance)
    );
    CREATE TABLE shop_bans (
        shop TEXT PRIMARY KEY,
        until {real} NOT NULL,
        bench TEXT NOT NULL,
        seen_at {real} NOT NULL
    );
    """
MIGRATIONS += (_BUDGET.format(real="REAL"),)

# The same logical schema in PostgreSQL's dialect, one entry per entry of MIGRATIONS.
PG_MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE batches (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        profile TEXT NOT NULL,
        started_at DOUBLE PRECISION NOT NULL,
        finished_at DOUBLE PRECISION,
        state TEXT NOT NULL,
        options TEXT NOT NULL
    );
    CREATE TABLE batch_pos (
        batch_id BIGINT NOT NULL REFERENCES batches(id),
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
        updated_at DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (batch_id, purchase_order_no)
    );
    CREATE TABLE steps (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        batch_id BIGINT,
        kind TEXT NOT NULL,
        purchase_order_nos TEXT NOT NULL,
        state TEXT NOT NULL,
        sent_at DOUBLE PRECISION NOT NULL,
        answered_at DOUBLE PRECISION,
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX steps_open ON steps(state);
    """,
    """
    ALTER TABLE batches ADD COLUMN bench TEXT NOT NULL DEFAULT '';
    ALTER TABLE batches ADD COLUMN lease_until DOUBLE PRECISION NOT NULL DEFAULT 0;
    CREATE TABLE claims (
        purchase_order_no TEXT PRIMARY KEY,
        bench TEXT NOT NULL,
        batch_id BIGINT,
        claimed_at DOUBLE PRECISION NOT NULL,
        expires_at DOUBLE PRECISION NOT NULL
    );
    CREATE INDEX batch_pos_po ON batch_pos(purchase_order_no);
    """,
    _INSTANCES,
    _PROBLEMS,
    _VERIFY.format(real="DOUBLE PRECISION", serial="BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
    _BUDGET.format(real="DOUBLE PRECISION"),
)
assert len(PG_MIGRATIONS) == len(MIGRATIONS)
