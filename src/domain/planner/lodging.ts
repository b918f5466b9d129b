import { arriveAt, windowFor, type Model } from './model.js';
import { cloneRoute, computeRoute, removeAt } from './route.js';
import { EPS, emptyOk, refresh, startOf, tripStart, type State } from './state.js';

/** Removes visits from an infeasible route until it is feasible (or empty). */
export function repair(m: Model, s: State, d: number): void {
  const r = s.routes[d]!;
  while (!r.feasible && r.visits.length > 0) {
    let pick = -1;
    let pickW = Infinity;
    for (let i = 0; i < r.visits.length; i++) {
      const tmp = cloneRoute(r);
      removeAt(m, tmp, i);
      const w = m.weight[r.visits[i]!]!;
      if (tmp.feasible && w < pickW) {
        pickW = w;
        pick = i;
      }
    }
    if (pick < 0) pick = Math.max(0, Math.min(r.failAt, r.visits.length - 1));
    const v = removeAt(m, r, pick);
    s.where[v] = -1;
  }
  refresh(m, s);
}

/** Days whose end can be chosen among several places. */
export function choiceDays(m: Model): number[] {
  const out: number[] = [];
  for (let d = 0; d < m.dayCount; d++) if (m.ends[d]!.length > 1) out.push(d);
  return out;
}

function setEnd(m: Model, s: State, d: number, h: number): void {
  const r = s.routes[d]!;
  r.end = h;
  computeRoute(m, r);
  if (d + 1 < m.dayCount && m.fixedStart[d + 1] === undefined) {
    const n = s.routes[d + 1]!;
    n.start = h;
    computeRoute(m, n);
  }
}

function chainedOk(m: Model, s: State, d: number, h: number): boolean {
  if (!emptyOk(m, d, s.routes[d]!.start, h)) return false;
  if (d + 1 < m.dayCount && m.fixedStart[d + 1] === undefined) return emptyOk(m, d + 1, h, s.routes[d + 1]!.end);
  return true;
}

/** Moves the lodging between day d and d+1 to another allowed place, then repairs both days. */
export function changeEnd(m: Model, s: State, d: number, h: number): boolean {
  if (h === s.routes[d]!.end || !chainedOk(m, s, d, h)) return false;
  setEnd(m, s, d, h);
  repair(m, s, d);
  if (d + 1 < m.dayCount) repair(m, s, d + 1);
  return true;
}

/**
 * With a budget, a lodging that saves money is as good as one that saves time
 * (money is what the next visit may lack): better is less cost, then less time.
 */
function cheaperOrFaster(s: State, timeBefore: number, costBefore: number, budget: number): boolean {
  if (s.cost > budget + EPS) return false;
  return s.cost < costBefore - EPS || (s.cost <= costBefore + EPS && s.time < timeBefore - EPS);
}

/** Tries every other lodging at every choice day; keeps one that saves time (or, with a budget, money) without losing visits. */
export function improveEnds(m: Model, s: State, days: readonly number[]): boolean {
  for (const d of days) {
    const cur = s.routes[d]!.end;
    for (const h of m.ends[d]!) {
      if (h === cur || !chainedOk(m, s, d, h)) continue;
      const before = s.time;
      const costBefore = s.cost;
      const a = cloneRoute(s.routes[d]!);
      const b = d + 1 < m.dayCount ? cloneRoute(s.routes[d + 1]!) : undefined;
      setEnd(m, s, d, h);
      const feasible = s.routes[d]!.feasible && (d + 1 >= m.dayCount || s.routes[d + 1]!.feasible);
      refresh(m, s);
      if (feasible && (m.budget === Infinity ? s.time < before - EPS : cheaperOrFaster(s, before, costBefore, m.budget))) return true;
      s.routes[d] = a;
      if (b !== undefined) s.routes[d + 1] = b;
      refresh(m, s);
    }
  }
  return false;
}

/**
 * Every feasible choice of day ends (when there are at most `limit`), best
 * first by the total weight of the visits each day could reach on its own from
 * its start to its end, each visit counted once: the lodging-sequence ranking
 * of Divsalar et al. (2013), which restarts then walk down.
 */
export function rankedEnds(m: Model, limit: number): number[][] | null {
  const D = m.dayCount;
  const seqs: number[][] = [];
  const cur: number[] = [];
  const walk = (d: number, start: number): boolean => {
    if (d === D) {
      seqs.push(cur.slice());
      return seqs.length <= limit;
    }
    for (const e of m.ends[d]!) {
      if (!emptyOk(m, d, start, e)) continue;
      cur.push(e);
      const go = walk(d + 1, d + 1 < D ? startOf(m, d + 1, e) : e);
      cur.pop();
      if (!go) return false;
    }
    return true;
  };
  if (!walk(0, tripStart(m))) return null;
  const reach = new Map<number, number[]>();
  const reachable = (d: number, s: number, e: number): number[] => {
    const key = (d * m.placeCount + s) * m.placeCount + e;
    let list = reach.get(key);
    if (list === undefined) {
      list = [];
      for (const v of m.openOn[d]!) {
        const a = arriveAt(m, s, m.place[v]!, m.open[d]!, d);
        const w = windowFor(m, v, d, a);
        if (w === undefined) continue;
        if (arriveAt(m, m.place[v]!, e, Math.max(a, w.open) + m.duration[v]!, d) <= m.close[d]!) list.push(v);
      }
      reach.set(key, list);
    }
    return list;
  };
  const mark = new Int32Array(m.visitCount).fill(-1);
  const value = seqs.map((ends, k) => {
    let total = 0;
    let start = m.fixedStart[0] ?? 0;
    ends.forEach((e, d) => {
      if (d > 0) start = startOf(m, d, ends[d - 1]!);
      for (const v of reachable(d, start, e)) {
        if (mark[v] !== k) {
          mark[v] = k;
          total += m.weight[v]!;
        }
      }
    });
    return total;
  });
  const order = seqs.map((_, k) => k).sort((a, b) => value[b]! - value[a]! || a - b);
  return order.map((k) => seqs[k]!);
}
