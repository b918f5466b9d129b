import {
  bestRatioMargin, bestRatioSlot, leastShiftSlot, nearOutsideGap, newSlotPick, ratioInRange, type SlotWindow,
} from './best-slot.js';
import { dayMemo, routeVersion, scanBuffers, swapBuffers } from './insertion-cache.js';
import type { Model } from './model.js';
import type { Random } from './random.js';
import {
  cloneRoute, computeRoute, fillSlots, insertAt, insertionCost, insertionShift, newRoute, removeAt, slotShifts, type Route,
} from './route.js';
import { removalReliefs } from './slot-bounds.js';
import { EPS, excluded, refresh, type State } from './state.js';

/**
 * Repeatedly inserts the visit with the best weight²/shift ratio (Vansteenwegen
 * et al. 2009), the ratio scaled by up to 1 + `noise` at random; a negative
 * `noise` inserts in random order instead (each visit at its best place). Each day's best insertion per visit is cached and only the day
 * that changed is rescanned (all days when a budget couples them); between calls the
 * day memo (insertion-cache.ts) keeps the answers for days whose route did not change.
 * On the integral fast model (slot-bounds.ts) a rescan of a changed day checks only the
 * changed part of the route for a visit that fitted nowhere on it before by more than the
 * change can make up; `bounds` false scans in full (the specs' reference: the same answers).
 */
export function insertGreedy(m: Model, s: State, rng: Random, noise: number, bounds = true): void {
  const D = m.dayCount;
  const V = m.visitCount;
  // Views into one allocation each: this runs several times per iteration.
  // Every day is scanned (and its ratios reset) before they are read.
  const { ratios, places, slots } = scanBuffers(m);
  const ratio: Float64Array[] = [];
  const pos: Int32Array[] = [];
  for (let d = 0; d < D; d++) {
    ratio.push(ratios.subarray(d * V, (d + 1) * V));
    pos.push(places.subarray(d * V, (d + 1) * V));
  }
  const fast = m.fast;
  const sl = slots[0]!;
  const memo = dayMemo(m);
  const pick = newSlotPick();
  // On the integral fast model a visit that fitted nowhere on the day's previous route, by a margin the
  // change cannot have made up, can only fit at the new positions (slot-bounds.ts).
  const margins = bounds && memo !== undefined && memo.integral;
  const scan = (d: number): void => {
    const r = s.routes[d]!;
    const rd = ratio[d]!;
    const pd = pos[d]!;
    rd.fill(-1);
    if (!r.feasible) return;
    const n = r.visits.length;
    const version = memo !== undefined ? routeVersion(memo, r) : 0;
    const from = margins ? memo.from[d]! : 0;
    let filled = false;
    // Indexed loops in this hot path: a for-of here allocated an iterator result per visit (V8 left them in).
    const open = m.openOn[d]!;
    for (let x = 0; x < open.length; x++) {
      const v = open[x]!;
      if (s.where[v]! >= 0 || excluded(m, s, v)) continue;
      const w = m.weight[v]!;
      if (w <= 0) continue;
      let best = -1;
      let bp = -1;
      const k = d * V + v;
      if (memo !== undefined && memo.bestAt[k] === version) {
        best = memo.ratio[k]!;
        bp = memo.pos[k]!;
      } else if (margins) {
        if (!filled) {
          fillSlots(m, r, sl);
          filled = true;
        }
        const known = from !== 0 && memo.bestAt[k] === from && memo.pos[k] === -1 && memo.margin[k]! > memo.relief[d]!;
        if (known) ratioInRange(m, sl, v, memo.changedFrom[d]!, memo.changedTo[d]!, w * w, pick);
        else bestRatioMargin(m, sl, v, w * w, pick);
        best = pick.ratio;
        bp = pick.pos;
        memo.bestAt[k] = version;
        memo.ratio[k] = best;
        memo.pos[k] = bp;
        memo.margin[k] = bp >= 0 ? 0 : known ? Math.min(memo.margin[k]! - memo.relief[d]!, pick.margin) : pick.margin;
      } else {
        if (fast && !filled) {
          fillSlots(m, r, sl);
          filled = true;
        }
        if (fast && m.budget === Infinity) {
          bestRatioSlot(m, sl, v, w * w, pick);
          best = pick.ratio;
          bp = pick.pos;
        } else {
          if (fast) slotShifts(m, sl, v);
          for (let p = 0; p <= n; p++) {
            const sh = fast ? sl.shift[p]! : insertionShift(m, r, v, p);
            if (sh === Infinity) continue;
            if (m.budget !== Infinity && s.cost + insertionCost(m, r, v, p) > m.budget + EPS) continue;
            const q = (w * w) / Math.max(sh, 1e-6);
            if (q > best) {
              best = q;
              bp = p;
            }
          }
        }
        if (memo !== undefined) {
          memo.bestAt[k] = version;
          memo.ratio[k] = best;
          memo.pos[k] = bp;
        }
      }
      if (bp >= 0) {
        rd[v] = noise < 0 ? rng.next() : noise > 0 ? best * (1 + noise * rng.next()) : best;
        pd[v] = bp;
      }
    }
  };
  for (let d = 0; d < D; d++) scan(d);
  for (;;) {
    let bestRatio = -1;
    let bv = -1;
    let bd = -1;
    for (let d = 0; d < D; d++) {
      const rd = ratio[d]!;
      const open = m.openOn[d]!;
      for (let x = 0; x < open.length; x++) {
        const v = open[x]!;
        // A visit the last insertion excluded keeps its stale ratio: skip it here.
        if (rd[v]! > bestRatio && s.where[v]! < 0 && !excluded(m, s, v)) {
          bestRatio = rd[v]!;
          bv = v;
          bd = d;
        }
      }
    }
    if (bv < 0) return;
    insertAt(m, s.routes[bd]!, bv, pos[bd]![bv]!);
    s.where[bv] = bd;
    refresh(m, s);
    if (m.budget !== Infinity) for (let d = 0; d < D; d++) scan(d);
    else scan(bd);
  }
}

