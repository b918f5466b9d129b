import { leastShiftSlot, nearOutsideGap, newSlotPick, type SlotWindow } from './best-slot.js';
import { dayMemo, routeVersion, scanBuffers, swapBuffers, type SwapBuffers } from './insertion-cache.js';
import type { Model } from './model.js';
import { computeRoute, fillSlots, insertAt, newRoute, newSlots, type Route, type Slots } from './route.js';
import { removalReliefs } from './slot-bounds.js';
import { EPS, excluded, refresh, type State } from './state.js';

/**
 * A cross-route ejection (an ejection chain of depth two): the left-out visit `u` enters day `a`
 * at `pu` of a's route without its visit `v` (at index `i`), and `v` moves to day `b` at `pv`.
 * The solution gains u's weight and loses nothing.
 */
export interface Ejection {
  u: number;
  a: number;
  i: number;
  pu: number;
  v: number;
  b: number;
  pv: number;
  /** The weight the move adds (u's): what the solution's weight grows by. */
  gain: number;
}

/** Whether the move can run on the model: static travel with one window per visit and day, no budget, 2+ days. */
export function ejectionApplies(m: Model): boolean {
  return m.fast && m.matrix !== null && m.budget === Infinity && m.dayCount >= 2;
}

interface Buffers {
  /** Per day, the current route's insertion data (the relocation targets). */
  days: Slots[];
  /** The route of day a without one of its visits, and its insertion data. */
  tmp: Route;
  tmpSlots: Slots;
  /** Per visit, the day and position where it fits with the least delay on a day other than its own (-1: none). */
  toDay: Int32Array;
  toPos: Int32Array;
  toShift: Float64Array;
  /** The day memo's versions of the routes where the last search found no move (0: none yet). */
  failedAt: Uint32Array;
  /** The left-out visits open on the day being searched. */
  left: number[];
}

const buffers = new WeakMap<Model, Buffers>();

function buffersOf(m: Model): Buffers {
  let b = buffers.get(m);
  if (b === undefined) {
    b = {
      days: Array.from({ length: m.dayCount }, () => newSlots(32)),
      tmp: newRoute(0, 0, 0),
      tmpSlots: newSlots(32),
      toDay: new Int32Array(m.visitCount),
      toPos: new Int32Array(m.visitCount),
      toShift: new Float64Array(m.visitCount),
      failedAt: new Uint32Array(m.dayCount),
      left: [],
    };
    buffers.set(m, b);
  }
  return b;
}

/**
 * The best cross-route ejection in `s`, or null when there is none: the heaviest left-out
 * visit that fits on some day once one of that day's visits moves to another day where it fits
 * (the least delay to the two days breaks ties, then the first met). The swap move
 * (insertion.ts replaceMove) already takes a left-out visit heavier than the one it drops, and the
 * greedy insertion puts the dropped one back where it fits; this move also takes a left-out visit
 * no heavier than the one making room, which then stays in the solution on another day.
 *
 * Granular, so that it can run every iteration on problems of a few hundred visits: a visit is a
 * candidate to make room only when it fits on another day as that day is (one windowed scan per
 * visit and day, the route's slack bookkeeping); the left-out visits are tried heaviest first,
 * each only at the positions its window allows, stopping at the first lighter than the best found.
 * On the integral fast model a left-out visit whose misses at the route's other positions exceed
 * what taking the visit out can relieve (slot-bounds.ts removalReliefs, as the swap move) is tested
 * only in the gap it leaves, in O(1), and the shorter route is built only for the others; and routes
 * where no move was found (the day memo's versions) are not searched again. `bounds` false scans
 * every shorter route in full and keeps no memo (the specs' reference: the same answers).
 * Fast model only (ejectionApplies).
 */
export function findEjection(m: Model, s: State, bounds = true): Ejection | null {
  if (!ejectionApplies(m)) return null;
  const D = m.dayCount;
  const buf = buffersOf(m);
  if (!bounds) return searchEjection(m, s, buf, false);
  // The routes decide the left-out visits too: on routes where no move was found, none is.
  const memo = dayMemo(m)!;
  let same = true;
  for (let d = 0; d < D; d++) {
    const version = routeVersion(memo, s.routes[d]!);
    if (buf.failedAt[d] !== version) same = false;
    buf.failedAt[d] = version;
  }
  if (same) return null;
  const e = searchEjection(m, s, buf, true);
  // Remember these routes only as a failure (a found move changes them anyway).
  if (e !== null) buf.failedAt.fill(0);
  return e;
}

