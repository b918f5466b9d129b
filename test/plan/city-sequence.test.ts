/**
 * The trip's skeleton (choose-cities.ts): several links in one day when the
 * connections fit, and no A → B → A unless B is a dead end that only A leads
 * to (Shaoshan from Changsha) — transport time, fares and backtracks count
 * against a skeleton's value.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import type { HolidayCalendar } from '../../src/domain/calendar/holiday-calendar.js';
import { checkItinerary } from '../../src/domain/itinerary/check-itinerary.js';
import type { Itinerary, PlanRequest, TravelItem } from '../../src/domain/itinerary/itinerary.js';
import { daysToReach, withCompact } from '../../src/domain/plan/choose-cities.js';
import { candidateStops, planTrip, skeletonsFor } from '../../src/domain/plan/plan-trip.js';
import { directedLinks } from '../../src/domain/travel/city-links.js';
import { runCli } from '../cli/helpers/run-cli.js';
import { SHIPPED, aRequest, shippedCatalogue } from './shipped.js';

let catalogue: Catalogue;
let calendar: HolidayCalendar;
beforeAll(async () => void ({ catalogue, calendar } = await shippedCatalogue()));

function plan(request: PlanRequest): Itinerary {
  const result = planTrip(catalogue, request, calendar, { seed: 1, maxIterations: 400, effort: 60_000 });
  if (!result.ok) throw new Error(result.message);
  return result.itinerary;
}

/** The cities in the order the trip reaches them. */
function trail(it: Itinerary): string[] {
  const out = [it.request.from];
  for (const day of it.days) {
    for (const item of day.items) {
      if (item.kind !== 'travel' || item.mode === 'local') continue;
      for (const c of [item.from, item.to]) if (out.at(-1) !== c) out.push(c);
    }
  }
  return out;
}

/** A → B → A where B has links to other cities than A. */
function backtracks(it: Itinerary): string[] {
  const links = directedLinks(catalogue);
  const s = trail(it);
  return s.flatMap((c, i) => {
    if (i + 2 >= s.length || s[i + 2] !== c) return [];
    const b = s[i + 1]!;
    const deadEnd = links.filter((l) => l.from === b).every((l) => l.to === c);
    return deadEnd ? [] : [`${c} → ${b} → ${c}`];
  });
}

describe('a change of train only where no through train runs', () => {
  // Yichang → Wuhan trains stop at Jingzhou: changing there buys a second ticket and a connection for nothing.
  const SEVEN_DAYS_WATER = aRequest({ from: 'chongqing', to: 'nanchang', start: '2027-04-12', days: 7, themes: ['water', 'cultural'], party: { adult: 2, child: 1 } });

  it('no skeleton of the 7-day Chongqing → Nanchang water trip changes at a city a through link passes', () => {
    const through = new Set(directedLinks(catalogue).filter((l) => l.link.durationMin < 24 * 60).map((l) => `${l.from}>${l.to}`));
    const skeletons = skeletonsFor(catalogue, SEVEN_DAYS_WATER, candidateStops(catalogue, SEVEN_DAYS_WATER), 5, calendar);
    expect(skeletons.length).toBeGreaterThan(0);
    for (const s of skeletons) {
      for (const d of s.days) {
        if (d.kind === 'land' && d.onward && d.onward.length > 0) expect(through.has(`${d.startCity}>${d.endCity}`)).toBe(false);
      }
    }
  });

  it('the 7-day water trip rides Yichang → Wuhan in one train', () => {
    const it = plan(SEVEN_DAYS_WATER);
    const rides = it.days.flatMap((d) => d.items).filter((i): i is TravelItem => i.kind === 'travel' && i.mode === 'rail');
    expect(rides.some((r) => r.from === 'jingzhou' || r.to === 'jingzhou')).toBe(false);
    expect(trail(it).slice(0, 3)).toEqual(['chongqing', 'yichang', 'wuhan']);
  });
});

describe('short trips do not wander (issue 12 item 12)', () => {
  // The golden water-wuhan-jiujiang request: 3 days, 200 km from end to end.
  const WATER = aRequest({ from: 'wuhan', to: 'jiujiang', start: '2026-07-07', days: 3, themes: ['water'] });

  it('charges a loop back to a city left earlier: the best skeletons no longer go Wuhan → Changsha → Yueyang → Wuhan', () => {
    const skeletons = skeletonsFor(catalogue, WATER, candidateStops(catalogue, WATER), 2, calendar);
    for (const s of skeletons) {
      const cities = s.days.flatMap((d) => (d.kind === 'land' ? [d.startCity, ...(d.onward ?? []).map((o) => o.from), d.endCity] : []));
      const trail = cities.filter((c, i) => c !== cities[i - 1]);
      expect(new Set(trail).size).toBe(trail.length);
    }
  });

  it('the race tries the most compact skeleton, and the plan stays in Wuhan and Jiujiang', () => {
    const skeletons = skeletonsFor(catalogue, WATER, candidateStops(catalogue, WATER), 3, calendar);
    const nights = skeletons.map((s) => new Set(s.days.map((d) => (d.kind === 'land' ? d.endCity : '~'))));
    expect(nights.some((n) => [...n].every((c) => c === 'wuhan' || c === 'jiujiang'))).toBe(true);
    const it = plan(WATER);
    expect(trail(it)).toEqual(['wuhan', 'jiujiang']);
    expect(it.totals.visits).toBeGreaterThanOrEqual(5);
  });
});

