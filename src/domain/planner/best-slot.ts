import type { Model } from './model.js';
import type { SwapBuffers } from './insertion-cache.js';
import { slotShiftsIn, type Slots } from './route.js';

/** Where a slot scan would insert a visit: position (-1 = nowhere), its shift and weight²/shift ratio. */
export interface SlotPick {
  pos: number;
  shift: number;
  ratio: number;
  /** Set by the *Margin scans when pos = -1: a lower bound on the visit's miss (Slots.miss) at every position they cover (slot-bounds.ts). */
  margin: number;
}

export function newSlotPick(): SlotPick {
  return { pos: -1, shift: Infinity, ratio: -1, margin: 0 };
}

const minTravels = new WeakMap<Model, number>();
// The last model asked about and its answer: the scans ask a million times per second, a WeakMap look-up each time.
let lastModel: Model | null = null;
let lastMin = 0;

/** The shortest leg of the travel matrix (fast model). */
function minTravel(m: Model): number {
  if (m === lastModel) return lastMin;
  let t = minTravels.get(m);
  if (t === undefined) {
    t = Infinity;
    const T = m.matrix!;
    for (let i = 0; i < T.length; i++) if (T[i]! < t) t = T[i]!;
    minTravels.set(m, t);
  }
  lastModel = m;
  lastMin = t;
  return t;
}

// The positions [lo, hi] a scan tries, set by windowRange.
let lo = 0;
let hi = -1;

/**
 * The positions at which the visit's window allows it at all: it must be
 * reached by its latest start (departures only grow along a route, so the
 * positions that pass form a prefix), and it must be done, with the shortest
 * leg after it, by the latest arrival the next node allows (latest arrivals
 * only grow too: a suffix). Routes of 30 visits with windows a quarter of the
 * day long leave a third of the positions; the others need not be tried.
 * The tests are necessary conditions of slotShifts' own (with a margin for
 * rounding on the latest arrivals), so no feasible position is skipped.
 */
function windowRange(m: Model, sl: Slots, v: number): void {
  const k = v * m.dayCount + sl.day;
  const close = m.winClose[k]!;
  const minT = minTravel(m);
  const need = m.winOpen[k]! + m.duration[v]! + minT;
  const tol = 1e-9 * (1 + Math.abs(need));
  // First position whose latest arrival at the next node leaves time for the visit.
  let a = 0;
  let b = sl.n + 1;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (sl.arr[mid]! + sl.slack[mid]! >= need - tol) b = mid;
    else a = mid + 1;
  }
  lo = a;
  // Last position from which the visit is reached by its latest start.
  a = -1;
  b = sl.n;
  while (a < b) {
    const mid = (a + b + 1) >> 1;
    if (sl.dep[mid]! + minT <= close) a = mid;
    else b = mid - 1;
  }
  hi = a;
}

/**
 * Fast model: the insertion of v with the best weight²/shift ratio (the
 * first of equal ones), exactly as a loop over slotShifts would rank every
 * position, trying only those its window allows. No budget: callers with one
 * check each position's cost themselves.
 */
export function bestRatioSlot(m: Model, sl: Slots, v: number, w2: number, out: SlotPick): void {
  scanWindow(m, sl, v, w2, out);
}

/** Fast model: the insertion of v that delays the route least (the first of equal ones), positions as above. */
export function leastShiftSlot(m: Model, sl: Slots, v: number, out: SlotPick): void {
  scanWindow(m, sl, v, -1, out);
}

/** Ranks the positions windowShifts fills by ratio (w2 ≥ 0) or by shift alone (w2 < 0). */
function scanWindow(m: Model, sl: Slots, v: number, w2: number, out: SlotPick): void {
  windowShifts(m, sl, v, range);
  out.pos = -1;
  out.ratio = -1;
  out.shift = Infinity;
  const byRatio = w2 >= 0;
  const shifts = sl.shift;
  for (let p = range.lo; p <= range.hi; p++) {
    const shift = shifts[p]!;
    if (shift === Infinity) continue;
    if (byRatio) {
      const ratio = w2 / Math.max(shift, 1e-6);
      if (ratio > out.ratio) {
        out.ratio = ratio;
        out.pos = p;
        out.shift = shift;
      }
    } else if (shift < out.shift) {
      out.shift = shift;
      out.pos = p;
    }
  }
}

/**
 * bestRatioSlot, and when v fits nowhere, out.margin: a lower bound on how far it misses every
 * position 0..n — the misses inside its window, and outside it the window's own tests (the latest
 * arrivals and the departures only grow along a route, so the nearest position outside bounds the
 * rest). Integral fast model only (slot-bounds.ts).
 */
export function bestRatioMargin(m: Model, sl: Slots, v: number, w2: number, out: SlotPick): void {
  windowRange(m, sl, v);
  ratioInRange(m, sl, v, lo, hi, w2, out);
  if (out.pos >= 0) return;
  const k = v * m.dayCount + sl.day;
  const minT = minTravel(m);
  if (lo > 0) {
    const x = m.winOpen[k]! + m.duration[v]! + minT - (sl.arr[lo - 1]! + sl.slack[lo - 1]!);
    if (x < out.margin) out.margin = x;
  }
  if (hi < sl.n) {
    const x = sl.dep[hi + 1]! + minT - m.winClose[k]!;
    if (x < out.margin) out.margin = x;
  }
}

