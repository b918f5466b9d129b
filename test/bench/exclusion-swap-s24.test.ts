/**
 * Bench S24 by value (issue 12 item 10): on its best skeleton (two days in Yichang, then the train
 * to Chongqing) the core stayed at 147 — the Three Gorges Dam and Qu Yuan's Hometown one day,
 * Xiling Gorge and the Three Gorges Tribe the next — against the optimum's 153: the Two Dams One
 * Gorge cruise (which includes the dam and Xiling, problem.ts `excludes`) on day 1, Qu Yuan and
 * the Tribe on day 2. No one-for-one swap lets the cruise in while the dam and Xiling sit on two
 * days; the exclusion swap (planner/exclusion-swap.ts) takes both out and empties a day for it.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import type { HolidayCalendar } from '../../src/domain/calendar/holiday-calendar.js';
import { parseRequest } from '../../src/domain/plan/parse-request.js';
import { DEFAULT_ITERATIONS } from '../../src/domain/plan/plan-trip.js';
import { solve } from '../../src/domain/planner/solve.js';
import { exactScenarios } from '../../bench/lib/exact-scenarios.js';
import { restrictCandidates, skeletonsOf } from '../../bench/lib/exact-scenario-run.js';
import { optimumByDays } from '../../bench/lib/exact-days.js';
import { shippedCatalogue } from '../plan/shipped.js';

let catalogue: Catalogue;
let calendar: HolidayCalendar;
beforeAll(async () => ({ catalogue, calendar } = await shippedCatalogue()));

describe('the core and a product that includes visits on two days (bench S24)', () => {
  it('reaches the score optimum of S24\'s best skeleton on every seed tried', () => {
    const scenario = exactScenarios(catalogue, 24).find((s) => s.name === 'S24')!;
    const { flags } = restrictCandidates(catalogue, scenario.flags, calendar);
    const parsed = parseRequest(flags, catalogue);
    if (!parsed.ok) throw new Error('S24 does not parse');
    const [best] = skeletonsOf(catalogue, parsed.request, calendar);
    const problem = best!.built.problem;
    const optimum = optimumByDays(best!.built, { chargePerYuan: 0 });
    expect(optimum.status).toBe('optimal');
    const keyOf = (v: number) => problem.visits[v]!.key;
    for (const seed of [1, 2, 3]) {
      const s = solve(problem, { seed, maxIterations: DEFAULT_ITERATIONS });
      expect(s.score).toBe(scoreOf(problem, optimum.weightRoutes));
      expect(s.days.flatMap((d) => d.visits.map((v) => keyOf(v.visit)))).toContain('two-dams-one-gorge-cruise');
    }
  });
});

function scoreOf(problem: { visits: readonly { score: number }[] }, routes: readonly (readonly number[])[]): number {
  return routes.flat().reduce((sum, v) => sum + problem.visits[v]!.score, 0);
}