function searchEjection(m: Model, s: State, buf: Buffers, bounds: boolean): Ejection | null {
  const D = m.dayCount;
  const pick = newSlotPick();
  for (let b = 0; b < D; b++) if (s.routes[b]!.feasible) fillSlots(m, s.routes[b]!, buf.days[b]!);
  // Where each routed visit would go on another day, as the days are.
  let movable = 0;
  for (let a = 0; a < D; a++) {
    const ra = s.routes[a]!;
    for (const v of ra.visits) {
      buf.toDay[v] = -1;
      buf.toShift[v] = Infinity;
      for (let b = 0; b < D; b++) {
        if (b === a || !s.routes[b]!.feasible || m.windows[v]![b]!.length === 0) continue;
        leastShiftSlot(m, buf.days[b]!, v, pick);
        if (pick.pos >= 0 && pick.shift < buf.toShift[v]!) {
          buf.toDay[v] = b;
          buf.toPos[v] = pick.pos;
          buf.toShift[v] = pick.shift;
        }
      }
      if (buf.toDay[v]! >= 0) movable++;
    }
  }
  if (movable === 0) return null;
  let best: Ejection | null = null;
  let bestShift = Infinity;
  const tmp = buf.tmp;
  const T = m.matrix!;
  const P = m.placeCount;
  const scan = scanBuffers(m);
  const whole = scan.whole;
  const bounded = bounds && dayMemo(m)!.integral;
  const range: SlotWindow = { lo: 0, hi: -1 };
  const left = buf.left;
  for (let a = 0; a < D; a++) {
    const ra = s.routes[a]!;
    const n = ra.visits.length;
    if (!ra.feasible || n === 0) continue;
    // The left-out visits open on day a, heaviest first: nothing lighter than the best found can win.
    left.length = 0;
    for (const u of m.openOn[a]!) if (s.where[u]! < 0 && m.weight[u]! > 0) left.push(u);
    if (left.length === 0 || (best !== null && m.weight[left[0]!]! < best.gain - EPS)) continue;
    let rb: SwapBuffers | undefined;
    let most = 0;
    if (bounded) {
      fillSlots(m, ra, whole);
      rb = swapBuffers(scan, n, left.length);
      most = removalReliefs(m, ra, whole, rb);
      rb.known.fill(0, 0, left.length);
    }
    for (let i = 0; i < n; i++) {
      const v = ra.visits[i]!;
      if (buf.toDay[v]! < 0 || (rb !== undefined && rb.fits[i] === 0)) continue;
      if (best !== null && m.weight[left[0]!]! < best.gain - EPS) break;
      let built = false;
      const build = (): void => {
        tmp.day = a;
        tmp.start = ra.start;
        tmp.end = ra.end;
        tmp.visits.length = 0;
        for (let k = 0; k < n; k++) if (k !== i) tmp.visits.push(ra.visits[k]!);
        computeRoute(m, tmp);
        fillSlots(m, tmp, buf.tmpSlots);
        built = true;
      };
      if (rb === undefined) {
        build();
        if (!tmp.feasible) continue;
      }
      for (let j = 0; j < left.length; j++) {
        const u = left[j]!;
        const w = m.weight[u]!;
        if (best !== null && w < best.gain - EPS) break;
        if (excluded(m, s, u)) continue;
        let pos = -1;
        let shift = Infinity;
        if (rb !== undefined && !nearOutsideGap(m, whole, rb, u, j, i, most, range)) {
          // u can fit only in the gap v leaves: the O(1) test on a's own schedule (as swapBounded).
          if (i + 1 < rb.lo[j]! || i > rb.hi[j]!) continue;
          const k = u * D + a;
          const q = m.place[u]!;
          const arrive = whole.dep[i]! + T[whole.prev[i]! * P + q]!;
          if (arrive > m.winClose[k]!) continue;
          const done = (arrive > m.winOpen[k]! ? arrive : m.winOpen[k]!) + m.duration[u]! + T[q * P + whole.next[i + 1]!]!;
          if (done > whole.arr[i + 1]! + whole.slack[i + 1]!) continue;
          pos = i;
          shift = done - rb.bridged[i]!;
        } else {
          if (!built) build();
          leastShiftSlot(m, buf.tmpSlots, u, pick);
          pos = pick.pos;
          shift = pick.shift;
        }
        if (pos < 0) continue;
        const total = shift + buf.toShift[v]!;
        if (best === null || w > best.gain + EPS || total < bestShift) {
          best = { u, a, i, pu: pos, v, b: buf.toDay[v]!, pv: buf.toPos[v]!, gain: w };
          bestShift = total;
        }
        // Lighter candidates cannot beat this one on this shorter route.
        break;
      }
    }
  }
  return best;
}

/** Makes the move: day a without v and with u, day b with v. */
export function applyEjection(m: Model, s: State, e: Ejection): void {
  const ra = s.routes[e.a]!;
  ra.visits.splice(e.i, 1);
  insertAt(m, ra, e.u, e.pu);
  insertAt(m, s.routes[e.b]!, e.v, e.pv);
  s.where[e.u] = e.a;
  s.where[e.v] = e.b;
  refresh(m, s);
}

/** Finds and makes the best cross-route ejection; returns the weight gained (0 when there was none). */
export function ejectAcross(m: Model, s: State): number {
  const e = findEjection(m, s);
  if (e === null) return 0;
  applyEjection(m, s, e);
  return e.gain;
}
