/**
 * The planner's own objective, for the exact model: the race (plan-trip.ts
 * isBetter) ranks plans by must stops kept, then by raceValue — the score,
 * less what getting about costs at the chooser's rates (minutes and rides on
 * trains, their fares, cities wandered through, A → B → A, and the yuan of
 * local legs). All of that is fixed by the skeleton except the local legs'
 * taxi meters, which follow the visits and their order. So a plan's value is
 *
 *   raceValue = base(skeleton) + score − FARE_CHARGE_PER_YUAN × local yuan,
 *
 * base being the raceValue of the skeleton's plan without a visit. The exact
 * model maximises weight − FARE_CHARGE_PER_YUAN × local yuan (exact-mip.ts
 * `chargePerYuan`, exact-days.ts), and every optimum is replayed here through
 * the planner's steps after the core — theme grouping, variety, meals, the
 * itinerary — and priced by raceValue itself: the two must agree to the unit,
 * or the formula above is not the planner's.
 */
import type { HolidayCalendar } from '../../src/domain/calendar/holiday-calendar.js';
import type { Attraction, Catalogue } from '../../src/domain/catalogue/model.js';
import type { Itinerary, PlanRequest } from '../../src/domain/itinerary/itinerary.js';
import { parseHhmm } from '../../src/domain/itinerary/itinerary-time.js';
import type { BuiltProblem } from '../../src/domain/plan/build-problem.js';
import type { CityPlan } from '../../src/domain/plan/city-plan.js';
import { groupByTheme } from '../../src/domain/plan/group-by-theme.js';
import { withVariety } from '../../src/domain/plan/day-variety.js';
import { withMeals } from '../../src/domain/plan/meals.js';
import { MEAL_RULES, programmeEndMin } from '../../src/domain/plan/pace.js';
import { raceValue } from '../../src/domain/plan/plan-trip.js';
import { toItinerary } from '../../src/domain/plan/to-itinerary.js';
import { compileModel } from '../../src/domain/planner/model.js';
import type { Solution } from '../../src/domain/planner/problem.js';
import { timeDay } from '../../src/domain/planner/route.js';

export { FARE_CHARGE_PER_YUAN } from '../../src/domain/plan/choose-cities.js';

export interface ValueContext {
  readonly catalogue: Catalogue;
  readonly request: PlanRequest;
  readonly calendar: HolidayCalendar;
  /** The request's candidates (plan-trip.ts candidateStops). */
  readonly candidates: readonly Attraction[];
  /** The catalogue's city links (choose-cities.ts cityNeighbours), for the A → B → A charge. */
  readonly neighbours: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A skeleton the planner races: its city plan and the core's Problem built from it. */
export interface Skeleton {
  readonly plan: CityPlan;
  readonly built: BuiltProblem;
}

/**
 * The itinerary the planner makes of these routes (visits per problem day), by its steps after
 * the core (plan-trip.ts `run`): theme grouping, variety, meals, the document.
 */
export function itineraryOfRoutes(ctx: ValueContext, sk: Skeleton, routes: readonly (readonly number[])[]): Itinerary {
  const { request } = ctx;
  const { built } = sk;
  const m = compileModel(built.problem);
  const days = built.problem.days.map((day, d) => {
    const timed = timeDay(m, d, day.start!, day.ends[0]!, routes[d] ?? []);
    if (!timed) throw new Error(`day ${d}: the core rejects the order ${(routes[d] ?? []).join(', ')}`);
    return timed;
  });
  const score = days.reduce((s, r) => s + r.visits.reduce((t, v) => t + built.problem.visits[v.visit]!.score, 0), 0);
  const cost = days.reduce((s, r) => s + r.visits.reduce((t, v) => t + (built.problem.visits[v.visit]!.cost ?? 0), 0), 0);
  const solution: Solution = { days, score, cost, unscheduled: [], iterations: 0 };
  const grouped = groupByTheme(built, solution, request.themes);
  const varied = withVariety(built, grouped);
  const fed = request.meals === false ? { solution: varied.solution, meals: [] } : withMeals(built, varied.solution, MEAL_RULES[request.pace]);
  return toItinerary({
    catalogue: ctx.catalogue, request, calendar: ctx.calendar, plan: sk.plan, built, solution: fed.solution, meals: fed.meals,
    candidates: ctx.candidates, dayStartMin: parseHhmm(request.dayStart)!, dayEndMin: programmeEndMin(parseHhmm(request.dayEnd)!, request.pace, request.meals !== false),
    leftForVariety: new Set(varied.leftOut.map((v) => built.attractions[v]!.id)),
  });
}

/** How the race ranks an itinerary: must stops kept (more is better), then raceValue. */
export interface RaceRank {
  readonly musts: number;
  readonly value: number;
  readonly score: number;
}

export function rankOf(itinerary: Itinerary, neighbours: ReadonlyMap<string, ReadonlySet<string>>): RaceRank {
  const musts = itinerary.request.must.filter((id) => itinerary.days.some((d) => d.items.some((i) => i.kind === 'visit' && i.attraction === id))).length;
  return { musts, value: raceValue(itinerary, neighbours), score: itinerary.totals.score };
}

/** a ranks above b in the race (ties: neither). */
export function ranksAbove(a: RaceRank, b: RaceRank, eps = 1e-9): boolean {
  return a.musts !== b.musts ? a.musts > b.musts : a.value > b.value + eps;
}

/** The skeleton's fixed part of the value: the raceValue of its plan without a visit. */
export function baseValue(ctx: ValueContext, sk: Skeleton): number {
  return raceValue(itineraryOfRoutes(ctx, sk, sk.built.problem.days.map(() => [])), ctx.neighbours);
}
