import type { Model } from './model.js';
import type { Random } from './random.js';
import { windowShifts, type SlotWindow } from './best-slot.js';
import { improveBetweenDays } from './cross-route.js';
import { dayMemo, routeVersion, scanBuffers, type DayMemo } from './insertion-cache.js';
import { insertGreedy, replaceMove } from './insertion.js';
import { improveEnds, repair } from './lodging.js';
import {
  cloneRoute, computeRoute, fillSlots, finishOf, finishWithout, insertAt, insertionCost, insertionShift, newRoute, removeAt,
  type Route, type Slots,
} from './route.js';
import { fillRouteTail, newRouteTail, segmentFinish } from './route-tail.js';
import { integralTimes } from './slot-bounds.js';
import { EPS, refresh, type State } from './state.js';

/** Removes a random run of consecutive visits from each route (the ILS shake). */
export function shake(m: Model, s: State, rng: Random, strength: number): void {
  for (const r of s.routes) {
    const n = r.visits.length;
    if (n === 0) continue;
    const k = 1 + rng.int(Math.max(1, Math.ceil(n * strength)));
    const from = rng.int(n);
    const removed = r.visits.splice(from, Math.min(k, n - from));
    if (from + k > n) removed.push(...r.visits.splice(0, from + k - n));
    for (const v of removed) s.where[v] = -1;
    computeRoute(m, r);
    if (!r.feasible) repair(m, s, r.day);
  }
  refresh(m, s);
}

/**
 * Fills the days by ratio insertion, then repeats while a move helps: a visit
 * moved to another day to save time, a visit swapped for a heavier one, a
 * lodging that saves time (only the `days` given may change their end), and,
 * with static travel, a day shortened by 2-opt/or-opt (room for more visits)
 * and, when `betweenDays`, two days shortened together by a swap or 2-opt*
 * (the solver asks for these when every day's end is fixed, as in TOPTW: with
 * lodging choice the lodging moves already reshape the days).
 */
export function localSearch(
  m: Model, s: State, rng: Random, noise: number, days: readonly number[], betweenDays = false,
): void {
  for (let guard = 0; guard < 1000; guard++) {
    insertGreedy(m, s, rng, noise);
    if (relocateBetween(m, s)) insertGreedy(m, s, rng, noise);
    if (replaceMove(m, s)) continue;
    if (days.length > 0 && improveEnds(m, s, days)) continue;
    // Shorter days make room: with static travel, 2-opt/or-opt every day, then insert again.
    if (m.matrix !== null) {
      let shorter = false;
      for (let d = 0; d < m.dayCount; d++) if (tightenRoute(m, s, d)) shorter = true;
      if (shorter) continue;
      if (betweenDays && improveBetweenDays(m, s)) continue;
    }
    return;
  }
}

function trial(m: Model, r: Route, visits: number[], into: Route): Route {
  into.start = r.start;
  into.end = r.end;
  into.visits = visits;
  computeRoute(m, into);
  return into;
}

function accepts(m: Model, s: State, r: Route, t: Route): boolean {
  if (!t.feasible || !(t.finish < r.finish - EPS)) return false;
  return m.budget === Infinity || s.cost - r.cost + t.cost <= m.budget + EPS;
}

/**
 * Shortens one day without changing its visits: 2-opt reversals and moves of
 * runs of 1–3 visits (or-opt), first improvement. With a travel matrix a move
 * is only tried when it shortens the travel (an O(1) test); the schedule is
 * then recomputed, which is exact with time windows and timetabled legs.
 * On the integral fast model (slot-bounds.ts) a candidate's finish is found by
 * timing only the visits it reorders and reading the rest off the route's tail
 * (route-tail.ts), before any candidate order is built; `tails` false replays the
 * day instead (the specs' reference: the same answers).
 */
