import { performance } from 'node:perf_hooks';
import type { Problem, Solution } from '../../src/domain/planner/problem.js';
import { solve } from '../../src/domain/planner/solve.js';
import type { BenchArgs } from './bench-args.js';

/** CPU milliseconds (user + system) this process has used. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Runs the core with the bench's stopping rule; the clock is read here, not in the core.
 * `ms` is counted by the same clock as the limit (wall or this process's CPU time).
 */
export function runSolver(problem: Problem, args: BenchArgs): { solution: Solution; ms: number } {
  const clock = args.clock === 'cpu' ? cpuMs : (): number => performance.now();
  const t0 = clock();
  const solution = solve(problem, {
    seed: args.seed,
    maxIterations: args.iterations,
    ...(args.timeLimitMs > 0 ? { timeLimitMs: args.timeLimitMs, clock } : {}),
  });
  return { solution, ms: Math.round(clock() - t0) };
}

export function routeKeys(problem: Problem, solution: Solution): number[][] {
  return solution.days.map((d) => d.visits.map((v) => Number(problem.visits[v.visit]!.key)));
}
