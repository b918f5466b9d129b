import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { applyEjection, ejectAcross, ejectionApplies, findEjection } from '../../src/domain/planner/eject-chain.js';
import { localSearch, shake } from '../../src/domain/planner/local-search.js';
import { compileModel, type Model } from '../../src/domain/planner/model.js';
import type { Problem } from '../../src/domain/planner/problem.js';
import { createRandom } from '../../src/domain/planner/random.js';
import { computeRoute, newRoute, removeAt } from '../../src/domain/planner/route.js';
import { cloneState, excluded, initialState, refresh, type State } from '../../src/domain/planner/state.js';
import { buildProblem, specArb, warmedModels, withRoutes, type Spec } from './builders.js';

/**
 * Two days from a depot at 0 on a line; visits at the given points, windows as given (the same on
 * both days unless `dayTwo` says otherwise), duration 1, travel the distance.
 */
function line(
  xs: number[], scores: number[], windows: [number, number][], close: number, dayTwo?: ([number, number] | null)[],
): Problem {
  const pts = [0, ...xs];
  const dist = (a: number, b: number): number => Math.abs(pts[a]! - pts[b]!);
  const day = { open: 0, close, start: 0, ends: [0] };
  return {
    placeCount: pts.length,
    days: [day, day],
    visits: xs.map((_, i) => {
      const two = dayTwo === undefined ? windows[i]! : dayTwo[i];
      return {
        key: `v${i}`, place: i + 1, duration: 1, score: scores[i]!,
        windows: [[{ open: windows[i]![0], close: windows[i]![1] }], two === null || two === undefined ? [] : [{ open: two[0], close: two[1] }]],
      };
    }),
    travel: { arrive: (a, b, t) => t + dist(a, b), minDuration: dist, isStatic: true },
  };
}

/** The solution's weight recomputed from its routes (each replayed from its visits). */
function recomputedWeight(m: Model, s: State): number {
  let w = 0;
  for (const r of s.routes) {
    const again = newRoute(r.day, r.start, r.end);
    again.visits = r.visits.slice();
    computeRoute(m, again);
    expect(again.feasible).toBe(true);
    expect(again.finish).toBe(r.finish);
    w += again.weight;
  }
  return w;
}

/** Every visit is on the day `where` says, once; the left-out ones nowhere. */
function consistent(m: Model, s: State): void {
  const seen = new Int32Array(m.visitCount).fill(-1);
  s.routes.forEach((r, d) => {
    for (const v of r.visits) {
      expect(seen[v]).toBe(-1);
      seen[v] = d;
    }
  });
  expect(Array.from(seen)).toEqual(Array.from(s.where));
}

/** Whether day d's route with `visits` instead is feasible (the full schedule computation). */
function feasibleWith(m: Model, s: State, d: number, visits: number[]): boolean {
  const r = s.routes[d]!;
  const t = newRoute(d, r.start, r.end);
  t.visits = visits;
  computeRoute(m, t);
  return t.feasible;
}

/**
 * The heaviest left-out visit any cross-route ejection brings in (0: none), by trying every
 * left-out visit, day, visit making room, position and other day with the full schedule computation.
 */
function bruteForceGain(m: Model, s: State): number {
  // Whether each routed visit fits somewhere on another day as it is.
  const movable = new Uint8Array(m.visitCount);
  s.routes.forEach((ra, a) => {
    for (const v of ra.visits) {
      for (let b = 0; b < m.dayCount; b++) {
        const rb = s.routes[b]!;
        if (b === a || !rb.feasible || m.windows[v]![b]!.length === 0) continue;
        for (let q = 0; q <= rb.visits.length; q++) {
          if (feasibleWith(m, s, b, [...rb.visits.slice(0, q), v, ...rb.visits.slice(q)])) movable[v] = 1;
        }
      }
    }
  });
  let best = 0;
  for (let u = 0; u < m.visitCount; u++) {
    if (s.where[u]! >= 0 || excluded(m, s, u) || !(m.weight[u]! > best)) continue;
    for (let a = 0; a < m.dayCount; a++) {
      const ra = s.routes[a]!;
      if (!ra.feasible || m.windows[u]![a]!.length === 0) continue;
      ra.visits.forEach((v, i) => {
        if (movable[v] === 0) return;
        const rest = ra.visits.filter((_, k) => k !== i);
        for (let p = 0; p <= rest.length; p++) {
          if (feasibleWith(m, s, a, [...rest.slice(0, p), u, ...rest.slice(p)])) best = Math.max(best, m.weight[u]!);
        }
      });
    }
  }
  return best;
}

/** Random problems on the fast model: static travel, at most one window per visit and day, no budget. */
const fastSpecs = specArb({ maxVisits: 14, maxDays: 3 }).map(
  (sp): Spec => ({ ...sp, period: 0, budget: undefined, lodgings: [sp.lodgings[0]!], visits: sp.visits.map((v) => ({ ...v, windows: v.windows.map((ws) => ws.slice(0, 1)) })) }),
);

