/**
 * Lunch (and dinner when the day runs late) in every sightseeing day, where
 * the party is at the time: between two stops, after the last one, or in the
 * city the day's train arrives in.
 *
 * The planner core does not see meals as stops; it plans each land day with
 * the lunch's length held back from the day's end (build-problem.ts), and
 * this file then puts the lunch in the gap nearest its preferred time and
 * re-times the day. When no gap works (a stop's last entry would be missed),
 * the lightest optional stop of the day is dropped and the lunch placed
 * again: a day without lunch is not a plan an agency would sell.
 */
import type { DayRoute, ScheduledVisit, Solution, Unscheduled } from '../planner/problem.js';
import { MINUTES_PER_DAY } from '../travel/travel-model.js';
import type { BuiltProblem } from './build-problem.js';
import type { MealRules } from './pace.js';

export type MealKind = 'lunch' | 'dinner';

/** A meal on one problem day: taken at `place` (a problem place index), on the trip axis. */
export interface PlacedMeal {
  readonly meal: MealKind;
  readonly place: number;
  readonly startMin: number;
  readonly endMin: number;
  /** Index into the day's visits before which the meal is taken (visits.length = after the last). */
  readonly before: number;
  /** Taken inside this long visit (a problem visit index), at the site: `before` is the index after it. */
  readonly within?: number;
}

/** A visit at least this long that spans lunchtime has the lunch inside it (a mountain, a scenic area). */
export const LUNCH_INSIDE_MIN = 240;

export interface DayWithMeals {
  readonly route: DayRoute;
  readonly meals: readonly PlacedMeal[];
}

export interface SolutionWithMeals {
  readonly solution: Solution;
  /** Per problem day. */
  readonly meals: readonly (readonly PlacedMeal[])[];
}

/**
 * Places the meals in every land day that has a visit. What build-problem.ts
 * held back from each day's end for the lunch (built.mealReserveMin) the day
 * may use again now.
 */
export function withMeals(built: BuiltProblem, solution: Solution, rules: MealRules): SolutionWithMeals {
  const unscheduled: Unscheduled[] = [...solution.unscheduled];
  let score = solution.score;
  let cost = solution.cost;
  const meals: PlacedMeal[][] = [];
  const days = solution.days.map((route, d) => {
    if (route.visits.length === 0) {
      meals.push([]);
      return route;
    }
    const inside = lunchInside(built, route, rules);
    if (inside) {
      const dinner = placeDinner(built, { route, meals: [inside] }, d, rules);
      meals.push(dinner ? [inside, dinner.meal] : [inside]);
      return dinner ? dinner.route : route;
    }
    let order = route.visits.map((sv) => sv.visit);
    for (;;) {
      const reserve = built.mealReserveMin[d] ?? 0;
      const placed = placeLunch(built, route, d, order, rules, reserve, rules.lunchTo) ?? placeLunch(built, route, d, order, rules, reserve, rules.lunchLatest);
      if (placed) {
        const dinner = placeDinner(built, placed, d, rules);
        meals.push(dinner ? [...placed.meals, dinner.meal] : [...placed.meals]);
        return dinner ? dinner.route : placed.route;
      }
      const drop = lightestOptional(built, order);
      if (drop === undefined) {
        // Only must-see stops, and lunch fits between none of them: lunch at the site of one
        // that covers a lunch slot (a faster travel model made such days possible), else the
        // day as planned.
        const atSite = lunchInside(built, route, rules, 0);
        meals.push(atSite ? [atSite] : []);
        return route;
      }
      order = order.filter((v) => v !== drop);
      const pv = built.problem.visits[drop]!;
      score -= pv.score;
      cost -= pv.cost ?? 0;
      unscheduled.push({ visit: drop, reason: 'no-time' });
    }
  });
  return { solution: { ...solution, days, score, cost, unscheduled }, meals };
}

/** Lunch at the site of a long visit that covers a whole lunch slot as planned; undefined if none does. */
function lunchInside(built: BuiltProblem, route: DayRoute, rules: MealRules, minVisitMin = LUNCH_INSIDE_MIN): PlacedMeal | undefined {
  for (const [i, sv] of route.visits.entries()) {
    if (sv.end - sv.start < Math.max(minVisitMin, rules.lunchMin)) continue;
    const base = Math.floor(sv.start / MINUTES_PER_DAY) * MINUTES_PER_DAY;
    const startMin = Math.min(Math.max(base + rules.lunchAt, sv.start), sv.end - rules.lunchMin);
    if (startMin < base + rules.lunchFrom || startMin > base + rules.lunchTo) continue;
    const place = built.problem.visits[sv.visit]!.place;
    return { meal: 'lunch', place, startMin, endMin: startMin + rules.lunchMin, before: i + 1, within: sv.visit };
  }
  return undefined;
}

function lightestOptional(built: BuiltProblem, order: readonly number[]): number | undefined {
  let best: number | undefined;
  for (const v of order) {
    const pv = built.problem.visits[v]!;
    if (pv.mandatory) continue;
    if (best === undefined || pv.score < built.problem.visits[best]!.score) best = v;
  }
  return best;
}

