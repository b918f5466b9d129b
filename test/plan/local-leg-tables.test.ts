/**
 * The core reads the legs within a city from tables (Travel.local, problem.ts) instead of calling
 * the trip's travel: the tables must say what arrive() and cost() say, on every day — a train day
 * included — or the plan would change with the shortcut.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import type { HolidayCalendar } from '../../src/domain/calendar/holiday-calendar.js';
import { buildProblem, type BuiltProblem } from '../../src/domain/plan/build-problem.js';
import { dayLinks } from '../../src/domain/plan/city-plan.js';
import { candidateStops, skeletonsFor } from '../../src/domain/plan/plan-trip.js';
import { arriveAt, compileModel, legCost } from '../../src/domain/planner/model.js';
import { aRequest, shippedCatalogue } from './shipped.js';

describe('the tables of legs within a city', () => {
  let catalogue: Catalogue;
  let calendar: HolidayCalendar;
  let built: BuiltProblem;
  beforeAll(async () => {
    ({ catalogue, calendar } = await shippedCatalogue());
    // A party in taxis (legs have a cost) on a trip with a train day.
    const request = aRequest({ from: 'yichang', to: 'wuhan', start: '2027-09-14', days: 3, themes: ['water', 'eco'], party: { adult: 2, child: 1 } });
    const candidates = candidateStops(catalogue, request);
    const plan = skeletonsFor(catalogue, request, candidates, 1, calendar)[0]!;
    built = buildProblem({ catalogue, request, calendar, plan, candidates, committedCost: 0 });
  });

  it('come with a trip that has a train day and priced local legs', () => {
    expect(built.landDays.some(({ day }) => dayLinks(day).length > 0)).toBe(true);
    expect(built.problem.travel.local?.cost?.some((c) => c > 0)).toBe(true);
  });

  it('give the same arrival and cost as the travel itself, for every pair of places in a city, every day', () => {
    const { travel, placeCount } = built.problem;
    const local = travel.local!;
    const days = built.problem.days.length;
    fc.assert(
      fc.property(fc.nat(placeCount - 1), fc.nat(placeCount - 1), fc.nat(days - 1), fc.integer({ min: 0, max: 24 * 60 }), (from, to, day, minute) => {
        fc.pre(local.group[from] === local.group[to]);
        const depart = built.problem.days[day]!.open + minute;
        expect(depart + local.minutes[from * placeCount + to]!).toBe(travel.arrive(from, to, depart, day));
        expect(local.cost![from * placeCount + to]).toBe(travel.cost!(from, to, day));
      }),
      { numRuns: 500 },
    );
  });

  it('leave the core\'s legs as they were, between cities too', () => {
    const { travel, placeCount } = built.problem;
    const m = compileModel(built.problem);
    expect(m.localGroup).not.toBeNull();
    for (let day = 0; day < built.problem.days.length; day++) {
      const depart = built.problem.days[day]!.open + 30;
      for (let from = 0; from < placeCount; from++) {
        for (let to = 0; to < placeCount; to++) {
          expect(arriveAt(m, from, to, depart, day)).toBe(travel.arrive(from, to, depart, day));
          expect(legCost(m, from, to, day)).toBe(travel.cost!(from, to, day));
        }
      }
    }
  });
});
