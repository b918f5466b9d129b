import { arriveAt, compileModel, windowFor, type Model } from './model.js';
import type {
  DayRoute, Problem, Solution, SolveOptions, Unscheduled, UnscheduledReason,
} from './problem.js';
import { createRandom, type Random } from './random.js';
import { EXACT_MAX_NODES, EXACT_MAX_VISITS, exactSmall } from './exact-small.js';
import { EJECT_MAX_VISITS, ejectInsert } from './insertion.js';
import { exclusionSwap } from './exclusion-swap.js';
import { computeRoute, insertionCost, insertionShift, newRoute, toDayRoute } from './route.js';
import { localSearch, shake, tightenRoute } from './local-search.js';
import { changeEnd, choiceDays, rankedEnds } from './lodging.js';
import { better, cloneState, initialState, stateWithEnds, type State } from './state.js';
import { addRoutes, entriesOf, interchangeableDays, newRoutePool, packRoutes } from './route-pool.js';
import { ejectAcross, ejectionApplies } from './eject-chain.js';

/** Exclusion swaps (exclusion-swap.ts) the final polish makes at most. */
const EXCLUSION_SWAPS = 4;
/** Iterations without a new best before a restart. */
const RESTART_EVERY = 100;
/** With lodging choice: fall back to the run's best when the current solution is this much worse. */
const LODGING_SLIP = 0.05;
/** Lodging sequences enumerated at most, and how many of the best-ranked the restarts cycle through. */
const MAX_SEQUENCES = 5000;
const TOP_SEQUENCES = 5;
/**
 * Larger problems with every day's end fixed (TOPTW, OPTW) go back to the best solution when
 * a shake and local search leave the current one REVERT_SLIP worse (a threshold acceptance
 * around the best): without it the walk drifted away from good solutions between restarts,
 * and the Cordeau pr* files stayed 3–4 % from the best-knowns at M = 2..4 (measured at 0.5 s
 * on ten of them: 3.7/4.8/4.8 % → 3.3/3.2/3.3 % with the moves between days). Itineraries on
 * the shipped catalogue have 20–35 candidate visits per city sequence and a few thousand
 * iterations: there the free walk diversifies better (reverting cost the Golden Week golden
 * plan 16 of its 198 points), so they keep it.
 */
const REVERT_SLIP = 0.02;
const REVERT_MIN_VISITS = 45;
/**
 * On those problems, when every day is the same (TOPTW), every RECOMBINE_EVERY iterations the
 * walk continues from the heaviest M disjoint routes it has met (route-pool.ts) instead. On
 * the Cordeau pr files at 1 s of CPU (seed 1, one run at load 15–18) the mean gap at M = 4
 * went from 2.01 to 1.75 % (216–288 customers, seeds 1–2: 3.40 → 2.58 %); at M = 2 and 3 it
 * was within the noise of one run (2.09 / 1.63 % without, 2.20 / 1.60 % with).
 */
const RECOMBINE_EVERY = 25;
/**
 * One iteration in ten refills in random order (a GRASP-like kick; insertion.ts `noise` < 0),
 * except with 3+ routes on problems of RANDOM_ORDER_UNDER_VISITS or more visits with the walk
 * around the best (the larger Cordeau pr files at M = 3, 4): there a random order fills the
 * routes with whichever of the 100–200 left-out visits come first, far below the best, and the
 * walk reverts — the iteration is lost, and a CPU second buys only 120–200 of them. A/B at the
 * same load on the eight files of 216–288 customers (1 s of CPU, seeds 1–4, 24–32 runs per M,
 * load 16–28): M = 3 3.39 → 3.19 %, M = 4 3.64 → 3.17 %; at M = 2 no better (3.41 → 3.53 %)
 * and at M = 1 clearly worse (2.87 → 4.43 %, seeds 1–2): one or two routes need the kick. Everything else keeps it (every
 * itinerary, OPTW, OPHS, Solomon): their answers are unchanged.
 */
const RANDOM_ORDER_SHARE = 0.1;
const RANDOM_ORDER_UNDER_VISITS = 200;
/**
 * On those problems with 2+ routes and fewer than EJECT_UNDER_VISITS visits, each iteration's local
 * search is followed by cross-route ejections (eject-chain.ts: a left-out visit in, the visit making
 * room to another day) while one is found. A/B at the same load against main's search (1 s of CPU,
 * Cordeau pr files, seeds 1–6, load 5–22): the files of 48–192 customers gained at every M (M = 4
 * 1.81 → 1.62 %, M = 3 0.90 → 0.83 %, pr14 at M = 2 3.22 → 3.01 %; Solomon 200 M = 2 / 3 0.17 / 0.07
 * → 0.02 / 0.00 %); on the files of 216–288 it cost 7–13 % of the iterations for no gain
 * (M = 4 2.58 → 2.55 %, M = 3 2.41 → 2.76 %), so they keep main's search.
 */
