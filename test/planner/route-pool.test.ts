import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { compileModel } from '../../src/domain/planner/model.js';
import type { Problem } from '../../src/domain/planner/problem.js';
import { addRoutes, entriesOf, interchangeableDays, newRoutePool, packRoutes } from '../../src/domain/planner/route-pool.js';
import { solve } from '../../src/domain/planner/solve.js';
import { withRoutes } from './builders.js';

/** `days` identical tours from a depot at the origin; visits at the points, scored as given, open all day. */
function tours(points: readonly [number, number][], scores: readonly number[], days: number, close: number): Problem {
  const pts: [number, number][] = [[0, 0], ...points];
  const dist = (a: number, b: number): number => Math.hypot(pts[a]![0] - pts[b]![0], pts[a]![1] - pts[b]![1]);
  const day = { open: 0, close, start: 0, ends: [0] };
  return {
    placeCount: pts.length,
    days: Array.from({ length: days }, () => day),
    visits: points.map((_, i) => ({
      key: String(i + 1), place: i + 1, duration: 1, score: scores[i]!,
      windows: Array.from({ length: days }, () => [{ open: 0, close }]),
    })),
    travel: { arrive: (a, b, t) => t + dist(a, b), minDuration: dist, isStatic: true },
  };
}

/** Six visits on a ring of radius 5, scores 1..6; two tours of up to 40. */
const ring: [number, number][] = Array.from({ length: 6 }, (_, i) => [5 * Math.cos(i), 5 * Math.sin(i)]);

