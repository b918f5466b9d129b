/**
 * Lunch (and dinner when the day runs late) in every sightseeing day, where
 * the party is at the time: between two stops, on arriving at the next one
 * (while it waits for the opening), inside a long visit, or in the city the
 * day's train arrives in.
 *
 * The lunch is part of the core's Problem (build-problem.ts lunchBreak, a
 * DayBreak the route evaluation places where the day ends soonest), so the
 * search optimises the day that is sold; this file only reads the placement
 * off each route and adds a late day's dinner.
 */
import type { DayRoute, PlacedBreak, Solution } from '../planner/problem.js';
import { MINUTES_PER_DAY } from '../travel/travel-model.js';
import type { BuiltProblem } from './build-problem.js';
import type { MealRules } from './pace.js';
import { isEveningVisit } from './time-of-day.js';

export { LUNCH_INSIDE_MIN } from './pace.js';

export type MealKind = 'lunch' | 'dinner';

/** A meal on one problem day: taken at `place` (a problem place index), on the trip axis. */
export interface PlacedMeal {
  readonly meal: MealKind;
  readonly place: number;
  readonly startMin: number;
  readonly endMin: number;
  /**
   * Index into the day's visits before which the meal is taken (visits.length = after the last,
   * before the leg to the day's end; visits.length + 1 = on arrival at the day's end).
   */
  readonly before: number;
  /** Taken inside this long visit (a problem visit index), at the site: `before` is the index after it. */
  readonly within?: number;
}

export interface DayWithMeals {
  readonly route: DayRoute;
  readonly meals: readonly PlacedMeal[];
}

export interface SolutionWithMeals {
  readonly solution: Solution;
  /** Per problem day. */
  readonly meals: readonly (readonly PlacedMeal[])[];
}

/** The lunch of every land day with a visit (as the core placed it), and a late day's dinner. */
export function withMeals(built: BuiltProblem, solution: Solution, rules: MealRules): SolutionWithMeals {
  const meals: PlacedMeal[][] = [];
  const days = solution.days.map((route, d) => {
    if (route.visits.length === 0 || route.break === undefined) {
      meals.push([]);
      return route;
    }
    const lunch = lunchOf(route, route.break);
    const dinner = placeDinner(built, { route, meals: [lunch] }, d, rules);
    meals.push(dinner ? [lunch, dinner.meal] : [lunch]);
    return dinner ? dinner.route : route;
  });
  return { solution: { ...solution, days }, meals };
}

/** The core's break as a lunch item's position in the day. */
export function lunchOf(route: DayRoute, b: PlacedBreak): PlacedMeal {
  const n = route.visits.length;
  const meal = { meal: 'lunch' as const, place: b.place, startMin: b.start, endMin: b.end };
  if (b.kind === 'inside') return { ...meal, before: b.at + 1, within: route.visits[b.at]!.visit };
  return { ...meal, before: b.kind === 'arrive' && b.at === n ? n + 1 : b.at };
}

/** Dinner right after the last stop when the day runs late (or in the day's end city, after its train). */
function placeDinner(built: BuiltProblem, day: DayWithMeals, d: number, rules: MealRules): { route: DayRoute; meal: PlacedMeal } | undefined {
  const { route } = day;
  const base = Math.floor(built.problem.days[d]!.open / MINUTES_PER_DAY) * MINUTES_PER_DAY;
  if (route.finish <= base + rules.dinnerAfter) return undefined;
  const evening = eveningDinner(built, route, d, base, rules);
  if (evening) return evening;
  const last = route.visits.at(-1);
  // Every stop dropped for the lunch's sake: the day is only its journey, dinner where it ends.
  const lastPlace = last === undefined ? route.end : built.problem.visits[last.visit]!.place;
  const sameCity = last !== undefined && built.places[lastPlace]!.city === built.places[route.end]!.city;
  // Dinner at the last stop only when the party leaves it at dinner time; earlier, it rides back
  // first and dines where the night is (waiting at a far stop for 17:30 and then driving home
  // ended a Yaoli day at 20:30).
  if (sameCity && last!.end >= base + rules.dinnerFrom) {
    const startMin = Math.max(last!.end, base + rules.dinnerFrom);
    const finish = built.problem.travel.arrive(lastPlace, route.end, startMin + rules.dinnerMin, d);
    return {
      route: { ...route, finish },
      meal: { meal: 'dinner', place: lastPlace, startMin, endMin: startMin + rules.dinnerMin, before: route.visits.length },
    };
  }
  // The day ends with a train, or back from its last stop before dinner time: dinner where the night is.
  const startMin = Math.max(route.finish, base + rules.dinnerFrom);
  return {
    route: { ...route, finish: startMin + rules.dinnerMin },
    meal: { meal: 'dinner', place: route.end, startMin, endMin: startMin + rules.dinnerMin, before: route.visits.length + 1 },
  };
}

/**
 * A day that ends with an evening outing (time-of-day.ts: a lit facade, a
 * night boat) has its dinner before it, the outing moved to the next start
 * its window (or the next sailing) allows after the meal; where the day's
 * close leaves no room for that, after it; failing that, at the sight during
 * the outing when it is long enough to hold the meal (Hongyadong's food
 * streets) — the outing instead of a dinner apart. Undefined: the day has
 * no evening outing last, or none of these fits (the usual rule then).
 */
function eveningDinner(built: BuiltProblem, route: DayRoute, d: number, base: number, rules: MealRules): { route: DayRoute; meal: PlacedMeal } | undefined {
  const k = route.visits.length - 1;
  const last = route.visits[k];
  if (last === undefined || !isEveningVisit(built.attractions[last.visit]!, last.start - base, rules.dinnerFrom)) return undefined;
  const { problem } = built;
  const visit = problem.visits[last.visit]!;
  const close = problem.days[d]!.close;
  const dinner = (startMin: number, before: number, within?: number): PlacedMeal => ({
    meal: 'dinner', place: visit.place, startMin, endMin: startMin + rules.dinnerMin, before, ...(within !== undefined ? { within } : {}),
  });
  // Before: at the sight from when the party gets there (not before dinner time), then the outing.
  const before = dinner(Math.max(last.arrive, base + rules.dinnerFrom), k);
  const w = (visit.windows[d] ?? []).find((x) => x.close >= before.endMin);
  if (w !== undefined) {
    const start = Math.max(w.open, before.endMin);
    const finish = problem.travel.arrive(visit.place, route.end, start + visit.duration, d);
    if (finish <= close) {
      return { route: { ...route, visits: [...route.visits.slice(0, k), { ...last, start, end: start + visit.duration }], finish }, meal: before };
    }
  }
  // After: at the sight as it ends, then back.
  const after = dinner(Math.max(last.end, base + rules.dinnerFrom), k + 1);
  const finishAfter = problem.travel.arrive(visit.place, route.end, after.endMin, d);
  if (finishAfter <= close) return { route: { ...route, finish: finishAfter }, meal: after };
  // Instead of it: the meal is taken at the sight, inside the outing.
  const inside = dinner(Math.max(last.start, base + rules.dinnerFrom), k + 1, last.visit);
  if (inside.endMin <= last.end) return { route, meal: inside };
  return undefined;
}