/**
 * bestRatioSlot over the positions from..to only (those a change made new: every other position is
 * known to be infeasible), and when none fits, out.margin = the least miss among them.
 */
export function ratioInRange(m: Model, sl: Slots, v: number, from: number, to: number, w2: number, out: SlotPick): void {
  slotShiftsIn(m, sl, v, from, to);
  out.pos = -1;
  out.ratio = -1;
  out.shift = Infinity;
  let margin = Infinity;
  for (let p = from; p <= to; p++) {
    const shift = sl.shift[p]!;
    if (shift === Infinity) {
      if (sl.miss[p]! < margin) margin = sl.miss[p]!;
      continue;
    }
    const ratio = w2 / Math.max(shift, 1e-6);
    if (ratio > out.ratio) {
      out.ratio = ratio;
      out.pos = p;
      out.shift = shift;
    }
  }
  out.margin = margin;
}

/**
 * The positions 0..n of the route sl was filled from that v misses (Slots.miss) by no more than
 * `most`, written from `at` into near (the position) and miss (by how much); returns how many.
 * Each position is measured where it can be near: the window's tests bound the misses outside it
 * far too loosely to stand for them (a tenth of a candidate's positions came out near instead of
 * one or two), but they do bound them from below, so the positions where even that bound exceeds
 * `most` (a prefix and a suffix: departures and latest arrivals only grow along a route) are not
 * measured; `bounded` false measures all (the specs' reference: the same list). `out` gets v's window.
 * Integral fast model only (slot-bounds.ts): the bounds are compared exactly.
 */
export function nearPositions(
  m: Model, sl: Slots, v: number, most: number, near: Int32Array, miss: Float64Array, at: number, out: SlotWindow, bounded = true,
): number {
  windowRange(m, sl, v);
  out.lo = lo;
  out.hi = hi;
  let from = 0;
  let to = sl.n;
  if (bounded) {
    const k = v * m.dayCount + sl.day;
    const minT = minTravel(m);
    // The miss is at least the arrival past the latest start, dep + minT − close: near up to the last
    // position where that is at most `most`.
    const latestDep = m.winClose[k]! + most - minT;
    let a = -1;
    let b = sl.n;
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if (sl.dep[mid]! <= latestDep) a = mid;
      else b = mid - 1;
    }
    to = a;
    // …and at least the finish past the next node's latest arrival, open + duration + minT − latest.
    const need = m.winOpen[k]! + m.duration[v]! + minT - most;
    a = 0;
    b = sl.n + 1;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (sl.arr[mid]! + sl.slack[mid]! >= need) b = mid;
      else a = mid + 1;
    }
    from = a;
  }
  let count = 0;
  if (from > to) return 0;
  slotShiftsIn(m, sl, v, from, to);
  for (let p = from; p <= to; p++) {
    if (sl.miss[p]! <= most) {
      near[at + count] = p;
      miss[at + count] = sl.miss[p]!;
      count++;
    }
  }
  return count;
}

const range: SlotWindow = { lo: 0, hi: -1 };

/** The positions [lo, hi] windowShifts filled. */
export interface SlotWindow {
  lo: number;
  hi: number;
}

/**
 * Fast model: sl.shift[p] = insertionShift of v at p for the positions its window allows
 * (out.lo..out.hi; every other position is infeasible and left as it was), for callers that
 * walk the positions in order.
 */
export function windowShifts(m: Model, sl: Slots, v: number, out: SlotWindow): void {
  windowRange(m, sl, v);
  out.lo = lo;
  out.hi = hi;
  slotShiftsIn(m, sl, v, lo, hi);
}

/**
 * Whether candidate j (visit v) of the swap move's buffers may fit, on the route `whole` was filled
 * from without its visit i, anywhere but in the gap i leaves: some other position it misses by no
 * more than taking i out can relieve there (slot-bounds.ts removalReliefs, in b.relief). Measures
 * v's near positions (nearPositions, into b) the first time candidate j is asked about. Integral
 * fast model only. The swap move and the cross-route ejection (eject-chain.ts) both ask it.
 */
export function nearOutsideGap(
  m: Model, whole: Slots, b: SwapBuffers, v: number, j: number, i: number, most: number, out: SlotWindow,
): boolean {
  const stride = whole.n + 1;
  const at = j * stride;
  if (b.known[j] === 0) {
    b.nearCount[j] = nearPositions(m, whole, v, most, b.near, b.miss, at, out);
    b.lo[j] = out.lo;
    b.hi[j] = out.hi;
    b.known[j] = 1;
  }
  const row = i * stride;
  for (let t = 0; t < b.nearCount[j]!; t++) {
    const p = b.near[at + t]!;
    if (p !== i && p !== i + 1 && b.miss[at + t]! <= b.relief[row + p]!) return true;
  }
  return false;
}
