/**
 * `node dist/bench/startup.js [--runs N] [--warmup N] [--catalogue FILE]`:
 * cold start of the CLI against bare node, measured in the same run on the
 * same machine. Each sample spawns a fresh process and waits for it to exit,
 * so it includes process creation, module loading and the command itself.
 * `catalogue list` runs twice: with the catalogue cache off (every run
 * validates the YAML) and with a primed cache in a throwaway directory (never
 * the user's). Prints a Markdown report (the target: `--help` within 2x of `node -e 0`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin', 'yangtze.js');

interface Case {
  readonly label: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

interface Stats {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

function main(argv: readonly string[]): void {
  const runs = Number(flag(argv, '--runs') ?? 20);
  const warmup = Number(flag(argv, '--warmup') ?? 3);
  const catalogue = flag(argv, '--catalogue') ?? defaultCatalogue();
  const cacheHome = mkdtempSync(path.join(os.tmpdir(), 'yangtze-bench-cache-'));
  try {
    report(runs, warmup, catalogue, cacheHome);
  } finally {
    rmSync(cacheHome, { recursive: true, force: true });
  }
}

function report(runs: number, warmup: number, catalogue: string, cacheHome: string): void {
  const list = [bin, '--catalogue', catalogue, 'catalogue', 'list', '--json'];
  const shown = path.relative(root, catalogue);
  const cases: Case[] = [
    { label: 'node -e 0', args: ['-e', '0'] },
    { label: 'yangtze --help', args: [bin, '--help'] },
    { label: 'yangtze catalogue --help', args: [bin, 'catalogue', '--help'] },
    { label: `yangtze catalogue list --json (${shown}, cache off)`, args: list, env: { YANGTZE_NO_CACHE: '1' } },
    { label: `yangtze catalogue list --json (${shown}, cache hit)`, args: list, env: { XDG_CACHE_HOME: cacheHome, YANGTZE_NO_CACHE: '' } },
  ];
  // Interleave the cases run by run, so a slow spell of the machine hits all of them alike.
  for (let i = 0; i < warmup; i++) for (const c of cases) sample(c);
  const samples = cases.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) cases.forEach((c, j) => samples[j]!.push(sample(c)));
  const stats = samples.map(summarize);
  const bare = stats[0]!;
  // One entry means every cached run hit it; more means the build changed mid-run (a rebuild rewrites the stamp).
  const entries = readdirSync(path.join(cacheHome, 'yangtze')).filter((f) => f.endsWith('.json')).length;

  const lines = [
    `Command: \`node dist/bench/startup.js --runs ${runs} --warmup ${warmup}\``,
    `Machine: ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), node ${process.version}, ${os.platform()} ${os.release()}`,
    `Runs: ${runs} per case after ${warmup} warm-ups, interleaved; wall time from spawn to exit.`,
    `Load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}. Cache entries written: ${entries} (1 = every cached run hit).`,
    '',
    '| command | median ms | min ms | max ms | median / bare node |',
    '|---|---:|---:|---:|---:|',
    ...cases.map((c, i) => {
      const s = stats[i]!;
      return `| \`${c.label}\` | ${s.medianMs.toFixed(1)} | ${s.minMs.toFixed(1)} | ${s.maxMs.toFixed(1)} | ${(s.medianMs / bare.medianMs).toFixed(2)}x |`;
    }),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

function sample(c: Case): number {
  const start = performance.now();
  const env = { ...process.env, NO_COLOR: '1', ...c.env };
  const result = spawnSync(process.execPath, c.args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${c.label} exited ${result.status}: ${result.stderr.toString().slice(0, 500)}`);
  return ms;
}

function summarize(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianMs = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { medianMs, minMs: sorted[0]!, maxMs: sorted[sorted.length - 1]! };
}

function flag(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function defaultCatalogue(): string {
  const shipped = path.join(root, 'routes.yaml');
  return existsSync(shipped) ? shipped : path.join(root, 'test', 'fixtures', 'cli', 'catalogue.yaml');
}

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`bench:startup: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
