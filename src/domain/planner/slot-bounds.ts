import type { Model } from './model.js';
import type { Route, Slots } from './route.js';

/**
 * Bounds that let the insertion scans skip positions a visit cannot take, on
 * the fast model (static travel, one window per visit and day, no break).
 *
 * A route's schedule is an earliest departure from every node and a latest
 * arrival at every node (Slots: dep, and arr + slack). A visit fits between two
 * adjacent nodes when it is reached by its latest start and, done, reaches the
 * next node by that node's latest arrival; by how much it misses either is its
 * miss there (Slots.miss, written by slotShiftsIn). Both only get harder when a visit is
 * inserted elsewhere in the route (earliest departures only grow, latest
 * arrivals only shrink: travel is FIFO), and removing a visit makes them easier
 * by a bounded amount. On the Cordeau files of 216–288 customers, 87 % of the
 * greedy insertion's scans and 99.9 % of the swap move's end with the visit
 * fitting nowhere: these bounds answer most of them without the scan.
 *
 * The arguments are exact in real arithmetic. The scans compare sums of the
 * problem's times, so the shortcuts run only where every time is an integer
 * (`integralTimes`): then every sum is exact in floating point and a shortcut's
 * answer is the one the full scan gives, bit for bit. The literature's TOPTW
 * files qualify (their times are whole tenths or hundredths, counted as
 * integers); elsewhere the scans run in full.
 */

const integral = new WeakMap<Model, boolean>();

/** Whether the model is fast and every time in it (travel, durations, windows, days) is an integer below 2^50. */
export function integralTimes(m: Model): boolean {
  let ok = integral.get(m);
  if (ok === undefined) {
    const whole = (x: number): boolean => Number.isInteger(x) && Math.abs(x) < 2 ** 50;
    const wholeOrClosed = (x: number): boolean => x === -Infinity || whole(x);
    ok = m.fast && m.matrix !== null
      && m.matrix.every(whole) && m.duration.every(whole)
      && m.winOpen.every(whole) && m.winClose.every(wholeOrClosed)
      && m.open.every(whole) && m.close.every(whole);
    integral.set(m, ok);
  }
  return ok;
}

/** Per visit i of a route: what removalReliefs finds (arrays of at least n, and n·(n+1) for relief). */
export interface Reliefs {
  /** 1 when the route stays feasible without visit i. */
  readonly fits: Uint8Array;
  /** The arrival at the node after visit i without it. */
  readonly bridged: Float64Array;
  /** At i·(n+1) + p: how much easier taking visit i out can make position p. */
  readonly relief: Float64Array;
}

/**
 * For each visit i of route r (sl filled from it): whether r stays feasible without it
 * (b.fits, and b.bridged: the arrival at the node after it then), and by how much taking it out
 * can make each other position p easier for any visit (b.relief at i·(n+1) + p): it can bring the
 * departures after it earlier, the first by `after` below and each later one by no more than the
 * one before and by how long after its opening its node starts (a node that waited for its opening leaves no sooner), and
 * the latest arrivals before it later, by `before` and no more than each node's room to its
 * window's close. A visit's miss at p drops by at most that (the positions i and i + 1
 * merge into a new one, left at 0). Returns the largest relief.
 */
export function removalReliefs(m: Model, r: Route, sl: Slots, b: Reliefs): number {
  const T = m.matrix!;
  const P = m.placeCount;
  const D = m.dayCount;
  const d = r.day;
  const n = sl.n;
  const stride = n + 1;
  let most = 0;
  for (let i = 0; i < n; i++) {
    // The leg that replaces the two around the visit: from the node before it to the node after it.
    const bridge = T[sl.prev[i]! * P + sl.next[i + 1]!]!;
    b.bridged[i] = sl.dep[i]! + bridge;
    b.fits[i] = b.bridged[i]! <= sl.arr[i + 1]! + sl.slack[i + 1]! ? 1 : 0;
    // Arrival at the node after: before, via the visit (sl.arr[i + 1]); after, straight from the node before.
    let after = sl.arr[i + 1]! - b.bridged[i]!;
    // Latest departure from the node before: before, the visit's latest arrival less the leg to it;
    // after, the next node's latest arrival less the bridge.
    let before = sl.arr[i + 1]! + sl.slack[i + 1]! - bridge - (sl.arr[i]! + sl.slack[i]! - T[sl.prev[i]! * P + sl.next[i]!]!);
    const row = i * stride;
    b.relief[row + i] = 0;
    b.relief[row + i + 1] = 0;
    for (let p = i - 1; p >= 0; p--) {
      const room = r.wclose[p]! - (r.beg[p]! + r.maxShift[p]!);
      if (room < before) before = room;
      const x = before > 0 ? before : 0;
      b.relief[row + p] = x;
      if (x > most) most = x;
    }
    for (let p = i + 2; p <= n; p++) {
      const u = r.visits[p - 1]!;
      const sinceOpen = r.beg[p - 1]! - m.winOpen[u * D + d]!;
      if (sinceOpen < after) after = sinceOpen;
      const x = after > 0 ? after : 0;
      b.relief[row + p] = x;
      if (x > most) most = x;
    }
  }
  return most;
}

/**
 * A route r that differs from an earlier order `old` of the same day (same start and end) only
 * between its first `a` and last `b` visits: by how much that change can have made a position of
 * the unchanged ends easier for a visit — the most the middle's removal brings earlier the
 * departures after it or later the latest arrivals before it (see removalReliefs; inserting the
 * new middle only makes them harder). r must be computed and feasible, and `old` must have been.
 */
export function changeRelief(m: Model, r: Route, old: readonly number[], a: number, b: number): number {
  const T = m.matrix!;
  const P = m.placeCount;
  const d = r.day;
  const D = m.dayCount;
  const nn = r.visits.length;
  const to = old.length - b;
  if (to <= a) return 0;
  const prev = a === 0 ? r.start : m.place[r.visits[a - 1]!]!;
  const dep = a === 0 ? m.open[d]! : r.beg[a - 1]! + m.duration[r.visits[a - 1]!]!;
  const next = b === 0 ? r.end : m.place[r.visits[nn - b]!]!;
  const latest = b === 0 ? m.close[d]! : r.beg[nn - b]! + r.maxShift[nn - b]!;
  const bridge = T[prev * P + next]!;
  // The old middle timed forward from the same departure, and its latest arrivals backward.
  let t = dep;
  let p = prev;
  for (let i = a; i < to; i++) {
    const u = old[i]!;
    const q = m.place[u]!;
    const arrive = t + T[p * P + q]!;
    const open = m.winOpen[u * D + d]!;
    t = (arrive > open ? arrive : open) + m.duration[u]!;
    p = q;
  }
  const after = t + T[p * P + next]! - (dep + bridge);
  let late = latest;
  p = next;
  for (let i = to - 1; i >= a; i--) {
    const u = old[i]!;
    const q = m.place[u]!;
    const l = late - m.duration[u]! - T[q * P + p]!;
    const close = m.winClose[u * D + d]!;
    late = l < close ? l : close;
    p = q;
  }
  const before = latest - bridge - (late - T[prev * P + m.place[old[a]!]!]!);
  const most = after > before ? after : before;
  return most > 0 ? most : 0;
}
