import type { Model } from './model.js';
import type { Random } from './random.js';
import { windowShifts, type SlotWindow } from './best-slot.js';
import { improveBetweenDays } from './cross-route.js';
import { dayMemo, markPair, pairKnown, routeVersion, scanBuffers } from './insertion-cache.js';
import { insertGreedy, replaceMove } from './insertion.js';
import { improveEnds, repair } from './lodging.js';
import {
  cloneRoute, computeRoute, fillSlots, finishOf, finishWithout, insertAt, insertionCost, insertionShift, newRoute, removeAt,
  type Route, type Slots,
} from './route.js';
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
 */
export function tightenRoute(m: Model, s: State, d: number): boolean {
  // A day found a local optimum of these moves stays one while its route is unchanged.
  const memo = dayMemo(m);
  if (memo !== undefined && memo.tightAt[d] === routeVersion(memo, s.routes[d]!)) return false;
  let improved = false;
  const T = m.matrix;
  const P = m.placeCount;
  const scratch = newRoute(d, 0, 0);
  const cand: number[] = [];
  for (let again = true; again; ) {
    again = false;
    const r = s.routes[d]!;
    const v = r.visits;
    const n = v.length;
    if (n < 2) break;
    const pl = (i: number): number => (i < 0 ? r.start : i >= n ? r.end : m.place[v[i]!]!);
    const tt = (a: number, b: number): number => (T === null ? 0 : T[a * P + b]!);
    // The candidate order is built in `cand` (reused); it differs from v only in [from, same).
    const put = (a: number, b: number): void => {
      for (let x = a; x < b; x++) cand.push(v[x]!);
    };
    const tryMove = (from: number, same: number): boolean => {
      // Nearly every candidate fails: test its finish on the changed part before building a route.
      if (!(finishOf(m, r, cand, from, same) < r.finish - EPS)) return false;
      const t = trial(m, r, cand.slice(), scratch);
      if (!accepts(m, s, r, t)) return false;
      s.routes[d] = cloneRoute(t);
      return true;
    };
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

/** Moves one visit to another day when that shortens the two days together. */
export function relocateBetween(m: Model, s: State): boolean {
  if (m.dayCount < 2) return false;
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
  const range: SlotWindow = { lo: 0, hi: -1 };
  const known = (a: number, b: number): boolean => memo !== undefined && pairKnown(memo, memo.relocA, memo.relocB, s.routes[a]!, s.routes[b]!);
  for (let a = 0; a < m.dayCount; a++) {
    const ra = s.routes[a]!;
    let open = false;
    for (let b = 0; b < m.dayCount && !open; b++) if (b !== a && !known(a, b)) open = true;
    if (!open) continue;
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
      const gain = ra.finish - finishWithout(m, ra, i);
      if (!(gain > EPS)) continue;
      let tmp: Route | undefined;
      const without = (): Route => {
        if (tmp === undefined) {
          tmp = cloneRoute(ra);
          removeAt(m, tmp, i);
        }
        return tmp;
      };
      for (let b = 0; b < m.dayCount; b++) {
        if (b === a || m.windows[v]![b]!.length === 0 || known(a, b)) continue;
        const rb = s.routes[b]!;
        if (!rb.feasible) continue;
        const sl = m.fast ? daySlots(b) : undefined;
        // The fast model tries only the positions v's window allows (the others are infeasible).
        let from = 0;
        let to = rb.visits.length;
        if (sl !== undefined) {
          windowShifts(m, sl, v, range);
          from = range.lo;
          to = range.hi;
        }
        for (let p = from; p <= to; p++) {
          const sh = sl !== undefined ? sl.shift[p]! : insertionShift(m, rb, v, p);
          if (sh === Infinity || !(sh < gain - EPS)) continue;
          if (m.budget !== Infinity && s.cost - ra.cost + without().cost + insertionCost(m, rb, v, p) > m.budget + EPS) continue;
          const nb = cloneRoute(rb);
          insertAt(m, nb, v, p);
          if (!(nb.finish - rb.finish < gain - EPS)) continue;
          s.routes[a] = without();
          s.routes[b] = nb;
          s.where[v] = b;
          refresh(m, s);
          return true;
        }
      }
    }
    if (memo !== undefined) for (let b = 0; b < m.dayCount; b++) if (b !== a) markPair(memo, memo.relocA, memo.relocB, ra, s.routes[b]!);
  }
  return false;
}
