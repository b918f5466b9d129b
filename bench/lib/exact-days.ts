/**
 * A second exact method for one skeleton's Problem, independent of CBC: the
 * days of a Problem share nothing but the visits (each at most once, and the
 * `excludes` pairs) and the budget. So, without a budget, the optimum is
 *
 *   1. per day, every set of visits the core can fit in that day, found by
 *      depth-first search over visit orders, each order timed by the core's
 *      own route evaluation (computeRoute: windows, legs, trains, lunch); an
 *      order the core rejects is not extended (a further visit only makes the
 *      day longer: legs obey the triangle inequality, waiting is free, and
 *      the lunch has every option it had before), and per set the best value
 *      of its feasible orders is kept: its weight (score plus the core's must
 *      bonus), less `chargePerYuan` × the yuan of its local legs (taxi meters,
 *      by the trip's own segments) — the order matters only through those;
 *   2. over the days, the best choice of one set per day, disjoint and free
 *      of excluded pairs: f_d(M) = max over S ⊆ M of best_d(S) + f_{d+1}(M ∖ S ∖ excl(S)),
 *      a dynamic programme over subsets (3^n per day).
 *
 * Exhaustive, so a proof of optimality wherever it finishes; bench/exact-gap.ts
 * requires it to agree with CBC wherever both prove an optimum. With a
 * budget the days are coupled by cost and the method declines (CBC alone).
 */
import type { BuiltProblem } from '../../src/domain/plan/build-problem.js';
import { compileModel } from '../../src/domain/planner/model.js';
import { computeRoute, newRoute } from '../../src/domain/planner/route.js';

/** Subsets of more visits than this are not enumerated (2^n tables, 3^n steps per day). */
export const DAYS_MAX_VISITS = 18;
/** Visit orders timed per skeleton before the search gives up. */
export const DAYS_MAX_ORDERS = 30_000_000;

export interface DaysOptimum {
  readonly status: 'optimal' | 'stopped' | 'not-modelled';
  readonly reason?: string;
  /** Per model: the best total weight, and the best weight − chargePerYuan × local yuan. */
  readonly weight: number;
  readonly charged: number;
  /** The plans attaining them: visits per problem day. */
  readonly weightRoutes: readonly (readonly number[])[];
  readonly chargedRoutes: readonly (readonly number[])[];
  /** Visit orders timed by the core. */
  readonly orders: number;
  readonly seconds: number;
}

