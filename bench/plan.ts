/**
 * `node dist/bench/plan.js [--runs N] [--seeds K]`: the planner as agents meet it (`--runs 0`: no
 * whole-process timing, for the quality table alone).
 *
 * 1. Whole-process wall time of `yangtze plan … --json` (node start-up,
 *    catalogue load, planning, output) with the default --time-limit, for a
 *    7-day Chongqing → Nanchang trip and a 2-day Wuhan trip on the shipped
 *    catalogue: median and worst of N runs (target: under 2 s each).
 * 2. Quality of the default effort: what the search maximises — the race's
 *    value (plan-trip.ts raceValue: the score less what getting about costs)
 *    — with the default --time-limit against ten times it, over K seeds
 *    (target: within 1 %), on the two trips above and a few others (the
 *    README's 7-day water trip, a 5-day, a 4-day and a 3-day one). The score
 *    (sightseeing alone) is shown beside it: two plans of the same value may
 *    differ in score by what one more train and its fare buy, so the score's
 *    gap says which plan each effort chose, not how far the search fell
 *    short. No clock is passed, so both runs are decided by their effort
 *    alone (iterations: all core runs together).
 *
 * 3. Determinism under load: the issue's 9-day request run once quietly and
 *    once with the process stopped (SIGSTOP) for 1.5 s a little after it
 *    starts planning, then continued (SIGCONT): the JSON must be the same bytes.
 *
 * Prints Markdown for bench/results/plan.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TIME_LIMIT_MS, MAX_ITERATIONS, effortFor } from '../src/commands/plan.js';
import { parseRequest } from '../src/domain/plan/parse-request.js';
import { cityNeighbours } from '../src/domain/plan/choose-cities.js';
import { RACE_ROUNDS, SKELETONS, planTrip, raceValue } from '../src/domain/plan/plan-trip.js';
import { directedLinks } from '../src/domain/travel/city-links.js';
import { chinaHolidayCalendar } from '../src/io/china-holidays.js';
import { loadCatalogueFile } from '../src/io/load-catalogue.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin', 'yangtze.js');
const catalogueFile = path.join(root, 'routes.yaml');

const CASES = [
  { name: '7 days Chongqing → Nanchang', flags: { from: 'chongqing', to: 'nanchang', start: '2026-05-12', days: '7', party: 'adult=2,child=1' } },
  { name: '2 days Wuhan', flags: { from: 'wuhan', to: 'wuhan', start: '2026-05-12', days: '2', themes: 'cultural,red', party: 'adult=2' } },
] as const;

/** More trips for the quality table only (not timed as whole processes). */
const QUALITY_CASES = [
  ...CASES,
  { name: '7 days Chongqing → Nanchang, water and culture (README)', flags: { from: 'chongqing', to: 'nanchang', start: '2027-04-12', days: '7', themes: 'water,cultural', party: 'adult=2,child=1' } },
  { name: '5 days Wuhan → Nanchang, culture and eco', flags: { from: 'wuhan', to: 'nanchang', start: '2027-04-12', days: '5', themes: 'cultural,eco', party: 'adult=2' } },
  { name: '4 days from Changsha, red and culture', flags: { from: 'changsha', start: '2027-06-08', days: '4', themes: 'red,cultural', party: 'adult=2' } },
  { name: '3 days Yichang → Wuhan, water and eco', flags: { from: 'yichang', to: 'wuhan', start: '2027-09-14', days: '3', themes: 'water,eco', party: 'adult=2,child=1' } },
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
    `Default --time-limit ${DEFAULT_TIME_LIMIT_MS} ms = effort ${effortFor(DEFAULT_TIME_LIMIT_MS)} iterations × open visit-days for the whole search, raced over ${SKELETONS} skeletons in rounds: ${RACE_ROUNDS.map((r, i) => `${i === RACE_ROUNDS.length - 1 ? 'the rest' : `${Math.round(r.share * 1000) / 10} %`} on ${i === 0 ? 'each' : `the ${r.keep === 1 ? 'leader' : `${r.keep} leaders`}`}`).join(', then ')}.`,
    '',
  );
  if (runs > 0) lines.push('| case | median wall | worst wall | visits | score |', '|---|--:|--:|--:|--:|');
  for (const c of runs > 0 ? CASES : []) {
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
  const neighbours = cityNeighbours(directedLinks(catalogue));
  lines.push('', `Value (the race's objective) and score with the default limit vs ten times it (${seeds} seeds each):`, '');
  lines.push(
    '| case | seed | value (default) | value (10×) | value gap | score (default) | score (10×) | score gap | iterations (default / 10×) | planning ms (default) | planning ms (10×) |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  );
  for (const c of QUALITY_CASES) {
    const sum = { valueDefault: 0, valueTen: 0, scoreDefault: 0, scoreTen: 0 };
    for (let seed = 1; seed <= seeds; seed++) {
      const parsed = parseRequest({ ...c.flags, seed: String(seed) }, catalogue);
      if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
      const run = (limit: number) => {
        const t0 = performance.now();
        const r = planTrip(catalogue, parsed.request, calendar, { seed, maxIterations: MAX_ITERATIONS, effort: effortFor(limit), skeletons: SKELETONS });
        if (!r.ok) throw new Error(r.message);
        return { score: r.itinerary.totals.score, value: raceValue(r.itinerary, neighbours), ms: performance.now() - t0, iterations: r.iterations };
      };
      const a = run(DEFAULT_TIME_LIMIT_MS);
      const b = run(DEFAULT_TIME_LIMIT_MS * 10);
      sum.valueDefault += a.value;
      sum.valueTen += b.value;
      sum.scoreDefault += a.score;
      sum.scoreTen += b.score;
      lines.push(
        `| ${c.name} | ${seed} | ${a.value.toFixed(1)} | ${b.value.toFixed(1)} | ${pct(a.value, b.value)} | ${a.score} | ${b.score} | ${pct(a.score, b.score)} | ${a.iterations} / ${b.iterations} | ${Math.round(a.ms)} | ${Math.round(b.ms)} |`,
      );
    }
    lines.push(
      `| **${c.name}** | all | **${sum.valueDefault.toFixed(1)}** | **${sum.valueTen.toFixed(1)}** | **${pct(sum.valueDefault, sum.valueTen)}** | ${sum.scoreDefault} | ${sum.scoreTen} | ${pct(sum.scoreDefault, sum.scoreTen)} | | | |`,
    );
  }
  lines.push('', 'Paused mid-search (SIGSTOP 1.5 s, then SIGCONT), the 9-day Yichang → Wuhan request of issue 12:', '');
  lines.push('| pause after | bytes equal to the quiet run | warnings |', '|--:|---|---|');
  const quiet = spawnSync(process.execPath, [bin, '--catalogue', catalogueFile, 'plan', ...NINE_DAYS], { encoding: 'utf8' }).stdout;
  for (const afterMs of [300, 600, 900]) {
    const paused = await pausedRun(afterMs, 1500);
    const warnings = (JSON.parse(paused) as { warnings?: { code: string }[] }).warnings?.map((w) => w.code).join(', ') ?? 'none';
    lines.push(`| ${afterMs} ms | ${paused === quiet ? 'yes' : 'NO'} | ${warnings} |`);
  }
  lines.push('', `Load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.`);
  process.stdout.write(lines.join('\n') + '\n');
}

const NINE_DAYS = [
  '--from', 'yichang', '--to', 'wuhan', '--start', '2027-10-05', '--days', '9', '--themes', 'eco,water,red,cultural',
  '--party', 'adult=2', '--budget', '13392', '--json',
];

/** The 9-day plan with the process stopped for `pauseMs` after `afterMs` of running; its stdout. */
function pausedRun(afterMs: number, pauseMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--catalogue', catalogueFile, 'plan', ...NINE_DAYS], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    setTimeout(() => {
      child.kill('SIGSTOP');
      setTimeout(() => child.kill('SIGCONT'), pauseMs);
    }, afterMs);
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}

function ms(x: number): string {
  return `${Math.round(x)} ms`;
}

function pct(a: number, b: number): string {
  return b === 0 ? '0 %' : `${(((b - a) / Math.abs(b)) * 100).toFixed(2)} %`;
}

await main(process.argv.slice(2));
