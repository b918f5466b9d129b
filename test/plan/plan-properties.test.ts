/**
 * Property tests: whatever a (valid) request asks, the planner's itinerary
 * breaks no rule that `plan check` knows, and the same request and seed give
 * the same document.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { THEMES, type Catalogue } from '../../src/domain/catalogue/model.js';
import type { HolidayCalendar } from '../../src/domain/calendar/holiday-calendar.js';
import { addDays } from '../../src/domain/calendar/iso-date.js';
import { checkItinerary } from '../../src/domain/itinerary/check-itinerary.js';
import type { PlanRequest } from '../../src/domain/itinerary/itinerary.js';
import { planTrip } from '../../src/domain/plan/plan-trip.js';
import { aRequest, shippedCatalogue } from './shipped.js';

let catalogue: Catalogue;
let calendar: HolidayCalendar;
beforeAll(async () => ({ catalogue, calendar } = await shippedCatalogue()));

function requests(): fc.Arbitrary<PlanRequest> {
  const cityIds = catalogue.cities.map((c) => c.id);
  const lodgingIds = catalogue.cities.filter((c) => c.lodging).map((c) => c.id);
  const attractionIds = catalogue.attractions.map((a) => a.id);
  return fc
    .record({
      from: fc.constantFrom(...cityIds),
      to: fc.option(fc.constantFrom(...lodgingIds), { nil: undefined }),
      // Any day of 2026, Golden Week and Spring Festival included.
      start: fc.integer({ min: 0, max: 364 }).map((n) => addDays('2026-01-01', n)),
      days: fc.integer({ min: 1, max: 6 }),
      themes: fc.subarray([...THEMES]),
      party: fc.record({ adult: fc.integer({ min: 1, max: 4 }), child: fc.integer({ min: 0, max: 2 }), senior: fc.integer({ min: 0, max: 2 }) }),
      pace: fc.constantFrom('relaxed', 'standard', 'packed') as fc.Arbitrary<PlanRequest['pace']>,
      window: fc.constantFrom(['08:00', '20:00'], ['07:00', '22:00'], ['09:30', '17:00']),
      picks: fc.uniqueArray(fc.constantFrom(...attractionIds), { maxLength: 4 }),
      mustCount: fc.integer({ min: 0, max: 2 }),
      budget: fc.option(fc.integer({ min: 0, max: 8000 }), { nil: undefined }),
      seed: fc.integer({ min: 0, max: 1000 }),
    })
    .map((r) => {
      const party = Object.fromEntries(Object.entries(r.party).filter(([, n]) => n > 0));
      return aRequest({
        from: r.from,
        ...(r.to !== undefined ? { to: r.to } : {}),
        start: r.start,
        days: r.days,
        themes: r.themes,
        party,
        pace: r.pace,
        dayStart: r.window[0]!,
        dayEnd: r.window[1]!,
        must: r.picks.slice(0, r.mustCount),
        avoid: r.picks.slice(r.mustCount),
        ...(r.budget !== undefined ? { budget: r.budget } : {}),
        seed: r.seed,
      });
    });
}

describe('the planner, over random requests on the shipped catalogue', () => {
  it('never produces an itinerary that plan check faults', () => {
    fc.assert(
      fc.property(requests(), (request) => {
        const result = planTrip(catalogue, request, calendar, { seed: request.seed ?? 1, maxIterations: 20, skeletons: 1 });
        if (!result.ok) {
          // Only an impossible ending, budget or day is refused, and it says which flag.
          expect(['--to', '--budget', '--days']).toContain(result.flag);
          return;
        }
        expect(checkItinerary(result.itinerary, catalogue, calendar)).toEqual([]);
        for (const id of request.must) {
          const planned = result.itinerary.days.some((d) => d.items.some((i) => i.kind === 'visit' && i.attraction === id));
          expect(planned || result.itinerary.unscheduled.some((u) => u.attraction === id)).toBe(true);
        }
      }),
      { numRuns: 60, seed: 20260512 },
    );
  });

  it('gives the same itinerary for the same request and seed', () => {
    fc.assert(
      fc.property(requests(), (request) => {
        const once = planTrip(catalogue, request, calendar, { seed: 7, maxIterations: 20, skeletons: 2 });
        const again = planTrip(catalogue, request, calendar, { seed: 7, maxIterations: 20, skeletons: 2 });
        expect(JSON.stringify(again)).toBe(JSON.stringify(once));
      }),
      { numRuns: 10, seed: 42 },
    );
  });
});
