/**
 * One exact-model scenario end to end: the request (with the candidate rule
 * of exact-scenarios.ts applied), the default planner's itinerary, every
 * skeleton the planner races solved exactly, and the gap between them.
 */
import type { HolidayCalendar } from '../../src/domain/calendar/holiday-calendar.js';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import type { Itinerary, PlanRequest } from '../../src/domain/itinerary/itinerary.js';
import { buildProblem, type BuiltProblem } from '../../src/domain/plan/build-problem.js';
import { dayCities } from '../../src/domain/plan/city-plan.js';
import { cityNeighbours } from '../../src/domain/plan/choose-cities.js';
import { directedLinks } from '../../src/domain/travel/city-links.js';
import { shipSites } from '../../src/domain/cruise/taken-cruises.js';
import { parseRequest, type PlanFlags } from '../../src/domain/plan/parse-request.js';
import { cents, fareFor } from '../../src/domain/plan/party-cost.js';
import { candidateStops, planTrip, skeletonsFor } from '../../src/domain/plan/plan-trip.js';
import { compileModel, type Model } from '../../src/domain/planner/model.js';
import { solve } from '../../src/domain/planner/solve.js';
import { MEAL_RULES } from '../../src/domain/plan/pace.js';
import { catalogueScore } from '../../src/domain/plan/score.js';
import { DEFAULT_ITERATIONS } from '../../src/domain/plan/plan-trip.js';
import { DEFAULT_TIME_LIMIT_MS, MAX_ITERATIONS, SKELETONS, effortFor } from '../../src/commands/plan.js';
import { MAX_VISITS } from './exact-scenarios.js';
import { localYuanOf, replay, solveExactly, type ExactResult, type Replay } from './exact-solve.js';
import { optimumByDays, type DaysOptimum } from './exact-days.js';
import { raceProbes, type Probe } from './exact-race.js';
import { baseValue, FARE_CHARGE_PER_YUAN, itineraryOfRoutes, rankOf, ranksAbove, type RaceRank, type Skeleton, type ValueContext } from './exact-value.js';

export interface SkeletonResult {
  /** Cities per land day in the order reached, "wuhan", "wuhan>yueyang", or "yichang>wuhan>jiujiang" (two trains). */
  readonly shape: string;
  /** CBC on the score model (the Problem's weight: score plus the must bonus). */
  readonly exact: ExactResult;
  /** The second exact method (exact-days.ts): both models in one enumeration; declined with a budget. */
  readonly days: DaysOptimum;
  /** The score optimum as settled by either method: CBC's, or the day enumeration's when CBC was stopped. */
  readonly scoreOpt: Settled;
  /** The planner's itinerary replayed on this skeleton's Problem (undefined: it is not this skeleton's). */
  readonly planner?: Replay;
  /** The core alone on this Problem: solve(), seed 1, DEFAULT_ITERATIONS, before meals. */
  readonly coreScore: number;
  /**
   * The raceValue of this skeleton's plan without a visit (exact-value.ts): minus what the race
   * charges for its trains — minutes, rides, fares — its wandering and its A → B → A, plus any
   * cruise days' points. The same for every plan on the skeleton.
   */
  readonly base: number;
  /** CBC on the value model (weight − FARE_CHARGE_PER_YUAN × local yuan), where it ran. */
  readonly valueExact?: ExactResult;
  /** The value optimum: its routes replayed through the planner's steps after the core and ranked by raceValue. */
  readonly valueOpt: SettledValue;
}

/** One skeleton's optimum of one model, by the method that settled it. */
export interface Settled {
  readonly status: 'optimal' | 'stopped' | 'not-modelled';
  readonly method: 'cbc' | 'days' | 'cbc = days';
  /** The best plan replayed by the core (score, musts, weight). */
  readonly best?: Replay;
  /** Upper bound on the model's objective (= the optimum when optimal). */
  readonly bound: number;
}

