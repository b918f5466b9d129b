import { arriveAt, legCost, windowFor, type Model } from './model.js';

/**
 * One day's route with its schedule bookkeeping: arrival and start per visit,
 * and Vansteenwegen's "max shift" (how much a visit's start may slip without
 * breaking any later window or the day's close), which makes an insertion
 * check O(1) when travel is static.
 */
export interface Route {
  readonly day: number;
  start: number;
  end: number;
  visits: number[];
  arr: number[];
  beg: number[];
  /** Close of the window each visit starts in. */
  wclose: number[];
  maxShift: number[];
  /** Arrival at `end`. */
  finish: number;
  feasible: boolean;
  /** Index of the first visit that cannot be served (visits.length = the day's close is missed). */
  failAt: number;
  /** Leg costs plus visit costs. */
  cost: number;
  weight: number;
}

export function newRoute(day: number, start: number, end: number): Route {
  return {
    day, start, end, visits: [], arr: [], beg: [], wclose: [], maxShift: [],
    finish: 0, feasible: true, failAt: -1, cost: 0, weight: 0,
  };
}

/**
 * A copy with the same hidden class as newRoute's routes: a spread copy had another, and the
 * search code, seeing two shapes of route, was deoptimised and recompiled again and again
 * (on pr16 at M = 3 the first 200 iterations took 2.3 s of CPU instead of 1.3 s).
 */
export function cloneRoute(r: Route): Route {
  const c = Object.assign(newRoute(r.day, r.start, r.end), r);
  c.visits = r.visits.slice();
  c.arr = r.arr.slice();
  c.beg = r.beg.slice();
  c.wclose = r.wclose.slice();
  c.maxShift = r.maxShift.slice();
  return c;
}

/** Forward pass (earliest schedule; FIFO travel makes it optimal) then backward max-shift pass. */
export function computeRoute(m: Model, r: Route): void {
  const d = r.day;
  const n = r.visits.length;
  const { visits, arr, beg, wclose, maxShift } = r;
  fitLength(arr, n);
  fitLength(beg, n);
  fitLength(wclose, n);
  fitLength(maxShift, n);
  let t = m.open[d]!;
  let p = r.start;
  let cost = 0;
  let weight = 0;
  let failAt = -1;
  for (let i = 0; i < n; i++) {
    const v = visits[i]!;
    const q = m.place[v]!;
    const a = arriveAt(m, p, q, t, d);
    cost += legCost(m, p, q, d) + m.visitCost[v]!;
    weight += m.weight[v]!;
    const w = windowFor(m, v, d, a);
    arr[i] = a;
    let b: number;
    if (w === undefined) {
      if (failAt < 0) failAt = i;
      b = a;
      wclose[i] = -Infinity;
    } else {
      b = Math.max(a, w.open);
      wclose[i] = w.close;
    }
    beg[i] = b;
    t = b + m.duration[v]!;
    p = q;
  }
  r.finish = arriveAt(m, p, r.end, t, d);
  cost += legCost(m, p, r.end, d);
  if (failAt < 0 && !(r.finish <= m.close[d]!)) failAt = n;
  r.feasible = failAt < 0;
  r.failAt = failAt;
  r.cost = cost;
  r.weight = weight;
  let nextWait = 0;
  let nextShift = m.close[d]! - r.finish;
  for (let i = n - 1; i >= 0; i--) {
    const ms = Math.min(wclose[i]! - beg[i]!, nextWait + nextShift);
    maxShift[i] = ms;
    nextWait = beg[i]! - arr[i]!;
    nextShift = ms;
  }
}

// Grow by push, shrink by length: growing by `length =` would make the array holey and slow.
function fitLength(a: number[], n: number): void {
  while (a.length < n) a.push(0);
  a.length = n;
}

/** Departure time from the node before position `pos` (the day's open when pos = 0). */
function departBefore(m: Model, r: Route, pos: number): number {
  if (pos === 0) return m.open[r.day]!;
  return r.beg[pos - 1]! + m.duration[r.visits[pos - 1]!]!;
}

function placeBefore(m: Model, r: Route, pos: number): number {
  return pos === 0 ? r.start : m.place[r.visits[pos - 1]!]!;
}

function placeAt(m: Model, r: Route, pos: number): number {
  return pos === r.visits.length ? r.end : m.place[r.visits[pos]!]!;
}