describe('route recombination', () => {
  it('is offered only when every day is the same day (TOPTW tours)', () => {
    expect(interchangeableDays(compileModel(tours(ring, [1, 2, 3, 4, 5, 6], 2, 40)))).toBe(true);
    expect(interchangeableDays(compileModel(tours(ring, [1, 2, 3, 4, 5, 6], 1, 40)))).toBe(false);
    const p = tours(ring, [1, 2, 3, 4, 5, 6], 2, 40);
    // One visit open only on the second day: a route of day 1 is not a route of day 0.
    const oneDay: Problem = { ...p, visits: p.visits.map((v, i) => (i === 0 ? { ...v, windows: [[{ open: 0, close: 10 }], [{ open: 0, close: 40 }]] } : v)) };
    expect(interchangeableDays(compileModel(oneDay))).toBe(false);
    expect(interchangeableDays(compileModel({ ...p, budget: 100 }))).toBe(false);
    expect(interchangeableDays(compileModel({ ...p, days: p.days.map((d) => ({ ...d, ends: [0, 1] })) }))).toBe(false);
  });

  it('packs the heaviest routes that share no visit, not the two heaviest routes', () => {
    const m = compileModel(tours(ring, [1, 2, 3, 4, 5, 6], 2, 40));
    const pool = newRoutePool(m);
    // Met on the way: {5, 4} (11) and {5, 3} (10) overlap; {3, 2} (7) and {5, 4} share nothing.
    addRoutes(pool, withRoutes(m, [[5, 4], [0]]));
    addRoutes(pool, withRoutes(m, [[5, 3], [1]]));
    addRoutes(pool, withRoutes(m, [[3, 2], []]));
    const s = packRoutes(m, pool, 0, [])!;
    expect(s.routes.map((r) => [...r.visits].sort()).sort()).toEqual([[2, 3], [4, 5]]);
    expect(s.weight).toBe(18);
    expect(s.where[5]).toBe(s.where[4]);
    expect(s.where[0]).toBe(-1);
    // Asked for something else than that solution, it gives the next best ({5, 4} and {1}); asked to beat 18, nothing.
    const next = packRoutes(m, pool, 0, [entriesOf(pool, s)!])!;
    expect(next.weight).toBe(13);
    expect(packRoutes(m, pool, 18, [])).toBeNull();
  });

  it('never combines two routes when a visit of one excludes a visit of the other', () => {
    const p = tours(ring, [1, 2, 3, 4, 5, 6], 2, 40);
    // Visit 5 (a product) and visit 2 (a site it takes the party to) may not both be in a solution.
    const exclusive: Problem = { ...p, visits: p.visits.map((v, i) => (i === 5 ? { ...v, excludes: [2] } : v)) };
    const m = compileModel(exclusive);
    // Such problems are not offered the recombination at all...
    expect(interchangeableDays(m)).toBe(false);
    // ...and the packing itself refuses the pair: {5, 4} with {3, 2} would weigh 18.
    const pool = newRoutePool(m);
    addRoutes(pool, withRoutes(m, [[5, 4], []]));
    addRoutes(pool, withRoutes(m, [[3, 2], [1]]));
    const s = packRoutes(m, pool, 0, [])!;
    expect(s.routes.map((r) => [...r.visits].sort()).sort()).toEqual([[1], [4, 5]]);
    expect(s.weight).toBe(13);
    // The same pool without the exclusion packs the heavier pair.
    const free = compileModel(p);
    const freePool = newRoutePool(free);
    addRoutes(freePool, withRoutes(free, [[5, 4], []]));
    addRoutes(freePool, withRoutes(free, [[3, 2], [1]]));
    expect(packRoutes(free, freePool, 0, [])!.weight).toBe(18);
  });

  it('never packs two visits that exclude each other (random pools and exclusions)', () => {
    const pts: [number, number][] = Array.from({ length: 12 }, (_, i) => [(i * 7) % 11, (i * 5) % 13]);
    const base = tours(pts, pts.map((_, i) => 1 + (i % 5)), 3, 45);
    const visit = fc.integer({ min: 0, max: pts.length - 1 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(visit, visit), { minLength: 1, maxLength: 6 }),
        fc.array(fc.array(fc.subarray([...pts.keys()], { maxLength: 5 }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        (pairs, states) => {
          const excludes = pts.map((_, i) => pairs.filter(([a]) => a === i).map(([, b]) => b));
          const m = compileModel({ ...base, visits: base.visits.map((v, i) => ({ ...v, excludes: excludes[i]! })) });
          const pool = newRoutePool(m);
          for (const orders of states) {
            // A state the search could hold: no visit twice, none excluded by one already placed.
            const seen = new Set<number>();
            const ok = (v: number): boolean => !seen.has(v) && (m.excludes?.[v] ?? []).every((u) => !seen.has(u)) && (seen.add(v), true);
            addRoutes(pool, withRoutes(m, orders.map((o) => o.filter(ok))));
          }
          const s = packRoutes(m, pool, 0, []);
          if (s === null) return;
          for (const [a, b] of pairs) if (a !== b) expect(s.where[a]! >= 0 && s.where[b]! >= 0).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps the shorter order of a visit set it has already met', () => {
    const m = compileModel(tours(ring, [1, 2, 3, 4, 5, 6], 2, 40));
    const pool = newRoutePool(m);
    const zigzag = withRoutes(m, [[0, 3, 1, 4], []]);
    const around = withRoutes(m, [[0, 1, 3, 4], []]);
    expect(around.routes[0]!.finish).toBeLessThan(zigzag.routes[0]!.finish);
    addRoutes(pool, zigzag);
    addRoutes(pool, around);
    expect(pool.visits).toEqual([[0, 1, 3, 4]]);
  });

  it('always packs feasible, disjoint routes with the visits placed where they are (random pools)', () => {
    const pts: [number, number][] = Array.from({ length: 12 }, (_, i) => [(i * 7) % 11, (i * 5) % 13]);
    const m = compileModel(tours(pts, pts.map((_, i) => 1 + (i % 5)), 3, 45));
    fc.assert(
      fc.property(fc.array(fc.array(fc.subarray([...pts.keys()], { maxLength: 5 }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (states) => {
        const pool = newRoutePool(m);
        for (const orders of states) {
          // Routes of one state share no visit.
          const seen = new Set<number>();
          addRoutes(pool, withRoutes(m, orders.map((o) => o.filter((v) => !seen.has(v) && (seen.add(v), true)))));
        }
        const s = packRoutes(m, pool, 0, []);
        if (s === null) return;
        const placed = s.routes.flatMap((r) => r.visits);
        expect(new Set(placed).size).toBe(placed.length);
        s.routes.forEach((r, d) => {
          expect(r.feasible).toBe(true);
          for (const v of r.visits) expect(s.where[v]).toBe(d);
        });
        expect(s.weight).toBe(placed.reduce((t, v) => t + m.weight[v]!, 0));
      }),
      { numRuns: 100 },
    );
  });

  it('leaves the solver deterministic: the same seed and iterations give the same tours', () => {
    // 48 visits on a grid, 3 tours: large enough for the recombination to run.
    const pts: [number, number][] = Array.from({ length: 48 }, (_, i) => [(i % 8) * 3 - 12, Math.floor(i / 8) * 3 - 9]);
    const p = tours(pts, pts.map((_, i) => 1 + ((i * 7) % 10)), 3, 60);
    expect(interchangeableDays(compileModel(p))).toBe(true);
    const a = solve(p, { seed: 3, maxIterations: 60 });
    const b = solve(p, { seed: 3, maxIterations: 60 });
    expect(b.days).toEqual(a.days);
    expect(a.score).toBeGreaterThan(0);
  });
});
