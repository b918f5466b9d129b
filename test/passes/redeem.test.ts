import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runPassRedeem } from '../../src/commands/pass-redeem.js';
import { ledgerPath } from '../../src/io/ledger/open-ledger.js';
import { FIXED_NOW_MS, runCli, spawnCli } from '../cli/helpers/run-cli.js';
import { encodeToken } from '../../src/domain/passes/token.js';
import { aKeyPair, aTrustFile, someClaims } from './builders.js';
import { homeWithPasses, noonOf, passesOf } from './ledger-helpers.js';


function redeem(home: string, token: string, at: string, date: string, extra: Partial<Parameters<typeof runPassRedeem>[0]> = {}) {
  return runPassRedeem({ token, at, date, offline: false, ...extra }, { home, nowMs: noonOf(date) });
}

describe('pass redeem (online)', () => {
  it('admits a pass once per attraction and refuses the second entry as already used (exit 1)', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const [pass] = passesOf(home);
    const first = await runCli(['--home', home, 'pass', 'redeem', pass!.token, '--at', 'east-lake', '--date', '2026-05-12', '--gate', 'north'], { now: '2026-05-12T10:00:00+08:00' });
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toMatch(/^admitted\tok\t/);
    const second = await runCli(['--home', home, 'pass', 'redeem', pass!.token, '--at', 'east-lake', '--date', '2026-05-13', '--json'], { now: '2026-05-13T10:00:00+08:00' });
    expect(second.exitCode).toBe(1);
    expect(JSON.parse(second.stdout)).toMatchObject({ schemaVersion: 1, kind: 'yangtze.redemption', admitted: false, reason: 'already-used' });
    expect(passesOf(home)[0]).toMatchObject({ status: 'active', activatedOn: '2026-05-12' });
  });

  it('refuses a pass not covering the attraction, and a forged token, before touching the ledger', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const [pass] = passesOf(home);
    expect(await redeem(home, pass!.token, 'hunan-museum', '2026-05-12')).toMatchObject({ admitted: false, reason: 'wrong-attraction' });
    const forged = pass!.token.slice(0, -3) + (pass!.token.endsWith('A') ? 'BAA' : 'AAA');
    expect(await redeem(home, forged, 'east-lake', '2026-05-12')).toMatchObject({ admitted: false });
  });

  it('spends the credits of an attraction-count pass, then refuses it as used up', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-three-visits,2026-05-12']);
    const [pass] = passesOf(home);
    expect(await redeem(home, pass!.token, 'east-lake', '2026-05-12')).toMatchObject({ admitted: true, note: 'entry 1 of 3' });
    expect(await redeem(home, pass!.token, 'east-lake', '2026-05-12')).toMatchObject({ admitted: true, note: 'entry 2 of 3' });
    expect(await redeem(home, pass!.token, 'guiyuan-temple', '2026-05-14')).toMatchObject({ admitted: true, note: 'entry 3 of 3' });
    expect(await redeem(home, pass!.token, 'yellow-crane-tower', '2026-05-15')).toMatchObject({ admitted: false, reason: 'used-up' });
    expect(passesOf(home)[0]!.status).toBe('used-up');
  });

  it('admits a once-per-day pass once a day, on at most its number of days', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-daily-pass,2026-05-12']);
    const [pass] = passesOf(home);
    expect((await redeem(home, pass!.token, 'east-lake', '2026-05-12')).admitted).toBe(true);
    expect(await redeem(home, pass!.token, 'east-lake', '2026-05-12')).toMatchObject({ admitted: false, reason: 'already-used' });
    expect((await redeem(home, pass!.token, 'east-lake', '2026-05-15')).admitted).toBe(true);
    expect(await redeem(home, pass!.token, 'guiyuan-temple', '2026-05-16')).toMatchObject({ admitted: false, reason: 'no-days-left' });
  });

  it('refuses revoked and refunded passes; refunds only unused passes', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12', 'BK2,Wang Fang,,adult,wuhan-culture-pass,2026-05-12', 'BK3,Zhao Lei,,adult,wuhan-culture-pass,2026-05-12']);
    const [a, b, c] = passesOf(home);
    expect((await runCli(['--home', home, 'pass', 'revoke', a!.id, '--reason', 'lent to another person'])).exitCode).toBe(0);
    expect(await redeem(home, a!.token, 'east-lake', '2026-05-12')).toMatchObject({ admitted: false, reason: 'revoked' });
    expect((await runCli(['--home', home, 'pass', 'refund', b!.id])).exitCode).toBe(0);
    expect(await redeem(home, b!.token, 'east-lake', '2026-05-12')).toMatchObject({ admitted: false, reason: 'refunded' });
    expect((await redeem(home, c!.token, 'east-lake', '2026-05-12')).admitted).toBe(true);
    const refundUsed = await runCli(['--home', home, 'pass', 'refund', c!.id]);
    expect(refundUsed.exitCode).toBe(1);
    expect(refundUsed.stderr).toContain('only unused passes are refunded');
    expect((await runCli(['--home', home, 'pass', 'refund', 'YZ-NOSUCHPASS'])).exitCode).toBe(4);
  });

  it('admits exactly one of six processes redeeming the same pass at the same attraction at once', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const [pass] = passesOf(home);
    const runs = await Promise.all(
      Array.from({ length: 6 }, (_, i) => spawnCli(['--home', home, 'pass', 'redeem', pass!.token, '--at', 'east-lake', '--date', '2026-05-12', '--gate', `g${i}`])),
    );
    expect(runs.map((r) => r.exitCode).sort()).toEqual([0, 1, 1, 1, 1, 1]);
    for (const r of runs.filter((x) => x.exitCode === 1)) expect(r.stdout).toContain('already-used');
    const db = new Database(ledgerPath(home), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM redemptions').pluck().get()).toBe(1);
    db.close();
  });
});

