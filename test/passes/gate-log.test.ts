/**
 * The offline gate log under stress: a torn last line after a power cut, a
 * file that is not a gate log, and many scanners writing to one log at once.
 */
import { describe, expect, it } from '@jest/globals';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, spawnCli } from '../cli/helpers/run-cli.js';
import { homeWithPasses, passesOf } from './ledger-helpers.js';


const offline = (home: string, token: string, log: string, now = '2026-05-12T09:00:00+08:00') =>
  runCli(['--home', home, 'pass', 'redeem', token, '--at', 'east-lake', '--offline', '--log', log, '--gate', 'north', '--json'], { now });

describe('a gate log with a torn last line', () => {
  it('starts the next scan on a line of its own, reports the fragment, and never admits the same entry twice', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12', 'BK2,Wang Fang,,adult,wuhan-culture-pass,2026-05-12']);
    const [first, second] = passesOf(home);
    const log = path.join(home, 'gate.ndjson');
    expect((await offline(home, first!.token, log)).exitCode).toBe(0);
    appendFileSync(log, '{"v":1,"scan":"0b6f'); // the power went off here
    const admitted = await offline(home, second!.token, log);
    expect(admitted.exitCode).toBe(0);
    expect(admitted.stderr).toContain('gate.ndjson:2:1');
    expect(readFileSync(log, 'utf8').split('\n')[2]).toMatch(/^\{"v":1,.*"passId":"/);
    const again = await offline(home, second!.token, log, '2026-05-12T09:10:00+08:00');
    expect([again.exitCode, JSON.parse(again.stdout).reason]).toEqual([1, 'already-used']);
  });

  it('reconcile reads a scan glued to a torn fragment by an older gate and reports the double use (exit 1, not 3)', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const [pass] = passesOf(home);
    const log = path.join(home, 'gate.ndjson');
    const scan = (id: string, at: string) =>
      JSON.stringify({ v: 1, scan: id, gate: 'north', at, date: '2026-05-12', passId: pass!.id, attraction: 'east-lake', result: 'admitted', reason: 'ok', token: pass!.token });
    writeFileSync(log, '{"v":1,"scan":"torn' + scan('s1', '2026-05-12T09:00:00+08:00') + '\n' + scan('s2', '2026-05-12T09:05:00+08:00') + '\n');
    const run = await runCli(['--home', home, 'pass', 'reconcile', log, '--json']);
    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.stdout).conflicts).toEqual([expect.objectContaining({ kind: 'double-use', passId: pass!.id, log: 'gate.ndjson:2' })]);
    expect(run.stderr).toContain('gate.ndjson:1:1');
  });
});

describe('a --log file that is not a gate log', () => {
  it('is left untouched by a refused scan too (exit 3)', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const [pass] = passesOf(home);
    const notes = path.join(home, 'notes.txt');
    writeFileSync(notes, 'shopping list\nmilk\n');
    // 2026-06-30 is past the pass: the token is refused (expired), and still nothing is appended.
    const run = await runCli(['--home', home, 'pass', 'redeem', pass!.token, '--at', 'east-lake', '--offline', '--log', notes], { now: '2026-06-30T09:00:00+08:00' });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('not a gate log');
    expect(readFileSync(notes, 'utf8')).toBe('shopping list\nmilk\n');
  });
});

describe('many scanners on one gate log', () => {
  it('admits a pass exactly once when 16 processes scan it at the same moment, round after round', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => `BK${i},Holder ${i},,adult,wuhan-culture-pass,2026-05-12`);
    const home = await homeWithPasses(rows);
    const log = path.join(home, 'gate.ndjson');
    for (const pass of passesOf(home)) {
      const runs = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          spawnCli(['--home', home, 'pass', 'redeem', pass.token, '--at', 'east-lake', '--date', '2026-05-12', '--offline', '--log', log, '--gate', `g${i}`], { timeoutMs: 60_000 }),
        ),
      );
      expect(runs.map((r) => r.exitCode).sort()).toEqual([0, ...Array<number>(15).fill(1)]);
      const scans = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { passId: string; result: string });
      expect(scans.filter((s) => s.passId === pass.id).map((s) => s.result).sort()).toEqual(['admitted', ...Array<string>(15).fill('refused')]);
    }
  }, 180_000);
});

describe('pass reconcile checks what each log line claims', () => {
  it('reports a forged token, a pass id that is not the token\'s, and an attraction the pass does not cover (exit 1), and merges none of them', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12', 'BK2,Wang Fang,,adult,wuhan-culture-pass,2026-05-12']);
    const [pass, other] = passesOf(home);
    const log = path.join(home, 'gate.ndjson');
    const line = (scan: string, fields: Record<string, string>) =>
      JSON.stringify({ v: 1, scan, gate: 'north', at: '2026-05-12T09:00:00+08:00', date: '2026-05-12', passId: pass!.id, attraction: 'east-lake', result: 'admitted', reason: 'ok', token: pass!.token, ...fields });
    const forged = pass!.token.slice(0, -2) + (pass!.token.endsWith('AA') ? 'BA' : 'AA');
    writeFileSync(
      log,
      [
        line('s1', { token: forged }),
        line('s2', { passId: other!.id }),
        line('s3', { attraction: 'hunan-museum' }),
        line('s4', { token: 'not a token' }),
        line('s5', {}),
      ].join('\n') + '\n',
    );
    const run = await runCli(['--home', home, 'pass', 'reconcile', log, '--json']);
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(run.stdout) as { merged: number; invalid: { log: string; reason: string }[] };
    expect(report.merged).toBe(1);
    expect(report.invalid.map((i) => [i.log, i.reason])).toEqual([
      ['gate.ndjson:1', 'bad-signature'],
      ['gate.ndjson:2', 'wrong-pass'],
      ['gate.ndjson:3', 'wrong-attraction'],
      ['gate.ndjson:4', 'malformed'],
    ]);
  });
});
