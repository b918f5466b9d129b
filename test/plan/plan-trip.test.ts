import { describe, expect, it } from '@jest/globals';
import type { Itinerary, PlanRequest, VisitItem } from '../../src/domain/itinerary/itinerary.js';
import { checkItinerary } from '../../src/domain/itinerary/check-itinerary.js';
import { planTrip } from '../../src/domain/plan/plan-trip.js';
import { aRequest } from './shipped.js';
import { corridor, plainCalendar } from './fixture.js';
import { aCatalogue } from '../builders/catalogue-builder.js';

const catalogue = corridor();
const calendar = plainCalendar();

function plan(partial: Partial<PlanRequest>, cat = catalogue): Itinerary {
  const result = planTrip(cat, aRequest({ from: 'wuhan', ...partial }), calendar, { seed: 3, maxIterations: 60 });
  if (!result.ok) throw new Error(result.message);
  expect(checkItinerary(result.itinerary, cat, calendar)).toEqual([]);
  return result.itinerary;
}
const visits = (it: Itinerary): VisitItem[] => it.days.flatMap((d) => d.items.filter((i): i is VisitItem => i.kind === 'visit'));
const minutes = (v: VisitItem) => (Date.parse(v.end) - Date.parse(v.start)) / 60_000;

describe('planTrip', () => {
  it('reports a must-see closed on the only day with the closure in words', () => {
    const it_ = plan({ start: '2026-05-11', days: 1, to: 'wuhan', must: ['museum'] });
    expect(it_.unscheduled).toContainEqual({ attraction: 'museum', reason: 'closed', detail: expect.stringContaining('closed on Mondays') });
  });

  it('forces a must-see in when it can be done', () => {
    const it_ = plan({ start: '2026-05-12', days: 1, to: 'wuhan', themes: ['eco'], must: ['museum'] });
    expect(visits(it_).map((v) => v.attraction)).toContain('museum');
  });

  it('explains a must-see that does not fit in the day', () => {
    const it_ = plan({ start: '2026-05-12', days: 1, to: 'wuhan', dayStart: '09:00', dayEnd: '12:00', must: ['lake', 'museum'] });
    const left = it_.unscheduled.filter((u) => ['lake', 'museum'].includes(u.attraction));
    expect(left.length).toBeGreaterThanOrEqual(1);
    for (const u of left) expect(u.reason).toBe('no-time');
  });

  it('never shows an avoided stop, and says it was avoided', () => {
    const it_ = plan({ days: 2, avoid: ['tower'] });
    expect(visits(it_).map((v) => v.attraction)).not.toContain('tower');
    expect(it_.unscheduled).toContainEqual(expect.objectContaining({ attraction: 'tower', reason: 'avoided' }));
  });

  it('keeps to the themes asked for, unless a stop is a must', () => {
    const it_ = plan({ days: 2, themes: ['red'], must: ['academy'] });
    for (const v of visits(it_)) expect(v.themes.includes('red') || v.attraction === 'academy').toBe(true);
  });

  it('keeps admission and fares within the budget', () => {
    const free = plan({ days: 2, to: 'changsha', party: { adult: 2 } });
    const total = free.totals.admission + free.totals.transport;
    const tight = plan({ days: 2, to: 'changsha', party: { adult: 2 }, budget: free.totals.transport + 40 });
    expect(total).toBeGreaterThan(free.totals.transport + 40);
    expect(tight.totals.admission + tight.totals.transport).toBeLessThanOrEqual(free.totals.transport + 40);
  });

  it('prices every rider category: a child pays the child fare and ticket', () => {
    const adult = plan({ days: 2, to: 'changsha', party: { adult: 1 } });
    const both = plan({ days: 2, to: 'changsha', party: { adult: 1, child: 1 } });
    expect(adult.totals.transport).toBe(164.5);
    expect(both.totals.transport).toBe(164.5 + 82);
  });

  it('lingers longer at a relaxed pace than at a packed one', () => {
    const relaxed = visits(plan({ days: 1, to: 'wuhan', pace: 'relaxed' }));
    const packed = visits(plan({ days: 1, to: 'wuhan', pace: 'packed' }));
    const tower = (vs: VisitItem[]) => vs.find((v) => v.attraction === 'tower');
    expect(minutes(tower(relaxed)!)).toBeGreaterThan(minutes(tower(packed)!));
  });

  it('labels each day with the theme that fills most of it, and lists stops by theme', () => {
    const it_ = plan({ days: 2, themes: ['cultural', 'red'] });
    for (const day of it_.days) {
      const dayVisits = day.items.filter((i): i is VisitItem => i.kind === 'visit');
      if (dayVisits.length === 0) continue;
      const cultural = dayVisits.filter((v) => v.themes.includes('cultural')).reduce((s, v) => s + minutes(v), 0);
      const red = dayVisits.filter((v) => v.themes.includes('red')).reduce((s, v) => s + minutes(v), 0);
      expect(day.theme).toBe(red > cultural ? 'red' : 'cultural');
    }
    for (const v of visits(it_)) for (const t of v.themes) expect(it_.byTheme[t]).toContain(v.attraction);
  });

  it('sleeps on board a multi-day cruise and ends the trip where asked', () => {
    const cruiseCat = aCatalogue()
      .withCity({ id: 'chongqing', location: { lat: 29.563, lon: 106.551 } })
      .withCity({ id: 'yichang', location: { lat: 30.692, lon: 111.286 } })
      .withAttraction({ id: 'gorge', city: 'chongqing', location: { lat: 31.04, lon: 110.05 }, themes: ['water'], price: { adult: 0 }, visitMin: 90 })
      .withAttraction({ id: 'dam', city: 'yichang', location: { lat: 30.83, lon: 111.0 }, themes: ['cultural'] })
      .withLink({ from: 'chongqing', to: 'yichang', mode: 'cruise', oneway: true, durationMin: 2 * 1440 + 20 * 60, departures: [19 * 60], fare: 2899 })
      .build();
    const it_ = plan({ from: 'chongqing', to: 'yichang', days: 4, must: ['gorge'] }, cruiseCat);
    expect(it_.days.map((d) => d.lodging)).toEqual(['on-board', 'on-board', 'on-board', 'yichang']);
    expect(visits(it_).map((v) => v.attraction)).toContain('gorge');
  });

  it('is the same document for the same request and seed, with or without a clock that never runs out', () => {
    const request = aRequest({ from: 'wuhan', to: 'changsha', days: 2, themes: ['cultural'] });
    const plain = planTrip(catalogue, request, calendar, { seed: 5, maxIterations: 50 });
    const capped = planTrip(catalogue, request, calendar, { seed: 5, maxIterations: 50, timeLimitMs: 60_000, clock: () => 0 });
    expect(JSON.stringify(capped)).toBe(JSON.stringify(plain));
  });
});
