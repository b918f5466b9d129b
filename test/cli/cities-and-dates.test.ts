/**
 * One city resolver for every command: ids, English names (any case) and
 * Chinese names, the same in `plan` as in `catalogue list`; an unknown city
 * is a usage error (exit 2) with the same suggestion everywhere. And what
 * `plan` says about a start in the past, a route the trip is not on, and the
 * holiday warning under -q.
 */
import { describe, expect, it } from '@jest/globals';
import { runCli as runCliReal, type RunCliOptions } from './helpers/run-cli.js';

/**
 * Small effort and a clock that stands still: the effort, not a loaded machine's clock, ends every
 * search, so runs compare equal and take little time.
 */
const runCli = (args: readonly string[], options: RunCliOptions = {}) =>
  runCliReal(args[0] === 'plan' || args[1] === 'plan' ? [...args, '--time-limit', '40'] : args, { monotonicMs: () => 0, ...options });

const day = (from: string) => ['plan', '--from', from, '--start', '2026-05-12', '--days', '1', '--json'];

describe('a city typed as a name', () => {
  it.each(['武汉', 'Wuhan', ' WUHAN ', 'wuhan'])('plan --from %j plans the same trip as --from wuhan', async (typed) => {
    const [named, byId] = await Promise.all([runCli(day(typed)), runCli(day('wuhan'))]);
    expect(named.exitCode).toBe(0);
    expect(JSON.parse(named.stdout).days).toEqual(JSON.parse(byId.stdout).days);
  });

  it('catalogue list --city takes the same names', async () => {
    const [zh, id] = await Promise.all([runCli(['catalogue', 'list', '--city', '武汉']), runCli(['catalogue', 'list', '--city', 'wuhan'])]);
    expect([zh.exitCode, zh.stdout]).toEqual([0, id.stdout]);
  });
});

describe('an unknown city', () => {
  it('is a usage error (exit 2) with the same suggestion in plan and in catalogue list', async () => {
    const plan = await runCli(['plan', '--from', 'wuhn', '--start', '2026-05-12']);
    const list = await runCli(['catalogue', 'list', '--city', 'wuhn']);
    expect([plan.exitCode, list.exitCode]).toEqual([2, 2]);
    for (const run of [plan, list]) expect(run.stderr).toContain("Did you mean 'wuhan'? Cities: chongqing,");
  });
});

describe('plan --route', () => {
  it('names the conflict when --from is not on the route, instead of dropping the route', async () => {
    const run = await runCli(['plan', '--route', 'red-heritage-trail', '--from', 'chongqing', '--start', '2026-05-12']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--route red-heritage-trail goes wuhan → nanchang → changsha → shaoshan; --from chongqing is not on it');
  });

  it('alone (its --help example) starts the trip in the route\'s first city', async () => {
    const run = await runCli(['plan', '--route', 'red-heritage-trail', '--start', '2026-05-12', '--days', '2', '--json']);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout).request).toMatchObject({ from: 'wuhan', route: 'red-heritage-trail' });
  });
});

describe('plan --start', () => {
  it('in the past plans, with a warning naming the date and today', async () => {
    const run = await runCli(['plan', '--from', 'wuhan', '--start', '2026-05-01', '--days', '1']);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain('warning: --start 2026-05-01 is in the past (today is 2026-05-11 in Asia/Shanghai)');
  });

  it('today or later: no such warning', async () => {
    const run = await runCli(['plan', '--from', 'wuhan', '--start', '2026-05-11', '--days', '1']);
    expect(run.stderr).not.toContain('in the past');
  });
});

describe('-q', () => {
  it('silences the warning about years without holiday data, which repeats on every run', async () => {
    const args = ['plan', '--from', 'wuhan', '--start', '2035-05-01', '--days', '1'];
    const [loud, quiet] = await Promise.all([runCli(args, { now: '2035-04-01T09:00:00+08:00' }), runCli(['-q', ...args], { now: '2035-04-01T09:00:00+08:00' })]);
    expect([loud.exitCode, quiet.exitCode]).toEqual([0, 0]);
    expect(loud.stderr).toContain('no public-holiday data for 2035');
    expect(quiet.stderr).not.toContain('public-holiday');
  });
});
