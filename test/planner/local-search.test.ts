import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { compileModel, type Model } from '../../src/domain/planner/model.js';
import { createRandom } from '../../src/domain/planner/random.js';
import { cloneRoute, computeRoute } from '../../src/domain/planner/route.js';
import { localSearch, shake } from '../../src/domain/planner/local-search.js';
import { choiceDays } from '../../src/domain/planner/lodging.js';
import { initialState, type State } from '../../src/domain/planner/state.js';
import { buildProblem, specArb } from './builders.js';

/** Every cached number of a state agrees with a recomputation from its visit lists. */
function expectConsistent(m: Model, s: State): void {
  let weight = 0;
  let time = 0;
  const seen = new Int32Array(m.visitCount).fill(-1);
  s.routes.forEach((r, d) => {
    const again = cloneRoute(r);
    computeRoute(m, again);
    expect(again.finish).toBeCloseTo(r.finish, 9);
    expect(again.arr).toEqual(r.arr);
    expect(again.maxShift).toEqual(r.maxShift);
    expect(r.feasible).toBe(true);
    if (d > 0 && m.fixedStart[d] === undefined) expect(r.start).toBe(s.routes[d - 1]!.end);
    for (const v of r.visits) {
      expect(seen[v]).toBe(-1);
      seen[v] = d;
    }
    weight += r.weight;
    time += r.finish - m.open[d]!;
  });
  expect(Array.from(s.where)).toEqual(Array.from(seen));
  expect(s.weight).toBeCloseTo(weight, 6);
  expect(s.time).toBeCloseTo(time, 6);
}

describe('local search bookkeeping (insertion, swaps, lodging moves, 2-opt/or-opt tightening)', () => {
  it('leaves routes, where[] and totals consistent after local search and shakes', () => {
    fc.assert(
      fc.property(specArb({ maxVisits: 12, maxDays: 3, mandatory: true }), fc.integer(), (spec, seed) => {
        const m = compileModel(buildProblem(spec));
        const rng = createRandom(seed);
        const days = choiceDays(m);
        const s = initialState(m, rng);
        for (let k = 0; k < 4; k++) {
          localSearch(m, s, rng, k === 0 ? 0 : 0.3, days);
          expectConsistent(m, s);
          shake(m, s, rng, 0.5);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('fits every visit of a day that has room for them all, in a feasible order (static travel)', () => {
    // Square corners (0,0) depot, (0,10), (10,10), (10,0) and a visit at (5,12) just off the square.
    const pts: [number, number][] = [[0, 0], [0, 10], [10, 10], [10, 0], [5, 12]];
    const dist = (a: number, b: number): number => Math.hypot(pts[a]![0] - pts[b]![0], pts[a]![1] - pts[b]![1]);
    const m = compileModel({
      placeCount: pts.length,
      days: [{ open: 0, close: 42, start: 0, ends: [0] }],
      visits: [1, 2, 3, 4].map((p) => ({ key: String(p), place: p, duration: 0, score: 1, windows: [[{ open: 0, close: 42 }]] })),
      travel: { arrive: (a, b, t) => t + dist(a, b), minDuration: dist, isStatic: true },
    });
    const s = initialState(m, createRandom(1));
    localSearch(m, s, createRandom(1), 0, []);
    // The square tour plus the detour to (5,12) is 40 + 2·√29 − 10 ≈ 40.8 ≤ 42: all four fit.
    expect(s.routes[0]!.visits).toHaveLength(4);
    expectConsistent(m, s);
  });
});