const EJECT_UNDER_VISITS = 200;

/**
 * Solves a Tourist Trip Design Problem by iterated local search: greedy
 * ratio insertion, visit swaps and lodging changes as local search; random
 * runs of visits removed (and now and then a lodging moved) as the shake;
 * restarts after a stretch without improvement (when days choose where they
 * end: alternately down the best-ranked lodging sequences and back to the
 * lodgings of the best solution); on larger problems of interchangeable days
 * (TOPTW), now and then a walk from the heaviest disjoint routes met so far
 * (route-pool.ts); a final 2-opt/or-opt polish.
 * Pure: the only clock is `options.clock`, the only randomness `options.seed`.
 */
export function solve(problem: Problem, options: SolveOptions): Solution {
  const m = compileModel(problem);
  const rng = createRandom(options.seed);
  const days = choiceDays(m);
  const clock = options.clock;
  const limit = options.timeLimitMs;
  const t0 = clock !== undefined && limit !== undefined ? clock() : 0;
  // Asked only when the search would otherwise go on, so `cutShort` means the cap did cut it.
  let cutShort = false;
  const outOfTime = (): boolean => {
    if (!cutShort && clock !== undefined && limit !== undefined && clock() - t0 >= limit) cutShort = true;
    return cutShort;
  };

  // A heuristic can miss the optimum of even a tiny problem; there an exhaustive search is
  // cheap, and when it finishes (within its node cap and the time limit) the search has
  // nothing left to find: only the polish runs.
  if (m.visitCount <= EXACT_MAX_VISITS) {
    const exact = exactSmall(m, EXACT_MAX_NODES, outOfTime);
    if (exact !== null) {
      polish(m, exact, rng, days);
      return toSolution(m, exact, 0, false);
    }
  }

  // With lodging choice, restarts walk down the ranked lodging sequences.
  const ranked = days.length > 0 ? rankedEnds(m, MAX_SEQUENCES) : null;
  let restarts = 0;
  let cycle = 0;
  const fresh = (bestSoFar?: State): State => {
    const s = ranked !== null && ranked.length > 0
      ? stateWithEnds(m, restartEnds(bestSoFar))
      : initialState(m, rng);
    // The first start is greedy; later ones insert in random order (GRASP-like) so that
    // restarts differ even when there is no lodging to vary.
    localSearch(m, s, rng, restarts === 0 ? 0 : -1, days, days.length === 0);
    restarts++;
    return s;
  };
  // Restarts alternate: the next of the best-ranked lodging sequences, then the lodgings
  // of the best solution so far (a fresh start inside the most promising sequence).
  function restartEnds(bestSoFar: State | undefined): number[] {
    if (bestSoFar !== undefined && restarts % 2 === 0) return bestSoFar.routes.map((r) => r.end);
    return ranked![cycle++ % Math.min(ranked!.length, TOP_SEQUENCES)]!;
  }
  const fixedEnds = days.length === 0;
  const revertToBest = fixedEnds && m.visitCount >= REVERT_MIN_VISITS;
  const randomOrderShare = revertToBest && m.dayCount >= 3 && m.visitCount >= RANDOM_ORDER_UNDER_VISITS ? 0 : RANDOM_ORDER_SHARE;
  const eject = revertToBest && m.visitCount < EJECT_UNDER_VISITS && ejectionApplies(m);
  let cur = fresh();
  let best = cloneState(cur);
  let runBest = best;
  let sinceBest = 0;
  let iterations = 0;
  // Interchangeable days (TOPTW tours): recombine the routes met so far now and then.
  const pool = revertToBest && interchangeableDays(m) ? newRoutePool(m) : null;
  if (pool !== null) addRoutes(pool, cur);
  while (iterations < options.maxIterations && !outOfTime()) {
    iterations++;
    // Now and then move one or two lodgings; the local search then keeps its hands off
    // them for this iteration (saving time by moving them back would undo the shake).
    let moved = false;
    if (days.length > 0 && rng.next() < 0.15) {
      for (let k = rng.next() < 0.5 ? 1 : 2; k > 0; k--) {
        const d = days[rng.int(days.length)]!;
        const ends = m.ends[d]!;
        if (changeEnd(m, cur, d, ends[rng.int(ends.length)]!)) moved = true;
      }
    }
    shake(m, cur, rng, sinceBest < 50 ? 0.25 : 0.5);
    const mode = rng.next();
    localSearch(m, cur, rng, mode < 0.45 ? 0 : mode < 1 - randomOrderShare ? 0.3 : -1, moved ? [] : days, fixedEnds);
    if (eject) while (ejectAcross(m, cur) > 0) localSearch(m, cur, rng, 0, days, fixedEnds);
    if (pool !== null) {
      addRoutes(pool, cur);
      if (iterations % RECOMBINE_EVERY === 0) {
        // The heaviest disjoint routes other than the best's, if within the walk's slip of it.
        const own = entriesOf(pool, best);
        const packed = packRoutes(m, pool, best.weight * (1 - REVERT_SLIP), own === null ? [] : [own]);
        if (packed !== null) {
          localSearch(m, packed, rng, 0, days, fixedEnds);
          addRoutes(pool, packed);
          cur = packed;
        }
      }
    }
    if (better(m, cur, runBest)) runBest = cloneState(cur);
    if (better(m, cur, best)) {
      best = cloneState(cur);
      sinceBest = 0;
    } else if (revertToBest) {
      sinceBest++;
      if (sinceBest % RESTART_EVERY === 0) cur = fresh();
      else if (cur.weight < best.weight * (1 - REVERT_SLIP)) cur = cloneState(best);
    } else {
      sinceBest++;
      if (sinceBest % RESTART_EVERY === 0) {
        // Stuck: start again from nothing (fresh lodgings), keeping the best in hand.
        cur = fresh(best);
        runBest = cloneState(cur);
      } else if (cur.weight < runBest.weight * (1 - (days.length > 0 ? LODGING_SLIP : 1))) {
        cur = cloneState(runBest);
      }
    }
  }
  polish(m, best, rng, days);
  return toSolution(m, best, iterations, cutShort);
}

