import type { Model } from './model.js';
import { computeRoute, newRoute, type Route } from './route.js';
import { EPS, refresh, type State } from './state.js';

/**
 * Route recombination for problems of interchangeable days (TOPTW: every tour
 * from the same depot, in the same window, every visit open alike): the ILS
 * meets thousands of good routes on its way, and the best M of them that share
 * no visit often make a better solution than any one it held (Hu & Lim's
 * iterative three-component heuristic does this with a set-packing model).
 * Here the pool keeps the distinct visit sets of the routes the local search
 * left, and an exact depth-first packing picks M disjoint ones of greatest
 * weight; the solver then refills the gaps with its local search.
 */
export interface RoutePool {
  readonly words: number;
  /** The model's `excludes` (null when no visit excludes another). */
  readonly excludes: Model['excludes'];
  /** Per entry: visit order, visit-set bits, weight, finish (shorter is kept for the same set). */
  readonly visits: number[][];
  readonly bits: Uint32Array[];
  /** Per entry, when visits exclude each other (problem.ts `excludes`): the visits its visits exclude. */
  readonly shut: (Uint32Array | null)[];
  readonly weight: number[];
  readonly finish: number[];
  /** Visit-set key → entry index. */
  readonly index: Map<string, number>;
}

/** Entries kept at most; beyond that the lightest half is dropped. */
const POOL_CAP = 4000;
/** Packing search nodes at most (a count, never the clock: the answer is the same on any machine). */
const PACK_NODE_CAP = 200_000;

/**
 * Whether every day of the model is the same day (same start, end, window, no
 * break, every visit's window alike, static travel, no budget, no visits that
 * exclude each other): a route found for one day is then a route for any.
 */
export function interchangeableDays(m: Model): boolean {
  const D = m.dayCount;
  // Visits that exclude each other (problem.ts `excludes`) could meet in two disjoint routes: not
  // offered (the corridor's products are never TOPTW tours); packRoutes also refuses such a pair.
  if (D < 2 || m.matrix === null || !m.fast || m.budget !== Infinity || m.hasLegCost || m.excludes !== null) return false;
  for (let d = 0; d < D; d++) {
    if (m.breaks[d] !== undefined || m.ends[d]!.length !== 1) return false;
    if (m.open[d] !== m.open[0] || m.close[d] !== m.close[0]) return false;
    if (m.fixedStart[d] === undefined || m.fixedStart[d] !== m.fixedStart[0] || m.ends[d]![0] !== m.ends[0]![0]) return false;
  }
  for (let v = 0; v < m.visitCount; v++) {
    const k = v * D;
    for (let d = 1; d < D; d++) {
      if (m.winOpen[k + d] !== m.winOpen[k] || m.winClose[k + d] !== m.winClose[k]) return false;
    }
  }
  return true;
}

export function newRoutePool(m: Model): RoutePool {
  return { words: (m.visitCount + 31) >>> 5, excludes: m.excludes, visits: [], bits: [], shut: [], weight: [], finish: [], index: new Map() };
}

/** The visits that the route's visits exclude, as bits; null when no visit of the model excludes another. */
function shutBits(pool: RoutePool, visits: readonly number[]): Uint32Array | null {
  const ex = pool.excludes;
  if (ex === null) return null;
  const bits = new Uint32Array(pool.words);
  for (const v of visits) for (const u of ex[v]!) bits[u >>> 5]! |= 1 << (u & 31);
  return bits;
}

/** Adds the state's feasible, non-empty routes (a set already held keeps the shorter order). */
export function addRoutes(pool: RoutePool, s: State): void {
  for (const r of s.routes) {
    if (!r.feasible || r.visits.length === 0) continue;
    const key = r.visits.slice().sort((a, b) => a - b).join(',');
    const at = pool.index.get(key);
    if (at !== undefined) {
      if (r.finish < pool.finish[at]! - EPS) {
        pool.visits[at] = r.visits.slice();
        pool.finish[at] = r.finish;
      }
      continue;
    }
    const bits = new Uint32Array(pool.words);
    for (const v of r.visits) bits[v >>> 5]! |= 1 << (v & 31);
    pool.index.set(key, pool.visits.length);
    pool.visits.push(r.visits.slice());
    pool.bits.push(bits);
    pool.shut.push(shutBits(pool, r.visits));
    pool.weight.push(r.weight);
    pool.finish.push(r.finish);
  }
  if (pool.visits.length > POOL_CAP) shrink(pool);
}