export function tightenRoute(m: Model, s: State, d: number, tails = true): boolean {
  // A day found a local optimum of these moves stays one while its route is unchanged.
  const memo = dayMemo(m);
  if (memo !== undefined && memo.tightAt[d] === routeVersion(memo, s.routes[d]!)) return false;
  let improved = false;
  const T = m.matrix;
  const P = m.placeCount;
  const scratch = tightScratch;
  scratch.day = d;
  const cand: number[] = [];
  const exact = tails && integralTimes(m);
  const tail = exact ? tailBuffers[0]! : undefined;
  // The reordered stretch a candidate puts in place (seg[0..segLength)).
  let seg: Int32Array = segment;
  let segLength = 0;
  // The route being shortened (each pass takes the day's current one), its visits and their places by
  // position, the day's start at -1 and its end at n (pls, at offset 1).
  let r = s.routes[d]!;
  let v = r.visits;
  let n = v.length;
  let pls: Int32Array = places;
  const pl = (i: number): number => pls[i + 1]!;
  const tt = (a: number, b: number): number => (T === null ? 0 : T[a * P + b]!);
  // The candidate order is built in `cand` (reused); it differs from v only in [from, same).
  const put = (a: number, b: number): void => {
    for (let x = a; x < b; x++) cand.push(v[x]!);
  };
  const take = (): boolean => {
    const t = trial(m, r, cand.slice(), scratch);
    if (!accepts(m, s, r, t)) return false;
    s.routes[d] = cloneRoute(t);
    return true;
  };
  const tryMove = (from: number, same: number): boolean => {
    // Nearly every candidate fails: test its finish on the changed part before building a route.
    if (!(finishOf(m, r, cand, from, same) < r.finish - EPS)) return false;
    return take();
  };
  // With the route's tail: the finish from the reordered visits alone (seg, from..same-1), and
  // only for a shorter day the order built (from seg: the stretch tested is the stretch taken).
  const shorter = (from: number, same: number): boolean => segmentFinish(m, r, tail!, seg, segLength, from, same) < r.finish - EPS;
  const takeStretch = (from: number, same: number): boolean => {
    cand.length = 0;
    put(0, from);
    for (let x = 0; x < segLength; x++) cand.push(seg[x]!);
    put(same, n);
    return take();
  };
  for (let again = true; again; ) {
    again = false;
    r = s.routes[d]!;
    v = r.visits;
    n = v.length;
    if (n < 2) break;
    const merge = tail !== undefined && r.feasible;
    if (merge) fillRouteTail(m, r, tail);
    pls = placeBuffer(n + 2);
    pls[0] = r.start;
    for (let x = 0; x < n; x++) pls[x + 1] = m.place[v[x]!]!;
    pls[n + 1] = r.end;
    search: {
      for (let i = 0; i < n - 1; i++) {
        let fwd = 0;
        let rev = 0;
        for (let j = i + 1; j < n; j++) {
          const a = pl(j - 1);
          const b = pl(j);
          fwd += tt(a, b);
          rev += tt(b, a);
          if (T !== null) {
            const delta = tt(pl(i - 1), b) + rev + tt(pl(i), pl(j + 1)) - tt(pl(i - 1), pl(i)) - fwd - tt(b, pl(j + 1));
            if (!(delta < -EPS)) continue;
          }
          if (merge) {
            seg = segmentBuffer(n);
            segLength = 0;
            for (let x = j; x >= i; x--) seg[segLength++] = v[x]!;
            if (!shorter(i, j + 1)) continue;
            if (takeStretch(i, j + 1)) {
              again = true;
              break search;
            }
            continue;
          }
          cand.length = 0;
          put(0, i);
          for (let x = j; x >= i; x--) cand.push(v[x]!);
          put(j + 1, n);
          if (tryMove(i, j + 1)) {
            again = true;
            break search;
          }
        }
      }
      for (let len = 1; len <= 3; len++) {
        for (let i = 0; i + len <= n; i++) {
          const first = pl(i);
          const last = pl(i + len - 1);
          const gain = tt(pl(i - 1), first) + tt(last, pl(i + len)) - tt(pl(i - 1), pl(i + len));
          for (let k = -1; k < n; k++) {
            // Insert the run between positions k and k+1 of the original route (outside the run).
            if (k >= i - 1 && k < i + len) continue;
            if (T !== null) {
              const add = tt(pl(k), first) + tt(last, pl(k + 1)) - tt(pl(k), pl(k + 1));
              if (!(add - gain < -EPS)) continue;
            }
            if (merge) {
              seg = segmentBuffer(n);
              segLength = 0;
              if (k < i) {
                for (let x = i; x < i + len; x++) seg[segLength++] = v[x]!;
                for (let x = k + 1; x < i; x++) seg[segLength++] = v[x]!;
              } else {
                for (let x = i + len; x <= k; x++) seg[segLength++] = v[x]!;
                for (let x = i; x < i + len; x++) seg[segLength++] = v[x]!;
              }
              const from = k < i ? k + 1 : i;
              const same = k < i ? i + len : k + 1;
              if (!shorter(from, same)) continue;
              if (takeStretch(from, same)) {
                again = true;
                break search;
              }
              continue;
            }
            cand.length = 0;
            if (k < i) {
              put(0, k + 1);
              put(i, i + len);
              put(k + 1, i);
              put(i + len, n);
            } else {
              put(0, i);
              put(i + len, k + 1);
              put(i, i + len);
              put(k + 1, n);
            }
            if (k < i ? tryMove(k + 1, i + len) : tryMove(i, k + 1)) {
              again = true;
              break search;
            }
          }
        }
      }
    }
    if (again) improved = true;
  }
  if (memo !== undefined) memo.tightAt[d] = routeVersion(memo, s.routes[d]!);
  if (improved) refresh(m, s);
  return improved;
}

