import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { nearPositions } from '../../src/domain/planner/best-slot.js';
import { improveBetweenDays } from '../../src/domain/planner/cross-route.js';
import { dayMemo, routeVersion } from '../../src/domain/planner/insertion-cache.js';
import { insertGreedy } from '../../src/domain/planner/insertion.js';
import { localSearch, relocateBetween, shake, tightenRoute } from '../../src/domain/planner/local-search.js';
import { compileModel, type Model } from '../../src/domain/planner/model.js';
import type { Problem } from '../../src/domain/planner/problem.js';
import { createRandom } from '../../src/domain/planner/random.js';
import {
  computeRoute, fillSlots, insertAt, insertionShift, newRoute, newSlots, type Route,
} from '../../src/domain/planner/route.js';
import { fillRouteTail, finishReaching, newRouteTail, segmentFinish } from '../../src/domain/planner/route-tail.js';
import { integralTimes, removalReliefs } from '../../src/domain/planner/slot-bounds.js';
import { cloneState, initialState, type State } from '../../src/domain/planner/state.js';
import { buildProblem, specArb, warmedModelsOf, type Spec } from './builders.js';

// The tail reads a route's finish off its schedule instead of replaying it; the moves use it only on the
// integral fast model. Each reading is checked against the route recomputed from its new order, then each
// move with the tails against the same move replaying (`tails` false), from states a warmed memo has seen.

/** Static travel, one window per visit and day, whole-number times (days differ: day d is at d·1000). */
const fastSpec = (maxVisits: number, maxDays: number): fc.Arbitrary<Spec> => specArb({ maxVisits, maxDays }).map((spec) => ({
  ...spec,
  period: 0,
  budget: undefined,
  visits: spec.visits.map((v) => ({ ...v, windows: v.windows.map((w) => w.slice(0, 1)) })),
}));

/** TOPTW tours as plain data: every day the same day from and to the depot (place 0), one window per visit. */
interface Tours {
  readonly points: readonly [number, number][];
  readonly days: number;
  readonly close: number;
  readonly visits: readonly { readonly duration: number; readonly score: number; readonly open: number; readonly length: number }[];
}

const toursArb: fc.Arbitrary<Tours> = fc.integer({ min: 2, max: 16 }).chain((count) => fc.record({
  points: fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })), { minLength: count + 1, maxLength: count + 1 }),
  days: fc.integer({ min: 2, max: 3 }),
  close: fc.integer({ min: 60, max: 200 }),
  visits: fc.array(fc.record({
    duration: fc.integer({ min: 0, max: 15 }),
    score: fc.integer({ min: 1, max: 20 }),
    open: fc.integer({ min: 0, max: 150 }),
    length: fc.integer({ min: 0, max: 120 }),
  }), { minLength: count, maxLength: count }),
}));

/** Travel is the distance rounded up (whole numbers; the triangle inequality may fail by a unit, as rounding makes it fail in the files). */
function toursProblem(t: Tours): Problem {
  const pts = t.points;
  const dist = (a: number, b: number): number => Math.ceil(Math.hypot(pts[a]![0] - pts[b]![0], pts[a]![1] - pts[b]![1]));
  const day = { open: 0, close: t.close, start: 0, ends: [0] };
  return {
    placeCount: pts.length,
    days: Array.from({ length: t.days }, () => day),
    visits: t.visits.map((v, i) => ({
      key: `v${i}`, place: i + 1, duration: v.duration, score: v.score,
      windows: Array.from({ length: t.days }, () => [{ open: v.open, close: v.open + v.length }]),
    })),
    travel: { arrive: (a, b, at) => at + dist(a, b), minDuration: dist, isStatic: true },
  };
}

/** Day d's route of the given visits (indexes modulo the visit count), each put at the end while it fits. */
function routeOf(m: Model, d: number, start: number, order: readonly number[]): Route {
  const r = newRoute(d, start, start);
  computeRoute(m, r);
  for (const v of [...new Set(order.map((o) => o % m.visitCount))]) {
    const p = r.visits.length;
    if (m.windows[v]![d]!.length > 0 && insertionShift(m, r, v, p) !== Infinity) insertAt(m, r, v, p);
  }
  return r;
}

