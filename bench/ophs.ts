/** `npm run bench:ophs -- FILE...`: one NDJSON line per instance (see /work/shared/bench/README.md). */
import { readFileSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { parseBenchArgs } from './lib/bench-args.js';
import { runSolver } from './lib/run-solver.js';
import { ophsProblem, parseOphs } from './lib/ophs-instance.js';

function main(argv: readonly string[]): void {
  const args = parseBenchArgs(argv);
  for (const file of args.files) {
    const problem = ophsProblem(parseOphs(readFileSync(file, 'utf8')), args.tolerance);
    const { solution, ms } = runSolver(problem, args);
    const trips = solution.days.map((d) => [
      d.start,
      ...d.visits.map((v) => Number(problem.visits[v.visit]!.key)),
      d.end,
    ]);
    const line = {
      problem: 'ophs',
      instance: `${basename(dirname(file))}/${basename(file, extname(file))}`,
      score: solution.score,
      trips,
      ms,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`bench:ophs: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