// Scratch for the moves here (none re-enters): a candidate route, route tails, a reordered stretch, a route's places.
const tightScratch = newRoute(0, 0, 0);
const tailBuffers = [newRouteTail(64), newRouteTail(64)];
let segment = new Int32Array(64);
let places = new Int32Array(66);

function segmentBuffer(k: number): Int32Array {
  if (segment.length < k) segment = new Int32Array(2 * k);
  return segment;
}

function placeBuffer(k: number): Int32Array {
  if (places.length < k) places = new Int32Array(2 * k);
  return places;
}

/**
 * Moves one visit to another day when that shortens the two days together.
 * With `tails` (the default), on the integral fast model the finish without the
 * visit is read off its route's tail (route-tail.ts) instead of replayed, and a
 * visit whose least insertion shift on an unchanged day was already measured
 * (the day memo) skips that day when it cannot gain; `tails` false is the
 * specs' reference (the same answers).
 */
export function relocateBetween(m: Model, s: State, tails = true): boolean {
  const D = m.dayCount;
  if (D < 2) return false;
  // No route changes before the move returns, so each day's slots are taken once, when first needed.
  const slots: (Slots | undefined)[] = [];
  const daySlots = (b: number): Slots => {
    let sl = slots[b];
    if (sl === undefined) {
      sl = slots[b] = scanBuffers(m).slots[2 + b]!;
      fillSlots(m, s.routes[b]!, sl);
    }
    return sl;
  };
  // A pair of days (a, b) where no move from a to b helped is skipped until one of them changes.
  const memo = dayMemo(m);
  const versions = memo !== undefined ? dayVersions(memo, s, D) : null;
  const range: SlotWindow = { lo: 0, hi: -1 };
  const known = (a: number, b: number): boolean => versions !== null && memo!.relocA[a * D + b] === versions[a] && memo!.relocB[a * D + b] === versions[b];
  const exact = tails && integralTimes(m);
  const tail = tailBuffers[0]!;
  // Per day × visit, the least insertion shift at the day's version (the memo's, fast model only).
  const least = tails && m.fast && memo !== undefined ? memo : undefined;
  const V = m.visitCount;
  for (let a = 0; a < D; a++) {
    const ra = s.routes[a]!;
    let open = false;
    for (let b = 0; b < D && !open; b++) if (b !== a && !known(a, b)) open = true;
    if (!open) continue;
    const merge = exact && ra.feasible;
    if (merge) fillRouteTail(m, ra, tail);
    for (let i = 0; i < ra.visits.length; i++) {
      const v = ra.visits[i]!;
      if (m.matrix !== null) {
        const P = m.placeCount;
        const prev = i === 0 ? ra.start : m.place[ra.visits[i - 1]!]!;
        const next = i + 1 === ra.visits.length ? ra.end : m.place[ra.visits[i + 1]!]!;
        const q = m.place[v]!;
        const travelGain = m.matrix[prev * P + q]! + m.duration[v]! + m.matrix[q * P + next]! - m.matrix[prev * P + next]!;
        if (!(travelGain > EPS)) continue;
      }
      // Most removals are rejected here: the shorter route is only built for a move that may be taken.
      const gain = ra.finish - (merge ? segmentFinish(m, ra, tail, segment, 0, i, i + 1) : finishWithout(m, ra, i));
      if (!(gain > EPS)) continue;
      // ra without v, built when first needed (rarely: most moves fail the tests before).
      let tmp: Route | undefined;
      for (let b = 0; b < D; b++) {
        if (b === a || m.windows[v]![b]!.length === 0 || known(a, b)) continue;
        const rb = s.routes[b]!;
        if (!rb.feasible) continue;
        const cell = b * V + v;
        // v fits nowhere on b with less delay than it saves on a: nothing to try.
        if (least !== undefined && least.relocAt[cell] === versions![b] && !(least.relocShift[cell]! < gain - EPS)) continue;
        const sl = m.fast ? daySlots(b) : undefined;
        // The fast model tries only the positions v's window allows (the others are infeasible).
        let from = 0;
        let to = rb.visits.length;
        if (sl !== undefined) {
          windowShifts(m, sl, v, range);
          from = range.lo;
          to = range.hi;
          if (least !== undefined) {
            let min = Infinity;
            for (let p = from; p <= to; p++) if (sl.shift[p]! < min) min = sl.shift[p]!;
            least.relocAt[cell] = versions![b]!;
            least.relocShift[cell] = min;
          }
        }
        for (let p = from; p <= to; p++) {
          const sh = sl !== undefined ? sl.shift[p]! : insertionShift(m, rb, v, p);
          if (sh === Infinity || !(sh < gain - EPS)) continue;
          if (m.budget !== Infinity) {
            tmp ??= without(m, ra, i);
            if (s.cost - ra.cost + tmp.cost + insertionCost(m, rb, v, p) > m.budget + EPS) continue;
          }
          const nb = cloneRoute(rb);
          insertAt(m, nb, v, p);
          if (!(nb.finish - rb.finish < gain - EPS)) continue;
          s.routes[a] = tmp ?? without(m, ra, i);
          s.routes[b] = nb;
          s.where[v] = b;
          refresh(m, s);
          return true;
        }
      }
    }
    if (versions !== null) {
      for (let b = 0; b < D; b++) {
        if (b === a) continue;
        memo!.relocA[a * D + b] = versions[a]!;
        memo!.relocB[a * D + b] = versions[b]!;
      }
    }
  }
  return false;
}

/** A copy of r without its visit at i. */
function without(m: Model, r: Route, i: number): Route {
  const t = cloneRoute(r);
  removeAt(m, t, i);
  return t;
}

/** Every day's route version (insertion-cache.ts), once: the moves here change no route before they return. */
function dayVersions(memo: DayMemo, s: State, D: number): Uint32Array {
  if (versionBuffer.length < D) versionBuffer = new Uint32Array(D);
  for (let d = 0; d < D; d++) versionBuffer[d] = routeVersion(memo, s.routes[d]!);
  return versionBuffer;
}

let versionBuffer = new Uint32Array(8);
