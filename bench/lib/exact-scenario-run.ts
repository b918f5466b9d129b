/**
 * One exact-model scenario end to end: the request (with the candidate rule
 * of exact-scenarios.ts applied), the default planner's itinerary, every
 * skeleton the planner races solved exactly, and the gap between them.
 */
import type { HolidayCalendar } from '../../src/domain/calendar/holiday-calendar.js';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import type { Itinerary, PlanRequest } from '../../src/domain/itinerary/itinerary.js';
import { buildProblem, type BuiltProblem } from '../../src/domain/plan/build-problem.js';
import { dayCities, dayLinks } from '../../src/domain/plan/city-plan.js';
import { CITY_CHARGE_POINTS, FARE_CHARGE_PER_YUAN, RIDE_CHARGE_POINTS, TRAVEL_CHARGE_PER_MIN, wanderingCities } from '../../src/domain/plan/choose-cities.js';
import { parseRequest, type PlanFlags } from '../../src/domain/plan/parse-request.js';
import { cents, fareFor } from '../../src/domain/plan/party-cost.js';
import { candidateStops, planTrip, skeletonsFor } from '../../src/domain/plan/plan-trip.js';
import { compileModel } from '../../src/domain/planner/model.js';
import { solve } from '../../src/domain/planner/solve.js';
import { MEAL_RULES } from '../../src/domain/plan/pace.js';
import { DEFAULT_ITERATIONS } from '../../src/domain/plan/plan-trip.js';
import { DEFAULT_TIME_LIMIT_MS, MAX_ITERATIONS, SKELETONS, effortFor } from '../../src/commands/plan.js';
import { MAX_VISITS } from './exact-scenarios.js';
import { replay, solveExactly, type ExactResult, type Replay } from './exact-solve.js';

export interface SkeletonResult {
  /** Cities per land day in the order reached, "wuhan", "wuhan>yueyang", or "yichang>wuhan>jiujiang" (two trains). */
  readonly shape: string;
  readonly exact: ExactResult;
  /**
   * The sellable optimum (every day with a visit has its lunch by the meal rules): since the
   * lunch is the Problem's own break, the same result as `exact`; absent with --no-meals.
   */
  readonly sellable?: ExactResult;
  /** The planner's itinerary replayed on this skeleton's Problem (undefined: it is not this skeleton's). */
  readonly planner?: Replay;
  /** The core alone on this Problem: solve(), seed 1, DEFAULT_ITERATIONS, before meals. */
  readonly coreScore: number;
  /**
   * What the race (plan-trip.ts raceValue) charges for this skeleton's trains, in score points:
   * minutes on them, rides, the party's fares and cities wandered through — the same for every
   * plan on the skeleton (local taxi fares, which vary with the route, are not in it).
   */
  readonly trainCharge: number;
}

export interface ScenarioResult {
  readonly flags: PlanFlags;
  /** Candidates the rule put on --avoid. */
  readonly avoided: readonly string[];
  readonly skeletons: readonly SkeletonResult[];
  /** The planner's itinerary: score and must stops kept (totals.score counts the same scores). */
  readonly plannerScore: number;
  readonly plannerMusts: number;
  readonly plannerVisits: number;
  /** False when no skeleton's Problem accepts the itinerary's visits (a bug in the bench or the planner). */
  readonly plannerReplayed: boolean;
  /** Best over skeletons of the exact optimum (or best found, when a run was stopped). */
  readonly optScore: number;
  readonly optMusts: number;
  /** Every skeleton's MIP proved optimal. */
  readonly proved: boolean;
  /** Upper bound on the score with the planner's musts (= optScore when proved). */
  readonly boundScore: number;
  /** (optimum − planner) / optimum on the score, 0 when both are 0; Infinity when the planner dropped a must the optimum keeps. */
  readonly gap: number;
  /** Best over skeletons of the sellable optimum, and the planner's gap to it (NaN with --no-meals). */
  readonly sellScore: number;
  readonly sellMusts: number;
  readonly sellProved: boolean;
  /** meals.ts accepted every sellable optimum whole (so each is a plan the planner's code can make). */
  readonly sellAttained: boolean;
  readonly sellGap: number;
  /** Best over skeletons of the core alone (before meals). */
  readonly coreScore: number;
  /** The planner's gap to the optimum of the skeleton its itinerary is on (the core's part; NaN when on none). */
  readonly chosenGap: number;
  readonly plannerMs: number;
}