export interface SettledValue extends Omit<Settled, 'best'> {
  /** The best plan's itinerary as the planner would make it, ranked as the race ranks it. */
  readonly rank?: RaceRank;
  /** base + the model's objective less the must bonus: what raceValue must say. */
  readonly predicted: number;
  /** Upper bound on the value with rank.musts must stops. */
  readonly boundValue: number;
  readonly localYuan: number;
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
  /** How the race ranks the planner's itinerary (raceValue). */
  readonly plannerRank: RaceRank;
  /** What the planner's itinerary pays for local legs (its local travel items). */
  readonly plannerLocalYuan: number;
  /** False when no skeleton's Problem accepts the itinerary's visits (a bug in the bench or the planner). */
  readonly plannerReplayed: boolean;
  /** Index of the skeleton the planner's itinerary is on (-1: none). */
  readonly plannerSkeleton: number;
  /** Best over skeletons of the score optimum (or best found, when a run was stopped). */
  readonly optScore: number;
  readonly optMusts: number;
  /** Every skeleton's score optimum proved (by CBC or by the day enumeration). */
  readonly proved: boolean;
  /** Upper bound on the score with the planner's musts (= optScore when proved). */
  readonly boundScore: number;
  /** (optimum − planner) / optimum on the score, 0 when both are 0; Infinity when the planner dropped a must the optimum keeps. */
  readonly gap: number;
  /** Best over skeletons of the value optimum (the race's ranking: musts, then raceValue). */
  readonly optValue: RaceRank;
  readonly optValueSkeleton: number;
  readonly valueProved: boolean;
  /** (optimum − planner) / |optimum| on raceValue, 0 when equal; Infinity when the planner dropped a must. */
  readonly valueGap: number;
  /** Best over skeletons of the core alone (before meals). */
  readonly coreScore: number;
  /** The planner's gap to the score optimum of the skeleton its itinerary is on (the core's part; NaN when on none). */
  readonly chosenGap: number;
  /** The same on value: the planner's value against its own skeleton's value optimum. */
  readonly chosenValueGap: number;
  /** The race's first leg redone (exact-race.ts): each skeleton's probe, ranked as the race ranks it. */
  readonly probes: readonly Probe[];
  readonly plannerMs: number;
}

function request(catalogue: Catalogue, flags: PlanFlags): PlanRequest {
  const parsed = parseRequest(flags, catalogue);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  return parsed.request;
}

/** The skeletons the planner races and their Problems, built as plan-trip.ts builds them. */
export function skeletonsOf(catalogue: Catalogue, req: PlanRequest, calendar: HolidayCalendar): Skeleton[] {
  const candidates = candidateStops(catalogue, req);
  // With the calendar, as planTrip asks for them: the chooser knows the stops' closing days.
  return skeletonsFor(catalogue, req, candidates, SKELETONS, calendar).map((plan) => {
    // As plan-trip.ts: a cruise boarded at a day's end is paid before the core plans, and the
    // sites its programme visits are not the core's to place.
    const committedCost = cents(
      plan.days.reduce((sum, d) => sum + (d.kind === 'land' && d.cruiseOut ? fareFor(d.cruiseOut.link.link, req.party) : 0), 0),
    );
    const onShip = shipSites(catalogue, plan, req);
    return { plan, built: buildProblem({ catalogue, request: req, calendar, plan, candidates: candidates.filter((a) => !onShip.has(a.id)), committedCost }) };
  });
}

/** The Problems of the skeletons the planner races. */
export function skeletonProblems(catalogue: Catalogue, req: PlanRequest, calendar: HolidayCalendar): BuiltProblem[] {
  return skeletonsOf(catalogue, req, calendar).map((s) => s.built);
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
      if (item.kind !== 'visit' || item.aboard !== undefined) continue;
      const d = dayOf.get(tripDay);
      const v = index.get(item.attraction);
      if (d === undefined || v === undefined) return undefined;
      perDay[d]!.push(v);
    }
  }
  return perDay;
}

/** CBC's value model is also run, as a cross-check of the day enumeration, on skeletons of at most this many visits. */
export const VALUE_CBC_CROSS_CHECK_VISITS = 9;

