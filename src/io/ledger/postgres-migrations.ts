/**
 * The PostgreSQL ledger's schema: the same tables, columns and constraints as
 * the SQLite one (migrations.ts), as ordered migrations. `schema_migrations`
 * holds one row per migration applied; opening applies the missing ones in one
 * transaction under an advisory lock, so two processes opening a new database
 * at once migrate it once. Append new migrations; never edit a shipped one.
 *
 * Differences from SQLite, none of them in meaning:
 * - `passes.seq` (an identity column) plays SQLite's rowid: the export's
 *   order within one issue timestamp, and its keyset for paging;
 * - `redemptions.id` is an identity column (bigint);
 * - `price` is double precision, as SQLite's REAL.
 */
export const PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE passes (
    seq          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id           text PRIMARY KEY,
    product      text NOT NULL,
    holder       text NOT NULL,
    category     text NOT NULL,
    id_hash      text,
    booking      text,
    valid_from   text NOT NULL,
    valid_until  text NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('consecutive-days', 'flex-days', 'attraction-count')),
    starts       text NOT NULL CHECK (starts IN ('first-use', 'issue-date', 'fixed-date')),
    entries      text NOT NULL CHECK (entries IN ('once', 'once-per-day', 'unlimited')),
    days         integer,
    within_days  integer,
    count        integer,
    attractions  text NOT NULL,
    price        double precision NOT NULL CHECK (price >= 0),
    currency     text NOT NULL,
    status       text NOT NULL DEFAULT 'issued'
                 CHECK (status IN ('issued', 'active', 'used-up', 'revoked', 'refunded')),
    activated_on text,
    issued_at    text NOT NULL,
    key_id       text NOT NULL,
    token        text NOT NULL,
    UNIQUE (booking, holder, product)
  );
  CREATE INDEX passes_issued_at ON passes (issued_at, seq);

  CREATE TABLE redemptions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pass_id     text NOT NULL REFERENCES passes (id),
    attraction  text NOT NULL,
    day         text NOT NULL,
    day_key     text NOT NULL,
    credit      integer,
    gate        text,
    at          text NOT NULL,
    source      text NOT NULL,
    scan_id     text UNIQUE,
    UNIQUE (pass_id, attraction, day_key),
    UNIQUE (pass_id, credit)
  );

  CREATE TABLE pass_days (
    pass_id text NOT NULL REFERENCES passes (id),
    day_no  integer NOT NULL CHECK (day_no >= 1),
    day     text NOT NULL,
    PRIMARY KEY (pass_id, day_no),
    UNIQUE (pass_id, day)
  );

  CREATE TABLE revocations (
    pass_id text PRIMARY KEY REFERENCES passes (id),
    kind    text NOT NULL CHECK (kind IN ('revoked', 'refunded')),
    reason  text NOT NULL,
    at      text NOT NULL
  );

  CREATE TABLE gate_scans (
    scan_id        text PRIMARY KEY,
    pass_id        text NOT NULL,
    attraction     text NOT NULL,
    day            text NOT NULL,
    gate           text NOT NULL,
    at             text NOT NULL,
    log_file       text NOT NULL,
    log_line       integer NOT NULL,
    redemption_id  bigint REFERENCES redemptions (id),
    conflict       text,
    conflicts_with bigint REFERENCES redemptions (id),
    merged_at      text NOT NULL
  );
  `,
  // 2: online gates (yangtze gate add/revoke, gate serve). Only the hash of a gate's secret is stored.
  `
  CREATE TABLE gates (
    id          text PRIMARY KEY,
    attractions text NOT NULL,
    secret_hash text NOT NULL,
    created_at  text NOT NULL,
    revoked_at  text
  );
  `,
  // 3: travellers of one booking who share a name get a pass each (SQLite migration 3): the
  // idempotency key becomes UNIQUE(booking, holder, traveller, product); existing passes are traveller 1.
  `
  ALTER TABLE passes ADD COLUMN traveller integer NOT NULL DEFAULT 1 CHECK (traveller >= 1);
  ALTER TABLE passes DROP CONSTRAINT passes_booking_holder_product_key;
  ALTER TABLE passes ADD CONSTRAINT passes_booking_holder_traveller_product_key UNIQUE (booking, holder, traveller, product);
  `,
];

export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;

/** Key of the advisory lock that serializes migrations (any constant; "yz-ledger" in ASCII). */
export const MIGRATION_LOCK_KEY = 0x797a6c6564676572n;