/**
 * Time the insertion of `v` before position `pos` adds at the next node
 * (Infinity when infeasible). O(1) in the fast model, else a forward
 * recomputation that stops as soon as the old schedule is caught up with.
 */
export function insertionShift(m: Model, r: Route, v: number, pos: number): number {
  if (m.fast) return fastShift(m, r, v, pos);
  const d = r.day;
  const n = r.visits.length;
  const prev = placeBefore(m, r, pos);
  const q = m.place[v]!;
  const a = arriveAt(m, prev, q, departBefore(m, r, pos), d);
  const w = windowFor(m, v, d, a);
  if (w === undefined) return Infinity;
  let t = Math.max(a, w.open) + m.duration[v]!;
  const oldNext = pos === n ? r.finish : r.arr[pos]!;
  const nextPlace = placeAt(m, r, pos);
  const newNext = arriveAt(m, q, nextPlace, t, d);
  const shift = newNext - oldNext;
  // General path: propagate until the new arrival is no later than the old one.
  let arrival = newNext;
  let p = q;
  for (let i = pos; i < n; i++) {
    if (arrival <= r.arr[i]!) return shift;
    const u = r.visits[i]!;
    const wu = windowFor(m, u, d, arrival);
    if (wu === undefined) return Infinity;
    t = Math.max(arrival, wu.open) + m.duration[u]!;
    p = m.place[u]!;
    arrival = i + 1 < n ? arriveAt(m, p, m.place[r.visits[i + 1]!]!, t, d) : arriveAt(m, p, r.end, t, d);
  }
  return arrival <= m.close[d]! ? shift : Infinity;
}

/** The O(1) max-shift test of Vansteenwegen et al. (static travel, one window per visit and day). */
function fastShift(m: Model, r: Route, v: number, pos: number): number {
  const T = m.matrix!;
  const P = m.placeCount;
  const d = r.day;
  const n = r.visits.length;
  const k = v * m.dayCount + d;
  const close = m.winClose[k]!;
  let prev: number;
  let dep: number;
  if (pos === 0) {
    prev = r.start;
    dep = m.open[d]!;
  } else {
    const u = r.visits[pos - 1]!;
    prev = m.place[u]!;
    dep = r.beg[pos - 1]! + m.duration[u]!;
  }
  const q = m.place[v]!;
  const a = dep + T[prev * P + q]!;
  if (a > close) return Infinity;
  const open = m.winOpen[k]!;
  const t = (a > open ? a : open) + m.duration[v]!;
  if (pos === n) {
    const shift = t + T[q * P + r.end]! - r.finish;
    return shift <= m.close[d]! - r.finish ? shift : Infinity;
  }
  const shift = t + T[q * P + m.place[r.visits[pos]!]!]! - r.arr[pos]!;
  return shift <= r.beg[pos]! - r.arr[pos]! + r.maxShift[pos]! ? shift : Infinity;
}

/**
 * The route's side of the fast shift test at every insertion position 0..n:
 * a scan tries many visits at each position, and none of this depends on the
 * visit. Filled by fillSlots; the arrays are reused and grown on demand.
 */
export interface Slots {
  day: number;
  n: number;
  /** The place left before the position, and when. */
  prev: Int32Array;
  dep: Float64Array;
  /** The place reached after the position, its arrival before the insertion and how far that may slip. */
  next: Int32Array;
  arr: Float64Array;
  slack: Float64Array;
  /** Written by slotShifts: insertionShift of one visit per position. */
  shift: Float64Array;
}

/** Slots for routes of up to `capacity` visits (more only by regrowing): one buffer, as they are made often. */
export function newSlots(capacity: number): Slots {
  const cap = capacity + 1;
  const buf = new ArrayBuffer(cap * (4 * 8 + 2 * 4));
  const f64 = (k: number): Float64Array => new Float64Array(buf, k * cap * 8, cap);
  const i32 = (k: number): Int32Array => new Int32Array(buf, 4 * cap * 8 + k * cap * 4, cap);
  return {
    day: 0, n: 0, prev: i32(0), dep: f64(0), next: i32(1), arr: f64(1), slack: f64(2), shift: f64(3),
  };
}

