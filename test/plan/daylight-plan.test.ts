/**
 * Daylight, whole CLI: in December an outdoor site (catalogue `daylight:
 * required`) is seen before sunset, the reason a stop is left out says
 * "after dark" only when night is what stops it, and `plan check` flags an
 * outdoor visit that runs past sunset. The case: a 4-day Wuhan →
 * Nanchang trip in December visited Yuelu Mountain 15:43–19:13; the sun sets
 * there at about 17:30.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sunTimes } from '../../src/domain/calendar/daylight.js';
import { windowsOn } from '../../src/domain/plan/build-problem.js';
import type { Itinerary } from '../../src/domain/itinerary/itinerary.js';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import { shippedCatalogue } from './shipped.js';
import { runCli as runCliReal, type RunCliOptions } from '../cli/helpers/run-cli.js';

/** The effort, not the clock, ends every search (a clock that stands still). */
const runCli = (args: readonly string[], options: RunCliOptions = {}) =>
  runCliReal(args[0] === 'plan' && args[1] !== 'check' ? [...args, '--time-limit', '40'] : args, { monotonicMs: () => 0, ...options });

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = (await shippedCatalogue()).catalogue;
});
const site = (id: string) => catalogue.attractions.find((a) => a.id === id)!;
const clock = (iso: string) => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
const dir = mkdtempSync(path.join(tmpdir(), 'yangtze-daylight-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a December trip through Changsha', () => {
  const request = ['plan', '--from', 'wuhan', '--to', 'nanchang', '--start', '2026-12-14', '--days', '4', '--themes', 'red,cultural', '--party', 'adult=2,child=1', '-q'];

  it('sees every outdoor site before sunset at its own point, Yuelu Mountain included', async () => {
    expect(site('yuelu-mountain').daylight).toBe('required');
    const run = await runCli([...request, '--json']);
    expect(run.exitCode).toBe(0);
    const plan = JSON.parse(run.stdout) as Itinerary;
    const outdoor = plan.days.flatMap((d) => d.items.flatMap((i) => (i.kind === 'visit' && site(i.attraction).daylight === 'required' ? [{ i, d }] : [])));
    expect(outdoor.map(({ i }) => i.attraction)).toContain('yuelu-mountain');
    for (const { i, d } of outdoor) {
      const sunset = sunTimes(site(i.attraction).location, d.date, catalogue.timezone).sunsetMin!;
      expect({ id: i.attraction, end: clock(i.end) <= sunset }).toEqual({ id: i.attraction, end: true });
    }
    const file = path.join(dir, 'december.json');
    writeFileSync(file, run.stdout);
    const check = await runCli(['plan', 'check', file]);
    expect([check.exitCode, check.stdout]).toEqual([0, expect.not.stringContaining('after-dark')]);
  });

  it('plan check flags the old afternoon on Yuelu Mountain, 15:30–19:00', async () => {
    const plan = JSON.parse((await runCli([...request, '--json'])).stdout) as Itinerary;
    const day = plan.days.find((d) => d.items.some((i) => i.kind === 'visit' && i.attraction === 'yuelu-mountain'))!;
    const edited = structuredClone(plan) as unknown as { days: { date: string; items: { kind: string; attraction?: string; start?: string; end?: string }[] }[] };
    const dayIndex = plan.days.indexOf(day);
    const visit = edited.days[dayIndex]!.items.find((i) => i.kind === 'visit' && i.attraction === 'yuelu-mountain')!;
    visit.start = `${day.date}T15:30:00+08:00`;
    visit.end = `${day.date}T19:00:00+08:00`;
    const file = path.join(dir, 'after-dark.json');
    writeFileSync(file, JSON.stringify(edited));
    const check = await runCli(['plan', 'check', file, '--json']);
    expect(check.exitCode).toBe(1);
    const violations = JSON.parse(check.stdout).violations as { code: string; message: string }[];
    expect(violations).toContainEqual(expect.objectContaining({ code: 'after-dark', message: expect.stringMatching(/^yuelu-mountain is an outdoor site: the sun sets there at 17:3\d on 2026-12-1\d; the visit ends at 19:00$/) }));
  });
});

describe('why an outdoor site is left out', () => {
  const afternoon = (start: string) => ['plan', '--from', 'changsha', '--start', start, '--days', '1', '--themes', 'eco', '--day-start', '13:00', '--must', 'yuelu-mountain', '--json', '-q'];

  it('in December an afternoon is too short for Yuelu Mountain before dark, and the reason says so', async () => {
    const run = await runCli(afternoon('2026-12-14'));
    const plan = JSON.parse(run.stdout) as Itinerary;
    expect(plan.unscheduled).toContainEqual({
      attraction: 'yuelu-mountain',
      reason: 'after-dark',
      detail: expect.stringMatching(/^an outdoor site: the sun sets there at 17:3\d on 2026-12-14, and the day leaves no 3\.5 h visit that ends before it \(the party can be there from 13:30\), though its gates stay open later$/),
    });
  });

  it('in May the same afternoon holds it: the sun sets after 19:00', async () => {
    const run = await runCli(afternoon('2026-05-12'));
    const plan = JSON.parse(run.stdout) as Itinerary;
    const visit = plan.days[0]!.items.find((i) => i.kind === 'visit' && i.attraction === 'yuelu-mountain');
    expect(visit).toBeDefined();
    expect(plan.unscheduled.map((u) => u.attraction)).not.toContain('yuelu-mountain');
  });

  it('a night-view site is not capped: Orange Isle may be visited into the December evening, Yuelu Mountain not', async () => {
    const { calendar } = await shippedCatalogue();
    const latestEnd = (id: string) => {
      const windows = windowsOn(site(id), '2026-12-14', 0, site(id).visitMin, calendar, catalogue.timezone);
      return Math.max(...windows.map((w) => w.close)) + site(id).visitMin;
    };
    const sunset = (id: string) => sunTimes(site(id).location, '2026-12-14', catalogue.timezone).sunsetMin!;
    expect(site('orange-isle').daylight).toBe('any');
    expect(latestEnd('orange-isle')).toBe(22 * 60);
    expect(latestEnd('yuelu-mountain')).toBe(sunset('yuelu-mountain'));
  });
});