/**
 * Swaps one visit for a left-out one of higher weight in the same route, if any fits.
 * A left-out visit that replaced none of a day's visits is not tried on that day
 * again until its route changes (the day memo): it would fail again. On the integral fast
 * model most (visit out, candidate) pairs are settled by bounds (swapBounded); `bounds` false
 * scans every pair (the specs' reference: the same answers).
 */
export function replaceMove(m: Model, s: State, bounds = true): boolean {
  const memo = dayMemo(m);
  const V = m.visitCount;
  // Written in place (a plain array emptied by `length = 0` dropped its storage and grew it again, per day and call).
  const all = scanBuffers(m).left;
  for (let d = 0; d < m.dayCount; d++) {
    const r = s.routes[d]!;
    if (!r.feasible) continue;
    const version = memo !== undefined ? routeVersion(memo, r) : 0;
    // The left-out visits open this day, heaviest first (openOn's order): the only candidates.
    let count = 0;
    const open = m.openOn[d]!;
    for (let x = 0; x < open.length; x++) {
      const v = open[x]!;
      if (s.where[v]! < 0 && (memo === undefined || memo.noSwapAt[d * V + v] !== version)) all[count++] = v;
    }
    if (count === 0) continue;
    const left = all.subarray(0, count);
    if (bounds && memo !== undefined && memo.integral ? swapBounded(m, s, d, left) : swapScanned(m, s, d, left)) return true;
    // Not for a visit an exclusion kept out: it may fit once the visit excluding it leaves another day.
    if (memo !== undefined) for (let x = 0; x < left.length; x++) if (!excluded(m, s, left[x]!)) memo.noSwapAt[d * V + left[x]!] = version;
  }
  return false;
}

/**
 * The swap move's choice for one visit out: the heaviest candidate that fits (weights within EPS
 * count as equal), then the least shift, then the first met. Starts at the visit out's weight.
 */
interface SwapChoice {
  w: number;
  shift: number;
  v: number;
  p: number;
}

function offer(c: SwapChoice, w: number, shift: number, v: number, p: number): void {
  if (w > c.w + EPS || shift < c.shift) {
    c.w = w;
    c.shift = shift;
    c.v = v;
    c.p = p;
  }
}

