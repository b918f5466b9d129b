/**
 * `node dist/bench/plan.js [--runs N] [--seeds K]`: the planner as agents meet it.
 *
 * 1. Whole-process wall time of `yangtze plan … --json` (node start-up,
 *    catalogue load, planning, output) with the default --time-limit, for a
 *    7-day Chongqing → Nanchang trip and a 2-day Wuhan trip on the shipped
 *    catalogue: median and worst of N runs (target: under 2 s each).
 * 2. Quality of the default effort: the plan's score with the default
 *    --time-limit against the score with ten times it, over K seeds
 *    (target: within 1 %). No clock is passed, so both runs are decided by
 *    their effort alone (iterations: all core runs together).
 *
 * Prints Markdown for bench/results/plan.md.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TIME_LIMIT_MS, MAX_ITERATIONS, SKELETONS, effortFor } from '../src/commands/plan.js';
import { parseRequest } from '../src/domain/plan/parse-request.js';
import { FINAL_RUNS, PROBE_SHARE, planTrip } from '../src/domain/plan/plan-trip.js';
import { chinaHolidayCalendar } from '../src/io/china-holidays.js';
import { loadCatalogueFile } from '../src/io/load-catalogue.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin', 'yangtze.js');
const catalogueFile = path.join(root, 'routes.yaml');

const CASES = [
  { name: '7 days Chongqing → Nanchang', flags: { from: 'chongqing', to: 'nanchang', start: '2026-05-12', days: '7', party: 'adult=2,child=1' } },
  { name: '2 days Wuhan', flags: { from: 'wuhan', to: 'wuhan', start: '2026-05-12', days: '2', themes: 'cultural,red', party: 'adult=2' } },
] as const;

function argsOf(flags: Readonly<Record<string, string>>): string[] {
  return Object.entries(flags).flatMap(([k, v]) => [`--${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`, v]);
}

async function main(argv: readonly string[]): Promise<void> {
  const opt = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const runs = opt('--runs', 5);
  const seeds = opt('--seeds', 5);
  const lines: string[] = [];
  lines.push(
    `Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? '?'}), load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} at the start; ${runs} runs per case.`,
    `Default --time-limit ${DEFAULT_TIME_LIMIT_MS} ms = effort ${effortFor(DEFAULT_TIME_LIMIT_MS)} iterations × open visit-days for the whole search, raced over ${SKELETONS} skeletons (a run on ${PROBE_SHARE * 100} % each, then ${FINAL_RUNS} runs on the leader share the rest).`,
    '',
  );
  lines.push('| case | median wall | worst wall | visits | score |', '|---|--:|--:|--:|--:|');
  for (const c of CASES) {
    const times: number[] = [];
    let doc: { totals: { visits: number; score: number } } | undefined;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [bin, '--catalogue', catalogueFile, 'plan', ...argsOf(c.flags), '--json'], { encoding: 'utf8' });
      times.push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`${c.name}: exit ${r.status}: ${r.stderr}`);
      doc = JSON.parse(r.stdout);
    }
    times.sort((a, b) => a - b);
    lines.push(`| ${c.name} | ${ms(times[Math.floor(times.length / 2)]!)} | ${ms(times.at(-1)!)} | ${doc!.totals.visits} | ${doc!.totals.score} |`);
  }

  const loaded = await loadCatalogueFile(catalogueFile, 'routes.yaml');
  if (!loaded.ok) throw new Error('routes.yaml does not load');
  const catalogue = loaded.value;
  const calendar = chinaHolidayCalendar(catalogue.holidays);
  lines.push('', `Score with the default limit vs ten times it (${seeds} seeds each):`, '');
  lines.push('| case | seed | score (default) | score (10×) | gap | iterations (default / 10×) | planning ms (default) | planning ms (10×) |', '|---|--:|--:|--:|--:|--:|--:|--:|');
  for (const c of CASES) {
    let sumDefault = 0;
    let sumTen = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const parsed = parseRequest({ ...c.flags, seed: String(seed) }, catalogue);
      if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
      const run = (limit: number) => {
        const t0 = performance.now();
        const r = planTrip(catalogue, parsed.request, calendar, { seed, maxIterations: MAX_ITERATIONS, effort: effortFor(limit), skeletons: SKELETONS });
        if (!r.ok) throw new Error(r.message);
        return { score: r.itinerary.totals.score, ms: performance.now() - t0, iterations: r.iterations };
      };
      const a = run(DEFAULT_TIME_LIMIT_MS);
      const b = run(DEFAULT_TIME_LIMIT_MS * 10);
      sumDefault += a.score;
      sumTen += b.score;
      lines.push(`| ${c.name} | ${seed} | ${a.score} | ${b.score} | ${pct(a.score, b.score)} | ${a.iterations} / ${b.iterations} | ${Math.round(a.ms)} | ${Math.round(b.ms)} |`);
    }
    lines.push(`| **${c.name}** | all | **${sumDefault}** | **${sumTen}** | **${pct(sumDefault, sumTen)}** | | | |`);
  }
  lines.push('', `Load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.`);
  process.stdout.write(lines.join('\n') + '\n');
}

function ms(x: number): string {
  return `${Math.round(x)} ms`;
}

function pct(a: number, b: number): string {
  return b === 0 ? '0 %' : `${(((b - a) / b) * 100).toFixed(1)} %`;
}

await main(process.argv.slice(2));
