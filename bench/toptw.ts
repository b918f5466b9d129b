/** `npm run bench:toptw -- --tours M FILE...`: one NDJSON line per instance (see /work/shared/bench/README.md). */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseBenchArgs } from './lib/bench-args.js';
import { routeKeys, runSolver } from './lib/run-solver.js';
import { parseToptw, toptwProblem } from './lib/toptw-instance.js';

function main(argv: readonly string[]): void {
  const args = parseBenchArgs(argv);
  for (const file of args.files) {
    const problem = toptwProblem(parseToptw(readFileSync(file, 'utf8')), args.tours);
    const { solution, ms } = runSolver(problem, args);
    const line = {
      problem: 'toptw',
      instance: basename(file, extname(file)),
      tours: args.tours,
      score: solution.score,
      routes: routeKeys(problem, solution),
      ms,
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
