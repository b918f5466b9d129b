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

export function cloneRoute(r: Route): Route {
  return {
    ...r,
    visits: r.visits.slice(), arr: r.arr.slice(), beg: r.beg.slice(),
    wclose: r.wclose.slice(), maxShift: r.maxShift.slice(),
  };
}

/** Forward pass (earliest schedule; FIFO travel makes it optimal) then backward max-shift pass. */
export function computeRoute(m: Model, r: Route): void {
  const d = r.day;
  const n = r.visits.length;
  // Grow by push, shrink by length: growing by `length =` would make the arrays holey and slow.
  for (const a of [r.arr, r.beg, r.wclose, r.maxShift]) {
    while (a.length < n) a.push(0);
    a.length = n;
  }
  let t = m.open[d]!;
  let p = r.start;
  let cost = 0;
  let weight = 0;
  r.feasible = true;
  r.failAt = -1;
  for (let i = 0; i < n; i++) {
    const v = r.visits[i]!;
    const q = m.place[v]!;
    const a = arriveAt(m, p, q, t, d);
    cost += legCost(m, p, q, d) + m.visitCost[v]!;
    weight += m.weight[v]!;
    const w = windowFor(m, v, d, a);
    r.arr[i] = a;
    if (w === undefined) {
      if (r.feasible) { r.feasible = false; r.failAt = i; }
      r.beg[i] = a;
      r.wclose[i] = -Infinity;
    } else {
      r.beg[i] = Math.max(a, w.open);
      r.wclose[i] = w.close;
    }
    t = r.beg[i]! + m.duration[v]!;
    p = q;
  }
  r.finish = arriveAt(m, p, r.end, t, d);
  cost += legCost(m, p, r.end, d);
  if (r.feasible && !(r.finish <= m.close[d]!)) { r.feasible = false; r.failAt = n; }
  r.cost = cost;
  r.weight = weight;
  let nextWait = 0;
  let nextShift = m.close[d]! - r.finish;
  for (let i = n - 1; i >= 0; i--) {
    const ms = Math.min(r.wclose[i]! - r.beg[i]!, nextWait + nextShift);
    r.maxShift[i] = ms;
    nextWait = r.beg[i]! - r.arr[i]!;
    nextShift = ms;
  }
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
