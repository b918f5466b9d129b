/**
 * The ledger's contract, run unchanged against every backend (SQLite, and
 * PostgreSQL when YANGTZE_TEST_PG_URL is set): idempotent issue by booking,
 * the entry rules, revocation and refund, reconcile, streamed export, the
 * revocation list, gate credentials, schema versions, never created by a read.
 */
import { expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runPassExport } from '../../src/commands/pass-export.js';
import { runPassIssueBatch } from '../../src/commands/pass-issue-batch.js';
import { runPassReconcile } from '../../src/commands/pass-reconcile.js';
import { runPassRedeem } from '../../src/commands/pass-redeem.js';
import { runRevocationsExport } from '../../src/commands/pass-revocations.js';
import { runPassRevoke } from '../../src/commands/pass-revoke.js';
import { loadSigner } from '../../src/io/keys.js';
import { GateExists, LedgerNotFound } from '../../src/io/ledger/ledger-error.js';
import type { LedgerPass } from '../../src/io/ledger/ledger-pass.js';
import type { LedgerTarget } from '../../src/io/ledger/ledger-port.js';
import { LEDGER_SCHEMA_VERSION } from '../../src/io/ledger/migrations.js';
import { openLedger } from '../../src/io/ledger/open-ledger.js';
import { withLedger } from '../../src/io/ledger/with-ledger.js';
import { FIXED_NOW_MS } from '../cli/helpers/run-cli.js';
import { ledgerCatalogue, noonOf, writeBookings } from '../passes/ledger-helpers.js';
import { describeEachBackend, type Backend } from './ledger-backends.js';

type Target = LedgerTarget & { home: string };

async function issue(target: Target, rows: readonly string[]) {
  return runPassIssueBatch(
    { bookings: writeBookings(target.home, rows), strict: true },
    { ...target, catalogue: await ledgerCatalogue(), nowMs: FIXED_NOW_MS, signer: loadSigner(target.home) },
  );
}

async function passes(target: Target): Promise<LedgerPass[]> {
  return withLedger(target, {}, async (ledger) => {
    const all: LedgerPass[] = [];
    for await (const p of ledger.iteratePasses()) all.push(p);
    return all;
  });
}

function redeem(target: Target, pass: LedgerPass, at: string, date: string) {
  return runPassRedeem({ token: pass.token, at, date, offline: false }, { ...target, nowMs: noonOf(date) });
}

const row = (booking: string, holder: string, product: string) => `${booking},${holder},,adult,${product},2026-05-12`;