export function runScenario(
  catalogue: Catalogue,
  calendar: HolidayCalendar,
  scenarioFlags: PlanFlags,
  options: {
    readonly timeLimitS: number;
    readonly dfs?: boolean;
    /**
     * CBC solves a skeleton's models only when it has at most this many visits, or the day
     * enumeration declines it (a budget); default all. On a loaded machine CBC's big skeletons
     * take minutes each, and the enumeration settles them in a second.
     */
    readonly cbcMaxVisits?: number;
  },
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
  const ctx: ValueContext = { catalogue, request: req, calendar, candidates: candidateStops(catalogue, req), neighbours: cityNeighbours(directedLinks(catalogue)) };
  const plannerRank = rankOf(it, ctx.neighbours);
  const meals = req.meals === false ? undefined : MEAL_RULES[req.pace];
  const raced = skeletonsOf(catalogue, req, calendar);
  const probes = raceProbes(ctx, raced);
  const skeletons: SkeletonResult[] = raced.map((sk) => {
    const b = sk.built;
    const m = compileModel(b.problem);
    const seq = itineraryOn(b, it);
    const planner = seq === undefined ? undefined : replay(m, seq);
    const days = optimumByDays(b, { chargePerYuan: FARE_CHARGE_PER_YUAN });
    const cbc = days.status !== 'optimal' || b.problem.visits.length <= (options.cbcMaxVisits ?? Infinity);
    const exact: ExactResult = cbc
      ? solveExactly(b, { timeLimitS: options.timeLimitS, ...(options.dfs !== undefined ? { dfs: options.dfs } : {}), ...(meals ? { meals } : {}) })
      : { visits: b.problem.visits.length, status: 'skipped', boundWeight: NaN, seconds: 0, lpRows: 0, chargePerYuan: 0 };
    const base = baseValue(ctx, sk);
    // The core's must bonus (compileModel): the same for every must of the Problem.
    const bonus = Math.max(0, ...b.problem.visits.map((v, i) => (v.mandatory === true ? m.weight[i]! - Math.max(0, v.score) : 0)));
    const valueCbc = days.status !== 'optimal' || b.problem.visits.length <= VALUE_CBC_CROSS_CHECK_VISITS;
    const valueExact = valueCbc ? solveExactly(b, { timeLimitS: options.timeLimitS, chargePerYuan: FARE_CHARGE_PER_YUAN }) : undefined;
    return {
      shape: b.landDays.map(({ day }) => dayCities(day).join('>')).join(', '),
      exact, days, scoreOpt: settleScore(m, exact, days), ...(planner ? { planner } : {}),
      coreScore: solve(b.problem, { seed: 1, maxIterations: DEFAULT_ITERATIONS }).score,
      base, ...(valueExact ? { valueExact } : {}), valueOpt: settleValue(ctx, sk, m, valueExact, days, base, bonus),
    };
  });
  const plannerScore = it.totals.score;
  const plannerMusts = plannerRank.musts;
  const replayed = skeletons.filter((s) => s.planner?.feasible === true);
  const plannerReplayed = replayed.length > 0 && replayed.every((s) => s.planner!.score + aboardScore(catalogue, it) === plannerScore);
  const plannerSkeleton = skeletons.findIndex((s) => s.planner?.feasible === true);
  // Weights are not comparable across skeletons (the must bonus grows with each Problem's scores): musts, then score.
  const bests = skeletons.map((s) => s.scoreOpt.best).filter((r): r is Replay => r?.feasible === true);
  const bestScore = bests.sort((a, b) => b.musts - a.musts || b.score - a.score)[0];
  const optScore = bestScore?.score ?? 0;
  const optMusts = bestScore?.musts ?? 0;
  const proved = skeletons.every((s) => s.scoreOpt.status === 'optimal');
  const boundScore = proved ? optScore : Math.max(0, ...skeletons.map((s) => s.scoreOpt.bound - mustBonusOf(s) * plannerMusts).filter((x) => Number.isFinite(x)));
  const gap = optMusts > plannerMusts ? Infinity : optScore === 0 ? 0 : (optScore - plannerScore) / optScore;
  // The value optimum: the race's own ranking over every skeleton's.
  let optValueSkeleton = -1;
  skeletons.forEach((s, k) => {
    const r = s.valueOpt.rank;
    if (r !== undefined && (optValueSkeleton < 0 || ranksAbove(r, skeletons[optValueSkeleton]!.valueOpt.rank!))) optValueSkeleton = k;
  });
  const optValue = optValueSkeleton >= 0 ? skeletons[optValueSkeleton]!.valueOpt.rank! : { musts: 0, value: NaN, score: 0 };
  const valueProved = skeletons.every((s) => s.valueOpt.status === 'optimal');
  const valueGap = gapOfValue(optValue, plannerRank);
  const coreScore = Math.max(0, ...skeletons.map((s) => s.coreScore));
  const chosen = plannerSkeleton >= 0 ? skeletons[plannerSkeleton] : undefined;
  const chosenOpt = chosen?.scoreOpt.best?.score ?? NaN;
  const chosenGap = chosen === undefined ? NaN : chosenOpt === 0 ? 0 : (chosenOpt - (plannerScore - aboardScore(catalogue, it))) / chosenOpt;
  const chosenValueGap = chosen?.valueOpt.rank === undefined ? NaN : gapOfValue(chosen.valueOpt.rank, plannerRank);
  return {
    flags, avoided, skeletons, plannerScore, plannerMusts, plannerVisits: it.totals.visits, plannerRank, plannerReplayed,
    plannerLocalYuan: it.days.reduce((s, d) => s + d.items.reduce((t, i) => t + (i.kind === 'travel' && i.mode === 'local' ? i.cost : 0), 0), 0), plannerSkeleton,
    optScore, optMusts, proved, boundScore, gap, optValue, optValueSkeleton, valueProved, valueGap, coreScore, chosenGap, chosenValueGap, probes, plannerMs,
  };
}

