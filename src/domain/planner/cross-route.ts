import { dayMemo, markPair, pairKnown } from './insertion-cache.js';
import type { Model } from './model.js';
import { computeRoute, departBefore, finishOf, newRoute, type Route } from './route.js';
import { finishReaching, fillRouteTail, newRouteTail, segmentFinish, type RouteTail } from './route-tail.js';
import { integralTimes } from './slot-bounds.js';
import { EPS, refresh, type State } from './state.js';

/**
 * Moves between two days that keep the same visits but make the two days
 * shorter together, so that the next insertion finds room: a visit of one day
 * exchanged with a visit of the other (swap), and the two days' tails
 * exchanged (2-opt*, Potvin & Rousseau). With several tours these are what the
 * one-day moves cannot do: a day full of far-apart visits hands them to the day
 * that passes near them. Static travel only: an O(1) travel test rejects nearly
 * every candidate before its schedule is replayed, which is exact with windows.
 * On the integral fast model (slot-bounds.ts) a candidate's two finishes are read off
 * the routes' tails (route-tail.ts) instead, and no candidate order is built before
 * both days are known to be shorter; `tails` false replays (the specs' reference).
 */
export function improveBetweenDays(m: Model, s: State, tails = true): boolean {
  if (m.matrix === null || m.dayCount < 2) return false;
  // A pair of days where neither move helped is skipped until one of them changes.
  const memo = dayMemo(m);
  for (let a = 0; a < m.dayCount; a++) {
    for (let b = a + 1; b < m.dayCount; b++) {
      if (memo !== undefined && pairKnown(memo, memo.pairA, memo.pairB, s.routes[a]!, s.routes[b]!)) continue;
      if (swapVisits(m, s, a, b, tails) || exchangeTails(m, s, a, b, tails)) return true;
      if (memo !== undefined) markPair(memo, memo.pairA, memo.pairB, s.routes[a]!, s.routes[b]!);
    }
  }
  return false;
}

function placeOf(m: Model, r: Route, i: number): number {
  return i < 0 ? r.start : i >= r.visits.length ? r.end : m.place[r.visits[i]!]!;
}

/** Replaces days a and b by the orders `va` and `vb` when that is feasible, in budget and shorter in total. */
function tryPair(m: Model, s: State, a: number, b: number, va: number[], vb: number[], fa: number, fb: number): boolean {
  const ra = s.routes[a]!;
  const rb = s.routes[b]!;
  if (!(fa + fb < ra.finish + rb.finish - EPS)) return false;
  const na = newRoute(a, ra.start, ra.end);
  na.visits = va;
  computeRoute(m, na);
  const nb = newRoute(b, rb.start, rb.end);
  nb.visits = vb;
  computeRoute(m, nb);
  if (!na.feasible || !nb.feasible) return false;
  if (m.budget !== Infinity && s.cost - ra.cost - rb.cost + na.cost + nb.cost > m.budget + EPS) return false;
  s.routes[a] = na;
  s.routes[b] = nb;
  for (const v of va) s.where[v] = a;
  for (const v of vb) s.where[v] = b;
  refresh(m, s);
  return true;
}

/** Exchanges one visit of day a with one of day b (first improvement). */
function swapVisits(m: Model, s: State, a: number, b: number, tails: boolean): boolean {
  const T = m.matrix!;
  const P = m.placeCount;
  const ra = s.routes[a]!;
  const rb = s.routes[b]!;
  if (!ra.feasible || !rb.feasible || ra.visits.length === 0 || rb.visits.length === 0) return false;
  const merge = tails && integralTimes(m);
  if (merge) {
    fillRouteTail(m, ra, tailA);
    fillRouteTail(m, rb, tailB);
  }
  const A = ra.visits.slice();
  const B = rb.visits.slice();
  for (let i = 0; i < A.length; i++) {
    const u = A[i]!;
    if (m.windows[u]![b]!.length === 0) continue;
    const qu = m.place[u]!;
    const pa = placeOf(m, ra, i - 1);
    const xa = placeOf(m, ra, i + 1);
    const outA = T[pa * P + qu]! + T[qu * P + xa]! + m.duration[u]!;
    for (let j = 0; j < B.length; j++) {
      const v = B[j]!;
      if (m.windows[v]![a]!.length === 0) continue;
      const qv = m.place[v]!;
      const pb = placeOf(m, rb, j - 1);
      const xb = placeOf(m, rb, j + 1);
      const inA = T[pa * P + qv]! + T[qv * P + xa]! + m.duration[v]!;
      const outB = T[pb * P + qv]! + T[qv * P + xb]! + m.duration[v]!;
      const inB = T[pb * P + qu]! + T[qu * P + xb]! + m.duration[u]!;
      if (!(inA - outA + inB - outB < -EPS)) continue;
      A[i] = v;
      one[0] = v;
      const fa = merge ? segmentFinish(m, ra, tailA, one, 1, i, i + 1) : finishOf(m, ra, A, i, i + 1);
      if (fa !== Infinity) {
        B[j] = u;
        one[0] = u;
        const fb = merge ? segmentFinish(m, rb, tailB, one, 1, j, j + 1) : finishOf(m, rb, B, j, j + 1);
        if (fb !== Infinity && tryPair(m, s, a, b, A, B, fa, fb)) return true;
        B[j] = v;
      }
      A[i] = u;
    }
  }
  return false;
}

