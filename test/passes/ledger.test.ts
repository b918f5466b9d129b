import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { decideEntry, type EntryRules } from '../../src/domain/passes/ledger-entry-rule.js';
import { LedgerError } from '../../src/io/ledger/ledger-error.js';
import { LEDGER_SCHEMA_VERSION } from '../../src/io/ledger/migrations.js';
import { ledgerPath, openSqliteDb } from '../../src/io/ledger/sqlite-open.js';
import { runPassRedeem } from '../../src/commands/pass-redeem.js';
import { iteratePasses } from '../../src/io/ledger/iterate-passes.js';
import { runCli, FIXED_NOW_MS } from '../cli/helpers/run-cli.js';
import { homeWithPasses, noonOf } from './ledger-helpers.js';

const consecutive3: EntryRules = { kind: 'consecutive-days', starts: 'first-use', entries: 'once', days: 3, validFrom: '2026-05-12', validUntil: '2026-06-30' };

describe('decideEntry', () => {
  it('admits the first entry and starts the window on that day', () => {
    const d = decideEntry(consecutive3, [], 'east-lake', '2026-05-20');
    expect(d).toMatchObject({ admit: true, dayKey: '', windowStart: '2026-05-20', windowUntil: '2026-05-22' });
  });

  it('refuses a second entry at the same attraction of a once pass', () => {
    const d = decideEntry(consecutive3, [{ attraction: 'east-lake', day: '2026-05-20' }], 'east-lake', '2026-05-21');
    expect(d).toMatchObject({ admit: false, reason: 'already-used' });
  });

  it('refuses an entry after the consecutive days that began at first use', () => {
    const d = decideEntry(consecutive3, [{ attraction: 'east-lake', day: '2026-05-20' }], 'guiyuan-temple', '2026-05-23');
    expect(d).toMatchObject({ admit: false, reason: 'expired' });
  });

  it('admits once-per-day entries on different days, not twice on one day', () => {
    const rules: EntryRules = { kind: 'flex-days', starts: 'first-use', entries: 'once-per-day', days: 2, withinDays: 10, validFrom: '2026-05-12', validUntil: '2026-06-30' };
    const past = [{ attraction: 'east-lake', day: '2026-05-20' }];
    expect(decideEntry(rules, past, 'east-lake', '2026-05-20')).toMatchObject({ admit: false, reason: 'already-used' });
    expect(decideEntry(rules, past, 'east-lake', '2026-05-22')).toMatchObject({ admit: true, dayKey: '2026-05-22', dayNo: 2 });
  });

  it('refuses a third distinct day of a two-day flex pass', () => {
    const rules: EntryRules = { kind: 'flex-days', starts: 'first-use', entries: 'once-per-day', days: 2, withinDays: 10, validFrom: '2026-05-12', validUntil: '2026-06-30' };
    const past = [
      { attraction: 'east-lake', day: '2026-05-20' },
      { attraction: 'east-lake', day: '2026-05-22' },
    ];
    expect(decideEntry(rules, past, 'guiyuan-temple', '2026-05-24')).toMatchObject({ admit: false, reason: 'no-days-left' });
  });

  it('spends one credit per entry of an attraction-count pass and refuses when none is left', () => {
    const rules: EntryRules = { kind: 'attraction-count', starts: 'first-use', entries: 'unlimited', count: 2, withinDays: 30, validFrom: '2026-05-12', validUntil: '2026-06-30' };
    expect(decideEntry(rules, [{ attraction: 'east-lake', day: '2026-05-20' }], 'east-lake', '2026-05-20')).toMatchObject({
      admit: true,
      credit: 2,
      usedUp: true,
      dayKey: '2026-05-20#2',
    });
    const spent = [
      { attraction: 'east-lake', day: '2026-05-20' },
      { attraction: 'east-lake', day: '2026-05-20' },
    ];
    expect(decideEntry(rules, spent, 'guiyuan-temple', '2026-05-21')).toMatchObject({ admit: false, reason: 'used-up' });
  });
});

describe('the ledger file', () => {
  it('is created with the current schema version, in WAL mode', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const db = new Database(ledgerPath(home), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LEDGER_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('makes a second entry for the same pass, attraction and day key impossible in SQL itself', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const db = openSqliteDb(home);
    const [pass] = [...iteratePasses(db)];
    const insert = db.prepare("INSERT INTO redemptions (pass_id, attraction, day, day_key, at, source) VALUES (?, 'east-lake', ?, '', 'x', 'online')");
    insert.run(pass!.id, '2026-05-12');
    expect(() => insert.run(pass!.id, '2026-05-13')).toThrow(/UNIQUE constraint failed/);
    db.close();
  });

  it('reports a file of garbage as not a ledger, exit 3, and leaves it byte for byte', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'yangtze-corrupt-'));
    const file = ledgerPath(home);
    const garbage = Buffer.from('this is not a database\n'.repeat(200));
    writeFileSync(file, garbage);
    const run = await runCli(['--home', home, 'pass', 'export', '--format', 'ndjson']);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toMatch(/not a readable yangtze ledger.*left untouched/);
    expect(readFileSync(file).equals(garbage)).toBe(true);
    expect(existsSync(file + '-wal')).toBe(false);
  });

  it('refuses a ledger with a damaged SQLite header page without writing to it', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const file = ledgerPath(home);
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(file);
    bytes.fill(0xff, 100, 4096); // the schema page after the 100-byte header
    writeFileSync(file, bytes);
    const run = await runCli(['--home', home, 'pass', 'export']);
    expect(run.exitCode).toBe(3);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a ledger from a newer yangtze and leaves it alone', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const db = new Database(ledgerPath(home));
    db.pragma(`user_version = ${LEDGER_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openSqliteDb(home)).toThrow(LedgerError);
    expect(() => openSqliteDb(home)).toThrow(/newer than this yangtze understands/);
  });

  it('says the ledger is locked, exit 3, when another process holds the write lock; nothing is lost', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const holder = new Database(ledgerPath(home));
    const [pass] = [...iteratePasses(holder)];
    holder.exec('BEGIN IMMEDIATE');
    try {
      await expect(
        runPassRedeem({ token: pass!.token, at: 'east-lake', date: '2026-05-12', offline: false }, { home, nowMs: noonOf('2026-05-12'), busyTimeoutMs: 50 }),
      ).rejects.toThrow(/locked by another process; nothing was changed/);
    } finally {
      holder.exec('ROLLBACK');
    }
    const again = await runPassRedeem({ token: pass!.token, at: 'east-lake', date: '2026-05-12', offline: false }, { home, nowMs: noonOf('2026-05-12') });
    expect(again.admitted).toBe(true);
    holder.close();
  });

  it('says there is no ledger (exit 4) rather than creating one for a read', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'yangtze-empty-'));
    const run = await runCli(['--home', home, 'pass', 'export']);
    expect(run.exitCode).toBe(4);
    expect(existsSync(ledgerPath(home))).toBe(false);
  });
});