/** The planner's shortfall on the race's measure: Infinity for a must dropped, else (optimum − planner) / |optimum| (0 when equal). */
export function gapOfValue(opt: RaceRank, planner: RaceRank): number {
  if (opt.musts > planner.musts) return Infinity;
  const d = opt.value - planner.value;
  if (Math.abs(d) < 1e-9) return 0;
  return d / Math.max(Math.abs(opt.value), 1e-9);
}

/** Score of the visits a cruise's programme makes (the ship's, not the core's: in no Problem). */
function aboardScore(catalogue: Catalogue, it: Itinerary): number {
  const worth = catalogueScore(catalogue);
  let sum = 0;
  for (const d of it.days) {
    for (const i of d.items) if (i.kind === 'visit' && i.aboard !== undefined) sum += worth(catalogue.attractions.find((a) => a.id === i.attraction)!, it.request.themes);
  }
  return sum;
}

function mustBonusOf(s: SkeletonResult): number {
  const b = s.scoreOpt.best;
  return b === undefined || b.musts === 0 ? 0 : (b.weight - b.score) / b.musts;
}

/** The score optimum by CBC, or by the day enumeration where CBC was stopped (each must agree with the other where both speak). */
function settleScore(m: Model, exact: ExactResult, days: DaysOptimum): Settled {
  if (exact.status === 'optimal') return { status: 'optimal', method: days.status === 'optimal' ? 'cbc = days' : 'cbc', ...(exact.best ? { best: exact.best } : {}), bound: exact.boundWeight };
  if (days.status === 'optimal') return { status: 'optimal', method: 'days', best: replay(m, days.weightRoutes), bound: days.weight };
  if (exact.status === 'stopped') return { status: 'stopped', method: 'cbc', ...(exact.best ? { best: exact.best } : {}), bound: exact.boundWeight };
  return { status: 'not-modelled', method: 'cbc', bound: NaN };
}

/** The value optimum by the day enumeration (or CBC's value model where it declines), replayed and ranked by the race's raceValue. */
function settleValue(
  ctx: ValueContext, sk: Skeleton, m: Model, exact: ExactResult | undefined, days: DaysOptimum, base: number, bonus: number,
): SettledValue {
  const fromDays = days.status === 'optimal';
  const routes = fromDays ? days.chargedRoutes : exact?.routes;
  const status = fromDays ? 'optimal' : (exact?.status === 'optimal' || exact?.status === 'stopped' ? exact.status : 'not-modelled');
  const method = fromDays ? (exact?.status === 'optimal' ? 'cbc = days' : 'days') : 'cbc';
  if (routes === undefined || status === 'not-modelled') return { status: 'not-modelled', method, bound: NaN, predicted: NaN, boundValue: NaN, localYuan: NaN };
  const objective = fromDays ? days.charged : exact!.objectiveOfBest!;
  const bound = fromDays ? days.charged : exact!.boundWeight;
  const musts = replay(m, routes).musts;
  const rank = rankOf(itineraryOfRoutes(ctx, sk, routes), ctx.neighbours);
  return {
    status, method, rank, bound, predicted: base + objective - bonus * musts, boundValue: base + bound - bonus * musts, localYuan: localYuanOf(sk.built, routes),
  };
}
