/**
 * Why the planner ends on a skeleton: the first leg of its race, redone
 * step by step (plan-trip.ts: one short core run per skeleton, PROBE_SHARE
 * of the CLI's effort each, seed + the skeleton's rank; the two leaders by
 * musts kept, then raceValue, get a second run and the leader the rest:
 * RACE_ROUNDS). Each probe's plan is made into the planner's itinerary
 * (exact-value.ts) and ranked, so a value shortfall can be told apart: the
 * probe of the value optimum's skeleton fell short of that optimum and lost
 * the race, or the core on the skeleton it won fell short.
 */
import { DEFAULT_TIME_LIMIT_MS, MAX_ITERATIONS, effortFor } from '../../src/commands/plan.js';
import { MIN_ITERATIONS, PROBE_SHARE, searchSize } from '../../src/domain/plan/plan-trip.js';
import { solve } from '../../src/domain/planner/solve.js';
import { itineraryOfRoutes, rankOf, type RaceRank, type Skeleton, type ValueContext } from './exact-value.js';

export interface Probe {
  readonly rank: RaceRank;
  readonly iterations: number;
}

/** The race's probes, skeleton by skeleton, as `yangtze plan` runs them with its default effort. */
export function raceProbes(ctx: ValueContext, skeletons: readonly Skeleton[]): Probe[] {
  const seed = ctx.request.seed ?? 1;
  return skeletons.map((sk, i) => {
    const iterations = Math.min(MAX_ITERATIONS, Math.max(MIN_ITERATIONS, Math.round((effortFor(DEFAULT_TIME_LIMIT_MS) * PROBE_SHARE) / searchSize(sk.built.problem))));
    const solution = solve(sk.built.problem, { seed: seed + i, maxIterations: iterations });
    const routes = solution.days.map((r) => r.visits.map((v) => v.visit));
    return { rank: rankOf(itineraryOfRoutes(ctx, sk, routes), ctx.neighbours), iterations };
  });
}
