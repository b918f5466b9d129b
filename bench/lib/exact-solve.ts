/**
 * One skeleton's Problem solved three ways and compared: the MIP by CBC
 * (exact-mip.ts), the in-repo exhaustive search (planner/exact-small.ts) when
 * the problem is small, and any visit sequences (the MIP's, the planner's)
 * replayed through the core's own route evaluation (planner/route.ts), so
 * that neither the model nor a reading of the itinerary can be looser or
 * tighter than the planner's notion of a feasible day.
 */
import type { BuiltProblem } from '../../src/domain/plan/build-problem.js';
import { exactSmall } from '../../src/domain/planner/exact-small.js';
import { compileModel, type Model } from '../../src/domain/planner/model.js';
import { computeRoute, newRoute, toDayRoute } from '../../src/domain/planner/route.js';
import { EPS } from '../../src/domain/planner/state.js';
import { runCbc } from './cbc.js';
import { buildExactModel, checkTravelShape, routesFromSolution, shapeDays } from './exact-mip.js';
import { withMeals } from '../../src/domain/plan/meals.js';
import type { MealRules } from '../../src/domain/plan/pace.js';
import type { Solution } from '../../src/domain/planner/problem.js';

export interface Replay {
  readonly feasible: boolean;
  /** Why not, when not. */
  readonly why?: string;
  readonly weight: number;
  readonly score: number;
  readonly cost: number;
  readonly musts: number;
}

/** Visits per problem day (indices into problem.visits) evaluated by the core, as it evaluates its own routes. */
export function replay(m: Model, perDay: readonly (readonly number[])[]): Replay {
  const p = m.problem;
  let weight = 0;
  let score = 0;
  let cost = 0;
  let musts = 0;
  const seen = new Set<number>();
  for (let d = 0; d < m.dayCount; d++) {
    const r = newRoute(d, p.days[d]!.start!, p.days[d]!.ends[0]!);
    r.visits = [...(perDay[d] ?? [])];
    computeRoute(m, r);
    const bad = { weight, score, cost, musts };
    if (!r.feasible) return { feasible: false, why: `day ${d} infeasible at position ${r.failAt}`, ...bad };
    for (const v of r.visits) {
      if (seen.has(v)) return { feasible: false, why: `visit ${p.visits[v]!.key} twice`, ...bad };
      seen.add(v);
      score += p.visits[v]!.score;
      if (p.visits[v]!.mandatory === true) musts++;
    }
    weight += r.weight;
    cost += r.cost;
  }
  if (cost > m.budget + EPS) return { feasible: false, why: `cost ${cost} over the budget ${m.budget}`, weight, score, cost, musts };
  return { feasible: true, weight, score, cost, musts };
}

export interface ExactResult {
  readonly visits: number;
  /** 'skipped': not given to CBC (bench/exact-gap.ts --cbc-max-visits: the day enumeration settles it). */
  readonly status: 'optimal' | 'stopped' | 'infeasible' | 'not-modelled' | 'skipped';
  readonly reason?: string;
  /** The MIP's best solution replayed by the core. */
  readonly best?: Replay;
  /** Upper bound on the weight (= best.weight when optimal). */
  readonly boundWeight: number;
  readonly seconds: number;
  /**
   * The objective CBC reported: it must equal `objectiveOfBest` (the core's replay: best.weight, less
   * chargePerYuan × localYuan in the value model), else the model is not the core's.
   */
  readonly mipObjective?: number;
  /** Points per yuan of local legs the objective charged (0: the score model). */
  readonly chargePerYuan: number;
  /** What the best plan pays for local legs (taxi meters), by the trip's own segments. */
  readonly localYuan?: number;
  /** The MIP's objective recomputed from the core's replay of the best plan. */
  readonly objectiveOfBest?: number;
  /** The best plan's visits per problem day (indices into problem.visits). */
  readonly routes?: readonly (readonly number[])[];
  /** Exhaustive search's optimum weight, when it was run and finished. */
  readonly dfsWeight?: number;
  readonly lpRows: number;
  /** Sellable variant only: meals.ts, given the MIP's plan, placed every lunch and dropped no visit. */
  readonly mealsKeepAll?: boolean;
}

/** DFS cross-check only up to this many visits (its node cap decides beyond). */
export const DFS_MAX_VISITS = 9;
export const DFS_MAX_NODES = 20_000_000;