describeEachBackend('ledger contract', (backend: Backend) => {
  it('issues a batch once: running it again skips every row already issued, and nothing is duplicated', async () => {
    const target = await backend.fresh();
    const rows = Array.from({ length: 25 }, (_, i) => row(`BK${i}`, `Holder ${i}`, 'wuhan-culture-pass'));
    expect(await issue(target, rows)).toMatchObject({ issued: 25, alreadyIssued: 0 });
    expect(await issue(target, [...rows, row('BK99', 'New', 'wuhan-culture-pass')])).toMatchObject({ issued: 1, alreadyIssued: 25 });
    const all = await passes(target);
    expect(all).toHaveLength(26);
    expect(new Set(all.map((p) => p.booking)).size).toBe(26);
  });

  it('admits a once pass once per attraction and activates it on the first day of use', async () => {
    const target = await backend.fresh();
    await issue(target, [row('BK1', 'Li Wei', 'wuhan-culture-pass')]);
    const [pass] = await passes(target);
    expect(await redeem(target, pass!, 'east-lake', '2026-05-12')).toMatchObject({ admitted: true });
    expect(await redeem(target, pass!, 'east-lake', '2026-05-13')).toMatchObject({ admitted: false, reason: 'already-used' });
    expect(await redeem(target, pass!, 'guiyuan-temple', '2026-05-13')).toMatchObject({ admitted: true });
    const [after] = await passes(target);
    expect(after).toMatchObject({ status: 'active', activatedOn: '2026-05-12' });
    expect(await withLedger(target, {}, (l) => l.entriesOf(pass!.id))).toEqual([
      { attraction: 'east-lake', day: '2026-05-12', gate: null, at: expect.any(String) },
      { attraction: 'guiyuan-temple', day: '2026-05-13', gate: null, at: expect.any(String) },
    ]);
  });

  it('finds a redemption by the scan id it was recorded with, and nothing for an unknown scan id', async () => {
    const target = await backend.fresh();
    await issue(target, [row('BK1', 'Li Wei', 'wuhan-culture-pass')]);
    const [pass] = await passes(target);
    const at = '2026-05-12T09:00:00+08:00';
    const found = await withLedger(target, {}, async (l) => {
      const entry = await l.recordEntry({ passId: pass!.id, attraction: 'east-lake', date: '2026-05-12', at, gate: 'g1', source: 'online', scanId: 'scan-1' });
      return { entry, byScan: await l.redemptionByScan('scan-1'), unknown: await l.redemptionByScan('scan-2') };
    });
    expect(found.entry).toMatchObject({ admit: true });
    const redemptionId = found.entry.admit ? found.entry.redemptionId : -1;
    expect(found.byScan).toEqual({ redemptionId, passId: pass!.id, attraction: 'east-lake', day: '2026-05-12', at });
    expect(found.unknown).toBeNull();
  });

  it('spends the credits of an attraction-count pass and then refuses it as used up', async () => {
    const target = await backend.fresh();
    await issue(target, [row('BK1', 'Li Wei', 'wuhan-three-visits')]);
    const [pass] = await passes(target);
    expect(await redeem(target, pass!, 'east-lake', '2026-05-12')).toMatchObject({ admitted: true, note: 'entry 1 of 3' });
    expect(await redeem(target, pass!, 'east-lake', '2026-05-12')).toMatchObject({ admitted: true, note: 'entry 2 of 3' });
    expect(await redeem(target, pass!, 'guiyuan-temple', '2026-05-14')).toMatchObject({ admitted: true, note: 'entry 3 of 3' });
    expect(await redeem(target, pass!, 'yellow-crane-tower', '2026-05-15')).toMatchObject({ admitted: false, reason: 'used-up' });
    expect((await passes(target))[0]!.status).toBe('used-up');
  });

  it('admits a flex-days once-per-day pass once a day, on at most its number of days', async () => {
    const target = await backend.fresh();
    await issue(target, [row('BK1', 'Li Wei', 'wuhan-daily-pass')]);
    const [pass] = await passes(target);
    expect(await redeem(target, pass!, 'east-lake', '2026-05-12')).toMatchObject({ admitted: true, note: 'day 1 of 2' });
    expect(await redeem(target, pass!, 'east-lake', '2026-05-12')).toMatchObject({ admitted: false, reason: 'already-used' });
    expect(await redeem(target, pass!, 'guiyuan-temple', '2026-05-12')).toMatchObject({ admitted: true, note: 'day 1 of 2' });
    expect(await redeem(target, pass!, 'east-lake', '2026-05-15')).toMatchObject({ admitted: true, note: 'day 2 of 2' });
    expect(await redeem(target, pass!, 'guiyuan-temple', '2026-05-16')).toMatchObject({ admitted: false, reason: 'no-days-left' });
  });

  it('refuses revoked and refunded passes, refunds unused passes only, and lists both for offline gates', async () => {
    const target = await backend.fresh();
    await issue(target, ['Li Wei', 'Wang Fang', 'Zhao Lei'].map((h, i) => row(`BK${i}`, h, 'wuhan-culture-pass')));
    const [a, b, c] = await passes(target);
    const deps = { ...target, nowMs: FIXED_NOW_MS, signer: loadSigner(target.home) };
    expect(await runPassRevoke({ passId: a!.id, kind: 'revoked', reason: 'lent to another person' }, deps)).toMatchObject({ changed: true });
    expect(await runPassRevoke({ passId: a!.id, kind: 'revoked', reason: 'again' }, deps)).toMatchObject({ changed: false, kind: 'revoked' });
    expect(await redeem(target, a!, 'east-lake', '2026-05-12')).toMatchObject({ admitted: false, reason: 'revoked' });
    expect(await runPassRevoke({ passId: b!.id, kind: 'refunded', reason: 'refund' }, deps)).toMatchObject({ changed: true });
    expect(await redeem(target, b!, 'east-lake', '2026-05-12')).toMatchObject({ admitted: false, reason: 'refunded' });
    expect(await redeem(target, c!, 'east-lake', '2026-05-12')).toMatchObject({ admitted: true });
    await expect(runPassRevoke({ passId: c!.id, kind: 'refunded', reason: 'refund' }, deps)).rejects.toThrow(/only unused passes are refunded/);
    await expect(runPassRevoke({ passId: 'YZ-NOSUCHPASS0', kind: 'refunded', reason: 'refund' }, deps)).rejects.toMatchObject({ exitCode: 4 });
    const list = await runRevocationsExport({}, deps);
    expect(list.list.passIds).toEqual([a!.id, b!.id].sort());
  });

  it('merges gate logs once, reports the double use with the entry that came first, and merges nothing twice', async () => {
    const target = await backend.fresh();
    await issue(target, [row('BK1', 'Li Wei', 'wuhan-culture-pass')]);
    const [pass] = await passes(target);
    const scan = (gate: string, at: string, n: number) =>
      JSON.stringify({ v: 1, scan: `00000000-0000-4000-8000-00000000000${n}`, gate, at, date: '2026-05-12', passId: pass!.id, attraction: 'east-lake', result: 'admitted', reason: 'ok', token: pass!.token });
    const logA = path.join(target.home, 'a.ndjson');
    const logB = path.join(target.home, 'b.ndjson');
    writeFileSync(logA, scan('a', '2026-05-12T09:00:00+08:00', 1) + '\n');
    writeFileSync(logB, scan('b', '2026-05-12T10:00:00+08:00', 2) + '\n');
    const first = await runPassReconcile({ logs: [logB, logA] }, { ...target, nowMs: FIXED_NOW_MS });
    expect(first).toMatchObject({ scans: 2, merged: 2, alreadyMerged: 0 });
    expect(first.conflicts).toEqual([expect.objectContaining({ conflict: 'already-used', scan: expect.objectContaining({ gate: 'b' }), earlier: { gate: 'a', at: '2026-05-12T09:00:00+08:00', day: '2026-05-12' } })]);
    const again = await runPassReconcile({ logs: [logA, logB] }, { ...target, nowMs: FIXED_NOW_MS });
    expect(again).toMatchObject({ merged: 0, alreadyMerged: 2 });
    expect(again.conflicts).toEqual([expect.objectContaining({ conflict: 'already-used', earlier: expect.objectContaining({ gate: 'a' }) })]);
    expect(await withLedger(target, {}, (l) => l.entriesOf(pass!.id))).toHaveLength(1);
  });

  it('streams every pass in issue order, across pages, and --since filters by issue date', async () => {
    const target = await backend.fresh();
    const rows = Array.from({ length: 2_345 }, (_, i) => row(`BK${i}`, `Holder ${i}`, 'wuhan-culture-pass'));
    await issue(target, rows);
    const out = path.join(target.home, 'all.ndjson');
    expect(await runPassExport({ format: 'ndjson', output: out }, { ...target, nowMs: FIXED_NOW_MS, stdout: process.stdout })).toMatchObject({ passes: 2_345 });
    const written: string[] = [];
    const stdout = { isTTY: false, write: (s: string) => (written.push(s), true) };
    await runPassExport({ format: 'csv' }, { ...target, nowMs: FIXED_NOW_MS, stdout });
    const csv = written.join('').trim().split('\r\n');
    expect(csv).toHaveLength(2_346);
    expect(csv.slice(1).map((l) => l.split(',')[9])).toEqual(rows.map((_, i) => `BK${i}`));
    const none = await runPassExport({ format: 'ndjson', since: '2026-05-12' }, { ...target, nowMs: FIXED_NOW_MS, stdout });
    expect(none.passes).toBe(0);
  });

  it('stores gate credentials: a taken id is refused, a revoked gate is kept with its time', async () => {
    const target = await backend.fresh();
    await issue(target, [row('BK1', 'Li Wei', 'wuhan-culture-pass')]);
    await withLedger(target, {}, async (ledger) => {
      const gate = { id: 'east-lake-north', attractions: ['east-lake'], secretHash: 'scrypt$abc$def', createdAt: '2026-05-11T09:00:00+08:00' };
      await ledger.addGate(gate);
      await ledger.addGate({ ...gate, id: 'a-two-sites', attractions: ['east-lake', 'guiyuan-temple'] });
      await expect(ledger.addGate(gate)).rejects.toBeInstanceOf(GateExists);
      expect(await ledger.findGate('east-lake-north')).toEqual({ ...gate, revokedAt: null });
      expect(await ledger.findGate('nope')).toBeNull();
      expect(await ledger.revokeGate('east-lake-north', '2026-05-12T10:00:00+08:00')).toBe(true);
      expect(await ledger.revokeGate('east-lake-north', '2026-05-13T10:00:00+08:00')).toBe(false);
      expect(await ledger.revokeGate('nope', '2026-05-13T10:00:00+08:00')).toBe(false);
      expect((await ledger.listGates()).map((g) => [g.id, g.attractions, g.revokedAt])).toEqual([
        ['a-two-sites', ['east-lake', 'guiyuan-temple'], null],
        ['east-lake-north', ['east-lake'], '2026-05-12T10:00:00+08:00'],
      ]);
    });
  });

  it('is never created by a read, and is created at the current schema version by issue', async () => {
    const target = await backend.fresh();
    await expect(openLedger(target)).rejects.toBeInstanceOf(LedgerNotFound);
    await expect(openLedger(target)).rejects.toMatchObject({ exitCode: 4 });
    const ledger = await openLedger(target, { create: true });
    try {
      expect(await ledger.schemaVersion()).toBe(LEDGER_SCHEMA_VERSION);
      expect(ledger.backend).toBe(backend.name);
    } finally {
      await ledger.close();
    }
    await expect(openLedger(target).then((l) => l.close())).resolves.toBeUndefined();
  });

  it('issues a pass to each of two travellers of one booking who share a name, and a rerun issues nothing new', async () => {
    const target = await backend.fresh();
    const rows = ['BK1,Li Wei,11010519491231002X,adult,wuhan-culture-pass,2026-05-12', 'BK1,Li Wei,110105201001010010,child,wuhan-culture-pass,2026-05-12'];
    expect(await issue(target, rows)).toMatchObject({ issued: 2, alreadyIssued: 0, issues: [] });
    expect(await issue(target, rows)).toMatchObject({ issued: 0, alreadyIssued: 2 });
    const all = await passes(target);
    expect(all.map((p) => [p.holder, p.traveller, p.category])).toEqual([['Li Wei', 1, 'adult'], ['Li Wei', 2, 'child']]);
  });

  it('migrates a version-2 ledger: its passes and their entries are kept, as traveller 1, and a namesake can then be issued', async () => {
    const target = await backend.fresh();
    await backend.atVersion(
      target,
      2,
      `INSERT INTO passes (id, product, holder, category, id_hash, booking, valid_from, valid_until, kind, starts, entries, days, within_days, count,
                           attractions, price, currency, status, activated_on, issued_at, key_id, token)
         VALUES ('OLDPASS1', 'wuhan-culture-pass', 'Li Wei', 'adult', NULL, 'BK1', '2026-05-12', '2026-05-14', 'consecutive-days', 'first-use',
                 'once', 3, NULL, NULL, 'yellow-crane-tower', 100, 'CNY', 'active', '2026-05-12', '2026-05-01T10:00:00+08:00', 'k1', 'old-token');
       INSERT INTO redemptions (pass_id, attraction, day, day_key, credit, gate, at, source, scan_id)
         VALUES ('OLDPASS1', 'yellow-crane-tower', '2026-05-12', '', NULL, 'g1', '2026-05-12T09:00:00+08:00', 'online', NULL);`,
    );
    const rows = [row('BK1', 'Li Wei', 'wuhan-culture-pass'), row('BK1', 'Li Wei', 'wuhan-culture-pass')];
    expect(await issue(target, rows)).toMatchObject({ issued: 1, alreadyIssued: 1 });
    const all = await passes(target);
    expect(all.map((p) => [p.id === 'OLDPASS1', p.traveller, p.token === 'old-token', p.status])).toEqual([
      [true, 1, true, 'active'],
      [false, 2, false, 'issued'],
    ]);
    const ledger = await openLedger(target);
    try {
      expect(await ledger.schemaVersion()).toBe(LEDGER_SCHEMA_VERSION);
      expect(await ledger.entriesOf('OLDPASS1')).toEqual([{ attraction: 'yellow-crane-tower', day: '2026-05-12', gate: 'g1', at: '2026-05-12T09:00:00+08:00' }]);
    } finally {
      await ledger.close();
    }
  });

  it('refuses a ledger migrated by a newer yangtze, and leaves it as it was', async () => {
    const target = await backend.fresh();
    await issue(target, [row('BK1', 'Li Wei', 'wuhan-culture-pass')]);
    await backend.markNewer(target, LEDGER_SCHEMA_VERSION + 1);
    await expect(openLedger(target)).rejects.toThrow(/newer than this yangtze understands.*left untouched/);
    await expect(openLedger(target, { create: true })).rejects.toMatchObject({ exitCode: 3 });
  });

  it('lets a reader stop early without leaving anything open: the next writes on the same ledger go through', async () => {
    const target = await backend.fresh();
    await issue(target, Array.from({ length: 1_200 }, (_, i) => row(`BK${i}`, `Holder ${i}`, 'wuhan-culture-pass')));
    await withLedger(target, {}, async (ledger) => {
      const first: LedgerPass[] = [];
      for await (const p of ledger.iteratePasses()) if (first.push(p) === 3) break;
      for (const p of first) {
        expect(await ledger.recordEntry({ passId: p.id, attraction: 'east-lake', date: '2026-05-12', at: '2026-05-12T09:00:00+08:00', gate: null, source: 'online' })).toMatchObject({ admit: true });
      }
      expect(await ledger.entriesOf(first[2]!.id)).toHaveLength(1);
    });
  });

  it('stores gate names and scan times exactly as given, quotes and backslashes included', async () => {
    const target = await backend.fresh();
    await issue(target, [row('BK1', 'Li Wei', 'wuhan-culture-pass')]);
    const [pass] = await passes(target);
    const gate = "north'); DELETE FROM passes; -- \\ \u00e9\u95e8";
    const outcome = await withLedger(target, {}, (l) =>
      l.recordEntry({ passId: pass!.id, attraction: 'east-lake', date: '2026-05-12', at: "2026-05-12T09:00:00+08:00'", gate, source: 'online' }),
    );
    expect(outcome).toMatchObject({ admit: true });
    expect(await withLedger(target, {}, (l) => l.entriesOf(pass!.id))).toEqual([{ attraction: 'east-lake', day: '2026-05-12', gate, at: "2026-05-12T09:00:00+08:00'" }]);
    expect(await passes(target)).toHaveLength(1);
  });
  it('says the ledger is locked (exit 3) when another writer holds the pass longer than the busy timeout, and nothing is recorded', async () => {
    const target = await backend.fresh();
    await issue(target, [row('BK1', 'Li Wei', 'wuhan-culture-pass')]);
    const [pass] = await passes(target);
    const release = await backend.holdPass(target, pass!.id);
    try {
      await expect(
        runPassRedeem({ token: pass!.token, at: 'east-lake', date: '2026-05-12', offline: false }, { ...target, busyTimeoutMs: 200, nowMs: noonOf('2026-05-12') }),
      ).rejects.toThrow(/locked by another process; nothing was changed/);
    } finally {
      await release();
    }
    expect(await withLedger(target, {}, (l) => l.entriesOf(pass!.id))).toEqual([]);
    expect(await redeem(target, pass!, 'east-lake', '2026-05-12')).toMatchObject({ admitted: true });
  });
});
