/**
 * The checks that keep the exact model honest (bench/exact-gap.ts exits 1 on any): CBC, the
 * day enumeration, the exhaustive search, the core's replay and the race's raceValue must all
 * say the same of every optimum, and nothing the planner made may beat one.
 */
import type { ScenarioResult } from './exact-scenario-run.js';
import { ranksAbove } from './exact-value.js';

/** Where the exact methods, the core and raceValue disagree: any of these means a model is not the planner's. */
export function checkModel(r: ScenarioResult): string[] {
  const out: string[] = [];
  if (!r.plannerReplayed) out.push("the planner's itinerary does not replay on any skeleton's Problem with its own score");
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
  r.skeletons.forEach((s, k) => {
    const e = s.exact;
    if (e.status === 'not-modelled') out.push(`skeleton ${k}: not modelled: ${e.reason}`);
    if (e.status === 'infeasible') out.push(`skeleton ${k}: CBC says infeasible (the empty plan is always feasible)`);
    if (e.best !== undefined && !e.best.feasible) out.push(`skeleton ${k}: the MIP's solution fails the core's replay: ${e.best.why}`);
    // A run the limit stopped before CBC had an integer solution reports a bound, not a plan: nothing to compare.
    const incumbent = (x: typeof e) => !(x.status === 'stopped' && x.best?.weight === 0);
    if (incumbent(e) && e.best?.feasible && e.mipObjective !== undefined && !close(e.mipObjective, e.objectiveOfBest!)) {
      out.push(`skeleton ${k}: MIP objective ${e.mipObjective} ≠ core weight ${e.objectiveOfBest}`);
    }
    if (e.status === 'optimal' && e.dfsWeight !== undefined && Math.abs(e.dfsWeight - e.best!.weight) > 1e-6) {
      out.push(`skeleton ${k}: DFS optimum ${e.dfsWeight} ≠ MIP optimum ${e.best!.weight}`);
    }
    if (s.exact.mealsKeepAll === false) out.push(`skeleton ${k}: meals.ts drops a visit or a lunch of the MIP's optimum`);
    // The day enumeration against CBC, on the score model.
    const d = s.days;
    if (d.status === 'optimal') {
      if (e.status === 'optimal' && !close(d.weight, e.best!.weight)) out.push(`skeleton ${k}: day enumeration ${d.weight} ≠ CBC optimum ${e.best!.weight}`);
      if (e.status === 'stopped' && d.weight > e.boundWeight + 1e-6) out.push(`skeleton ${k}: day enumeration ${d.weight} above CBC's bound ${e.boundWeight}`);
      if (e.status === 'stopped' && incumbent(e) && e.best?.feasible && d.weight < e.best.weight - 1e-6) out.push(`skeleton ${k}: day enumeration ${d.weight} below CBC's plan ${e.best.weight}`);
      const b = s.scoreOpt.best;
      if (s.scoreOpt.method === 'days' && (!b?.feasible || !close(b.weight, d.weight))) out.push(`skeleton ${k}: the day enumeration's plan does not replay with its weight ${d.weight}`);
    }
    // The value model: CBC's value MIP against its replay and against the day enumeration; raceValue against the model.
    const ve = s.valueExact;
    if (ve !== undefined) {
      if (ve.best !== undefined && !ve.best.feasible) out.push(`skeleton ${k}: the value MIP's solution fails the core's replay: ${ve.best.why}`);
      if (incumbent(ve) && ve.best?.feasible && ve.mipObjective !== undefined && !close(ve.mipObjective, ve.objectiveOfBest!)) {
        out.push(`skeleton ${k}: value MIP objective ${ve.mipObjective} ≠ the core's weight less the local yuan charge ${ve.objectiveOfBest}`);
      }
      if (ve.status === 'optimal' && d.status === 'optimal' && !close(ve.objectiveOfBest!, d.charged)) {
        out.push(`skeleton ${k}: value: day enumeration ${d.charged} ≠ CBC optimum ${ve.objectiveOfBest}`);
      }
    }
    const v = s.valueOpt;
    if (v.rank !== undefined && !close(v.rank.value, v.predicted)) {
      out.push(`skeleton ${k}: raceValue of the value optimum's itinerary ${v.rank.value} ≠ the model's ${v.predicted}`);
    }
    // Nothing the planner made beats an optimum, on either measure.
    if (s.scoreOpt.status === 'optimal' && s.planner?.feasible && s.planner.weight > s.scoreOpt.best!.weight + 1e-6) {
      out.push(`skeleton ${k}: the planner's ${s.planner.weight} beats the score optimum ${s.scoreOpt.best!.weight}`);
    }
    if (v.status === 'optimal' && v.rank !== undefined && k === r.plannerSkeleton && ranksAbove(r.plannerRank, v.rank, 1e-6)) {
      out.push(`skeleton ${k}: the planner's value ${r.plannerRank.value} beats the value optimum ${v.rank.value}`);
    }
  });
  return out;
}

