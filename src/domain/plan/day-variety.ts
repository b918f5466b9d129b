/**
 * Some variety within a day — the modest rule: no more than
 * MAX_ALIKE_IN_A_ROW stops in a row that are alike, i.e. carry the same set
 * of themes (four red memorial halls, four cultural museums in a row tire a
 * party; a tower, a museum, a lake do not). A day with a longer run is first
 * reordered — the single move of one stop (taken out, put back elsewhere)
 * that breaks every run, keeps every opening window and the day's end, and
 * adds the least time; failing that, the run's least valuable optional stop
 * is dropped and the day re-timed without it (leaving a stop out never makes
 * the rest late: travel obeys the triangle inequality and waiting is free).
 */
import type { DayRoute, Solution } from '../planner/problem.js';
import type { BuiltProblem } from './build-problem.js';
import { scheduleDay } from './group-by-theme.js';

export const MAX_ALIKE_IN_A_ROW = 3;

/** Two stops are alike when they carry exactly the same themes. */
export function kindOf(themes: readonly string[]): string {
  return [...themes].sort().join('+');
}

/** The first run of more than MAX_ALIKE_IN_A_ROW alike stops: its first index and length. */
export function longRun(kinds: readonly string[]): { readonly from: number; readonly length: number } | undefined {
  let from = 0;
  for (let i = 1; i <= kinds.length; i++) {
    if (i < kinds.length && kinds[i] === kinds[from]) continue;
    if (i - from > MAX_ALIKE_IN_A_ROW) return { from, length: i - from };
    from = i;
  }
  return undefined;
}

export interface VariedSolution {
  readonly solution: Solution;
  /** Indices of problem visits left out so that no day has a long run of alike stops. */
  readonly leftOut: readonly number[];
}

export function withVariety(built: BuiltProblem, solution: Solution): VariedSolution {
  const leftOut: number[] = [];
  let { score, cost } = solution;
  const unscheduled = [...solution.unscheduled];
  const days = solution.days.map((route, day) => {
    let r = route;
    // Each pass either removes the long run by a move or drops a stop, so it ends.
    for (let guard = 0; guard < route.visits.length; guard++) {
      const kinds = r.visits.map((sv) => kindOf(built.attractions[sv.visit]!.themes));
      const run = longRun(kinds);
      if (!run) break;
      const moved = bestMove(built, r, day);
      if (moved) {
        r = moved;
        continue;
      }
      const runVisits = r.visits.slice(run.from, run.from + run.length).map((sv) => sv.visit);
      const optional = runVisits.filter((v) => !built.problem.visits[v]!.mandatory);
      if (optional.length === 0) break;
      const drop = optional.reduce((x, y) => (built.problem.visits[y]!.score < built.problem.visits[x]!.score ? y : x));
      const kept = scheduleDay(built, r, day, r.visits.map((sv) => sv.visit).filter((v) => v !== drop));
      if (!kept) break;
      score -= built.problem.visits[drop]!.score;
      cost -= built.problem.visits[drop]!.cost ?? 0;
      unscheduled.push({ visit: drop, reason: 'no-time' });
      leftOut.push(drop);
      r = kept;
    }
    return r;
  });
  return { solution: { ...solution, days, score, cost, unscheduled }, leftOut };
}

/** The feasible single move (one stop taken out and put back elsewhere) with no long run that finishes earliest. */
function bestMove(built: BuiltProblem, route: DayRoute, day: number): DayRoute | undefined {
  const order = route.visits.map((sv) => sv.visit);
  let best: DayRoute | undefined;
  for (let from = 0; from < order.length; from++) {
    for (let to = 0; to < order.length; to++) {
      if (to === from) continue;
      const next = [...order];
      const [v] = next.splice(from, 1);
      next.splice(to, 0, v!);
      if (longRun(next.map((x) => kindOf(built.attractions[x]!.themes)))) continue;
      const timed = scheduleDay(built, route, day, next);
      if (timed && (!best || timed.finish < best.finish)) best = timed;
    }
  }
  return best;
}
