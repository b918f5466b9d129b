/**
 * Exactly once under concurrent writers, on every backend: separate processes
 * (the real CLI, each with its own connection) and separate connections in one
 * process race for one pass; the ledger's own rows are the judge.
 */
import { expect, it, jest } from '@jest/globals';
import { runPassIssueBatch } from '../../src/commands/pass-issue-batch.js';
import { loadSigner } from '../../src/io/keys.js';
import type { LedgerPass } from '../../src/io/ledger/ledger-pass.js';
import type { LedgerTarget } from '../../src/io/ledger/ledger-port.js';
import { openLedger } from '../../src/io/ledger/open-ledger.js';
import { withLedger } from '../../src/io/ledger/with-ledger.js';
import { FIXED_NOW_MS, spawnCli } from '../cli/helpers/run-cli.js';
import { ledgerCatalogue, writeBookings } from '../passes/ledger-helpers.js';
import { describeEachBackend } from './ledger-backends.js';

type Target = LedgerTarget & { home: string };
const processes = 8;
/** The machine may be loaded: a child is killed only after a minute, and each spec may take two. */
// On a loaded machine a writer can queue behind the other for longer than the default 10 s lock wait:
// these specs are about who wins, not about the wait, so the wait is raised below the kill timer.
const slow = { timeoutMs: 60_000, env: { YANGTZE_LEDGER_BUSY_MS: '50000' } };
jest.setTimeout(120_000);

async function issue(target: Target, rows: readonly string[]): Promise<LedgerPass[]> {
  await runPassIssueBatch(
    { bookings: writeBookings(target.home, rows), strict: true },
    { ...target, catalogue: await ledgerCatalogue(), nowMs: FIXED_NOW_MS, signer: loadSigner(target.home) },
  );
  return withLedger(target, {}, async (ledger) => {
    const all: LedgerPass[] = [];
    for await (const p of ledger.iteratePasses()) all.push(p);
    return all;
  });
}

describeEachBackend('ledger under concurrent writers', (backend) => {
  it(`admits exactly one of ${processes} processes redeeming one pass at one attraction at once`, async () => {
    const target = await backend.fresh();
    const [pass] = await issue(target, ['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const cli = (i: number) => spawnCli([...backend.flags(target), '--home', target.home, 'pass', 'redeem', pass!.token, '--at', 'east-lake', '--date', '2026-05-12', '--gate', `g${i}`], slow);
    const runs = await Promise.all(Array.from({ length: processes }, (_, i) => cli(i)));
    expect(runs.map((r) => r.exitCode).sort()).toEqual([0, ...Array(processes - 1).fill(1)]);
    for (const r of runs.filter((x) => x.exitCode === 1)) expect(r.stdout).toContain('already-used');
    expect(await withLedger(target, {}, (l) => l.entriesOf(pass!.id))).toHaveLength(1);
  });

  it('spends each credit of an attraction-count pass once when more gates than credits race for it', async () => {
    const target = await backend.fresh();
    const [pass] = await issue(target, ['BK1,Li Wei,,adult,wuhan-three-visits,2026-05-12']);
    const runs = await Promise.all(
      Array.from({ length: processes }, (_, i) =>
        spawnCli([...backend.flags(target), '--home', target.home, 'pass', 'redeem', pass!.token, '--at', i % 2 ? 'east-lake' : 'guiyuan-temple', '--date', '2026-05-12', '--gate', `g${i}`], slow),
      ),
    );
    expect(runs.filter((r) => r.exitCode === 0)).toHaveLength(3);
    for (const r of runs.filter((x) => x.exitCode !== 0)) expect(r.stdout).toMatch(/^refused\tused-up/);
    expect(await withLedger(target, {}, (l) => l.entriesOf(pass!.id))).toHaveLength(3);
    expect((await withLedger(target, {}, (l) => l.getPass(pass!.id)))!.status).toBe('used-up');
  });

  it('admits exactly one of 16 connections of one process recording the same entry', async () => {
    const target = await backend.fresh();
    const [pass] = await issue(target, ['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const ledgers = await Promise.all(Array.from({ length: 16 }, () => openLedger(target, { connections: 1 })));
    try {
      const outcomes = await Promise.all(
        ledgers.map((l, i) => l.recordEntry({ passId: pass!.id, attraction: 'east-lake', date: '2026-05-12', at: '2026-05-12T09:00:00+08:00', gate: `g${i}`, source: 'online' })),
      );
      expect(outcomes.filter((o) => o.admit)).toHaveLength(1);
      expect(outcomes.filter((o) => !o.admit).map((o) => !o.admit && o.reason)).toEqual(Array(15).fill('already-used'));
    } finally {
      await Promise.all(ledgers.map((l) => l.close()));
    }
  });

  it('never lets a refund and a redemption of one pass both succeed', async () => {
    const target = await backend.fresh();
    const passes = await issue(target, Array.from({ length: 4 }, (_, i) => `BK${i},Holder ${i},,adult,wuhan-culture-pass,2026-05-12`));
    const flags = [...backend.flags(target), '--home', target.home];
    const rounds = await Promise.all(
      passes.map(async (p) => {
        const [refund, redeem] = await Promise.all([
          spawnCli([...flags, 'pass', 'refund', p.id, '--json'], slow),
          spawnCli([...flags, 'pass', 'redeem', p.token, '--at', 'east-lake', '--date', '2026-05-12', '--json'], slow),
        ]);
        const entries = await withLedger(target, {}, (l) => l.entriesOf(p.id));
        const stored = await withLedger(target, {}, (l) => l.getPass(p.id));
        return { refunded: refund.exitCode === 0, admitted: redeem.exitCode === 0, refundStderr: refund.stderr, redeem: redeem.stdout, entries: entries.length, status: stored!.status };
      }),
    );
    for (const r of rounds) {
      expect([r.refunded, r.admitted].filter(Boolean)).toHaveLength(1);
      if (r.refunded) {
        expect(JSON.parse(r.redeem)).toMatchObject({ admitted: false, reason: 'refunded' });
        expect(r).toMatchObject({ entries: 0, status: 'refunded' });
      } else {
        expect(r.refundStderr).toContain('only unused passes are refunded');
        expect(r).toMatchObject({ entries: 1, status: 'active' });
      }
    }
  });

  it('issues a bookings file run twice at once exactly once', async () => {
    const target = await backend.fresh();
    const rows = Array.from({ length: 1_500 }, (_, i) => `BK${i},Holder ${i},,adult,wuhan-culture-pass,2026-05-12`);
    const file = writeBookings(target.home, rows);
    const flags = [...backend.flags(target), '--home', target.home, '--catalogue', 'test/fixtures/passes/catalogue.yaml'];
    const runs = await Promise.all([0, 1].map(() => spawnCli([...flags, 'pass', 'issue', '--bookings', file], slow)));
    expect(runs.map((r) => r.exitCode)).toEqual([0, 0]);
    const issued = runs.map((r) => Number(/^issued\t(\d+)/m.exec(r.stdout)![1]));
    expect(issued[0]! + issued[1]!).toBe(1_500);
    const all = await withLedger(target, {}, async (ledger) => {
      const ids: string[] = [];
      for await (const p of ledger.iteratePasses()) ids.push(p.booking!);
      return ids;
    });
    expect(all).toHaveLength(1_500);
    expect(new Set(all).size).toBe(1_500);
  });
});