describe('cross-route ejection (a left-out visit in, the visit making room to another day)', () => {
  it('takes a visit no heavier than the one it moves, which the swap move cannot', () => {
    // u (5 points) is open on day 1 only, at 10..10; v (8 points) sits on day 1 at x = 10 too, open
    // at 10..10 on day 1 and all day on day 2; each takes 1, so both cannot start at 10 on day 1.
    const p = line([10, 10], [5, 8], [[10, 10], [10, 10]], 30, [null, [0, 100]]);
    const m = compileModel(p);
    const s = withRoutes(m, [[1], []]);
    expect(s.routes.every((r) => r.feasible)).toBe(true);
    // Day 2 closes at 30 like day 1: v fits there (0 → 10 → 0).
    const e = findEjection(m, s);
    expect(e).not.toBeNull();
    expect(e).toMatchObject({ u: 0, a: 0, v: 1, b: 1, gain: 5 });
    applyEjection(m, s, e!);
    expect(s.routes.map((r) => r.visits)).toEqual([[0], [1]]);
    expect(s.weight).toBe(13);
    consistent(m, s);
  });

  it('finds nothing when the visit making room fits on no other day', () => {
    const p = line([10, 10], [5, 8], [[10, 10], [10, 10]], 30, [null, null]);
    const m = compileModel(p);
    const s = withRoutes(m, [[1], []]);
    expect(findEjection(m, s)).toBeNull();
    expect(ejectAcross(m, s)).toBe(0);
    expect(s.weight).toBe(8);
  });

  it('searches again when one day differs from routes where it found nothing (its memo)', () => {
    // y (1 point, x = 10, at 10 on day 1 only) blocks day 1 for u and v and can go nowhere else.
    const p = line([10, 10, 10], [5, 8, 1], [[10, 10], [10, 10], [10, 10]], 30, [null, [0, 100], null]);
    const m = compileModel(p);
    expect(findEjection(m, withRoutes(m, [[2], []]))).toBeNull();
    // Day 1 now holds v, day 2 is the same (empty): u goes in and v moves to day 2.
    expect(findEjection(m, withRoutes(m, [[1], []]))).toMatchObject({ u: 0, v: 1, b: 1, gain: 5 });
  });

  it('keeps every route feasible, adds exactly the weight it claims, and misses no move (random problems)', () => {
    let moves = 0;
    fc.assert(
      fc.property(fastSpecs, fc.integer(), fc.double({ min: 0.1, max: 0.9, noNaN: true }), (spec, seed, strength) => {
        const m = compileModel(buildProblem(spec));
        fc.pre(ejectionApplies(m));
        const rng = createRandom(seed);
        const s = initialState(m, rng);
        localSearch(m, s, rng, 0.3, [], true);
        shake(m, s, rng, strength);
        localSearch(m, s, rng, 0, [], true);
        const expected = bruteForceGain(m, s);
        // The full scans (no bounds, no memo) give the move the bounded scans give.
        const full = findEjection(m, s, false);
        const e = findEjection(m, s);
        expect(e).toEqual(full);
        expect(e === null ? 0 : e.gain).toBe(expected);
        if (e === null) return;
        moves++;
        const before = s.weight;
        applyEjection(m, s, e);
        expect(e.gain).toBeGreaterThan(0);
        expect(s.weight).toBeCloseTo(before + e.gain, 9);
        expect(recomputedWeight(m, s)).toBeCloseTo(s.weight, 9);
        consistent(m, s);
        expect(s.where[e.u]).toBe(e.a);
        expect(s.where[e.v]).toBe(e.b);
      }),
      { numRuns: 300, seed: 12 },
    );
    // The spec must see the move made, not only its absence.
    expect(moves).toBeGreaterThan(10);
  });

  it('gives on a warm model (its memo of routes where no move was found) the answers it gives on a cold one', () => {
    let compared = 0;
    fc.assert(
      fc.property(fastSpecs, fc.integer(), (spec, seed) => {
        const { warm, cold, base } = warmedModels(spec, seed, (w, copy, k, rng) => {
          localSearch(w, copy, rng, 0, [], true);
          // Some copies are searched twice on the same routes (the second answer is the memo's).
          for (let t = 0; t <= k % 2; t++) findEjection(w, copy);
        });
        fc.pre(ejectionApplies(warm));
        compared++;
        const coldState = cloneState(base);
        const first = findEjection(warm, base);
        // Asked again on the same routes: a move found is found again, no move is the memo's answer.
        expect(findEjection(warm, base)).toEqual(first);
        expect(first).toEqual(findEjection(cold, coldState));
        // One day changed (its first visit taken out), the others as they were: the memo must see it.
        for (let d = 0; d < warm.dayCount; d++) {
          if (base.routes[d]!.visits.length === 0) continue;
          const changed = cloneState(base);
          changed.where[removeAt(warm, changed.routes[d]!, 0)] = -1;
          refresh(warm, changed);
          expect(findEjection(warm, changed)).toEqual(findEjection(cold, cloneState(changed)));
        }
      }),
      { numRuns: 200, seed: 5 },
    );
    expect(compared).toBeGreaterThan(100);
  });

  it('does not apply where the O(1) schedule tests are not exact (timetabled travel, budgets)', () => {
    const timed = compileModel(buildProblem({ ...fc.sample(fastSpecs, { seed: 7, numRuns: 1 })[0]!, period: 15 }));
    expect(ejectionApplies(timed)).toBe(false);
    const s = initialState(timed, createRandom(1));
    expect(findEjection(timed, s)).toBeNull();
  });
});
