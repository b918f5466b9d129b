import type { Model } from './model.js';
import { newSlots, type Route, type Slots } from './route.js';
import { changeRelief, integralTimes, type Reliefs } from './slot-bounds.js';

/**
 * What the insertion scans learnt about each day's route, kept between calls.
 * An ILS iteration changes one or two days at a time, yet the greedy insertion
 * and the swap move used to retry every left-out visit at every position of
 * every day on each call: on the Cordeau files of 216–288 customers that was
 * half the search time. A day's schedule is a function of its start, end and
 * visit order alone, so a scan of a day whose route is what it was last time
 * reuses the answers computed then. The memo is content-addressed (the route
 * is compared with a copy of the one last seen), so it serves every State of
 * the model — clones, reverts, restarts — and a cached answer is exactly the
 * one the scan would compute: same seed and iterations, same solution.
 *
 * Not kept when a budget couples the days: an insertion's feasibility then
 * depends on the whole solution's cost, not on its day alone.
 */
export interface DayMemo {
  readonly model: Model;
  /** Whether the model qualifies for the derivations (slot-bounds.ts integralTimes). */
  readonly integral: boolean;
  readonly visitCount: number;
  /** Per day: the route last seen (start, end, visits) and its version, bumped whenever it differs. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly visits: number[][];
  readonly version: Uint32Array;
  /** Per day × visit (index d · visitCount + v): the version the best insertion below was computed for. */
  readonly bestAt: Uint32Array;
  /** The best weight²/shift ratio of the visit on that route (-1: fits nowhere) and its position. */
  readonly ratio: Float64Array;
  readonly pos: Int32Array;
  /**
   * With pos -1 (fits nowhere), on the integral fast model: a lower bound on how far the visit misses
   * every position of that version of the route (Slots.miss, slot-bounds.ts), else 0.
   */
  readonly margin: Float64Array;
  /**
   * Per day, on the integral fast model, how the current version came from the one before (`from`;
   * 0 = unknown): only positions changedFrom..changedTo are new, and the change made no other
   * position easier by more than `relief` (slot-bounds.ts changeRelief).
   */
  readonly from: Uint32Array;
  readonly changedFrom: Int32Array;
  readonly changedTo: Int32Array;
  readonly relief: Float64Array;
  /** Per day × visit: the version at which the visit was found to replace none of the day's visits. */
  readonly noSwapAt: Uint32Array;
  /** Per day: the version found a 2-opt/or-opt local optimum (tightenRoute shortened nothing). */
  readonly tightAt: Uint32Array;
  /**
   * Per ordered pair of days (index a · dayCount + b): the versions of a and b at which no
   * visit of a moved to b shortened the two (relocateBetween), and, for a < b, at which
   * no swap or tail exchange between them did (improveBetweenDays).
   */
  readonly relocA: Uint32Array;
  readonly relocB: Uint32Array;
  readonly pairA: Uint32Array;
  readonly pairB: Uint32Array;
  /**
   * Per day × visit, fast model: the version of the day at which relocateBetween measured the visit's
   * least insertion shift on it (relocShift; Infinity: fits nowhere). A visit that would save less
   * than that on its own day cannot move there.
   */
  readonly relocAt: Uint32Array;
  readonly relocShift: Float64Array;
}

const memos = new WeakMap<Model, DayMemo>();

/** The model's memo, made on first use; undefined when a budget couples the days. */
export function dayMemo(m: Model): DayMemo | undefined {
  if (m.budget !== Infinity) return undefined;
  let memo = memos.get(m);
  if (memo === undefined) {
    const D = m.dayCount;
    const cells = D * m.visitCount;
    memo = {
      model: m,
      integral: integralTimes(m),
      visitCount: m.visitCount,
      start: new Int32Array(D).fill(-1),
      end: new Int32Array(D).fill(-1),
      visits: Array.from({ length: D }, () => []),
      // Version 0 is never a route's: a zero stamp means "not computed".
      version: new Uint32Array(D),
      bestAt: new Uint32Array(cells),
      ratio: new Float64Array(cells),
      pos: new Int32Array(cells),
      margin: new Float64Array(cells),
      from: new Uint32Array(D),
      changedFrom: new Int32Array(D),
      changedTo: new Int32Array(D),
      relief: new Float64Array(D),
      noSwapAt: new Uint32Array(cells),
      tightAt: new Uint32Array(D),
      relocA: new Uint32Array(D * D),
      relocB: new Uint32Array(D * D),
      pairA: new Uint32Array(D * D),
      pairB: new Uint32Array(D * D),
      relocAt: new Uint32Array(cells),
      relocShift: new Float64Array(cells),
    };
    memos.set(m, memo);
  }
  return memo;
}

/**
 * The version of day r.day's route: the same as last time when the route has
 * the same start, end and visit order (O(visits) to check), else a new one —
 * on the integral fast model with how it came from the last one (from,
 * changedFrom..changedTo, relief), which the greedy insertion's rescans use.
 */
