import { arriveAt, type Model } from './model.js';
import type { Random } from './random.js';
import { cloneRoute, computeRoute, newRoute, type Route } from './route.js';

/** A candidate solution: one route per day and, per visit, the day it is on (-1 = left out). */
export interface State {
  routes: Route[];
  where: Int32Array;
  weight: number;
  cost: number;
  /** Sum over days of (arrival at the end - day open): less is better at equal weight. */
  time: number;
}

export const EPS = 1e-9;

/**
 * Whether a visit that excludes v (problem.ts `excludes`) is in the solution,
 * `except` aside (the visit a swap takes out): v may not go in then.
 */
export function excluded(m: Model, s: State, v: number, except = -1): boolean {
  const ex = m.excludes;
  if (ex === null) return false;
  for (const u of ex[v]!) if (u !== except && s.where[u]! >= 0) return true;
  return false;
}

export function cloneState(s: State): State {
  return { routes: s.routes.map(cloneRoute), where: s.where.slice(), weight: s.weight, cost: s.cost, time: s.time };
}

export function refresh(m: Model, s: State): void {
  let w = 0;
  let c = 0;
  let t = 0;
  for (const r of s.routes) {
    w += r.weight;
    c += r.cost;
    t += r.finish - m.open[r.day]!;
  }
  s.weight = w;
  s.cost = c;
  s.time = t;
}

/**
 * Whether `a` is the better solution: more weight; at equal weight, less paid for getting about
 * (the legs' cost: the trip race charges the party's taxi fares, while admission buys the visits
 * the weight counts), then less time. Problems without leg costs (the literature's) compare as before.
 */
export function better(m: Model, a: State, b: State): boolean {
  if (a.weight > b.weight + EPS) return true;
  if (a.weight < b.weight - EPS) return false;
  if (m.hasLegCost) {
    const legsA = legCostOf(m, a);
    const legsB = legCostOf(m, b);
    // Leg costs are yuan with fen: a tolerance far below a fen, far above summing error.
    if (legsA < legsB - 1e-6) return true;
    if (legsA > legsB + 1e-6) return false;
  }
  return a.time < b.time - EPS;
}

/** What a solution pays for its legs: its cost less the admission of the visits it makes. */
function legCostOf(m: Model, s: State): number {
  let c = s.cost;
  for (let v = 0; v < m.visitCount; v++) if (s.where[v]! >= 0) c -= m.visitCost[v]!;
  return c;
}

/** Whether an empty day from `from` to `to` fits in the day's window. */
export function emptyOk(m: Model, d: number, from: number, to: number): boolean {
  return arriveAt(m, from, to, m.open[d]!, d) <= m.close[d]!;
}

/** Where the trip starts: day 0's fixed start, else its first allowed end. */
export function tripStart(m: Model): number {
  return m.fixedStart[0] ?? m.ends[0]?.[0] ?? 0;
}

/** Where day d starts when the previous day ended at `prevEnd`. */
export function startOf(m: Model, d: number, prevEnd: number): number {
  return m.fixedStart[d] ?? prevEnd;
}

/**
 * Chooses each day's end so that every empty day is feasible (a backward pass
 * marks which starts can still finish the trip), at random among the choices.
 */
export function initialState(m: Model, rng: Random): State {
  const D = m.dayCount;
  const ok: boolean[][] = [];
  for (let d = 0; d <= D; d++) ok.push(new Array<boolean>(m.placeCount).fill(d === D));
  for (let d = D - 1; d >= 0; d--) {
    for (let s = 0; s < m.placeCount; s++) {
      ok[d]![s] = m.ends[d]!.some((e) => emptyOk(m, d, s, e) && (d + 1 === D || ok[d + 1]![startOf(m, d + 1, e)]!));
    }
  }
  const routes: Route[] = [];
  let prev = tripStart(m);
  for (let d = 0; d < D; d++) {
    const start = d === 0 ? prev : startOf(m, d, prev);
    const choices = m.ends[d]!.filter((e) => emptyOk(m, d, start, e) && (d + 1 === D || ok[d + 1]![startOf(m, d + 1, e)]!));
    const end = choices.length > 0 ? choices[rng.int(choices.length)]! : (m.ends[d]![0] ?? start);
    const r = newRoute(d, start, end);
    computeRoute(m, r);
    routes.push(r);
    prev = end;
  }
  const s: State = { routes, where: new Int32Array(m.visitCount).fill(-1), weight: 0, cost: 0, time: 0 };
  refresh(m, s);
  return s;
}

/** A state whose days end at the given places (empty routes). */
export function stateWithEnds(m: Model, ends: readonly number[]): State {
  const routes: Route[] = [];
  let prev = m.fixedStart[0] ?? ends[0] ?? 0;
  for (let d = 0; d < m.dayCount; d++) {
    const start = d === 0 ? prev : startOf(m, d, prev);
    const r = newRoute(d, start, ends[d]!);
    computeRoute(m, r);
    routes.push(r);
    prev = ends[d]!;
  }
  const s: State = { routes, where: new Int32Array(m.visitCount).fill(-1), weight: 0, cost: 0, time: 0 };
  refresh(m, s);
  return s;
}
