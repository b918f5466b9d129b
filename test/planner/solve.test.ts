import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Problem } from '../../src/domain/planner/problem.js';
import { solve } from '../../src/domain/planner/solve.js';
import { buildProblem, specArb } from './builders.js';
import { bruteForceBest, violations } from './feasibility.js';

const opts = { seed: 7, maxIterations: 400 };

describe('solve on random small problems', () => {
  it('always returns a feasible solution (timetabled legs, hotel choice, windows, budget, mandatory visits)', () => {
    fc.assert(
      fc.property(specArb({ maxVisits: 10, maxDays: 3, mandatory: true, budget: true }), fc.integer(), (spec, seed) => {
        const p = buildProblem(spec);
        expect(violations(p, solve(p, { seed, maxIterations: 40 }))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('finds the brute-force optimum when there are at most 8 visits (mandatory visits first)', () => {
    fc.assert(
      fc.property(specArb({ maxVisits: 8, maxDays: 3, budget: true, mandatory: true }), (spec) => {
        const p = buildProblem(spec);
        expect(solve(p, opts).score).toBe(bruteForceBest(p));
      }),
      // Random seeds. The local search alone, at 400 iterations, misses some of these (about 1 case
      // in 500 even with an ejection move in every local search), so problems this small are also
      // solved exactly; 1,500 runs passed before this was committed.
      { numRuns: 200 },
    );
  });

  it('gives the same answer for the same seed and iteration limit', () => {
    fc.assert(
      fc.property(specArb({ maxVisits: 10, maxDays: 3, mandatory: true }), fc.integer(), (spec, seed) => {
        const p = buildProblem(spec);
        expect(solve(p, { seed, maxIterations: 30 })).toEqual(solve(p, { seed, maxIterations: 30 }));
      }),
      { numRuns: 50 },
    );
  });
});

/** Builder: points on a line, travel = |a - b|, one day [0, close], depot at place 0. */
function lineProblem(xs: number[], visits: { x: number; score: number; open?: number; close?: number; duration?: number; mandatory?: boolean; closed?: boolean }[], close: number): Problem {
  const places = [...xs, ...visits.map((v) => v.x)];
  return {
    placeCount: places.length,
    days: [{ open: 0, close, start: 0, ends: [0] }],
    visits: visits.map((v, i) => ({
      key: `v${i}`,
      place: xs.length + i,
      duration: v.duration ?? 0,
      score: v.score,
      ...(v.mandatory === true ? { mandatory: true } : {}),
      windows: [v.closed === true ? [] : [{ open: v.open ?? 0, close: v.close ?? close }]],
    })),
    travel: {
      arrive: (a, b, t) => t + Math.abs(places[a]! - places[b]!),
      minDuration: (a, b) => Math.abs(places[a]! - places[b]!),
      isStatic: true,
    },
  };
}

describe('solve on hand-made problems', () => {
  it('reports why visits are left out instead of throwing', () => {
    const p = lineProblem([0], [
      { x: 5, score: 10 },
      { x: 6, score: 1, closed: true },
      { x: 100, score: 50 },
    ], 20);
    const s = solve(p, opts);
    expect(s.days[0]!.visits.map((v) => v.visit)).toEqual([0]);
    expect(s.unscheduled).toEqual([
      { visit: 1, reason: 'closed' },
      { visit: 2, reason: 'no-time' },
    ]);
  });

  it('keeps a mandatory visit over higher-scoring ones', () => {
    const p = lineProblem([0], [
      { x: 10, score: 1, mandatory: true },
      { x: -10, score: 30 },
    ], 20);
    const s = solve(p, opts);
    expect(s.days[0]!.visits.map((v) => v.visit)).toEqual([0]);
    expect(s.unscheduled).toEqual([{ visit: 1, reason: 'no-time' }]);
  });

  it('waits for a window and reports arrival, start and end', () => {
    const p = lineProblem([0], [{ x: 4, score: 3, open: 10, close: 12, duration: 5 }], 30);
    const s = solve(p, opts);
    expect(s.days[0]!.visits).toEqual([{ visit: 0, arrive: 4, start: 10, end: 15 }]);
    expect(s.days[0]!.finish).toBe(19);
  });

  it('leaves a visit out for the budget and says so', () => {
    const base = lineProblem([0], [{ x: 1, score: 3 }, { x: 2, score: 5 }], 30);
    const p: Problem = { ...base, budget: 4, visits: base.visits.map((v) => ({ ...v, cost: 3 })) };
    const s = solve(p, opts);
    expect(s.score).toBe(5);
    expect(s.cost).toBe(3);
    expect(s.unscheduled).toEqual([{ visit: 0, reason: 'budget' }]);
  });

  it('stops at the time limit using only the clock it is given', () => {
    let now = 0;
    const p = lineProblem([0], [{ x: 1, score: 3 }, { x: 2, score: 5 }], 30);
    const s = solve(p, { seed: 1, maxIterations: 1_000_000, timeLimitMs: 10, clock: () => (now += 1) });
    expect(s.iterations).toBeLessThan(12);
    expect(s.score).toBe(8);
  });
});
