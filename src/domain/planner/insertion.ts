import { bestRatioSlot, leastShiftSlot, newSlotPick } from './best-slot.js';
import { dayMemo, routeVersion, scanBuffers } from './insertion-cache.js';
import type { Model } from './model.js';
import type { Random } from './random.js';
import {
  cloneRoute, computeRoute, fillSlots, insertAt, insertionCost, insertionShift, newRoute, removeAt, slotShifts, type Route,
} from './route.js';
import { EPS, excluded, refresh, type State } from './state.js';

/**
 * Repeatedly inserts the visit with the best weight²/shift ratio (Vansteenwegen
 * et al. 2009), the ratio scaled by up to 1 + `noise` at random; a negative
 * `noise` inserts in random order instead (each visit at its best place). Each day's best insertion per visit is cached and only the day
 * that changed is rescanned (all days when a budget couples them); between calls the
 * day memo (insertion-cache.ts) keeps the answers for days whose route did not change.
 */
export function insertGreedy(m: Model, s: State, rng: Random, noise: number): void {
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
  const scan = (d: number): void => {
    const r = s.routes[d]!;
    const rd = ratio[d]!;
    const pd = pos[d]!;
    rd.fill(-1);
    if (!r.feasible) return;
    const n = r.visits.length;
    const version = memo !== undefined ? routeVersion(memo, r) : 0;
    let filled = false;
    for (const v of m.openOn[d]!) {
      if (s.where[v]! >= 0 || excluded(m, s, v)) continue;
      const w = m.weight[v]!;
      if (w <= 0) continue;
      let best = -1;
      let bp = -1;
      const k = d * V + v;
      if (memo !== undefined && memo.bestAt[k] === version) {
        best = memo.ratio[k]!;
        bp = memo.pos[k]!;
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
      for (const v of m.openOn[d]!) {
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
 * again until its route changes (the day memo): it would fail again.
 */
export function replaceMove(m: Model, s: State): boolean {
  const fast = m.fast;
  const sl = scanBuffers(m).slots[1]!;
  const left: number[] = [];
  const memo = dayMemo(m);
  const V = m.visitCount;
  const pick = newSlotPick();
  for (let d = 0; d < m.dayCount; d++) {
    const r = s.routes[d]!;
    if (!r.feasible) continue;
    const version = memo !== undefined ? routeVersion(memo, r) : 0;
    // The left-out visits open this day, heaviest first (openOn's order): the only candidates.
    left.length = 0;
    for (const v of m.openOn[d]!) if (s.where[v]! < 0 && (memo === undefined || memo.noSwapAt[d * V + v] !== version)) left.push(v);
    if (left.length === 0) continue;
    const heaviest = m.weight[left[0]!]!;
    const tmp = newRoute(d, r.start, r.end);
    for (let i = 0; i < r.visits.length; i++) {
      const out = r.visits[i]!;
      const wOut = m.weight[out]!;
      if (heaviest < wOut + EPS) continue;
      tmp.visits.length = 0;
      for (let k = 0; k < r.visits.length; k++) if (k !== i) tmp.visits.push(r.visits[k]!);
      computeRoute(m, tmp);
      if (!tmp.feasible) continue;
      const baseCost = s.cost - r.cost + tmp.cost;
      let bestW = wOut + EPS;
      let bv = -1;
      let bp = -1;
      let bestShift = Infinity;
      if (fast) fillSlots(m, tmp, sl);
      for (const v of left) {
        const w = m.weight[v]!;
        if (w < bestW) break;
        if (excluded(m, s, v, out)) continue;
        if (fast && m.budget === Infinity) {
          // The same choice as the loop below, which takes v's least shift (its first position).
          leastShiftSlot(m, sl, v, pick);
          if (pick.pos >= 0 && (w > bestW + EPS || pick.shift < bestShift)) {
            bestW = w;
            bestShift = pick.shift;
            bv = v;
            bp = pick.pos;
          }
          continue;
        }
        if (fast) slotShifts(m, sl, v);
        for (let p = 0; p <= tmp.visits.length; p++) {
          const sh = fast ? sl.shift[p]! : insertionShift(m, tmp, v, p);
          if (sh === Infinity) continue;
          if (m.budget !== Infinity && baseCost + insertionCost(m, tmp, v, p) > m.budget + EPS) continue;
          if (w > bestW + EPS || sh < bestShift) {
            bestW = w;
            bestShift = sh;
            bv = v;
            bp = p;
          }
        }
      }
      if (bv >= 0) {
        insertAt(m, tmp, bv, bp);
        s.routes[d] = cloneRoute(tmp);
        s.where[out] = -1;
        s.where[bv] = d;
        refresh(m, s);
        return true;
      }
    }
    // Not for a visit an exclusion kept out: it may fit once the visit excluding it leaves another day.
    if (memo !== undefined) for (const v of left) if (!excluded(m, s, v)) memo.noSwapAt[d * V + v] = version;
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
