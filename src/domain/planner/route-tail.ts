import type { Model } from './model.js';
import { departBefore, placeBefore, type Route } from './route.js';

/**
 * What a route's unchanged tail does with an earlier or later arrival, in O(1): the classic
 * TOPTW "wait / max shift" bookkeeping (Vansteenwegen et al. 2009) read forward. A move that
 * changes a route only up to some node (a 2-opt reversal, an or-opt run moved back, a visit
 * removed or exchanged, another route's head in front of this route's tail) reaches that node
 * at a new time, and from there the route is the old one: the replay (route.ts finishOf) timed
 * every later visit again. Here, per node `at` of the route (a visit's index, or n for the day's
 * end):
 *
 * - arriving d earlier, every later start moves by min(d, how long the nodes from `at` on start
 *   after their window opens): a node that waited for its opening leaves no sooner. The finish
 *   drops by min(d, sinceOpen[at]), the least (start − opening) from `at` on.
 * - arriving d later, each node's wait absorbs what it can: the finish moves by
 *   max(0, d − waits[at]) (the waits from `at` on), and the route stays feasible exactly when
 *   d ≤ wait + max shift at `at` (the day's close less the finish at the end).
 *
 * Exact in real arithmetic; the callers use it only where every time is an integer (slot-bounds.ts
 * `integralTimes`), so the sums are exact in floating point too and the finish is the replay's to
 * the bit. The route must be computed and feasible, on the fast model (static travel, one window
 * per visit and day, no break).
 */
export interface RouteTail {
  n: number;
  /** At node i (0..n): the least (start − window opening) over the visits i..n−1; Infinity at n. */
  sinceOpen: Float64Array;
  /** At node i: the waits (start − arrival) of the visits i..n−1 summed; 0 at n. */
  waits: Float64Array;
  /** At node i: how much later than now it may be reached (wait + max shift; close − finish at n). */
  slack: Float64Array;
  /** At node i: its arrival (the finish at n). */
  arr: Float64Array;
}

export function newRouteTail(capacity: number): RouteTail {
  const k = capacity + 1;
  return { n: 0, sinceOpen: new Float64Array(k), waits: new Float64Array(k), slack: new Float64Array(k), arr: new Float64Array(k) };
}

/** Fills `t` from route r (computed, feasible, fast model), regrowing its arrays when short. */
export function fillRouteTail(m: Model, r: Route, t: RouteTail): void {
  const n = r.visits.length;
  if (t.arr.length < n + 1) Object.assign(t, newRouteTail(2 * n));
  const D = m.dayCount;
  const d = r.day;
  t.n = n;
  t.sinceOpen[n] = Infinity;
  t.waits[n] = 0;
  t.slack[n] = m.close[d]! - r.finish;
  t.arr[n] = r.finish;
  let since = Infinity;
  let waits = 0;
  for (let i = n - 1; i >= 0; i--) {
    const beg = r.beg[i]!;
    const x = beg - m.winOpen[r.visits[i]! * D + d]!;
    if (x < since) since = x;
    const wait = beg - r.arr[i]!;
    waits += wait;
    t.sinceOpen[i] = since;
    t.waits[i] = waits;
    t.slack[i] = wait + r.maxShift[i]!;
    t.arr[i] = r.arr[i]!;
  }
}

/**
 * The finish of the route t was filled from when its node `at` (0..n) is reached at `arrival`
 * and everything from there on is as before; Infinity when that breaks a window or the day's close.
 */
export function finishReaching(r: Route, t: RouteTail, at: number, arrival: number): number {
  const old = t.arr[at]!;
  if (arrival <= old) {
    const earlier = old - arrival;
    const since = t.sinceOpen[at]!;
    return r.finish - (earlier < since ? earlier : since);
  }
  const later = arrival - old;
  if (!(later <= t.slack[at]!)) return Infinity;
  const past = later - t.waits[at]!;
  return past > 0 ? r.finish + past : r.finish;
}

/**
 * The finish of route r (t filled from it) with its visits at positions from..same−1 replaced by
 * the first `count` of `seg` (in that order; any number), the visits before and from `same` on kept:
 * the changed stretch timed from the departure before `from`, the rest read off the tail. Infinity
 * when infeasible.
 */
export function segmentFinish(
  m: Model, r: Route, t: RouteTail, seg: ArrayLike<number>, count: number, from: number, same: number,
): number {
  const T = m.matrix!;
  const P = m.placeCount;
  const D = m.dayCount;
  const d = r.day;
  let p = placeBefore(m, r, from);
  let dep = departBefore(m, r, from);
  for (let x = 0; x < count; x++) {
    const u = seg[x]!;
    const q = m.place[u]!;
    const a = dep + T[p * P + q]!;
    const k = u * D + d;
    if (!(a <= m.winClose[k]!)) return Infinity;
    const open = m.winOpen[k]!;
    dep = (a > open ? a : open) + m.duration[u]!;
    p = q;
  }
  const next = same === r.visits.length ? r.end : m.place[r.visits[same]!]!;
  return finishReaching(r, t, same, dep + T[p * P + next]!);
}
