/**
 * Keeps same-theme stops together where it costs little: for each day, the
 * core's order is regrouped so that stops sharing a theme follow each other
 * (themes in the order they first appear that day; within a theme, the
 * core's order). The regrouped day is kept only if every stop still starts
 * inside its opening window, the day still ends at its hotel in time, it
 * adds at most GROUPING_SLACK_MIN minutes of travel, and the party pays no
 * more for its local legs: grouping is for the reader, not worth a taxi ride
 * out of town and back (Nanchang: Tengwang Pavilion, Haihunhou 40 km out,
 * then the Bayi memorial beside the pavilion — ¥9.2 more than the core's
 * order, which the race then charged against a plan it had not ranked).
 */
import type { Theme } from '../catalogue/model.js';
import { modelOf } from '../planner/model.js';
import type { DayRoute, ScheduledVisit, Solution } from '../planner/problem.js';
import { timeDay } from '../planner/route.js';
import type { BuiltProblem } from './build-problem.js';

export const GROUPING_SLACK_MIN = 20;

export function groupByTheme(built: BuiltProblem, solution: Solution, themes: readonly Theme[]): Solution {
  const days = solution.days.map((route, day) => regroup(built, route, day, themes) ?? route);
  return { ...solution, days };
}

function regroup(built: BuiltProblem, route: DayRoute, day: number, themes: readonly Theme[]): DayRoute | undefined {
  if (route.visits.length < 3) return undefined;
  const primary = (sv: ScheduledVisit): Theme => {
    const a = built.attractions[sv.visit]!;
    return a.themes.find((t) => themes.includes(t)) ?? a.themes[0]!;
  };
  const order: Theme[] = [];
  for (const sv of route.visits) if (!order.includes(primary(sv))) order.push(primary(sv));
  const grouped = order.flatMap((t) => route.visits.filter((sv) => primary(sv) === t));
  if (grouped.every((sv, i) => sv.visit === route.visits[i]!.visit)) return undefined;
  const timed = scheduleDay(built, route, day, grouped.map((sv) => sv.visit));
  if (!timed) return undefined;
  const travelOf = (r: DayRoute) => r.finish - r.visits.reduce((s, v) => s + (v.end - v.start), 0) - waitOf(r) - lunchOutsideWaits(r);
  if (travelOf(timed) > travelOf(route) + GROUPING_SLACK_MIN) return undefined;
  return localYuan(built, day, timed) <= localYuan(built, day, route) + 1e-9 ? timed : undefined;
}

/** What the party pays for the day's local legs in this order (the taxi meters; walking is free), as the itinerary shows them. */
export function localYuan(built: BuiltProblem, day: number, route: DayRoute): number {
  const p = built.problem;
  const stops = [route.start, ...route.visits.map((sv) => p.visits[sv.visit]!.place), route.end];
  const departs = [p.days[day]!.open, ...route.visits.map((sv) => sv.end)];
  let yuan = 0;
  for (let k = 0; k + 1 < stops.length; k++) {
    for (const s of built.tripTravel.segments(stops[k]!, stops[k + 1]!, departs[k]!, day) ?? []) if (s.mode === 'local') yuan += s.cost;
  }
  return yuan;
}

/**
 * The lunch's minutes that are neither a visit nor a wait (one on arrival at a stop is inside
 * that stop's wait, one inside a visit inside the visit): not travel either.
 */
function lunchOutsideWaits(r: DayRoute): number {
  const b = r.break;
  if (b === undefined || b.kind === 'inside' || (b.kind === 'arrive' && b.at < r.visits.length)) return 0;
  return b.end - b.start;
}

/** Time waiting for openings, which is not travel. */
function waitOf(r: DayRoute): number {
  return r.visits.reduce((s, v) => s + (v.start - v.arrive), 0);
}

/**
 * Schedules visits in this order from the day's start, each as early as it can, with the day's
 * lunch where the core's route evaluation puts it; undefined if a window or the day's end is missed.
 */
export function scheduleDay(built: BuiltProblem, route: DayRoute, day: number, visits: readonly number[]): DayRoute | undefined {
  return timeDay(modelOf(built.problem), day, route.start, route.end, visits);
}
