/**
 * The product's main job: from catalogue and request to an itinerary.
 *
 * 1. Candidates: stops carrying a requested theme (all stops when none is
 *    asked for), minus --avoid, plus every --must.
 * 2. Skeletons: choose-cities.ts proposes the best few sequences of hotel
 *    cities and links over the days.
 * 3. For each skeleton the planner core places visits (build-problem.ts);
 *    the best-scoring result wins (ties: the cheaper one, then the first).
 * 4. to-itinerary.ts writes the document.
 *
 * Deterministic: the same catalogue, request and seed give the same
 * itinerary; the wall-clock limit is only a safety cap.
 */
import type { Attraction, Catalogue } from '../catalogue/model.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import type { Itinerary, PlanRequest } from '../itinerary/itinerary.js';
import { parseHhmm } from '../itinerary/itinerary-time.js';
import { solve } from '../planner/solve.js';
import { sightsAlong } from '../travel/seen-from-board.js';
import { buildProblem } from './build-problem.js';
import { chooseCities, daysToReach, type CityCandidate } from './choose-cities.js';
import { PACES, paceVisitMin } from './pace.js';
import { cents, fareFor } from './party-cost.js';
import { attractionScore, matchesThemes } from './score.js';
import { groupByTheme } from './group-by-theme.js';
import { toItinerary } from './to-itinerary.js';

export interface PlanTripOptions {
  readonly seed: number;
  /** Core iterations per skeleton: the deterministic stopping rule. */
  readonly maxIterations: number;
  readonly timeLimitMs?: number;
  /** Monotonic milliseconds, for the time limit only. */
  readonly clock?: () => number;
  /**
   * When given, replaces maxIterations with an effort measured in visit-days:
   * a skeleton gets effort / (candidate visits × land days) iterations,
   * because an iteration's cost grows with both; still a pure function of
   * the inputs, so still deterministic.
   */
  readonly effort?: number;
  /** Skeletons to try (default 3). */
  readonly skeletons?: number;
}

export type PlanTripResult =
  | { readonly ok: true; readonly itinerary: Itinerary; readonly iterations: number }
  | { readonly ok: false; readonly flag: string; readonly message: string };

export const DEFAULT_ITERATIONS = 400;
/** With `effort`, no skeleton gets fewer iterations than this. */
export const MIN_ITERATIONS = 50;

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

export function planTrip(catalogue: Catalogue, request: PlanRequest, calendar: HolidayCalendar, options: PlanTripOptions): PlanTripResult {
  const dayStartMin = parseHhmm(request.dayStart)!;
  const dayEndMin = parseHhmm(request.dayEnd)! - PACES[request.pace].eveningRestMin;
  const candidates = candidateStops(catalogue, request);
  const byCity = new Map<string, CityCandidate[]>();
  const candidate = (a: Attraction): CityCandidate => ({
    score: attractionScore(a, request.themes),
    visitMin: paceVisitMin(a.visitMin, request.pace),
    mandatory: request.must.includes(a.id),
  });
  for (const a of candidates) byCity.set(a.city, [...(byCity.get(a.city) ?? []), candidate(a)]);
  for (const list of byCity.values()) list.sort((x, y) => Number(y.mandatory) - Number(x.mandatory) || y.score - x.score);
  const candidateIds = new Set(candidates.map((a) => a.id));
  const route = request.route === undefined ? undefined : catalogue.routes.find((r) => r.id === request.route);

  const plans = chooseCities({
    catalogue,
    from: request.from,
    ...(request.to !== undefined ? { to: request.to } : {}),
    days: request.days,
    dayStartMin,
    dayEndMin,
    ...(route ? { route } : {}),
    candidates: byCity,
    aboardCandidates: (link) => sightsAlong(link, catalogue).filter((a) => candidateIds.has(a.id)).map(candidate),
    fare: (link) => fareFor(link.link, request.party),
    ...(request.budget !== undefined ? { budget: request.budget } : {}),
    count: options.skeletons ?? 3,
  });
  if (plans.length === 0) return { ok: false, ...whyNoPlan(catalogue, request) };

  const started = options.clock?.();
  let best: { itinerary: Itinerary; iterations: number } | undefined;
  plans.forEach((plan, i) => {
    const committedCost = cents(
      plan.days.reduce((sum, d) => sum + (d.kind === 'land' && d.cruiseOut ? fareFor(d.cruiseOut.link.link, request.party) : 0), 0),
    );
    const built = buildProblem({ catalogue, request, calendar, plan, candidates, committedCost });
    const remaining =
      options.timeLimitMs !== undefined && options.clock && started !== undefined
        ? Math.max(1, (options.timeLimitMs - (options.clock() - started)) / (plans.length - i))
        : undefined;
    const size = Math.max(1, built.problem.visits.length * built.problem.days.length);
    const maxIterations =
      options.effort === undefined ? options.maxIterations : clamp(Math.round(options.effort / size), MIN_ITERATIONS, options.maxIterations);
    const solution = solve(built.problem, {
      seed: options.seed + i,
      maxIterations,
      ...(remaining !== undefined && options.clock ? { timeLimitMs: remaining, clock: options.clock } : {}),
    });
    const grouped = groupByTheme(built, solution, request.themes);
    const itinerary = toItinerary({ catalogue, request, calendar, plan, built, solution: grouped, candidates, dayStartMin, dayEndMin });
    const iterations = (best?.iterations ?? 0) + solution.iterations;
    if (!best || isBetter(itinerary, best.itinerary)) best = { itinerary, iterations };
    else best = { ...best, iterations };
  });
  return { ok: true, ...best! };
}

/** Must stops first (a plan keeping more of them wins), then score, then cost. */
function isBetter(a: Itinerary, b: Itinerary): boolean {
  const musts = (x: Itinerary) => x.unscheduled.filter((u) => x.request.must.includes(u.attraction)).length;
  if (musts(a) !== musts(b)) return musts(a) < musts(b);
  if (a.totals.score !== b.totals.score) return a.totals.score > b.totals.score;
  return a.totals.admission + a.totals.transport < b.totals.admission + b.totals.transport;
}

export function candidateStops(catalogue: Catalogue, request: PlanRequest): Attraction[] {
  return catalogue.attractions.filter(
    (a) => request.must.includes(a.id) || (!request.avoid.includes(a.id) && matchesThemes(a, request.themes)),
  );
}

function whyNoPlan(catalogue: Catalogue, request: PlanRequest): { flag: string; message: string } {
  if (request.to !== undefined) {
    const need = request.from === request.to ? 1 : daysToReach(catalogue, request.to).get(request.from);
    if (need === undefined) return { flag: '--to', message: `--to ${request.to} cannot be reached from ${request.from} along the catalogue's links` };
    if (need > request.days) {
      return { flag: '--to', message: `--to ${request.to} cannot be reached from ${request.from} in ${request.days} day${request.days === 1 ? '' : 's'}; it takes at least ${need}` };
    }
  }
  if (request.budget !== undefined) {
    return { flag: '--budget', message: `--budget ${request.budget} does not cover the fares of any way through these days` };
  }
  if (request.route !== undefined) {
    return { flag: '--route', message: `no way to follow --route ${request.route} from ${request.from}${request.to ? ` to ${request.to}` : ''} in ${request.days} days within the day window` };
  }
  return {
    flag: '--days',
    message: `no trip from ${request.from}${request.to ? ` to ${request.to}` : ''} fits ${request.days} days between ${request.dayStart} and ${request.dayEnd} (timetables and hotel cities)`,
  };
}
