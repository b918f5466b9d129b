/**
 * Issue 12 item 12: "three days in Wuhan", the commonest sale. `--stay CITY`
 * keeps every night there; `--cities a,b` limits the trip to a chosen set;
 * `plan check` holds a plan to them.
 */
import { describe, expect, it } from '@jest/globals';
import { runCli } from '../cli/helpers/run-cli.js';
import { SHIPPED } from './shipped.js';

const plan = (...args: string[]) =>
  runCli(['--catalogue', SHIPPED, 'plan', '--from', 'wuhan', '--start', '2026-05-12', '--days', '3', '--party', 'adult=2', ...args], { monotonicMs: () => 0 });

interface Doc {
  request: { to?: string; cities?: string[] };
  days: { lodging: string; items: { kind: string; mode?: string; city?: string }[] }[];
  totals: { visits: number };
}

/** The --stay wuhan plan, planned once for the two specs that read it. */
let stayWuhan: Promise<Awaited<ReturnType<typeof plan>>> | undefined;
const planStayWuhan = () => (stayWuhan ??= plan('--stay', 'wuhan', '--json'));

describe('trips that stay', () => {
  it('without --stay, a 3-day Wuhan round trip no longer wanders (the issue found Wuhan → Changsha → Nanchang → Wuhan): it stays, as a short trip must unless going gains clearly more', async () => {
    const run = await plan('--to', 'wuhan', '--json');
    const doc = JSON.parse(run.stdout) as Doc;
    expect(doc.days.map((d) => d.lodging)).toEqual(['wuhan', 'wuhan', 'wuhan']);
    expect(doc.totals.visits).toBeGreaterThanOrEqual(5);
  });

  it('--stay wuhan: every night in Wuhan, every visit in Wuhan, no train, and plan check agrees', async () => {
    const run = await planStayWuhan();
    expect(run.exitCode).toBe(0);
    const doc = JSON.parse(run.stdout) as Doc;
    expect(doc.request).toMatchObject({ to: 'wuhan', cities: ['wuhan'] });
    expect(doc.days.map((d) => d.lodging)).toEqual(['wuhan', 'wuhan', 'wuhan']);
    const items = doc.days.flatMap((d) => d.items);
    expect(items.filter((i) => i.kind === 'visit').every((i) => i.city === 'wuhan')).toBe(true);
    expect(items.filter((i) => i.kind === 'travel').every((i) => i.mode === 'local')).toBe(true);
    expect(doc.totals.visits).toBeGreaterThanOrEqual(5);
    const check = await runCli(['--catalogue', SHIPPED, 'plan', 'check', '-'], { stdin: run.stdout });
    expect(check.exitCode).toBe(0);
  });

  it('--cities keeps the trip within the chosen cities', async () => {
    const run = await plan('--cities', 'wuhan,yichang', '--json');
    expect(run.exitCode).toBe(0);
    const doc = JSON.parse(run.stdout) as Doc;
    for (const d of doc.days) expect(['wuhan', 'yichang', 'on-board']).toContain(d.lodging);
  });

  it('plan check flags a night outside the request\'s cities', async () => {
    const run = await planStayWuhan();
    const doc = JSON.parse(run.stdout) as Doc & { request: Record<string, unknown> };
    doc.request.cities = ['wuhan'];
    const moved = { ...doc, days: doc.days.map((d, i) => (i === 2 ? { ...d, lodging: 'changsha' } : d)) };
    const check = await runCli(['--catalogue', SHIPPED, 'plan', 'check', '-', '--json'], { stdin: JSON.stringify(moved) });
    expect(check.exitCode).toBe(1);
    expect(check.stdout).toMatch(/outside-cities/);
  });

  it('refuses --stay with a different --to and an unknown city, both usage errors (exit 2, as an unknown city is everywhere)', async () => {
    const both = await plan('--stay', 'wuhan', '--to', 'changsha');
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toMatch(/--to changsha disagrees with --stay wuhan/);
    const unknown = await plan('--stay', 'wuhn');
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/--stay wuhn: no such city.*Did you mean 'wuhan'\?/);
  });
});