function request(catalogue: Catalogue, flags: PlanFlags): PlanRequest {
  const parsed = parseRequest(flags, catalogue);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  return parsed.request;
}

/** The Problems of the skeletons the planner races, built as plan-trip.ts builds them. */
export function skeletonProblems(catalogue: Catalogue, req: PlanRequest, calendar: HolidayCalendar): BuiltProblem[] {
  const candidates = candidateStops(catalogue, req);
  return skeletonsFor(catalogue, req, candidates, SKELETONS).map((plan) => {
    // As plan-trip.ts: a cruise boarded at a day's end is paid before the core plans.
    const committedCost = cents(
      plan.days.reduce((sum, d) => sum + (d.kind === 'land' && d.cruiseOut ? fareFor(d.cruiseOut.link.link, req.party) : 0), 0),
    );
    return buildProblem({ catalogue, request: req, calendar, plan, candidates, committedCost });
  });
}

/** The candidate rule (exact-scenarios.ts): --avoid the weakest until every Problem has ≤ MAX_VISITS visits. */
export function restrictCandidates(catalogue: Catalogue, flags: PlanFlags, calendar: HolidayCalendar): { flags: PlanFlags; avoided: string[] } {
  const avoided: string[] = [];
  for (;;) {
    const withAvoid: PlanFlags = avoided.length > 0 ? { ...flags, avoid: avoided.join(',') } : flags;
    const built = skeletonProblems(catalogue, request(catalogue, withAvoid), calendar);
    const largest = [...built].sort((a, b) => b.problem.visits.length - a.problem.visits.length)[0];
    if (largest === undefined || largest.problem.visits.length <= MAX_VISITS) return { flags: withAvoid, avoided };
    const weakest = largest.problem.visits
      .filter((v) => v.mandatory !== true)
      .sort((a, b) => a.score - b.score || b.key.localeCompare(a.key))[0];
    if (weakest === undefined) throw new Error('only must stops left and still too many');
    avoided.push(weakest.key);
  }
}

/**
 * The itinerary's visits as problem-day sequences of this skeleton, or
 * undefined when the itinerary is not this skeleton's (another night's
 * lodging on some land day) or holds a visit its Problem has not.
 */
export function itineraryOn(built: BuiltProblem, itinerary: Itinerary): number[][] | undefined {
  const sameNights = built.landDays.every(({ day, tripDay }) => itinerary.days[tripDay]?.lodging === (day.cruiseOut ? 'on-board' : day.endCity));
  if (!sameNights) return undefined;
  const index = new Map(built.problem.visits.map((v, i) => [v.key, i]));
  const perDay = built.landDays.map(() => [] as number[]);
  const dayOf = new Map(built.landDays.map((l, d) => [l.tripDay, d]));
  for (const [tripDay, day] of itinerary.days.entries()) {
    for (const item of day.items) {
      if (item.kind !== 'visit') continue;
      const d = dayOf.get(tripDay);
      const v = index.get(item.attraction);
      if (d === undefined || v === undefined) return undefined;
      perDay[d]!.push(v);
    }
  }
  return perDay;
}

