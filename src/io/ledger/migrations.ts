/**
 * The ledger's schema, as an ordered list of migrations. `PRAGMA user_version`
 * holds the number of migrations applied; opening a ledger applies the missing
 * ones in one transaction. Append new migrations at the end; never edit one
 * that has shipped. docs/LEDGER.md describes every table and column.
 *
 * Double use is impossible at the database level, not only in code:
 * - `redemptions` has UNIQUE(pass_id, attraction, day_key): `day_key` is ''
 *   for `entries: once` (one row per attraction ever), the date for
 *   `once-per-day`, and date#n for `unlimited`;
 * - UNIQUE(pass_id, credit) stops two entries spending the same credit of an
 *   attraction-count pass;
 * - UNIQUE(pass_id, day_no) and UNIQUE(pass_id, day) in `pass_days` stop a
 *   flex-days pass from gaining a day slot twice;
 * - `revocations` has one row per pass at most.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE passes (
    id           TEXT PRIMARY KEY,
    product      TEXT NOT NULL,
    holder       TEXT NOT NULL,
    category     TEXT NOT NULL,
    id_hash      TEXT,
    booking      TEXT,
    valid_from   TEXT NOT NULL,
    valid_until  TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('consecutive-days', 'flex-days', 'attraction-count')),
    starts       TEXT NOT NULL CHECK (starts IN ('first-use', 'issue-date', 'fixed-date')),
    entries      TEXT NOT NULL CHECK (entries IN ('once', 'once-per-day', 'unlimited')),
    days         INTEGER,
    within_days  INTEGER,
    count        INTEGER,
    attractions  TEXT NOT NULL,
    price        REAL NOT NULL CHECK (price >= 0),
    currency     TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'issued'
                 CHECK (status IN ('issued', 'active', 'used-up', 'revoked', 'refunded')),
    activated_on TEXT,
    issued_at    TEXT NOT NULL,
    key_id       TEXT NOT NULL,
    token        TEXT NOT NULL,
    UNIQUE (booking, holder, product)
  ) STRICT;
  CREATE INDEX passes_issued_at ON passes (issued_at);

  CREATE TABLE redemptions (
    id          INTEGER PRIMARY KEY,
    pass_id     TEXT NOT NULL REFERENCES passes (id),
    attraction  TEXT NOT NULL,
    day         TEXT NOT NULL,
    day_key     TEXT NOT NULL,
    credit      INTEGER,
    gate        TEXT,
    at          TEXT NOT NULL,
    source      TEXT NOT NULL,
    scan_id     TEXT UNIQUE,
    UNIQUE (pass_id, attraction, day_key),
    UNIQUE (pass_id, credit)
  ) STRICT;

  CREATE TABLE pass_days (
    pass_id TEXT NOT NULL REFERENCES passes (id),
    day_no  INTEGER NOT NULL CHECK (day_no >= 1),
    day     TEXT NOT NULL,
    PRIMARY KEY (pass_id, day_no),
    UNIQUE (pass_id, day)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE revocations (
    pass_id TEXT PRIMARY KEY REFERENCES passes (id),
    kind    TEXT NOT NULL CHECK (kind IN ('revoked', 'refunded')),
    reason  TEXT NOT NULL,
    at      TEXT NOT NULL
  ) STRICT;

  CREATE TABLE gate_scans (
    scan_id        TEXT PRIMARY KEY,
    pass_id        TEXT NOT NULL,
    attraction     TEXT NOT NULL,
    day            TEXT NOT NULL,
    gate           TEXT NOT NULL,
    at             TEXT NOT NULL,
    log_file       TEXT NOT NULL,
    log_line       INTEGER NOT NULL,
    redemption_id  INTEGER REFERENCES redemptions (id),
    conflict       TEXT,
    conflicts_with INTEGER REFERENCES redemptions (id),
    merged_at      TEXT NOT NULL
  ) STRICT;
  `,
  // 2: online gates (yangtze gate add/revoke, gate serve). Only the hash of a gate's secret is stored.
  `
  CREATE TABLE gates (
    id          TEXT PRIMARY KEY,
    attractions TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
  ) STRICT;
  `,
  // 3: travellers of one booking who share a name get a pass each: the idempotency key becomes
  // UNIQUE(booking, holder, traveller, product). SQLite cannot drop a table constraint, so the
  // table is rebuilt (https://www.sqlite.org/lang_altertable.html#otheralter): migrate() turns
  // foreign keys off around the transaction and runs foreign_key_check before it commits.
  // Existing passes are traveller 1; ids, rowids (the export's order) and tokens are kept.
  `
  CREATE TABLE passes_v3 (
    id           TEXT PRIMARY KEY,
    product      TEXT NOT NULL,
    holder       TEXT NOT NULL,
    category     TEXT NOT NULL,
    id_hash      TEXT,
    booking      TEXT,
    traveller    INTEGER NOT NULL DEFAULT 1 CHECK (traveller >= 1),
    valid_from   TEXT NOT NULL,
    valid_until  TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('consecutive-days', 'flex-days', 'attraction-count')),
    starts       TEXT NOT NULL CHECK (starts IN ('first-use', 'issue-date', 'fixed-date')),
    entries      TEXT NOT NULL CHECK (entries IN ('once', 'once-per-day', 'unlimited')),
    days         INTEGER,
    within_days  INTEGER,
    count        INTEGER,
    attractions  TEXT NOT NULL,
    price        REAL NOT NULL CHECK (price >= 0),
    currency     TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'issued'
                 CHECK (status IN ('issued', 'active', 'used-up', 'revoked', 'refunded')),
    activated_on TEXT,
    issued_at    TEXT NOT NULL,
    key_id       TEXT NOT NULL,
    token        TEXT NOT NULL,
    UNIQUE (booking, holder, traveller, product)
  ) STRICT;
  INSERT INTO passes_v3 (rowid, id, product, holder, category, id_hash, booking, traveller, valid_from, valid_until, kind, starts, entries,
                         days, within_days, count, attractions, price, currency, status, activated_on, issued_at, key_id, token)
    SELECT rowid, id, product, holder, category, id_hash, booking, 1, valid_from, valid_until, kind, starts, entries,
           days, within_days, count, attractions, price, currency, status, activated_on, issued_at, key_id, token
    FROM passes;
  DROP TABLE passes;
  ALTER TABLE passes_v3 RENAME TO passes;
  CREATE INDEX passes_issued_at ON passes (issued_at);
  `,
];

export const LEDGER_SCHEMA_VERSION = MIGRATIONS.length;
