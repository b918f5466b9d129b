/**
 * `pass show PASS_ID|TOKEN` and `pass list [--booking] [--holder] [--status]`:
 * looking a pass up, in a terminal, a pipe and as JSON.
 */
import { describe, expect, it } from '@jest/globals';
import { runCli, stripAnsi } from '../cli/helpers/run-cli.js';
import { homeWithPasses, passesOf } from './ledger-helpers.js';

const rows = ['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12', 'BK1,Li Na,,child,wuhan-culture-pass,2026-05-12', 'BK2,Wang Fang,,adult,wuhan-three-visits,2026-05-12'];
const onDay = { now: '2026-05-12T10:00:00+08:00' };

describe('pass show', () => {
  it('shows a pass by id or by token, with its entries: terminal, pipe and JSON', async () => {
    const home = await homeWithPasses(rows);
    const [liWei] = passesOf(home);
    expect((await runCli(['--home', home, 'pass', 'redeem', liWei!.token, '--at', 'east-lake', '--gate', 'north'], onDay)).exitCode).toBe(0);
    const json = await runCli(['--home', home, 'pass', 'show', liWei!.id, '--json'], onDay);
    expect(json.exitCode).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      schemaVersion: 1,
      kind: 'yangtze.pass',
      pass: { id: liWei!.id, holder: 'Li Wei', status: 'active', booking: 'BK1' },
      entries: [{ attraction: 'east-lake', day: '2026-05-12', gate: 'north' }],
    });
    const byToken = await runCli(['--home', home, 'pass', 'show', liWei!.token, '--json'], onDay);
    expect(JSON.parse(byToken.stdout).pass.id).toBe(liWei!.id);
    const pipe = await runCli(['--home', home, 'pass', 'show', liWei!.id], onDay);
    expect(pipe.stdout.split('\t').slice(0, 9)).toEqual([liWei!.id, 'wuhan-culture-pass', 'Li Wei', 'adult', '2026-05-12', '2026-05-14', 'active', 'BK1', '1']);
    const tty = stripAnsi((await runCli(['--home', home, 'pass', 'show', liWei!.id], { ...onDay, tty: true })).stdout);
    expect(tty).toContain(liWei!.id);
    expect(tty).toMatch(/status\s+active/);
    expect(tty).toMatch(/2026-05-12\s+east-lake\s+gate north/);
  });

  it('exits 4 for an unknown pass id and 1 for a token that does not verify', async () => {
    const home = await homeWithPasses(rows.slice(0, 1));
    const unknown = await runCli(['--home', home, 'pass', 'show', 'YZ-NOSUCHPASS00']);
    expect(unknown.exitCode).toBe(4);
    expect(unknown.stderr).toContain('no pass YZ-NOSUCHPASS00');
    const [pass] = passesOf(home);
    const forged = await runCli(['--home', home, 'pass', 'show', pass!.token.slice(0, -2) + (pass!.token.endsWith('AA') ? 'BA' : 'AA')]);
    expect(forged.exitCode).toBe(1);
  });
});

describe('pass list', () => {
  it('filters by booking, holder and status, in a pipe, a terminal and JSON', async () => {
    const home = await homeWithPasses(rows);
    const [liWei] = passesOf(home);
    await runCli(['--home', home, 'pass', 'revoke', liWei!.id, '--reason', 'lost']);
    const pipe = await runCli(['--home', home, 'pass', 'list', '--booking', 'BK1'], onDay);
    expect(pipe.stdout.trim().split('\n').map((l) => l.split('\t').slice(2, 3)[0])).toEqual(['Li Wei', 'Li Na']);
    const revoked = await runCli(['--home', home, 'pass', 'list', '--status', 'revoked', '--json'], onDay);
    expect(JSON.parse(revoked.stdout)).toMatchObject({ kind: 'yangtze.passes', passes: [{ id: liWei!.id, status: 'revoked' }] });
    const holder = await runCli(['--home', home, 'pass', 'list', '--holder', 'wang'], onDay);
    expect(holder.stdout).toContain('Wang Fang');
    expect(holder.stdout.trim().split('\n')).toHaveLength(1);
    const tty = stripAnsi((await runCli(['--home', home, 'pass', 'list'], { ...onDay, tty: true })).stdout);
    expect(tty.split('\n')[0]).toMatch(/^id\s+product\s+holder/);
    expect(tty).toContain('Wang Fang');
  });

  it('refuses an unknown --status (exit 2) and says when nothing matches', async () => {
    const home = await homeWithPasses(rows.slice(0, 1));
    expect((await runCli(['--home', home, 'pass', 'list', '--status', 'revokd'])).exitCode).toBe(2);
    const none = await runCli(['--home', home, 'pass', 'list', '--booking', 'BK9']);
    expect([none.exitCode, none.stdout]).toEqual([0, '']);
    expect(none.stderr).toContain('no pass matches');
  });
});