export function optimumByDays(built: BuiltProblem, options: { readonly chargePerYuan: number; readonly maxOrders?: number }): DaysOptimum {
  const t0 = performance.now();
  const p = built.problem;
  const n = p.visits.length;
  const D = p.days.length;
  const none = { weight: NaN, charged: NaN, weightRoutes: [], chargedRoutes: [], orders: 0 };
  const refuse = (reason: string): DaysOptimum => ({ status: 'not-modelled', reason, ...none, seconds: 0 });
  if (p.budget !== undefined && Number.isFinite(p.budget)) return refuse('a budget couples the days (CBC only)');
  if (n > DAYS_MAX_VISITS) return refuse(`${n} visits (more than ${DAYS_MAX_VISITS})`);
  if (p.days.some((d) => d.start === undefined || d.ends.length !== 1)) return refuse('a day without a fixed start or with several lodgings');
  const m = compileModel(p);
  const maxOrders = options.maxOrders ?? DAYS_MAX_ORDERS;
  const c = options.chargePerYuan;
  const size = 1 << n;
  // excl[v]: the visits v may not share a plan with (either side's `excludes`).
  const excl = new Int32Array(n);
  p.visits.forEach((v, i) => {
    for (const u of v.excludes ?? []) {
      excl[i] = excl[i]! | (1 << u);
      excl[u] = excl[u]! | (1 << i);
    }
  });
  const exclOf = new Int32Array(size);
  for (let s = 1; s < size; s++) {
    const low = s & -s;
    exclOf[s] = exclOf[s ^ low]! | excl[31 - Math.clz32(low)]!;
  }

  let orders = 0;
  const perDay: { weight: Float64Array; charged: Float64Array; order: Map<number, number[]> }[] = [];
  for (let d = 0; d < D; d++) {
    const day = p.days[d]!;
    const start = day.start!;
    const end = day.ends[0]!;
    const open = p.visits.flatMap((v, i) => (v.windows[d]!.length > 0 ? [i] : []));
    const yuan = new Map<number, number>();
    const localYuan = (i: number, j: number): number => {
      const key = i * p.placeCount + j;
      let y = yuan.get(key);
      if (y === undefined) {
        y = 0;
        for (const s of built.tripTravel.segments(i, j, day.open, d) ?? []) if (s.mode === 'local') y += s.cost;
        yuan.set(key, y);
      }
      return y;
    };
    const weight = new Float64Array(size).fill(-Infinity);
    const charged = new Float64Array(size).fill(-Infinity);
    const order = new Map<number, number[]>();
    const seq: number[] = [];
    const r = newRoute(d, start, end);
    // mask, weight and leg yuan so far (start → … → the last visit); false when the search gave up.
    const dfs = (mask: number, w: number, legs: number, at: number): boolean => {
      if (++orders > maxOrders) return false;
      r.visits = seq.slice();
      computeRoute(m, r);
      if (!r.feasible) return true;
      if (w > weight[mask]!) weight[mask] = w;
      const value = w - c * (legs + localYuan(at, end));
      if (value > charged[mask]!) {
        charged[mask] = value;
        order.set(mask, seq.slice());
      }
      for (const v of open) {
        const bit = 1 << v;
        if ((mask & bit) !== 0 || (exclOf[mask]! & bit) !== 0) continue;
        seq.push(v);
        const place = p.visits[v]!.place;
        const ok = dfs(mask | bit, w + m.weight[v]!, legs + localYuan(at, place), place);
        seq.pop();
        if (!ok) return false;
      }
      return true;
    };
    if (!dfs(0, 0, 0, start)) return { status: 'stopped', ...none, orders, seconds: (performance.now() - t0) / 1000 };
    perDay.push({ weight, charged, order });
  }

  /** f_d over subsets, for one of the two tables; returns the best total and the routes. */
  const combine = (table: (d: number) => Float64Array): { best: number; sets: number[] } => {
    let next = new Float64Array(size); // f_D = 0
    const pick: Int32Array[] = [];
    for (let d = D - 1; d >= 0; d--) {
      const best = table(d);
      const f = new Float64Array(size);
      const arg = new Int32Array(size);
      for (let M = 0; M < size; M++) {
        let top = -Infinity;
        let at = 0;
        for (let S = M; ; S = (S - 1) & M) {
          const b = best[S]!;
          if (b > -Infinity) {
            const v = b + next[(M & ~S) & ~exclOf[S]!]!;
            if (v > top) {
              top = v;
              at = S;
            }
          }
          if (S === 0) break;
        }
        f[M] = top;
        arg[M] = at;
      }
      pick[d] = arg;
      next = f;
    }
    const sets: number[] = [];
    let M = size - 1;
    for (let d = 0; d < D; d++) {
      const S = pick[d]![M]!;
      sets.push(S);
      M = (M & ~S) & ~exclOf[S]!;
    }
    return { best: next[size - 1]!, sets };
  };
  const byWeight = combine((d) => perDay[d]!.weight);
  const byCharge = combine((d) => perDay[d]!.charged);
  // A set's best-weight order: any feasible one (the weight does not depend on the order); the stored order is feasible.
  const routesOf = (sets: readonly number[]) => sets.map((S, d) => perDay[d]!.order.get(S) ?? []);
  return {
    status: 'optimal', weight: byWeight.best, charged: byCharge.best,
    weightRoutes: routesOf(byWeight.sets), chargedRoutes: routesOf(byCharge.sets), orders, seconds: (performance.now() - t0) / 1000,
  };
}
