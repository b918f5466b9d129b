/**
 * Issue 12 item 1: lunch (and dinner when the day runs late) in every
 * sightseeing day, where the party is, in every view; `--no-meals` turns it
 * off; `plan check` checks it. Item 9: `plan check` flags a visit far shorter
 * than the catalogue's visit length.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import type { HolidayCalendar } from '../../src/domain/calendar/holiday-calendar.js';
import { checkItinerary } from '../../src/domain/itinerary/check-itinerary.js';
import type { Itinerary, ItineraryItem, MealItem } from '../../src/domain/itinerary/itinerary.js';
import { tripMinute, tripTime } from '../../src/domain/itinerary/itinerary-time.js';
import { MEAL_RULES } from '../../src/domain/plan/pace.js';
import { planTrip } from '../../src/domain/plan/plan-trip.js';
import { runCli } from '../cli/helpers/run-cli.js';
import { aRequest, SHIPPED, shippedCatalogue } from './shipped.js';

let catalogue: Catalogue;
let calendar: HolidayCalendar;
beforeAll(async () => ({ catalogue, calendar } = await shippedCatalogue()));

const plan = (over: Parameters<typeof aRequest>[0]): Itinerary => {
  const result = planTrip(catalogue, aRequest(over), calendar, { seed: 1, maxIterations: 20_000, effort: 60_000, skeletons: 3 });
  if (!result.ok) throw new Error(result.message);
  return result.itinerary;
};
const meals = (day: Itinerary['days'][number]) => day.items.filter((i): i is MealItem => i.kind === 'meal');
const minuteOfDay = (it: Itinerary, iso: string) => tripMinute(it.request.start, iso)! % 1440;
type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };
const edit = (it: Itinerary, change: (p: Mutable<Itinerary>) => void): Itinerary => {
  const copy = structuredClone(it) as Mutable<Itinerary>;
  change(copy);
  return copy as Itinerary;
};
const codes = (it: Itinerary) => checkItinerary(it, catalogue, calendar).map((v) => v.code);

describe('meals in a plan', () => {
  it('gives every day with sightseeing one lunch, between 11:30 and 14:30, where the party is', () => {
    const it3 = plan({ from: 'wuhan', to: 'changsha', start: '2026-05-12', days: 3, themes: ['cultural', 'red'], party: { adult: 2 } });
    const rules = MEAL_RULES.standard;
    for (const day of it3.days) {
      if (!day.items.some((i) => i.kind === 'visit')) continue;
      const lunches = meals(day).filter((m) => m.meal === 'lunch');
      expect(lunches).toHaveLength(1);
      const start = minuteOfDay(it3, lunches[0]!.start);
      expect(start).toBeGreaterThanOrEqual(rules.lunchFrom);
      expect(start).toBeLessThanOrEqual(rules.lunchLatest);
      expect(tripMinute(it3.request.start, lunches[0]!.end)! - tripMinute(it3.request.start, lunches[0]!.start)!).toBe(rules.lunchMin);
      expect(lunches[0]!.estimate).toBe(true);
    }
    expect(checkItinerary(it3, catalogue, calendar)).toEqual([]);
  });

  it('adds dinner only on a day whose programme runs past 18:30', () => {
    const it3 = plan({ from: 'wuhan', to: 'changsha', start: '2026-05-12', days: 3, themes: ['cultural', 'red'], party: { adult: 2 } });
    for (const day of it3.days) {
      const dinner = meals(day).find((m) => m.meal === 'dinner');
      const last = day.items.filter((i) => i.kind !== 'meal').at(-1);
      if (!last) continue;
      const lastEnd = minuteOfDay(it3, last.kind === 'travel' ? last.arrive : last.end);
      if (dinner === undefined) expect(lastEnd).toBeLessThanOrEqual(MEAL_RULES.standard.dinnerAfter);
      else expect(minuteOfDay(it3, dinner.start)).toBeGreaterThanOrEqual(MEAL_RULES.standard.dinnerFrom);
    }
  });

  it('plans none with meals turned off, and gives the core the whole day back', () => {
    const off = plan({ from: 'wuhan', to: 'wuhan', start: '2026-05-12', days: 2, themes: ['cultural'], party: { adult: 2 }, meals: false });
    expect(off.days.flatMap((d) => d.items).some((i) => i.kind === 'meal')).toBe(false);
    expect(checkItinerary(off, catalogue, calendar)).toEqual([]);
  });
});

describe('plan check and meals', () => {
  let base: Itinerary;
  beforeAll(() => {
    base = plan({ from: 'wuhan', to: 'wuhan', start: '2026-05-12', days: 1, themes: ['cultural'], party: { adult: 2 } });
    expect(checkItinerary(base, catalogue, calendar)).toEqual([]);
  });

  it('flags a sightseeing day through lunchtime without a lunch (the issue: 689 of 731 days had none)', () => {
    const noLunch = edit(base, (p) => {
      // The lunch goes, and the visits around it close the gap as if it had never been there.
      p.days[0]!.items = p.days[0]!.items.filter((i) => i.kind !== 'meal') as Mutable<ItineraryItem>[];
    });
    expect(codes(noLunch)).toContain('no-lunch');
  });

  it('flags a lunch that overlaps the next visit, or is taken somewhere the party is not', () => {
    const lunchIndex = base.days[0]!.items.findIndex((i) => i.kind === 'meal');
    expect(lunchIndex).toBeGreaterThan(0);
    const late = edit(base, (p) => {
      const lunch = p.days[0]!.items[lunchIndex] as Mutable<MealItem>;
      lunch.end = lunch.end.replace(/T\d\d:/, 'T19:');
    });
    expect(codes(late)).toContain('overlap');
    const elsewhere = edit(base, (p) => {
      const lunch = p.days[0]!.items[lunchIndex] as Mutable<MealItem>;
      lunch.near = 'east-lake';
    });
    expect(codes(elsewhere)).toContain('not-there');
  });

  it('flags a visit far shorter than the catalogue says it takes (10 minutes at Yellow Crane Tower, 2 h 30 in the catalogue)', () => {
    const quick = plan({ from: 'wuhan', to: 'wuhan', start: '2026-05-12', days: 1, themes: ['cultural'], must: ['yellow-crane-tower'], party: { adult: 2 } });
    const rushed = edit(quick, (p) => {
      for (const item of p.days[0]!.items) {
        if (item.kind === 'visit' && item.attraction === 'yellow-crane-tower') item.end = tripTime(p.request.start, tripMinute(p.request.start, item.start)! + 10);
      }
    });
    const v = checkItinerary(rushed, catalogue, calendar).filter((x) => x.code === 'visit-too-short');
    expect(v).toHaveLength(1);
    expect(v[0]!.message).toMatch(/yellow-crane-tower gets 10 min/);
  });
});

describe('meals in every view', () => {
  const ARGS = ['--catalogue', SHIPPED, 'plan', '--from', 'wuhan', '--to', 'wuhan', '--start', '2026-05-12', '--days', '1', '--themes', 'cultural', '--party', 'adult=2'];
  const view = async (...extra: string[]) => {
    const run = await runCli([...ARGS, ...extra], { monotonicMs: () => 0 });
    expect(run.exitCode).toBe(0);
    return run.stdout;
  };

  it('shows the lunch in text, pipe rows, markdown, html, csv and ics', async () => {
    expect(await view('--format', 'markdown')).toMatch(/_Lunch near .+_ \| est\. ¥120\.00/);
    expect(await view('--format', 'html')).toMatch(/<li class="meal" data-meal="lunch">/);
    expect(await view('--format', 'csv')).toMatch(/\r\n1,2026-05-12,meal,/);
    expect(await view('--format', 'ics')).toMatch(/SUMMARY:Lunch near /);
    expect(await view()).toMatch(/^meal\t1\t2026-05-12T\d\d:\d\d:00\+08:00\t.+\tlunch\t/m);
    expect(await view('--lang', 'zh', '--format', 'markdown')).toMatch(/午餐（.+附近）/);
  });

  it('a lunch inside a long visit reads as taken there, during the visit, not "near" it', async () => {
    const run = await runCli(['--catalogue', SHIPPED, 'plan', '--from', 'wuhan', '--stay', 'wuhan', '--start', '2027-04-14', '--days', '1', '--must', 'east-lake', '--party', 'adult=2', '--format', 'markdown', '-q'], { monotonicMs: () => 0 });
    const it = JSON.parse((await runCli(['--catalogue', SHIPPED, 'plan', '--from', 'wuhan', '--stay', 'wuhan', '--start', '2027-04-14', '--days', '1', '--must', 'east-lake', '--party', 'adult=2', '--json', '-q'], { monotonicMs: () => 0 })).stdout) as Itinerary;
    expect(it.days[0]!.items.some((i) => i.kind === 'meal' && i.within === 'east-lake')).toBe(true);
    expect(run.stdout).toMatch(/_Lunch at East Lake Scenic Area[^_]*, during the visit_/);
    const zh = await runCli(['--catalogue', SHIPPED, '--lang', 'zh', 'plan', '--from', 'wuhan', '--stay', 'wuhan', '--start', '2027-04-14', '--days', '1', '--must', 'east-lake', '--party', 'adult=2', '--format', 'markdown', '-q'], { monotonicMs: () => 0 });
    expect(zh.stdout).toMatch(/午餐（东湖风景区[^）]*）[^|]*内，游览途中）/);
  });

  it('shows none with --no-meals', async () => {
    expect(await view('--no-meals')).not.toMatch(/^meal\t/m);
  });
});