/** Keeps the heavier half (ties: the earlier found), re-indexed. */
function shrink(pool: RoutePool): void {
  const order = pool.visits.map((_, i) => i).sort((a, b) => pool.weight[b]! - pool.weight[a]! || a - b);
  const keep = order.slice(0, POOL_CAP >>> 1).sort((a, b) => a - b);
  const visits = keep.map((i) => pool.visits[i]!);
  const bits = keep.map((i) => pool.bits[i]!);
  const shut = keep.map((i) => pool.shut[i]!);
  const weight = keep.map((i) => pool.weight[i]!);
  const finish = keep.map((i) => pool.finish[i]!);
  pool.visits.length = 0;
  pool.bits.length = 0;
  pool.shut.length = 0;
  pool.weight.length = 0;
  pool.finish.length = 0;
  pool.index.clear();
  for (let i = 0; i < keep.length; i++) {
    pool.visits.push(visits[i]!);
    pool.bits.push(bits[i]!);
    pool.shut.push(shut[i]!);
    pool.weight.push(weight[i]!);
    pool.finish.push(finish[i]!);
    pool.index.set(visits[i]!.slice().sort((a, b) => a - b).join(','), i);
  }
}

/**
 * The heaviest set of at most dayCount pairwise disjoint pool routes, other
 * than the route sets in `avoid` (as sorted entry lists), as a new state; null
 * when the pool offers nothing heavier than `floor`.
 */
export function packRoutes(m: Model, pool: RoutePool, floor: number, avoid: readonly string[]): State | null {
  const D = m.dayCount;
  const n = pool.visits.length;
  const order = pool.visits.map((_, i) => i).sort((a, b) => pool.weight[b]! - pool.weight[a]! || pool.finish[a]! - pool.finish[b]! || a - b);
  const W = pool.words;
  const used = new Uint32Array(W * (D + 1));
  const pick: number[] = [];
  let bestW = floor + EPS;
  let best: number[] | null = null;
  let nodes = 0;
  // Disjoint from the routes picked so far, and none of its visits excluded by theirs (the
  // exclusion is symmetric, so the visits this route excludes are compared with theirs).
  const disjoint = (e: number, depth: number): boolean => {
    const b = pool.bits[e]!;
    const x = pool.shut[e]!;
    const u = depth * W;
    for (let w = 0; w < W; w++) if ((b[w]! & used[u + w]!) !== 0) return false;
    if (x !== null) for (let w = 0; w < W; w++) if ((x[w]! & used[u + w]!) !== 0) return false;
    return true;
  };
  const dfs = (from: number, depth: number, sum: number): void => {
    if (sum > bestW) {
      const key = pick.slice().sort((a, b) => a - b).join(',');
      if (!avoid.includes(key)) {
        bestW = sum;
        best = pick.slice();
      }
    }
    if (depth === D) return;
    for (let i = from; i < n; i++) {
      if (++nodes > PACK_NODE_CAP) return;
      const e = order[i]!;
      // The routes left are no heavier than this one: the bound.
      if (sum + pool.weight[e]! * (D - depth) <= bestW) return;
      if (!disjoint(e, depth)) continue;
      const b = pool.bits[e]!;
      const u = depth * W;
      for (let w = 0; w < W; w++) used[u + W + w] = used[u + w]! | b[w]!;
      pick.push(e);
      dfs(i + 1, depth + 1, sum + pool.weight[e]!);
      pick.pop();
    }
  };
  dfs(0, 0, 0);
  if (best === null) return null;
  const chosen: number[] = best;
  const routes: Route[] = [];
  const where = new Int32Array(m.visitCount).fill(-1);
  for (let d = 0; d < D; d++) {
    const r = newRoute(d, m.fixedStart[d]!, m.ends[d]![0]!);
    const e = chosen[d];
    if (e !== undefined) {
      r.visits = pool.visits[e]!.slice();
      for (const v of r.visits) where[v] = d;
    }
    computeRoute(m, r);
    routes.push(r);
  }
  const s: State = { routes, where, weight: 0, cost: 0, time: 0 };
  refresh(m, s);
  return s;
}

/** The pool entries a state's routes are (sorted, as packRoutes' `avoid` wants), or null if one is not held. */
export function entriesOf(pool: RoutePool, s: State): string | null {
  const out: number[] = [];
  for (const r of s.routes) {
    if (r.visits.length === 0) continue;
    const at = pool.index.get(r.visits.slice().sort((a, b) => a - b).join(','));
    if (at === undefined) return null;
    out.push(at);
  }
  return out.sort((a, b) => a - b).join(',');
}
