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
import { computeRoute, newRoute } from '../../src/domain/planner/route.js';
import { EPS } from '../../src/domain/planner/state.js';
import { runCbc } from './cbc.js';
import { buildExactModel, checkTravelShape, routesFromSolution, shapeDays, type LunchRule } from './exact-mip.js';
import { LUNCH_INSIDE_MIN, withMeals } from '../../src/domain/plan/meals.js';
import type { MealRules } from '../../src/domain/plan/pace.js';
import type { DayRoute, Problem, Solution } from '../../src/domain/planner/problem.js';

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
  readonly status: 'optimal' | 'stopped' | 'infeasible' | 'not-modelled';
  readonly reason?: string;
  /** The MIP's best solution replayed by the core. */
  readonly best?: Replay;
  /** Upper bound on the weight (= best.weight when optimal). */
  readonly boundWeight: number;
  readonly seconds: number;
  /** The objective CBC reported: it must equal best.weight (the core's replay), else the model is not the core's. */
  readonly mipObjective?: number;
  /** Exhaustive search's optimum weight, when it was run and finished. */
  readonly dfsWeight?: number;
  readonly lpRows: number;
  /** Sellable variant only: meals.ts, given the MIP's plan, placed every lunch and dropped no visit. */
  readonly mealsKeepAll?: boolean;
}

/** DFS cross-check only up to this many visits (its node cap decides beyond). */
export const DFS_MAX_VISITS = 9;
export const DFS_MAX_NODES = 20_000_000;

/** The Problem with each day's lunch reserve given back (as meals.ts does when it places the lunch). */
export function fullDayProblem(built: BuiltProblem): Problem {
  const p = built.problem;
  return { ...p, days: p.days.map((d, i) => ({ ...d, close: d.close + (built.mealReserveMin[i] ?? 0) })) };
}

export function lunchRule(rules: MealRules): LunchRule {
  return { from: rules.lunchFrom, to: rules.lunchTo, latest: rules.lunchLatest, lengthMin: rules.lunchMin, insideMin: LUNCH_INSIDE_MIN };
}

/**
 * With `meals`: the sellable variant — the optimum over plans in which every
 * day with a visit has its lunch by the meal rules and ends by the full close.
 * Its optimum is handed to meals.ts (the planner's own lunch placement) to
 * check that the planner's code accepts it whole.
 */
export function solveExactly(
  built: BuiltProblem, options: { readonly timeLimitS: number; readonly dfs?: boolean; readonly meals?: MealRules },
): ExactResult {
  const { places } = built;
  const problem = options.meals ? fullDayProblem(built) : built.problem;
  const m = compileModel(problem);
  const visits = problem.visits.length;
  const shaped = shapeDays(built.problem, places, options.meals ? built.mealReserveMin : []);
  if (!shaped.ok) return { visits, status: 'not-modelled', reason: shaped.reason, boundWeight: NaN, seconds: 0, lpRows: 0 };
  const checked = checkTravelShape(problem, places, shaped.days);
  if (!checked.ok) return { visits, status: 'not-modelled', reason: checked.reason, boundWeight: NaN, seconds: 0, lpRows: 0 };
  const model = buildExactModel(problem, shaped.days, checked.localMin, checked.localCost, Array.from(m.weight), options.meals ? lunchRule(options.meals) : undefined);
  const lpRows = model.lp.split('\n').filter((l) => /^ r\d+:/.test(l)).length;
  const cbc = runCbc(model.lp, { timeLimitS: options.timeLimitS });
  let dfsWeight: number | undefined;
  if (options.dfs === true && !options.meals && visits <= DFS_MAX_VISITS) {
    const s = exactSmall(m, DFS_MAX_NODES);
    if (s !== null) dfsWeight = s.weight;
  }
  const base = { visits, seconds: cbc.seconds, lpRows, ...(dfsWeight !== undefined ? { dfsWeight } : {}) };
  if (cbc.status === 'infeasible') return { ...base, status: 'infeasible', boundWeight: NaN };
  const routes = routesFromSolution(model, cbc.values);
  const best = replay(m, routes);
  const mealsKeepAll = options.meals && best.feasible ? mealsAccept(built, m, routes, best.score, options.meals) : undefined;
  return {
    ...base, status: cbc.status, best, mipObjective: cbc.objective, boundWeight: cbc.status === 'optimal' ? best.weight : cbc.bound,
    ...(mealsKeepAll !== undefined ? { mealsKeepAll } : {}),
  };
}

/** Whether meals.ts, given these routes timed earliest-first as the core times them, keeps every visit and gives every day with a visit a lunch. */
function mealsAccept(built: BuiltProblem, full: Model, routes: readonly (readonly number[])[], score: number, rules: MealRules): boolean {
  const days: DayRoute[] = routes.map((seq, d) => {
    const p = built.problem.days[d]!;
    const r = newRoute(d, p.start!, p.ends[0]!);
    r.visits = [...seq];
    computeRoute(full, r);
    return {
      start: r.start, end: r.end, finish: r.finish,
      visits: r.visits.map((v, i) => ({ visit: v, arrive: r.arr[i]!, start: r.beg[i]!, end: r.beg[i]! + full.duration[v]! })),
    };
  });
  const solution: Solution = { days, score, cost: 0, unscheduled: [], iterations: 0 };
  const fed = withMeals(built, solution, rules);
  const kept = fed.solution.days.every((d, i) => d.visits.length === days[i]!.visits.length);
  const lunched = fed.meals.every((ms, i) => days[i]!.visits.length === 0 || ms.some((x) => x.meal === 'lunch'));
  return kept && lunched;
}