/**
 * The Problem's optimum by CBC, checked: replayed through the core's route
 * evaluation, against the exhaustive search on small problems, and — when the
 * days have their lunch (the Problem's break) — handed to meals.ts, which must
 * give every day with a visit its lunch and keep every visit.
 */
export function solveExactly(
  built: BuiltProblem,
  options: { readonly timeLimitS: number; readonly dfs?: boolean; readonly meals?: MealRules; readonly chargePerYuan?: number },
): ExactResult {
  const chargePerYuan = options.chargePerYuan ?? 0;
  const { places, problem } = built;
  const m = compileModel(problem);
  const visits = problem.visits.length;
  const shaped = shapeDays(problem, places, built.landDays);
  const refused = (reason: string): ExactResult => ({ visits, status: 'not-modelled', reason, boundWeight: NaN, seconds: 0, lpRows: 0, chargePerYuan });
  if (!shaped.ok) return refused(shaped.reason);
  const checked = checkTravelShape(problem, places, shaped.days);
  if (!checked.ok) return refused(checked.reason);
  const model = buildExactModel(problem, shaped.days, checked.localMin, checked.localCost, Array.from(m.weight), { chargePerYuan });
  const lpRows = model.lp.split('\n').filter((l) => /^ r\d+:/.test(l)).length;
  const cbc = runCbc(model.lp, { timeLimitS: options.timeLimitS });
  let dfsWeight: number | undefined;
  // The exhaustive search maximises the weight alone: a cross-check of the score model only.
  if (options.dfs === true && chargePerYuan === 0 && visits <= DFS_MAX_VISITS) {
    const s = exactSmall(m, DFS_MAX_NODES);
    if (s !== null) dfsWeight = s.weight;
  }
  const base = { visits, seconds: cbc.seconds, lpRows, chargePerYuan, ...(dfsWeight !== undefined ? { dfsWeight } : {}) };
  if (cbc.status === 'infeasible') return { ...base, status: 'infeasible', boundWeight: NaN };
  const routes = routesFromSolution(model, cbc.values);
  const best = replay(m, routes);
  const localYuan = localYuanOf(built, routes);
  const objectiveOfBest = best.weight - chargePerYuan * localYuan;
  const mealsKeepAll = options.meals && best.feasible ? mealsAccept(built, m, routes, best.score, options.meals) : undefined;
  return {
    ...base, status: cbc.status, best, mipObjective: cbc.objective, boundWeight: cbc.status === 'optimal' ? objectiveOfBest : cbc.bound,
    localYuan, objectiveOfBest, routes, ...(mealsKeepAll !== undefined ? { mealsKeepAll } : {}),
  };
}

/**
 * Yuan the party pays for local legs (taxi meters) along these routes, read off the trip's own
 * segments (trip-travel.ts, as the itinerary spells them out): hotel → stops → hotel, to and from
 * the stations of a day's trains. Not the trains' fares, which every plan on the skeleton pays.
 */
export function localYuanOf(built: BuiltProblem, routes: readonly (readonly number[])[]): number {
  const p = built.problem;
  let yuan = 0;
  routes.forEach((seq, d) => {
    const stops = [p.days[d]!.start!, ...seq.map((v) => p.visits[v]!.place), p.days[d]!.ends[0]!];
    for (let k = 0; k + 1 < stops.length; k++) {
      for (const s of built.tripTravel.segments(stops[k]!, stops[k + 1]!, p.days[d]!.open, d) ?? []) if (s.mode === 'local') yuan += s.cost;
    }
  });
  return yuan;
}

/** Whether meals.ts, given these routes timed as the core times them, keeps every visit and gives every day with a visit a lunch. */
function mealsAccept(built: BuiltProblem, m: Model, routes: readonly (readonly number[])[], score: number, rules: MealRules): boolean {
  const days = routes.map((seq, d) => {
    const p = built.problem.days[d]!;
    const r = newRoute(d, p.start!, p.ends[0]!);
    r.visits = [...seq];
    computeRoute(m, r);
    return toDayRoute(m, r);
  });
  const solution: Solution = { days, score, cost: 0, unscheduled: [], iterations: 0 };
  const fed = withMeals(built, solution, rules);
  const kept = fed.solution.days.every((d, i) => d.visits.length === days[i]!.visits.length);
  const lunched = fed.meals.every((ms, i) => days[i]!.visits.length === 0 || ms.some((x) => x.meal === 'lunch'));
  return kept && lunched;
}