describe('pass redeem --offline and pass reconcile', () => {
  it('logs scans to the gate log, and reconcile merges them once and flags the double use at two gates', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const [pass] = passesOf(home);
    const logA = path.join(home, 'gate-a.ndjson');
    const logB = path.join(home, 'gate-b.ndjson');
    const offline = (log: string, gate: string, now: string) =>
      runCli(['--home', home, 'pass', 'redeem', pass!.token, '--at', 'east-lake', '--offline', '--log', log, '--gate', gate], { now });
    expect((await offline(logA, 'a', '2026-05-12T09:00:00+08:00')).exitCode).toBe(0);
    expect((await offline(logA, 'a', '2026-05-12T09:05:00+08:00')).exitCode).toBe(1); // the gate's own log remembers
    expect((await offline(logB, 'b', '2026-05-12T10:00:00+08:00')).exitCode).toBe(0); // another gate cannot know
    const lines = readFileSync(logA, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.result)).toEqual(['admitted', 'refused']);
    expect(Object.keys(lines[0])).toEqual(['v', 'scan', 'gate', 'at', 'date', 'passId', 'attraction', 'result', 'reason', 'token']);

    const first = await runCli(['--home', home, 'pass', 'reconcile', logA, logB, '--json']);
    expect(first.exitCode).toBe(1);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ kind: 'yangtze.reconcile', scans: 2, merged: 2, alreadyMerged: 0 });
    expect(report.conflicts).toEqual([
      expect.objectContaining({ kind: 'double-use', reason: 'already-used', passId: pass!.id, gate: 'b', earlier: { gate: 'a', at: '2026-05-12T09:00:00+08:00' } }),
    ]);

    const again = await runCli(['--home', home, 'pass', 'reconcile', logA, logB, '--json']);
    expect(again.exitCode).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ merged: 0, alreadyMerged: 2 });
    const db = new Database(ledgerPath(home), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM redemptions').pluck().get()).toBe(1);
    db.close();
  });

  it('refuses offline a pass on the latest revocation list', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const [pass] = passesOf(home);
    await runCli(['--home', home, 'pass', 'revoke', pass!.id, '--reason', 'stolen']);
    const run = await runCli(['--home', home, 'pass', 'redeem', pass!.token, '--at', 'east-lake', '--offline', '--log', path.join(home, 'g.ndjson')], {
      now: '2026-05-12T09:00:00+08:00',
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^refused\trevoked/);
  });

  it('exports a signed revocation list and saves it under the home', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const [pass] = passesOf(home);
    await runCli(['--home', home, 'pass', 'revoke', pass!.id, '--reason', 'stolen']);
    const run = await runCli(['--home', home, 'pass', 'revocations', 'export']);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'yangtze.revocations', passIds: [pass!.id] });
    expect(run.stderr).toContain(path.join(home, 'revocations'));
  });
});

describe('pass redeem --offline: the entry rules from the token alone', () => {
  it('applies the within-days window of a flex-days pass, which only the token tells an offline gate', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'yangtze-gate-'));
    const issuer = aKeyPair();
    writeFileSync(path.join(home, 'trust.json'), JSON.stringify(aTrustFile(issuer)));
    const claims = someClaims({ keyId: issuer.signer.keyId, kind: 'flex-days', days: 3, withinDays: 5, entries: 'once-per-day', validFrom: '2026-05-12', validUntil: '2026-06-30' });
    const token = encodeToken(claims, issuer.signer.sign);
    const log = path.join(home, 'gate.ndjson');
    const scan = (date: string) => runPassRedeem({ token, at: 'east-lake', date, offline: true, log }, { home, nowMs: noonOf(date) });
    expect(await scan('2026-05-12')).toMatchObject({ admitted: true, note: 'day 1 of 3' });
    expect(await scan('2026-05-16')).toMatchObject({ admitted: true, note: 'day 2 of 3' });
    expect(await scan('2026-05-17')).toMatchObject({ admitted: false, reason: 'expired', message: 'its 5-day window from 2026-05-12 ended on 2026-05-16' });
  });
});

describe('pass redeem --date', () => {
  it('refuses a day after today (exit 2) online and offline, recording nothing, and allows today near midnight', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const [pass] = passesOf(home);
    const log = path.join(home, 'gate.ndjson');
    for (const extra of [[], ['--offline', '--log', log]]) {
      const run = await runCli(['--home', home, 'pass', 'redeem', pass!.token, '--at', 'east-lake', '--date', '2026-05-13', ...extra], { now: '2026-05-12T10:00:00+08:00' });
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toContain('--date 2026-05-13 is in the future (today is 2026-05-12');
    }
    expect(existsSync(log)).toBe(false);
    const lateClock = await runCli(['--home', home, 'pass', 'redeem', pass!.token, '--at', 'east-lake', '--date', '2026-05-13'], { now: '2026-05-12T23:50:00+08:00' });
    expect(lateClock.exitCode).toBe(0);
  });
});
