import { ARRIVE, FROM_B, INSIDE, LEAVE, newStep, stepEnd, stepVisit } from './day-break.js';
import { arriveAt, legCost, windowFor, type Model } from './model.js';
import type { DayBreak, DayRoute, PlacedBreak } from './problem.js';

/**
 * One day's route with its schedule bookkeeping: arrival and start per visit,
 * and Vansteenwegen's "max shift" (how much a visit's start may slip without
 * breaking any later window or the day's close), which makes an insertion
 * check O(1) when travel is static.
 */
export interface Route {
  day: number;
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
  /**
   * On a day with a break (day-break.ts), the earliest departure from each visit before the
   * break (depA) and after it (depB): the states a changed order is compared with.
   */
  depA: number[];
  depB: number[];
  /** The day's break: NO_BREAK, or how and where it is taken, at position brkAt from brkStart. */
  brkKind: number;
  brkAt: number;
  brkStart: number;
}

export const NO_BREAK = -1;

export function newRoute(day: number, start: number, end: number): Route {
  return {
    day, start, end, visits: [], arr: [], beg: [], wclose: [], maxShift: [], depA: [], depB: [],
    finish: 0, feasible: true, failAt: -1, cost: 0, weight: 0, brkKind: NO_BREAK, brkAt: 0, brkStart: 0,
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
  c.depA = r.depA.slice();
  c.depB = r.depB.slice();
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
  r.brkKind = NO_BREAK;
  const brk = m.breaks[d];
  if (brk !== undefined && n > 0) {
    breakPass(m, r, brk);
    return;
  }
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
  backwardShift(m, r);
}

/** Vansteenwegen's max shift, from the schedule in r (exact only without a break; the fast test runs only then). */
function backwardShift(m: Model, r: Route): void {
  const d = r.day;
  const { arr, beg, wclose, maxShift } = r;
  const n = r.visits.length;
  let nextWait = 0;
  let nextShift = m.close[d]! - r.finish;
  for (let i = n - 1; i >= 0; i--) {
    const ms = Math.min(wclose[i]! - beg[i]!, nextWait + nextShift);
    maxShift[i] = ms;
    nextWait = beg[i]! - arr[i]!;
    nextShift = ms;
  }
}

// Per position, the two states of the pass (see day-break.ts), kept for the walk back.
let passArrA = new Float64Array(16);
let passBegA = new Float64Array(16);
let passArrB = new Float64Array(16);
let passBegB = new Float64Array(16);
let passSrc = new Int32Array(16);
let passBrk = new Float64Array(16);
const passStep = newStep();

/**
 * computeRoute on a day with a break: the two-state forward pass, then a
 * walk back from the finish to the schedule it came from (which visits are
 * before the break, and where it is).
 */
function breakPass(m: Model, r: Route, b: DayBreak): void {
  const d = r.day;
  const n = r.visits.length;
  if (passArrA.length < n + 1) {
    const k = 2 * (n + 1);
    passArrA = new Float64Array(k);
    passBegA = new Float64Array(k);
    passArrB = new Float64Array(k);
    passBegB = new Float64Array(k);
    passSrc = new Int32Array(k);
    passBrk = new Float64Array(k);
  }
  const st = passStep;
  fitLength(r.depA, n);
  fitLength(r.depB, n);
  let depA = m.open[d]!;
  let depB = Infinity;
  let p = r.start;
  let cost = 0;
  let weight = 0;
  let failAt = -1;
  for (let i = 0; i < n; i++) {
    const v = r.visits[i]!;
    const q = m.place[v]!;
    cost += legCost(m, p, q, d) + m.visitCost[v]!;
    weight += m.weight[v]!;
    stepVisit(m, d, b, p, depA, depB, v, st);
    passArrA[i] = st.arrA;
    passBegA[i] = st.begA;
    passArrB[i] = st.arrB;
    passBegB[i] = st.begB;
    passSrc[i] = st.src;
    passBrk[i] = st.brk;
    depA = st.depA;
    depB = st.depB;
    r.depA[i] = depA;
    r.depB[i] = depB;
    if (depB === Infinity && depA === Infinity && failAt < 0) failAt = i;
    p = q;
  }
  cost += legCost(m, p, r.end, d);
  stepEnd(m, d, b, p, depA, depB, r.end, st);
  passSrc[n] = st.src;
  passBrk[n] = st.brk;
  r.finish = st.depB;
  if (failAt < 0 && !(r.finish <= m.close[d]!)) failAt = n;
  r.feasible = failAt < 0;
  r.failAt = failAt;
  r.cost = cost;
  r.weight = weight;
  // Walk back: state B from the end until the node where the break was taken, A before it.
  let inB = r.finish !== Infinity;
  for (let i = n; i >= 0; i--) {
    if (i < n) {
      const v = r.visits[i]!;
      r.arr[i] = inB ? passArrB[i]! : passArrA[i]!;
      r.beg[i] = inB ? passBegB[i]! : passBegA[i]!;
      r.wclose[i] = windowFor(m, v, d, r.beg[i]!)?.close ?? -Infinity;
    }
    if (inB && passSrc[i] !== FROM_B) {
      r.brkKind = passSrc[i]!;
      r.brkAt = i;
      r.brkStart = passBrk[i]!;
      inB = false;
    }
  }
  backwardShift(m, r);
}

/** The route's break as the solution shows it; undefined when it has none. */
export function placedBreak(m: Model, r: Route): PlacedBreak | undefined {
  if (r.brkKind === NO_BREAK) return undefined;
  const b = m.breaks[r.day]!;
  const n = r.visits.length;
  const placeOfNode = (i: number) => (i === n ? r.end : m.place[r.visits[i]!]!);
  const kind = r.brkKind === LEAVE ? 'leave' : r.brkKind === ARRIVE ? 'arrive' : 'inside';
  const place = r.brkKind === LEAVE ? (r.brkAt === 0 ? r.start : m.place[r.visits[r.brkAt - 1]!]!) : placeOfNode(r.brkAt);
  return { kind, at: r.brkAt, place, start: r.brkStart, end: r.brkStart + b.length };
}

/**
 * The route as the solution gives it: its schedule and break — the break by its preferred
 * latest start (DayBreak.preferTo), and from its preferred earliest (preferFrom), when the same
 * order allows that, even if the day then ends later.
 */
export function toDayRoute(m: Model, route: Route): DayRoute {
  let r = route;
  const b = m.breaks[r.day];
  if (b?.preferTo !== undefined && r.brkKind !== NO_BREAK && r.brkStart > b.preferTo) {
    const early = newRoute(r.day, r.start, r.end);
    early.visits = r.visits.slice();
    breakPass(m, early, { ...b, to: b.preferTo });
    if (early.feasible) r = early;
  }
  // Likewise not before its preferred earliest start (DayBreak.preferFrom) when the order allows.
  if (b?.preferFrom !== undefined && r.brkKind !== NO_BREAK && r.brkStart < b.preferFrom) {
    const late = newRoute(r.day, r.start, r.end);
    late.visits = r.visits.slice();
    breakPass(m, late, { ...b, from: b.preferFrom, to: Math.max(b.preferFrom, Math.min(b.to, b.preferTo ?? b.to)) });
    if (late.feasible) r = late;
  }
  const visits = r.visits.map((v, i) => ({ visit: v, arrive: r.arr[i]!, start: r.beg[i]!, end: r.beg[i]! + m.duration[v]! }));
  const brk = placedBreak(m, r);
  return { start: r.start, end: r.end, visits, finish: r.finish, ...(brk ? { break: brk } : {}) };
}

/** Day d from `start` to `end` through `visits` in this order, timed as the core times it; undefined when infeasible. */
export function timeDay(m: Model, d: number, start: number, end: number, visits: readonly number[]): DayRoute | undefined {
  const r = newRoute(d, start, end);
  r.visits = [...visits];
  computeRoute(m, r);
  return r.feasible ? toDayRoute(m, r) : undefined;
}

// A route to evaluate a changed order on a day with a break (one at a time: nothing here re-enters).
const scratch = newRoute(0, 0, 0);

function scratchOf(r: Route): Route {
  scratch.day = r.day;
  scratch.start = r.start;
  scratch.end = r.end;
  scratch.visits.length = 0;
  return scratch;
}

// Grow by push, shrink by length: growing by `length =` would make the array holey and slow.
function fitLength(a: number[], n: number): void {
  while (a.length < n) a.push(0);
  if (a.length !== n) a.length = n;
}

/** Departure time from the node before position `pos` (the day's open when pos = 0). */
export function departBefore(m: Model, r: Route, pos: number): number {
  if (pos === 0) return m.open[r.day]!;
  return r.beg[pos - 1]! + m.duration[r.visits[pos - 1]!]!;
}

/** The place of the node before position `pos` (the day's start when pos = 0). */
export function placeBefore(m: Model, r: Route, pos: number): number {
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
  if (m.breaks[r.day] !== undefined) return breakShift(m, r, v, pos);
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

/**
 * insertionShift on a day with a break: the whole day re-timed (the break may
 * move), the shift measured at the node after the inserted visit, as above;
 * never below 0 (a break moved inside the new visit can make it earlier).
 */
function breakShift(m: Model, r: Route, v: number, pos: number): number {
  if (!r.feasible) return Infinity;
  const d = r.day;
  const b = m.breaks[d]!;
  const n = r.visits.length;
  const st = passStep;
  let p = placeBefore(m, r, pos);
  stepVisit(m, d, b, p, pos === 0 ? m.open[d]! : r.depA[pos - 1]!, pos === 0 ? Infinity : r.depB[pos - 1]!, v, st);
  let a = st.depA;
  let c = st.depB;
  if (a === Infinity && c === Infinity) return Infinity;
  p = m.place[v]!;
  let shift = 0;
  for (let i = pos; i <= n; i++) {
    if (i === n) {
      stepEnd(m, d, b, p, a, c, r.end, st);
      if (!(st.depB <= m.close[d]!)) return Infinity;
      return i === pos ? Math.max(0, st.depB - r.finish) : shift;
    }
    stepVisit(m, d, b, p, a, c, r.visits[i]!, st);
    a = st.depA;
    c = st.depB;
    if (a === Infinity && c === Infinity) return Infinity;
    // The shift at the node after the new visit: in the state the old schedule is in there. When the
    // insertion leaves that node reachable only before the break (c = Infinity, a finite: the break
    // moves after it), the break's length is still to come: compare a + length, not Infinity.
    if (i === pos) {
      const depNew = c !== Infinity ? c : a + b.length;
      shift = Math.max(0, r.depB[i] !== Infinity ? depNew - r.depB[i]! : a - r.depA[i]!);
    }
    // No later than the old schedule in either state: the rest of the old day still fits.
    if (a <= r.depA[i]! && c <= r.depB[i]!) return shift;
    p = m.place[r.visits[i]!]!;
  }
  return shift;
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
  /**
   * Written with shift: by how much the visit misses the position (> 0 exactly where shift is
   * Infinity): the larger of its arrival past its latest start and its finish, with the leg on,
   * past the next node's latest arrival (slot-bounds.ts).
   */
  miss: Float64Array;
}

/** Slots for routes of up to `capacity` visits (more only by regrowing): one buffer, as they are made often. */
export function newSlots(capacity: number): Slots {
  const cap = capacity + 1;
  const buf = new ArrayBuffer(cap * (5 * 8 + 2 * 4));
  const f64 = (k: number): Float64Array => new Float64Array(buf, k * cap * 8, cap);
  const i32 = (k: number): Int32Array => new Int32Array(buf, 5 * cap * 8 + k * cap * 4, cap);
  return {
    day: 0, n: 0, prev: i32(0), dep: f64(0), next: i32(1), arr: f64(1), slack: f64(2), shift: f64(3), miss: f64(4),
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
  slotShiftsIn(m, sl, v, 0, sl.n);
}

/** slotShifts (and sl.miss) over the positions lo..hi only (the windowed scans of best-slot.ts). */
export function slotShiftsIn(m: Model, sl: Slots, v: number, lo: number, hi: number): void {
  const T = m.matrix!;
  const P = m.placeCount;
  const k = v * m.dayCount + sl.day;
  const close = m.winClose[k]!;
  const open = m.winOpen[k]!;
  const dur = m.duration[v]!;
  const q = m.place[v]!;
  const row = q * P;
  const { prev, dep, next, arr, slack, shift: out, miss } = sl;
  for (let p = lo; p <= hi; p++) {
    const a = dep[p]! + T[prev[p]! * P + q]!;
    const shift = (a > open ? a : open) + dur + T[row + next[p]!]! - arr[p]!;
    const late = shift - slack[p]!;
    out[p] = a <= close && shift <= slack[p]! ? shift : Infinity;
    miss[p] = a - close > late ? a - close : late;
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
  const b = m.breaks[d];
  if (b !== undefined) return replayWithBreak(m, r, b, visits, from, same, skip);
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

/** replayFinish on a day with a break: from the states before `from`, until they meet r's again. */
function replayWithBreak(m: Model, r: Route, b: DayBreak, visits: readonly number[], from: number, same: number, skip: number): number {
  const d = r.day;
  const st = passStep;
  let a = from === 0 ? m.open[d]! : r.depA[from - 1]!;
  let c = from === 0 ? Infinity : r.depB[from - 1]!;
  let p = placeBefore(m, r, from);
  let count = from;
  for (let i = from; i < visits.length; i++) {
    if (i === skip) continue;
    const u = visits[i]!;
    stepVisit(m, d, b, p, a, c, u, st);
    a = st.depA;
    c = st.depB;
    count++;
    if (a === Infinity && c === Infinity) return Infinity;
    if (i >= same && r.feasible && a === r.depA[i] && c === r.depB[i]) return r.finish;
    p = m.place[u]!;
  }
  // A day left without a visit needs no break.
  if (count === 0) {
    const f = arriveAt(m, p, r.end, m.open[d]!, d);
    return f <= m.close[d]! ? f : Infinity;
  }
  stepEnd(m, d, b, p, a, c, r.end, st);
  return st.depB <= m.close[d]! ? st.depB : Infinity;
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
