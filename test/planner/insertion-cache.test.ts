import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { bestRatioSlot, leastShiftSlot, newSlotPick } from '../../src/domain/planner/best-slot.js';
import { dayMemo, routeVersion } from '../../src/domain/planner/insertion-cache.js';
import { insertGreedy, replaceMove } from '../../src/domain/planner/insertion.js';
import { compileModel, type Model } from '../../src/domain/planner/model.js';
import { createRandom } from '../../src/domain/planner/random.js';
import { computeRoute, fillSlots, insertAt, insertionShift, newRoute, newSlots, slotShifts, type Route } from '../../src/domain/planner/route.js';
import { localSearch, shake } from '../../src/domain/planner/local-search.js';
import { cloneState, initialState, type State } from '../../src/domain/planner/state.js';
import { buildProblem, specArb, warmedModels, type Spec } from './builders.js';

// The caches and the windowed scans are shortcuts: the same seed and iterations must give the same
// answer as the plain scans, only sooner. These specs compare them with the plain computation.

/** Static travel and one window per visit and day: the fast model the slot scans serve. */
const fastSpec = (maxVisits: number, maxDays: number): fc.Arbitrary<Spec> => specArb({ maxVisits, maxDays }).map((spec) => ({
  ...spec,
  period: 0,
  visits: spec.visits.map((v) => ({ ...v, windows: v.windows.map((w) => w.slice(0, 1)) })),
}));

/** A one-day route of the spec's visits, inserted at the end while they fit (the order is random). */
function routeOf(model: Model, start: number, order: number[]): Route {
  const r = newRoute(0, start, start);
  for (const v of [...new Set(order.map((o) => o % model.visitCount))]) {
    const p = r.visits.length;
    if (insertionShift(model, r, v, p) !== Infinity) insertAt(model, r, v, p);
  }
  return r;
}

describe('the windowed slot scans', () => {
  it('pick the position a plain scan over every slot picks, by ratio and by least shift (first of equals)', () => {
    fc.assert(
      fc.property(fastSpec(9, 1), fc.array(fc.nat(), { maxLength: 9 }), (spec, order) => {
        const model = compileModel(buildProblem(spec));
        const r = routeOf(model, spec.lodgings[0]!, order);
        const sl = newSlots(1);
        fillSlots(model, r, sl);
        const pick = newSlotPick();
        for (let v = 0; v < model.visitCount; v++) {
          if (r.visits.includes(v)) continue;
          const w2 = (model.weight[v]! + 1) ** 2;
          slotShifts(model, sl, v);
          let bestRatio = -1;
          let ratioAt = -1;
          let least = Infinity;
          let leastAt = -1;
          for (let p = 0; p <= r.visits.length; p++) {
            const sh = sl.shift[p]!;
            if (sh === Infinity) continue;
            const q = w2 / Math.max(sh, 1e-6);
            if (q > bestRatio) {
              bestRatio = q;
              ratioAt = p;
            }
            if (sh < least) {
              least = sh;
              leastAt = p;
            }
          }
          bestRatioSlot(model, sl, v, w2, pick);
          expect([pick.pos, pick.ratio]).toEqual([ratioAt, bestRatio]);
          leastShiftSlot(model, sl, v, pick);
          expect([pick.pos, pick.shift]).toEqual([leastAt, least]);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('the day memo', () => {
  it('gives a route the same version while its start, end and visit order stay the same, a new one on any change', () => {
    const model = compileModel(buildProblem({
      points: [[0, 0], [1, 0], [2, 0], [3, 0]], dayCount: 1, dayLength: 100, lodgings: [0, 1], period: 0, budget: undefined,
      visits: [2, 3].map((place) => ({ place, duration: 1, score: 1, cost: 0, mandatory: false, windows: [[[0, 90] as [number, number]]] })),
    }));
    const memo = dayMemo(model)!;
    const r = newRoute(0, 0, 0);
    r.visits = [0, 1];
    const v1 = routeVersion(memo, r);
    expect(routeVersion(memo, { ...r, visits: [0, 1] })).toBe(v1);
    r.visits = [1, 0];
    const v2 = routeVersion(memo, r);
    expect(v2).not.toBe(v1);
    r.end = 1;
    const v3 = routeVersion(memo, r);
    expect(v3).not.toBe(v2);
    r.visits = [1];
    expect(routeVersion(memo, r)).not.toBe(v3);
    // Back to an earlier content: a new version (the old answers were overwritten), never a stale one.
    r.visits = [0, 1];
    r.end = 0;
    expect(routeVersion(memo, r)).not.toBe(v1);
  });

  it('is not kept when a budget couples the days', () => {
    const spec: Spec = {
      points: [[0, 0], [1, 0]], dayCount: 1, dayLength: 100, lodgings: [0], period: 0, budget: 5,
      visits: [{ place: 1, duration: 1, score: 1, cost: 1, mandatory: false, windows: [[[0, 90]]] }],
    };
    expect(dayMemo(compileModel(buildProblem(spec)))).toBeUndefined();
  });

  /**
   * Warms a model's memo on other states of the same problem (shaken and searched copies), then runs
   * `step` on one state with that model and on a copy with a fresh model: a stale cached answer
   * would make the two differ.
   */
  function sameWithWarmMemo(spec: Spec, seed: number, step: (m: Model, s: State) => void): void {
    const { warm, cold, base } = warmedModels(spec, seed, (m, other, k, rng) => {
      if (k % 2 === 0) step(m, other);
      else localSearch(m, other, rng, k === 1 ? 0 : -1, [], true);
      // The same days in another order: as many visits, other answers.
      for (const r of other.routes) r.visits.reverse();
      for (const r of other.routes) computeRoute(m, r);
      step(m, other);
    });
    const s = cloneState(base);
    shake(warm, s, createRandom(seed + 1), 0.5);
    const a = cloneState(s);
    const b = cloneState(s);
    step(warm, a);
    step(cold, b);
    expect(a.routes.map((r) => [r.start, r.end, ...r.visits])).toEqual(b.routes.map((r) => [r.start, r.end, ...r.visits]));
    expect(Array.from(a.where)).toEqual(Array.from(b.where));
  }

  it('leaves the greedy insertion, the swap move and the whole local search as they are without it', () => {
    fc.assert(
      fc.property(specArb({ maxVisits: 12, maxDays: 3 }), fc.nat(1000), (spec, seed) => {
        sameWithWarmMemo(spec, seed, (m, s) => insertGreedy(m, s, createRandom(seed), 0.3));
        sameWithWarmMemo(spec, seed, (m, s) => {
          replaceMove(m, s);
        });
        sameWithWarmMemo(spec, seed, (m, s) => localSearch(m, s, createRandom(seed), 0, [], true));
      }),
      { numRuns: 150 },
    );
  });

  it('does so on the fast model too (static travel, one window per visit and day)', () => {
    fc.assert(
      fc.property(fastSpec(12, 3), fc.nat(1000), (spec, seed) => {
        sameWithWarmMemo(spec, seed, (m, s) => localSearch(m, s, createRandom(seed), 0.3, [], true));
      }),
      { numRuns: 150 },
    );
  });
});
