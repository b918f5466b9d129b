/**
 * A damaged or emptied ledger file is reported before anything is read out or
 * written in: issue 14, items 5 (a 0-byte ledger silently became an empty one)
 * and 13 (damaged pages noticed only halfway through an export).
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ledgerPath } from '../../src/io/ledger/sqlite-open.js';
import { runCli } from '../cli/helpers/run-cli.js';
import { aHome, homeWithPasses, LEDGER_CATALOGUE, writeBookings } from './ledger-helpers.js';

describe('a 0-byte ledger.sqlite (truncated, or an aborted copy)', () => {
  it('is refused by export, exit 3, and stays 0 bytes with no -wal beside it', async () => {
    const home = aHome();
    writeFileSync(ledgerPath(home), '');
    const run = await runCli(['--home', home, 'pass', 'export']);
    expect(run.exitCode).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/ledger\.sqlite is empty \(0 bytes\).*left untouched/);
    expect(statSync(ledgerPath(home)).size).toBe(0);
    expect(existsSync(ledgerPath(home) + '-wal')).toBe(false);
  });

  it('is refused by a batch issue, which would otherwise issue every booking a second time', async () => {
    const home = aHome();
    writeFileSync(ledgerPath(home), '');
    const bookings = writeBookings(home, ['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const run = await runCli(['--home', home, '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--bookings', bookings]);
    expect(run.exitCode).toBe(3);
    expect(statSync(ledgerPath(home)).size).toBe(0);
  });
});

describe('a ledger with a damaged page among its passes', () => {
  async function damagedLedger(): Promise<{ home: string; bytes: Buffer }> {
    const rows = Array.from({ length: 400 }, (_, i) => `BK${i},Holder ${i},,adult,wuhan-culture-pass,2026-05-12`);
    const home = await homeWithPasses(rows);
    const file = ledgerPath(home);
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const bytes = readFileSync(file);
    // A page two thirds in: passes rows, well after the schema; the export reaches it only after hundreds of rows.
    const page = Math.floor((bytes.length / pageSize) * (2 / 3));
    bytes.fill(0x5a, page * pageSize, (page + 1) * pageSize);
    writeFileSync(file, bytes);
    return { home, bytes };
  }

  it('is reported by export before any output (exit 3), the file left as it was', async () => {
    const { home, bytes } = await damagedLedger();
    const run = await runCli(['--home', home, 'pass', 'export', '--format', 'ndjson']);
    expect(run.exitCode).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/not a readable yangtze ledger.*left untouched/);
    expect(readFileSync(ledgerPath(home)).equals(bytes)).toBe(true);
  });

  it('leaves an earlier -o file as it was and no temporary file beside it', async () => {
    const { home } = await damagedLedger();
    const out = path.join(home, 'passes.csv');
    writeFileSync(out, 'yesterday\n');
    const run = await runCli(['--home', home, 'pass', 'export', '--format', 'csv', '-o', out]);
    expect(run.exitCode).toBe(3);
    expect(readFileSync(out, 'utf8')).toBe('yesterday\n');
    expect(existsSync(`${out}.${process.pid}.tmp`)).toBe(false);
  });
});