/** The lunch in the best gap (see below); undefined if none keeps the day feasible. */
function placeLunch(
  built: BuiltProblem, route: DayRoute, d: number, order: readonly number[], rules: MealRules, reserveMin: number, latest: number,
): DayWithMeals | undefined {
  // The day that ends soonest (no idle lunch at the hotel before a morning of sights), then the
  // lunch nearest its preferred time, then the earlier gap.
  let best: { timed: DayWithMeals; off: number } | undefined;
  const base = Math.floor(built.problem.days[d]!.open / MINUTES_PER_DAY) * MINUTES_PER_DAY;
  for (let k = 0; k <= order.length; k++) {
    for (const onArrival of [false, true]) {
      const timed = timeDay(built, route, d, order, { before: k, from: base + rules.lunchFrom, to: base + latest, length: rules.lunchMin, onArrival }, reserveMin);
      if (!timed) continue;
      const off = Math.abs(timed.meals[0]!.startMin - (base + rules.lunchAt));
      if (!best || timed.route.finish < best.timed.route.finish || (timed.route.finish === best.timed.route.finish && off < best.off)) best = { timed, off };
    }
  }
  return best?.timed;
}

/** Dinner right after the last stop when the day runs late (or in the day's end city, after its train). */
function placeDinner(built: BuiltProblem, day: DayWithMeals, d: number, rules: MealRules): { route: DayRoute; meal: PlacedMeal } | undefined {
  const { route } = day;
  const base = Math.floor(built.problem.days[d]!.open / MINUTES_PER_DAY) * MINUTES_PER_DAY;
  if (route.finish <= base + rules.dinnerAfter) return undefined;
  const last = route.visits.at(-1);
  // Every stop dropped for the lunch's sake: the day is only its journey, dinner where it ends.
  const lastPlace = last === undefined ? route.end : built.problem.visits[last.visit]!.place;
  const sameCity = last !== undefined && built.places[lastPlace]!.city === built.places[route.end]!.city;
  if (sameCity) {
    const startMin = Math.max(last!.end, base + rules.dinnerFrom);
    const finish = built.problem.travel.arrive(lastPlace, route.end, startMin + rules.dinnerMin, d);
    return {
      route: { ...route, finish },
      meal: { meal: 'dinner', place: lastPlace, startMin, endMin: startMin + rules.dinnerMin, before: route.visits.length },
    };
  }
  // The day ends with a train: dinner where it arrives.
  const startMin = Math.max(route.finish, base + rules.dinnerFrom);
  return {
    route: { ...route, finish: startMin + rules.dinnerMin },
    meal: { meal: 'dinner', place: route.end, startMin, endMin: startMin + rules.dinnerMin, before: route.visits.length + 1 },
  };
}

interface LunchSlot {
  readonly before: number;
  readonly from: number;
  readonly to: number;
  readonly length: number;
  /**
   * Where the leg before the slot changes city (a train, or two), lunch in
   * the city it arrives in, at the station, rather than before leaving.
   */
  readonly onArrival?: boolean;
}

/** Times the day's visits in order with the lunch taken before visit `before`, each as early as it can. */
function timeDay(built: BuiltProblem, route: DayRoute, d: number, order: readonly number[], lunch: LunchSlot, reserveMin: number): DayWithMeals | undefined {
  const { problem } = built;
  const pday = problem.days[d]!;
  let at = route.start;
  let t = pday.open;
  let meal: PlacedMeal | undefined;
  const visits: ScheduledVisit[] = [];
  const eat = (k: number, next: number): boolean => {
    if (lunch.onArrival) {
      // Only across cities: ride to the next place's city hub first, and eat there.
      const city = built.places[next]!.city;
      if (city === built.places[at]!.city) return false;
      const hub = built.hubOf.get(city);
      if (hub === undefined) return false;
      t = problem.travel.arrive(at, hub, t, d);
      at = hub;
      if (next === route.end) k = order.length + 1;
    }
    const startMin = Math.max(t, lunch.from);
    if (startMin > lunch.to) return false;
    meal = { meal: 'lunch', place: at, startMin, endMin: startMin + lunch.length, before: k };
    t = startMin + lunch.length;
    return true;
  };
  for (let i = 0; i < order.length; i++) {
    if (i === lunch.before && !eat(i, problem.visits[order[i]!]!.place)) return undefined;
    const pv = problem.visits[order[i]!]!;
    const arrive = problem.travel.arrive(at, pv.place, t, d);
    const w = pv.windows[d]?.find((x) => x.close >= arrive);
    if (!w) return undefined;
    const start = Math.max(arrive, w.open);
    visits.push({ visit: order[i]!, arrive, start, end: start + pv.duration });
    t = start + pv.duration;
    at = pv.place;
  }
  if (lunch.before === order.length && !eat(order.length, route.end)) return undefined;
  const finish = problem.travel.arrive(at, route.end, t, d);
  if (finish > pday.close + reserveMin) return undefined;
  return { route: { start: route.start, end: route.end, visits, finish }, meals: [meal!] };
}
