import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { dayMemo, routeVersion } from '../../src/domain/planner/insertion-cache.js';
import { insertGreedy, replaceMove } from '../../src/domain/planner/insertion.js';
import { localSearch, shake } from '../../src/domain/planner/local-search.js';
import { compileModel, type Model } from '../../src/domain/planner/model.js';
import type { Problem } from '../../src/domain/planner/problem.js';
import { createRandom } from '../../src/domain/planner/random.js';
import {
  computeRoute, fillSlots, insertAt, insertionShift, newRoute, newSlots, slotShifts, type Route, type Slots,
} from '../../src/domain/planner/route.js';
import { changeRelief, integralTimes, removalReliefs } from '../../src/domain/planner/slot-bounds.js';
import { cloneState, initialState, type State } from '../../src/domain/planner/state.js';
import { buildProblem, specArb, warmedModels, type Spec } from './builders.js';

// The bounds let the scans skip positions; they must never skip one where a visit fits. Each
// lemma is checked against the plain computation (slotShifts on the recomputed route), then the
// moves that use them against the same moves scanning in full.

/** Static travel, one window per visit and day, whole-number times: the integral fast model. */
const fastSpec = (maxVisits: number, maxDays: number): fc.Arbitrary<Spec> => specArb({ maxVisits, maxDays }).map((spec) => ({
  ...spec,
  period: 0,
  visits: spec.visits.map((v) => ({ ...v, windows: v.windows.map((w) => w.slice(0, 1)) })),
}));

/** A one-day route of the given visits (indexes taken modulo the visit count), each put at the end while it fits. */
function routeOf(m: Model, start: number, order: readonly number[]): Route {
  const r = newRoute(0, start, start);
  for (const v of [...new Set(order.map((o) => o % m.visitCount))]) {
    const p = r.visits.length;
    if (insertionShift(m, r, v, p) !== Infinity) insertAt(m, r, v, p);
  }
  return r;
}

/** The spec's model and a route built on it from its first lodging in the given order. */
function modelAndRoute(spec: Parameters<typeof buildProblem>[0], order: readonly number[]): { m: Model; r: Route } {
  const m = compileModel(buildProblem(spec));
  return { m, r: routeOf(m, spec.lodgings[0]!, order) };
}

function slotsOf(m: Model, r: Route): Slots {
  const sl = newSlots(1);
  fillSlots(m, r, sl);
  return sl;
}

function withVisits(m: Model, r: Route, visits: number[]): Route {
  const t = newRoute(r.day, r.start, r.end);
  t.visits = visits;
  computeRoute(m, t);
  return t;
}

/** The positions where v fits on the route sl was filled from, by the plain scan. */
function fitsAt(m: Model, sl: Slots, v: number): number[] {
  slotShifts(m, sl, v);
  const at: number[] = [];
  for (let p = 0; p <= sl.n; p++) if (sl.shift[p] !== Infinity) at.push(p);
  return at;
}

/** Slots.miss of v at position p (slotShifts writes it with the shifts). */
function missAt(m: Model, sl: Slots, v: number, p: number): number {
  slotShifts(m, sl, v);
  return sl.miss[p]!;
}

const routeArb = fc.tuple(fastSpec(10, 1), fc.array(fc.nat(), { maxLength: 10 }));