/** Takes r's visit at i out and puts v in at p, as the swap move found it. */
function swap(m: Model, s: State, tmp: Route, d: number, out: number, v: number, p: number): void {
  insertAt(m, tmp, v, p);
  s.routes[d] = cloneRoute(tmp);
  s.where[out] = -1;
  s.where[v] = d;
  refresh(m, s);
}

/** The route r without its visit at i, in `into`. */
function without(m: Model, r: Route, i: number, into: Route): Route {
  into.visits.length = 0;
  for (let k = 0; k < r.visits.length; k++) if (k !== i) into.visits.push(r.visits[k]!);
  computeRoute(m, into);
  return into;
}

/** replaceMove on day d: for each of its visits in turn, the route without it scanned for every candidate. */
function swapScanned(m: Model, s: State, d: number, left: Int32Array): boolean {
  const fast = m.fast;
  const sl = scanBuffers(m).slots[1]!;
  const pick = newSlotPick();
  const r = s.routes[d]!;
  const heaviest = m.weight[left[0]!]!;
  const tmp = newRoute(d, r.start, r.end);
  const c: SwapChoice = { w: 0, shift: Infinity, v: -1, p: -1 };
  for (let i = 0; i < r.visits.length; i++) {
    const out = r.visits[i]!;
    const wOut = m.weight[out]!;
    if (heaviest < wOut + EPS) continue;
    without(m, r, i, tmp);
    if (!tmp.feasible) continue;
    const baseCost = s.cost - r.cost + tmp.cost;
    c.w = wOut + EPS;
    c.shift = Infinity;
    c.v = -1;
    if (fast) fillSlots(m, tmp, sl);
    for (let x = 0; x < left.length; x++) {
      const v = left[x]!;
      const w = m.weight[v]!;
      if (w < c.w) break;
      if (excluded(m, s, v, out)) continue;
      if (fast && m.budget === Infinity) {
        // The same choice as the loop below, which takes v's least shift (its first position).
        leastShiftSlot(m, sl, v, pick);
        if (pick.pos >= 0) offer(c, w, pick.shift, v, pick.pos);
        continue;
      }
      if (fast) slotShifts(m, sl, v);
      for (let p = 0; p <= tmp.visits.length; p++) {
        const sh = fast ? sl.shift[p]! : insertionShift(m, tmp, v, p);
        if (sh === Infinity) continue;
        if (m.budget !== Infinity && baseCost + insertionCost(m, tmp, v, p) > m.budget + EPS) continue;
        offer(c, w, sh, v, p);
      }
    }
    if (c.v >= 0) {
      swap(m, s, tmp, d, out, c.v, c.p);
      return true;
    }
  }
  return false;
}

/**
 * swapScanned on the integral fast model, with the same answer, for a fraction of the work.
 * Taking visit i out of r makes a position easier by at most its relief (slot-bounds.ts: how much
 * earlier the departure before it, or later the latest arrival after it, can become), and a
 * candidate misses r's positions by amounts measured once, when it is first tried (its misses).
 * Where every position but the new one (from the node before i to the node after it) is missed
 * by more than its relief, the candidate can fit only there: an O(1) test on r's schedule. Only
 * the other (visit out, candidate) pairs scan the shorter route, built only for them.
 */
