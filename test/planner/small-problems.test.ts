import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { exactSmall } from '../../src/domain/planner/exact-small.js';
import { ejectInsert } from '../../src/domain/planner/insertion.js';
import { improveEnds } from '../../src/domain/planner/lodging.js';
import { compileModel } from '../../src/domain/planner/model.js';
import type { Problem } from '../../src/domain/planner/problem.js';
import { computeRoute } from '../../src/domain/planner/route.js';
import { refresh, stateWithEnds, type State } from '../../src/domain/planner/state.js';
import { buildProblem, specArb } from './builders.js';
import { bruteForceBest } from './feasibility.js';

/**
 * Builder: places on a line, days d = 0.. cover [100d, 100d + 60], travel |a - b|.
 * Each visit lists the days it is open (whole day) or an exact start time;
 * `legCost` takes place indices (lodgings first, then visits).
 */
function lineDays(opts: {
  lodgings?: number[];
  visits: { x: number; score: number; days: number[]; at?: number }[];
  dayCount: number;
  budget?: number;
  legCost?: (a: number, b: number) => number;
}): Problem {
  const lodgingXs = opts.lodgings ?? [0];
  const places = [...lodgingXs, ...opts.visits.map((v) => v.x)];
  return {
    placeCount: places.length,
    days: Array.from({ length: opts.dayCount }, (_, d) => ({
      open: 100 * d,
      close: 100 * d + 60,
      ...(d === 0 ? { start: 0 } : {}),
      ends: lodgingXs.map((_, i) => i),
    })),
    visits: opts.visits.map((v, i) => ({
      key: `v${i}`,
      place: lodgingXs.length + i,
      duration: 0,
      score: v.score,
      windows: Array.from({ length: opts.dayCount }, (_, d) =>
        v.days.includes(d) ? [v.at === undefined ? { open: 100 * d, close: 100 * d + 60 } : { open: 100 * d + v.at, close: 100 * d + v.at }] : []),
    })),
    travel: {
      arrive: (a, b, t) => t + Math.abs(places[a]! - places[b]!),
      minDuration: (a, b) => Math.abs(places[a]! - places[b]!),
      isStatic: opts.legCost === undefined,
      ...(opts.legCost !== undefined ? { cost: opts.legCost } : {}),
    },
    ...(opts.budget !== undefined ? { budget: opts.budget } : {}),
  };
}

function stateOf(p: Problem, days: number[][], ends?: number[]): State {
  const m = compileModel(p);
  const s = stateWithEnds(m, ends ?? p.days.map(() => 0));
  days.forEach((visits, d) => {
    const r = s.routes[d]!;
    r.visits = visits.slice();
    computeRoute(m, r);
    for (const v of visits) s.where[v] = d;
  });
  refresh(m, s);
  return s;
}

describe('ejection insertion (a visit moves to another day to make room)', () => {
  // Day 0 has room for one 25-away visit; v0 could go on either day, v1 only on day 0.
  const p = lineDays({
    dayCount: 2,
    visits: [
      { x: 25, score: 5, days: [0, 1] },
      { x: -25, score: 9, days: [0] },
    ],
  });

  it('moves the flexible visit to the other day and takes the one that is open only then', () => {
    const m = compileModel(p);
    const s = stateOf(p, [[0], []]);
    expect(ejectInsert(m, s)).toBe(true);
    expect(s.routes.map((r) => r.visits)).toEqual([[1], [0]]);
    expect(Array.from(s.where)).toEqual([1, 0]);
    expect(s.weight).toBe(14);
  });

  it('does nothing when the moved visit would fit nowhere else', () => {
    const stuck = lineDays({ dayCount: 2, visits: [{ x: 25, score: 5, days: [0] }, { x: -25, score: 9, days: [0] }] });
    const m = compileModel(stuck);
    const s = stateOf(stuck, [[0], []]);
    expect(ejectInsert(m, s)).toBe(false);
    expect(s.routes.map((r) => r.visits)).toEqual([[0], []]);
  });
});

describe('lodging choice under a budget', () => {
  // Two lodgings at the same spot (switching costs no time); every leg between two places costs 1.
  const trip = (budget?: number): Problem => lineDays({
    dayCount: 2,
    lodgings: [0, 0],
    visits: [{ x: 10, score: 3, days: [1] }],
    legCost: (a, b) => (a === b ? 0 : 1),
    ...(budget !== undefined ? { budget } : {}),
  });

  it('moves to a lodging that saves money even when it saves no time', () => {
    const p = trip(6);
    const m = compileModel(p);
    const s = stateOf(p, [[], [0]], [1, 0]);
    expect(s.cost).toBe(3);
    expect(improveEnds(m, s, [0])).toBe(true);
    expect(s.routes.map((r) => [r.start, r.end])).toEqual([[0, 0], [0, 0]]);
    expect(s.cost).toBe(2);
  });

  it('without a budget, a lodging change must save time', () => {
    const p = trip();
    const m = compileModel(p);
    const s = stateOf(p, [[], [0]], [1, 0]);
    expect(improveEnds(m, s, [0])).toBe(false);
    expect(s.routes[0]!.end).toBe(1);
  });
});

describe('exact search on small problems', () => {
  it('agrees with brute force on random problems of up to 7 visits (mandatory visits first)', () => {
    fc.assert(
      fc.property(specArb({ maxVisits: 7, maxDays: 3, budget: true, mandatory: true }), (spec) => {
        const p = buildProblem(spec);
        const exact = exactSmall(compileModel(p));
        expect(exact).not.toBeNull();
        let score = 0;
        for (let v = 0; v < p.visits.length; v++) if (exact!.where[v]! >= 0) score += p.visits[v]!.score;
        expect(score).toBe(bruteForceBest(p));
      }),
      { numRuns: 100 },
    );
  });

  it('gives up (null) rather than run past its node limit or its stop signal (the time limit)', () => {
    const p = lineDays({ dayCount: 3, visits: Array.from({ length: 8 }, (_, i) => ({ x: i + 1, score: 1, days: [0, 1, 2] })) });
    expect(exactSmall(compileModel(p), 5)).toBeNull();
    expect(exactSmall(compileModel(p), 200_000, () => true)).toBeNull();
    expect(exactSmall(compileModel(p))).not.toBeNull();
  });
});