/** Takes the fast shift test's inputs from `r` (the same values fastShift reads). */
export function fillSlots(m: Model, r: Route, sl: Slots): void {
  const n = r.visits.length;
  if (sl.prev.length < n + 1) Object.assign(sl, newSlots(2 * n));
  const d = r.day;
  sl.day = d;
  sl.n = n;
  let prev = r.start;
  let dep = m.open[d]!;
  for (let p = 0; p < n; p++) {
    const u = r.visits[p]!;
    const q = m.place[u]!;
    sl.prev[p] = prev;
    sl.dep[p] = dep;
    sl.next[p] = q;
    sl.arr[p] = r.arr[p]!;
    sl.slack[p] = r.beg[p]! - r.arr[p]! + r.maxShift[p]!;
    prev = q;
    dep = r.beg[p]! + m.duration[u]!;
  }
  sl.prev[n] = prev;
  sl.dep[n] = dep;
  sl.next[n] = r.end;
  sl.arr[n] = r.finish;
  sl.slack[n] = m.close[d]! - r.finish;
}

/** Fast model only: sl.shift[p] = insertionShift(m, r, v, p) for every p, r being the route sl was filled from. */
export function slotShifts(m: Model, sl: Slots, v: number): void {
  const T = m.matrix!;
  const P = m.placeCount;
  const k = v * m.dayCount + sl.day;
  const close = m.winClose[k]!;
  const open = m.winOpen[k]!;
  const dur = m.duration[v]!;
  const q = m.place[v]!;
  const row = q * P;
  const { prev, dep, next, arr, slack, shift: out } = sl;
  for (let p = 0; p <= sl.n; p++) {
    const a = dep[p]! + T[prev[p]! * P + q]!;
    if (a > close) {
      out[p] = Infinity;
      continue;
    }
    const t = (a > open ? a : open) + dur;
    const shift = t + T[row + next[p]!]! - arr[p]!;
    out[p] = shift <= slack[p]! ? shift : Infinity;
  }
}

/**
 * The finish `r` would have without its visit at `pos` (Infinity when that
 * route would be infeasible): what removeAt on a clone would compute, without
 * the clone.
 */
export function finishWithout(m: Model, r: Route, pos: number): number {
  return replayFinish(m, r, r.visits, pos, pos + 1, pos);
}

/**
 * The finish of r's day visited in the order `visits` instead (Infinity when
 * that is infeasible): what computeRoute would give, for the cost of the
 * changed part only. `visits` must agree with r.visits before `from` and from
 * `same` on.
 */
export function finishOf(m: Model, r: Route, visits: readonly number[], from: number, same: number): number {
  return replayFinish(m, r, visits, from, same, -1);
}

/**
 * Replays the day from position `from` over `visits` (leaving out index `skip`):
 * the schedule before `from` is r's, and a feasible r's schedule is reused from
 * the first start at or after `same` that coincides with r's at the same index.
 */
function replayFinish(m: Model, r: Route, visits: readonly number[], from: number, same: number, skip: number): number {
  if (!r.feasible && r.failAt < from) return Infinity;
  const d = r.day;
  let t = departBefore(m, r, from);
  let p = placeBefore(m, r, from);
  for (let i = from; i < visits.length; i++) {
    if (i === skip) continue;
    const u = visits[i]!;
    const q = m.place[u]!;
    const a = arriveAt(m, p, q, t, d);
    const w = windowFor(m, u, d, a);
    if (w === undefined) return Infinity;
    const b = Math.max(a, w.open);
    if (i >= same && b === r.beg[i]! && r.feasible) return r.finish;
    t = b + m.duration[u]!;
    p = q;
  }
  const finish = arriveAt(m, p, r.end, t, d);
  return finish <= m.close[d]! ? finish : Infinity;
}

/** Change in route cost from inserting `v` before `pos`. */
export function insertionCost(m: Model, r: Route, v: number, pos: number): number {
  const c = m.visitCost[v]!;
  if (!m.hasLegCost) return c;
  const d = r.day;
  const prev = placeBefore(m, r, pos);
  const next = placeAt(m, r, pos);
  const q = m.place[v]!;
  return c + legCost(m, prev, q, d) + legCost(m, q, next, d) - legCost(m, prev, next, d);
}

export function insertAt(m: Model, r: Route, v: number, pos: number): void {
  r.visits.splice(pos, 0, v);
  computeRoute(m, r);
}

export function removeAt(m: Model, r: Route, pos: number): number {
  const [v] = r.visits.splice(pos, 1);
  computeRoute(m, r);
  return v!;
}
