/**
 * The race between skeletons (plan-trip.ts) weighs money and time, not only the budget: a plan
 * that costs the party much more for the same score loses, at the chooser's exchange rate
 * (0.02 points per yuan, 0.02 per minute between cities); a must kept still beats everything.
 */
import { describe, expect, it } from '@jest/globals';
import type { Itinerary, ItineraryItem, TravelItem } from '../../src/domain/itinerary/itinerary.js';
import { FARE_CHARGE_PER_YUAN, cityNeighbours } from '../../src/domain/plan/choose-cities.js';
import { isBetter, planTrip, raceScore, raceValue } from '../../src/domain/plan/plan-trip.js';
import { directedLinks } from '../../src/domain/travel/city-links.js';
import { aRequest } from './shipped.js';
import { corridor, plainCalendar } from './fixture.js';

const catalogue = corridor();
const neighbours = cityNeighbours(directedLinks(catalogue));

function aPlan(): Itinerary {
  const result = planTrip(catalogue, aRequest({ from: 'wuhan', to: 'changsha', days: 2, party: { adult: 2 } }), plainCalendar(), { seed: 3, maxIterations: 60 });
  if (!result.ok) throw new Error(result.message);
  return result.itinerary;
}

/** The same plan with the first ride between cities costing `extra` yuan more (and the totals to match). */
function dearer(p: Itinerary, extra: number, mode: TravelItem['mode'] = 'rail'): Itinerary {
  let done = false;
  const days = p.days.map((d) => ({
    ...d,
    items: d.items.map((i): ItineraryItem => {
      if (done || i.kind !== 'travel' || i.mode === 'local') return i;
      done = true;
      return { ...i, mode, cost: i.cost + extra };
    }),
  }));
  if (!done) throw new Error('the plan has no ride between cities');
  return { ...p, days, totals: { ...p.totals, transport: p.totals.transport + extra } };
}
const withScore = (p: Itinerary, add: number): Itinerary => ({ ...p, totals: { ...p.totals, score: p.totals.score + add } });

describe('the race between skeletons', () => {
  const base = aPlan();

  it('charges the yuan the party pays between places at the chooser\'s rate', () => {
    expect(raceValue(base, neighbours) - raceValue(dearer(base, 1000), neighbours)).toBeCloseTo(1000 * FARE_CHARGE_PER_YUAN, 6);
    expect(raceValue(base, neighbours)).toBeLessThan(raceScore(base));
  });

  it('a plan costing ¥1,000 more for the same score loses, and for 5 points more still loses (¥1,000 ≈ 20 points)', () => {
    expect(isBetter(base, dearer(base, 1000), neighbours)).toBe(true);
    expect(isBetter(dearer(base, 1000), base, neighbours)).toBe(false);
    expect(isBetter(withScore(dearer(base, 1000), 5), base, neighbours)).toBe(false);
    expect(isBetter(withScore(dearer(base, 1000), 25), base, neighbours)).toBe(true);
  });

  it('does not charge a cruise leg: its fare buys the nights aboard, meals and excursions', () => {
    expect(raceValue(dearer(base, 5000, 'cruise'), neighbours)).toBeCloseTo(raceValue(dearer(base, 0, 'cruise'), neighbours), 6);
  });

  it('keeps a must before any money: the plan that keeps it wins however dear', () => {
    const must = { ...base.request, must: ['museum'] };
    const keeps = { ...dearer(base, 5000), request: must, unscheduled: base.unscheduled.filter((u) => u.attraction !== 'museum') };
    const drops = { ...base, request: must, unscheduled: [...base.unscheduled.filter((u) => u.attraction !== 'museum'), { attraction: 'museum', reason: 'no-time' as const, detail: 'x' }] };
    expect(isBetter(keeps, drops, neighbours)).toBe(true);
  });
});