describe('withCompact', () => {
  const s = (trail: string[], tag: string) => ({ trail, tag });
  it('keeps the ranking when a skeleton among the first is already the most compact', () => {
    const ranked = [s(['a', 'b', 'c'], '1'), s(['a', 'c'], '2'), s(['a', 'b', 'd', 'c'], '3'), s(['a', 'c'], '4')];
    expect(withCompact(ranked, 3).map((x) => x.tag)).toEqual(['1', '2', '3']);
  });
  it('gives the last place to the best skeleton through the fewest cities otherwise', () => {
    const ranked = [s(['a', 'b', 'c'], '1'), s(['a', 'd', 'c'], '2'), s(['a', 'b', 'd', 'c'], '3'), s(['a', 'c'], '4'), s(['a', 'a', 'c'], '5')];
    expect(withCompact(ranked, 3).map((x) => x.tag)).toEqual(['1', '2', '4']);
    expect(withCompact(ranked, 1).map((x) => x.tag)).toEqual(['1']);
  });
});

describe('several links in one day', () => {
  it('counts Jingzhou → Wuhan → Changsha as one day when the trains connect', () => {
    expect(daysToReach(catalogue, 'changsha').get('jingzhou')).toBe(1);
    // Not when the day window cannot hold both journeys.
    expect(daysToReach(catalogue, 'changsha', directedLinks(catalogue), 3 * 60).get('jingzhou')).toBe(2);
  });

  it('plans --from jingzhou --to changsha --days 1: two trains, with sightseeing on the way', () => {
    const it = plan(aRequest({ from: 'jingzhou', to: 'changsha', days: 1, start: '2027-04-13' }));
    const rides = it.days[0]!.items.filter((i): i is TravelItem => i.kind === 'travel' && i.mode !== 'local');
    expect(rides.map((r) => `${r.from}>${r.to}`)).toEqual(['jingzhou>wuhan', 'wuhan>changsha']);
    expect(Date.parse(rides[1]!.depart)).toBeGreaterThanOrEqual(Date.parse(rides[0]!.arrive) + 30 * 60_000);
    expect(it.totals.visits).toBeGreaterThan(0);
    expect(it.days[0]!.lodging).toBe('changsha');
    expect(checkItinerary(it, catalogue, calendar)).toEqual([]);
  });

  it('stops in the city the trains change in (Yellow Crane Tower in Wuhan, a later train on), lunch where the party is; exit 0 from the command line', async () => {
    const run = await runCli(['--catalogue', SHIPPED, 'plan', '--from', 'jingzhou', '--to', 'changsha', '--days', '1', '--start', '2027-04-13', '--json', '-q'], { monotonicMs: () => 0 });
    expect(run.exitCode).toBe(0);
    const it = JSON.parse(run.stdout) as Itinerary;
    const items = it.days[0]!.items;
    const firstTrain = items.findIndex((i) => i.kind === 'travel' && i.from === 'jingzhou' && i.to === 'wuhan');
    const secondTrain = items.findIndex((i) => i.kind === 'travel' && i.from === 'wuhan' && i.to === 'changsha');
    const inWuhan = items.slice(firstTrain + 1, secondTrain);
    expect(inWuhan.some((i) => i.kind === 'visit' && i.city === 'wuhan')).toBe(true);
    const lunch = items.find((i) => i.kind === 'meal' && i.meal === 'lunch');
    expect(lunch).toMatchObject({ city: 'wuhan' });
    expect(inWuhan).toContain(lunch);
    expect(checkItinerary(it, catalogue, calendar)).toEqual([]);
  });
});

describe('no A → B → A unless it gains something', () => {
  it('the 7-day Chongqing → Nanchang water and culture trip never doubles back', () => {
    const it = plan(aRequest({ from: 'chongqing', to: 'nanchang', start: '2027-04-12', days: 7, themes: ['water', 'cultural'], party: { adult: 2, child: 1 } }));
    expect(backtracks(it)).toEqual([]);
  });

  it('Nanchang → Yueyang in 3 days no longer goes Nanchang → Jiujiang → Nanchang', () => {
    const it = plan(aRequest({ from: 'nanchang', to: 'yueyang', start: '2027-04-13', days: 3, themes: ['water', 'cultural'], party: { adult: 2, child: 1 } }));
    expect(backtracks(it)).toEqual([]);
  });

  it.each([
    ['chongqing', 'changsha', 5, ['cultural']],
    ['yichang', 'changsha', 7, ['cultural']],
    ['yueyang', 'jingzhou', 7, ['cultural']],
    ['wuhan', 'changsha', 5, []],
    ['jiujiang', 'wuhan', 5, ['eco']],
  ] as const)('%s → %s in %i days (%j) has no backtrack', (from, to, days, themes) => {
    const it = plan(aRequest({ from, to, start: '2027-04-13', days, themes: [...themes], party: { adult: 2, child: 1 } }));
    expect(backtracks(it)).toEqual([]);
  });

  it('still makes the return trip to a dead end worth seeing (Changsha → Shaoshan → Changsha)', () => {
    const it = plan(aRequest({ from: 'changsha', to: 'changsha', start: '2027-04-13', days: 3, themes: ['red'], party: { adult: 2 } }));
    expect(trail(it)).toContain('shaoshan');
    expect(backtracks(it)).toEqual([]);
  });
});
