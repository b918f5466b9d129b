/**
 * Visits that exclude each other (problem.ts `excludes`): a product that takes
 * the party to other sites (a boat day that includes the dam) and those sites
 * are one or the other, never both — the search never holds a pair, and the
 * exact search finds the best solution that keeps to it.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { exactSmall } from '../../src/domain/planner/exact-small.js';
import { compileModel } from '../../src/domain/planner/model.js';
import type { Problem } from '../../src/domain/planner/problem.js';
import { solve } from '../../src/domain/planner/solve.js';
import { buildProblem, specArb } from './builders.js';
import { bruteForceBest, violations } from './feasibility.js';

/** One long day at one place: a product (80) that includes a dam (45) and a gorge (26), and a hall (20); all four fit. */
function boatDay(): Problem {
  const open = [{ open: 0, close: 1000 }];
  return {
    placeCount: 2,
    days: [{ open: 0, close: 1000, start: 0, ends: [0] }],
    visits: [
      { key: 'boat', place: 1, duration: 400, score: 80, windows: [open], excludes: [1, 2] },
      { key: 'dam', place: 1, duration: 150, score: 45, windows: [open] },
      { key: 'gorge', place: 1, duration: 200, score: 26, windows: [open] },
      { key: 'hall', place: 1, duration: 60, score: 20, windows: [open] },
    ],
    travel: { arrive: (a, b, t) => t + (a === b ? 0 : 10), minDuration: (a, b) => (a === b ? 0 : 10), isStatic: true },
  };
}

const keys = (p: Problem, s: { days: readonly { visits: readonly { visit: number }[] }[] }) =>
  s.days.flatMap((d) => d.visits.map((v) => p.visits[v.visit]!.key)).sort();

describe('visits that exclude each other', () => {
  it('are never both in a solution: the boat day without the dam and the gorge it includes', () => {
    const p = boatDay();
    const s = solve(p, { seed: 1, maxIterations: 50 });
    expect(keys(p, s)).toEqual(['boat', 'hall']);
    expect(s.score).toBe(100);
    expect(violations(p, s)).toEqual([]);
  });

  it('hold either way round, and the exact search keeps to them', () => {
    const p = boatDay();
    const reversed: Problem = { ...p, visits: p.visits.map((v, i) => (i === 0 ? { ...v, excludes: [] } : i === 1 ? { ...v, excludes: [0] } : i === 2 ? { ...v, excludes: [0] } : v)) };
    const exact = exactSmall(compileModel(reversed))!;
    expect(exact.weight).toBe(100);
    expect(keys(reversed, solve(reversed, { seed: 2, maxIterations: 50 }))).toEqual(['boat', 'hall']);
  });

  it('leave the sites to the plan when they are worth more than the product', () => {
    const p = boatDay();
    const cheap: Problem = { ...p, visits: p.visits.map((v, i) => (i === 0 ? { ...v, score: 50 } : v)) };
    expect(keys(cheap, solve(cheap, { seed: 1, maxIterations: 50 }))).toEqual(['dam', 'gorge', 'hall']);
  });

  it('random problems with random exclusions: no pair scheduled, and the small ones at the optimum', () => {
    const withExclusions = specArb({ maxVisits: 6, maxDays: 2 }).chain((spec) =>
      fc.array(fc.tuple(fc.nat(spec.visits.length - 1), fc.nat(spec.visits.length - 1)), { maxLength: 4 }).map((pairs) => {
        const p = buildProblem(spec);
        return {
          ...p,
          visits: p.visits.map((v, i) => ({ ...v, excludes: pairs.filter(([a, b]) => a === i && b !== i).map(([, b]) => b) })),
        } satisfies Problem;
      }),
    );
    fc.assert(
      fc.property(withExclusions, (p) => {
        const s = solve(p, { seed: 3, maxIterations: 30 });
        expect(violations(p, s)).toEqual([]);
        const exact = exactSmall(compileModel(p));
        if (exact !== null) expect(exact.routes.flatMap((r) => r.visits).reduce((sum, v) => sum + p.visits[v]!.score, 0)).toBe(bruteForceBest(p));
      }),
      { numRuns: 150, seed: 12 },
    );
  });
});