/**
 * Shorter days cost the traveller less and may leave room for one more visit;
 * on small problems, a day is also freed for a visit by moving another one
 * (a move too costly to run every iteration).
 */
function polish(m: Model, s: State, rng: Random, days: readonly number[]): void {
  for (let d = 0; d < m.dayCount; d++) tightenRoute(m, s, d);
  const betweenDays = days.length === 0;
  localSearch(m, s, rng, 0, days, betweenDays);
  if (m.visitCount <= EJECT_MAX_VISITS) while (ejectInsert(m, s)) localSearch(m, s, rng, 0, days, betweenDays);
  // Each success is strictly better (state.ts `better`), so this ends; the cap bounds its cost.
  for (let k = 0; k < EXCLUSION_SWAPS && exclusionSwap(m, s, rng, days, betweenDays); k++);
}

function toSolution(m: Model, s: State, iterations: number, cutShort: boolean): Solution {
  const days: DayRoute[] = s.routes.map((r) => toDayRoute(m, r));
  let score = 0;
  for (let v = 0; v < m.visitCount; v++) if (s.where[v]! >= 0) score += m.problem.visits[v]!.score;
  const unscheduled: Unscheduled[] = [];
  for (let v = 0; v < m.visitCount; v++) {
    if (s.where[v]! < 0) unscheduled.push({ visit: v, reason: reasonLeftOut(m, s, v) });
  }
  return { days, score, cost: s.cost, unscheduled, iterations, ...(cutShort ? { cutShort } : {}) };
}

/** Whether v alone fits day d from `start` to `end` with the day's break. */
function fitsWithBreak(m: Model, d: number, start: number, end: number, v: number): boolean {
  const r = newRoute(d, start, end);
  r.visits.push(v);
  computeRoute(m, r);
  return r.feasible;
}

/**
 * Why a visit is not in the solution: never open; no day lets it be reached
 * from the day's start and left for the day's end; it would fit in time but
 * not in the budget; or there is simply no room left.
 */
function reasonLeftOut(m: Model, s: State, v: number): UnscheduledReason {
  let open = false;
  let reachable = false;
  let alone = false;
  for (let d = 0; d < m.dayCount; d++) {
    if (m.windows[v]![d]!.length === 0) continue;
    open = true;
    const r = s.routes[d]!;
    const a = arriveAt(m, r.start, m.place[v]!, m.open[d]!, d);
    if (a === Infinity) continue;
    const w = windowFor(m, v, d, a);
    if (w === undefined) {
      reachable = true;
      continue;
    }
    const leave = Math.max(a, w.open) + m.duration[v]!;
    const back = m.ends[d]!.map((e) => arriveAt(m, m.place[v]!, e, leave, d));
    if (back.every((x) => x === Infinity)) continue;
    reachable = true;
    if (m.breaks[d] === undefined ? back.some((x) => x <= m.close[d]!) : m.ends[d]!.some((e) => fitsWithBreak(m, d, r.start, e, v))) alone = true;
  }
  if (!open) return 'closed';
  if (!reachable) return 'unreachable';
  if (m.visitCost[v]! > m.budget) return 'budget';
  if (!alone) return 'no-time';
  if (m.budget !== Infinity) {
    for (let d = 0; d < m.dayCount; d++) {
      const r = s.routes[d]!;
      if (m.windows[v]![d]!.length === 0 || !r.feasible) continue;
      for (let p = 0; p <= r.visits.length; p++) {
        if (insertionShift(m, r, v, p) !== Infinity && s.cost + insertionCost(m, r, v, p) > m.budget) return 'budget';
      }
    }
  }
  return 'no-time';
}