describe('the miss at a position (Slots.miss)', () => {
  it('is how late the visit is for its latest start or for the next node\'s latest arrival, positive exactly where it does not fit', () => {
    fc.assert(
      fc.property(routeArb, ([spec, order]) => {
        const { m, r } = modelAndRoute(spec, order);
        const sl = slotsOf(m, r);
        const n = r.visits.length;
        const T = m.matrix!;
        const P = m.placeCount;
        const placeOf = (i: number): number => (i < 0 ? r.start : i >= n ? r.end : m.place[r.visits[i]!]!);
        for (let v = 0; v < m.visitCount; v++) {
          const w = m.windows[v]![0]![0];
          if (r.visits.includes(v) || w === undefined) continue;
          slotShifts(m, sl, v);
          for (let p = 0; p <= n; p++) {
            // From the route itself: leave the node before p as early as it can, reach the next by its latest start.
            const leave = p === 0 ? m.open[0]! : r.beg[p - 1]! + m.duration[r.visits[p - 1]!]!;
            const latest = p === n ? m.close[0]! : r.beg[p]! + r.maxShift[p]!;
            const arrive = leave + T[placeOf(p - 1) * P + m.place[v]!]!;
            const done = Math.max(arrive, w.open) + m.duration[v]! + T[m.place[v]! * P + placeOf(p)]!;
            expect(sl.miss[p]).toBe(Math.max(arrive - w.close, done - latest));
            expect(sl.miss[p]! > 0).toBe(sl.shift[p] === Infinity);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('an insertion', () => {
  it('leaves a visit that fitted nowhere room only at the two positions it creates', () => {
    fc.assert(
      fc.property(routeArb, fc.nat(), fc.nat(), ([spec, order], pick, at) => {
        const { m, r } = modelAndRoute(spec, order);
        const outside = [...Array(m.visitCount).keys()].filter((v) => !r.visits.includes(v) && m.windows[v]![0]!.length > 0);
        if (outside.length === 0) return;
        const u = outside[pick % outside.length]!;
        const p = at % (r.visits.length + 1);
        if (insertionShift(m, r, u, p) === Infinity) return;
        const before = slotsOf(m, r);
        const grown = withVisits(m, r, [...r.visits.slice(0, p), u, ...r.visits.slice(p)]);
        expect(grown.feasible).toBe(true);
        const after = slotsOf(m, grown);
        for (const v of outside) {
          if (v === u || fitsAt(m, before, v).length > 0) continue;
          for (const q of fitsAt(m, after, v)) expect([p, p + 1]).toContain(q);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('removalReliefs', () => {
  it('says when the route stays feasible without a visit, where the next node is then reached, and bounds how much easier each other position gets', () => {
    fc.assert(
      fc.property(routeArb, ([spec, order]) => {
        const { m, r } = modelAndRoute(spec, order);
        const n = r.visits.length;
        if (n === 0) return;
        const sl = slotsOf(m, r);
        const b = { fits: new Uint8Array(n), bridged: new Float64Array(n), relief: new Float64Array(n * (n + 1)) };
        const most = removalReliefs(m, r, sl, b);
        for (let i = 0; i < n; i++) {
          const tmp = withVisits(m, r, r.visits.filter((_, k) => k !== i));
          expect(b.fits[i] === 1).toBe(tmp.feasible);
          if (!tmp.feasible) continue;
          expect(b.bridged[i]).toBe(i + 1 < n ? tmp.arr[i] : tmp.finish);
          const tsl = slotsOf(m, tmp);
          for (let v = 0; v < m.visitCount; v++) {
            if (r.visits.includes(v) || m.windows[v]![0]!.length === 0) continue;
            for (let p = 0; p <= n; p++) {
              if (p === i || p === i + 1) continue;
              // r's position p is the shorter route's p before the visit taken out, p - 1 after it.
              const q = p < i ? p : p - 1;
              const relief = b.relief[i * (n + 1) + p]!;
              expect(relief).toBeGreaterThanOrEqual(0);
              expect(relief).toBeLessThanOrEqual(most);
              expect(missAt(m, tsl, v, q)).toBeGreaterThanOrEqual(missAt(m, sl, v, p) - relief);
            }
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('changeRelief', () => {
  it('bounds how much easier a change in the middle of a route makes the positions at either end', () => {
    fc.assert(
      fc.property(routeArb, fc.nat(), fc.nat(), fc.array(fc.nat(), { maxLength: 4 }), ([spec, order], x, y, added) => {
        const { m, r } = modelAndRoute(spec, order);
        const n = r.visits.length;
        // Keep a visits at the front and c at the back; put some left-out visits between them.
        const a = x % (n + 1);
        const c = y % (n - a + 1);
        const outside = [...Array(m.visitCount).keys()].filter((v) => !r.visits.includes(v));
        const middle = [...new Set(added.map((k) => outside[k % Math.max(1, outside.length)]!))].filter((v) => v !== undefined);
        const changed = withVisits(m, r, [...r.visits.slice(0, a), ...middle, ...r.visits.slice(n - c)]);
        if (!changed.feasible) return;
        // What routeVersion takes as unchanged: the longest common front and back.
        let front = 0;
        const limit = Math.min(n, changed.visits.length);
        while (front < limit && r.visits[front] === changed.visits[front]) front++;
        let back = 0;
        while (front + back < limit && r.visits[n - 1 - back] === changed.visits[changed.visits.length - 1 - back]) back++;
        const relief = changeRelief(m, changed, r.visits, front, back);
        expect(relief).toBeGreaterThanOrEqual(0);
        const sl = slotsOf(m, r);
        const csl = slotsOf(m, changed);
        const nn = changed.visits.length;
        for (let v = 0; v < m.visitCount; v++) {
          if (changed.visits.includes(v) || r.visits.includes(v) || m.windows[v]![0]!.length === 0) continue;
          for (let p = 0; p < front; p++) expect(missAt(m, csl, v, p)).toBeGreaterThanOrEqual(missAt(m, sl, v, p) - relief);
          for (let p = nn - back + 1; p <= nn; p++) {
            expect(missAt(m, csl, v, p)).toBeGreaterThanOrEqual(missAt(m, sl, v, p - nn + n) - relief);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('integralTimes', () => {
  it('holds for whole-number times only, and never without static travel and one window per visit and day', () => {
    const spec: Spec = {
      points: [[0, 0], [3, 4], [6, 8]], dayCount: 1, dayLength: 100, lodgings: [0], period: 0, budget: undefined,
      visits: [1, 2].map((place) => ({ place, duration: 5, score: 1, cost: 0, mandatory: false, windows: [[[0, 90] as [number, number]]] })),
    };
    const problem = buildProblem(spec);
    expect(integralTimes(compileModel(problem))).toBe(true);
    const fractional: Problem = { ...problem, travel: { ...problem.travel, minDuration: (a, b) => problem.travel.minDuration(a, b) + 0.5 } };
    expect(integralTimes(compileModel(fractional))).toBe(false);
    const halfHour: Problem = { ...problem, visits: problem.visits.map((v) => ({ ...v, duration: 2.5 })) };
    expect(integralTimes(compileModel(halfHour))).toBe(false);
    expect(integralTimes(compileModel(buildProblem({ ...spec, period: 15 })))).toBe(false);
  });
});

/**
 * Runs `step` with the bounds on a model whose memo was warmed on other states of the problem,
 * and without them on a fresh model: the answers must be the same.
 */
function sameAsFullScans(spec: Spec, seed: number, step: (m: Model, s: State, bounds: boolean) => void): void {
  const { warm, cold, base } = warmedModels(spec, seed, (m, other, k, rng) => {
    localSearch(m, other, rng, k % 2 === 0 ? 0 : -1, [], true);
    step(m, other, true);
  });
  // The base state's routes are now one change away from what the memo saw last.
  const s = cloneState(base);
  shake(warm, s, createRandom(seed + 1), 0.3);
  for (const r of s.routes) routeVersion(dayMemo(warm)!, r);
  const a = cloneState(s);
  const b = cloneState(s);
  insertGreedy(warm, a, createRandom(seed), 0);
  insertGreedy(cold, b, createRandom(seed), 0, false);
  step(warm, a, true);
  step(cold, b, false);
  expect(a.routes.map((r) => [r.start, r.end, ...r.visits])).toEqual(b.routes.map((r) => [r.start, r.end, ...r.visits]));
  expect(Array.from(a.where)).toEqual(Array.from(b.where));
}

describe('the moves with the bounds', () => {
  it('insert what the full scans insert (greedy, noisy and random order)', () => {
    fc.assert(
      fc.property(fastSpec(14, 3), fc.nat(1000), fc.constantFrom(0, 0.3, -1), (spec, seed, noise) => {
        sameAsFullScans(spec, seed, (m, s, bounds) => insertGreedy(m, s, createRandom(seed), noise, bounds));
      }),
      { numRuns: 300 },
    );
  });

  it('swap what the full scans swap', () => {
    fc.assert(
      fc.property(fastSpec(14, 3), fc.nat(1000), (spec, seed) => {
        sameAsFullScans(spec, seed, (m, s, bounds) => {
          for (let k = 0; k < 5 && replaceMove(m, s, bounds); k++) insertGreedy(m, s, createRandom(seed), 0, bounds);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('swap what the full scans swap on one day filled in random order (many swaps to find)', () => {
    fc.assert(
      fc.property(fastSpec(16, 1), fc.array(fc.nat(), { maxLength: 16 }), (spec, order) => {
        const problem = buildProblem({ ...spec, dayLength: 100 + spec.dayLength });
        const a = compileModel(problem);
        const b = compileModel(problem);
        const sa = initialState(a, createRandom(1));
        const sb = initialState(b, createRandom(1));
        const r = routeOf(a, sa.routes[0]!.start, order);
        for (const [m, s] of [[a, sa], [b, sb]] as const) {
          s.routes[0] = withVisits(m, r, [...r.visits]);
          for (const v of r.visits) s.where[v] = 0;
        }
        for (let k = 0; k < 8; k++) {
          const moved = replaceMove(a, sa, true);
          expect(replaceMove(b, sb, false)).toBe(moved);
          expect(sa.routes[0]!.visits).toEqual(sb.routes[0]!.visits);
          if (!moved) break;
        }
      }),
      { numRuns: 600 },
    );
  });
});