/** Day a keeps its visits before i and takes day b's from j on, and the other way round (2-opt*). */
function exchangeTails(m: Model, s: State, a: number, b: number, tails: boolean): boolean {
  const T = m.matrix!;
  const P = m.placeCount;
  const ra = s.routes[a]!;
  const rb = s.routes[b]!;
  if (!ra.feasible || !rb.feasible) return false;
  const A = ra.visits;
  const B = rb.visits;
  // Days alike for every visit (same end, close and windows: TOPTW tours): a tail keeps its timing
  // on the other day, and each day's finish is read off the tail it takes.
  const merge = tails && integralTimes(m) && alikeDays(m, ra, rb);
  if (merge) {
    fillRouteTail(m, ra, tailA);
    fillRouteTail(m, rb, tailB);
  }
  for (let i = 0; i <= A.length; i++) {
    const pa = placeOf(m, ra, i - 1);
    const xa = placeOf(m, ra, i);
    const depA = merge ? departBefore(m, ra, i) : 0;
    for (let j = 0; j <= B.length; j++) {
      // Both cuts at the start or both at the end exchange nothing useful.
      if ((i === 0 && j === 0) || (i === A.length && j === B.length)) continue;
      const pb = placeOf(m, rb, j - 1);
      const xb = placeOf(m, rb, j);
      if (!(T[pa * P + xb]! + T[pb * P + xa]! - T[pa * P + xa]! - T[pb * P + xb]! < -EPS)) continue;
      if (merge) {
        const fa = finishReaching(rb, tailB, j, depA + T[pa * P + xb]!);
        if (fa === Infinity) continue;
        const fb = finishReaching(ra, tailA, i, departBefore(m, rb, j) + T[pb * P + xa]!);
        if (fb === Infinity || !(fa + fb < ra.finish + rb.finish - EPS)) continue;
        if (tryPair(m, s, a, b, [...A.slice(0, i), ...B.slice(j)], [...B.slice(0, j), ...A.slice(i)], fa, fb)) return true;
        continue;
      }
      const va = [...A.slice(0, i), ...B.slice(j)];
      const vb = [...B.slice(0, j), ...A.slice(i)];
      const fa = finishOf(m, ra, va, i, va.length + 1);
      if (fa === Infinity) continue;
      const fb = finishOf(m, rb, vb, j, vb.length + 1);
      if (fb !== Infinity && tryPair(m, s, a, b, va, vb, fa, fb)) return true;
    }
  }
  return false;
}

/**
 * Whether routes a and b end at the same place by the same close and every visit has the same
 * window on both days: then a stretch of visits is timed alike on either.
 */
function alikeDays(m: Model, ra: Route, rb: Route): boolean {
  if (ra.end !== rb.end || m.close[ra.day] !== m.close[rb.day]) return false;
  let alike = alikeMemo.get(m);
  if (alike === undefined) {
    const D = m.dayCount;
    alike = new Uint8Array(D * D);
    for (let x = 0; x < D; x++) {
      for (let y = 0; y < D; y++) {
        let same = true;
        for (let v = 0; v < m.visitCount && same; v++) {
          const k = v * D;
          same = m.winOpen[k + x] === m.winOpen[k + y] && m.winClose[k + x] === m.winClose[k + y];
        }
        alike[x * D + y] = same ? 1 : 0;
      }
    }
    alikeMemo.set(m, alike);
  }
  return alike[ra.day * m.dayCount + rb.day] === 1;
}

const alikeMemo = new WeakMap<Model, Uint8Array>();

// Scratch (nothing here re-enters): the two routes' tails and a one-visit stretch.
const tailA: RouteTail = newRouteTail(64);
const tailB: RouteTail = newRouteTail(64);
const one = new Int32Array(1);
