/**
 * Keeps same-theme stops together where it costs little: for each day, the
 * core's order is regrouped so that stops sharing a theme follow each other
 * (themes in the order they first appear that day; within a theme, the
 * core's order). The regrouped day is kept only if every stop still starts
 * inside its opening window, the day still ends at its hotel in time, and
 * it adds at most GROUPING_SLACK_MIN minutes of travel.
 */
import type { Theme } from '../catalogue/model.js';
import type { DayRoute, ScheduledVisit, Solution } from '../planner/problem.js';
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
  const travelOf = (r: DayRoute) => r.finish - r.visits.reduce((s, v) => s + (v.end - v.start), 0) - waitOf(r);
  return travelOf(timed) <= travelOf(route) + GROUPING_SLACK_MIN ? timed : undefined;
}

/** Time waiting for openings, which is not travel. */
function waitOf(r: DayRoute): number {
  return r.visits.reduce((s, v) => s + (v.start - v.arrive), 0);
}

/** Schedules visits in this order from the day's start, each as early as it can; undefined if a window or the day's end is missed. */
export function scheduleDay(built: BuiltProblem, route: DayRoute, day: number, visits: readonly number[]): DayRoute | undefined {
  const { problem } = built;
  const pday = problem.days[day]!;
  let at = route.start;
  let t = pday.open;
  const out: ScheduledVisit[] = [];
  for (const v of visits) {
    const pv = problem.visits[v]!;
    const arrive = problem.travel.arrive(at, pv.place, t, day);
    const w = pv.windows[day]?.find((x) => x.close >= arrive);
    if (!w) return undefined;
    const start = Math.max(arrive, w.open);
    out.push({ visit: v, arrive, start, end: start + pv.duration });
    t = start + pv.duration;
    at = pv.place;
  }
  const finish = problem.travel.arrive(at, route.end, t, day);
  if (finish > pday.close) return undefined;
  // The original's finish is measured the same way, so the comparison is fair.
  return { start: route.start, end: route.end, visits: out, finish };
}