export function routeVersion(memo: DayMemo, r: Route): number {
  const d = r.day;
  const seen = memo.visits[d]!;
  const n = r.visits.length;
  let same = memo.version[d] !== 0 && memo.start[d] === r.start && memo.end[d] === r.end && seen.length === n;
  for (let i = 0; same && i < n; i++) if (seen[i] !== r.visits[i]) same = false;
  if (same) return memo.version[d]!;
  memo.from[d] = 0;
  // The route must be computed (its schedule is read): every move recomputes the days it changes.
  if (memo.integral && memo.version[d] !== 0 && memo.start[d] === r.start && memo.end[d] === r.end && r.feasible && r.beg.length === n) {
    // The visits both orders share at the front (a) and the back (b): what lies between is new.
    const limit = Math.min(n, seen.length);
    let a = 0;
    while (a < limit && seen[a] === r.visits[a]) a++;
    let b = 0;
    while (a + b < limit && seen[seen.length - 1 - b] === r.visits[n - 1 - b]) b++;
    memo.from[d] = memo.version[d]!;
    memo.changedFrom[d] = a;
    memo.changedTo[d] = n - b;
    memo.relief[d] = changeRelief(memo.model, r, seen, a, b);
  }
  memo.start[d] = r.start;
  memo.end[d] = r.end;
  seen.length = 0;
  for (let i = 0; i < n; i++) seen.push(r.visits[i]!);
  memo.version[d] = memo.version[d]! + 1;
  return memo.version[d]!;
}

/** Whether the pair (a, b) was marked, in `at`/`bt`, at the days' current versions. */
export function pairKnown(memo: DayMemo, at: Uint32Array, bt: Uint32Array, a: Route, b: Route): boolean {
  const k = a.day * memo.version.length + b.day;
  return at[k] === routeVersion(memo, a) && bt[k] === routeVersion(memo, b);
}

/** Marks the pair (a, b) in `at`/`bt` at the days' current versions. */
export function markPair(memo: DayMemo, at: Uint32Array, bt: Uint32Array, a: Route, b: Route): void {
  const k = a.day * memo.version.length + b.day;
  at[k] = routeVersion(memo, a);
  bt[k] = routeVersion(memo, b);
}


/**
 * Buffers the insertion scans reuse from call to call (they run several times per
 * iteration, and fresh typed arrays of this size live outside the heap: allocating
 * them was a tenth of the search time in garbage collection on the 288-customer
 * files). None of the users calls another while it holds them.
 */
export interface ScanBuffers {
  /** insertGreedy: best ratio and position per day × visit. */
  readonly ratios: Float64Array;
  readonly places: Int32Array;
  /** Slots for insertGreedy (0), replaceMove (1) and relocateBetween (2 + day). */
  readonly slots: readonly Slots[];
  /** replaceMove: the slots of the route it takes visits out of, and its per-visit and per-candidate arrays (swapBuffers). */
  readonly whole: Slots;
  swap: SwapBuffers;
  /** replaceMove: a day's candidates (left-out visits), one day at a time. */
  readonly left: Int32Array;
}

/** What replaceMove's bounded scan keeps per visit out (index i) and per candidate (j), for a route of up to `n` visits. */
export interface SwapBuffers extends Reliefs {
  readonly n: number;
  readonly candidates: number;
  /** Per candidate: 1 once measured, its window (best-slot.ts windowRange) and how many near positions it has. */
  readonly known: Uint8Array;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly nearCount: Int32Array;
  /** From j·(n+1): candidate j's positions missed by no more than any relief, and by how much (best-slot.ts nearPositions). */
  readonly near: Int32Array;
  readonly miss: Float64Array;
}

const buffers = new WeakMap<Model, ScanBuffers>();

export function scanBuffers(m: Model): ScanBuffers {
  let b = buffers.get(m);
  if (b === undefined) {
    const cells = m.dayCount * m.visitCount;
    b = {
      ratios: new Float64Array(cells),
      places: new Int32Array(cells),
      slots: Array.from({ length: m.dayCount + 2 }, () => newSlots(m.visitCount)),
      whole: newSlots(m.visitCount),
      swap: newSwapBuffers(0, 0),
      left: new Int32Array(m.visitCount),
    };
    buffers.set(m, b);
  }
  return b;
}

function newSwapBuffers(n: number, candidates: number): SwapBuffers {
  const cells = (n + 1) * candidates;
  return {
    n, candidates,
    fits: new Uint8Array(n), bridged: new Float64Array(n), relief: new Float64Array(n * (n + 1)),
    known: new Uint8Array(candidates), lo: new Int32Array(candidates), hi: new Int32Array(candidates),
    nearCount: new Int32Array(candidates), near: new Int32Array(cells), miss: new Float64Array(cells),
  };
}

/** b.swap with room for a route of n visits and c candidates, regrown (doubling) when short. */
export function swapBuffers(b: ScanBuffers, n: number, c: number): SwapBuffers {
  const cur = b.swap;
  if (cur.n < n || cur.candidates < c) b.swap = newSwapBuffers(Math.max(n, 2 * cur.n), Math.max(c, 2 * cur.candidates));
  return b.swap;
}
