import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { compileModel } from '../../src/domain/planner/model.js';
import {
  cloneRoute, computeRoute, fillSlots, finishOf, finishWithout, insertAt, insertionShift, newRoute, newSlots, removeAt, slotShifts, type Route,
} from '../../src/domain/planner/route.js';
import { buildProblem, specArb, type Spec } from './builders.js';
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

  /** A one-day route of the spec's visits, inserted at the end while they fit (the order is random). */
  const routeOf = (spec: Spec, order: number[]): { model: ReturnType<typeof compileModel>; r: Route } => {
    const model = compileModel(buildProblem(spec));
    const r = newRoute(0, spec.lodgings[0]!, spec.lodgings[0]!);
    for (const v of [...new Set(order.map((o) => o % model.visitCount))]) {
      const p = r.visits.length;
      if (insertionShift(model, r, v, p) !== Infinity) insertAt(model, r, v, p);
    }
    return { model, r };
  };
  const finishOrInfinity = (t: Route): number => (t.feasible ? t.finish : Infinity);

  // The search's shortcuts must give exactly what the plain bookkeeping gives: the same seed and
  // iteration count then give the same answer, only sooner.
  // Slots serve the fast model only: static travel, at most one window per visit and day.
  const fastSpecArb = specArb({ maxVisits: 8, maxDays: 1 }).map((spec) => ({
    ...spec,
    period: 0,
    visits: spec.visits.map((v) => ({ ...v, windows: v.windows.map((w) => w.slice(0, 1)) })),
  }));

  it('the insertion scan\'s slots give exactly insertionShift at every position', () => {
    fc.assert(
      fc.property(fastSpecArb, fc.array(fc.nat(), { maxLength: 8 }), (spec, order) => {
        const { model, r } = routeOf(spec, order);
        expect(model.fast).toBe(true);
        const sl = newSlots(1);
        fillSlots(model, r, sl);
        for (let v = 0; v < model.visitCount; v++) {
          if (r.visits.includes(v)) continue;
          slotShifts(model, sl, v);
          for (let p = 0; p <= r.visits.length; p++) expect(sl.shift[p]).toBe(insertionShift(model, r, v, p));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finishWithout is the finish of the route with one visit removed (Infinity when infeasible)', () => {
    fc.assert(
      fc.property(specArb({ maxVisits: 8, maxDays: 1 }), fc.array(fc.nat(), { maxLength: 8 }), (spec, order) => {
        const { model, r } = routeOf(spec, order);
        for (let i = 0; i < r.visits.length; i++) {
          const t = cloneRoute(r);
          removeAt(model, t, i);
          expect(finishWithout(model, r, i)).toBe(finishOrInfinity(t));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finishOf is the finish of the day with a stretch of visits reversed (Infinity when infeasible)', () => {
    fc.assert(
      fc.property(specArb({ maxVisits: 8, maxDays: 1 }), fc.array(fc.nat(), { maxLength: 8 }), fc.nat(), fc.nat(), (spec, order, a, b) => {
        const { model, r } = routeOf(spec, order);
        const n = r.visits.length;
        if (n < 2) return;
        const i = a % n;
        const j = i + (b % (n - i));
        const cand = [...r.visits.slice(0, i), ...r.visits.slice(i, j + 1).reverse(), ...r.visits.slice(j + 1)];
        const t = cloneRoute(r);
        t.visits = cand.slice();
        computeRoute(model, t);
        expect(finishOf(model, r, cand, i, j + 1)).toBe(finishOrInfinity(t));
      }),
      { numRuns: 300 },
    );
  });
});