function swapBounded(m: Model, s: State, d: number, left: Int32Array): boolean {
  const T = m.matrix!;
  const P = m.placeCount;
  const D = m.dayCount;
  const buffers = scanBuffers(m);
  const sl = buffers.slots[1]!;
  const whole = buffers.whole;
  const pick = newSlotPick();
  const r = s.routes[d]!;
  const n = r.visits.length;
  if (n === 0) return false;
  const heaviest = m.weight[left[0]!]!;
  fillSlots(m, r, whole);
  const b = swapBuffers(buffers, n, left.length);
  const { dep, prev, next, arr, slack } = whole;
  const most = removalReliefs(m, r, whole, b);
  b.known.fill(0, 0, left.length);
  const range: SlotWindow = { lo: 0, hi: -1 };
  const tmp = newRoute(d, r.start, r.end);
  const c: SwapChoice = { w: 0, shift: Infinity, v: -1, p: -1 };
  for (let i = 0; i < n; i++) {
    const out = r.visits[i]!;
    const wOut = m.weight[out]!;
    if (heaviest < wOut + EPS || b.fits[i] === 0) continue;
    c.w = wOut + EPS;
    c.shift = Infinity;
    c.v = -1;
    let built = false;
    for (let j = 0; j < left.length; j++) {
      const v = left[j]!;
      const w = m.weight[v]!;
      if (w < c.w) break;
      if (excluded(m, s, v, out)) continue;
      const scan = nearOutsideGap(m, whole, b, v, j, i, most, range);
      if (!scan) {
        // Only the new position can take v; v's window holds it only when i + 1 >= lo and i <= hi.
        if (i + 1 < b.lo[j]! || i > b.hi[j]!) continue;
        const k = v * D + d;
        const q = m.place[v]!;
        const a = dep[i]! + T[prev[i]! * P + q]!;
        if (a > m.winClose[k]!) continue;
        const done = (a > m.winOpen[k]! ? a : m.winOpen[k]!) + m.duration[v]! + T[q * P + next[i + 1]!]!;
        if (done > arr[i + 1]! + slack[i + 1]!) continue;
        // insertionShift on the route without visit i, at i: the same sums from r's schedule.
        offer(c, w, done - b.bridged[i]!, v, i);
        continue;
      }
      if (!built) {
        without(m, r, i, tmp);
        fillSlots(m, tmp, sl);
        built = true;
      }
      leastShiftSlot(m, sl, v, pick);
      if (pick.pos >= 0) offer(c, w, pick.shift, v, pick.pos);
    }
    if (c.v >= 0) {
      if (!built) without(m, r, i, tmp);
      swap(m, s, tmp, d, out, c.v, c.p);
      return true;
    }
  }
  return false;
}

/** Problems this small get the exhaustive one-step ejection move in the final polish. */
export const EJECT_MAX_VISITS = 12;

/**
 * Puts a left-out visit into a day by moving one of that day's visits to
 * another day (an ejection chain of length one): the move that frees a day
 * for a visit open only then, when a flexible visit took its place. Costs
 * O(visits² × days²) schedule checks, so the solver runs it only in the
 * final polish, and on small problems only.
 */
export function ejectInsert(m: Model, s: State): boolean {
  const D = m.dayCount;
  if (D < 2) return false;
  for (let v = 0; v < m.visitCount; v++) {
    if (s.where[v]! >= 0 || m.weight[v]! <= 0 || excluded(m, s, v)) continue;
    for (let d = 0; d < D; d++) {
      const r = s.routes[d]!;
      if (m.windows[v]![d]!.length === 0 || !r.feasible) continue;
      for (let i = 0; i < r.visits.length; i++) {
        const u = r.visits[i]!;
        const without = cloneRoute(r);
        removeAt(m, without, i);
        if (!without.feasible) continue;
        const pv = bestPlace(m, without, v);
        if (pv < 0) continue;
        const withV = cloneRoute(without);
        insertAt(m, withV, v, pv);
        if (!withV.feasible) continue;
        for (let e = 0; e < D; e++) {
          const re = s.routes[e]!;
          if (e === d || m.windows[u]![e]!.length === 0 || !re.feasible) continue;
          const pu = bestPlace(m, re, u);
          if (pu < 0) continue;
          const withU = cloneRoute(re);
          insertAt(m, withU, u, pu);
          if (!withU.feasible) continue;
          if (m.budget !== Infinity && s.cost - r.cost - re.cost + withV.cost + withU.cost > m.budget + EPS) continue;
          s.routes[d] = withV;
          s.routes[e] = withU;
          s.where[v] = d;
          s.where[u] = e;
          refresh(m, s);
          return true;
        }
      }
    }
  }
  return false;
}

/** The position where inserting v delays the route least, or -1 when it fits nowhere. */
function bestPlace(m: Model, r: Route, v: number): number {
  let best = Infinity;
  let at = -1;
  for (let p = 0; p <= r.visits.length; p++) {
    const sh = insertionShift(m, r, v, p);
    if (sh < best) {
      best = sh;
      at = p;
    }
  }
  return at;
}
