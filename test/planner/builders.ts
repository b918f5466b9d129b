import fc from 'fast-check';
import { localSearch, shake } from '../../src/domain/planner/local-search.js';
import { compileModel, type Model } from '../../src/domain/planner/model.js';
import type { Problem, ProblemVisit, Travel } from '../../src/domain/planner/problem.js';
import { computeRoute } from '../../src/domain/planner/route.js';
import { createRandom, type Random } from '../../src/domain/planner/random.js';
import { cloneState, initialState, refresh, stateWithEnds, type State } from '../../src/domain/planner/state.js';

/** A small random itinerary problem, described by plain data so fast-check can shrink it. */
export interface Spec {
  readonly points: readonly [number, number][];
  readonly dayCount: number;
  readonly dayLength: number;
  /** Hotel selection: later days start where the previous one ended; ends are these places. */
  readonly lodgings: readonly number[];
  readonly visits: readonly {
    readonly place: number;
    readonly duration: number;
    readonly score: number;
    readonly cost: number;
    readonly mandatory: boolean;
    /** Per day: offsets of up to two windows inside the day; [] = closed that day. */
    readonly windows: readonly (readonly [number, number][])[];
  }[];
  /** Legs touching place 0 leave only at multiples of this (0 = no timetable: static travel). */
  readonly period: number;
  readonly budget: number | undefined;
}

export function specArb(opts: { maxVisits: number; maxDays: number; mandatory?: boolean; budget?: boolean }): fc.Arbitrary<Spec> {
  return fc
    .record({
      placeCount: fc.integer({ min: 2, max: 6 }),
      dayCount: fc.integer({ min: 1, max: opts.maxDays }),
      dayLength: fc.integer({ min: 40, max: 160 }),
      visitCount: fc.integer({ min: 1, max: opts.maxVisits }),
      period: fc.constantFrom(0, 0, 15, 40),
      hasBudget: opts.budget === true ? fc.boolean() : fc.constant(false),
      budget: fc.integer({ min: 0, max: 30 }),
    })
    .chain((r) =>
      fc.record({
        points: fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })), {
          minLength: r.placeCount + r.visitCount,
          maxLength: r.placeCount + r.visitCount,
        }),
        dayCount: fc.constant(r.dayCount),
        dayLength: fc.constant(r.dayLength),
        lodgings: fc.uniqueArray(fc.integer({ min: 0, max: r.placeCount - 1 }), { minLength: 1, maxLength: 3 }),
        visits: fc.array(
          fc.record({
            place: fc.constant(0),
            duration: fc.integer({ min: 0, max: 30 }),
            score: fc.integer({ min: 0, max: 20 }),
            cost: fc.integer({ min: 0, max: 10 }),
            mandatory: opts.mandatory === true ? fc.boolean() : fc.constant(false),
            windows: fc.array(
              fc.array(fc.tuple(fc.integer({ min: 0, max: r.dayLength }), fc.integer({ min: 0, max: 60 })), { maxLength: 2 }),
              { minLength: r.dayCount, maxLength: r.dayCount },
            ),
          }),
          { minLength: r.visitCount, maxLength: r.visitCount },
        ),
        period: fc.constant(r.period),
        budget: fc.constant(r.hasBudget ? r.budget : undefined),
      }),
    )
    .map((s) => ({ ...s, visits: s.visits.map((v, i) => ({ ...v, place: s.points.length - s.visits.length + i })) }));
}

/** Day d covers [d*1000, d*1000 + dayLength]; travel is the rounded-up distance, timetabled at place 0. */
export function buildProblem(spec: Spec): Problem {
  const pts = spec.points;
  const dist = (a: number, b: number): number => Math.ceil(Math.hypot(pts[a]![0] - pts[b]![0], pts[a]![1] - pts[b]![1]));
  const timetabled = spec.period > 0;
  const travel: Travel = {
    arrive: (from, to, depart) => {
      if (timetabled && from !== to && (from === 0 || to === 0)) return Math.ceil(depart / spec.period) * spec.period + dist(from, to);
      return depart + dist(from, to);
    },
    minDuration: dist,
    isStatic: !timetabled,
    cost: (from, to) => (from === to ? 0 : 1),
  };
  const days = Array.from({ length: spec.dayCount }, (_, d) => ({
    open: d * 1000,
    close: d * 1000 + spec.dayLength,
    ...(d === 0 ? { start: spec.lodgings[0]! } : {}),
    ends: spec.lodgings,
  }));
  const visits: ProblemVisit[] = spec.visits.map((v, i) => ({
    key: `v${i}`,
    place: v.place,
    duration: v.duration,
    score: v.score,
    cost: v.cost,
    ...(v.mandatory ? { mandatory: true } : {}),
    windows: v.windows.map((ws, d) => ws.map(([o, len]) => ({ open: d * 1000 + o, close: d * 1000 + o + len }))),
  }));
  return { placeCount: pts.length, days, visits, travel, ...(spec.budget !== undefined ? { budget: spec.budget } : {}) };
}

/** A state whose days (all ending at place 0) hold the given visit orders (visit indexes). */
export function withRoutes(m: Model, orders: number[][]): State {
  const s = stateWithEnds(m, orders.map(() => 0));
  orders.forEach((vs, d) => {
    const r = s.routes[d]!;
    r.visits = [...vs];
    computeRoute(m, r);
    for (const v of vs) s.where[v] = d;
  });
  refresh(m, s);
  return s;
}

/**
 * Two models of the spec's problem and a searched state of it. The `warm` model's day memo has
 * seen four shaken copies of that state, each handed to `onCopy` (with the copy's number and the
 * random stream) to search further on the warm model; `cold` has seen nothing. Specs of the
 * memo's shortcuts run a step on both and compare: a stale cached answer would show.
 */
export function warmedModels(
  spec: Spec, seed: number, onCopy: (warm: Model, copy: State, k: number, rng: Random) => void,
): { warm: Model; cold: Model; base: State } {
  return warmedModelsOf(buildProblem(spec), seed, onCopy);
}

/** warmedModels for any problem (the TOPTW-like tours of route-tail.test.ts are not a Spec). */
export function warmedModelsOf(
  problem: Problem, seed: number, onCopy: (warm: Model, copy: State, k: number, rng: Random) => void,
): { warm: Model; cold: Model; base: State } {
  const warm = compileModel(problem);
  const cold = compileModel(problem);
  const rng = createRandom(seed);
  const base = initialState(warm, createRandom(seed));
  localSearch(warm, base, rng, 0.3, [], true);
  for (let k = 0; k < 4; k++) {
    const copy = cloneState(base);
    shake(warm, copy, rng, 0.5);
    onCopy(warm, copy, k, rng);
  }
  return { warm, cold, base };
}
