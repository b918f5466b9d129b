/**
 * `npm run bench:toptw -- --tours M [--distance-decimals 1|2] FILE...`: one NDJSON line per instance
 * (see /work/shared/bench/README.md). Travel times are rounded down to 0.01 for the Cordeau `pr*`
 * files and 0.1 for every other file, unless `--distance-decimals` says otherwise.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseBenchArgs } from './lib/bench-args.js';
import { routeKeys, runSolver } from './lib/run-solver.js';
import { distanceDecimalsFor, parseToptw, toptwProblem } from './lib/toptw-instance.js';

function main(argv: readonly string[]): void {
  const args = parseBenchArgs(argv);
  for (const file of args.files) {
    const instance = basename(file, extname(file));
    const decimals = args.distanceDecimals ?? distanceDecimalsFor(instance);
    const problem = toptwProblem(parseToptw(readFileSync(file, 'utf8')), args.tours, decimals);
    const { solution, ms } = runSolver(problem, args);
    const line = {
      problem: 'toptw',
      instance,
      tours: args.tours,
      score: solution.score,
      routes: routeKeys(problem, solution),
      ms,
      // The seed and the iterations the time bought: the gap on the larger files varies with both.
      seed: args.seed,
      iterations: solution.iterations,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`bench:toptw: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
