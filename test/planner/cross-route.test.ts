import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { improveBetweenDays } from '../../src/domain/planner/cross-route.js';
import { compileModel } from '../../src/domain/planner/model.js';
import type { Problem } from '../../src/domain/planner/problem.js';
import { createRandom } from '../../src/domain/planner/random.js';
import { cloneRoute, computeRoute } from '../../src/domain/planner/route.js';
import { localSearch } from '../../src/domain/planner/local-search.js';
import { initialState, type State } from '../../src/domain/planner/state.js';
import { buildProblem, specArb, withRoutes } from './builders.js';

/** Two days from a depot at the origin; visits at the given points, open all day, 1 point each. */
function twoDays(points: readonly [number, number][], close: number): Problem {
  const pts: [number, number][] = [[0, 0], ...points];
  const dist = (a: number, b: number): number => Math.hypot(pts[a]![0] - pts[b]![0], pts[a]![1] - pts[b]![1]);
  const day = { open: 0, close, start: 0, ends: [0] };
  return {
    placeCount: pts.length,
    days: [day, day],
    visits: points.map((_, i) => ({ key: String(i + 1), place: i + 1, duration: 0, score: 1, windows: [[{ open: 0, close }], [{ open: 0, close }]] })),
    travel: { arrive: (a, b, t) => t + dist(a, b), minDuration: dist, isStatic: true },
  };
}

function totalFinish(s: State): number {
  return s.routes.reduce((t, r) => t + r.finish, 0);
}

describe('moves between two days (swap, 2-opt*)', () => {
  // Visits 0 and 1 lie east (x = 10), 2 and 3 west (x = -10); each day starts with one of each side.
  const east1: [number, number] = [10, 1];
  const east2: [number, number] = [10, -1];
  const west1: [number, number] = [-10, 1];
  const west2: [number, number] = [-10, -1];

  it('hands each day the visits on its side when the days cross the depot', () => {
    // Crossing days take about 40.1 each; one day with all four would take 44.1, over the close of 41.
    const m = compileModel(twoDays([east1, east2, west1, west2], 41));
    const s = withRoutes(m, [[0, 2], [3, 1]]);
    const before = totalFinish(s);
    while (improveBetweenDays(m, s));
    expect(totalFinish(s)).toBeLessThan(before - 30);
    const sides = s.routes.map((r) => [...r.visits].sort());
    expect(sides.sort()).toEqual([[0, 1], [2, 3]]);
    expect(s.weight).toBe(4);
  });

  it('makes room for a visit that neither crossing day could take', () => {
    // A fifth visit east at (10, 0). Crossing days take about 40.1 each and 41.05 with the fifth
    // visit, over the close of 40.5; once each day keeps to one side (about 22), it fits.
    const m = compileModel(twoDays([east1, east2, west1, west2, [10, 0]], 40.5));
    const crossing = (): State => withRoutes(m, [[0, 2], [3, 1]]);
    expect(crossing().routes.every((r) => r.feasible)).toBe(true);
    const oneDayMoves = crossing();
    localSearch(m, oneDayMoves, createRandom(1), 0, []);
    expect(oneDayMoves.weight).toBe(4);
    const withBetweenDays = crossing();
    localSearch(m, withBetweenDays, createRandom(1), 0, [], true);
    expect(withBetweenDays.weight).toBe(5);
  });

  it('never changes which visits are planned and never lengthens the two days (random static problems)', () => {
    fc.assert(
      fc.property(specArb({ maxVisits: 12, maxDays: 3 }).map((sp) => ({ ...sp, period: 0, budget: undefined })), fc.integer(), (spec, seed) => {
        const m = compileModel(buildProblem(spec));
        const rng = createRandom(seed);
        const s = initialState(m, rng);
        localSearch(m, s, rng, 0.3, [], true);
        const planned = Array.from(s.where).map((d) => d >= 0);
        let finish = totalFinish(s);
        while (improveBetweenDays(m, s)) {
          expect(totalFinish(s)).toBeLessThan(finish);
          finish = totalFinish(s);
        }
        expect(Array.from(s.where).map((d) => d >= 0)).toEqual(planned);
        s.routes.forEach((r, d) => {
          const again = cloneRoute(r);
          computeRoute(m, again);
          expect(again.feasible).toBe(true);
          expect(again.finish).toBeCloseTo(r.finish, 9);
          for (const v of r.visits) expect(s.where[v]).toBe(d);
        });
      }),
      { numRuns: 200 },
    );
  });
});
