import { describe, expect, it } from '@jest/globals';
import { buildProblem } from '../../src/domain/plan/build-problem.js';
import type { CityPlan } from '../../src/domain/plan/city-plan.js';
import { groupByTheme, scheduleDay } from '../../src/domain/plan/group-by-theme.js';
import { candidateStops } from '../../src/domain/plan/plan-trip.js';
import type { Solution } from '../../src/domain/planner/problem.js';
import { aRequest } from './shipped.js';
import { corridor, plainCalendar } from './fixture.js';

const catalogue = corridor();
const request = aRequest({ from: 'wuhan', days: 1, themes: ['cultural', 'red'] });
const oneDayInWuhan: CityPlan = {
  value: 0,
  days: [{ kind: 'land', startCity: 'wuhan', endCity: 'wuhan', openMin: 8 * 60, closeMin: 20 * 60, wokeOnBoard: false }],
};
const built = buildProblem({ catalogue, request, calendar: plainCalendar(), plan: oneDayInWuhan, candidates: candidateStops(catalogue, request), committedCost: 0 });
const index = (id: string) => built.attractions.findIndex((a) => a.id === id);

function solutionVisiting(ids: readonly string[]): Solution {
  const route = scheduleDay(built, { start: 0, end: 0, visits: [], finish: 0 }, 0, ids.map(index))!;
  return { days: [route], score: 0, cost: 0, unscheduled: [], iterations: 0 };
}
const order = (s: Solution) => s.days[0]!.visits.map((v) => built.attractions[v.visit]!.id);

describe('groupByTheme', () => {
  it('puts the two cultural stops side by side when the detour is small', () => {
    // tower (cultural) and memorial (red) are 600 m apart; the museum (cultural) is 6 km east.
    const split = solutionVisiting(['tower', 'memorial', 'museum']);
    expect(order(groupByTheme(built, split, request.themes))).toEqual(['tower', 'museum', 'memorial']);
  });

  it('keeps the core\'s order when it is already grouped', () => {
    const grouped = solutionVisiting(['tower', 'museum', 'memorial']);
    expect(groupByTheme(built, grouped, request.themes)).toEqual(grouped);
  });

  it('keeps the core\'s order when the grouped day would end after the day window', () => {
    const split = solutionVisiting(['tower', 'memorial', 'museum']).days[0]!;
    const grouped = scheduleDay(built, split, 0, ['tower', 'museum', 'memorial'].map(index))!;
    expect(grouped.finish).toBeGreaterThan(split.finish);
    // The same day, closing exactly when the core's order gets back to the hotel.
    const tight = buildProblem({
      catalogue, request, calendar: plainCalendar(), candidates: candidateStops(catalogue, request), committedCost: 0,
      plan: { value: 0, days: [{ ...oneDayInWuhan.days[0]!, kind: 'land', closeMin: split.finish } as CityPlan['days'][number]] },
    });
    const solution: Solution = { days: [split], score: 0, cost: 0, unscheduled: [], iterations: 0 };
    expect(groupByTheme(tight, solution, request.themes)).toEqual(solution);
  });
});
