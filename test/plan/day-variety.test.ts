/**
 * Some variety within a day: never more than three alike stops (the same
 * set of themes — four memorial halls) in a row. A day that would have a
 * longer run is reordered when a stop of another kind can break it, else the
 * run's least valuable optional stop is left out, and says so.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { THEMES, type Catalogue } from '../../src/domain/catalogue/model.js';
import type { HolidayCalendar } from '../../src/domain/calendar/holiday-calendar.js';
import { addDays } from '../../src/domain/calendar/iso-date.js';
import type { Itinerary, VisitItem } from '../../src/domain/itinerary/itinerary.js';
import { MAX_ALIKE_IN_A_ROW, kindOf, longRun } from '../../src/domain/plan/day-variety.js';
import { planTrip } from '../../src/domain/plan/plan-trip.js';
import { checkItinerary } from '../../src/domain/itinerary/check-itinerary.js';
import { aCatalogue, aSeason } from '../builders/catalogue-builder.js';
import { HOUR, plainCalendar } from './fixture.js';
import { aRequest, shippedCatalogue } from './shipped.js';

const dayVisits = (it: Itinerary) => it.days.map((d) => d.items.filter((i): i is VisitItem => i.kind === 'visit'));
const runs = (it: Itinerary) => dayVisits(it).map((vs) => longRun(vs.map((v) => kindOf(v.themes))));

/** Four 5A red memorial halls a few hundred metres apart (the first the longest visit), and (optionally) a riverside park. */
function halls(withPark: boolean): Catalogue {
  const open = [aSeason({ openMin: 8 * HOUR, closeMin: 20 * HOUR })];
  const b = aCatalogue().withCity({ id: 'wuhan', location: { lat: 30.5928, lon: 114.3055 } });
  for (let i = 0; i < 4; i++) {
    b.withAttraction({ id: `hall-${i}`, city: 'wuhan', location: { lat: 30.59 + i * 0.002, lon: 114.30 }, themes: ['red'], rating: '5A', visitMin: i === 0 ? 90 : 60, price: { adult: 0 }, hours: open });
  }
  if (withPark) b.withAttraction({ id: 'park', city: 'wuhan', location: { lat: 30.594, lon: 114.302 }, themes: ['eco'], rating: '4A', visitMin: 60, price: { adult: 0 }, hours: open });
  return b.build();
}

function plan(cat: Catalogue) {
  const result = planTrip(cat, aRequest({ from: 'wuhan', to: 'wuhan', start: '2026-05-12', days: 1 }), plainCalendar(), { seed: 1, maxIterations: 60 });
  if (!result.ok) throw new Error(result.message);
  expect(checkItinerary(result.itinerary, cat, plainCalendar())).toEqual([]);
  return result.itinerary;
}

describe('variety within a day', () => {
  it('finds the first run of more than three alike stops', () => {
    expect(MAX_ALIKE_IN_A_ROW).toBe(3);
    expect(longRun(['red', 'red', 'red', 'eco', 'red'])).toBeUndefined();
    expect(longRun(['eco', 'red', 'red', 'red', 'red'])).toEqual({ from: 1, length: 4 });
    expect(kindOf(['water', 'eco'])).toBe(kindOf(['eco', 'water']));
  });

  it('puts a park between the halls rather than four halls in a row', () => {
    const it_ = plan(halls(true));
    expect(dayVisits(it_)[0]!.map((v) => v.attraction).sort()).toEqual(['hall-0', 'hall-1', 'hall-2', 'hall-3', 'park']);
    expect(runs(it_)).toEqual([undefined]);
  });

  it('leaves out the least valuable hall when nothing else can break the run, and says why', () => {
    const it_ = plan(halls(false));
    expect(dayVisits(it_)[0]).toHaveLength(3);
    expect(dayVisits(it_)[0]!.map((v) => v.attraction)).toContain('hall-0');
    const left = it_.unscheduled.find((u) => u.attraction.startsWith('hall-'));
    expect(left).toEqual(expect.objectContaining({ reason: 'no-time', detail: expect.stringContaining('alike stops in a row') }));
  });

  describe('over random requests on the shipped catalogue', () => {
    let catalogue: Catalogue;
    let calendar: HolidayCalendar;
    beforeAll(async () => ({ catalogue, calendar } = await shippedCatalogue()));

    it('no day has more than three alike stops in a row', () => {
      const lodging = () => catalogue.cities.filter((c) => c.lodging).map((c) => c.id);
      fc.assert(
        fc.property(
          fc.constantFrom(...lodging()),
          fc.integer({ min: 0, max: 300 }),
          fc.integer({ min: 1, max: 4 }),
          fc.subarray([...THEMES], { minLength: 1, maxLength: 2 }),
          (from, offset, days, themes) => {
            const request = aRequest({ from, start: addDays('2027-03-01', offset), days, themes, party: { adult: 2 } });
            const result = planTrip(catalogue, request, calendar, { seed: 1, maxIterations: 20, skeletons: 1 });
            if (result.ok) expect(runs(result.itinerary).filter((r) => r !== undefined)).toEqual([]);
          },
        ),
        { numRuns: 40, seed: 12 },
      );
    });
  });
});
