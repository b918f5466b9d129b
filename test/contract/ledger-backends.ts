/**
 * The backends the ledger contract suite runs against: SQLite always, and a
 * real PostgreSQL when YANGTZE_TEST_PG_URL names a server the tests may create
 * databases on (`.ci/run` starts one: scripts/pg-throwaway.sh). Each test gets
 * a fresh ledger: a new home, and on PostgreSQL a new database.
 *
 * Without the URL the PostgreSQL half is skipped and says so; on CI (CI=true)
 * a missing URL fails the suite instead: a green CI run has always covered both.
 */
import { afterAll, describe, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { LedgerTarget } from '../../src/io/ledger/ledger-port.js';
import { initKeys } from '../../src/io/keys.js';
import { MIGRATIONS } from '../../src/io/ledger/migrations.js';
import { PG_MIGRATIONS } from '../../src/io/ledger/postgres-migrations.js';
import { ledgerPath } from '../../src/io/ledger/sqlite-open.js';
import { FIXED_NOW_MS } from '../cli/helpers/run-cli.js';

export const PG_URL_VARIABLE = 'YANGTZE_TEST_PG_URL';

export interface Backend {
  readonly name: 'sqlite' | 'postgresql';
  /** A fresh, empty ledger (none created yet) and a home with a signing key. */
  fresh(): Promise<LedgerTarget & { home: string }>;
  /** CLI flags that select this ledger (`--ledger URL` on PostgreSQL). */
  flags(target: LedgerTarget): string[];
  /** Marks an existing ledger as migrated by a newer yangtze (behind the adapter's back). */
  markNewer(target: LedgerTarget, version: number): Promise<void>;
  /** A ledger made by an older yangtze: the first `version` migrations only, then `sql` run on it. */
  atVersion(target: LedgerTarget, version: number, sql: string): Promise<void>;
  /** Another writer holding the lock a redemption of this pass needs, until the returned function is called. */
  holdPass(target: LedgerTarget, passId: string): Promise<() => Promise<void>>;
}

function aHome(): string {
  const home = mkdtempSync(path.join(tmpdir(), 'yangtze-contract-'));
  initKeys(home, FIXED_NOW_MS);
  return home;
}

const sqlite: Backend = {
  name: 'sqlite',
  fresh: async () => ({ home: aHome() }),
  flags: () => [],
  markNewer: async (target, version) => {
    const db = new Database(ledgerPath(target.home));
    db.pragma(`user_version = ${version}`);
    db.close();
  },
  atVersion: async (target, version, sql) => {
    const db = new Database(ledgerPath(target.home));
    for (const m of MIGRATIONS.slice(0, version)) db.exec(m);
    db.pragma(`user_version = ${version}`);
    db.exec(sql);
    db.close();
  },
  holdPass: async (target) => {
    const db = new Database(ledgerPath(target.home));
    db.exec('BEGIN IMMEDIATE');
    return async () => {
      db.exec('ROLLBACK');
      db.close();
    };
  },
};

function postgres(adminUrl: string): Backend {
  const created: string[] = [];
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    for (const db of created) await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.end();
  });
  return {
    name: 'postgresql',
    fresh: async () => {
      const db = `yz_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${db}`);
      } finally {
        await admin.end();
      }
      created.push(db);
      const url = new URL(adminUrl);
      url.pathname = `/${db}`;
      return { home: aHome(), ledgerUrl: url.toString() };
    },
    flags: (target) => (target.ledgerUrl ? ['--ledger', target.ledgerUrl] : []),
    markNewer: async (target, version) => {
      const c = new pg.Client({ connectionString: target.ledgerUrl });
      await c.connect();
      await c.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      await c.end();
    },
    atVersion: async (target, version, sql) => {
      const c = new pg.Client({ connectionString: target.ledgerUrl });
      await c.connect();
      await c.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      for (let v = 1; v <= version; v++) {
        await c.query(PG_MIGRATIONS[v - 1]!);
        await c.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v]);
      }
      await c.query(sql);
      await c.end();
    },
    holdPass: async (target, passId) => {
      const c = new pg.Client({ connectionString: target.ledgerUrl });
      await c.connect();
      await c.query('BEGIN');
      await c.query('SELECT 1 FROM passes WHERE id = $1 FOR UPDATE', [passId]);
      return async () => {
        await c.query('ROLLBACK');
        await c.end();
      };
    },
  };
}

/**
 * Runs `specs` once per backend, inside describe(backend name). Call at the top
 * level of a test file.
 */
export function describeEachBackend(title: string, specs: (backend: Backend) => void): void {
  describe(`${title} [sqlite]`, () => specs(sqlite));
  const url = process.env[PG_URL_VARIABLE];
  if (url) {
    describe(`${title} [postgresql]`, () => specs(postgres(url)));
  } else if (process.env.CI === 'true') {
    describe(`${title} [postgresql]`, () => {
      it(`needs ${PG_URL_VARIABLE} on CI: the PostgreSQL backend is never skipped there (.ci/run starts a server)`, () => {
        throw new Error(`${PG_URL_VARIABLE} is not set, and CI=true: start PostgreSQL (scripts/pg-throwaway.sh) and export the URL`);
      });
    });
  } else {
    process.stderr.write(`${title}: PostgreSQL backend SKIPPED (set ${PG_URL_VARIABLE}=postgresql://… to run it; .ci/run does)\n`);
    describe(`${title} [postgresql]`, () => {
      it.skip(`SKIPPED: ${PG_URL_VARIABLE} is not set`, () => undefined);
    });
  }
}
