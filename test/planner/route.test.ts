import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { compileModel } from '../../src/domain/planner/model.js';
import { cloneRoute, computeRoute, insertAt, insertionShift, newRoute, removeAt } from '../../src/domain/planner/route.js';
import { buildProblem, specArb } from './builders.js';
import { lineModelProblem } from './line-problem.js';

describe('route bookkeeping', () => {
  // Depot at 0; visits at x = 2 (window [5, 6]), x = 4 (window [0, 20]); zero durations; day [0, 30].
  const m = compileModel(lineModelProblem([2, 4], [[5, 6], [0, 20]], 30));

  it('records arrival, start after waiting, and max shift', () => {
    const r = newRoute(0, 0, 0);
    insertAt(m, r, 0, 0);
    insertAt(m, r, 1, 1);
    expect(r.arr).toEqual([2, 7]);
    expect(r.beg).toEqual([5, 7]);
    expect(r.finish).toBe(11);
    // Visit 1 may slip to its close (20 - 7 = 13) but the day's close allows only 30 - 11 = 19: 13.
    // Visit 0 may slip 1 (window close 6), less than visit 1's wait + shift.
    expect(r.maxShift).toEqual([1, 13]);
  });

  it('checks an insertion against max shift and restores the bookkeeping on removal', () => {
    const r = newRoute(0, 0, 0);
    insertAt(m, r, 1, 0);
    const before = cloneRoute(r);
    // Visit 0 before visit 1: arrive 2, wait to 5, reach 4 at 7 instead of 4: shift 3.
    expect(insertionShift(m, r, 0, 0)).toBe(3);
    // After visit 1: leave x = 4 at 4, reach x = 2 at 6 (its window closes at 6, still fine) and
    // home at 8, the same time as going straight home from x = 4: shift 0.
    expect(insertionShift(m, r, 0, 1)).toBe(0);
    insertAt(m, r, 0, 0);
    removeAt(m, r, 0);
    expect(r).toEqual(before);
  });

  it('agrees with recomputing the whole route, for static and timetabled travel alike', () => {
    fc.assert(
      fc.property(specArb({ maxVisits: 8, maxDays: 1 }), fc.array(fc.nat(), { maxLength: 8 }), fc.nat(), fc.nat(), (spec, order, pick, at) => {
        const model = compileModel(buildProblem(spec));
        const r = newRoute(0, spec.lodgings[0]!, spec.lodgings[0]!);
        const chosen = [...new Set(order.map((o) => o % model.visitCount))];
        for (const v of chosen.slice(1)) {
          const p = r.visits.length;
          if (insertionShift(model, r, v, p) !== Infinity) insertAt(model, r, v, p);
        }
        const v = chosen[0] ?? pick % model.visitCount;
        if (r.visits.includes(v) || model.windows[v]![0]!.length === 0) return;
        const pos = at % (r.visits.length + 1);
        const shift = insertionShift(model, r, v, pos);
        const t = cloneRoute(r);
        t.visits.splice(pos, 0, v);
        computeRoute(model, t);
        expect(shift !== Infinity).toBe(t.feasible);
        if (t.feasible) {
          const oldNext = pos === r.visits.length ? r.finish : r.arr[pos]!;
          const newNext = pos === r.visits.length ? t.finish : t.arr[pos + 1]!;
          expect(shift).toBeCloseTo(newNext - oldNext, 9);
        }
      }),
      { numRuns: 300 },
    );
  });
});