/** The finish of day r.day visited in `visits` order, recomputed; Infinity when infeasible. */
function recomputed(m: Model, r: Route, visits: number[]): number {
  const t = newRoute(r.day, r.start, r.end);
  t.visits = visits;
  computeRoute(m, t);
  return t.feasible ? t.finish : Infinity;
}

/** Stretches a move may put in place of visits from..same−1 of r: reversed, rotated, removed, exchanged. */
function stretches(m: Model, r: Route, from: number, same: number, other: number): number[][] {
  const mid = r.visits.slice(from, same);
  const out = [mid.slice().reverse(), [...mid.slice(1), ...mid.slice(0, 1)], [...mid.slice(-1), ...mid.slice(0, -1)], []];
  const v = other % m.visitCount;
  if (!r.visits.includes(v)) out.push([v], [...mid.slice(1), v], [v, ...mid.slice().reverse()]);
  return out;
}

describe('a route\'s tail (route-tail.ts)', () => {
  it('gives the finish of the recomputed route for any stretch replaced: reversed, moved, removed or exchanged', () => {
    fc.assert(
      fc.property(fastSpec(10, 1), fc.array(fc.nat(), { maxLength: 10 }), fc.nat(), fc.nat(), fc.nat(), (spec, order, x, y, other) => {
        const m = compileModel(buildProblem(spec));
        expect(integralTimes(m)).toBe(true);
        const r = routeOf(m, 0, spec.lodgings[0]!, order);
        const n = r.visits.length;
        const t = newRouteTail(1);
        fillRouteTail(m, r, t);
        const from = x % (n + 1);
        const same = from + (y % (n - from + 1));
        for (const seg of stretches(m, r, from, same, other)) {
          const visits = [...r.visits.slice(0, from), ...seg, ...r.visits.slice(same)];
          expect(segmentFinish(m, r, t, seg, seg.length, from, same)).toBe(recomputed(m, r, visits));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('gives the finish of one day\'s head followed by another alike day\'s tail (2-opt*), earlier or later', () => {
    fc.assert(
      fc.property(toursArb, fc.array(fc.nat(), { maxLength: 16 }), fc.array(fc.nat(), { maxLength: 16 }), fc.nat(), fc.nat(), (tours, oa, ob, x, y) => {
        const m = compileModel(toursProblem(tours));
        const ra = routeOf(m, 0, 0, oa);
        const rb = routeOf(m, 1, 0, ob.filter((o) => !ra.visits.includes(o % m.visitCount)));
        const tb = newRouteTail(1);
        fillRouteTail(m, rb, tb);
        const i = x % (ra.visits.length + 1);
        const j = y % (rb.visits.length + 1);
        const P = m.placeCount;
        const pa = i === 0 ? ra.start : m.place[ra.visits[i - 1]!]!;
        const dep = i === 0 ? m.open[0]! : ra.beg[i - 1]! + m.duration[ra.visits[i - 1]!]!;
        const xb = j === rb.visits.length ? rb.end : m.place[rb.visits[j]!]!;
        const head = [...ra.visits.slice(0, i), ...rb.visits.slice(j)];
        expect(finishReaching(rb, tb, j, dep + m.matrix![pa * P + xb]!)).toBe(recomputed(m, ra, head));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('the swap move\'s near positions (best-slot.ts nearPositions)', () => {
  it('are those the full measurement finds, in the same order with the same misses', () => {
    fc.assert(
      fc.property(fastSpec(12, 1), fc.array(fc.nat(), { maxLength: 12 }), fc.nat(), fc.integer({ min: -1, max: 60 }), (spec, order, pick, most) => {
        const m = compileModel(buildProblem(spec));
        const r = routeOf(m, 0, spec.lodgings[0]!, order);
        const sl = newSlots(1);
        fillSlots(m, r, sl);
        const n = r.visits.length;
        const cap = n + 1;
        const reliefs = { fits: new Uint8Array(n), bridged: new Float64Array(n), relief: new Float64Array(n * cap) };
        const v = pick % m.visitCount;
        for (const bound of [removalReliefs(m, r, sl, reliefs), most]) {
          const near = [new Int32Array(cap), new Int32Array(cap)];
          const miss = [new Float64Array(cap), new Float64Array(cap)];
          const range = { lo: 0, hi: -1 };
          const fast = nearPositions(m, sl, v, bound, near[0]!, miss[0]!, 0, range, true);
          const full = nearPositions(m, sl, v, bound, near[1]!, miss[1]!, 0, range, false);
          expect(fast).toBe(full);
          expect(Array.from(near[0]!.subarray(0, fast))).toEqual(Array.from(near[1]!.subarray(0, full)));
          expect(Array.from(miss[0]!.subarray(0, fast))).toEqual(Array.from(miss[1]!.subarray(0, full)));
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('the relocation\'s least shifts (insertion-cache.ts relocShift)', () => {
  it('are, for every day at the version they were measured at, the least insertion shift of the visit there', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.oneof(fastSpec(14, 3).map(buildProblem), toursArb.map(toursProblem)), fc.nat(1000), (problem, seed) => {
        const m = compileModel(problem);
        const rng = createRandom(seed);
        const s = initialState(m, rng);
        for (let k = 0; k < 4; k++) {
          localSearch(m, s, rng, k === 0 ? 0 : 0.3, [], true);
          while (relocateBetween(m, s)) insertGreedy(m, s, rng, 0);
          const memo = dayMemo(m)!;
          for (let d = 0; d < m.dayCount; d++) {
            const r = s.routes[d]!;
            const version = routeVersion(memo, r);
            for (let v = 0; v < m.visitCount; v++) {
              if (memo.relocAt[d * m.visitCount + v] !== version) continue;
              let least = Infinity;
              for (let p = 0; p <= r.visits.length; p++) least = Math.min(least, insertionShift(m, r, v, p));
              expect(memo.relocShift[d * m.visitCount + v]).toBe(least);
              checked++;
            }
          }
          shake(m, s, rng, 0.5);
        }
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(1000);
  });
});

type Step = (m: Model, s: State, tails: boolean) => void;

/**
 * Runs `step` with the tails on a model whose memo saw four shaken copies of a searched state,
 * and replaying on a fresh model, from that state shaken once more: the answers must be the same.
 */
function sameAsReplay(problem: Problem, seed: number, step: Step): void {
  const { warm, cold, base } = warmedModelsOf(problem, seed, (m, copy, k, rng) => {
    localSearch(m, copy, rng, k % 2 === 0 ? 0 : -1, [], true);
    step(m, copy, true);
  });
  const s = cloneState(base);
  shake(warm, s, createRandom(seed + 1), 0.3);
  const a = cloneState(s);
  const b = cloneState(s);
  step(warm, a, true);
  step(cold, b, false);
  expect(a.routes.map((r) => [r.start, r.end, ...r.visits])).toEqual(b.routes.map((r) => [r.start, r.end, ...r.visits]));
  expect(Array.from(a.where)).toEqual(Array.from(b.where));
}

/** Fills the days by greedy insertion (the same on both models), then makes the move and refills, until it no longer helps. */
const moves = (move: (m: Model, s: State, tails: boolean) => boolean): Step => (m, s, tails) => {
  insertGreedy(m, s, createRandom(7), 0);
  for (let k = 0; k < 12 && move(m, s, tails); k++) insertGreedy(m, s, createRandom(k), 0);
};

const tighten = (m: Model, s: State, tails: boolean): boolean => {
  let shorter = false;
  for (let d = 0; d < m.dayCount; d++) if (tightenRoute(m, s, d, tails)) shorter = true;
  return shorter;
};

describe('the moves with the tails make the moves that replay', () => {
  const problems: [string, fc.Arbitrary<Problem>][] = [
    ['days that differ', fastSpec(14, 3).map(buildProblem)],
    ['alike days (TOPTW tours)', toursArb.map(toursProblem)],
  ];
  for (const [kind, arb] of problems) {
    it(`2-opt and or-opt (tightenRoute), ${kind}`, () => {
      fc.assert(fc.property(arb, fc.nat(1000), (p, seed) => sameAsReplay(p, seed, moves(tighten))), { numRuns: 300 });
    });
    it(`a visit moved to another day (relocateBetween), ${kind}`, () => {
      fc.assert(fc.property(arb, fc.nat(1000), (p, seed) => sameAsReplay(p, seed, moves(relocateBetween))), { numRuns: 300 });
    });
    it(`a swap or tail exchange between days (improveBetweenDays), ${kind}`, () => {
      fc.assert(fc.property(arb, fc.nat(1000), (p, seed) => sameAsReplay(p, seed, moves(improveBetweenDays))), { numRuns: 300 });
    });
  }
});