export function runScenario(
  catalogue: Catalogue,
  calendar: HolidayCalendar,
  scenarioFlags: PlanFlags,
  options: { readonly timeLimitS: number; readonly dfs?: boolean },
): ScenarioResult {
  const { flags, avoided } = restrictCandidates(catalogue, scenarioFlags, calendar);
  const req = request(catalogue, flags);
  const t0 = performance.now();
  // The CLI's defaults (src/commands/plan.ts), without the wall-clock cap: the effort decides, as it does there.
  const planned = planTrip(catalogue, req, calendar, {
    seed: req.seed ?? 1,
    maxIterations: MAX_ITERATIONS,
    effort: effortFor(DEFAULT_TIME_LIMIT_MS),
    skeletons: SKELETONS,
  });
  const plannerMs = performance.now() - t0;
  if (!planned.ok) throw new Error(`planner: ${planned.message}`);
  const it = planned.itinerary;
  const built = skeletonProblems(catalogue, req, calendar);
  const skeletons: SkeletonResult[] = built.map((b) => {
    const seq = itineraryOn(b, it);
    const m = compileModel(b.problem);
    const planner = seq === undefined ? undefined : replay(m, seq);
    const meals = req.meals === false ? undefined : MEAL_RULES[req.pace];
    const exact = solveExactly(b, { ...options, ...(meals ? { meals } : {}) });
    return {
      shape: b.landDays.map(({ day }) => dayCities(day).join('>')).join(', '),
      exact,
      ...(meals ? { sellable: exact } : {}),
      ...(planner ? { planner } : {}),
      coreScore: solve(b.problem, { seed: 1, maxIterations: DEFAULT_ITERATIONS }).score,
      trainCharge: trainCharge(b, req),
    };
  });
  const plannerScore = it.totals.score;
  const plannerMusts = req.must.filter((id) => it.days.some((d) => d.items.some((i) => i.kind === 'visit' && i.attraction === id))).length;
  const replayed = skeletons.filter((s) => s.planner?.feasible === true);
  const plannerReplayed = replayed.length > 0 && replayed.every((s) => s.planner!.score === plannerScore);
  const exacts = skeletons.map((s) => s.exact).filter((e) => e.best?.feasible === true);
  // Weights are not comparable across skeletons (the must bonus grows with each Problem's scores): musts, then score.
  const byValue = (a: ExactResult, b: ExactResult) => b.best!.musts - a.best!.musts || b.best!.score - a.best!.score;
  const bestExact = exacts.sort(byValue)[0];
  const optScore = bestExact?.best?.score ?? 0;
  const optMusts = bestExact?.best?.musts ?? 0;
  const proved = skeletons.every((s) => s.exact.status === 'optimal');
  // The core's must bonus (compileModel): a bound on the weight is a bound on the score once the musts are fixed.
  const bonus = Math.max(0, ...built.map((b) => {
    const m = compileModel(b.problem);
    return Math.max(0, ...b.problem.visits.map((v, i) => (v.mandatory === true ? m.weight[i]! - Math.max(0, v.score) : 0)));
  }));
  const boundWeight = Math.max(0, ...skeletons.map((s) => s.exact.boundWeight).filter((x) => Number.isFinite(x)));
  const boundScore = proved ? optScore : boundWeight - bonus * plannerMusts;
  const gap = optMusts > plannerMusts ? Infinity : optScore === 0 ? 0 : (optScore - plannerScore) / optScore;
  const sells = skeletons.flatMap((s) => (s.sellable?.best?.feasible === true ? [s.sellable] : []));
  const bestSell = sells.sort(byValue)[0];
  const sellScore = bestSell?.best?.score ?? (req.meals === false ? NaN : 0);
  const sellMusts = bestSell?.best?.musts ?? 0;
  const sellProved = skeletons.every((s) => s.sellable === undefined || s.sellable.status === 'optimal');
  const sellAttained = skeletons.every((s) => s.sellable === undefined || s.sellable.mealsKeepAll !== false);
  const sellGap = Number.isNaN(sellScore) ? NaN : sellMusts > plannerMusts ? Infinity : sellScore === 0 ? 0 : (sellScore - plannerScore) / sellScore;
  const coreScore = Math.max(0, ...skeletons.map((s) => s.coreScore));
  const chosen = skeletons.find((s) => s.planner?.feasible === true && s.exact.best?.feasible === true);
  const chosenOpt = chosen?.exact.best?.score ?? NaN;
  const chosenGap = chosen === undefined ? NaN : chosenOpt === 0 ? 0 : (chosenOpt - plannerScore) / chosenOpt;
  return {
    flags, avoided, skeletons, plannerScore, plannerMusts, plannerVisits: it.totals.visits, plannerReplayed,
    optScore, optMusts, proved, boundScore, gap, sellScore, sellMusts, sellProved, sellAttained, sellGap, coreScore, chosenGap, plannerMs,
  };
}

/** The race's charge for a skeleton's same-day trains (plan-trip.ts raceValue, choose-cities.ts rates). */
function trainCharge(built: BuiltProblem, req: PlanRequest): number {
  let minutes = 0;
  let rides = 0;
  let yuan = 0;
  const trail = [req.from];
  for (const { day } of built.landDays) {
    for (const l of dayLinks(day)) {
      minutes += l.link.durationMin;
      rides++;
      yuan += fareFor(l.link, req.party);
      trail.push(l.from, l.to);
    }
  }
  const wander = wanderingCities(trail, req.from, req.to ?? trail.at(-1)!, req.days);
  return TRAVEL_CHARGE_PER_MIN * minutes + RIDE_CHARGE_POINTS * rides + FARE_CHARGE_PER_YUAN * yuan + CITY_CHARGE_POINTS * wander;
}
