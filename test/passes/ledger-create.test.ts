/**
 * A new SQLite ledger appears whole or not at all: SQLite creates a database as a 0-byte file and
 * writes its first page later, and a 0-byte ledger is refused as truncated — so two commands that
 * start on a fresh home at the same moment must never see the other's half-made file (CI saw
 * `pass issue --bookings` run twice at once exit 3: "ledger.sqlite is empty (0 bytes)").
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LEDGER_SCHEMA_VERSION } from '../../src/io/ledger/migrations.js';
import { createLedgerFile, ledgerPath } from '../../src/io/ledger/sqlite-open.js';
import { spawnCli } from '../cli/helpers/run-cli.js';
import { aHome, writeBookings } from './ledger-helpers.js';

describe('creating the SQLite ledger', () => {
  it('puts a migrated ledger in WAL mode in place and leaves no file of its own behind', () => {
    const home = aHome();
    const file = ledgerPath(home);
    createLedgerFile(file);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LEDGER_SCHEMA_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
    expect(readdirSync(home).filter((f) => f.startsWith(path.basename(file)) && f !== path.basename(file) && !/-(wal|shm)$/.test(f))).toEqual([]);
  });

  it('keeps the ledger another process put there first, byte for byte', () => {
    const home = aHome();
    const file = ledgerPath(home);
    createLedgerFile(file);
    const before = readFileSync(file);
    createLedgerFile(file);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(file)).toBe(true);
  });

  it('lets eight batch issues start on one fresh home at once: each exits 0 and every booking is issued once', async () => {
    const home = aHome();
    const file = writeBookings(home, Array.from({ length: 40 }, (_, i) => `BK${i},Holder ${i},,adult,wuhan-culture-pass,2026-05-12`));
    const slow = { timeoutMs: 60_000, env: { YANGTZE_LEDGER_BUSY_MS: '50000' } };
    const runs = await Promise.all(
      Array.from({ length: 8 }, () => spawnCli(['--home', home, '--catalogue', 'test/fixtures/passes/catalogue.yaml', 'pass', 'issue', '--bookings', file], slow)),
    );
    expect(runs.map((r) => (r.exitCode === 0 ? 0 : r.stderr))).toEqual(Array(8).fill(0));
    const issued = runs.map((r) => Number(/^issued\t(\d+)/m.exec(r.stdout)![1]));
    expect(issued.reduce((a, b) => a + b, 0)).toBe(40);
  }, 120_000);
});
